//! The map's drawing for the first paint: the layer drawn by the SVG backend (the draw that makes
//! the exports and the golden files) once in each theme, read back mark by mark, and written as a
//! few compact paths whose colours are CSS custom properties, one value per theme.
//!
//! Layer: static map (native). Reads the SVG backend's output, whose coordinates are whole pixels.

use crate::chart::svg::render_view;
use crate::chart::{ChartSpec, Frame, Mode, Rgb, Theme, View};

/// The themes a reader can choose, in the order of a colour's values: light, dark, and each with
/// high contrast.
pub const THEMES: [(Mode, bool); 4] =
    [(Mode::Light, false), (Mode::Dark, false), (Mode::Light, true), (Mode::Dark, true)];

/// A colour in every theme.
pub type Colours = [Rgb; 4];

/// What a mark of the drawing is.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled polygon.
    Fill(Vec<(i32, i32)>),
    /// A polyline of a stroke width.
    Line(Vec<(i32, i32)>, u32),
    /// A filled rectangle: left, top, width, height.
    Rect(i32, i32, i32, i32),
    /// A filled circle: centre and radius.
    Circle(i32, i32, i32),
    /// Text: its anchor point, `start`/`middle`/`end`, size and whether bold.
    Text { x: i32, y: i32, anchor: String, size: f64, bold: bool, text: String },
}

/// One mark in draw order, with its colour in every theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub shape: Shape,
    pub colours: Colours,
}

/// The value of `name="…"` in an element's tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    Some(&tag[i..i + tag[i..].find('"')?])
}

fn colour(hex: &str) -> Option<Rgb> {
    let h = hex.strip_prefix('#')?;
    let v = u32::from_str_radix(h, 16).ok()?;
    (h.len() == 6).then_some(Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

fn points(s: &str) -> Vec<(i32, i32)> {
    s.split_whitespace()
        .filter_map(|p| p.split_once(',').and_then(|(x, y)| Some((x.parse().ok()?, y.parse().ok()?))))
        .collect()
}

fn int(tag: &str, name: &str) -> i32 {
    attr(tag, name).and_then(|v| v.parse::<f64>().ok()).map_or(0, |v| v.round() as i32)
}

/// The marks of one SVG document from plotters' backend, each with its colour (fill, or stroke
/// for lines); the colour is the same in every slot until the themes are zipped.
pub fn read(svg: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        let name = tag[1..].split(|c: char| c.is_whitespace() || c == '/' || c == '>').next().unwrap_or("");
        let paint = |key| attr(tag, key).and_then(colour);
        let mark = match name {
            "polygon" => paint("fill").map(|c| (Shape::Fill(points(attr(tag, "points").unwrap_or(""))), c)),
            "polyline" => paint("stroke").map(|c| {
                let w = attr(tag, "stroke-width").and_then(|w| w.parse().ok()).unwrap_or(1);
                (Shape::Line(points(attr(tag, "points").unwrap_or("")), w), c)
            }),
            "rect" => paint("fill")
                .map(|c| (Shape::Rect(int(tag, "x"), int(tag, "y"), int(tag, "width"), int(tag, "height")), c)),
            "circle" => paint("fill").map(|c| (Shape::Circle(int(tag, "cx"), int(tag, "cy"), int(tag, "r")), c)),
            "text" => {
                let body = &rest[end..];
                let text = body[..body.find("</text>").unwrap_or(body.len())].trim();
                paint("fill").map(|c| {
                    let shape = Shape::Text {
                        x: int(tag, "x"),
                        y: int(tag, "y"),
                        anchor: attr(tag, "text-anchor").unwrap_or("start").to_string(),
                        size: attr(tag, "font-size").and_then(|s| s.parse().ok()).unwrap_or(0.0),
                        bold: attr(tag, "font-weight") == Some("bold"),
                        text: unescape(text),
                    };
                    (shape, c)
                })
            }
            _ => None,
        };
        if let Some((shape, c)) = mark {
            out.push(Mark { shape, colours: [c; 4] });
        }
        rest = &rest[end..];
    }
    out
}

/// Text as written by the SVG backend (`chart::svg_backend`), unescaped.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// The themes of [`THEMES`].
pub fn themes() -> [Theme; 4] {
    THEMES.map(|(mode, hc)| Theme::pick(mode, hc))
}

/// `spec` drawn `width` pixels wide in `view`, once per theme, zipped: every mark with its colour
/// in each theme. The drawing is the same in every theme but for its colours; `Err` says where
/// it is not.
pub fn zipped(spec: &ChartSpec, width: u32, view: &View) -> Result<Vec<Mark>, String> {
    let drawn: Vec<Vec<Mark>> =
        themes().iter().map(|th| read(&render_view(spec, &Frame::default(), th, width, view).0)).collect();
    let mut out = drawn[0].clone();
    for (t, marks) in drawn.iter().enumerate().skip(1) {
        if marks.len() != out.len() {
            return Err(format!("theme {t} draws {} marks, the light theme {}", marks.len(), out.len()));
        }
        for (i, (a, b)) in out.iter_mut().zip(marks).enumerate() {
            if a.shape != b.shape {
                return Err(format!("mark {i} differs in theme {t}: {:?} / {:?}", a.shape, b.shape));
            }
            a.colours[t] = b.colours[0];
        }
    }
    Ok(out)
}

/// The distinct colours of a drawing, in the order first used: a mark's colour is its index here.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Palette(pub Vec<Colours>);

impl Palette {
    /// The index of `c`, added when new.
    pub fn index(&mut self, c: Colours) -> usize {
        match self.0.iter().position(|&k| k == c) {
            Some(i) => i,
            None => {
                self.0.push(c);
                self.0.len() - 1
            }
        }
    }

    /// The custom property of colour `i`.
    pub fn var(i: usize) -> String {
        format!("--sm{i}")
    }

    /// The custom properties' values per theme, for a stylesheet: one rule per theme, each
    /// selected as `style/tokens.css` selects the page's own (`data-theme`, `data-contrast`).
    pub fn css(&self, scope: &str) -> String {
        let selectors = [
            format!(":root {scope}"),
            format!(":root[data-theme=\"dark\"] {scope}"),
            format!(":root[data-contrast=\"more\"] {scope}"),
            format!(":root[data-theme=\"dark\"][data-contrast=\"more\"] {scope}"),
        ];
        let mut out = String::new();
        for (t, sel) in selectors.iter().enumerate() {
            let vars: Vec<String> =
                self.0.iter().enumerate().map(|(i, c)| format!("{}:{}", Palette::var(i), hex(c[t]))).collect();
            out.push_str(&format!("{sel}{{{}}}", vars.join(";")));
        }
        out
    }
}

/// `#rgb` when it says the same, else `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    let Rgb(r, g, b) = c;
    if r % 17 == 0 && g % 17 == 0 && b % 17 == 0 {
        format!("#{:x}{:x}{:x}", r / 17, g / 17, b / 17)
    } else {
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// `pts` with the points left out that lie within `tolerance` pixels of the line through their
/// neighbours kept (Ramer–Douglas–Peucker); the ends are kept. Of points equally far, the
/// smallest (by x, then y) is kept, so a stretch simplifies the same either way round.
pub fn simplify(pts: &[(i32, i32)], tolerance: f64) -> Vec<(i32, i32)> {
    if pts.len() < 3 {
        return pts.to_vec();
    }
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[pts.len() - 1] = true;
    let mut stack = vec![(0, pts.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (pa, pb) = (pts[a], pts[b]);
        let (dx, dy) = (f64::from(pb.0 - pa.0), f64::from(pb.1 - pa.1));
        let len = dx.hypot(dy);
        let dist = |p: (i32, i32)| {
            let (px, py) = (f64::from(p.0 - pa.0), f64::from(p.1 - pa.1));
            if len == 0.0 {
                px.hypot(py)
            } else {
                (dy * px - dx * py).abs() / len
            }
        };
        let far = (a + 1..b)
            .map(|i| (i, dist(pts[i])))
            .max_by(|x, y| x.1.total_cmp(&y.1).then_with(|| pts[y.0].cmp(&pts[x.0])));
        if let Some((i, d)) = far {
            if d > tolerance {
                keep[i] = true;
                stack.push((a, i));
                stack.push((i, b));
            }
        }
    }
    pts.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

/// Simplify outlines together ([`simplify`] within `tolerance`), so that a border two of them
/// share is simplified once, the same way in both, and no gap opens between neighbours: every
/// point where the set of outlines passing through it changes (a junction, the end of a shared
/// border, an outline's first and last point) is kept, in every outline through it, and each
/// stretch between kept points is simplified on its own.
pub fn simplify_shared(outlines: &[&[(i32, i32)]], tolerance: f64) -> Vec<Vec<(i32, i32)>> {
    use std::collections::HashMap;
    let mut through: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for (k, o) in outlines.iter().enumerate() {
        for p in o.iter() {
            let ids = through.entry(*p).or_default();
            if ids.last() != Some(&k) {
                ids.push(k);
            }
        }
    }
    let mut fixed: std::collections::HashSet<(i32, i32)> = std::collections::HashSet::new();
    for o in outlines {
        for (i, p) in o.iter().enumerate() {
            let ends = i == 0 || i + 1 == o.len();
            let changes = |j: usize| through.get(&o[j]) != through.get(p);
            if ends || changes(i - 1) || changes(i + 1) {
                fixed.insert(*p);
            }
        }
    }
    outlines
        .iter()
        .map(|o| {
            let mut out: Vec<(i32, i32)> = Vec::with_capacity(o.len());
            let mut start = 0;
            for i in 1..o.len() {
                if fixed.contains(&o[i]) || i + 1 == o.len() {
                    let part = simplify(&o[start..=i], tolerance);
                    out.extend_from_slice(if out.is_empty() { &part } else { &part[1..] });
                    start = i;
                }
            }
            if out.is_empty() {
                out.extend_from_slice(o);
            }
            out
        })
        .collect()
}

/// Append `pts` to a path's data: an absolute move to the first point, then relative lines
/// (`l3-2 4 5`), closed when `close`.
pub fn path_data(d: &mut String, pts: &[(i32, i32)], close: bool) {
    let Some(&(x0, y0)) = pts.first() else { return };
    push_pair(d, 'M', x0, y0);
    let mut last = (x0, y0);
    let mut first = true;
    for &(x, y) in &pts[1..] {
        if first {
            push_pair(d, 'l', x - last.0, y - last.1);
            first = false;
        } else {
            push_number(d, x - last.0);
            push_number(d, y - last.1);
        }
        last = (x, y);
    }
    if close {
        d.push('z');
    }
}

fn push_pair(d: &mut String, cmd: char, x: i32, y: i32) {
    d.push(cmd);
    d.push_str(&x.to_string());
    push_number(d, y);
}

/// A number after another: a minus sign separates it, else a space.
fn push_number(d: &mut String, v: i32) {
    if v >= 0 {
        d.push(' ');
    }
    d.push_str(&v.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plotters_marks_are_read_with_their_geometry_and_colour() {
        let svg = concat!(
            "<svg width=\"10\" height=\"10\">\n",
            "<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" opacity=\"1\" fill=\"#FFFFFF\" stroke=\"none\"/>\n",
            "<polygon opacity=\"1\" fill=\"#EEF8FD\" points=\"1,2 3,4 5,2\"/>\n",
            "<polyline fill=\"none\" opacity=\"1\" stroke=\"#D5DEE4\" stroke-width=\"2\" points=\"1,1 2,2\"/>\n",
            "<text x=\"4\" y=\"5\" dy=\"0.5ex\" text-anchor=\"middle\" font-size=\"9.35\" opacity=\"1\" fill=\"#1D232B\">\nA &amp; B\n</text>\n",
            "</svg>"
        );
        let marks = read(svg);
        let shapes: Vec<&Shape> = marks.iter().map(|m| &m.shape).collect();
        assert_eq!(
            shapes,
            vec![
                &Shape::Rect(0, 0, 10, 10),
                &Shape::Fill(vec![(1, 2), (3, 4), (5, 2)]),
                &Shape::Line(vec![(1, 1), (2, 2)], 2),
                &Shape::Text { x: 4, y: 5, anchor: "middle".into(), size: 9.35, bold: false, text: "A & B".into() },
            ]
        );
        assert_eq!(marks[1].colours[0], Rgb(0xee, 0xf8, 0xfd));
        assert_eq!(marks[2].colours[0], Rgb(0xd5, 0xde, 0xe4), "a line's colour is its stroke");
    }

    #[test]
    fn paths_move_once_then_draw_relative_lines() {
        let mut d = String::new();
        path_data(&mut d, &[(10, 20), (13, 18), (17, 23), (12, 23)], true);
        path_data(&mut d, &[(1, 1), (2, 2)], false);
        assert_eq!(d, "M10 20l3-2 4 5-5 0zM1 1l1 1");
    }

    #[test]
    fn simplifying_keeps_the_ends_and_every_point_further_than_the_tolerance() {
        // A straight edge with a wiggle of a pixel and a bump of three.
        let pts = [(0, 0), (4, 0), (5, 1), (6, 0), (10, 0), (12, 3), (14, 0), (20, 0)];
        assert_eq!(simplify(&pts, 0.5), pts.to_vec(), "half a pixel keeps the wiggle");
        assert_eq!(simplify(&pts, 1.5), vec![(0, 0), (10, 0), (12, 3), (14, 0), (20, 0)], "the bump stays");
        assert_eq!(simplify(&pts, 5.0), vec![(0, 0), (20, 0)]);
        assert_eq!(simplify(&[(1, 1), (2, 2)], 5.0), vec![(1, 1), (2, 2)]);
        // A ring that comes back to its start keeps its far side.
        assert_eq!(simplify(&[(0, 0), (4, 0), (4, 4), (0, 0)], 0.5), vec![(0, 0), (4, 0), (4, 4), (0, 0)]);
    }

    #[test]
    fn a_border_two_outlines_share_is_simplified_the_same_in_both() {
        // Two squares sharing a wiggly edge from (10, 0) to (10, 10); each outline runs it its own way.
        let edge = [(10, 0), (11, 2), (10, 4), (9, 6), (10, 8), (10, 10)];
        let left: Vec<(i32, i32)> = [(0, 0)].into_iter().chain(edge).chain([(0, 10), (0, 0)]).collect();
        let right: Vec<(i32, i32)> =
            [(20, 10)].into_iter().chain(edge.into_iter().rev()).chain([(20, 0), (20, 10)]).collect();
        let out = simplify_shared(&[&left, &right], 1.5);
        let shared = |o: &Vec<(i32, i32)>| {
            let mut s: Vec<(i32, i32)> = o.iter().copied().filter(|p| p.0 >= 9 && p.0 <= 11).collect();
            s.sort();
            s
        };
        assert_eq!(shared(&out[0]), shared(&out[1]), "{out:?}");
        assert!(out[0].len() < left.len(), "the wiggle is simplified: {out:?}");
        assert!(out[0].contains(&(10, 0)) && out[0].contains(&(10, 10)), "the ends of the shared edge stay");
    }

    #[test]
    fn colours_are_written_short_when_they_can_be() {
        assert_eq!(hex(Rgb(0xff, 0xff, 0xff)), "#fff");
        assert_eq!(hex(Rgb(0x1d, 0x23, 0x2b)), "#1d232b");
        let mut p = Palette::default();
        assert_eq!(p.index([Rgb(0, 0, 0); 4]), 0);
        assert_eq!(p.index([Rgb(1, 0, 0); 4]), 1);
        assert_eq!(p.index([Rgb(0, 0, 0); 4]), 0, "a colour seen before keeps its index");
        let css = p.css(".x");
        assert!(css.starts_with(":root .x{--sm0:#000;--sm1:#010000}"), "{css}");
        assert_eq!(css.matches('{').count(), 4, "one rule per theme: {css}");
    }
}
