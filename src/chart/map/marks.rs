//! Routes and points: lines (dashed where the route is a detour) and circles sized by value,
//! larger first so small ones stay on top.
//!
//! Layer: chart.

use super::colours::paint;
use super::frame::MapFrame;
use super::hit::ROUTE_REACH_PX;
use super::{HitLine, MapSpec};
use crate::chart::paint::{DrawError, Painter};
use crate::chart::theme::Rgb;
use crate::chart::{clip, Item, Rect};
use crate::float::Within;
use plotters::prelude::DrawingBackend;

/// A stroke width in whole pixels (the backends stroke whole pixels), at least one.
pub fn stroke(w: f64) -> u32 {
    w.round().max(1.0) as u32
}

/// Draw the routes; returns each as a line a pointer can reach (for hit tests and anchors).
pub fn route_pass<DB: DrawingBackend>(
    p: &Painter<DB>,
    f: &MapFrame,
    spec: &MapSpec,
) -> Result<Vec<HitLine>, DrawError<DB>> {
    let th = p.theme;
    let mut out = Vec::with_capacity(spec.lines.len());
    for l in &spec.lines {
        let c = if f.dim(l.row) { paint(th, l.paint).mix(th.bg, 0.6) } else { paint(th, l.paint) };
        let wd = stroke(if f.strong(l.row) { l.width + 2.0 } else { l.width });
        // A lane crossing the map's edge is drawn (and reached) as one part on each side.
        for pts in f.runs(&l.pts) {
            for run in clip::polyline(&pts, &f.bx) {
                if l.dashed {
                    for seg in run.windows(2) {
                        dashes(p, seg[0], seg[1], c, wd)?;
                    }
                } else {
                    p.line(&run, c, wd)?;
                }
            }
            out.push(HitLine { row: l.row, pts, reach: ROUTE_REACH_PX.max(l.width / 2.0 + 3.0) });
        }
    }
    Ok(out)
}

/// Point indices, larger first (so small ones are drawn on top).
pub fn point_order(spec: &MapSpec) -> Vec<usize> {
    crate::chart::order::ordered(spec.points.len(), &|a, b| spec.points[b].r.total_cmp(&spec.points[a].r))
}

/// A point's radius in this frame: circles grow gently with zoom and shrink on narrow maps, so
/// clusters stay readable.
pub fn radius(f: &MapFrame, r: f64) -> f64 {
    let grow = f.fit.zoom().sqrt() * (f.w / 760.0).within(0.45, 1.0);
    (r * grow).max(3.0)
}

/// Draw the points that fall inside the map box; returns them as hoverable items.
pub fn point_pass<DB: DrawingBackend>(
    p: &Painter<DB>,
    f: &MapFrame,
    spec: &MapSpec,
) -> Result<Vec<Item>, DrawError<DB>> {
    let th = p.theme;
    let mut items = Vec::new();
    for i in point_order(spec) {
        let pt = &spec.points[i];
        let (x, y) = f.px(pt.lon, pt.lat);
        let r = radius(f, pt.r);
        if !f.bx.inflate(-r).contains(x, y) {
            continue;
        }
        let c = if f.dim(pt.row) { paint(th, pt.paint).mix(th.bg, 0.6) } else { paint(th, pt.paint) };
        p.circle(x, y, r, c, true)?;
        p.circle(x, y, r, if f.strong(pt.row) { th.fg } else { th.bg }, false)?;
        items.push(Item { row: pt.row, series: 0, rect: Rect::new(x - r, y - r, x + r, y + r) });
    }
    Ok(items)
}

/// A dashed segment (plotters' path element has no dash pattern on every backend).
fn dashes<DB: DrawingBackend>(
    p: &Painter<DB>,
    a: (f64, f64),
    b: (f64, f64),
    c: Rgb,
    w: u32,
) -> Result<(), DrawError<DB>> {
    let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    if len < 1.0 {
        return Ok(());
    }
    let (dash, gap) = (6.0, 4.0);
    let mut t = 0.0;
    while t < len {
        let t1 = (t + dash).min(len);
        let pa = (a.0 + (b.0 - a.0) * t / len, a.1 + (b.1 - a.1) * t / len);
        let pb = (a.0 + (b.0 - a.0) * t1 / len, a.1 + (b.1 - a.1) * t1 / len);
        p.line(&[pa, pb], c, w)?;
        t += dash + gap;
    }
    Ok(())
}
