//! The view transform: projected coordinates ↔ pixels, with bounded zoom and pan.
//!
//! Layer: geo. A `Fit` is a plain `Copy` value the UI keeps in a signal; every operation returns a
//! new one. Zoom 1× shows the whole `extent` (normally the world) fitted into the pixel rectangle
//! with padding; zoom is bounded to [`MIN_ZOOM`, `MAX_ZOOM`] and panning never moves the extent
//! so far that empty space shows inside the padding on a side where the extent is larger than the
//! view (an extent smaller than the view is centred). Pixel y grows downwards.

use super::project::{Bounds, XY};

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
        let padding = padding.clamp(0.0, (width.min(height) - 1.0) / 2.0);
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
        let zoom = if zoom.is_finite() { zoom.clamp(MIN_ZOOM, MAX_ZOOM) } else { self.zoom };
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
        let zoom = if zoom.is_finite() { zoom.clamp(MIN_ZOOM, MAX_ZOOM) } else { MIN_ZOOM };
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
        t.clamp(hi - b, lo - a)
    }
}
