//! A canvas chart: sized to its container, drawn at the device pixel ratio, explored by
//! pointer, touch or keyboard, with a DOM legend that hides and isolates series.
//!
//! Layer: ui. Wiring only. The spec comes from a memo; drawing happens in an effect that reruns
//! on language, theme, width, hover, focus, selection or hidden series; a figure chosen in the
//! search takes the keyboard focus. Hit tests use the `Layout` the draw function returns; which
//! cell, which entity, which tooltip and where focus goes are decided by `views::interact` (and,
//! for the search, `views::search`).

use super::chart_card::desc_id;
use super::deferred::track_near;
use super::drawing::{paint, selected_rows, tip_view, DrawInputs};
use super::perf;
use super::size::track_width;
use super::state::{use_app_state, AppState};
use crate::chart::{Layout, View};
use crate::i18n;
use crate::views::interact::{announce, next_focus, should_draw, toggle_series, toggled, tooltip};
use crate::views::provenance::facts_lines;
use crate::views::search::drawn_at;
use crate::views::{Built, ChartDef};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;

/// What the chart's event handlers share.
#[derive(Clone, Copy)]
struct ChartCtx {
    st: AppState,
    def: &'static ChartDef,
    built: Memo<Built>,
    /// The row (and series) under the pointer.
    hover: RwSignal<Option<(usize, Option<usize>)>>,
    /// The row reached by the keyboard.
    focus: RwSignal<Option<usize>>,
    /// The row and series of a figure chosen in the search, while the canvas keeps the focus:
    /// its tooltip shows that series.
    revealed: RwSignal<Option<(usize, usize)>>,
    hidden: RwSignal<Vec<usize>>,
    layout: StoredValue<Layout>,
    /// When the pointer last changed the hovered item, for the redraw-latency benchmark.
    pointer_at: StoredValue<Option<f64>>,
}

impl ChartCtx {
    fn rows(&self) -> usize {
        self.built.with_untracked(|b| match b {
            Built::Canvas { spec, .. } => spec.row_count(),
            _ => 0,
        })
    }

    /// Select (or unselect) the entity a row stands for.
    fn choose(&self, row: usize) {
        let entity = self.built.with_untracked(|b| match b {
            Built::Canvas { drawn, .. } => drawn.entity_of(row),
            _ => None,
        });
        if let Some(e) = entity {
            self.st.selected.set(toggled(self.st.selected.get_untracked(), e));
        }
    }

    fn pointer(&self, ev: &web_sys::PointerEvent) {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let t = perf::now();
        let hit = self.layout.with_value(|l| l.hit(x, y));
        if self.hover.get_untracked() != hit {
            self.pointer_at.set_value(Some(t));
            self.hover.set(hit);
        }
        if self.focus.get_untracked().is_some() && hit.is_some() {
            self.focus.set(None);
        }
    }

    fn click(&self, ev: &web_sys::MouseEvent) {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        if let Some((row, _)) = self.layout.with_value(|l| l.hit(x, y)) {
            self.choose(row);
        }
    }

    fn key(&self, ev: &web_sys::KeyboardEvent) {
        let key = ev.key();
        match key.as_str() {
            "Enter" | " " => {
                if let Some(r) = self.focus.get_untracked() {
                    ev.prevent_default();
                    self.choose(r);
                }
            }
            "Escape" => {
                self.focus.set(None);
                self.hover.set(None);
                self.st.selected.set(None);
            }
            "ArrowDown" | "ArrowUp" | "ArrowLeft" | "ArrowRight" | "Home" | "End" | "PageUp" | "PageDown" => {
                ev.prevent_default();
                self.hover.set(None);
                self.focus.set(next_focus(self.focus.get_untracked(), &key, self.rows()));
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

/// Draw when built; afterwards redraw when what the chart shows changes, if it is near the
/// viewport (else when it comes back). Records the benchmark's timings.
fn draw_effect(
    cx: ChartCtx,
    canvas_ref: NodeRef<Canvas>,
    (width, near): (RwSignal<f64>, RwSignal<bool>),
    error: RwSignal<Option<String>>,
) {
    let selected = selected_rows(cx.st, cx.built);
    let last = StoredValue::new(None::<DrawInputs>);
    Effect::new(move |_| {
        let w = width.get();
        let Some(el) = canvas_ref.get() else { return };
        if w < 1.0 {
            return;
        }
        let mut now = DrawInputs::read(&cx.st, cx.def.id, w);
        now.highlight = cx.focus.get().or_else(|| cx.hover.get().map(|h| h.0));
        now.hidden = cx.hidden.get();
        let near = near.get() || cx.st.printing.get();
        if !last.with_value(|l| should_draw(l.as_ref(), &now, near)) {
            return;
        }
        let first = last.with_value(Option::is_none);
        let theme = cx.st.theme_untracked();
        let view = View {
            highlight: now.highlight,
            selected: selected.get_untracked(),
            hidden: now.hidden.clone(),
            ..View::default()
        };
        last.set_value(Some(now));
        cx.built.with_untracked(|b| match paint(&el, b, &theme, &view, w) {
            None => {}
            Some(Ok((l, t0, t1))) => {
                cx.layout.set_value(l);
                perf::record(cx.def.id, "draw", t1 - t0);
                if first {
                    perf::record(cx.def.id, "first-draw", t1 - t0);
                    perf::record(cx.def.id, "first-draw-at", t1);
                }
                if let Some(tp) = cx.pointer_at.get_value() {
                    cx.pointer_at.set_value(None);
                    perf::record(cx.def.id, "hover", t1 - tp);
                }
                error.set(None);
            }
            Some(Err(e)) => error.set(Some(e)),
        });
    });
}

/// A figure chosen in the search (`AppState::reveal`): once this chart has drawn, its canvas
/// takes the focus and the figure's row the keyboard focus, which shows the tooltip and
/// announces it, as if the reader had stepped there with the arrow keys.
fn reveal_effect(cx: ChartCtx, canvas_ref: NodeRef<Canvas>) {
    Effect::new(move |_| {
        let Some(r) = cx.st.reveal.get().filter(|r| r.chart == cx.def.id) else { return };
        let Some(el) = canvas_ref.get() else { return };
        cx.st.reveal.set(None);
        let at = cx.built.with_untracked(|b| match b {
            Built::Canvas { drawn, .. } => drawn_at(drawn, r.cell),
            _ => None,
        });
        let Some((row, series)) = at else { return };
        leptos::task::spawn_local(async move {
            for _ in 0..100 {
                if el.has_attribute("data-drawn") {
                    break;
                }
                gloo::timers::future::TimeoutFuture::new(30).await;
            }
            super::search::focus_quietly(&el);
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
    let st = use_app_state();
    let lang = st.lang;
    let wrap = NodeRef::<Div>::new();
    let canvas_ref = NodeRef::<Canvas>::new();
    let width = track_width(wrap);
    let error = RwSignal::new(None::<String>);
    let cx = ChartCtx {
        st,
        def,
        built,
        hover: RwSignal::new(None),
        focus: RwSignal::new(None),
        revealed: RwSignal::new(None),
        hidden,
        layout: StoredValue::new(Layout::default()),
        pointer_at: StoredValue::new(None),
    };
    // A new reading (metric, sort, language) keeps hidden series only while they still exist.
    Effect::new(move |_| {
        let n = built.with(|b| match b {
            Built::Canvas { spec, .. } => spec.series().len(),
            _ => 0,
        });
        if cx.hidden.with_untracked(|h| h.iter().any(|&i| i >= n)) {
            cx.hidden.update(|h| h.retain(|&i| i < n));
        }
    });
    draw_effect(cx, canvas_ref, (width, track_near(wrap)), error);
    reveal_effect(cx, canvas_ref);

    // The item being explored: keyboard focus first, then the pointer.
    let tip = move || {
        let (row, series) = cx.focus.get().map(|r| (r, cx.focus_series(r))).or_else(|| cx.hover.get())?;
        let anchor = cx.layout.with_value(|lay| lay.anchor(row, series).or_else(|| lay.anchor(row, None)));
        let (x, y) = anchor.unwrap_or((0.0, 0.0));
        let w = width.get_untracked();
        cx.hidden.with(|h| built.with(|b| tip_view(b, (row, series), h, lang.get(), (x, y, w))))
    };
    let announce = move || {
        let row = cx.focus.get()?;
        let series = cx.focus_series(row);
        cx.hidden.with(|h| {
            built.with(|b| match (b, series) {
                (Built::Canvas { drawn, .. }, None) => announce(drawn, row, h, lang.get()),
                (Built::Canvas { drawn, .. }, Some(_)) => {
                    tooltip(drawn, row, series, h, lang.get()).map(|t| facts_lines(&t.facts, lang.get()).join(". "))
                }
                _ => None,
            })
        })
    };
    let label = move || format!("{} {}", def.title.get(lang.get()), i18n::KEYS_HINT.get(lang.get()));
    view! {
        <Legend cx=cx/>
        <div class="chart-wrap" node_ref=wrap>
            <canvas node_ref=canvas_ref role="img" tabindex="0" aria-label=label aria-describedby=desc_id(def)
                on:pointermove=move |ev| cx.pointer(&ev) on:pointerdown=move |ev| cx.pointer(&ev)
                on:pointerleave=move |ev: web_sys::PointerEvent| if ev.pointer_type() != "touch" { cx.hover.set(None) }
                on:click=move |ev| cx.click(&ev) on:keydown=move |ev| cx.key(&ev) on:blur=move |_| cx.clear()></canvas>
            {tip}
            <p class="sr-only" aria-live="polite" data-testid="live">{announce}</p>
            {move || error.get().map(|e| view! {
                <p class="chart-error" role="alert">{i18n::CHART_ERROR.get(lang.get())}{e}</p>
            })}
        </div>
    }
}

/// The DOM legend of a chart with several series: a click hides or shows a series, Alt-click
/// shows it alone. Its entries are rebuilt only when the number of series changes; names and
/// colours follow the language and theme.
#[component]
fn Legend(cx: ChartCtx) -> impl IntoView {
    let lang = cx.st.lang;
    let series = move |i: usize| {
        cx.built.with(|b| match b {
            Built::Canvas { spec, .. } => spec.series().get(i).cloned(),
            _ => None,
        })
    };
    let count = Memo::new(move |_| {
        cx.built.with(|b| match b {
            Built::Canvas { spec, .. } => spec.series().len(),
            _ => 0,
        })
    });
    let hint = move || i18n::LEGEND_HINT.get(lang.get());
    move || {
        let n = count.get();
        (n > 1).then(|| {
            let items = (0..n)
                .map(|i| {
                    let swatch = move || {
                        let theme = cx.st.theme();
                        let colour = theme.series[series(i).map_or(i, |s| s.color) % theme.series.len()].hex();
                        format!("color:{colour};background:{colour};border-color:{colour}")
                    };
                    let on = move || !cx.hidden.get().contains(&i);
                    let toggle = move |ev: web_sys::MouseEvent| {
                        cx.hidden.update(|h| *h = toggle_series(h, i, n, ev.alt_key()));
                    };
                    view! {
                        <li><button type="button" class="legend-item" aria-pressed=move || on().to_string()
                            data-series=i.to_string() on:click=toggle>
                            <span class="swatch" style=swatch></span>
                            {move || series(i).map(|s| s.name).unwrap_or_default()}
                        </button></li>
                    }
                })
                .collect_view();
            view! { <ul class="legend" aria-label=hint title=hint>{items}</ul> }
        })
    }
}
