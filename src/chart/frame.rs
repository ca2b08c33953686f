//! Title, subtitle and source line around an exported chart; legends and mark keys.
//!
//! Layer: chart. Shared by every chart kind.

use super::paint::{Align, DrawError, Painter};
use super::text::{width, wrap};
use super::{Frame, Keys, Rect, Series};
use plotters::prelude::DrawingBackend;

const PAD: f64 = 10.0;
const TITLE: f64 = 16.0;
const SUB: f64 = 12.5;
const SOURCE: f64 = 11.0;

fn title_lines(frame: &Frame, w: f64) -> (Vec<String>, Vec<String>) {
    let t = frame.title.as_deref().map(|t| wrap(t, TITLE, w - 2.0 * PAD, 3)).unwrap_or_default();
    let s = frame.subtitle.as_deref().map(|t| wrap(t, SUB, w - 2.0 * PAD, 3)).unwrap_or_default();
    (t, s)
}

fn source_lines(frame: &Frame, w: f64) -> Vec<String> {
    frame.source.as_deref().map(|t| wrap(t, SOURCE, w - 2.0 * PAD, 6)).unwrap_or_default()
}

/// Heights taken above and below the plot body.
pub fn heights(frame: &Frame, w: f64) -> (f64, f64) {
    let (t, s) = title_lines(frame, w);
    let mut top = 0.0;
    if !t.is_empty() || !s.is_empty() {
        top = PAD + t.len() as f64 * TITLE * 1.3 + s.len() as f64 * SUB * 1.4 + 6.0;
    }
    let src = source_lines(frame, w);
    let bottom = if src.is_empty() { 0.0 } else { src.len() as f64 * SOURCE * 1.4 + PAD + 4.0 };
    (top, bottom)
}

pub fn draw<DB: DrawingBackend>(p: &Painter<DB>, frame: &Frame, w: f64, h: f64) -> Result<(), DrawError<DB>> {
    let th = p.theme;
    let (t, s) = title_lines(frame, w);
    let mut y = PAD;
    for line in &t {
        p.text(line, PAD, y + TITLE * 0.65, TITLE, th.fg, Align::Start, true)?;
        y += TITLE * 1.3;
    }
    for line in &s {
        p.text(line, PAD, y + SUB * 0.7, SUB, th.muted, Align::Start, false)?;
        y += SUB * 1.4;
    }
    let src = source_lines(frame, w);
    let mut y = h - PAD - src.len() as f64 * SOURCE * 1.4;
    for line in &src {
        p.text(line, PAD, y + SOURCE * 0.7, SOURCE, th.muted, Align::Start, false)?;
        y += SOURCE * 1.4;
    }
    Ok(())
}

const SWATCH: f64 = 11.0;
const LEGEND_FONT: f64 = 12.0;
const LEGEND_ROW: f64 = 20.0;

/// Positions of legend entries wrapped into rows within `[x, x + w]`.
pub fn legend_rects(series: &[Series], x: f64, y: f64, w: f64) -> Vec<Rect> {
    let mut out = Vec::new();
    let (mut cx, mut cy) = (x, y);
    for s in series {
        let ew = SWATCH + 5.0 + width(&s.name, LEGEND_FONT) + 14.0;
        if cx > x && cx + ew > x + w {
            cx = x;
            cy += LEGEND_ROW;
        }
        out.push(Rect::new(cx, cy, cx + ew - 10.0, cy + LEGEND_ROW - 4.0));
        cx += ew;
    }
    out
}

/// Height of the legend (zero for a single series).
pub fn legend_height(series: &[Series], w: f64) -> f64 {
    if series.len() < 2 {
        return 0.0;
    }
    let rects = legend_rects(series, 0.0, 0.0, w);
    rects.last().map_or(0.0, |r| r.y1 + 8.0)
}

/// Draw a legend; hidden series are drawn hollow and muted.
pub fn draw_legend<DB: DrawingBackend>(
    p: &Painter<DB>,
    series: &[Series],
    hidden: &[usize],
    x: f64,
    y: f64,
    w: f64,
) -> Result<Vec<Rect>, DrawError<DB>> {
    if series.len() < 2 {
        return Ok(Vec::new());
    }
    let th = p.theme;
    let rects = legend_rects(series, x, y, w);
    for (i, (s, r)) in series.iter().zip(&rects).enumerate() {
        let c = th.series[s.color % th.series.len()];
        let cy = (r.y0 + r.y1) / 2.0;
        let off = hidden.contains(&i);
        if off {
            p.stroke_rect(r.x0, cy - SWATCH / 2.0, r.x0 + SWATCH, cy + SWATCH / 2.0, th.axis, 1)?;
        } else {
            p.fill_rect(r.x0, cy - SWATCH / 2.0, r.x0 + SWATCH, cy + SWATCH / 2.0, c)?;
        }
        let tc = if off { th.axis } else { th.fg };
        p.text(&s.name, r.x0 + SWATCH + 5.0, cy, LEGEND_FONT, tc, Align::Start, false)?;
    }
    Ok(rects)
}

/// Which keys a chart needs: (derived, flagged, bound).
pub type KeyUse = (bool, bool, bool);

/// The key lines explaining mark styles actually used.
pub fn key_lines(keys: &Keys, used: KeyUse) -> Vec<String> {
    let mut out = Vec::new();
    if used.0 && !keys.derived.is_empty() {
        out.push(keys.derived.clone());
    }
    if used.1 && !keys.flagged.is_empty() {
        out.push(keys.flagged.clone());
    }
    if used.2 && !keys.bound.is_empty() {
        out.push(keys.bound.clone());
    }
    out
}

pub const KEY_FONT: f64 = 11.0;

pub fn key_height(keys: &Keys, used: KeyUse, w: f64) -> f64 {
    let lines: usize = key_lines(keys, used).iter().map(|l| wrap(l, KEY_FONT, w - 2.0 * PAD, 3).len()).sum();
    if lines == 0 {
        0.0
    } else {
        lines as f64 * KEY_FONT * 1.4 + 6.0
    }
}

pub fn draw_keys<DB: DrawingBackend>(
    p: &Painter<DB>,
    keys: &Keys,
    used: KeyUse,
    x: f64,
    y: f64,
    w: f64,
) -> Result<(), DrawError<DB>> {
    let mut y = y + 6.0;
    for l in key_lines(keys, used) {
        for line in wrap(&l, KEY_FONT, w - 2.0 * PAD, 3) {
            p.text(&line, x, y + KEY_FONT * 0.7, KEY_FONT, p.theme.muted, Align::Start, false)?;
            y += KEY_FONT * 1.4;
        }
    }
    Ok(())
}
