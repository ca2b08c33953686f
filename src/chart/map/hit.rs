//! Hit tests and tooltip anchors of a drawn map: which row is under a pixel (a route within a
//! few pixels, else the country), and where each row's tooltip points.
//!
//! Layer: chart. Works on the `MapHit` a draw returns; the UI never re-derives geometry.

use super::frame::MapFrame;
use super::marks::RoutePx;
use super::{MapHit, MapSpec};
use crate::chart::Item;
use crate::geo::{self, planar::polyline_distance};

/// How close (in CSS pixels) a pointer must come to a route to reach it.
pub const ROUTE_REACH_PX: f64 = 6.0;

impl MapHit {
    /// The row under a pixel: a route within [`ROUTE_REACH_PX`], else the country's row.
    pub fn row_at(&self, x: f64, y: f64) -> Option<usize> {
        if let Some((row, _)) =
            self.lines.iter().find(|(_, pts)| polyline_distance((x, y), pts.iter().copied()) <= ROUTE_REACH_PX)
        {
            return Some(*row);
        }
        let at = self.fit.from_px((x, y - self.top));
        let idx = geo::hit::hit_index_near(geo::equal_earth_paths(), at, 3.0 / self.fit.scale())?;
        self.country_row.get(idx).copied().flatten()
    }
}

/// Where each row's tooltip points, inside the map box: its point, else its label, else the
/// middle of its route.
pub fn anchors(f: &MapFrame, spec: &MapSpec, items: &[Item], routes: &[RoutePx]) -> Vec<Option<(f64, f64)>> {
    let mut anchors: Vec<Option<(f64, f64)>> = vec![None; spec.rows];
    let mut set = |row: usize, at: (f64, f64)| {
        if let Some(a) = anchors.get_mut(row) {
            if a.is_none() && f.bx.contains(at.0, at.1) {
                *a = Some(at);
            }
        }
    };
    for it in items {
        set(it.row, ((it.rect.x0 + it.rect.x1) / 2.0, (it.rect.y0 + it.rect.y1) / 2.0));
    }
    for l in &spec.labels {
        set(l.row, f.px(l.lon, l.lat));
    }
    for (row, pts) in routes {
        if let Some(&m) = pts.get(pts.len() / 2) {
            set(*row, m);
        }
    }
    anchors
}
