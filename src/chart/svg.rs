//! Render a chart to an SVG string with the atlas's SVG backend (`svg_backend.rs`).
//!
//! Layer: chart. Used by native golden tests, the exporter binary and the SVG download.
//! Coordinates in the SVG output are integers, so the output is deterministic. An exported
//! file can carry a `<title>` and `<desc>` (what screen readers and search engines read); the
//! golden files are drawn without them.

use super::svg_backend::SvgBackend;
use super::target::Target;
use super::{draw, ChartSpec, Frame, Layout, Theme, View};
use plotters::prelude::*;

/// The text an SVG document carries about itself: its `<title>` and `<desc>`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct About<'a> {
    pub title: &'a str,
    pub desc: &'a str,
}

/// Draw `spec` at `width` CSS pixels (height from the spec) into an SVG document.
pub fn render(spec: &ChartSpec, frame: &Frame, theme: &Theme, width: u32) -> (String, Layout) {
    render_view(spec, frame, theme, width, &View::default())
}

/// As [`render_view`], with a `<title>` and `<desc>` as the document's first children when
/// `about` is given (empty parts are left out).
pub fn render_about(
    spec: &ChartSpec,
    frame: &Frame,
    theme: &Theme,
    width: u32,
    view: &View,
    about: Option<About>,
) -> (String, Layout) {
    let (doc, layout) = render_view(spec, frame, theme, width, view);
    match about {
        Some(a) => (with_about(&doc, a), layout),
        None => (doc, layout),
    }
}

/// As [`render`], with a view: a highlighted or selected row, hidden series, a map's camera.
pub fn render_view(spec: &ChartSpec, frame: &Frame, theme: &Theme, width: u32, view: &View) -> (String, Layout) {
    let height = spec.height_for(frame, width as f64) as u32;
    let mut out = String::new();
    let layout;
    {
        let backend = Target::Svg(SvgBackend::new(&mut out, (width, height)));
        let area = backend.into_drawing_area();
        layout = draw(&area, spec, frame, theme, view).expect("drawing into a string cannot fail");
    }
    (out, layout)
}

/// The document with `<title>` and `<desc>` inserted right after the opening `<svg …>` tag.
fn with_about(doc: &str, about: About) -> String {
    let Some(open) = doc.find("<svg").and_then(|i| doc[i..].find('>').map(|j| i + j + 1)) else {
        return doc.to_string();
    };
    let mut head = String::new();
    for (tag, text) in [("title", about.title), ("desc", about.desc)] {
        if !text.is_empty() {
            head.push_str(&format!("\n<{tag}>{}</{tag}>", crate::data::format::escape_markup(text)));
        }
    }
    format!("{}{head}{}", &doc[..open], &doc[open..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::bars::BarSpec;
    use crate::chart::{Keys, Series};

    fn spec() -> ChartSpec {
        ChartSpec::Bars(BarSpec {
            rows: vec![crate::chart::bars::BarRow {
                label: "A".into(),
                sublabel: None,
                values: vec![Some(crate::chart::Datum::new(1.0, "1"))],
            }],
            series: vec![Series { name: String::new(), color: 0 }],
            axis: String::new(),
            signed: false,
            keys: Keys::default(),
        })
    }

    #[test]
    fn title_and_desc_open_the_document_escaped() {
        let about = About { title: "Table 3 & <more>", desc: "Russia grew fastest (+26.3%); \"quoted\"" };
        let (doc, _) = render_about(&spec(), &Frame::default(), &Theme::light(), 200, &View::default(), Some(about));
        let open = doc.find("<svg").unwrap();
        let after = &doc[open..];
        let first_child = &after[after.find('>').unwrap() + 1..];
        assert!(first_child.starts_with("\n<title>Table 3 &amp; &lt;more&gt;</title>\n<desc>"), "{first_child}");
        assert!(doc.contains("<desc>Russia grew fastest (+26.3%); &quot;quoted&quot;</desc>"), "{doc}");
    }

    #[test]
    fn title_and_desc_are_all_an_export_adds_to_the_plain_rendering() {
        let frame = Frame::default();
        let (plain, _) = render(&spec(), &frame, &Theme::light(), 200);
        let about = About { title: "Table 3", desc: "Ten partners" };
        let (doc, _) = render_about(&spec(), &frame, &Theme::light(), 200, &View::default(), Some(about));
        let added = "\n<title>Table 3</title>\n<desc>Ten partners</desc>";
        assert_eq!(doc.matches(added).count(), 1, "{doc}");
        assert_eq!(doc.replacen(added, "", 1), plain, "nothing else of the drawing changes");
        let (empty, _) = render_about(&spec(), &frame, &Theme::light(), 200, &View::default(), Some(About::default()));
        assert_eq!(empty, plain, "empty parts add nothing");
    }
}
