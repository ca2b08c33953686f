//! Render a chart to an SVG string with plotters' SVG backend.
//!
//! Layer: chart. Used by native golden tests, the exporter binary and the SVG download.
//! Coordinates in plotters' SVG output are integers, so the output is deterministic.

use super::target::Target;
use super::{draw, ChartSpec, Frame, Layout, Theme, View};
use plotters::prelude::*;

/// Draw `spec` at `width` CSS pixels (height from the spec) into an SVG document.
pub fn render(spec: &ChartSpec, frame: &Frame, theme: &Theme, width: u32) -> (String, Layout) {
    render_view(spec, frame, theme, width, &View::default())
}

/// As [`render`], with a view: a highlighted or selected row, hidden series, a map's camera.
pub fn render_view(spec: &ChartSpec, frame: &Frame, theme: &Theme, width: u32, view: &View) -> (String, Layout) {
    let height = spec.height_for(frame, theme, width as f64) as u32;
    let theme = &Theme { text_scale: 1.24, ..theme.clone() };
    let mut out = String::new();
    let layout;
    {
        let backend = Target::Svg(SVGBackend::with_string(&mut out, (width, height)));
        let area = backend.into_drawing_area();
        layout = draw(&area, spec, frame, theme, view).expect("drawing into a string cannot fail");
    }
    (out, layout)
}
