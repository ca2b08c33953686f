//! Stacked horizontal bars: a whole split into parts (77 of 650 sailings cancelled; 62 of 153
//! lighthouse factories in China).
//!
//! Layer: chart.

use super::frame::{self, KeyUse};
use super::paint::{Align, DrawError, Painter};
use super::scale::{nice_domain, Linear};
use super::text::{width, wrap};
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

const PAD: f64 = 10.0;
const FONT: f64 = 12.0;
const SMALL: f64 = 11.0;
const BAR_H: f64 = 26.0;
const ROW_PAD: f64 = 8.0;
const UNIT_H: f64 = 18.0;
const AXIS_H: f64 = 22.0;

struct Geom {
    label_w: f64,
    lines: Vec<Vec<String>>,
    x0: f64,
    x1: f64,
    y0: f64,
    legend_y: f64,
    bands: Vec<(f64, f64)>,
    domain: (f64, f64),
    ticks: Vec<f64>,
    used: KeyUse,
}

fn geometry(spec: &StackedSpec, w: f64, top: f64, hidden: &[usize], legend: bool) -> Geom {
    let label_w = spec.rows.iter().map(|r| width(&r.label, FONT)).fold(0.0, f64::max).min(w * 0.32).max(40.0);
    let lines: Vec<Vec<String>> = spec.rows.iter().map(|r| wrap(&r.label, FONT, label_w, 3)).collect();
    let total_w = spec.rows.iter().filter_map(|r| r.total.as_ref()).map(|t| width(t, SMALL)).fold(0.0, f64::max);
    let x0 = PAD + label_w + 10.0;
    let x1 = (w - PAD - total_w - 10.0).max(x0 + 20.0);
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
    let (domain, ticks) = nice_domain(0.0, hi, ((x1 - x0) / 80.0).clamp(2.0, 8.0) as usize);
    let legend_y = top + 4.0;
    let y0 = legend_y + if legend { frame::legend_height(&spec.series, w - 2.0 * PAD) } else { 0.0 } + UNIT_H;
    let mut y = y0;
    let mut bands = Vec::new();
    for l in &lines {
        let h = (l.len() as f64 * FONT * 1.25).max(BAR_H) + 2.0 * ROW_PAD;
        bands.push((y, y + h));
        y += h;
    }
    let parts = || spec.rows.iter().flat_map(|r| r.parts.iter().flatten());
    let used = (parts().any(|d| d.derived), parts().any(|d| d.flagged), false);
    Geom { label_w, lines, x0, x1, y0, legend_y, bands, domain, ticks, used }
}

pub fn body_height(spec: &StackedSpec, w: f64, legend: bool) -> f64 {
    let g = geometry(spec, w, 0.0, &[], legend);
    let y1 = g.bands.last().map_or(g.y0, |b| b.1);
    y1 + AXIS_H + frame::key_height(&spec.keys, g.used, w) + 4.0
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &StackedSpec,
    body: Rect,
    view: &View,
    legend: bool,
) -> Result<Layout, DrawError<DB>> {
    let th = p.theme;
    let w = body.width();
    let g = geometry(spec, w, body.y0, &view.hidden, legend);
    let legend = if legend {
        frame::draw_legend(p, &spec.series, &view.hidden, PAD, g.legend_y, w - 2.0 * PAD)?
    } else {
        Vec::new()
    };
    let sx = Linear::new(g.domain, (g.x0, g.x1));
    let y1 = g.bands.last().map_or(g.y0, |b| b.1);
    p.text(&spec.axis, g.x0, g.y0 - UNIT_H / 2.0, 10.5, th.muted, Align::Start, false)?;
    frame::draw_x_grid(p, &sx, &g.ticks, (g.y0, y1), y1 + AXIS_H / 2.0)?;
    let mut items = Vec::new();
    for (i, row) in spec.rows.iter().enumerate() {
        let (b0, b1) = g.bands[i];
        let cy = (b0 + b1) / 2.0;
        let dim = view.highlight.is_some_and(|h| h != i);
        if view.highlight == Some(i) {
            p.fill_rect(0.0, b0, w, b1, th.grid.mix(th.bg, 0.5))?;
        }
        let fg = if dim { th.faded(th.fg) } else { th.fg };
        let lines = &g.lines[i];
        let mut ly = cy - (lines.len() as f64 - 1.0) * FONT * 0.625;
        for l in lines {
            p.text(l, PAD + g.label_w, ly, FONT, fg, Align::End, view.highlight == Some(i))?;
            ly += FONT * 1.25;
        }
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
    frame::draw_keys(p, &spec.keys, g.used, PAD, y1 + AXIS_H, w)?;
    Ok(Layout {
        width: w,
        height: body.y1,
        plot: Rect::new(g.x0, g.y0, g.x1, y1),
        bands: g.bands,
        items,
        legend,
        map: None,
        texts: Vec::new(),
    })
}
