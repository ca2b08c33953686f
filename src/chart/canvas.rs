//! Draw a chart on an HTML canvas, crisp at any devicePixelRatio.
//!
//! Layer: chart (browser only). `CssPixels` is the atlas's plotters backend for a 2D context: the
//! backing store is sized to CSS size × devicePixelRatio, the context is scaled by the ratio, and
//! the backend reports the CSS size to plotters, so draw functions and the returned `Layout` stay
//! in CSS pixels, the same units as pointer events. Colours and font sizes are written by
//! `data::float_text` (no float goes through the standard library's formatting).

use super::target::{Target, TargetError};
use super::{draw, ChartSpec, Frame, Layout, Theme, View};
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::data::float_text::trimmed;

/// What a batch of paths is drawn with: a stroke (colour, alpha bits, width) or a fill.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ink {
    Stroke((u8, u8, u8), u64, u32),
    Fill((u8, u8, u8), u64),
}

impl Ink {
    fn of(c: BackendColor, stroke: Option<u32>) -> Ink {
        match stroke {
            Some(w) => Ink::Stroke(c.rgb, c.alpha.to_bits(), w),
            None => Ink::Fill(c.rgb, c.alpha.to_bits()),
        }
    }
}

fn rgba(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({r},{g},{b},{})", trimmed(c.alpha, 3))
}

/// A canvas backend that reports its size in CSS pixels.
pub struct CssPixels {
    size: (u32, u32),
    /// The context, for text: a text property or colour is set only when it changed (parsing a
    /// font string was the costliest call of a map's redraw).
    ctx: CanvasRenderingContext2d,
    text_state: [String; 5],
    /// The paths collected so far and their ink: consecutive paths of one ink (a map's hundreds
    /// of borders, its countries of one colour) become one canvas path, stroked or filled once
    /// when the ink changes or anything else is drawn.
    batch: Option<Ink>,
}

impl CssPixels {
    /// Lines, rectangles and circles set colours behind the cache's back: forget the cached ones.
    /// Every other drawing call also ends the batch of paths first, so the order of what is drawn
    /// stays.
    fn forget_colours(&mut self) {
        self.flush();
        self.text_state[1].clear();
        self.text_state[2].clear();
    }

    /// Stroke or fill the batch of paths collected so far.
    fn flush(&mut self) {
        match self.batch.take() {
            Some(Ink::Stroke(..)) => self.ctx.stroke(),
            Some(Ink::Fill(..)) => self.ctx.fill(),
            None => {}
        }
    }

    /// Add one path, in `ink`, to the batch (starting a new batch if the ink differs).
    fn add_path(&mut self, path: impl IntoIterator<Item = BackendCoord>, c: BackendColor, ink: Ink) {
        if c.alpha == 0.0 {
            return;
        }
        if self.batch != Some(ink) {
            self.forget_colours();
            self.ctx.begin_path();
            match ink {
                Ink::Stroke(.., w) => {
                    self.ctx.set_stroke_style_str(&rgba(c));
                    self.ctx.set_line_width(f64::from(w));
                }
                Ink::Fill(..) => self.ctx.set_fill_style_str(&rgba(c)),
            }
            self.batch = Some(ink);
        }
        let mut path = path.into_iter();
        if let Some((x, y)) = path.next() {
            self.ctx.move_to(f64::from(x), f64::from(y));
            for (x, y) in path {
                self.ctx.line_to(f64::from(x), f64::from(y));
            }
            if matches!(ink, Ink::Fill(..)) {
                self.ctx.close_path();
            }
        }
    }

    /// Stroke with `s`'s colour and width.
    fn pen(&self, s: &impl BackendStyle) {
        self.ctx.set_stroke_style_str(&rgba(s.color()));
        self.ctx.set_line_width(f64::from(s.stroke_width()));
    }

    /// Set a text property of the context only when it differs from the last one set.
    fn set(&mut self, which: usize, value: String, apply: impl FnOnce(&CanvasRenderingContext2d, &str)) {
        if self.text_state[which] != value {
            apply(&self.ctx, &value);
            self.text_state[which] = value;
        }
    }
}

type E = TargetError;

impl DrawingBackend for CssPixels {
    type ErrorType = E;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<E>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<E>> {
        self.flush();
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<E>> {
        if c.alpha != 0.0 {
            self.forget_colours();
            self.ctx.set_fill_style_str(&rgba(c));
            self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        }
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<E>> {
        if s.color().alpha != 0.0 {
            self.forget_colours();
            self.pen(s);
            // A horizontal or vertical line sits on the half pixel, so a 1-px line is one pixel wide.
            let half = |p: i32, q: i32| f64::from(p) - if p == q { 0.5 } else { 0.0 };
            self.ctx.begin_path();
            self.ctx.move_to(half(a.0, b.0), half(a.1, b.1));
            self.ctx.line_to(half(b.0, a.0), half(b.1, a.1));
            self.ctx.stroke();
        }
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<E>> {
        if s.color().alpha != 0.0 {
            self.forget_colours();
            let (x, y, w, h) = (f64::from(a.0), f64::from(a.1), f64::from(b.0 - a.0), f64::from(b.1 - a.1));
            if fill {
                self.ctx.set_fill_style_str(&rgba(s.color()));
                self.ctx.fill_rect(x, y, w, h);
            } else {
                self.pen(s);
                self.ctx.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.add_path(path, s.color(), Ink::of(s.color(), Some(s.stroke_width())));
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<E>> {
        if s.color().alpha != 0.0 {
            self.forget_colours();
            if fill {
                self.ctx.set_fill_style_str(&rgba(s.color()));
            } else {
                self.pen(s);
            }
            self.ctx.begin_path();
            let _ = self.ctx.arc(f64::from(c.0), f64::from(c.1), f64::from(r), 0.0, std::f64::consts::TAU);
            if fill {
                self.ctx.fill();
            } else {
                self.ctx.stroke();
            }
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.add_path(path, s.color(), Ink::of(s.color(), None));
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        s: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<E>> {
        use plotters_backend::text_anchor::{HPos, VPos};
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let baseline = match s.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match s.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        self.flush();
        self.set(0, baseline.to_string(), |x, v| x.set_text_baseline(v));
        self.set(4, align.to_string(), |x, v| x.set_text_align(v));
        self.set(1, rgba(c), |x, v| x.set_fill_style_str(v));
        self.set(3, format!("{} {}px {}", s.style().as_str(), trimmed(s.size(), 2), s.family().as_str()), |x, v| {
            x.set_font(v)
        });
        // fillText only throws on a detached context; the chart is then gone anyway.
        let _ = self.ctx.fill_text(text, f64::from(pos.0), f64::from(pos.1));
        Ok(())
    }
}

/// The scale a canvas is drawn at for a device pixel ratio (a broken ratio draws at 1, a huge one
/// at 4).
pub fn device_scale(dpr: f64) -> f64 {
    if dpr.is_finite() && dpr > 0.0 {
        dpr.min(4.0)
    } else {
        1.0
    }
}

/// Size the canvas for `css_w × css_h` at `dpr` and draw the chart on it.
pub fn render(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    frame: &Frame,
    theme: &Theme,
    view: &View,
    css_w: f64,
    dpr: f64,
) -> Result<Layout, String> {
    let dpr = device_scale(dpr);
    let css_w = css_w.floor().max(1.0);
    let css_h = view.fill.map_or_else(|| spec.height_for(frame, css_w), f64::floor).max(1.0);
    let (pw, ph) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
    if canvas.width() != pw {
        canvas.set_width(pw);
    }
    if canvas.height() != ph {
        canvas.set_height(ph);
    }
    let style = canvas.style();
    let _ = style.set_property("height", &format!("{}px", trimmed(css_h, 2)));
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|_| "no 2d context".to_string())?
        .ok_or("no 2d context")?
        .dyn_into()
        .map_err(|_| "not a 2d context".to_string())?;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).map_err(|_| "cannot scale the canvas".to_string())?;
    let size = (css_w as u32, css_h.ceil() as u32);
    let backend = Target::Canvas(CssPixels { size, ctx, text_state: Default::default(), batch: None });
    let area = backend.into_drawing_area();
    // `draw` ends with `present`, which draws the last batch of paths.
    draw(&area, spec, frame, theme, view).map_err(|e| format!("{e:?}"))
}
