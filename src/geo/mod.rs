//! The map model: decoded country shapes, projections, the pixel fit with zoom and pan, hit
//! testing, country groups and supplementary points (ports, railway waypoints).
//!
//! Layer: geo, beside `chart` and below `ui`. Reads only `data/geo/*` (compiled in) and
//! `crate::data::Lang`. It must not draw, and must not import leptos or web types: a map drawer
//! in `chart` projects with [`paths::equal_earth_paths`] through a [`Fit`], and the UI turns a
//! pointer into a country with [`hit::hit`] using the same `Fit`.
//!
//! A world map may be centred on the Atlantic (0°, the functions without a centre) or on the
//! Pacific (150°E): a [`Centre`] gives that view's projection, its country paths cut at its seam
//! (fill [`Paths::rings`], stroke [`Paths::border_lines`]), its extent and fit, and cuts routes at
//! its seam ([`Centre::cut_line`]).
//!
//! ```
//! use trade_atlas::geo::{self, Fit};
//! let fit = geo::world_fit(960.0, 500.0, 8.0);
//! let (lon, lat) = (105.0, 35.0);
//! let px = fit.to_px(geo::Projection::EqualEarth.forward(lon, lat));
//! assert_eq!(geo::hit::hit(&fit, px).and_then(|c| c.a3), Some("CHN"));
//!
//! // Centred on 150°E, Chukotka lies whole in the middle of the map.
//! let pacific = geo::Centre::Pacific;
//! let fit = pacific.world_fit(960.0, 500.0, 8.0);
//! let px = fit.to_px(pacific.forward(-172.0, 65.5));
//! let i = geo::hit::hit_index_near(pacific.paths(), fit.from_px(px), 0.0);
//! assert_eq!(i.and_then(|i| geo::countries()[i].a3), Some("RUS"));
//! ```

pub mod centre;
pub mod cut;
pub mod fit;
pub mod hit;
pub mod paths;
pub mod planar;
pub mod points;
pub mod project;
pub mod regions;
pub mod shapes;

pub use centre::Centre;
pub use fit::{Fit, MAX_ZOOM, MIN_ZOOM};
pub use paths::{equal_earth_bounds, equal_earth_paths, project_paths, project_paths_at, Paths};
pub use project::{wrap_lon, Bounds, LonLatBox, Projection, XY};
pub use shapes::{by_a3, by_num, countries, Country};

/// A fit of the whole map (all countries, Equal Earth) into `width × height` pixels at zoom 1.
pub fn world_fit(width: f64, height: f64, padding: f64) -> Fit {
    Fit::new(equal_earth_bounds(), width, height, padding)
}

/// The world fit zoomed and centred on a lon/lat box (e.g. [`LonLatBox::CHINA_COAST`]); pan and
/// zoom out still reach the whole world.
pub fn box_fit(b: LonLatBox, width: f64, height: f64, padding: f64) -> Fit {
    world_fit(width, height, padding).focus(Projection::EqualEarth.bounds_of(b))
}

/// The pixel position of a lon/lat point on an Equal Earth map drawn through `fit`.
pub fn lon_lat_to_px(fit: &Fit, lon: f64, lat: f64) -> XY {
    fit.to_px(Projection::EqualEarth.forward(lon, lat))
}

/// The lon/lat under a pixel of an Equal Earth map, `None` off the sphere's outline.
pub fn px_to_lon_lat(fit: &Fit, px: XY) -> Option<XY> {
    let (x, y) = fit.from_px(px);
    Projection::EqualEarth.inverse(x, y)
}
