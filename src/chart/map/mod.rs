//! World (or regional) map: countries filled by data, points sized by value, routes as lines,
//! labels that don't collide, and a legend — drawn on any plotters backend.
//!
//! Layer: chart. Geometry comes from `crate::geo` (projected once, cached); this module only
//! transforms to pixels and paints, in named passes (ocean, countries, borders, emphasis,
//! routes, flows, points, labels, legend, anchors). The returned `Layout` carries the view transform
//! and which country belongs to which row, so the UI hit-tests without re-deriving geometry.

mod colours;
mod fill;
mod flows;
mod frame;
mod hit;
mod labels;
mod legend;
mod marks;
mod spec;

pub use frame::fit_for;
pub use hit::ROUTE_REACH_PX;
pub use spec::*;

use super::paint::{DrawError, Painter};
use super::{Layout, Rect, View};
use crate::geo::{Bounds, Centre, Fit, Projection};
use frame::MapFrame;
use plotters::prelude::DrawingBackend;

const PAD: f64 = 8.0;
const LEGEND_H: f64 = 34.0;

impl MapSpec {
    /// The projected extent zoom 1 shows, in a view centred on `centre`.
    fn bounds(&self, centre: Centre) -> Bounds {
        match self.extent {
            Extent::World => centre.bounds(),
            Extent::Box(b) => Projection::EqualEarth.bounds_of_at(centre.lon0(), b),
        }
    }

    /// Each row's place in a view centred on `centre` (projected): what a view must show to show
    /// the row — its label's point, its points, its routes from end to end, the end of its flow.
    /// `None` for a row drawn only as an outline (a group over its members).
    pub fn places(&self, centre: Centre) -> Vec<Option<Bounds>> {
        let mut out = vec![None::<Bounds>; self.rows];
        let mut put = |row: usize, (lon, lat): (f64, f64)| {
            if let Some(b) = out.get_mut(row) {
                let (x, y) = centre.forward(lon, lat);
                b.get_or_insert(Bounds::EMPTY).include(x, y);
            }
        };
        self.labels.iter().for_each(|l| put(l.row, (l.lon, l.lat)));
        self.points.iter().for_each(|p| put(p.row, (p.lon, p.lat)));
        self.lines.iter().for_each(|l| l.pts.iter().for_each(|&p| put(l.row, p)));
        self.flows.iter().filter_map(|f| Some((f.row, *f.pts.last()?))).for_each(|(r, p)| put(r, p));
        out
    }
}

/// Screens this wide or narrower are phones: the page's narrow layout (`style/layout.css`).
pub const PHONE_WIDTH: f64 = 600.0;
/// The share of a phone's screen height the map takes (its map part, without the key).
pub const PHONE_SHARE: f64 = 0.5;
/// A phone's map is at most this many times as tall as it is wide.
const PHONE_TALLEST: f64 = 1.5;

/// The reader's screen, for a map drawn in the page (CSS pixels).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Screen {
    pub width: f64,
    pub height: f64,
    /// The map fills the screen: `height` is all the canvas has.
    pub full: bool,
}

impl Screen {
    /// A phone's screen: the map is taller than the world's shape and opens on its items.
    pub fn phone(&self) -> bool {
        self.width <= PHONE_WIDTH
    }
}

/// Map height for a width: the extent's aspect within sensible limits, plus the legend. On a
/// phone, at least half its screen's height (a world as wide as a phone is a thumbnail, 15 % of
/// it; the taller box shows a region at a readable scale); full screen, all of it.
pub fn body_height(spec: &MapSpec, w: f64, screen: Option<Screen>) -> f64 {
    if let Some(s) = screen.filter(|s| s.full) {
        return s.height.max(1.0);
    }
    // The aspect is the same in every view (the world is as wide and as tall).
    let b = spec.bounds(Centre::Atlantic);
    let aspect = (b.height() / b.width()).clamp(0.4, 1.3);
    let inner = w - 2.0 * PAD;
    let tall = screen.filter(Screen::phone).map_or(0.0, |s| (s.height * PHONE_SHARE).min(inner * PHONE_TALLEST));
    let map_h = (inner * aspect).max(tall).clamp(140.0, 720.0);
    map_h + 2.0 * PAD + legend::height(spec, w)
}

/// The zoom-1 fit of a map drawn `w` wide on `screen` (the canvas's height as the page sizes it):
/// what cameras and the opening view are computed from.
pub fn base_fit(spec: &MapSpec, w: f64, screen: Option<Screen>, centre: Centre) -> Fit {
    let h = body_height(spec, w, screen).ceil();
    fit_for(spec, w, h - legend::height(spec, w) - 2.0 * PAD, None, centre)
}

/// Draw the map into `body`.
pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &MapSpec,
    body: Rect,
    view: &View,
) -> Result<Layout, DrawError<DB>> {
    let w = body.width();
    let map_h = body.height() - legend::height(spec, w);
    let f = MapFrame::new(spec, w, body.y0, map_h, view);
    fill::ocean_pass(p, &f, spec)?;
    let country_row = fill::country_pass(p, &f, spec)?;
    fill::border_pass(p, &f)?;
    fill::emphasis_pass(p, &f, spec)?;
    let routes = marks::route_pass(p, &f, spec)?;
    let flows = flows::flow_pass(p, &f, spec)?;
    let items = marks::point_pass(p, &f, spec)?;
    labels::label_pass(p, &f, spec, (&routes, &flows))?;
    legend::legend_pass(p, spec, f.bx.y1 + 10.0, w)?;
    let anchors = hit::anchors(&f, spec, &items, (&routes, &flows));
    let mut lines = routes;
    lines.extend(flows.into_iter().flat_map(|fl| fl.hits));
    Ok(Layout {
        width: w,
        height: body.y1,
        plot: f.bx,
        bands: Vec::new(),
        items,
        legend: Vec::new(),
        map: Some(MapHit { fit: f.fit, centre: f.centre, country_row, lines, top: f.top, anchors }),
        texts: Vec::new(),
    })
}
