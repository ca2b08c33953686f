//! A canvas chart, explored by pointer, touch or keyboard, with a DOM legend that hides and
//! isolates series.
//!
//! Layer: ui. Wiring only: drawing, tooltips and choosing are the canvas hook's, what keys and
//! legend clicks do `views::interact`'s, which row shows a search's figure `views::search`'s.

use super::canvas_hook::CanvasHook;
use crate::chart::View;
use crate::i18n;
use crate::views::interact::{chart_key, toggle_series, ChartKey};
use crate::views::search::drawn_at;
use crate::views::{Built, ChartDef};
use leptos::prelude::*;

fn pointer(cx: CanvasHook, ev: &web_sys::PointerEvent) {
    let (t, hit) = (super::perf::now(), cx.hit(ev.offset_x() as f64, ev.offset_y() as f64));
    cx.hovered(hit, t);
    if cx.focus.get_untracked().is_some() && hit.is_some() {
        cx.focus.set(None);
    }
}

fn key(cx: CanvasHook, ev: &web_sys::KeyboardEvent) {
    let rows = cx.built.with_untracked(Built::row_count);
    match chart_key(&ev.key(), cx.focus.get_untracked(), rows) {
        Some(ChartKey::Choose(r)) => {
            ev.prevent_default();
            cx.choose(r);
        }
        Some(ChartKey::Clear) => cx.escape(),
        Some(ChartKey::Focus(f)) => {
            ev.prevent_default();
            cx.hover.set(None);
            cx.focus.set(f);
        }
        None => {}
    }
}

/// A figure chosen in the search (`AppState::reveal`): once this chart has drawn, its canvas
/// takes the focus and the figure's row the keyboard focus, which shows the tooltip and
/// announces it, as if the reader had stepped there with the arrow keys.
fn reveal_effect(cx: CanvasHook) {
    Effect::new(move |_| {
        let Some(r) = cx.st.reveal.get().filter(|r| r.chart == cx.def.id) else { return };
        let Some(el) = cx.canvas.get() else { return };
        cx.st.revealed();
        let Some((row, series)) = cx.built.with_untracked(|b| drawn_at(b.drawn()?, r.cell)) else { return };
        leptos::task::spawn_local(async move {
            for _ in 0..100 {
                if el.has_attribute("data-drawn") {
                    break;
                }
                gloo::timers::future::TimeoutFuture::new(30).await;
            }
            super::focus_quietly(&el);
            cx.hover.set(None);
            cx.revealed.set(Some((row, series)));
            cx.focus.set(Some(row));
        });
    });
}

/// A chart drawn on a canvas. Its accessible description is the card's description of it.
#[component]
pub fn CanvasChart(
    def: &'static ChartDef,
    built: Memo<Built>,
    /// Series hidden from the legend (shared with the card, which describes what is shown).
    hidden: RwSignal<Vec<usize>>,
) -> impl IntoView {
    let cx = CanvasHook::new(def, built, hidden);
    // A new reading (metric, sort, language) keeps hidden series only while they still exist.
    Effect::new(move |_| {
        let n = built.with(|b| b.series().len());
        if hidden.with_untracked(|h| h.iter().any(|&i| i >= n)) {
            hidden.update(|h| h.retain(|&i| i < n));
        }
    });
    cx.draw(View::default, |_, _, _| {});
    reveal_effect(cx);
    // The item being explored: keyboard focus first, then the pointer.
    let tip = move || {
        let (row, series) = cx.focus.get().map(|r| (r, cx.focus_series(r))).or_else(|| cx.hover.get())?;
        let anchor = cx.layout.with_value(|lay| lay.anchor(row, series).or_else(|| lay.anchor(row, None)));
        cx.tip((row, series), anchor.unwrap_or((0.0, 0.0)))
    };
    let (label, desc) = cx.names(i18n::KEYS_HINT);
    view! {
        <Legend cx=cx/>
        <div class="chart-wrap" node_ref=cx.wrap>
            <canvas node_ref=cx.canvas role="img" tabindex="0" aria-label=label aria-describedby=desc
                on:pointermove=move |ev| pointer(cx, &ev) on:pointerdown=move |ev| pointer(cx, &ev) on:pointerleave=move |ev| cx.left(&ev)
                on:click=move |ev: web_sys::MouseEvent| {
                    if let Some((row, _)) = cx.hit(ev.offset_x() as f64, ev.offset_y() as f64) { cx.choose(row) }
                }
                on:keydown=move |ev| key(cx, &ev) on:blur=move |_| cx.reset()></canvas>
            {tip}
            {cx.status()}
        </div>
    }
}

/// The DOM legend of a chart with several series: a click hides or shows a series, Alt-click
/// shows it alone. Its entries are rebuilt only when the number of series changes; names and
/// colours follow the language and theme.
#[component]
fn Legend(cx: CanvasHook) -> impl IntoView {
    let (st, built) = (cx.st, cx.built);
    let count = Memo::new(move |_| built.with(|b| b.series().len()));
    let hint = move || i18n::LEGEND_HINT.get(st.lang.get());
    move || {
        let n = count.get();
        (n > 1).then(|| {
            let items = (0..n)
                .map(|i| {
                    let series = move |f: fn(&crate::chart::Series) -> String| built.with(|b| b.series().get(i).map(f));
                    let swatch = move || {
                        let theme = st.theme();
                        let colour = built.with(|b| b.series().get(i).map_or(i, |s| s.color));
                        let c = theme.series[colour % theme.series.len()].hex();
                        format!("color:{c};background:{c};border-color:{c}")
                    };
                    let on = move || !cx.hidden.get().contains(&i);
                    let toggle =
                        move |ev: web_sys::MouseEvent| cx.hidden.update(|h| *h = toggle_series(h, i, n, ev.alt_key()));
                    view! {
                        <li><button type="button" class="legend-item" aria-pressed=move || on().to_string()
                            data-series=i.to_string() on:click=toggle>
                            <span class="swatch" style=swatch></span>
                            {move || series(|s| s.name.clone()).unwrap_or_default()}
                        </button></li>
                    }
                })
                .collect_view();
            view! { <ul class="legend" aria-label=hint title=hint>{items}</ul> }
        })
    }
}
