//! How the map's camera moves: zoom about a pixel, pan by a pixel offset, and the keyboard's
//! moves, each as a new [`Camera`] computed from the fit the last draw used.
//!
//! Layer: views. The map component stores the result in its camera signal.

use crate::chart::map::{Camera, MapHit};

/// Pixels the arrow keys pan by.
pub const KEY_PAN_PX: f64 = 60.0;
/// Zoom factor of the `+`/`−` keys and buttons.
pub const KEY_ZOOM: f64 = 1.5;

/// Multiply the zoom about a pixel (relative to the map box) and return the new camera.
pub fn zoomed(m: &MapHit, factor: f64, at: (f64, f64)) -> Camera {
    Camera::of(&m.fit.zoom_at(factor, at))
}

/// Move the view by a pixel offset (drag right: the map follows the pointer to the right).
pub fn panned(m: &MapHit, dx: f64, dy: f64) -> Camera {
    Camera::of(&m.fit.pan(dx, dy))
}

/// Zoom about the middle of the map box (buttons and keys).
pub fn zoomed_at_centre(m: &MapHit, factor: f64) -> Camera {
    zoomed(m, factor, (m.fit.width / 2.0, m.fit.height / 2.0))
}

/// What a key does to the camera.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CameraMove {
    To(Camera),
    /// Back to the whole extent (`0`).
    Reset,
}

/// The camera move for a key press on the map, `None` for keys the map does not use.
pub fn key_move(m: &MapHit, key: &str) -> Option<CameraMove> {
    let to = |c| Some(CameraMove::To(c));
    match key {
        "ArrowLeft" => to(panned(m, KEY_PAN_PX, 0.0)),
        "ArrowRight" => to(panned(m, -KEY_PAN_PX, 0.0)),
        "ArrowUp" => to(panned(m, 0.0, KEY_PAN_PX)),
        "ArrowDown" => to(panned(m, 0.0, -KEY_PAN_PX)),
        "+" | "=" => to(zoomed_at_centre(m, KEY_ZOOM)),
        "-" | "_" => to(zoomed_at_centre(m, 1.0 / KEY_ZOOM)),
        "0" => Some(CameraMove::Reset),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::map::fit_for;
    use crate::chart::ChartSpec;
    use crate::data::Lang;
    use crate::geo::Centre;
    use crate::views::{build, chart, Built};

    fn hit(camera: Option<Camera>) -> MapHit {
        let Built::Canvas { spec, .. } = build(chart("map-partners").unwrap(), Lang::En) else { panic!() };
        let ChartSpec::Map(m) = spec.as_ref() else { panic!() };
        let fit = fit_for(m, 800.0, 400.0, camera, Centre::Atlantic);
        MapHit {
            fit,
            centre: Centre::Atlantic,
            country_row: Vec::new(),
            lines: Vec::new(),
            top: 0.0,
            anchors: Vec::new(),
        }
    }

    #[test]
    fn zooming_about_a_point_keeps_that_point_still() {
        let m = hit(None);
        let at = (200.0, 150.0);
        let before = m.fit.from_px(at);
        let c = zoomed(&m, 2.0, at);
        let after = hit(Some(c));
        let (x, y) = after.fit.to_px(before);
        assert!((x - at.0).abs() < 1e-6 && (y - at.1).abs() < 1e-6, "({x}, {y})");
        assert!((c.zoom - 2.0).abs() < 1e-9);
    }

    #[test]
    fn the_zoom_stays_within_its_bounds() {
        let m = hit(None);
        assert_eq!(zoomed(&m, 0.1, (400.0, 200.0)).zoom, crate::geo::MIN_ZOOM);
        let deep = hit(Some(Camera { zoom: crate::geo::MAX_ZOOM, cx: 0.0, cy: 0.0 }));
        assert_eq!(zoomed(&deep, 3.0, (400.0, 200.0)).zoom, crate::geo::MAX_ZOOM);
    }

    #[test]
    fn arrow_keys_pan_and_plus_minus_zoom_about_the_centre() {
        let m = hit(Some(Camera { zoom: 3.0, cx: 0.5, cy: 0.3 }));
        let Some(CameraMove::To(left)) = key_move(&m, "ArrowLeft") else { panic!() };
        assert!(left.cx < 0.5 && (left.cy - 0.3).abs() < 1e-9, "{left:?}");
        let Some(CameraMove::To(up)) = key_move(&m, "ArrowUp") else { panic!() };
        assert!(up.cy > 0.3, "north-up: panning up shows more of the north {up:?}");
        let Some(CameraMove::To(z)) = key_move(&m, "+") else { panic!() };
        assert!((z.zoom - 4.5).abs() < 1e-9 && (z.cx - 0.5).abs() < 1e-9, "{z:?}");
        assert_eq!(key_move(&m, "0"), Some(CameraMove::Reset));
        assert_eq!(key_move(&m, "x"), None);
    }
}
