//! Stacked horizontal bars: a whole split into parts (77 of 650 sailings cancelled; 62 of 153
//! lighthouse factories in China).
//!
//! Layer: chart.

use super::frame::KeyUse;
use super::paint::{Align, DrawError, Painter};
use super::rows::{Label, Plan, Rows, Side};
use super::text::width;
use super::{Datum, Item, Keys, Layout, Rect, Series, View};
use plotters::prelude::DrawingBackend;

#[derive(Clone, Debug, PartialEq)]
pub struct StackedRow {
    pub label: String,
    /// One part per series, in stacking order.
    pub parts: Vec<Option<Datum>>,
    /// The label of the whole, drawn at the end ("650").
    pub total: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StackedSpec {
    pub rows: Vec<StackedRow>,
    pub series: Vec<Series>,
    pub axis: String,
    pub keys: Keys,
}

const SMALL: f64 = 11.0;
const BAR_H: f64 = 26.0;
const ROW_PAD: f64 = 8.0;

/// The shared row layout plus the keys the parts' styles call for.
struct Geom {
    rows: Rows,
    used: KeyUse,
}

fn geometry(spec: &StackedSpec, w: f64, top: f64, hidden: &[usize], legend: bool) -> Geom {
    let total_w = spec.rows.iter().filter_map(|r| r.total.as_ref()).map(|t| width(t, SMALL)).fold(0.0, f64::max);
    let hi = spec
        .rows
        .iter()
        .map(|r| {
            r.parts
                .iter()
                .enumerate()
                .filter(|(j, _)| !hidden.contains(j))
                .filter_map(|(_, p)| p.as_ref())
                .map(|d| d.x.max(0.0))
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    let plan = Plan {
        labels: spec.rows.iter().map(|r| Label { text: &r.label, sub: None }).collect(),
        label_share: 0.32,
        max_lines: 3,
        mark_h: BAR_H,
        row_pad: ROW_PAD,
        values: (0.0, hi),
        left: Side { gap: 10.0, room: 0.0 },
        right: Side { room: total_w, gap: 10.0 },
        legend: legend.then_some(&spec.series[..]),
    };
    let parts = || spec.rows.iter().flat_map(|r| r.parts.iter().flatten());
    let used = (parts().any(|d| d.derived), parts().any(|d| d.flagged), false);
    Geom { rows: Rows::fit(&plan, w, top), used }
}

pub fn body_height(spec: &StackedSpec, w: f64, legend: bool) -> f64 {
    let g = geometry(spec, w, 0.0, &[], legend);
    g.rows.height(&spec.keys, g.used)
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &StackedSpec,
    body: Rect,
    view: &View,
    legend: bool,
) -> Result<Layout, DrawError<DB>> {
    let th = p.theme;
    let g = geometry(spec, body.width(), body.y0, &view.hidden, legend);
    let legend = g.rows.draw_frame(p, legend.then_some(&spec.series[..]), &spec.axis, view)?;
    let sx = g.rows.x;
    let mut items = Vec::new();
    for (i, row) in spec.rows.iter().enumerate() {
        let cy = g.rows.mid(i);
        let dim = view.highlight.is_some_and(|h| h != i);
        let fg = if dim { th.faded(th.fg) } else { th.fg };
        g.rows.draw_label(p, i, view)?;
        let mut acc = 0.0;
        for (j, part) in row.parts.iter().enumerate() {
            if view.hidden.contains(&j) {
                continue;
            }
            let Some(d) = part else { continue };
            let (a, b) = (sx.at(acc), sx.at(acc + d.x.max(0.0)));
            acc += d.x.max(0.0);
            let mut c = th.series[spec.series.get(j).map_or(j, |s| s.color) % th.series.len()];
            if dim {
                c = th.faded(c);
            }
            let (t0, t1) = (cy - BAR_H / 2.0, cy + BAR_H / 2.0);
            let text_c = if d.derived {
                p.fill_rect(a, t0, b, t1, th.derived_fill(c))?;
                p.stroke_rect(a, t0, b, t1, c, 1)?;
                th.fg
            } else if th.patterns && j > 0 {
                p.fill_rect(a, t0, b, t1, th.bg)?;
                p.hatch_rect(a, t0, b, t1, c, j)?;
                p.stroke_rect(a, t0, b, t1, c, 1)?;
                th.fg
            } else {
                p.fill_rect(a, t0, b, t1, c)?;
                th.bg
            };
            // Separate adjacent parts with a background-coloured hairline.
            p.line(&[(b, t0), (b, t1)], th.bg, 1)?;
            if width(&d.label, SMALL) + 8.0 < b - a {
                p.text(&d.label, (a + b) / 2.0, cy, SMALL, text_c, Align::Middle, true)?;
            }
            items.push(Item { row: i, series: j, rect: Rect::new(a, t0, b.max(a + 3.0), t1) });
        }
        if view.selected.contains(&i) {
            p.stroke_rect(
                sx.at(0.0) - 1.0,
                cy - BAR_H / 2.0 - 1.0,
                sx.at(acc) + 1.0,
                cy + BAR_H / 2.0 + 1.0,
                th.fg,
                2,
            )?;
        }
        if let Some(t) = &row.total {
            p.text(t, sx.at(acc) + 6.0, cy, SMALL, fg, Align::Start, true)?;
        }
    }
    g.rows.draw_keys(p, &spec.keys, g.used)?;
    Ok(g.rows.layout(body, items, legend))
}
