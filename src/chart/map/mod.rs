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
pub use labels::Placed;
pub use spec::*;

use super::paint::{DrawError, Painter};
use super::{Layout, Rect, View};
use crate::geo::{Bounds, Centre, Projection};
use frame::MapFrame;
use plotters::prelude::DrawingBackend;

/// Pixels between the map box and the canvas's edge, and between the map box and the extent.
pub const PAD: f64 = 8.0;
const LEGEND_H: f64 = 34.0;
/// The map part's height (without padding and legend) stays within these.
pub const MAP_HEIGHTS: (f64, f64) = (140.0, 720.0);

impl MapSpec {
    /// The projected extent zoom 1 shows, in a view centred on `centre`.
    fn bounds(&self, centre: Centre) -> Bounds {
        match self.extent {
            Extent::World => centre.bounds(),
            Extent::Box(b) => Projection::EqualEarth.bounds_of_at(centre.lon0(), b),
        }
    }
}

/// The height of the map part for each pixel of its width: the extent's aspect, within sensible
/// limits. The same in every view (the world is as wide and as tall).
pub fn aspect(spec: &MapSpec) -> f64 {
    let b = spec.bounds(Centre::Atlantic);
    (b.height() / b.width()).clamp(0.4, 1.3)
}

/// Map height for a width: the extent's aspect, within [`MAP_HEIGHTS`], plus the legend.
pub fn body_height(spec: &MapSpec, w: f64) -> f64 {
    let map_h = ((w - 2.0 * PAD) * aspect(spec)).clamp(MAP_HEIGHTS.0, MAP_HEIGHTS.1);
    map_h + 2.0 * PAD + legend::height(spec, w)
}

/// Where a map drawn `width` CSS pixels wide (its own height, [`body_height`] rounded up, as a
/// chart's canvas is) puts things at zoom 1: its height, the map box (nothing the map paints
/// leaves it), the legend's height under it, and the extent zoom 1 shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub height: f64,
    pub map_box: Rect,
    pub legend: f64,
    pub extent: Rect,
}

/// The [`Geometry`] of `spec` drawn `width` pixels wide in a view centred on `centre`.
pub fn geometry(spec: &MapSpec, width: f64, centre: Centre) -> Geometry {
    let height = body_height(spec, width).ceil();
    let legend = legend::height(spec, width);
    let view = View { centre, ..View::default() };
    let f = MapFrame::new(spec, width, 0.0, height - legend, &view);
    let b = f.fit.extent();
    let (x0, y0) = f.xy((b.x0, b.y1));
    let (x1, y1) = f.xy((b.x1, b.y0));
    Geometry { height, map_box: f.bx, legend, extent: Rect::new(x0, y0, x1, y1) }
}

/// The labels a draw of `spec` `width` pixels wide places in `view` (their text, centre and font
/// size), in the order it draws them; `None` for a layer with routes or flows, whose labels are
/// placed around lines only a draw computes.
pub fn placed_labels(spec: &MapSpec, width: f64, view: &View) -> Option<Vec<Placed>> {
    if !spec.lines.is_empty() || !spec.flows.is_empty() {
        return None;
    }
    let height = body_height(spec, width).ceil();
    let f = MapFrame::new(spec, width, 0.0, height - legend::height(spec, width), view);
    Some(labels::place(&f, spec, (&[], &[])))
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
