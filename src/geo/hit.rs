//! Hit testing: which country is under a pixel.
//!
//! Layer: geo. The pixel is turned into projected coordinates by a [`Fit`], then tested against
//! the projected paths: a bounding-box prefilter, then the even–odd rule across all of a country's
//! rings (so holes such as Lesotho inside South Africa are handled). Where features overlap (Hong
//! Kong and Macao, taken from the 1:50m file, lie on the 1:110m China) the one with the smallest
//! bounding box wins. [`hit`] and [`hit_near`] read the Atlantic view; for another
//! [`Centre`](super::Centre) pass its paths to [`hit_index`] or [`hit_index_near`]: the rings cut
//! at its seam are separate pieces on either edge, so both sides hit. No drawing, no UI.

use super::fit::Fit;
use super::paths::{equal_earth_paths, Paths};
pub use super::planar::point_in_rings;
use super::project::XY;
use super::shapes::{countries, Country};

/// The index in `paths` of the feature containing the projected point, smallest bounds first.
pub fn hit_index(paths: &[Paths], p: XY) -> Option<usize> {
    let (x, y) = p;
    paths
        .iter()
        .enumerate()
        .filter(|(_, c)| c.bounds.contains(x, y) && point_in_rings(&c.rings, x, y))
        .min_by(|a, b| a.1.bounds.area().total_cmp(&b.1.bounds.area()))
        .map(|(i, _)| i)
}

/// The index of the feature containing the projected point, or else the nearest one whose
/// outline is within `radius` projected units (so a speck like Singapore can be hovered).
pub fn hit_index_near(paths: &[Paths], p: XY, radius: f64) -> Option<usize> {
    if let Some(i) = hit_index(paths, p) {
        return Some(i);
    }
    let mut best: Option<(usize, f64)> = None;
    for (i, c) in paths.iter().enumerate() {
        if !c.bounds.expand(radius).contains(p.0, p.1) {
            continue;
        }
        let d = c.distance_to(p);
        if d <= radius && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((i, d));
        }
    }
    best.map(|(i, _)| i)
}

/// The country under pixel `px` of a map drawn with Equal Earth through `fit`.
pub fn hit(fit: &Fit, px: XY) -> Option<&'static Country> {
    hit_index(equal_earth_paths(), fit.from_px(px)).map(|i| &countries()[i])
}

/// As [`hit`], but within `radius_px` pixels of an outline counts too (for touch and specks).
pub fn hit_near(fit: &Fit, px: XY, radius_px: f64) -> Option<&'static Country> {
    hit_index_near(equal_earth_paths(), fit.from_px(px), radius_px / fit.scale()).map(|i| &countries()[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hole_is_outside_under_the_even_odd_rule() {
        let outer = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)];
        let hole = vec![(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0), (4.0, 4.0)];
        let rings = vec![outer, hole];
        assert!(point_in_rings(&rings, 2.0, 2.0));
        assert!(!point_in_rings(&rings, 5.0, 5.0));
        assert!(!point_in_rings(&rings, 12.0, 5.0));
    }
}
