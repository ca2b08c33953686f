//! Labels: points' labels, then area labels, then route labels, first come first placed, never
//! overlapping one another, each with a halo in the background colour.
//!
//! Layer: chart.

use super::frame::MapFrame;
use super::marks::{point_order, radius, RoutePx};
use super::MapSpec;
use crate::chart::paint::{Align, DrawError, Painter};
use crate::chart::place::Placer;
use crate::chart::text::width;
use crate::chart::Rect;
use plotters::prelude::DrawingBackend;

/// One label at an anchor: at the anchor if free, else just above or below it. A highlighted or
/// selected row's label is drawn even where it collides.
fn label<DB: DrawingBackend>(
    p: &Painter<DB>,
    f: &MapFrame,
    placer: &mut Placer,
    (text, row): (&str, usize),
    (x, y0): (f64, f64),
) -> Result<(), DrawError<DB>> {
    let th = p.theme;
    let font = 11.0 * (f.w / 760.0).clamp(0.85, 1.0);
    let lw = width(text, font);
    let spot = |y: f64| Rect::new(x - lw / 2.0, y - font * 0.65, x + lw / 2.0, y + font * 0.65);
    let choice = [y0, y0 - font * 1.3, y0 + font * 1.3].into_iter().find(|&y| placer.is_free(&spot(y), None));
    let y = choice.unwrap_or(y0);
    if choice.is_none() && !(f.strong(row) && f.bx.contains(x, y)) {
        return Ok(());
    }
    let c = if f.dim(row) { th.faded(th.fg) } else { th.fg };
    let bold = f.strong(row);
    // A halo in the background colour keeps labels legible over any fill.
    for (dx, dy) in [(-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)] {
        p.text(text, x + dx, y + dy, font, th.bg, Align::Middle, bold)?;
    }
    p.text(text, x, y, font, c, Align::Middle, bold)?;
    placer.take(spot(y).inflate(2.0));
    Ok(())
}

/// Place and draw every label of the layer.
pub fn label_pass<DB: DrawingBackend>(
    p: &Painter<DB>,
    f: &MapFrame,
    spec: &MapSpec,
    routes: &[RoutePx],
) -> Result<(), DrawError<DB>> {
    let mut placer = Placer::new(Rect::new(0.0, f.bx.y0, f.w, f.bx.y1));
    for i in point_order(spec) {
        let pt = &spec.points[i];
        if let Some(t) = &pt.label {
            let (x, y) = f.px(pt.lon, pt.lat);
            label(p, f, &mut placer, (t, pt.row), (x, y - radius(f, pt.r) - 8.0))?;
        }
    }
    for l in &spec.labels {
        label(p, f, &mut placer, (&l.text, l.row), f.px(l.lon, l.lat))?;
    }
    for (l, (_, pts)) in spec.lines.iter().zip(routes) {
        if let (Some(t), Some(&mid)) = (&l.label, pts.get(pts.len() / 2)) {
            label(p, f, &mut placer, (t, l.row), (mid.0, mid.1 - 9.0))?;
        }
    }
    Ok(())
}
