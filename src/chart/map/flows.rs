//! Trade flows: arcs from an origin to each destination along a great circle, widths in
//! proportion to the value, an arrowhead at the destination (the direction of the flow, seen
//! without animation), drawn largest first so thin arcs stay on top.
//!
//! Layer: chart.

use super::colours::paint;
use super::frame::MapFrame;
use super::marks::stroke;
use super::{HitLine, MapSpec};
use crate::chart::paint::{DrawError, Painter};
use crate::chart::{clip, Rect};
use plotters::prelude::DrawingBackend;

/// A drawn flow: the line a pointer can reach, and where its arrow ends (its tooltip and label
/// point there).
#[derive(Clone, Debug, PartialEq)]
pub struct FlowPx {
    /// One per part of the arc (an arc crossing the map's edge has two).
    pub hits: Vec<HitLine>,
    pub end: (f64, f64),
    /// The arrowhead's box (labels keep clear of it).
    pub head: Rect,
}

/// The arrowhead's length and half-width for a stroke width.
fn head_size(w: f64) -> (f64, f64) {
    ((2.4 * w).max(8.0), (1.3 * w).max(4.5))
}

/// The last run shortened by `by` pixels at its end (so the stroke stops under the arrowhead),
/// and the unit direction of its final stretch.
fn shortened(run: &[(f64, f64)], by: f64) -> (Vec<(f64, f64)>, (f64, f64)) {
    let end = run[run.len() - 1];
    let dist = |p: &(f64, f64)| (p.0 - end.0).hypot(p.1 - end.1);
    // The direction over the last `by` pixels, steadier than the last segment alone.
    let k = run.iter().rposition(|p| dist(p) >= by);
    let back = k.map_or(run[0], |k| run[k]);
    let len = dist(&back).max(1e-9);
    let dir = ((end.0 - back.0) / len, (end.1 - back.1) / len);
    let mut pts = match k {
        Some(k) => run[..=k].to_vec(),
        None => vec![run[0]],
    };
    pts.push((end.0 - dir.0 * by, end.1 - dir.1 * by));
    (pts, dir)
}

/// The box around some points.
fn bounds(pts: &[(f64, f64)]) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(x, y) in pts {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    Rect::new(x0, y0, x1, y1)
}

/// Draw every flow of the layer.
pub fn flow_pass<DB: DrawingBackend>(
    p: &Painter<DB>,
    f: &MapFrame,
    spec: &MapSpec,
) -> Result<Vec<FlowPx>, DrawError<DB>> {
    let th = p.theme;
    let mut out = Vec::with_capacity(spec.flows.len());
    for fl in &spec.flows {
        let c = if f.dim(fl.row) { paint(th, fl.paint).mix(th.bg, 0.65) } else { paint(th, fl.paint) };
        let w = if f.strong(fl.row) { fl.width + 2.0 } else { fl.width };
        let mut parts = f.runs(&fl.pts);
        let Some(last) = parts.pop() else { continue };
        let (len, half) = head_size(w);
        let end = *last.last().unwrap_or(&(0.0, 0.0));
        let (tail, dir) = shortened(&last, len * 0.8);
        // A casing in the background colour keeps overlapping arcs (Japan's and Korea's leave
        // China side by side) and arcs over fills of their own colour apart.
        for (colour, width) in [(th.bg, w + 2.0), (c, w)] {
            for run in parts.iter().chain(std::iter::once(&tail)) {
                for piece in clip::polyline(run, &f.bx) {
                    p.line(&piece, colour, stroke(width))?;
                }
            }
        }
        let base = (end.0 - dir.0 * len, end.1 - dir.1 * len);
        let (nx, ny) = (-dir.1, dir.0);
        let head = [end, (base.0 + nx * half, base.1 + ny * half), (base.0 - nx * half, base.1 - ny * half)];
        if head.iter().all(|&(x, y)| f.bx.contains(x, y)) {
            p.line(&[head[0], head[1], head[2], head[0]], th.bg, 2)?;
            p.polygon(&head, c)?;
            if f.strong(fl.row) {
                p.line(&[head[0], head[1], head[2], head[0]], th.fg, 1)?;
            }
        }
        let reach = w / 2.0 + 3.0;
        let hits =
            parts.into_iter().chain(std::iter::once(last)).map(|pts| HitLine { row: fl.row, pts, reach }).collect();
        out.push(FlowPx { hits, end, head: bounds(&head) });
    }
    Ok(out)
}
