//! A small painter over a plotters `DrawingArea`: f64 coordinates, our theme's fonts.
//!
//! Layer: chart. Every chart kind draws through this, so each works on any plotters backend
//! (canvas in the browser, SVG natively). It never creates a backend.

use super::theme::{Rgb, Theme};
use super::Rect;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;
use std::cell::RefCell;

/// Errors from drawing on backend `DB`.
pub type DrawError<DB> = DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>;

/// Horizontal text alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// Drawing primitives in CSS pixels.
pub struct Painter<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub theme: &'a Theme,
    /// The box of every text drawn so far.
    texts: RefCell<Vec<Rect>>,
}

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, theme: &'a Theme) -> Self {
        Painter { area, theme, texts: RefCell::new(Vec::new()) }
    }

    /// The boxes of the texts drawn so far (emptying the record).
    pub fn take_texts(&self) -> Vec<Rect> {
        self.texts.take()
    }

    pub fn clear(&self) -> Result<(), DrawError<DB>> {
        self.area.fill(&color(self.theme.bg))
    }

    pub fn fill_rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, c: Rgb) -> Result<(), DrawError<DB>> {
        let (a, b) = (x0.min(x1), x0.max(x1));
        let (t, u) = (y0.min(y1), y0.max(y1));
        self.area.draw(&Rectangle::new([(px(a), px(t)), (px(b).max(px(a) + 1), px(u))], color(c).filled()))
    }

    /// Fill a rectangle with diagonal hatching (`kind` 1: "/", 2: "\\", 3+: both), for
    /// high-contrast mode.
    pub fn hatch_rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, c: Rgb, kind: usize) -> Result<(), DrawError<DB>> {
        let (a, t) = (x0.min(x1), y0.min(y1));
        let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
        let dirs: &[f64] = match kind {
            1 => &[1.0],
            2 => &[-1.0],
            _ => &[1.0, -1.0],
        };
        for &d in dirs {
            for seg in hatch_segments(w, h, d, 5.0) {
                self.line(&[(a + seg.0, t + seg.1), (a + seg.2, t + seg.3)], c, 1)?;
            }
        }
        Ok(())
    }

    pub fn stroke_rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, c: Rgb, w: u32) -> Result<(), DrawError<DB>> {
        let (a, b) = (x0.min(x1), x0.max(x1));
        let (t, u) = (y0.min(y1), y0.max(y1));
        self.area.draw(&Rectangle::new([(px(a), px(t)), (px(b), px(u))], color(c).stroke_width(w)))
    }

    /// A polyline (nothing when all its points fall on one pixel).
    pub fn line(&self, pts: &[(f64, f64)], c: Rgb, w: u32) -> Result<(), DrawError<DB>> {
        let v = pixels(pts);
        if v.len() < 2 {
            return Ok(());
        }
        self.area.draw(&PathElement::new(v, color(c).stroke_width(w)))
    }

    /// A filled polygon (nothing when it covers fewer than three pixels' corners).
    pub fn polygon(&self, pts: &[(f64, f64)], c: Rgb) -> Result<(), DrawError<DB>> {
        let v = pixels(pts);
        if v.len() < 3 {
            return Ok(());
        }
        self.area.draw(&Polygon::new(v, color(c).filled()))
    }

    pub fn circle(&self, x: f64, y: f64, r: f64, c: Rgb, fill: bool) -> Result<(), DrawError<DB>> {
        let style = if fill { color(c).filled() } else { color(c).stroke_width(2) };
        self.area.draw(&Circle::new((px(x), px(y)), px(r).max(1), style))
    }

    /// Text with its vertical centre at `y`. (The arguments mirror the canvas `fillText` call
    /// plus font and alignment; bundling them would only add a struct at every call site.)
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &self,
        s: &str,
        x: f64,
        y: f64,
        size: f64,
        c: Rgb,
        align: Align,
        bold: bool,
    ) -> Result<(), DrawError<DB>> {
        if s.is_empty() {
            return Ok(());
        }
        // The box as laid out: the estimated width at the nominal size (the target renders the
        // font at that size on every backend).
        let (tw, th) = (super::text::width(s, size), size);
        let (h, x0) = match align {
            Align::Start => (HPos::Left, x),
            Align::Middle => (HPos::Center, x - tw / 2.0),
            Align::End => (HPos::Right, x - tw),
        };
        self.texts.borrow_mut().push(Rect::new(x0, y - th / 2.0, x0 + tw, y + th / 2.0));
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        let font = FontDesc::new(FontFamily::Name(self.theme.font), size, style)
            .color(&color(c))
            .pos(Pos::new(h, VPos::Center));
        self.area.draw(&Text::new(s.to_string(), (px(x), px(y)), font))
    }
}

/// Points rounded to whole pixels, a point dropped when it falls on the same pixel as the one
/// before: the path's shape is the same (a repeat adds only a zero-length segment), and a map's
/// coastlines, drawn small, pass fewer points to the canvas (on a phone, 13,369 rather than
/// 17,185 for the partners layer).
fn pixels(pts: &[(f64, f64)]) -> Vec<(i32, i32)> {
    let mut v: Vec<(i32, i32)> = Vec::with_capacity(pts.len());
    for &(x, y) in pts {
        let p = (px(x), px(y));
        if v.last() != Some(&p) {
            v.push(p);
        }
    }
    v
}

/// Hatch lines `x = k + d·y` every `gap` pixels across a `w × h` box, clipped to it, as
/// (x0, y0, x1, y1) relative to the box's top-left corner.
pub fn hatch_segments(w: f64, h: f64, d: f64, gap: f64) -> Vec<(f64, f64, f64, f64)> {
    let mut out = Vec::new();
    if w < 1.0 || h < 1.0 || gap <= 0.0 {
        return out;
    }
    let mut k = if d > 0.0 { -h } else { 0.0 };
    let end = if d > 0.0 { w } else { w + h };
    while k <= end {
        // y such that 0 ≤ k + d·y ≤ w, within [0, h].
        let (ya, yb) = if d > 0.0 { (-k, w - k) } else { (k - w, k) };
        let (lo, hi) = (ya.max(0.0), yb.min(h));
        if hi - lo > 0.3 {
            out.push((k + d * lo, lo, k + d * hi, hi));
        }
        k += gap;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{hatch_segments, pixels};

    #[test]
    fn points_on_the_pixel_before_are_dropped_and_the_rest_kept_in_order() {
        let pts = [(0.2, 0.1), (0.4, -0.3), (1.0, 0.0), (1.2, 0.2), (0.0, 0.0), (5.6, 2.5)];
        assert_eq!(pixels(&pts), vec![(0, 0), (1, 0), (0, 0), (6, 3)]);
        assert!(pixels(&[]).is_empty());
    }

    #[test]
    fn hatch_lines_stay_inside_their_box() {
        for d in [1.0, -1.0] {
            let segs = hatch_segments(40.0, 12.0, d, 5.0);
            assert!(segs.len() >= 8, "{segs:?}");
            for (x0, y0, x1, y1) in segs {
                for (x, y) in [(x0, y0), (x1, y1)] {
                    assert!((-1e-9..=40.0 + 1e-9).contains(&x) && (-1e-9..=12.0 + 1e-9).contains(&y), "({x}, {y})");
                }
            }
        }
        assert!(hatch_segments(0.5, 10.0, 1.0, 5.0).is_empty());
    }
}
