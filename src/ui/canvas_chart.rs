//! A canvas chart: sized to its container, drawn at the device pixel ratio, with hover
//! tooltips from the layout the draw function returns.
//!
//! Layer: ui. The spec comes from a memo; drawing happens in an effect that reruns on
//! language, theme, width or hover changes. The component never re-derives geometry: hit
//! tests use the returned `Layout`.

use super::i18n;
use super::state::use_app_state;
use super::tooltip::Tooltip;
use crate::chart::{canvas, Frame, Layout, Theme, View};
use crate::spec::provenance::facts;
use crate::spec::{Built, ChartDef};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Observe an element's content width into a signal; disconnects when the owner is cleaned up.
fn observe_width(el: &web_sys::Element, width: RwSignal<f64>) {
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let w = entry.content_rect().width().floor();
            if (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    });
    let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else { return };
    ro.observe(el);
    let keep = SendWrapper::new((ro, cb));
    on_cleanup(move || keep.0.disconnect());
}

/// A chart drawn on a canvas.
#[component]
pub fn CanvasChart(def: &'static ChartDef, built: Memo<Built>) -> impl IntoView {
    let st = use_app_state();
    let wrap = NodeRef::<Div>::new();
    let canvas_ref = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0f64);
    let hover = RwSignal::new(None::<(usize, Option<usize>)>);
    let layout = StoredValue::new(Layout::default());
    let error = RwSignal::new(None::<String>);

    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            let w = el.client_width() as f64;
            if w > 0.0 {
                width.set(w);
            }
            observe_width(&el, width);
        }
    });

    Effect::new(move |_| {
        let w = width.get();
        let Some(el) = canvas_ref.get() else { return };
        if w < 1.0 {
            return;
        }
        let theme = Theme::for_mode(st.mode.get());
        let view = View { highlight: hover.get().map(|h| h.0), hidden: Vec::new() };
        let dpr = window().device_pixel_ratio();
        built.with(|b| {
            let Built::Canvas { spec, .. } = b else { return };
            match canvas::render(&el, spec, &Frame::default(), &theme, &view, w, dpr) {
                Ok(l) => {
                    layout.set_value(l);
                    let _ = el.set_attribute("data-drawn", "1");
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });

    let pointer = move |ev: web_sys::PointerEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let hit = layout.with_value(|l| l.hit(x, y));
        if hover.get_untracked() != hit {
            hover.set(hit);
        }
    };
    let leave = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "touch" {
            hover.set(None);
        }
    };
    let tip = move || {
        let (row, series) = hover.get()?;
        let lang = st.lang.get();
        let (cref, anchor) = built.with(|b| match b {
            Built::Canvas { refs, .. } => {
                let r = refs.get(row)?;
                let s = series.unwrap_or_else(|| r.iter().position(Option::is_some).unwrap_or(0));
                let c = (*r.get(s)?)?;
                Some((c, layout.with_value(|l| l.anchor(row, Some(s)).or_else(|| l.anchor(row, None)))))
            }
            _ => None,
        })?;
        let (x, y) = anchor.unwrap_or((0.0, 0.0));
        let w = width.get_untracked();
        Some(view! { <Tooltip facts=facts(cref, lang) x=x y=y width=w/> })
    };
    let label = move || def.title.get(st.lang.get());
    view! {
        <div class="chart-wrap" node_ref=wrap>
            <canvas node_ref=canvas_ref role="img" aria-label=label
                aria-describedby=format!("table-{}", def.dataset)
                on:pointermove=pointer on:pointerdown=pointer on:pointerleave=leave></canvas>
            {tip}
            {move || error.get().map(|e| view! {
                <p class="chart-error" role="alert">{i18n::CHART_ERROR.get(st.lang.get())}{e}</p>
            })}
        </div>
    }
}
