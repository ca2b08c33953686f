//! Projected paths: every country's rings projected once, as `f32` unit-sphere coordinates, with
//! per-country projected bounds. Drawing and hover read these instead of re-projecting.
//!
//! Layer: geo. [`equal_earth_paths`] is computed on first use and cached for the program's life;
//! [`project_paths`] builds the same for any projection (not cached). No drawing, no UI.

use std::sync::OnceLock;

use super::planar::{point_in_rings, polyline_distance};
use super::project::{Bounds, Projection, XY};
use super::shapes::{countries, Country};

/// One country's projected rings (closed, y north-up) and their bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Paths {
    pub rings: Vec<Vec<(f32, f32)>>,
    /// Projected bounds of all rings (for culling and the hit test's prefilter).
    pub bounds: Bounds,
}

impl Paths {
    /// Distance in projected units from `p` to the nearest outline; 0 inside (even–odd rule).
    pub fn distance_to(&self, p: XY) -> f64 {
        if self.bounds.contains(p.0, p.1) && point_in_rings(&self.rings, p.0, p.1) {
            return 0.0;
        }
        self.rings
            .iter()
            .map(|ring| polyline_distance(p, ring.iter().map(|&(x, y)| (x as f64, y as f64))))
            .fold(f64::INFINITY, f64::min)
    }
}

/// Projects every country of `list` with `proj`, in the same order.
pub fn project_paths(list: &[Country], proj: Projection) -> Vec<Paths> {
    list.iter()
        .map(|c| {
            let mut bounds = Bounds::EMPTY;
            let rings = c
                .rings
                .iter()
                .map(|ring| {
                    ring.iter()
                        .map(|&(lon, lat)| {
                            let (x, y) = proj.forward(lon, lat);
                            bounds.include(x, y);
                            (x as f32, y as f32)
                        })
                        .collect()
                })
                .collect();
            Paths { rings, bounds }
        })
        .collect()
}

/// [`countries`] projected with Equal Earth, index for index, computed once.
pub fn equal_earth_paths() -> &'static [Paths] {
    static CACHE: OnceLock<Vec<Paths>> = OnceLock::new();
    CACHE.get_or_init(|| project_paths(countries(), Projection::EqualEarth))
}

/// The Equal Earth bounds of the whole geometry (all countries; Antarctica is not in the file).
pub fn equal_earth_bounds() -> Bounds {
    equal_earth_paths().iter().fold(Bounds::EMPTY, |b, p| b.union(&p.bounds))
}
