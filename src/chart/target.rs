//! The one backend the draw functions are compiled for: an SVG document, or (in the browser) a
//! canvas. Drawing through one type keeps a single copy of every draw function in the module
//! instead of one per backend.
//!
//! Layer: chart. Only `svg.rs` and `canvas.rs` construct a `Target`. Draw functions give every
//! font size as the size the reader sees; the target makes each backend render it at that size.

use plotters::prelude::SVGBackend;
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};

/// Where a chart is drawn.
pub enum Target<'a> {
    Svg(SVGBackend<'a>),
    #[cfg(target_arch = "wasm32")]
    Canvas(super::canvas::CssPixels),
}

/// plotters' SVG backend writes a font size divided by 1.24 (its canvas backend does not), so text
/// reaches it at 1.24 times the size meant: both outputs then show the same type size.
const SVG_FONT_SCALE: f64 = 1.24;

/// A text style at `scale` times the size of the style it wraps.
struct Scaled<'s, S> {
    style: &'s S,
    scale: f64,
}

impl<S: BackendTextStyle> BackendTextStyle for Scaled<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.style.color()
    }
    fn size(&self) -> f64 {
        self.style.size() * self.scale
    }
    fn transform(&self) -> FontTransform {
        self.style.transform()
    }
    fn style(&self) -> FontStyle {
        self.style.style()
    }
    fn anchor(&self) -> Pos {
        self.style.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.style.family()
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.style.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.style.draw(text, pos, draw)
    }
}

/// A backend's error, as text.
#[derive(Debug)]
pub struct TargetError(String);

impl std::fmt::Display for TargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TargetError {}

type R<T = ()> = Result<T, DrawingErrorKind<TargetError>>;

fn lift<T, E: std::error::Error + Send + Sync>(r: Result<T, DrawingErrorKind<E>>) -> R<T> {
    r.map_err(|e| match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(TargetError(e.to_string())),
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    })
}

/// Run the same call on whichever backend this is.
macro_rules! each {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            Target::Svg($b) => lift($call),
            #[cfg(target_arch = "wasm32")]
            Target::Canvas($b) => lift($call),
        }
    };
}

impl DrawingBackend for Target<'_> {
    type ErrorType = TargetError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Target::Svg(b) => b.get_size(),
            #[cfg(target_arch = "wasm32")]
            Target::Canvas(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> R {
        each!(self, b => b.ensure_prepared())
    }
    fn present(&mut self) -> R {
        each!(self, b => b.present())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> R {
        each!(self, b => b.draw_pixel(p, c))
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, z: BackendCoord, s: &S) -> R {
        each!(self, b => b.draw_line(a, z, s))
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, z: BackendCoord, s: &S, fill: bool) -> R {
        each!(self, b => b.draw_rect(a, z, s, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> R {
        each!(self, b => b.draw_path(path, s))
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> R {
        each!(self, b => b.draw_circle(c, r, s, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> R {
        each!(self, b => b.fill_polygon(path, s))
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> R {
        match self {
            Target::Svg(b) => lift(b.draw_text(text, &Scaled { style: s, scale: SVG_FONT_SCALE }, pos)),
            #[cfg(target_arch = "wasm32")]
            Target::Canvas(b) => lift(b.draw_text(text, s, pos)),
        }
    }
}
