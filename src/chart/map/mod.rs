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
pub use labels::{Placed, LABEL_SHARE};
pub use spec::*;

use super::paint::{DrawError, Painter};
use super::{Layout, Rect, View};
use crate::float::Within;
use crate::geo::{Bounds, Centre, Fit, Projection};
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

/// Maps this wide or narrower (CSS pixels, the canvas's width: a screen up to 600 px wide) are on
/// a phone: their map part is [`PHONE_TALL`] times as tall as it is wide, and a layer opens on its
/// items (`views::interact::camera::opening`).
pub const PHONE_WIDTH: f64 = 544.0;
/// A phone's map part is this many times as tall as it is wide: 334 × 418 px on a 390 × 844 phone,
/// half its screen (49–59 % on phones from 320 × 568 to 412 × 915 held upright), where the world's
/// own shape gave a strip of 154 px, a country a few pixels. A ratio of the width, not of the
/// screen's height: the height then stays put while a phone's browser hides and shows its address
/// bar, and the first paint's drawing (`static_map`) can follow it in CSS.
pub const PHONE_TALL: f64 = 1.25;

/// The height of the map part for each pixel of its width: the extent's aspect, within sensible
/// limits. The same in every view (the world is as wide and as tall).
pub fn aspect(spec: &MapSpec) -> f64 {
    let b = spec.bounds(Centre::Atlantic);
    (b.height() / b.width()).within(0.4, 1.3)
}

/// Map height for a width: the extent's aspect, within [`MAP_HEIGHTS`], plus the legend.
/// On a phone ([`PHONE_WIDTH`]) the map part is [`PHONE_TALL`] times as tall as wide instead.
pub fn body_height(spec: &MapSpec, w: f64) -> f64 {
    let ratio = if w <= PHONE_WIDTH { PHONE_TALL } else { aspect(spec) };
    let map_h = ((w - 2.0 * PAD) * ratio).within(MAP_HEIGHTS.0, MAP_HEIGHTS.1);
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
    geometry_in(spec, width, &View { centre, ..View::default() })
}

/// As [`geometry`], in `view`: its `extent` is where the view's camera puts the extent (larger
/// than the map box when zoomed in).
pub fn geometry_in(spec: &MapSpec, width: f64, view: &View) -> Geometry {
    let height = body_height(spec, width).ceil();
    let legend = legend::height(spec, width);
    let f = MapFrame::new(spec, width, 0.0, height - legend, view);
    let b = f.fit.extent();
    let (x0, y0) = f.xy((b.x0, b.y1));
    let (x1, y1) = f.xy((b.x1, b.y0));
    Geometry { height, map_box: f.bx, legend, extent: Rect::new(x0, y0, x1, y1) }
}

/// The zoom-1 fit of `spec` drawn `width` pixels wide in a view centred on `centre`: what its
/// cameras are relative to.
pub fn base_fit(spec: &MapSpec, width: f64, centre: Centre) -> Fit {
    base_fit_in(spec, width, body_height(spec, width).ceil(), centre)
}

/// As [`base_fit`], for a map body `body_h` high (a full-screen map's) instead of its own height.
pub fn base_fit_in(spec: &MapSpec, width: f64, body_h: f64, centre: Centre) -> Fit {
    let map_h = body_h - legend::height(spec, width);
    fit_for(spec, width, map_h - 2.0 * PAD, None, centre)
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
