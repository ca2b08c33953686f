//! The view transform: projected coordinates ↔ pixels, with bounded zoom and pan.
//!
//! Layer: geo. A `Fit` is a plain `Copy` value the UI keeps in a signal; every operation returns a
//! new one. Zoom 1× shows the whole `extent` (normally the world) fitted into the pixel rectangle
//! with padding; zoom is bounded to [`MIN_ZOOM`, `MAX_ZOOM`] and panning never moves the extent
//! so far that empty space shows inside the padding on a side where the extent is larger than the
//! view (an extent smaller than the view is centred). Pixel y grows downwards.
//!
//! [`Fit::framed`] frames a rectangle with a margin; [`framed_group`] chooses which of a layer's
//! items an opening view frames (the map's view on a phone: `views::interact::camera`).

use super::project::{Bounds, XY};
use crate::float::Within;

/// The smallest zoom: the whole extent fits.
pub const MIN_ZOOM: f64 = 1.0;
/// The largest zoom.
pub const MAX_ZOOM: f64 = 12.0;

/// Projected ↔ pixel transform: `px = tx + k·x`, `py = ty − k·y` with `k = base · zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// The pixel rectangle's size (CSS pixels, or backing-store pixels: the caller's choice).
    pub width: f64,
    pub height: f64,
    /// Pixels kept free on every side at zoom 1.
    pub padding: f64,
    extent: Bounds,
    /// Pixels per projected unit at zoom 1.
    base: f64,
    /// The zoom factor, in [`MIN_ZOOM`, `MAX_ZOOM`]; pixels per unit are `base · zoom`.
    zoom: f64,
    tx: f64,
    ty: f64,
}

impl Fit {
    /// Fits `extent` (projected) into `width × height` pixels with `padding`, centred, at zoom 1.
    pub fn new(extent: Bounds, width: f64, height: f64, padding: f64) -> Fit {
        let width = width.max(1.0);
        let height = height.max(1.0);
        let padding = padding.within(0.0, (width.min(height) - 1.0) / 2.0);
        let ew = extent.width().max(1e-12);
        let eh = extent.height().max(1e-12);
        let base = ((width - 2.0 * padding) / ew).min((height - 2.0 * padding) / eh);
        let fit = Fit { width, height, padding, extent, base, zoom: 1.0, tx: 0.0, ty: 0.0 };
        fit.centered_on(extent.center())
    }

    /// The same view (centre and zoom) in a resized pixel rectangle.
    pub fn resize(&self, width: f64, height: f64) -> Fit {
        let centre = self.from_px((self.width / 2.0, self.height / 2.0));
        let f = Fit::new(self.extent, width, height, self.padding);
        f.with_zoom(self.zoom()).centered_on(centre)
    }

    /// Zooms so that `b` (projected) fits the view with the padding, and centres on it; the zoom
    /// is clamped, so a tiny box gives [`MAX_ZOOM`] centred on it.
    pub fn focus(&self, b: Bounds) -> Fit {
        let w = (self.width - 2.0 * self.padding).max(1.0);
        let h = (self.height - 2.0 * self.padding).max(1.0);
        let k = (w / b.width().max(1e-12)).min(h / b.height().max(1e-12));
        self.with_zoom(k / self.base).centered_on(b.center())
    }

    /// The zoom at which `b` (projected) fits the view with `margin` pixels free on every side
    /// (not clamped: below 1 the extent is the smaller).
    pub fn zoom_to_frame(&self, b: Bounds, margin: f64) -> f64 {
        let w = (self.width - 2.0 * margin).max(1.0);
        let h = (self.height - 2.0 * margin).max(1.0);
        (w / b.width().max(1e-12)).min(h / b.height().max(1e-12)) / self.base
    }

    /// The view of `b` with `margin` pixels free on every side, no closer than `closest` (and
    /// within the zoom's bounds), centred on `b` as far as the pan bounds allow. A zoom below the
    /// framing's keeps `b` whole: the pan bounds only move a view that is inside the extent.
    pub fn framed(&self, b: Bounds, margin: f64, closest: f64) -> Fit {
        self.with_zoom(self.zoom_to_frame(b, margin).min(closest)).centered_on(b.center())
    }

    /// The current zoom factor relative to the whole-extent fit.
    pub fn zoom(&self) -> f64 {
        self.zoom
    }

    /// Pixels per projected unit.
    pub fn scale(&self) -> f64 {
        self.base * self.zoom
    }

    /// The extent that zoom 1 shows and that bounds panning.
    pub fn extent(&self) -> Bounds {
        self.extent
    }

    /// Projected → pixel.
    pub fn to_px(&self, p: XY) -> XY {
        let k = self.scale();
        (self.tx + k * p.0, self.ty - k * p.1)
    }

    /// Pixel → projected.
    pub fn from_px(&self, px: XY) -> XY {
        let k = self.scale();
        ((px.0 - self.tx) / k, (self.ty - px.1) / k)
    }

    /// The projected rectangle the view shows (for culling).
    pub fn visible(&self) -> Bounds {
        let (x0, y1) = self.from_px((0.0, 0.0));
        let (x1, y0) = self.from_px((self.width, self.height));
        Bounds::new(x0, y0, x1, y1)
    }

    /// Multiplies the zoom by `factor` (clamped), keeping the point under pixel `at` fixed as far
    /// as the pan bounds allow.
    pub fn zoom_at(&self, factor: f64, at: XY) -> Fit {
        self.zoom_to(self.zoom() * factor, at)
    }

    /// Sets the zoom (clamped), keeping the point under pixel `at` fixed as far as the pan bounds allow.
    pub fn zoom_to(&self, zoom: f64, at: XY) -> Fit {
        let p = self.from_px(at);
        let zoom = if zoom.is_finite() { zoom.within(MIN_ZOOM, MAX_ZOOM) } else { self.zoom };
        let k = self.base * zoom;
        Fit { zoom, tx: at.0 - k * p.0, ty: at.1 + k * p.1, ..*self }.clamped()
    }

    /// Moves the map by `(dx, dy)` pixels (a drag), within the pan bounds.
    pub fn pan(&self, dx: f64, dy: f64) -> Fit {
        Fit { tx: self.tx + dx, ty: self.ty + dy, ..*self }.clamped()
    }

    /// Centres the view on a projected point, within the pan bounds.
    pub fn centered_on(&self, p: XY) -> Fit {
        let k = self.scale();
        Fit { tx: self.width / 2.0 - k * p.0, ty: self.height / 2.0 + k * p.1, ..*self }.clamped()
    }

    fn with_zoom(&self, zoom: f64) -> Fit {
        let zoom = if zoom.is_finite() { zoom.within(MIN_ZOOM, MAX_ZOOM) } else { MIN_ZOOM };
        Fit { zoom, ..*self }
    }

    fn clamped(self) -> Fit {
        let e = self.extent;
        let (lo_x, hi_x) = (self.padding, self.width - self.padding);
        let (lo_y, hi_y) = (self.padding, self.height - self.padding);
        // x: content spans [tx + k·x0, tx + k·x1]; y: [ty − k·y1, ty − k·y0].
        let k = self.scale();
        let tx = clamp_axis(self.tx, k * e.x0, k * e.x1, lo_x, hi_x);
        let ty = clamp_axis(self.ty, -k * e.y1, -k * e.y0, lo_y, hi_y);
        Fit { tx, ty, ..self }
    }
}

/// The offset `t` for content spanning `[t + a, t + b]` in a view `[lo, hi]`: centred when the
/// content is smaller, else covering the view.
fn clamp_axis(t: f64, a: f64, b: f64, lo: f64, hi: f64) -> f64 {
    if b - a <= hi - lo + 1e-9 {
        (lo + hi) / 2.0 - (a + b) / 2.0
    } else {
        t.within(hi - b, lo - a)
    }
}

/// Which of a layer's items an opening view frames. Each item is the projected rectangle it must
/// show whole (a country's label point, a port, a route from end to end). Every group that one
/// rectangle holds whole (its sides taken from the items' edges) is a candidate if it holds the
/// item `keep` names; its worth is its number of items times the zoom that frames it on a screen
/// `tall` times as tall as wide, relative to the whole `world`'s width (at most `closest`): many
/// items, and close. The group worth most wins (ties: the larger group, then the closer); none
/// when no group holds `keep`'s item.
///
/// So a layer whose items crowd one region (seven of ten partners in Asia and the Pacific) opens
/// on that region rather than on a world-wide box that shows each of them a few pixels wide, and
/// one whose items stretch between two regions (railway lines from China to Europe) opens on the
/// stretch; `closest` keeps a tight knot of items (hubs within one country) from winning alone;
/// a layer that ranks its items keeps its first-ranked in view. The choice is made for one shape
/// of screen, so that every screen, taller or shorter, opens on the same items; [`Fit::framed`]
/// then fits them to its own shape.
pub fn framed_group(world: f64, tall: f64, items: &[Bounds], closest: f64, keep: Option<usize>) -> Vec<usize> {
    let keep: u64 = keep.map_or(0, |k| 1 << (k % 64));
    // (worth, size, zoom, members as bits)
    let mut best: (f64, usize, f64, u64) = (0.0, 0, 0.0, 0);
    for l in items {
        for r in items {
            for lo in items {
                for hi in items {
                    let (mut bits, mut n, mut b) = (0u64, 0usize, Bounds::EMPTY);
                    for (i, it) in items.iter().enumerate() {
                        if it.x0 >= l.x0 && it.x1 <= r.x1 && it.y0 >= lo.y0 && it.y1 <= hi.y1 {
                            bits |= 1 << (i % 64);
                            n += 1;
                            b = b.union(it);
                        }
                    }
                    if n == 0 || bits == best.3 || bits & keep != keep {
                        continue;
                    }
                    let zoom =
                        (world / b.width().max(b.height() / tall).max(1e-12)).within(MIN_ZOOM, closest.max(MIN_ZOOM));
                    let worth = n as f64 * zoom;
                    if (worth, n, zoom) > (best.0, best.1, best.2) {
                        best = (worth, n, zoom, bits);
                    }
                }
            }
        }
    }
    (0..items.len()).filter(|&i| best.3 & (1 << (i % 64)) != 0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> Fit {
        // A phone's map box over a world 10 units wide and 5 tall: 300 × 400 pixels.
        Fit::new(Bounds::new(-5.0, -2.5, 5.0, 2.5), 300.0, 400.0, 0.0)
    }

    /// The group framed in a world 10 units wide on a square screen, no closer than `closest` worlds.
    fn group(items: &[Bounds], closest: f64) -> Vec<usize> {
        framed_group(10.0, 1.0, items, closest, None)
    }

    fn at(x: f64, y: f64) -> Bounds {
        Bounds::new(x, y, x, y)
    }

    #[test]
    fn a_framed_rectangle_fits_inside_the_margin_and_is_centred() {
        let f = view().framed(Bounds::new(1.0, 0.0, 2.0, 1.0), 20.0, MAX_ZOOM);
        let (l, t) = f.to_px((1.0, 1.0));
        let (r, b) = f.to_px((2.0, 0.0));
        assert!(l >= 19.999 && r <= 280.001 && t >= 19.999 && b <= 380.001, "{l} {t} {r} {b}");
        assert!((l - 20.0).abs() < 1e-6 || (t - 20.0).abs() < 1e-6, "one side touches the margin");
        assert!(((l + r) / 2.0 - 150.0).abs() < 1e-6 && ((t + b) / 2.0 - 200.0).abs() < 1e-6);
    }

    #[test]
    fn a_framing_no_closer_than_asked_still_shows_the_rectangle_whole_near_the_extents_edge() {
        let small = Bounds::new(4.5, 2.0, 4.9, 2.4);
        let f = view().framed(small, 10.0, 3.0);
        assert_eq!(f.zoom(), 3.0);
        let v = f.visible();
        assert!(v.x0 <= small.x0 && v.x1 >= small.x1 && v.y0 <= small.y0 && v.y1 >= small.y1, "{v:?}");
    }

    #[test]
    fn the_group_framed_is_the_crowd_not_the_outliers_nor_a_tight_knot() {
        // Eight items in one corner, three of them almost on one spot, and three far apart.
        let crowd = [at(1.0, 0.5), at(1.5, 1.5), at(2.0, -1.0), at(1.2, 1.6), at(2.2, 0.2)];
        let knot = [at(1.3, 1.0), at(1.31, 1.01), at(1.3, 1.02)];
        let far = [at(-4.0, 1.0), at(-3.0, -2.0), at(4.5, -2.4)];
        let items: Vec<Bounds> = crowd.iter().chain(&knot).chain(&far).copied().collect();
        assert_eq!(group(&items, 4.0), (0..8).collect::<Vec<_>>());
        // Without the cap, a part of the crowd around the knot wins, framed as close as can be.
        let close = group(&items, MAX_ZOOM);
        assert!(close.len() < 8 && [5, 6, 7].iter().all(|i| close.contains(i)), "{close:?}");
        // An item to keep in view (a ranking's first) joins the group, far as it is.
        let kept = framed_group(10.0, 1.0, &items, 4.0, Some(8));
        assert!(kept.contains(&8) && kept.len() > 1, "{kept:?}");
    }

    #[test]
    fn an_item_stretching_between_regions_counts_only_whole() {
        // A knot of points, and lines from it to the left: framed with their ends, or not at all.
        let knot = [at(1.0, 0.5), at(1.1, 0.6), at(1.2, 0.4), at(1.05, 0.55)];
        let lines = [(-1.5, 0.0), (-1.4, 0.2), (-1.5, 0.1), (-1.2, 0.3)].map(|(x, y)| Bounds::new(x, y, 1.2, y + 0.6));
        let items: Vec<Bounds> = knot.iter().chain(&lines).copied().collect();
        assert_eq!(group(&items, 4.0), (0..8).collect::<Vec<_>>());
        let longer: Vec<Bounds> = knot.iter().chain(&lines.map(|b| Bounds { x0: -4.5, ..b })).copied().collect();
        assert_eq!(group(&longer, 4.0), (0..4).collect::<Vec<_>>(), "too long to be worth it");
        assert_eq!(group(&[], 4.0), Vec::<usize>::new());
    }
}
