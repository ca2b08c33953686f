//! The SVG document a chart is drawn into: a plotters `DrawingBackend` writing elements to a string.
//!
//! Layer: chart. The elements and attributes are those plotters' own SVG backend writes (the golden
//! files were made with it), with two differences: a font size is written as the size meant
//! (plotters divides it by 1.24, which `Target` used to undo), and numbers are written by
//! `data::float_text`, so that no float goes through the standard library's formatting (see that
//! module). Coordinates are integers.

use std::fmt::Write as _;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    FontTransform,
};

use super::target::TargetError;
use crate::data::float_text::trimmed;

/// A chart drawn as an SVG document into `out`; the document is closed by `present`.
pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

type R = Result<(), DrawingErrorKind<TargetError>>;

impl<'a> SvgBackend<'a> {
    /// Start a `width × height` document in `out`.
    pub fn new(out: &'a mut String, (w, h): (u32, u32)) -> Self {
        let _ =
            writeln!(out, r#"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg">"#);
        SvgBackend { out, size: (w, h), closed: false }
    }

    /// `<tag a="v" …/>` (or `>` and the escaped `text` and `</tag>`), each value escaped.
    fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: Option<&str>) {
        let out = &mut *self.out;
        out.push('<');
        out.push_str(tag);
        for (key, value) in attrs {
            let _ = write!(out, r#" {key}=""#);
            escape_into(out, value);
            out.push('"');
        }
        match text {
            None => out.push_str("/>\n"),
            Some(t) => {
                out.push_str(">\n");
                escape_into(out, t);
                let _ = write!(out, "\n</{tag}>\n");
            }
        }
    }
}

impl Drop for SvgBackend<'_> {
    fn drop(&mut self) {
        let _ = self.present();
    }
}

/// `value` with the five characters XML gives a meaning escaped.
fn escape_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

/// `#RRGGBB`.
fn colour(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// An opacity: at most three decimals ("1", "0.35"), finer than a screen's 256 levels.
fn opacity(c: BackendColor) -> String {
    trimmed(c.alpha, 3)
}

/// Points as `x,y x,y ` (with the trailing space plotters writes).
fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut s = String::new();
    for (x, y) in path {
        let _ = write!(s, "{x},{y} ");
    }
    s
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = TargetError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> R {
        Ok(())
    }
    fn present(&mut self) -> R {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }
    fn draw_pixel(&mut self, (x, y): BackendCoord, c: BackendColor) -> R {
        if c.alpha != 0.0 {
            let (x, y) = (x.to_string(), y.to_string());
            let attrs = [("x", &*x), ("y", &*y), ("width", "1"), ("height", "1"), ("stroke", "none")];
            self.element("rect", &[&attrs[..], &[("opacity", &opacity(c)), ("fill", &colour(c))]].concat(), None);
        }
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, z: BackendCoord, s: &S) -> R {
        let c = s.color();
        if c.alpha != 0.0 {
            let n = [a.0, a.1, z.0, z.1].map(|v| v.to_string());
            let width = s.stroke_width().to_string();
            self.element(
                "line",
                &[
                    ("opacity", &opacity(c)),
                    ("stroke", &colour(c)),
                    ("stroke-width", &width),
                    ("x1", &n[0]),
                    ("y1", &n[1]),
                    ("x2", &n[2]),
                    ("y2", &n[3]),
                ],
                None,
            );
        }
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, z: BackendCoord, s: &S, fill: bool) -> R {
        let c = s.color();
        if c.alpha != 0.0 {
            let n = [a.0, a.1, z.0 - a.0, z.1 - a.1].map(|v| v.to_string());
            let ink = colour(c);
            let (fill, stroke) = if fill { (&*ink, "none") } else { ("none", &*ink) };
            self.element(
                "rect",
                &[
                    ("x", &n[0]),
                    ("y", &n[1]),
                    ("width", &n[2]),
                    ("height", &n[3]),
                    ("opacity", &opacity(c)),
                    ("fill", fill),
                    ("stroke", stroke),
                ],
                None,
            );
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> R {
        let c = s.color();
        if c.alpha != 0.0 {
            let width = s.stroke_width().to_string();
            self.element(
                "polyline",
                &[
                    ("fill", "none"),
                    ("opacity", &opacity(c)),
                    ("stroke", &colour(c)),
                    ("stroke-width", &width),
                    ("points", &points(path)),
                ],
                None,
            );
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> R {
        let c = s.color();
        if c.alpha != 0.0 {
            self.element("polygon", &[("opacity", &opacity(c)), ("fill", &colour(c)), ("points", &points(path))], None);
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, (x, y): BackendCoord, r: u32, s: &S, fill: bool) -> R {
        let c = s.color();
        if c.alpha != 0.0 {
            let n = [x.to_string(), y.to_string(), r.to_string(), s.stroke_width().to_string()];
            let ink = colour(c);
            let (stroke, fill) = if fill { ("none", &*ink) } else { (&*ink, "none") };
            self.element(
                "circle",
                &[
                    ("cx", &n[0]),
                    ("cy", &n[1]),
                    ("r", &n[2]),
                    ("opacity", &opacity(c)),
                    ("fill", fill),
                    ("stroke", stroke),
                    ("stroke-width", &n[3]),
                ],
                None,
            );
        }
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, (x, y): BackendCoord) -> R {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match s.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match s.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let (xs, ys) = (x.to_string(), y.to_string());
        let (family, size, op, fill) = (s.family(), trimmed(s.size(), 3), opacity(c), colour(c));
        let mut attrs = vec![
            ("x", &*xs),
            ("y", &*ys),
            ("dy", dy),
            ("text-anchor", anchor),
            ("font-family", family.as_str()),
            ("font-size", &*size),
            ("opacity", &*op),
            ("fill", &*fill),
        ];
        match s.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => attrs.push(("font-weight", "bold")),
            FontStyle::Italic => attrs.push(("font-style", "italic")),
            FontStyle::Oblique => attrs.push(("font-style", "oblique")),
        }
        let degrees = match s.transform() {
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
            _ => 0,
        };
        let rotate = format!("rotate({degrees}, {x}, {y})");
        if degrees != 0 {
            attrs.push(("transform", &rotate));
        }
        self.element("text", &attrs, Some(text));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters_backend::text_anchor::Pos;
    use plotters_backend::{BackendStyle, FontFamily};

    struct Ink(BackendColor, u32);
    impl BackendStyle for Ink {
        fn color(&self) -> BackendColor {
            self.0
        }
        fn stroke_width(&self) -> u32 {
            self.1
        }
    }

    const RED: BackendColor = BackendColor { alpha: 0.35, rgb: (255, 0, 16) };

    #[test]
    fn writes_each_element_as_plotters_did() {
        let mut out = String::new();
        {
            let mut b = SvgBackend::new(&mut out, (20, 10));
            b.draw_rect((1, 2), (5, 9), &Ink(RED, 1), true).unwrap();
            b.draw_path([(0, 0), (3, 4)], &Ink(RED, 2)).unwrap();
            b.fill_polygon([(0, 0), (3, 4), (5, 0)], &Ink(RED, 1)).unwrap();
            b.draw_circle((4, 4), 3, &Ink(RED, 1), false).unwrap();
            b.draw_line((0, 1), (2, 3), &Ink(RED, 1)).unwrap();
            b.draw_pixel((7, 8), BackendColor { alpha: 0.0, rgb: (0, 0, 0) }).unwrap();
        }
        assert_eq!(
            out,
            "<svg width=\"20\" height=\"10\" viewBox=\"0 0 20 10\" xmlns=\"http://www.w3.org/2000/svg\">\n\
             <rect x=\"1\" y=\"2\" width=\"4\" height=\"7\" opacity=\"0.35\" fill=\"#FF0010\" stroke=\"none\"/>\n\
             <polyline fill=\"none\" opacity=\"0.35\" stroke=\"#FF0010\" stroke-width=\"2\" points=\"0,0 3,4 \"/>\n\
             <polygon opacity=\"0.35\" fill=\"#FF0010\" points=\"0,0 3,4 5,0 \"/>\n\
             <circle cx=\"4\" cy=\"4\" r=\"3\" opacity=\"0.35\" fill=\"none\" stroke=\"#FF0010\" stroke-width=\"1\"/>\n\
             <line opacity=\"0.35\" stroke=\"#FF0010\" stroke-width=\"1\" x1=\"0\" y1=\"1\" x2=\"2\" y2=\"3\"/>\n\
             </svg>\n"
        );
    }

    struct Font;
    impl BackendTextStyle for Font {
        type FontError = std::convert::Infallible;
        fn color(&self) -> BackendColor {
            BackendColor { alpha: 1.0, rgb: (0, 0, 0) }
        }
        fn size(&self) -> f64 {
            9.35
        }
        fn style(&self) -> FontStyle {
            FontStyle::Bold
        }
        fn anchor(&self) -> Pos {
            Pos::new(HPos::Center, VPos::Top)
        }
        fn family(&self) -> FontFamily<'_> {
            FontFamily::Name("\"Noto Sans\", sans-serif")
        }
        fn transform(&self) -> FontTransform {
            FontTransform::Rotate270
        }
        fn layout_box(&self, _: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
            Ok(((0, 0), (0, 0)))
        }
        fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
            &self,
            _: &str,
            _: BackendCoord,
            _: F,
        ) -> Result<Result<(), E>, Self::FontError> {
            Ok(Ok(()))
        }
    }

    #[test]
    fn text_is_escaped_and_sized_as_meant() {
        let mut out = String::new();
        SvgBackend::new(&mut out, (10, 10)).draw_text("A & <B>", &Font, (3, 4)).unwrap();
        let text = &out[out.find("<text").unwrap()..];
        assert_eq!(
            text,
            "<text x=\"3\" y=\"4\" dy=\"0.76em\" text-anchor=\"middle\" font-family=\"&quot;Noto Sans&quot;, sans-serif\" \
             font-size=\"9.35\" opacity=\"1\" fill=\"#000000\" font-weight=\"bold\" transform=\"rotate(270, 3, 4)\">\n\
             A &amp; &lt;B&gt;\n</text>\n</svg>\n"
        );
    }
}
