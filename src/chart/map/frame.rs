//! The frame one map draw works in: the fit, where the map box sits on the canvas, the
//! projection, and the one chain from lon/lat (or projected units) to canvas pixels.
//!
//! Layer: chart.

use super::{Camera, MapSpec, PAD};
use crate::chart::{Rect, View};
use crate::geo::{Fit, Projection};

/// Everything the draw passes share.
pub struct MapFrame<'a> {
    pub fit: Fit,
    pub proj: Projection,
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
        let fit = fit_for(spec, w, map_h - 2.0 * PAD, view.camera);
        let top = y0 + PAD;
        MapFrame {
            fit,
            proj: Projection::EqualEarth,
            top,
            bx: Rect::new(0.0, top, w, top + map_h - 2.0 * PAD),
            w,
            view,
        }
    }

    /// Projected units → canvas pixels.
    pub fn xy(&self, p: (f64, f64)) -> (f64, f64) {
        let (x, y) = self.fit.to_px(p);
        (x, y + self.top)
    }

    /// lon/lat degrees → canvas pixels.
    pub fn px(&self, lon: f64, lat: f64) -> (f64, f64) {
        self.xy(self.proj.forward(lon, lat))
    }

    /// A lon/lat path (longitudes kept continuous, so they may run past ±180°) in canvas pixels,
    /// cut where it crosses the map's edge: each crossing ends one part at the edge and starts
    /// the next at the opposite edge, at the latitude where the path crosses.
    pub fn runs(&self, pts: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
        let Some(&(lon0, _)) = pts.first() else { return Vec::new() };
        // The part's offset: its longitudes minus this lie within the map's ±180°.
        let mut off = 360.0 * ((lon0 + 180.0) / 360.0).floor();
        let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        let mut prev = pts[0];
        for &(lon, lat) in pts {
            let (plon, plat) = prev;
            let at = |seam: f64| plat + (seam - plon) / (lon - plon) * (lat - plat);
            while lon > off + 180.0 {
                let y = at(off + 180.0);
                out.last_mut().expect("a part").push(self.px(180.0, y));
                out.push(vec![self.px(-180.0, y)]);
                off += 360.0;
            }
            while lon < off - 180.0 {
                let y = at(off - 180.0);
                out.last_mut().expect("a part").push(self.px(-180.0, y));
                out.push(vec![self.px(180.0, y)]);
                off -= 360.0;
            }
            out.last_mut().expect("a part").push(self.px(lon - off, lat));
            prev = (lon, lat);
        }
        out.retain(|r| r.len() >= 2);
        out
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
pub fn fit_for(spec: &MapSpec, w: f64, map_h: f64, camera: Option<Camera>) -> Fit {
    let base = Fit::new(spec.bounds(), w, map_h, PAD);
    match camera {
        Some(c) => base.zoom_to(c.zoom, (w / 2.0, map_h / 2.0)).centered_on((c.cx, c.cy)),
        None => base,
    }
}
