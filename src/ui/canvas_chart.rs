//! A canvas chart: sized to its container, drawn at the device pixel ratio, explored by
//! pointer, touch or keyboard, with a DOM legend that hides and isolates series.
//!
//! Layer: ui. The spec comes from a memo; drawing happens in an effect that reruns on
//! language, theme, width, hover, focus, selection or hidden series. Hit tests use the `Layout`
//! the draw function returns; the component never re-derives geometry.

use super::i18n;
use super::state::use_app_state;
use super::tooltip::Tooltip;
use crate::chart::{canvas, Frame, Layout, View};
use crate::spec::interact::{next_focus, row_entity, rows_with, toggle_series};
use crate::spec::provenance::{facts, facts_lines};
use crate::spec::{Built, CellRef, ChartDef};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Observe an element's content width into a signal; disconnects when the owner is cleaned up.
pub(super) fn observe_width(el: &web_sys::Element, width: RwSignal<f64>) {
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

/// The content width of `wrap`, read once mounted and then kept by a ResizeObserver.
pub(super) fn track_width(wrap: NodeRef<Div>) -> RwSignal<f64> {
    let width = RwSignal::new(0.0f64);
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            let w = el.client_width() as f64;
            if w > 0.0 {
                width.set(w);
            }
            observe_width(&el, width);
        }
    });
    width
}

/// The drawn rows of a chart that carry the selected entity (linked selection).
pub(super) fn selected_rows(st: super::state::AppState, built: Memo<Built>) -> Memo<Vec<usize>> {
    Memo::new(move |_| {
        let sel = st.selected.get();
        built.with(|b| match (b, sel) {
            (Built::Canvas { refs, .. }, Some(e)) => rows_with(refs, e),
            _ => Vec::new(),
        })
    })
}

/// Draw a built chart on its canvas at the device pixel ratio, mark the canvas drawn, and return
/// the layout with the draw's start and end times (for the benchmark). `None` for a non-canvas build.
pub(super) fn paint(
    el: &web_sys::HtmlCanvasElement,
    built: &Built,
    theme: &crate::chart::Theme,
    view: &View,
    width: f64,
) -> Option<Result<(Layout, f64, f64), String>> {
    let Built::Canvas { spec, .. } = built else { return None };
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let t0 = now();
    let result = canvas::render(el, spec, &Frame::default(), theme, view, width, dpr);
    let t1 = now();
    Some(result.map(|l| {
        let _ = el.set_attribute("data-drawn", "1");
        (l, t0, t1)
    }))
}

/// Milliseconds since navigation start.
pub(super) fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Report a timing to `window.__atlasPerf` when a benchmark has installed that array.
pub(super) fn perf_record(chart: &str, kind: &str, ms: f64) {
    let Some(win) = web_sys::window() else { return };
    let Ok(arr) = js_sys::Reflect::get(&win, &"__atlasPerf".into()) else { return };
    if let Ok(arr) = arr.dyn_into::<js_sys::Array>() {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"chart".into(), &chart.into());
        let _ = js_sys::Reflect::set(&o, &"kind".into(), &kind.into());
        let _ = js_sys::Reflect::set(&o, &"ms".into(), &ms.into());
        arr.push(&o);
    }
}

/// The cell behind a row (and series), falling back to the row's first visible cell; the
/// other visible cells of the row come second. Hidden series are never reported.
pub(super) fn cell_at(
    built: &Built,
    row: usize,
    series: Option<usize>,
    hidden: &[usize],
) -> Option<(CellRef, Vec<CellRef>)> {
    let Built::Canvas { refs, .. } = built else { return None };
    let r = refs.get(row)?;
    let visible = |j: &usize| !hidden.contains(j) && r.get(*j).is_some_and(Option::is_some);
    let s = series.filter(visible).or_else(|| (0..r.len()).find(visible))?;
    let main = r[s]?;
    let others = (0..r.len()).filter(|j| *j != s && visible(j)).filter_map(|j| r[j]).collect();
    Some((main, others))
}

/// A chart drawn on a canvas.
#[component]
pub fn CanvasChart(def: &'static ChartDef, built: Memo<Built>) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let wrap = NodeRef::<Div>::new();
    let canvas_ref = NodeRef::<Canvas>::new();
    let width = track_width(wrap);
    let hover = RwSignal::new(None::<(usize, Option<usize>)>);
    let focus = RwSignal::new(None::<usize>);
    let hidden = RwSignal::new(Vec::<usize>::new());
    let layout = StoredValue::new(Layout::default());
    let error = RwSignal::new(None::<String>);
    // When the pointer last changed the hovered item, for the redraw-latency benchmark.
    let pointer_at = StoredValue::new(None::<f64>);
    let drawn_once = StoredValue::new(false);
    let selected_rows = selected_rows(st, built);
    // A new reading (metric, sort, language) keeps hidden series only while they still exist.
    Effect::new(move |_| {
        let n = built.with(|b| match b {
            Built::Canvas { spec, .. } => spec.series().len(),
            _ => 0,
        });
        hidden.update(|h| h.retain(|&i| i < n));
    });

    Effect::new(move |_| {
        let w = width.get();
        let Some(el) = canvas_ref.get() else { return };
        if w < 1.0 {
            return;
        }
        let theme = st.theme();
        let highlight = focus.get().or_else(|| hover.get().map(|h| h.0));
        let view = View { highlight, selected: selected_rows.get(), hidden: hidden.get(), camera: None };
        built.with(|b| match paint(&el, b, &theme, &view, w) {
            None => {}
            Some(Ok((l, t0, t1))) => {
                layout.set_value(l);
                if !drawn_once.get_value() {
                    drawn_once.set_value(true);
                    perf_record(def.id, "first-draw", t1 - t0);
                    perf_record(def.id, "first-draw-at", t1);
                }
                if let Some(tp) = pointer_at.get_value() {
                    pointer_at.set_value(None);
                    perf_record(def.id, "hover", t1 - tp);
                }
                error.set(None);
            }
            Some(Err(e)) => error.set(Some(e)),
        });
    });

    let pointer = move |ev: web_sys::PointerEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let t = now();
        let hit = layout.with_value(|l| l.hit(x, y));
        if hover.get_untracked() != hit {
            pointer_at.set_value(Some(t));
            hover.set(hit);
        }
        if focus.get_untracked().is_some() && hit.is_some() {
            focus.set(None);
        }
    };
    let leave = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "touch" {
            hover.set(None);
        }
    };
    let toggle_select = move |row: usize| {
        let entity = built.with_untracked(|b| match b {
            Built::Canvas { refs, .. } => refs.get(row).and_then(|r| row_entity(r)),
            _ => None,
        });
        if let Some(e) = entity {
            st.selected.update(|s| *s = if *s == Some(e) { None } else { Some(e) });
        }
    };
    let click = move |ev: web_sys::MouseEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        if let Some((row, _)) = layout.with_value(|l| l.hit(x, y)) {
            toggle_select(row);
        }
    };
    let keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let n = built.with_untracked(|b| match b {
            Built::Canvas { spec, .. } => spec.row_count(),
            _ => 0,
        });
        match key.as_str() {
            "Enter" | " " => {
                if let Some(r) = focus.get_untracked() {
                    ev.prevent_default();
                    toggle_select(r);
                }
            }
            "Escape" => {
                focus.set(None);
                hover.set(None);
                st.selected.set(None);
            }
            "ArrowDown" | "ArrowUp" | "ArrowLeft" | "ArrowRight" | "Home" | "End" | "PageUp" | "PageDown" => {
                ev.prevent_default();
                hover.set(None);
                focus.set(next_focus(focus.get_untracked(), &key, n));
            }
            _ => {}
        }
    };
    let blur = move |_| {
        focus.set(None);
        hover.set(None);
    };

    // The item being explored: keyboard focus first, then the pointer.
    let current = move || focus.get().map(|r| (r, None)).or_else(|| hover.get());
    let tip = move || {
        let (row, series) = current()?;
        let l = lang.get();
        let (cref, others) = hidden.with(|h| built.with(|b| cell_at(b, row, series, h)))?;
        let anchor = layout.with_value(|lay| lay.anchor(row, series).or_else(|| lay.anchor(row, None)));
        let (x, y) = anchor.unwrap_or((0.0, 0.0));
        let mut main = facts(cref, l);
        let mut extra = Vec::new();
        for c in others {
            let f = facts(c, l);
            extra.push(format!("{}: {}", f.title, f.value));
            // A note on another value in the row travels with the tooltip.
            for n in f.notes {
                if !main.notes.contains(&n) {
                    main.notes.push(n);
                }
            }
        }
        let w = width.get_untracked();
        Some(view! { <Tooltip facts=main extra=extra x=x y=y width=w/> })
    };
    let announce = move || {
        let row = focus.get()?;
        let l = lang.get();
        let (cref, _) = hidden.with(|h| built.with(|b| cell_at(b, row, None, h)))?;
        Some(facts_lines(&facts(cref, l), l).join(". "))
    };
    let legend = move || {
        let l = lang.get();
        let theme = st.theme();
        let series = built.with(|b| match b {
            Built::Canvas { spec, .. } => spec.series().to_vec(),
            _ => Vec::new(),
        });
        let n = series.len();
        (n > 1).then(|| {
            let items = series
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    let colour = theme.series[s.color % theme.series.len()].hex();
                    let on = move || !hidden.get().contains(&i);
                    view! {
                        <li><button type="button" class="legend-item" aria-pressed=move || on().to_string()
                            data-series=i.to_string()
                            on:click=move |ev: web_sys::MouseEvent| hidden.update(|h| *h = toggle_series(h, i, n, ev.alt_key()))>
                            <span class="swatch" style=format!("color:{colour};background:{colour};border-color:{colour}")></span>
                            {s.name}
                        </button></li>
                    }
                })
                .collect_view();
            view! { <ul class="legend" aria-label=i18n::LEGEND_HINT.get(l) title=i18n::LEGEND_HINT.get(l)>{items}</ul> }
        })
    };
    let label = move || format!("{} {}", def.title.get(lang.get()), i18n::KEYS_HINT.get(lang.get()));
    view! {
        {legend}
        <div class="chart-wrap" node_ref=wrap>
            <canvas node_ref=canvas_ref role="img" tabindex="0" aria-label=label
                aria-describedby=format!("table-{}", def.dataset)
                on:pointermove=pointer on:pointerdown=pointer on:pointerleave=leave on:click=click
                on:keydown=keydown on:blur=blur></canvas>
            {tip}
            <p class="sr-only" aria-live="polite" data-testid="live">{announce}</p>
            {move || error.get().map(|e| view! {
                <p class="chart-error" role="alert">{i18n::CHART_ERROR.get(lang.get())}{e}</p>
            })}
        </div>
    }
}
