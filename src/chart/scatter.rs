//! Scatter charts: two growth rates per row, with the diagonal where they are equal.
//!
//! Layer: chart. Used for Table 1: quantity growth against value growth. Points above the
//! diagonal gained in unit value (electric vehicles), points below lost (steel).

use super::frame;
use super::paint::{Align, DrawError, Painter};
use super::place::Placer;
use super::scale::{nice_domain, Linear};
use super::text::width;
use super::{Datum, Item, Keys, Layout, Rect, View};
use crate::data::format::tick;
use plotters::prelude::DrawingBackend;

#[derive(Clone, Debug, PartialEq)]
pub struct ScatterRow {
    pub label: String,
    pub x: Datum,
    pub y: Datum,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScatterSpec {
    pub rows: Vec<ScatterRow>,
    pub x_axis: String,
    pub y_axis: String,
    /// Caption of the diagonal ("unit value unchanged").
    pub diagonal: String,
    pub keys: Keys,
}

const PAD: f64 = 10.0;
const FONT: f64 = 11.5;
const R: f64 = 5.0;

struct Geom {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    dom: (f64, f64),
    ticks: Vec<f64>,
}

fn geometry(spec: &ScatterSpec, w: f64, top: f64) -> Geom {
    let vals = spec.rows.iter().flat_map(|r| [r.x.x, r.y.x]);
    let lo = vals.clone().fold(0.0, f64::min);
    let hi = vals.fold(0.0, f64::max);
    let (dom, ticks) = nice_domain(lo, hi, 6);
    let x0 = PAD + 40.0;
    let x1 = w - PAD - 10.0;
    let side = (x1 - x0).min(560.0);
    let y0 = top + 24.0;
    Geom { x0, x1: x0 + side, y0, y1: y0 + side, dom, ticks }
}

pub fn body_height(spec: &ScatterSpec, w: f64) -> f64 {
    let g = geometry(spec, w, 0.0);
    g.y1 + 40.0 + frame::key_height(&spec.keys, (false, false, false), w)
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &ScatterSpec,
    body: Rect,
    view: &View,
) -> Result<Layout, DrawError<DB>> {
    let th = p.theme;
    let w = body.width();
    let g = geometry(spec, w, body.y0);
    let sx = Linear::new(g.dom, (g.x0, g.x1));
    let sy = Linear::new(g.dom, (g.y1, g.y0));
    let step = g.ticks.get(1).map_or(1.0, |b| b - g.ticks[0]);
    for &t in &g.ticks {
        let c = if t == 0.0 { th.axis } else { th.grid };
        p.line(&[(sx.at(t), g.y0), (sx.at(t), g.y1)], c, 1)?;
        p.line(&[(g.x0, sy.at(t)), (g.x1, sy.at(t))], c, 1)?;
        p.text(&tick(t, step), sx.at(t), g.y1 + 11.0, 10.5, th.muted, Align::Middle, false)?;
        p.text(&tick(t, step), g.x0 - 6.0, sy.at(t), 10.5, th.muted, Align::End, false)?;
    }
    // The diagonal: value grew as fast as quantity, so unit value is unchanged.
    p.line(&[(sx.at(g.dom.0), sy.at(g.dom.0)), (sx.at(g.dom.1), sy.at(g.dom.1))], th.axis, 1)?;
    let dx = sx.at(g.dom.1) - 4.0;
    p.text(&spec.diagonal, dx, sy.at(g.dom.1) + 12.0, 10.5, th.muted, Align::End, false)?;
    p.text(&spec.y_axis, g.x0, body.y0 + 10.0, 10.5, th.muted, Align::Start, false)?;
    p.text(&spec.x_axis, g.x1, g.y1 + 28.0, 10.5, th.muted, Align::End, false)?;
    let mut items = Vec::new();
    // Every point is an obstacle for every label.
    let marks =
        spec.rows.iter().map(|r| Rect::new(sx.at(r.x.x), sy.at(r.y.x), sx.at(r.x.x), sy.at(r.y.x)).inflate(R + 1.0));
    // Labels may run past the plot's right edge into the padding, never off the canvas.
    let area = Rect::new(0.0, f64::NEG_INFINITY, g.x1 + PAD, f64::INFINITY);
    let mut placed = Placer::with_obstacles(area, marks.collect());
    let front = |i: usize| view.highlight == Some(i) || view.selected.contains(&i);
    let order = super::order::ordered(spec.rows.len(), &|a, b| front(a).cmp(&front(b)));
    for &i in &order {
        let r = &spec.rows[i];
        let (x, y) = (sx.at(r.x.x), sy.at(r.y.x));
        let dim = view.highlight.is_some_and(|h| h != i);
        let c = if r.y.x >= r.x.x { th.rise } else { th.fall };
        let c = if dim { th.faded(c) } else { c };
        p.circle(x, y, R, c, true)?;
        if view.selected.contains(&i) || view.highlight == Some(i) {
            p.circle(x, y, R + 3.0, th.fg, false)?;
        }
        // Label to the right unless it would collide or leave the plot.
        let lw = width(&r.label, FONT);
        let right = Rect::new(x + R + 3.0, y - FONT * 0.6, x + R + 3.0 + lw, y + FONT * 0.6);
        let left = Rect::new(x - R - 3.0 - lw, y - FONT * 0.6, x - R - 3.0, y + FONT * 0.6);
        let own = Rect::new(x, y, x, y).inflate(R + 1.0);
        let spot = placed.first_free([right, left], Some(&own));
        if let Some(b) = spot.or((view.highlight == Some(i)).then_some(right)) {
            let fg = if dim { th.faded(th.fg) } else { th.fg };
            // Anchor at the end nearest the point, so a long label never runs over it.
            let (tx, al) = if b.x0 > x { (b.x0, Align::Start) } else { (b.x1, Align::End) };
            p.text(&r.label, tx, y, FONT, fg, al, view.highlight == Some(i))?;
            placed.take(b);
        }
        let rect = Rect::new(x - R, y - R, x + R, y + R);
        items.push(Item { row: i, series: 0, rect });
    }
    let items = super::order::reorder(items, &|a: &Item, b: &Item| (a.row, a.series).cmp(&(b.row, b.series)));
    frame::draw_keys(p, &spec.keys, (false, false, false), PAD, g.y1 + 34.0, w)?;
    Ok(Layout {
        width: w,
        height: body.y1,
        plot: Rect::new(g.x0, g.y0, g.x1, g.y1),
        bands: vec![(f64::NAN, f64::NAN); spec.rows.len()],
        items,
        legend: Vec::new(),
        map: None,
        texts: Vec::new(),
    })
}
