//! Projected paths: every country's rings projected once, as `f32` unit-sphere coordinates, with
//! per-country projected bounds and the runs of the rings that are real borders. Drawing and
//! hover read these instead of re-projecting.
//!
//! Layer: geo. [`Centre::paths`] (and [`equal_earth_paths`], the Atlantic view) is computed on
//! first use and cached for the program's life, one cache per centre; [`project_paths_at`] builds
//! the same for any projection and central meridian (not cached). Rings crossing the view's seam
//! come cut into pieces (`cut.rs`). No drawing, no UI.

use std::ops::Range;
use std::sync::OnceLock;

use super::centre::Centre;
use super::cut::cut_rings;
use super::planar::{point_in_rings, polyline_distance};
use super::project::{Bounds, Projection, XY};
use super::shapes::{countries, Country};

/// One country's projected rings (closed, y north-up) and their bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Paths {
    /// Closed rings to fill with the even–odd rule. In a view whose seam crosses a ring, its
    /// pieces; their edges along the seam (and along ±180°, where the geometry file cuts rings)
    /// are not borders.
    pub rings: Vec<Vec<(f32, f32)>>,
    /// Projected bounds of all rings (for culling and the hit test's prefilter).
    pub bounds: Bounds,
    /// The runs of the rings that are real borders or coasts, as (ring index, point range): a
    /// ring without cut edges is one run of all its points; a run passing a ring's first point is
    /// given as two. Stroke these, not the rings, so no line follows a cut.
    pub borders: Vec<(usize, Range<usize>)>,
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

    /// The border polylines ([`Paths::borders`]) as slices of the rings.
    pub fn border_lines(&self) -> impl Iterator<Item = &[(f32, f32)]> + '_ {
        self.borders.iter().map(|(ring, run)| &self.rings[*ring][run.clone()])
    }
}

/// Projects every country of `list` with `proj` centred on 0°, in the same order.
pub fn project_paths(list: &[Country], proj: Projection) -> Vec<Paths> {
    project_paths_at(list, proj, 0.0)
}

/// Projects every country of `list` with `proj` on a map centred on the meridian `lon0`, in the
/// same order, cutting the rings that cross its seam. Centred on 0°, every ring is projected
/// whole and unchanged (the geometry file already cuts at ±180°).
pub fn project_paths_at(list: &[Country], proj: Projection, lon0: f64) -> Vec<Paths> {
    list.iter()
        .map(|c| {
            let mut bounds = Bounds::EMPTY;
            let mut rings = Vec::with_capacity(c.rings.len());
            let mut borders = Vec::with_capacity(c.rings.len());
            for piece in cut_rings(lon0, &c.rings) {
                let ring: Vec<(f32, f32)> = piece
                    .ring
                    .iter()
                    .map(|&(lon, lat)| {
                        let (x, y) = proj.forward(lon, lat);
                        bounds.include(x, y);
                        (x as f32, y as f32)
                    })
                    .collect();
                borders.extend(border_runs(&piece.cut).map(|run| (rings.len(), run)));
                rings.push(ring);
            }
            Paths { rings, bounds, borders }
        })
        .collect()
}

/// The point ranges of a closed ring's runs of edges that are not cut (`cut[i]` flags the edge
/// from point `i` to `i + 1`).
fn border_runs(cut: &[bool]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    (0..=cut.len()).filter_map(move |i| match (cut.get(i), start) {
        (Some(false), None) => {
            start = Some(i);
            None
        }
        (Some(true) | None, Some(s)) => {
            start = None;
            Some(s..i + 1)
        }
        _ => None,
    })
}

/// The cached paths of a centre (Equal Earth).
pub(super) fn centred_paths(centre: Centre) -> &'static [Paths] {
    static CACHE: [OnceLock<Vec<Paths>>; Centre::ALL.len()] = [const { OnceLock::new() }; Centre::ALL.len()];
    CACHE[centre as usize].get_or_init(|| project_paths_at(countries(), Projection::EqualEarth, centre.lon0()))
}

/// [`countries`] projected with Equal Earth centred on 0°, index for index, computed once: the
/// paths of [`Centre::Atlantic`].
pub fn equal_earth_paths() -> &'static [Paths] {
    centred_paths(Centre::Atlantic)
}

/// The Equal Earth bounds of the whole geometry centred on 0° (all countries; Antarctica is not
/// in the file).
pub fn equal_earth_bounds() -> Bounds {
    Centre::Atlantic.bounds()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn border_runs_are_the_stretches_between_cut_edges() {
        let runs = |cut: &[bool]| border_runs(cut).collect::<Vec<_>>();
        assert_eq!(runs(&[false, false, false]), vec![0..4], "no cut: the whole ring");
        assert_eq!(runs(&[false, true, false, false]), vec![0..2, 2..5], "one cut edge in the middle");
        assert_eq!(runs(&[true, false, false, true]), vec![1..4]);
        assert!(runs(&[true, true]).is_empty());
    }
}
