//! What charts and map layers share on the page: painting a built spec on its canvas at the
//! device pixel ratio, the rows a linked selection lights up, and the tooltip element for a row.
//!
//! Layer: ui. Wiring only: decisions come from `views::interact`.

use super::perf;
use super::state::AppState;
use super::tooltip::Tooltip;
use crate::chart::{canvas, Frame, Layout, View};
use crate::data::Lang;
use crate::views::interact::tooltip;
use crate::views::Built;
use leptos::prelude::*;

/// Everything a drawing depends on, read cheaply from signals (tracking them): a canvas redraws
/// only when this changes, and then only near the viewport (`views::interact::should_draw`).
#[derive(Clone, Debug, PartialEq)]
pub struct DrawInputs {
    pub lang: Lang,
    pub theme: (crate::chart::Mode, bool),
    pub width: f64,
    pub highlight: Option<usize>,
    pub selected: Option<&'static str>,
    pub hidden: Vec<usize>,
    pub reading: Option<crate::views::Settings>,
    pub camera: Option<crate::chart::map::Camera>,
    pub centre: crate::geo::Centre,
}

impl DrawInputs {
    /// The inputs shared by every canvas; the caller adds highlight, hidden series and camera.
    pub fn read(st: &AppState, chart: &'static str, width: f64) -> DrawInputs {
        let mode = if st.printing.get() { crate::chart::Mode::Light } else { st.mode.get() };
        DrawInputs {
            lang: st.lang.get(),
            theme: (mode, st.contrast.get()),
            width,
            highlight: None,
            selected: st.selected.get(),
            hidden: Vec::new(),
            reading: st.charts.with(|c| c.iter().find(|(id, _)| *id == chart).map(|(_, s)| *s)),
            camera: None,
            centre: crate::geo::Centre::Atlantic,
        }
    }
}

/// The drawn rows of a chart that carry the selected entity (linked selection).
pub fn selected_rows(st: AppState, built: Memo<Built>) -> Memo<Vec<usize>> {
    Memo::new(move |_| {
        let sel = st.selected.get();
        built.with(|b| match (b, sel) {
            (Built::Canvas { drawn, .. }, Some(e)) => drawn.rows_with(e),
            _ => Vec::new(),
        })
    })
}

/// Draw a built chart on its canvas at the device pixel ratio, mark the canvas drawn, and return
/// the layout with the draw's start and end times (for the benchmark). `None` for a non-canvas build.
pub fn paint(
    el: &web_sys::HtmlCanvasElement,
    built: &Built,
    theme: &crate::chart::Theme,
    view: &View,
    width: f64,
) -> Option<Result<(Layout, f64, f64), String>> {
    let Built::Canvas { spec, .. } = built else { return None };
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let t0 = perf::now();
    let result = canvas::render(el, spec, &Frame::default(), theme, view, width, dpr);
    let t1 = perf::now();
    Some(result.map(|l| {
        let _ = el.set_attribute("data-drawn", "1");
        (l, t0, t1)
    }))
}

/// The tooltip of a drawn row at a point of a chart `width` pixels wide.
pub fn tip_view(
    built: &Built,
    (row, series): (usize, Option<usize>),
    hidden: &[usize],
    lang: Lang,
    (x, y, width): (f64, f64, f64),
) -> Option<AnyView> {
    let Built::Canvas { drawn, .. } = built else { return None };
    let tip = tooltip(drawn, row, series, hidden, lang)?;
    Some(view! { <Tooltip facts=tip.facts extra=tip.extra x=x y=y width=width/> }.into_any())
}
