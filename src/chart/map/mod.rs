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
use crate::geo::{Bounds, Centre, Projection};
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
}

/// Map height for a width: the extent's aspect, within sensible limits, plus the legend.
pub fn body_height(spec: &MapSpec, w: f64) -> f64 {
    // The aspect is the same in every view (the world is as wide and as tall).
    let b = spec.bounds(Centre::Atlantic);
    let aspect = (b.height() / b.width()).clamp(0.4, 1.3);
    let map_h = ((w - 2.0 * PAD) * aspect).clamp(140.0, 720.0);
    map_h + 2.0 * PAD + legend::height(spec, w)
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
