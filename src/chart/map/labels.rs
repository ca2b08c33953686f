//! Labels: flows' values at their arrows, points' labels, area labels, then route labels, first
//! come first placed, never overlapping one another or an arrowhead, each with a halo in the
//! background colour. A label that finds no free place is dropped (its item stays reachable by
//! hover and in the table), unless its row is highlighted or selected; so is one too long for
//! the map's scale: wider than a fifth of the world as drawn ([`LABEL_SHARE`]). On a desktop every
//! label fits (the widest is 17 % of the world); on a phone's whole world (320 px) a value label
//! would span a continent, and only zooming in brings it back.
//!
//! Layer: chart.

use super::flows::FlowPx;
use super::frame::MapFrame;
use super::marks::{point_order, radius};
use super::{HitLine, MapSpec};
use crate::chart::paint::{Align, DrawError, Painter};
use crate::chart::place::Placer;
use crate::chart::text::width;
use crate::chart::Rect;
use crate::float::Within;
use plotters::prelude::DrawingBackend;

/// The widest a label may be, as a share of the world's width as drawn.
pub const LABEL_SHARE: f64 = 0.3;

/// Where a label may go.
#[derive(Clone, Copy)]
enum Spot {
    /// Centred on a point, else just above or below it.
    At(f64, f64),
    /// Beside a point: right, left, above or below (an arrow's end).
    Beside(f64, f64),
}

/// The label's candidate centres, best first, for a text `lw` wide in a `font`-pixel font.
fn candidates(spot: Spot, lw: f64, font: f64) -> Vec<(f64, f64)> {
    let step = font * 1.3;
    match spot {
        Spot::At(x, y) => vec![(x, y), (x, y - step), (x, y + step)],
        Spot::Beside(x, y) => {
            let gap = lw / 2.0 + 7.0;
            vec![(x + gap, y), (x - gap, y), (x, y - step), (x, y + step)]
        }
    }
}

/// A label as a draw places it: its text, centre (canvas pixels), font size and row, and whether
/// it is drawn bold (its row highlighted or selected) or dimmed (another row is highlighted).
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub font: f64,
    pub row: usize,
    pub bold: bool,
    pub dim: bool,
}

/// Place one label, or leave it out: the first free candidate, else (for a highlighted or
/// selected row whose first candidate is in the map) the first candidate even where it collides.
fn place_one(f: &MapFrame, placer: &mut Placer, (text, row): (&str, usize), spot: Spot) -> Option<Placed> {
    let font = 11.0 * (f.w / 760.0).within(0.85, 1.0);
    let lw = width(text, font);
    let bx = |(x, y): (f64, f64)| Rect::new(x - lw / 2.0, y - font * 0.65, x + lw / 2.0, y + font * 0.65);
    let all = candidates(spot, lw, font);
    let fits = lw <= f.world_width() * LABEL_SHARE;
    let choice = all.iter().copied().filter(|_| fits).find(|&c| placer.is_free(&bx(c), None));
    let (x, y) = choice.unwrap_or(all[0]);
    if choice.is_none() && !(f.strong(row) && f.bx.contains(x, y)) {
        return None;
    }
    placer.take(bx((x, y)).inflate(2.0));
    Some(Placed { text: text.to_string(), x, y, font, row, bold: f.strong(row), dim: f.dim(row) })
}

/// Draw a placed label, with a halo in the background colour that keeps it legible over any fill.
fn draw<DB: DrawingBackend>(p: &Painter<DB>, l: &Placed) -> Result<(), DrawError<DB>> {
    let th = p.theme;
    let c = if l.dim { th.faded(th.fg) } else { th.fg };
    for (dx, dy) in [(-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)] {
        p.text(&l.text, l.x + dx, l.y + dy, l.font, th.bg, Align::Middle, l.bold)?;
    }
    p.text(&l.text, l.x, l.y, l.font, c, Align::Middle, l.bold)
}

/// Place and draw every label of the layer.
pub fn label_pass<DB: DrawingBackend>(
    p: &Painter<DB>,
    f: &MapFrame,
    spec: &MapSpec,
    lines: (&[HitLine], &[FlowPx]),
) -> Result<(), DrawError<DB>> {
    for l in place(f, spec, lines) {
        draw(p, &l)?;
    }
    Ok(())
}

/// Every label of the layer as placed, in the order they are placed (and drawn).
pub fn place(f: &MapFrame, spec: &MapSpec, (routes, flows): (&[HitLine], &[FlowPx])) -> Vec<Placed> {
    let mut out = Vec::new();
    let mut placer = Placer::new(Rect::new(0.0, f.bx.y0, f.w, f.bx.y1));
    // Arrowheads first, as obstacles: no label may hide where a flow arrives.
    for fl in flows {
        placer.take(fl.head.inflate(1.0));
    }
    let mut put = |text: &str, row: usize, spot: Spot| out.extend(place_one(f, &mut placer, (text, row), spot));
    // Flows' values, largest first (the layer lists them so).
    for (fl, px) in spec.flows.iter().zip(flows) {
        if let Some(t) = &fl.label {
            put(t, fl.row, Spot::Beside(px.end.0, px.end.1));
        }
    }
    for i in point_order(spec) {
        let pt = &spec.points[i];
        if let Some(t) = &pt.label {
            let (x, y) = f.px(pt.lon, pt.lat);
            put(t, pt.row, Spot::At(x, y - radius(f, pt.r) - 8.0));
        }
    }
    for l in &spec.labels {
        let (x, y) = f.px(l.lon, l.lat);
        put(&l.text, l.row, Spot::At(x, y));
    }
    for l in &spec.lines {
        let hit = routes.iter().find(|h| h.row == l.row);
        if let (Some(t), Some(&mid)) = (&l.label, hit.and_then(|h| h.pts.get(h.pts.len() / 2))) {
            put(t, l.row, Spot::At(mid.0, mid.1 - 9.0));
        }
    }
    out
}
