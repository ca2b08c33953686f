//! The one backend the draw functions are compiled for: an SVG document, or (in the browser) a
//! canvas. Drawing through one type keeps a single copy of every draw function in the module
//! instead of one per backend.
//!
//! Layer: chart. Only `svg.rs` and `canvas.rs` construct a `Target`. Both backends are the
//! atlas's own (`svg_backend.rs`, `canvas.rs`): each draws a font size as given, the size the
//! reader sees, and writes no float through the standard library's formatting (`data::float_text`).

use super::svg_backend::SvgBackend;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

/// Where a chart is drawn.
pub enum Target<'a> {
    Svg(SvgBackend<'a>),
    #[cfg(target_arch = "wasm32")]
    Canvas(super::canvas::CssPixels),
}

/// A backend's error, as text.
#[derive(Debug)]
pub struct TargetError(pub String);

impl std::fmt::Display for TargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TargetError {}

type R<T = ()> = Result<T, DrawingErrorKind<TargetError>>;

/// Run the same call on whichever backend this is.
macro_rules! each {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            Target::Svg($b) => $call,
            #[cfg(target_arch = "wasm32")]
            Target::Canvas($b) => $call,
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
        each!(self, b => b.draw_text(text, s, pos))
    }
}
