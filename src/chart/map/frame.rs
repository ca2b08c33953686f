//! The frame one map draw works in: the fit, where the map box sits on the canvas, the
//! projection, and the one chain from lon/lat (or projected units) to canvas pixels.
//!
//! Layer: chart.

use super::{Camera, MapSpec, PAD};
use crate::chart::{Rect, View};
use crate::geo::{Centre, Fit, Projection};

/// Everything the draw passes share.
pub struct MapFrame<'a> {
    pub fit: Fit,
    /// The central meridian: the projection is Equal Earth centred there.
    pub centre: Centre,
    /// Canvas y of the fit's pixel y = 0.
    pub top: f64,
    /// The map box: nothing the map paints leaves it, whatever the zoom.
    pub bx: Rect,
    /// Canvas width.
    pub w: f64,
    pub view: &'a View,
}

impl<'a> MapFrame<'a> {
    /// The frame for a map body of width `w` whose map part (without the legend) is `map_h` tall,
    /// starting at canvas y `y0`.
    pub fn new(spec: &MapSpec, w: f64, y0: f64, map_h: f64, view: &'a View) -> MapFrame<'a> {
        let fit = fit_for(spec, w, map_h - 2.0 * PAD, view.camera, view.centre);
        let top = y0 + PAD;
        let bx = Rect::new(0.0, top, w, top + map_h - 2.0 * PAD);
        MapFrame { fit, centre: view.centre, top, bx, w, view }
    }

    /// Projected units → canvas pixels.
    pub fn xy(&self, p: (f64, f64)) -> (f64, f64) {
        let (x, y) = self.fit.to_px(p);
        (x, y + self.top)
    }

    /// lon/lat degrees → canvas pixels.
    pub fn px(&self, lon: f64, lat: f64) -> (f64, f64) {
        self.xy(self.centre.forward(lon, lat))
    }

    /// A point at a longitude relative to the centre (±180° are the map's edges) → canvas pixels.
    pub fn edge_px(&self, rel_lon: f64, lat: f64) -> (f64, f64) {
        self.xy(Projection::EqualEarth.forward(rel_lon, lat))
    }

    /// A lon/lat path (longitudes may run past ±180°) in canvas pixels, cut where it crosses the
    /// map's edge (the view's seam): one part on each side.
    pub fn runs(&self, pts: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
        let parts = self.centre.cut_line(pts);
        parts.into_iter().map(|part| part.iter().map(|&(lon, lat)| self.px(lon, lat)).collect()).collect()
    }

    /// A projected ring in canvas pixels, skipping points within half a pixel of the previous one
    /// (a cheap simplification at low zoom).
    pub fn ring(&self, ring: &[(f32, f32)]) -> Vec<(f64, f64)> {
        let mut out: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
        for &(x, y) in ring {
            let q = self.xy((x as f64, y as f64));
            if out.last().is_none_or(|l: &(f64, f64)| (l.0 - q.0).abs() + (l.1 - q.1).abs() > 0.5) {
                out.push(q);
            }
        }
        out
    }

    /// The width of the whole world as drawn at this zoom, in pixels.
    pub fn world_width(&self) -> f64 {
        self.centre.bounds().width() * self.fit.scale()
    }

    /// Another row is highlighted: this one steps back.
    pub fn dim(&self, row: usize) -> bool {
        self.view.highlight.is_some_and(|h| h != row)
    }

    /// This row is highlighted or selected.
    pub fn strong(&self, row: usize) -> bool {
        self.view.highlight == Some(row) || self.view.selected.contains(&row)
    }
}

/// The default fit of a map body, and the fit after a camera move.
pub fn fit_for(spec: &MapSpec, w: f64, map_h: f64, camera: Option<Camera>, centre: Centre) -> Fit {
    let base = Fit::new(spec.bounds(centre), w, map_h, PAD);
    match camera {
        Some(c) => base.zoom_to(c.zoom, (w / 2.0, map_h / 2.0)).centered_on((c.cx, c.cy)),
        None => base,
    }
}
