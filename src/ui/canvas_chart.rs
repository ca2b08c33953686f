//! A canvas chart: sized to its container, drawn at the device pixel ratio, explored by
//! pointer, touch or keyboard, with a DOM legend that hides and isolates series.
//!
//! Layer: ui. Wiring only. Drawing, hit tests, choosing and tooltips are the canvas hook's; which
//! cell, which entity, which tooltip and where focus goes are decided by `views::interact` (and,
//! for a figure chosen in the search, `views::search`).

use super::canvas_hook::CanvasHook;
use super::state::use_app_state;
use crate::chart::View;
use crate::i18n;
use crate::views::anchor::Anchor;
use crate::views::interact::{announce, next_focus, toggle_series, tooltip};
use crate::views::provenance::facts_lines;
use crate::views::search::drawn_at;
use crate::views::state::Intent;
use crate::views::{Built, ChartDef};
use leptos::prelude::*;

/// What the chart's event handlers share.
#[derive(Clone, Copy)]
struct ChartCtx {
    hook: CanvasHook,
    /// The row (and series) under the pointer.
    hover: RwSignal<Option<(usize, Option<usize>)>>,
    /// The row reached by the keyboard.
    focus: RwSignal<Option<usize>>,
    /// The row and series of a figure chosen in the search, while the canvas keeps the focus:
    /// its tooltip shows that series.
    revealed: RwSignal<Option<(usize, usize)>>,
    hidden: RwSignal<Vec<usize>>,
}

impl ChartCtx {
    fn pointer(&self, ev: &web_sys::PointerEvent) {
        let t = super::perf::now();
        let hit = self.hook.hit(ev.offset_x() as f64, ev.offset_y() as f64);
        if self.hover.get_untracked() != hit {
            self.hook.pointed(t);
            self.hover.set(hit);
        }
        if self.focus.get_untracked().is_some() && hit.is_some() {
            self.focus.set(None);
        }
    }

    fn click(&self, ev: &web_sys::MouseEvent) {
        if let Some((row, _)) = self.hook.hit(ev.offset_x() as f64, ev.offset_y() as f64) {
            self.hook.choose(row);
        }
    }

    fn key(&self, ev: &web_sys::KeyboardEvent) {
        let key = ev.key();
        match key.as_str() {
            "Enter" | " " => {
                if let Some(r) = self.focus.get_untracked() {
                    ev.prevent_default();
                    self.hook.choose(r);
                }
            }
            "Escape" => {
                self.clear();
                self.hook.st.dispatch(Intent::Select(None));
            }
            "ArrowDown" | "ArrowUp" | "ArrowLeft" | "ArrowRight" | "Home" | "End" | "PageUp" | "PageDown" => {
                ev.prevent_default();
                self.hover.set(None);
                let rows = self.hook.built.with_untracked(Built::row_count);
                self.focus.set(next_focus(self.focus.get_untracked(), &key, rows));
            }
            _ => {}
        }
    }

    fn clear(&self) {
        self.focus.set(None);
        self.hover.set(None);
        self.revealed.set(None);
    }

    /// The series the tooltip of a focused row shows: the revealed one, else the first.
    fn focus_series(&self, row: usize) -> Option<usize> {
        self.revealed.get().filter(|r| r.0 == row).map(|r| r.1)
    }
}

/// A figure chosen in the search (`AppState::reveal`): once this chart has drawn, its canvas
/// takes the focus and the figure's row the keyboard focus, which shows the tooltip and
/// announces it, as if the reader had stepped there with the arrow keys.
fn reveal_effect(cx: ChartCtx) {
    let st = cx.hook.st;
    Effect::new(move |_| {
        let Some(r) = st.reveal.get().filter(|r| r.chart == cx.hook.def.id) else { return };
        let Some(el) = cx.hook.canvas.get() else { return };
        st.revealed();
        let Some((row, series)) = cx.hook.built.with_untracked(|b| drawn_at(b.drawn()?, r.cell)) else { return };
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
    let lang = use_app_state().lang;
    let cx = ChartCtx {
        hook: CanvasHook::new(def, built),
        hover: RwSignal::new(None),
        focus: RwSignal::new(None),
        revealed: RwSignal::new(None),
        hidden,
    };
    // A new reading (metric, sort, language) keeps hidden series only while they still exist.
    Effect::new(move |_| {
        let n = built.with(|b| b.series().len());
        if cx.hidden.with_untracked(|h| h.iter().any(|&i| i >= n)) {
            cx.hidden.update(|h| h.retain(|&i| i < n));
        }
    });
    let highlight = move || cx.focus.get().or_else(|| cx.hover.get().map(|h| h.0));
    cx.hook.draw(move || View { highlight: highlight(), hidden: cx.hidden.get(), ..View::default() }, |_, _, _| {});
    reveal_effect(cx);

    // The item being explored: keyboard focus first, then the pointer.
    let tip = move || {
        let (row, series) = cx.focus.get().map(|r| (r, cx.focus_series(r))).or_else(|| cx.hover.get())?;
        let anchor = cx.hook.layout.with_value(|lay| lay.anchor(row, series).or_else(|| lay.anchor(row, None)));
        cx.hidden.with(|h| cx.hook.tip((row, series), h, anchor.unwrap_or((0.0, 0.0))))
    };
    let announce = move || {
        let row = cx.focus.get()?;
        let series = cx.focus_series(row);
        let lang = lang.get();
        cx.hidden.with(|h| {
            built.with(|b| match series {
                None => announce(b.drawn()?, row, h, lang),
                Some(_) => tooltip(b.drawn()?, row, series, h, lang).map(|t| facts_lines(&t.facts, lang).join(". ")),
            })
        })
    };
    let label = move || format!("{} {}", def.title.get(lang.get()), i18n::KEYS_HINT.get(lang.get()));
    view! {
        <Legend cx=cx/>
        <div class="chart-wrap" node_ref=cx.hook.wrap>
            <canvas node_ref=cx.hook.canvas role="img" tabindex="0" aria-label=label aria-describedby=Anchor::Desc(def.id).to_string()
                on:pointermove=move |ev| cx.pointer(&ev) on:pointerdown=move |ev| cx.pointer(&ev)
                on:pointerleave=move |ev: web_sys::PointerEvent| if ev.pointer_type() != "touch" { cx.hover.set(None) }
                on:click=move |ev| cx.click(&ev) on:keydown=move |ev| cx.key(&ev) on:blur=move |_| cx.clear()></canvas>
            {tip}
            <p class="sr-only" aria-live="polite" data-testid="live">{announce}</p>
            {cx.hook.error_line()}
        </div>
    }
}

/// The DOM legend of a chart with several series: a click hides or shows a series, Alt-click
/// shows it alone. Its entries are rebuilt only when the number of series changes; names and
/// colours follow the language and theme.
#[component]
fn Legend(cx: ChartCtx) -> impl IntoView {
    let (st, built) = (cx.hook.st, cx.hook.built);
    let count = Memo::new(move |_| built.with(|b| b.series().len()));
    let hint = move || i18n::LEGEND_HINT.get(st.lang.get());
    move || {
        let n = count.get();
        (n > 1).then(|| {
            let items = (0..n)
                .map(|i| {
                    let colour = move || built.with(|b| b.series().get(i).map_or(i, |s| s.color));
                    let swatch = move || {
                        let theme = st.theme();
                        let c = theme.series[colour() % theme.series.len()].hex();
                        format!("color:{c};background:{c};border-color:{c}")
                    };
                    let on = move || !cx.hidden.get().contains(&i);
                    let toggle = move |ev: web_sys::MouseEvent| {
                        cx.hidden.update(|h| *h = toggle_series(h, i, n, ev.alt_key()));
                    };
                    view! {
                        <li><button type="button" class="legend-item" aria-pressed=move || on().to_string()
                            data-series=i.to_string() on:click=toggle>
                            <span class="swatch" style=swatch></span>
                            {move || built.with(|b| b.series().get(i).map(|s| s.name.clone()).unwrap_or_default())}
                        </button></li>
                    }
                })
                .collect_view();
            view! { <ul class="legend" aria-label=hint title=hint>{items}</ul> }
        })
    }
}
