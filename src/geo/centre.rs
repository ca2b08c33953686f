//! Which meridian runs down the middle of the world map: the Atlantic view (0°) or the Pacific
//! view (150°E, as world maps published in China), and what depends on it — the projection, the
//! country paths cut at the view's seam, the extent a fit shows, and lines cut at the seam.
//!
//! Layer: geo. Plain values and pure functions over `project`, `paths` and `cut`; no drawing,
//! no UI. The view's seam (its antimeridian, the map's left and right edge) is at 180° in the
//! Atlantic view and at 30°W in the Pacific view, which cuts Greenland and brings Chukotka and
//! Fiji whole into the middle of the map.

use super::cut::cut_line;
use super::fit::Fit;
use super::paths::{centred_paths, Paths};
use super::project::{wrap_lon, Bounds, Projection, XY};

/// The central meridian of a world map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Centre {
    /// 0°: the seam at ±180° splits the Pacific (the usual world map in English).
    #[default]
    Atlantic = 0,
    /// 150°E: the seam at 30°W runs through the Atlantic and Greenland (the usual world map in
    /// China), putting China, its Asian partners and the trans-Pacific lane in the middle.
    Pacific = 1,
}

impl Centre {
    /// Every centre, in the order of the control.
    pub const ALL: [Centre; 2] = [Centre::Atlantic, Centre::Pacific];

    /// The central meridian in degrees east.
    pub fn lon0(self) -> f64 {
        match self {
            Centre::Atlantic => 0.0,
            Centre::Pacific => 150.0,
        }
    }

    /// The seam (the meridian opposite the centre, at both map edges) in degrees, in [−180, 180].
    pub fn seam(self) -> f64 {
        wrap_lon(self.lon0() + 180.0)
    }

    /// The name in addresses and settings: `atlantic` or `pacific`.
    pub fn code(self) -> &'static str {
        match self {
            Centre::Atlantic => "atlantic",
            Centre::Pacific => "pacific",
        }
    }

    /// The centre a [`Centre::code`] names.
    pub fn from_code(code: &str) -> Option<Centre> {
        Centre::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Equal Earth, centred here: lon/lat degrees → projected units.
    pub fn forward(self, lon: f64, lat: f64) -> XY {
        Projection::EqualEarth.forward_at(self.lon0(), lon, lat)
    }

    /// Projected units → lon/lat degrees (longitude in [−180, 180]); `None` off the sphere.
    pub fn inverse(self, x: f64, y: f64) -> Option<XY> {
        Projection::EqualEarth.inverse_at(self.lon0(), x, y)
    }

    /// Every country's Equal Earth paths in this view, indexed like
    /// [`countries`](super::countries), projected and cut once and cached.
    pub fn paths(self) -> &'static [Paths] {
        centred_paths(self)
    }

    /// The projected bounds of all countries in this view, widened to be symmetric about x = 0
    /// so that the central meridian runs down the middle of a world fit: the fit's extent.
    pub fn bounds(self) -> Bounds {
        let b = self.paths().iter().fold(Bounds::EMPTY, |b, p| b.union(&p.bounds));
        let half = b.x0.abs().max(b.x1.abs());
        Bounds { x0: -half, x1: half, ..b }
    }

    /// A fit of the whole map in this view into `width × height` pixels at zoom 1.
    pub fn world_fit(self, width: f64, height: f64, padding: f64) -> Fit {
        Fit::new(self.bounds(), width, height, padding)
    }

    /// A route or arc in lon/lat (longitudes wrapped or unwrapped, each segment the shorter way
    /// round) as the pieces this view draws: split at the seam, each ready for
    /// [`Centre::forward`]. See [`cut_line`].
    pub fn cut_line(self, pts: &[XY]) -> Vec<Vec<XY>> {
        cut_line(self.lon0(), pts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_centre_is_named_by_its_code_and_found_by_it() {
        for c in Centre::ALL {
            assert_eq!(Centre::from_code(c.code()), Some(c));
        }
        assert_eq!(Centre::from_code("pacific"), Some(Centre::Pacific));
        assert_eq!(Centre::from_code("Pacific"), None);
    }

    #[test]
    fn the_pacific_view_is_centred_on_150e_with_its_seam_at_30w() {
        assert_eq!((Centre::Pacific.lon0(), Centre::Pacific.seam()), (150.0, -30.0));
        assert_eq!((Centre::Atlantic.lon0(), Centre::Atlantic.seam()), (0.0, 180.0));
    }
}
