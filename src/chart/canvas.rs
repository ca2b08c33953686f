//! Draw a chart on an HTML canvas, crisp at any devicePixelRatio.
//!
//! Layer: chart (browser only). plotters-canvas draws in backing-store pixels and ignores
//! devicePixelRatio, so the backing store is sized to CSS size × ratio, the context is scaled
//! by the ratio, and `CssPixels` reports the CSS size to plotters: draw functions and the
//! returned `Layout` stay in CSS pixels, the same units as pointer events.

use super::target::Target;
use super::{draw, ChartSpec, Frame, Layout, Theme, View};
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A canvas backend that reports its size in CSS pixels.
pub struct CssPixels {
    inner: CanvasBackend,
    size: (u32, u32),
    /// The context, for text: a text property or colour is set only when it changed (parsing a
    /// font string was the costliest call of a map's redraw).
    ctx: CanvasRenderingContext2d,
    text_state: [String; 5],
}

impl CssPixels {
    /// Plotters' own drawing sets colours behind the cache's back: forget the cached ones.
    fn forget_colours(&mut self) {
        self.text_state[1].clear();
        self.text_state[2].clear();
    }

    /// Set a text property of the context only when it differs from the last one set.
    fn set(&mut self, which: usize, value: String, apply: impl FnOnce(&CanvasRenderingContext2d, &str)) {
        if self.text_state[which] != value {
            apply(&self.ctx, &value);
            self.text_state[which] = value;
        }
    }
}

type E = <CanvasBackend as DrawingBackend>::ErrorType;

impl DrawingBackend for CssPixels {
    type ErrorType = E;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<E>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<E>> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<E>> {
        self.forget_colours();
        self.inner.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.forget_colours();
        self.inner.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.forget_colours();
        self.inner.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.forget_colours();
        self.inner.draw_path(path, s)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.forget_colours();
        self.inner.draw_circle(c, r, s, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.forget_colours();
        self.inner.fill_polygon(path, s)
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
        let (r, g, b) = c.rgb;
        self.set(0, baseline.to_string(), |x, v| x.set_text_baseline(v));
        self.set(4, align.to_string(), |x, v| x.set_text_align(v));
        self.set(1, format!("rgba({r},{g},{b},{})", c.alpha), |x, v| x.set_fill_style_str(v));
        self.set(3, format!("{} {}px {}", s.style().as_str(), s.size(), s.family().as_str()), |x, v| x.set_font(v));
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
    let css_h = spec.height_for(frame, theme, css_w).max(1.0);
    let (pw, ph) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
    if canvas.width() != pw {
        canvas.set_width(pw);
    }
    if canvas.height() != ph {
        canvas.set_height(ph);
    }
    let style = canvas.style();
    let _ = style.set_property("height", &format!("{css_h}px"));
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|_| "no 2d context".to_string())?
        .ok_or("no 2d context")?
        .dyn_into()
        .map_err(|_| "not a 2d context".to_string())?;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).map_err(|_| "cannot scale the canvas".to_string())?;
    let inner = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("cannot use the canvas")?;
    let size = (css_w as u32, css_h.ceil() as u32);
    let backend = Target::Canvas(CssPixels { inner, size, ctx, text_state: Default::default() });
    let area = backend.into_drawing_area();
    draw(&area, spec, frame, theme, view).map_err(|e| format!("{e:?}"))
}
