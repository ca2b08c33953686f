//! What a map layer asks to draw: filled countries, points, routes, labels and a legend, in
//! lon/lat and ready-formatted text; the camera; and what a drawn map hands back for hit tests.
//!
//! Layer: chart. Plain data, built by `views::map` and read by the map's draw passes and the UI.

use crate::geo::{Fit, LonLatBox};

/// How a mark is coloured; the theme decides the actual colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paint {
    /// Sequential, 0 (low) to 1 (high).
    Ramp(f64),
    /// Diverging, −1 (fall) to 1 (rise).
    Diverge(f64),
    /// A series colour.
    Series(usize),
    /// The reporting country (China, with Taiwan as the paper counts it).
    Home,
}

/// Countries filled for one row.
#[derive(Clone, Debug, PartialEq)]
pub struct MapArea {
    /// Indices into `geo::countries()`.
    pub countries: Vec<usize>,
    pub paint: Paint,
    pub row: usize,
    /// Drawn as an outline only (a group such as ASEAN over its members).
    pub outline: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapPoint {
    pub lon: f64,
    pub lat: f64,
    /// Radius in CSS pixels at zoom 1 (grows gently with zoom).
    pub r: f64,
    pub paint: Paint,
    pub row: usize,
    pub label: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapLine {
    /// lon/lat vertices; a route crossing the antimeridian is given as separate lines.
    pub pts: Vec<(f64, f64)>,
    pub paint: Paint,
    /// Stroke width in CSS pixels.
    pub width: f64,
    pub dashed: bool,
    pub row: usize,
    pub label: Option<String>,
}

/// An arc of trade from one place to another: its width in proportion to a value, an arrowhead
/// at its end (the direction of the flow), and its value as a label there.
#[derive(Clone, Debug, PartialEq)]
pub struct MapFlow {
    /// The path in lon/lat from the origin to the destination (a great circle, longitudes kept
    /// continuous, so they may run past ±180°).
    pub pts: Vec<(f64, f64)>,
    /// Stroke width in CSS pixels at zoom 1.
    pub width: f64,
    pub paint: Paint,
    pub row: usize,
    pub label: Option<String>,
}

/// A label anchored at a lon/lat point.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLabel {
    pub lon: f64,
    pub lat: f64,
    pub text: String,
    pub row: usize,
}

/// The key under the map.
#[derive(Clone, Debug, PartialEq)]
pub enum MapLegend {
    None,
    /// A colour ramp between two labels.
    Ramp {
        lo: String,
        hi: String,
        caption: String,
        diverging: bool,
    },
    /// Named swatches.
    Swatches(Vec<(Paint, String)>),
}

/// Which part of the world to show at zoom 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extent {
    World,
    Box(LonLatBox),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapSpec {
    pub extent: Extent,
    pub areas: Vec<MapArea>,
    pub points: Vec<MapPoint>,
    pub lines: Vec<MapLine>,
    /// Drawn in order: largest first, so thin arcs stay on top.
    pub flows: Vec<MapFlow>,
    pub labels: Vec<MapLabel>,
    pub legend: MapLegend,
    /// Number of rows (items a reader can step through).
    pub rows: usize,
    /// Row labels, for keyboard navigation and the table alternative.
    pub row_labels: Vec<String>,
    /// The rows are in the order of the layer's ranking (the first is No. 1): an opening view
    /// keeps the first in view.
    pub ranked: bool,
}

/// The camera: zoom and the projected point at the view's centre (`None` = the default fit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub zoom: f64,
    pub cx: f64,
    pub cy: f64,
}

impl Camera {
    /// The camera that reproduces a fit: its zoom and the projected point at its centre.
    pub fn of(fit: &Fit) -> Camera {
        let (cx, cy) = fit.from_px((fit.width / 2.0, fit.height / 2.0));
        Camera { zoom: fit.zoom(), cx, cy }
    }
}

/// A drawn line a pointer can reach: its row, its pixel polyline and how near a pointer must come.
#[derive(Clone, Debug, PartialEq)]
pub struct HitLine {
    pub row: usize,
    pub pts: Vec<(f64, f64)>,
    /// CSS pixels from the line's centre.
    pub reach: f64,
}

/// What the UI needs to hit-test a drawn map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapHit {
    pub fit: Fit,
    /// The central meridian the map was drawn with.
    pub centre: crate::geo::Centre,
    /// Row of each country (indexed like `geo::countries()`), if it belongs to one.
    pub country_row: Vec<Option<usize>>,
    /// Pixel polylines of the routes and flows, in drawing order (the last is on top).
    pub lines: Vec<HitLine>,
    /// Top of the map area (the fit's pixel y = 0 is at this canvas y).
    pub top: f64,
    /// Where each row's tooltip points: its label, its point, or the middle of its route.
    pub anchors: Vec<Option<(f64, f64)>>,
}
