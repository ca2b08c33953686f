//! Dumbbell (paired dot) charts: two readings of one row on a shared axis, joined by a line.
//!
//! Layer: chart. Used for the same growth measured in yuan and in US dollars, where the gap
//! between the dots is the story.

use super::bars::FLAG;
use super::frame::KeyUse;
use super::paint::{Align, DrawError, Painter};
use super::rows::{Label, Plan, Rows, Side};
use super::text::width;
use super::theme::Rgb;
use super::{Datum, Item, Keys, Layout, Rect, Series, View};
use plotters::prelude::DrawingBackend;

/// One row: a label and one optional value per series.
#[derive(Clone, Debug, PartialEq)]
pub struct DumbbellRow {
    pub label: String,
    pub values: Vec<Option<Datum>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DumbbellSpec {
    pub rows: Vec<DumbbellRow>,
    pub series: Vec<Series>,
    pub axis: String,
    pub keys: Keys,
}

const VALUE_FONT: f64 = 10.5;
const ROW_H: f64 = 40.0;
const R: f64 = 6.0;

fn geometry(spec: &DumbbellSpec, w: f64, top: f64, hidden: &[usize], legend: bool) -> Rows {
    let vals: Vec<&Datum> = spec
        .rows
        .iter()
        .flat_map(|r| r.values.iter().enumerate().filter(|(j, _)| !hidden.contains(j)).filter_map(|(_, v)| v.as_ref()))
        .collect();
    // Value labels are centred over their dots: half of the widest may stick out on either side.
    let lab = vals.iter().map(|d| label_width(d)).fold(0.0, f64::max);
    let plan = Plan {
        labels: spec.rows.iter().map(|r| Label { text: &r.label, sub: None }).collect(),
        label_share: 0.3,
        max_lines: 2,
        mark_h: ROW_H,
        row_pad: 0.0,
        values: (vals.iter().map(|d| d.x).fold(0.0, f64::min), vals.iter().map(|d| d.x).fold(0.0, f64::max)),
        left: Side { gap: 14.0, room: lab * 0.5 },
        right: Side { room: lab * 0.5, gap: 6.0 },
        legend: legend.then_some(&spec.series[..]),
    };
    Rows::fit(&plan, w, top)
}

/// The width of a dot's value label, with its data-note flag when it has one.
fn label_width(d: &Datum) -> f64 {
    width(&d.label, VALUE_FONT) + if d.flagged { width(FLAG, VALUE_FONT) } else { 0.0 }
}

/// The keys a dumbbell chart needs: a derived reading is drawn as a hollow dot, a reading with a
/// data note carries the flag the bars use.
fn used(spec: &DumbbellSpec) -> KeyUse {
    let data = || spec.rows.iter().flat_map(|r| r.values.iter().flatten());
    (data().any(|d| d.derived), data().any(|d| d.flagged), false)
}

/// A dot's value label at `x` (aligned as `al`), followed by the data-note flag when it has one.
fn value_label<DB: DrawingBackend>(
    p: &Painter<DB>,
    d: &Datum,
    (x, y): (f64, f64),
    al: Align,
    ink: Rgb,
) -> Result<(), DrawError<DB>> {
    if !d.flagged {
        return p.text(&d.label, x, y, VALUE_FONT, ink, al, false);
    }
    let start = match al {
        Align::Start => x,
        Align::Middle => x - label_width(d) / 2.0,
        Align::End => x - label_width(d),
    };
    p.text(&d.label, start, y, VALUE_FONT, ink, Align::Start, false)?;
    p.text(FLAG, start + width(&d.label, VALUE_FONT), y, VALUE_FONT, p.theme.note, Align::Start, true)
}

pub fn body_height(spec: &DumbbellSpec, w: f64, legend: bool) -> f64 {
    geometry(spec, w, 0.0, &[], legend).height(&spec.keys, used(spec))
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &DumbbellSpec,
    body: Rect,
    view: &View,
    legend: bool,
) -> Result<Layout, DrawError<DB>> {
    let th = p.theme;
    let g = geometry(spec, body.width(), body.y0, &view.hidden, legend);
    let legend = g.draw_frame(p, legend.then_some(&spec.series[..]), &spec.axis, view)?;
    let sx = g.x;
    let mut items = Vec::new();
    for (i, row) in spec.rows.iter().enumerate() {
        let cy = g.mid(i);
        let dim = view.highlight.is_some_and(|h| h != i);
        g.draw_label(p, i, view)?;
        let pts: Vec<(usize, &Datum)> = row
            .values
            .iter()
            .enumerate()
            .filter(|(j, _)| !view.hidden.contains(j))
            .filter_map(|(j, v)| v.as_ref().map(|d| (j, d)))
            .collect();
        if pts.len() > 1 {
            let xs: Vec<f64> = pts.iter().map(|(_, d)| sx.at(d.x)).collect();
            let (a, b) = (xs.iter().cloned().fold(f64::MAX, f64::min), xs.iter().cloned().fold(f64::MIN, f64::max));
            p.line(&[(a, cy), (b, cy)], if dim { th.grid } else { th.axis }, 3)?;
        }
        // Labels above the dots; the lower value's label sits left when two dots are close.
        let order = super::order::ordered(pts.len(), &|a, b| pts[a].1.x.total_cmp(&pts[b].1.x));
        for (rank, &k) in order.iter().enumerate() {
            let (j, d) = pts[k];
            let x = sx.at(d.x);
            let mut c = th.series[spec.series.get(j).map_or(0, |s| s.color) % th.series.len()];
            if dim {
                c = th.faded(c);
            }
            if d.derived {
                p.circle(x, cy, R, th.bg, true)?;
                p.circle(x, cy, R, c, false)?;
            } else {
                p.circle(x, cy, R, c, true)?;
            }
            let close =
                order.len() == 2 && (sx.at(pts[order[1]].1.x) - sx.at(pts[order[0]].1.x)).abs() < label_width(d) + 8.0;
            let (lx, al) = match (close, rank) {
                (true, 0) => (x - 2.0, Align::End),
                (true, _) => (x + 2.0, Align::Start),
                _ => (x, Align::Middle),
            };
            value_label(p, d, (lx, cy - R - 8.0), al, if dim { th.faded(th.fg) } else { th.fg })?;
            if view.selected.contains(&i) {
                p.circle(x, cy, R + 3.0, th.fg, false)?;
            }
            items.push(Item { row: i, series: j, rect: Rect::new(x - R, cy - R, x + R, cy + R) });
        }
    }
    g.draw_keys(p, &spec.keys, used(spec))?;
    Ok(g.layout(body, items, legend))
}
