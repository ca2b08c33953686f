//! Hit tests and tooltip anchors of a drawn map: which row is under a pixel (a route within a
//! few pixels, else the country), and where each row's tooltip points.
//!
//! Layer: chart. Works on the `MapHit` a draw returns; the UI never re-derives geometry.

use super::flows::FlowPx;
use super::frame::MapFrame;
use super::{HitLine, MapHit, MapSpec};
use crate::chart::Item;
use crate::geo::{self, planar::polyline_distance};

/// How close (in CSS pixels) a pointer must come to a route to reach it.
pub const ROUTE_REACH_PX: f64 = 6.0;

impl MapHit {
    /// The row under a pixel: the topmost line within its reach (a route within
    /// [`ROUTE_REACH_PX`], a flow within its half-width and a little), else the country's row.
    pub fn row_at(&self, x: f64, y: f64) -> Option<usize> {
        if let Some(l) = self.lines.iter().rev().find(|l| polyline_distance((x, y), l.pts.iter().copied()) <= l.reach) {
            return Some(l.row);
        }
        let at = self.fit.from_px((x, y - self.top));
        let idx = geo::hit::hit_index_near(self.centre.paths(), at, 3.0 / self.fit.scale())?;
        self.country_row.get(idx).copied().flatten()
    }
}

/// Where each row's tooltip points, inside the map box: its flow's arrow, else its point, else
/// its label, else the middle of its route.
pub fn anchors(
    f: &MapFrame,
    spec: &MapSpec,
    items: &[Item],
    (lines, flows): (&[HitLine], &[FlowPx]),
) -> Vec<Option<(f64, f64)>> {
    let mut anchors: Vec<Option<(f64, f64)>> = vec![None; spec.rows];
    let mut set = |row: usize, at: (f64, f64)| {
        if let Some(a) = anchors.get_mut(row) {
            if a.is_none() && f.bx.contains(at.0, at.1) {
                *a = Some(at);
            }
        }
    };
    for fl in flows {
        set(fl.hits.first().map_or(0, |h| h.row), fl.end);
    }
    for it in items {
        set(it.row, ((it.rect.x0 + it.rect.x1) / 2.0, (it.rect.y0 + it.rect.y1) / 2.0));
    }
    for l in &spec.labels {
        set(l.row, f.px(l.lon, l.lat));
    }
    for l in lines {
        if let Some(&m) = l.pts.get(l.pts.len() / 2) {
            set(l.row, m);
        }
    }
    anchors
}
