//! Map projections on the unit sphere: Equal Earth (the atlas's default) and Natural Earth,
//! each forward and inverse, plus the projected-space rectangle type [`Bounds`].
//!
//! Layer: geo. Pure `f64` math, no drawing, no UI. Projected coordinates have y pointing
//! **north** (up); the pixel transform in `fit.rs` flips it.
//!
//! Every projection can be centred on any meridian ([`Projection::forward_at`],
//! [`Projection::inverse_at`]): longitudes are taken relative to the central meridian and wrapped
//! to [−180°, 180°] by [`wrap_lon`], so the view's seam (its antimeridian) is the map's left and
//! right edge.
//!
//! Formulas: Šavrič, Patterson & Jenny, "The Equal Earth map projection" (IJGIS 2018); Natural
//! Earth: Šavrič, Jenny, Patterson, Petrovič & Hurni (2011), polynomial form as in d3-geo's
//! `geoNaturalEarth1`. Both inverses use Newton's method on the latitude polynomial.

use crate::float::Within;
use std::f64::consts::PI;

/// A point in projected (unit-sphere) coordinates, or in degrees (lon, lat), as the context says.
pub type XY = (f64, f64);

/// An axis-aligned rectangle in projected coordinates (`y0 <= y1`, y north-up), or in lon/lat
/// degrees where a function says so.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Bounds {
    /// The empty rectangle: `include` any point to start one.
    pub const EMPTY: Bounds =
        Bounds { x0: f64::INFINITY, y0: f64::INFINITY, x1: f64::NEG_INFINITY, y1: f64::NEG_INFINITY };

    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Bounds {
        Bounds { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1) }
    }

    pub fn is_empty(&self) -> bool {
        !(self.x0 <= self.x1 && self.y0 <= self.y1)
    }

    /// Grows the rectangle to contain `(x, y)`.
    pub fn include(&mut self, x: f64, y: f64) {
        self.x0 = self.x0.min(x);
        self.y0 = self.y0.min(y);
        self.x1 = self.x1.max(x);
        self.y1 = self.y1.max(y);
    }

    pub fn union(&self, o: &Bounds) -> Bounds {
        Bounds { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }

    /// Inclusive containment.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    pub fn intersects(&self, o: &Bounds) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }

    /// The rectangle grown by `m` on every side.
    pub fn expand(&self, m: f64) -> Bounds {
        Bounds { x0: self.x0 - m, y0: self.y0 - m, x1: self.x1 + m, y1: self.y1 + m }
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub fn area(&self) -> f64 {
        if self.is_empty() {
            0.0
        } else {
            self.width() * self.height()
        }
    }

    pub fn center(&self) -> XY {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
}

/// A lon/lat box in degrees (`west < east`; boxes across the antimeridian are not supported).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLatBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl LonLatBox {
    /// China's coast and its ports, from Hainan to the Liaodong peninsula, with the seas off it
    /// (the view of the port maps).
    pub const CHINA_COAST: LonLatBox = LonLatBox { west: 105.0, south: 17.0, east: 127.0, north: 42.0 };
    /// All of China with its neighbours' borders.
    pub const CHINA: LonLatBox = LonLatBox { west: 73.0, south: 17.0, east: 136.0, north: 54.0 };
}

/// The projections the atlas can draw with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Projection {
    /// Equal-area pseudocylindrical (Šavrič et al. 2018): the atlas's default, because a
    /// choropleth of trade should not inflate Russia and Canada.
    #[default]
    EqualEarth,
    /// Compromise pseudocylindrical (Natural Earth I), a second option.
    NaturalEarth,
}

impl Projection {
    /// Projects lon/lat in degrees to unit-sphere coordinates (y north-up).
    pub fn forward(self, lon: f64, lat: f64) -> XY {
        let (l, p) = (lon.to_radians(), lat.to_radians());
        match self {
            Projection::EqualEarth => equal_earth(l, p),
            Projection::NaturalEarth => natural_earth(l, p),
        }
    }

    /// Projects lon/lat in degrees on a map centred on the meridian `lon0`: the longitude is
    /// taken relative to `lon0` and wrapped to [−180°, 180°] ([`wrap_lon`]) first. A point on
    /// the seam (`lon0 ± 180°`) goes to the edge its relative longitude says: −180° west, 180° east.
    pub fn forward_at(self, lon0: f64, lon: f64, lat: f64) -> XY {
        self.forward(wrap_lon(lon - lon0), lat)
    }

    /// Unprojects a point of a map centred on `lon0` to lon/lat degrees, the longitude in
    /// [−180°, 180°]; `None` outside the projection's outline of the sphere.
    pub fn inverse_at(self, lon0: f64, x: f64, y: f64) -> Option<XY> {
        self.inverse(x, y).map(|(lon, lat)| (wrap_lon(lon + lon0), lat))
    }

    /// Unprojects to lon/lat degrees; `None` outside the projection's outline of the sphere.
    pub fn inverse(self, x: f64, y: f64) -> Option<XY> {
        let b = self.world_bounds();
        if !x.is_finite() || !y.is_finite() || y.abs() > b.y1 + 1e-9 {
            return None;
        }
        let (l, p) = match self {
            Projection::EqualEarth => equal_earth_inverse(x, y),
            Projection::NaturalEarth => natural_earth_inverse(x, y),
        };
        let (lon, lat) = (l.to_degrees(), p.to_degrees());
        if lon.abs() > 180.0 + 1e-9 || !lat.is_finite() {
            return None;
        }
        Some((lon, lat.within(-90.0, 90.0)))
    }

    /// The bounds of the whole sphere's outline: x at ±180° on the equator, y at the poles.
    pub fn world_bounds(self) -> Bounds {
        let (x, _) = self.forward(180.0, 0.0);
        let (_, y) = self.forward(0.0, 90.0);
        Bounds::new(-x, -y, x, y)
    }

    /// The projected bounds of a lon/lat box (its edges are curves, so they are sampled).
    pub fn bounds_of(self, b: LonLatBox) -> Bounds {
        self.bounds_of_at(0.0, b)
    }

    /// [`Projection::bounds_of`] on a map centred on `lon0` (the box must not cross that map's seam).
    pub fn bounds_of_at(self, lon0: f64, b: LonLatBox) -> Bounds {
        let mut out = Bounds::EMPTY;
        const N: usize = 32;
        for i in 0..=N {
            let t = i as f64 / N as f64;
            let lon = b.west + t * (b.east - b.west);
            let lat = b.south + t * (b.north - b.south);
            for (x, y) in [(lon, b.south), (lon, b.north), (b.west, lat), (b.east, lat)] {
                let (px, py) = self.forward_at(lon0, x, y);
                out.include(px, py);
            }
        }
        out
    }
}

/// A longitude in degrees brought into [−180°, 180°] by whole turns. Values already in that
/// range, both ends included, come back unchanged (so ±180° keeps its sign).
pub fn wrap_lon(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        lon
    } else {
        lon - 360.0 * ((lon + 180.0) / 360.0).floor()
    }
}

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

fn sqrt3_2() -> f64 {
    3f64.sqrt() / 2.0
}

/// Equal Earth forward, radians in.
pub fn equal_earth(lambda: f64, phi: f64) -> XY {
    let m = sqrt3_2();
    let t = (m * phi.sin()).asin();
    let t2 = t * t;
    let t6 = t2 * t2 * t2;
    let x = lambda * t.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Equal Earth inverse (Newton iteration on the parametric latitude), radians out.
pub fn equal_earth_inverse(x: f64, y: f64) -> XY {
    let m = sqrt3_2();
    let mut t = y;
    for _ in 0..20 {
        let t2 = t * t;
        let t6 = t2 * t2 * t2;
        let fy = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
        let fpy = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
        let delta = fy / fpy;
        t -= delta;
        if delta.abs() < 1e-12 {
            break;
        }
    }
    let t2 = t * t;
    let t6 = t2 * t2 * t2;
    let lambda = m * x * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)) / t.cos();
    let phi = (t.sin() / m).within(-1.0, 1.0).asin();
    (lambda, phi)
}

/// Natural Earth (I) forward, radians in.
pub fn natural_earth(lambda: f64, phi: f64) -> XY {
    let p2 = phi * phi;
    let p4 = p2 * p2;
    let x = lambda * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
    let y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));
    (x, y)
}

/// Natural Earth (I) inverse (Newton iteration on the latitude), radians out.
pub fn natural_earth_inverse(x: f64, y: f64) -> XY {
    let mut phi = y;
    for _ in 0..25 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        let f = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))) - y;
        let fp = 1.007226 + p2 * (0.015085 * 3.0 + p4 * (-0.044475 * 7.0 + 0.028874 * 9.0 * p2 - 0.005916 * 11.0 * p4));
        let delta = f / fp;
        phi -= delta;
        if delta.abs() < 1e-12 {
            break;
        }
    }
    let p2 = phi * phi;
    let p4 = p2 * p2;
    let lambda = x / (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
    (lambda, phi.within(-PI / 2.0, PI / 2.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_same_place(got: XY, want: XY) {
        let dlon = wrap_lon(got.0 - want.0).abs();
        assert!(dlon < 1e-7 && (got.1 - want.1).abs() < 1e-7, "got {got:?}, want {want:?}");
        assert!((-180.0..=180.0).contains(&got.0), "{got:?} is not wrapped");
    }

    #[test]
    fn wrapping_a_longitude_keeps_values_in_range_and_moves_others_by_whole_turns() {
        assert_eq!(wrap_lon(180.0), 180.0);
        assert_eq!(wrap_lon(-180.0), -180.0);
        assert_eq!(wrap_lon(242.0), -118.0);
        assert_eq!(wrap_lon(-210.0), 150.0);
        assert_eq!(wrap_lon(720.5), 0.5);
    }

    #[test]
    fn forward_and_inverse_at_a_central_meridian_round_trip() {
        for lon0 in [0.0, 150.0, -30.0, 180.0, -180.0, 75.5] {
            for lon in (-180..180).step_by(13) {
                for lat in (-85..=85).step_by(17) {
                    let (lon, lat) = (lon as f64 + 0.25, lat as f64);
                    let (x, y) = Projection::EqualEarth.forward_at(lon0, lon, lat);
                    let back = Projection::EqualEarth.inverse_at(lon0, x, y).expect("inside the outline");
                    assert_same_place(back, (lon, lat));
                }
            }
        }
    }

    #[test]
    fn the_central_meridian_projects_to_the_middle_of_the_map() {
        for lon0 in [0.0, 150.0, -30.0, 180.0] {
            let (x, _) = Projection::EqualEarth.forward_at(lon0, lon0, 40.0);
            assert!(x.abs() < 1e-12, "lon0 {lon0}: x = {x}");
        }
    }

    #[test]
    fn points_just_east_and_just_west_of_the_seam_go_to_opposite_edges() {
        let edge = Projection::EqualEarth.world_bounds().x1;
        for lon0 in [0.0, 150.0, -30.0, 180.0] {
            let seam = wrap_lon(lon0 + 180.0);
            let (west_of, _) = Projection::EqualEarth.forward_at(lon0, seam - 0.01, 0.0);
            let (east_of, _) = Projection::EqualEarth.forward_at(lon0, seam + 0.01, 0.0);
            assert!(west_of > 0.99 * edge, "lon0 {lon0}: just west of the seam is at the east edge ({west_of})");
            assert!(east_of < -0.99 * edge, "lon0 {lon0}: just east of the seam is at the west edge ({east_of})");
        }
    }
}
