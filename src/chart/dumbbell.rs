//! Dumbbell (paired dot) charts: two readings of one row on a shared axis, joined by a line.
//!
//! Layer: chart. Used for the same growth measured in yuan and in US dollars, where the gap
//! between the dots is the story.

use super::frame;
use super::paint::{Align, DrawError, Painter};
use super::scale::{nice_domain, Linear};
use super::text::{width, wrap};
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

const PAD: f64 = 10.0;
const FONT: f64 = 12.0;
const SMALL: f64 = 10.5;
const ROW_H: f64 = 40.0;
const UNIT_H: f64 = 18.0;
const AXIS_H: f64 = 22.0;
const R: f64 = 6.0;

struct Geom {
    label_w: f64,
    lines: Vec<Vec<String>>,
    x0: f64,
    x1: f64,
    y0: f64,
    legend_y: f64,
    domain: (f64, f64),
    ticks: Vec<f64>,
}

fn geometry(spec: &DumbbellSpec, w: f64, top: f64, hidden: &[usize], legend: bool) -> Geom {
    let label_w = spec.rows.iter().map(|r| width(&r.label, FONT)).fold(0.0, f64::max).min(w * 0.3).max(40.0);
    let lines = spec.rows.iter().map(|r| wrap(&r.label, FONT, label_w, 2)).collect();
    let vals: Vec<&Datum> = spec
        .rows
        .iter()
        .flat_map(|r| r.values.iter().enumerate().filter(|(j, _)| !hidden.contains(j)).filter_map(|(_, v)| v.as_ref()))
        .collect();
    let lo = vals.iter().map(|d| d.x).fold(0.0, f64::min);
    let hi = vals.iter().map(|d| d.x).fold(0.0, f64::max);
    let lab = vals.iter().map(|d| width(&d.label, SMALL)).fold(0.0, f64::max);
    let x0 = PAD + label_w + 14.0 + lab * 0.5;
    let x1 = (w - PAD - lab * 0.5 - 6.0).max(x0 + 20.0);
    let (domain, ticks) = nice_domain(lo, hi, ((x1 - x0) / 80.0).clamp(2.0, 8.0) as usize);
    let legend_y = top + 4.0;
    let y0 = legend_y + if legend { frame::legend_height(&spec.series, w - 2.0 * PAD) } else { 0.0 } + UNIT_H;
    Geom { label_w, lines, x0, x1, y0, legend_y, domain, ticks }
}

pub fn body_height(spec: &DumbbellSpec, w: f64, legend: bool) -> f64 {
    let g = geometry(spec, w, 0.0, &[], legend);
    g.y0 + spec.rows.len() as f64 * ROW_H + AXIS_H + frame::key_height(&spec.keys, (false, false, false), w) + 6.0
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &DumbbellSpec,
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
    let y1 = g.y0 + spec.rows.len() as f64 * ROW_H;
    p.text(&spec.axis, g.x0, g.y0 - UNIT_H / 2.0, SMALL, th.muted, Align::Start, false)?;
    frame::draw_x_grid(p, &sx, &g.ticks, (g.y0, y1), y1 + AXIS_H / 2.0)?;
    let mut items = Vec::new();
    let mut bands = Vec::new();
    for (i, row) in spec.rows.iter().enumerate() {
        let b0 = g.y0 + i as f64 * ROW_H;
        bands.push((b0, b0 + ROW_H));
        let cy = b0 + ROW_H / 2.0;
        let dim = view.highlight.is_some_and(|h| h != i);
        if view.highlight == Some(i) {
            p.fill_rect(0.0, b0, w, b0 + ROW_H, th.grid.mix(th.bg, 0.5))?;
        }
        let fg = if dim { th.faded(th.fg) } else { th.fg };
        let lines = &g.lines[i];
        let mut ly = cy - (lines.len() as f64 - 1.0) * FONT * 0.625;
        for l in lines {
            p.text(l, PAD + g.label_w, ly, FONT, fg, Align::End, view.highlight == Some(i))?;
            ly += FONT * 1.25;
        }
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
            let close = order.len() == 2
                && (sx.at(pts[order[1]].1.x) - sx.at(pts[order[0]].1.x)).abs() < width(&d.label, SMALL) + 8.0;
            let (lx, al) = match (close, rank) {
                (true, 0) => (x - 2.0, Align::End),
                (true, _) => (x + 2.0, Align::Start),
                _ => (x, Align::Middle),
            };
            p.text(&d.label, lx, cy - R - 8.0, SMALL, if dim { th.faded(th.fg) } else { th.fg }, al, false)?;
            if view.selected.contains(&i) {
                p.circle(x, cy, R + 3.0, th.fg, false)?;
            }
            items.push(Item { row: i, series: j, rect: Rect::new(x - R, cy - R, x + R, cy + R) });
        }
    }
    frame::draw_keys(p, &spec.keys, (false, false, false), PAD, y1 + AXIS_H, w)?;
    let plot = Rect::new(g.x0, g.y0, g.x1, y1);
    Ok(Layout { width: w, height: body.y1, plot, bands, items, legend, map: None, texts: Vec::new() })
}
