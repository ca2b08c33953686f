//! How the map's camera moves: zoom about a pixel, pan by a pixel offset, and the keyboard's
//! moves, each as a new [`Camera`] computed from the fit the last draw used; and where a layer
//! opens ([`opening`]) and where Reset goes ([`whole`]).
//!
//! Layer: views. The map component stores the result in its camera signal.

use crate::chart::map::{base_fit, base_fit_in, Camera, MapHit, MapSpec, PHONE_TALL, PHONE_WIDTH};
use crate::geo::fit::framed_group;
use crate::geo::{Bounds, Centre, Fit, MIN_ZOOM};

/// Pixels an opening view leaves free round the items it frames: room for most of a label
/// centred on an item at the edge.
pub const OPEN_MARGIN: f64 = 36.0;
/// The shape of map an opening view chooses its items for: a phone's ([`PHONE_TALL`]).
pub const OPEN_TALL: f64 = PHONE_TALL;
/// The closest an opening view comes, in multiples of the whole world's fit: closer, a few
/// neighbours would fill the screen without the region around them.
pub const OPEN_CLOSEST: f64 = 4.0;

/// The rows a layer's opening view on a phone frames, in a view centred on `centre`: the group of
/// its items [`framed_group`] picks for a phone's shape of map ([`OPEN_TALL`]), no closer than
/// [`OPEN_CLOSEST`] worlds: Asia and the Pacific for Table 3's partners (the United States,
/// Germany and Brazil are one Reset away), China to Moscow for the railway. A layer that ranks
/// its rows ([`MapSpec::ranked`]) frames a group with its first-ranked row (the warehouses' United
/// States), or none (the whole world) if its first has no place.
pub fn framed_rows(spec: &MapSpec, centre: Centre) -> Vec<usize> {
    let (rows, items): (Vec<usize>, Vec<Bounds>) =
        spec.places(centre).into_iter().enumerate().filter_map(|(r, b)| Some((r, b?))).unzip();
    let keep = match rows.first() {
        _ if !spec.ranked => None,
        Some(0) => Some(0),
        _ => return Vec::new(),
    };
    framed_group(centre.bounds().width(), OPEN_TALL, &items, OPEN_CLOSEST, keep).into_iter().map(|i| rows[i]).collect()
}

/// The view a map layer opens on (`None`: its whole extent), drawn `w` wide in a view centred on
/// `centre`. On a phone ([`PHONE_WIDTH`]), the framing of [`framed_rows`] to the phone's own box:
/// the box is taller than the world, which fills only a strip of it a few pixels per country. On a
/// wider screen the box has the world's own shape and shows every item at a scale where every
/// label fits, so the whole world stays the view there (and the meaning of an address without
/// `view=`). A layer whose own extent is already closer than [`OPEN_CLOSEST`] worlds (the ports'
/// coast) opens on it.
pub fn opening(spec: &MapSpec, w: f64, centre: Centre) -> Option<Camera> {
    opening_in(spec, w, None, centre)
}

/// As [`opening`], in a map body `full_h` high when one is given: a phone's full screen, whose box
/// is taller than the map's own. The view frames the same items to that box and comes at least
/// close enough for the map to cover the box's height (at the framing's own zoom the world would
/// be a strip with bands of background above and below it).
pub fn opening_in(spec: &MapSpec, w: f64, full_h: Option<f64>, centre: Centre) -> Option<Camera> {
    if w > PHONE_WIDTH {
        return None;
    }
    let base = match full_h {
        Some(h) => base_fit_in(spec, w, h, centre),
        None => base_fit(spec, w, centre),
    };
    let world = Fit::new(centre.bounds(), base.width, base.height, base.padding);
    let closest = OPEN_CLOSEST * world.scale() / base.scale();
    if closest <= MIN_ZOOM {
        return None;
    }
    let places = spec.places(centre);
    let framed = framed_rows(spec, centre).iter().filter_map(|&r| places[r]).fold(Bounds::EMPTY, |b, p| b.union(&p));
    let fit = base.framed(framed, OPEN_MARGIN, closest);
    (!framed.is_empty()).then(|| Camera::of(&if full_h.is_some() { covering(&fit) } else { fit }))
}

/// `fit` zoomed in about its centre until its extent covers the box's height (as far as the
/// zoom's bounds allow), or `fit` itself when it already does.
fn covering(fit: &Fit) -> Fit {
    let base = fit.scale() / fit.zoom();
    let cover = (fit.height - 2.0 * fit.padding) / (fit.extent().height() * base).max(1e-12);
    if fit.zoom() >= cover {
        *fit
    } else {
        fit.zoom_to(cover, (fit.width / 2.0, fit.height / 2.0))
    }
}

/// Where Reset (and the `0` key) takes a map whose layer opens on `opening`: the whole extent,
/// as the camera at zoom 1 where the layer opens closer, else no camera at all (the address then
/// names none).
pub fn whole(opening: Option<Camera>, base: &Fit) -> Option<Camera> {
    opening.map(|_| Camera::of(base))
}

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
    use crate::geo::Fit;
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

    /// The camera a layer opens on, drawn `w` wide, and the rows whose places it shows whole.
    fn opened(id: &str, lang: Lang, centre: Centre, w: f64) -> (Option<Camera>, Vec<String>) {
        let Built::Canvas { spec, .. } = build(chart(id).unwrap(), lang) else { panic!() };
        let ChartSpec::Map(m) = spec.as_ref() else { panic!() };
        let cam = opening(m, w, centre);
        let base = base_fit(m, w, centre);
        let fit =
            cam.map_or(base, |c| base.zoom_to(c.zoom, (base.width / 2.0, base.height / 2.0)).centered_on((c.cx, c.cy)));
        let v = fit.visible();
        let places = m.places(centre);
        let shown = places.iter().enumerate().filter_map(|(i, b)| {
            let b = (*b)?;
            (b.x0 >= v.x0 && b.x1 <= v.x1 && b.y0 >= v.y0 && b.y1 <= v.y1).then(|| m.row_labels[i].clone())
        });
        (cam, shown.collect())
    }

    #[test]
    fn full_screen_on_a_phone_opens_on_a_map_that_covers_the_box_around_the_same_items() {
        let mut banded = 0;
        for id in ["map-partners", "map-flows", "map-routes", "map-ecommerce", "map-warehouses"] {
            let Built::Canvas { spec, .. } = build(chart(id).unwrap(), Lang::En) else { panic!() };
            let ChartSpec::Map(m) = spec.as_ref() else { panic!() };
            for centre in Centre::ALL {
                let places = m.places(centre);
                let items =
                    framed_rows(m, centre).iter().filter_map(|&r| places[r]).fold(Bounds::EMPTY, |b, p| b.union(&p));
                for (w, h) in [(264.0, 560.0), (334.0, 700.0), (356.0, 760.0), (PHONE_WIDTH, 900.0)] {
                    let base = base_fit_in(m, w, h, centre);
                    let at_camera = |c: Camera| {
                        base.zoom_to(c.zoom, (base.width / 2.0, base.height / 2.0)).centered_on((c.cx, c.cy))
                    };
                    let bands = |fit: &Fit| {
                        let e = fit.extent();
                        let (top, bottom) = (fit.to_px((0.0, e.y1)).1, fit.to_px((0.0, e.y0)).1);
                        top > fit.padding + 0.5 || bottom < fit.height - fit.padding - 0.5
                    };
                    let fit =
                        at_camera(opening_in(m, w, Some(h), centre).expect("a phone's full screen opens on a view"));
                    let at = format!("{id} {centre:?} {w}×{h}");
                    assert!(!bands(&fit), "{at}: bands of background above or below the map");
                    let v = fit.visible();
                    let (x, y) = items.center();
                    assert!(x >= v.x0 && x <= v.x1 && y >= v.y0 && y <= v.y1, "{at}: the framed items left the view");
                    // The half-screen opening, in the same box, is what left the bands.
                    banded += opening(m, w, centre).map(at_camera).is_some_and(|f| bands(&f)) as usize;
                }
            }
        }
        assert!(banded > 0, "the half-screen opening no longer leaves bands in a full-screen box");
    }

    /// The maps' widths on phones 320, 360, 375, 390, 412 and 480 px wide, and the widest a phone's.
    const PHONES: [f64; 7] = [264.0, 304.0, 318.0, 334.0, 356.0, 424.0, PHONE_WIDTH];

    #[test]
    fn on_a_phone_the_partners_open_on_asia_and_the_pacific_in_either_centre() {
        for centre in Centre::ALL {
            for w in PHONES {
                for id in ["map-partners", "map-flows"] {
                    let (cam, shown) = opened(id, Lang::En, centre, w);
                    let at = format!("{id} {centre:?} {w}: {shown:?}");
                    assert!(cam.is_some_and(|c| c.zoom > 2.0), "{at}: zoomed in {cam:?}");
                    for p in ["Japan", "South Korea", "Vietnam", "Malaysia", "Indonesia", "Australia"] {
                        assert!(shown.iter().any(|s| s == p), "{at}: shows {p}");
                    }
                    for p in ["United States", "Brazil"] {
                        assert!(!shown.iter().any(|s| s == p), "{at}: leaves {p} to Reset and the list");
                    }
                }
            }
        }
    }

    /// The labels of the rows a layer's opening view frames.
    fn framed(id: &str, centre: Centre) -> Vec<String> {
        let Built::Canvas { spec, .. } = build(chart(id).unwrap(), Lang::En) else { panic!() };
        let ChartSpec::Map(m) = spec.as_ref() else { panic!() };
        framed_rows(m, centre).into_iter().map(|r| m.row_labels[r].clone()).collect()
    }

    #[test]
    fn the_rows_framed_are_the_regions_crowd_the_same_in_either_centre() {
        for centre in Centre::ALL {
            let partners = ["Japan", "South Korea", "Russia", "Vietnam", "Australia", "Malaysia", "Indonesia"];
            assert_eq!(framed("map-partners", centre), partners, "{centre:?}");
            assert_eq!(framed("map-flows", centre), partners, "{centre:?}");
            let rail = ["central corridor (Erenhot)", "eastern corridor (Manzhouli, Suifenhe)"]
                .map(|c| format!("China–Europe Railway Express, {c}"));
            let hubs = ["New Western Land–Sea Corridor trains", "Chengdu", "Xi'an", "Zhengzhou", "Wuhan", "Yiwu"];
            let routes: Vec<String> = rail.into_iter().chain(hubs.map(String::from)).collect();
            assert_eq!(framed("map-routes", centre), routes, "{centre:?}");
            let asia = ["China", "India", "Japan", "Australia", "Indonesia", "Vietnam", "Philippines", "Malaysia"];
            assert_eq!(framed("map-ecommerce", centre), asia, "{centre:?}");
        }
    }

    #[test]
    fn on_a_phone_the_routes_open_on_the_railway_from_china_to_europe_and_e_commerce_on_asia() {
        for centre in Centre::ALL {
            for w in PHONES {
                let (cam, shown) = opened("map-routes", Lang::En, centre, w);
                let at = format!("{centre:?} {w}: {shown:?}");
                assert!(cam.is_some(), "{at}");
                let corridors = shown.iter().filter(|s| s.starts_with("China–Europe Railway Express")).count();
                assert!(corridors >= 2, "{at}: the corridors to Moscow whole");
                assert!(
                    shown.iter().any(|s| s == "Xi'an") && !shown.iter().any(|s| s.starts_with("Trans-Pacific")),
                    "{at}"
                );
                let (_, shown) = opened("map-ecommerce", Lang::En, centre, w);
                for p in ["China", "Japan", "Indonesia", "Vietnam"] {
                    assert!(shown.iter().any(|s| s == p), "e-commerce {centre:?} {w}: shows {p} {shown:?}");
                }
                assert!(!shown.iter().any(|s| s == "Argentina"), "{shown:?}");
            }
        }
    }

    #[test]
    fn on_a_phone_a_layer_that_ranks_its_items_opens_on_a_view_with_its_first() {
        for centre in Centre::ALL {
            for w in PHONES {
                for lang in [Lang::En, Lang::Zh] {
                    let (_, shown) = opened("map-warehouses", lang, centre, w);
                    let first = if lang == Lang::En { "United States" } else { "美国" };
                    assert!(shown.iter().any(|s| s == first), "{centre:?} {w} {lang:?}: No. 1 in view {shown:?}");
                }
            }
        }
    }

    #[test]
    fn the_ports_open_on_their_coast_and_a_desktop_on_the_whole_world() {
        for w in PHONES {
            let (cam, shown) = opened("map-ports", Lang::Zh, Centre::Pacific, w);
            assert_eq!(cam, None, "the coast is already closer than the phone's framing");
            assert_eq!(shown.len(), 22, "every port on the coast shows");
        }
        for id in ["map-partners", "map-routes", "map-ecommerce"] {
            assert_eq!(opened(id, Lang::En, Centre::Atlantic, 1166.0).0, None, "{id}");
            assert_eq!(opened(id, Lang::En, Centre::Atlantic, PHONE_WIDTH + 1.0).0, None, "{id}: wider than a phone");
        }
    }

    /// The labels a draw of layer `id` places `w` wide in `camera`, each with its box.
    fn label_boxes(id: &str, lang: Lang, w: f64, camera: Option<Camera>) -> Vec<(String, crate::chart::Rect)> {
        let Built::Canvas { spec, .. } = build(chart(id).unwrap(), lang) else { panic!() };
        let ChartSpec::Map(m) = spec.as_ref() else { panic!() };
        let view = crate::chart::View { camera, centre: Centre::Pacific, ..Default::default() };
        let placed = crate::chart::map::placed_labels(m, w, &view).unwrap();
        placed
            .into_iter()
            .map(|p| {
                let lw = crate::chart::text::width(&p.text, p.font);
                let b =
                    crate::chart::Rect::new(p.x - lw / 2.0, p.y - p.font * 0.65, p.x + lw / 2.0, p.y + p.font * 0.65);
                (p.text, b)
            })
            .collect()
    }

    #[test]
    fn labels_keep_what_fits_the_scale_and_never_overlap() {
        for lang in [Lang::En, Lang::Zh] {
            let Built::Canvas { spec, .. } = build(chart("map-partners").unwrap(), lang) else { panic!() };
            let ChartSpec::Map(m) = spec.as_ref() else { panic!() };
            let open = opening(m, 334.0, Centre::Pacific);
            let cases = [(334.0, None), (334.0, open), (1166.0, None)];
            let counts: Vec<usize> = cases
                .iter()
                .map(|&(w, cam)| {
                    let boxes = label_boxes("map-partners", lang, w, cam);
                    let world = base_fit(m, w, Centre::Pacific).scale()
                        * cam.map_or(1.0, |c| c.zoom)
                        * Centre::Pacific.bounds().width();
                    for (i, (t, a)) in boxes.iter().enumerate() {
                        assert!(
                            a.width() <= world * crate::chart::map::LABEL_SHARE + 1e-9,
                            "{lang:?} {w}: {t} fits the scale"
                        );
                        for (u, b) in &boxes[i + 1..] {
                            let apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
                            assert!(apart, "{lang:?} {w} {cam:?}: {t} and {u} overlap");
                        }
                    }
                    boxes.len()
                })
                .collect();
            // On a phone's whole world the value labels are too long for it; its opening view shows them.
            assert!(counts[0] < counts[1], "{lang:?}: {counts:?}");
            assert_eq!(counts[2], m.labels.len(), "{lang:?}: a desktop shows every label");
        }
    }

    #[test]
    fn reset_shows_the_whole_extent_and_names_no_camera_where_the_layer_opens_on_it() {
        let base = Fit::new(Centre::Atlantic.bounds(), 334.0, 420.0, 8.0);
        let c = whole(Some(Camera { zoom: 3.0, cx: 1.0, cy: 0.5 }), &base).unwrap();
        assert_eq!(c.zoom, 1.0);
        assert_eq!(hit(Some(c)).fit.zoom(), 1.0);
        assert_eq!(whole(None, &base), None);
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
