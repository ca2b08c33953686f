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
        self.inner.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.inner.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.inner.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.inner.draw_path(path, s)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.inner.draw_circle(c, r, s, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.inner.fill_polygon(path, s)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        s: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<E>> {
        self.inner.draw_text(text, s, pos)
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
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(4.0) } else { 1.0 };
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
    let backend = Target::Canvas(CssPixels { inner, size: (css_w as u32, css_h.ceil() as u32) });
    let area = backend.into_drawing_area();
    draw(&area, spec, frame, theme, view).map_err(|e| format!("{e:?}"))
}
