//! Slope charts: each row's value at two points in time, joined by a line.
//!
//! Layer: chart. Used for the e-commerce penetration forecasts, 2020 → 2025. End labels are
//! spread apart so they never overlap.

use super::frame;
use super::paint::{Align, DrawError, Painter};
use super::scale::Linear;
use super::text::width;
use super::{Datum, Item, Keys, Layout, Rect, View};
use crate::float::Within;
use plotters::prelude::DrawingBackend;

#[derive(Clone, Debug, PartialEq)]
pub struct SlopeRow {
    pub label: String,
    pub start: Datum,
    pub end: Datum,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SlopeSpec {
    pub rows: Vec<SlopeRow>,
    /// Captions of the two columns ("2020", "2025(预计)").
    pub start_label: String,
    pub end_label: String,
    pub axis: String,
    pub keys: Keys,
}

const PAD: f64 = 10.0;
const FONT: f64 = 12.0;
const HEAD: f64 = 34.0;
const MIN_GAP: f64 = 15.0;
const PLOT_H: f64 = 300.0;

/// Spread label positions so neighbours are at least `gap` apart, keeping order.
pub fn spread(ys: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let idx = super::order::ordered(ys.len(), &|a, b| ys[a].total_cmp(&ys[b]));
    let mut out = ys.to_vec();
    for _ in 0..50 {
        let mut moved = false;
        for k in 1..idx.len() {
            let (a, b) = (idx[k - 1], idx[k]);
            let d = out[b] - out[a];
            if d < gap {
                let push = (gap - d) / 2.0;
                out[a] -= push;
                out[b] += push;
                moved = true;
            }
        }
        for v in out.iter_mut() {
            *v = v.within(lo, hi);
        }
        if !moved {
            break;
        }
    }
    out
}

struct Geom {
    xl: f64,
    xr: f64,
    y0: f64,
    y1: f64,
}

fn geometry(spec: &SlopeSpec, w: f64, top: f64) -> Geom {
    let lab = |f: &dyn Fn(&SlopeRow) -> String| spec.rows.iter().map(|r| width(&f(r), FONT)).fold(0.0, f64::max);
    let lab_l = lab(&|r| format!("{} {}", r.label, r.start.label));
    let lab_r = lab(&|r| format!("{} {}", r.end.label, r.label));
    let xl = PAD + lab_l + 10.0;
    let xr = (w - PAD - lab_r - 10.0).max(xl + 60.0);
    let y0 = top + HEAD;
    let h = PLOT_H.min(w * 0.8).max(200.0).max(spec.rows.len() as f64 * MIN_GAP + 20.0);
    Geom { xl, xr, y0, y1: y0 + h }
}

pub fn body_height(spec: &SlopeSpec, w: f64) -> f64 {
    let g = geometry(spec, w, 0.0);
    g.y1 + 16.0 + frame::key_height(&spec.keys, (false, false, false), w)
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &SlopeSpec,
    body: Rect,
    view: &View,
) -> Result<Layout, DrawError<DB>> {
    let th = p.theme;
    let w = body.width();
    let g = geometry(spec, w, body.y0);
    let all = spec.rows.iter().flat_map(|r| [r.start.x, r.end.x]);
    let lo = all.clone().fold(f64::MAX, f64::min);
    let hi = all.fold(f64::MIN, f64::max);
    let pad = ((hi - lo) * 0.05).max(0.5);
    let sy = Linear::new((lo - pad, hi + pad), (g.y1, g.y0));
    p.text(&spec.axis, PAD, body.y0 + 8.0, 10.5, th.muted, Align::Start, false)?;
    p.text(&spec.start_label, g.xl, body.y0 + 24.0, FONT, th.fg, Align::Middle, true)?;
    p.text(&spec.end_label, g.xr, body.y0 + 24.0, FONT, th.fg, Align::Middle, true)?;
    p.line(&[(g.xl, g.y0), (g.xl, g.y1)], th.grid, 1)?;
    p.line(&[(g.xr, g.y0), (g.xr, g.y1)], th.grid, 1)?;
    let ly = spread(&spec.rows.iter().map(|r| sy.at(r.start.x)).collect::<Vec<_>>(), MIN_GAP, g.y0, g.y1);
    let ry = spread(&spec.rows.iter().map(|r| sy.at(r.end.x)).collect::<Vec<_>>(), MIN_GAP, g.y0, g.y1);
    let mut items = Vec::new();
    let mut bands = Vec::new();
    // Draw dimmed rows first so the highlighted line is on top.
    let front = |i: usize| view.highlight == Some(i) || view.selected.contains(&i);
    let order = super::order::ordered(spec.rows.len(), &|a, b| front(a).cmp(&front(b)));
    for &i in &order {
        let r = &spec.rows[i];
        let dim = view.highlight.is_some_and(|h| h != i);
        let c0 = th.series[i % th.series.len()];
        let c = if dim { th.faded(c0) } else { c0 };
        let (a, b) = (sy.at(r.start.x), sy.at(r.end.x));
        let strong = view.highlight == Some(i) || view.selected.contains(&i);
        p.line(&[(g.xl, a), (g.xr, b)], c, if strong { 4 } else { 2 })?;
        p.circle(g.xl, a, 4.0, c, true)?;
        p.circle(g.xr, b, 4.0, c, true)?;
        let fg = if dim { th.faded(th.fg) } else { th.fg };
        let bold = strong;
        p.text(&format!("{} {}", r.label, r.start.label), g.xl - 8.0, ly[i], FONT, fg, Align::End, bold)?;
        p.text(&format!("{} {}", r.end.label, r.label), g.xr + 8.0, ry[i], FONT, fg, Align::Start, bold)?;
        items.push(Item { row: i, series: 0, rect: Rect::new(g.xl - 5.0, a - 5.0, g.xl + 5.0, a + 5.0) });
        items.push(Item { row: i, series: 1, rect: Rect::new(g.xr - 5.0, b - 5.0, g.xr + 5.0, b + 5.0) });
    }
    // Bands: each row owns the slice of height around its end label, so hovering a label works.
    let idx = super::order::ordered(spec.rows.len(), &|a, b| ry[a].total_cmp(&ry[b]));
    let mut tmp = vec![(0.0, 0.0); spec.rows.len()];
    for (k, &i) in idx.iter().enumerate() {
        let top = if k == 0 { g.y0 - 10.0 } else { (ry[idx[k - 1]] + ry[i]) / 2.0 };
        let bot = if k + 1 == idx.len() { g.y1 + 10.0 } else { (ry[i] + ry[idx[k + 1]]) / 2.0 };
        tmp[i] = (top, bot);
    }
    bands.extend(tmp);
    let items = super::order::reorder(items, &|a: &Item, b: &Item| (a.row, a.series).cmp(&(b.row, b.series)));
    frame::draw_keys(p, &spec.keys, (false, false, false), PAD, g.y1 + 10.0, w)?;
    Ok(Layout {
        width: w,
        height: body.y1,
        plot: Rect::new(g.xl, g.y0, g.xr, g.y1),
        bands,
        items,
        legend: Vec::new(),
        map: None,
        texts: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::spread;

    #[test]
    fn spread_labels_keep_order_and_gap() {
        let out = spread(&[100.0, 104.0, 106.0, 200.0], 15.0, 0.0, 400.0);
        for w in out.windows(2).take(2) {
            assert!(w[1] - w[0] >= 14.9, "{out:?}");
        }
        assert_eq!(out[3], 200.0);
    }
}
