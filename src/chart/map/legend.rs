//! The key under the map: a colour ramp with its end values and caption, or named swatches.
//!
//! Layer: chart.

use super::colours::paint;
use super::{MapLegend, MapSpec, Paint, LEGEND_H, PAD};
use crate::chart::paint::{Align, DrawError, Painter};
use crate::chart::text::{ellipsis, width};
use plotters::prelude::DrawingBackend;

const RAMP_W: f64 = 180.0;
const FONT: f64 = 10.5;

/// Whether a ramp's caption goes on a line of its own (it does not fit beside the ramp).
fn caption_below(caption: &str, w: f64) -> bool {
    PAD + RAMP_W + 10.0 + width(caption, FONT) > w - PAD
}

/// Height of one more line of swatches.
const SWATCH_LINE: f64 = 18.0;

/// Swatches packed into lines no wider than the map: each entry's x and line number.
fn swatch_places(list: &[(Paint, String)], w: f64) -> Vec<(f64, usize)> {
    let (mut x, mut line) = (PAD, 0);
    list.iter()
        .map(|(_, name)| {
            let wd = width(name, 11.0);
            if x + wd + 20.0 > w && x > PAD {
                x = PAD;
                line += 1;
            }
            let at = (x, line);
            x += wd + 30.0;
            at
        })
        .collect()
}

/// Height of the legend at a width: one line, or more when the caption does not fit beside the
/// ramp or the swatches need more lines (none is ever dropped).
pub fn height(spec: &MapSpec, w: f64) -> f64 {
    match &spec.legend {
        MapLegend::None => 0.0,
        MapLegend::Ramp { caption, .. } if caption_below(caption, w) => LEGEND_H + 16.0,
        MapLegend::Swatches(list) => {
            let lines = swatch_places(list, w).last().map_or(0, |p| p.1);
            LEGEND_H + SWATCH_LINE * lines as f64
        }
        _ => LEGEND_H,
    }
}

/// Draw the legend with its top at `ly`.
pub fn legend_pass<DB: DrawingBackend>(p: &Painter<DB>, spec: &MapSpec, ly: f64, w: f64) -> Result<(), DrawError<DB>> {
    match &spec.legend {
        MapLegend::None => Ok(()),
        MapLegend::Ramp { lo, hi, caption, diverging } => ramp(p, (lo, hi, caption), *diverging, ly, w),
        MapLegend::Swatches(list) => swatches(p, list, ly, w),
    }
}

fn ramp<DB: DrawingBackend>(
    p: &Painter<DB>,
    (lo, hi, caption): (&str, &str, &str),
    diverging: bool,
    ly: f64,
    w: f64,
) -> Result<(), DrawError<DB>> {
    let th = p.theme;
    let (x0, x1) = (PAD, (PAD + RAMP_W).min(w - PAD));
    let steps = 24;
    for s in 0..steps {
        let t = s as f64 / (steps - 1) as f64;
        let pt = if diverging { Paint::Diverge(t * 2.0 - 1.0) } else { Paint::Ramp(t) };
        let xa = x0 + (x1 - x0) * s as f64 / steps as f64;
        let xb = x0 + (x1 - x0) * (s + 1) as f64 / steps as f64;
        p.fill_rect(xa, ly, xb + 0.5, ly + 9.0, paint(th, pt))?;
    }
    p.text(lo, x0, ly + 18.0, FONT, th.muted, Align::Start, false)?;
    p.text(hi, x1, ly + 18.0, FONT, th.muted, Align::End, false)?;
    if caption_below(caption, w) {
        let c = ellipsis(caption, FONT, w - 2.0 * PAD);
        p.text(&c, x0, ly + 34.0, FONT, th.muted, Align::Start, false)
    } else {
        p.text(caption, x1 + 10.0, ly + 5.0, FONT, th.muted, Align::Start, false)
    }
}

fn swatches<DB: DrawingBackend>(
    p: &Painter<DB>,
    list: &[(Paint, String)],
    ly: f64,
    w: f64,
) -> Result<(), DrawError<DB>> {
    for ((pt, name), (x, line)) in list.iter().zip(swatch_places(list, w)) {
        let y = ly + SWATCH_LINE * line as f64;
        p.fill_rect(x, y, x + 11.0, y + 11.0, paint(p.theme, *pt))?;
        p.text(name, x + 15.0, y + 5.5, 11.0, p.theme.fg, Align::Start, false)?;
    }
    Ok(())
}
