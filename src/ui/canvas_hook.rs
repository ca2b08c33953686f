//! What every canvas shares, the charts' and the map's: its width and nearness, drawing what it
//! shows at the device pixel ratio, the layout for hit tests, the row explored with its tooltip
//! and announcement, choosing a row's entity, and the line that reports a failed draw.
//!
//! Layer: ui. What a canvas draws is one tracked value (build, theme, width, `View`), so a new
//! input of the build redraws by itself; when to draw is `views::interact::should_draw`'s.

use super::deferred::track_near;
use super::perf;
use super::state::{use_app_state, AppState, Read};
use super::tooltip::Tooltip;
use crate::chart::{canvas, Frame, Layout, Theme, View};
use crate::data::L;
use crate::i18n;
use crate::views::anchor::Anchor;
use crate::views::interact::{announce, should_draw, tooltip};
use crate::views::state::Intent;
use crate::views::{Built, ChartDef};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One canvas of the page and what its handlers share.
#[derive(Clone, Copy)]
pub struct CanvasHook {
    pub st: AppState,
    pub def: &'static ChartDef,
    pub built: Memo<Built>,
    pub wrap: NodeRef<Div>,
    pub canvas: NodeRef<Canvas>,
    pub width: RwSignal<f64>,
    pub near: RwSignal<bool>,
    /// The layout of the last drawing, for hit tests and anchors.
    pub layout: StoredValue<Layout>,
    /// The row (and series) under the pointer, and the row reached by the keyboard.
    pub hover: RwSignal<Option<(usize, Option<usize>)>>,
    pub focus: RwSignal<Option<usize>>,
    /// The row and series of a figure the search revealed, while the canvas keeps the focus.
    pub revealed: RwSignal<Option<(usize, usize)>>,
    /// Series hidden from the legend.
    pub hidden: RwSignal<Vec<usize>>,
    error: RwSignal<Option<String>>,
    /// When the pointer last changed the hovered item, for the benchmark's redraw latency.
    pointer_at: StoredValue<Option<f64>>,
}

/// An element's content width, kept by a ResizeObserver: nothing forces a layout while the page is
/// built (reading `clientWidth` cost 100+ ms at start). A new width is set in a task of its own,
/// never inside the observer's callback (unless printing, which needs every chart drawn before it
/// is laid out): the drawing it starts changes the chart's height, and a layout change inside the
/// callback makes the browser report "ResizeObserver loop completed with undelivered
/// notifications" as an error (every engine did after a resize to a phone's width). The first
/// drawing so also runs after the frame that laid the chart out, not lengthening it.
fn track_width(wrap: NodeRef<Div>, printing: Read<bool>) -> RwSignal<f64> {
    let width = RwSignal::new(0.0f64);
    Effect::new(move |_| {
        let Some(el) = wrap.get() else { return };
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else { return };
            let (w, was) = (entry.content_rect().width().floor(), width.get_untracked());
            if (w - was).abs() < 1.0 {
                return;
            }
            if !printing.get_untracked() {
                gloo::timers::callback::Timeout::new(0, move || _ = width.try_set(w)).forget();
            } else {
                width.set(w);
            }
        });
        let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else { return };
        ro.observe(&el);
        let keep = SendWrapper::new((ro, cb));
        on_cleanup(move || keep.0.disconnect());
    });
    width
}

impl CanvasHook {
    pub fn new(def: &'static ChartDef, built: Memo<Built>, hidden: RwSignal<Vec<usize>>) -> CanvasHook {
        let st = use_app_state();
        let wrap = NodeRef::new();
        CanvasHook {
            st,
            def,
            built,
            wrap,
            canvas: NodeRef::new(),
            width: track_width(wrap, st.printing),
            near: track_near(wrap),
            layout: StoredValue::new(Layout::default()),
            hover: RwSignal::new(None),
            focus: RwSignal::new(None),
            revealed: RwSignal::new(None),
            hidden,
            error: RwSignal::new(None),
            pointer_at: StoredValue::new(None),
        }
    }

    /// Draw when built, then when what is drawn changes (with what `view` adds: the map's camera
    /// and centre) near the viewport or printing; `drawn` follows each drawing. Records timings.
    pub fn draw(
        self,
        view: impl Fn() -> View + 'static,
        drawn: impl Fn(&Layout, &View, &web_sys::HtmlCanvasElement) + 'static,
    ) {
        let cx = self;
        let build = Memo::new(move |n: Option<&u64>| {
            cx.built.track();
            n.map_or(0, |n| n + 1)
        });
        let selected =
            Memo::new(move |_| cx.st.selected.get().map(|e| cx.built.with(|b| b.rows_with(e))).unwrap_or_default());
        // What a drawing shows (the build, counted by its changes, the theme, the width and the
        // view): a change of any of it redraws.
        let (last, map) = (StoredValue::new(None::<(u64, Theme, f64, View)>), cx.def.kind.is_map());
        Effect::new(move |_| {
            let width = cx.width.get();
            let Some(el) = cx.canvas.get().filter(|_| width >= 1.0) else { return };
            let highlight = cx.focus.get().or(cx.hover.get().map(|h| h.0));
            let view = View { highlight, selected: selected.get(), hidden: cx.hidden.get(), ..view() };
            let now = (build.get(), cx.st.theme(), width, view);
            if !last.with_value(|l| should_draw(l.as_ref(), &now, cx.near.get() || cx.st.printing.get())) {
                return;
            }
            let (first, dpr, t0) = (last.with_value(Option::is_none), window().device_pixel_ratio(), perf::now());
            let result = cx.built.with_untracked(|b| {
                b.canvas().map(|(spec, _)| canvas::render(&el, spec, &Frame::default(), &now.1, &now.3, width, dpr))
            });
            let (t1, id) = (perf::now(), cx.def.id);
            match result {
                None => {}
                Some(Ok(l)) => {
                    let _ = el.set_attribute("data-drawn", "1");
                    perf::record(id, if map { "map-frame" } else { "draw" }, t1 - t0);
                    if first && !map {
                        perf::record(id, "first-draw", t1 - t0);
                        perf::record(id, "first-draw-at", t1);
                    }
                    if let Some(tp) = cx.pointer_at.try_update_value(Option::take).flatten() {
                        perf::record(id, "hover", t1 - tp);
                    }
                    drawn(&l, &now.3, &el);
                    cx.layout.set_value(l);
                    if cx.error.with_untracked(Option::is_some) {
                        cx.error.set(None);
                    }
                }
                Some(Err(e)) => cx.error.set(Some(e)),
            }
            last.set_value(Some(now));
            if map {
                cx.st.first_screen_drawn();
            }
        });
    }

    /// The pointer reached `hit` at `t` (where the benchmark's redraw latency starts).
    pub fn hovered(&self, hit: Option<(usize, Option<usize>)>, t: f64) {
        if self.hover.get_untracked() != hit {
            self.pointer_at.set_value(Some(t));
            self.hover.set(hit);
        }
    }

    /// The row and series at a point of the canvas, as last drawn.
    pub fn hit(&self, x: f64, y: f64) -> Option<(usize, Option<usize>)> {
        self.layout.with_value(|l| l.hit(x, y))
    }

    /// Select (or unselect) the entity a row stands for.
    pub fn choose(&self, row: usize) {
        if let Some(e) = self.built.with_untracked(|b| b.entity_of(row)) {
            self.st.dispatch(Intent::Choose(e));
        }
    }

    /// Nothing explored: no row focused, hovered or revealed.
    pub fn reset(&self) {
        self.focus.set(None);
        self.hover.set(None);
        self.revealed.set(None);
    }

    /// Escape: nothing explored, nothing selected.
    pub fn escape(&self) {
        self.reset();
        self.st.dispatch(Intent::Select(None));
    }

    /// The series the tooltip of a focused row shows: the revealed one, else the first.
    pub fn focus_series(&self, row: usize) -> Option<usize> {
        self.revealed.get().filter(|r| r.0 == row).map(|r| r.1)
    }

    /// The tooltip of a row (and series) at a point of the canvas (tracks the build and language).
    pub fn tip(&self, (row, series): (usize, Option<usize>), (x, y): (f64, f64)) -> Option<AnyView> {
        let lang = self.st.lang.get();
        let tip = self.hidden.with(|h| self.built.with(|b| tooltip(b.drawn()?, row, series, h, lang)))?;
        let width = self.width.get_untracked();
        Some(view! { <Tooltip facts=tip.facts extra=tip.extra x=x y=y width=width/> }.into_any())
    }

    /// The canvas's accessible name (its title and how to explore it) and description's id.
    pub fn names(self, hint: L) -> (impl Fn() -> String + Send + Sync + 'static, String) {
        let name = move || format!("{} {}", self.def.title.get(self.st.lang.get()), hint.get(self.st.lang.get()));
        (name, Anchor::Desc(self.def.id).to_string())
    }

    /// A pointer leaving the canvas ends its hover (a finger's stays, as a tap's tooltip).
    pub fn left(&self, ev: &web_sys::PointerEvent) {
        self.hover.update(|h| *h = h.filter(|_| ev.pointer_type() == "touch"));
    }

    /// What a screen reader hears of the row the keyboard reached; the line that says why a draw failed.
    pub fn status(self) -> impl IntoView {
        let lang = self.st.lang;
        let said = move || {
            let row = self.focus.get()?;
            self.hidden.with(|h| self.built.with(|b| announce(b.drawn()?, row, self.focus_series(row), h, lang.get())))
        };
        let error = move || {
            self.error
                .get()
                .map(|e| view! { <p class="chart-error" role="alert">{i18n::CHART_ERROR.get(lang.get())}{e}</p> })
        };
        view! { <p class="sr-only" aria-live="polite" data-testid="live">{said}</p>{error} }
    }
}
