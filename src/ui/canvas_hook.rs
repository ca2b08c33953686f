//! What every canvas of the page shares, the charts' and the map's: its width (kept by a
//! ResizeObserver), whether it is near the viewport, drawing the built spec at the device pixel
//! ratio when what it draws changes, the layout the draw returns for hit tests, choosing a row's
//! entity, a row's tooltip, and the line that reports a failed draw.
//!
//! Layer: ui. What a canvas draws is one tracked value — its build, theme, width and `View` — so
//! a new input of the build redraws it by itself; whether to draw now is
//! `views::interact::should_draw` (a canvas far off screen keeps its pixels until it comes near).

use super::deferred::track_near;
use super::perf;
use super::state::{use_app_state, AppState, Read};
use super::tooltip::Tooltip;
use crate::chart::{canvas, Frame, Layout, Theme, View};
use crate::i18n;
use crate::views::interact::{should_draw, tooltip};
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
    /// The canvas's container, whose width it takes.
    pub wrap: NodeRef<Div>,
    pub canvas: NodeRef<Canvas>,
    pub width: RwSignal<f64>,
    pub near: RwSignal<bool>,
    /// The layout of the last drawing, for hit tests and anchors.
    pub layout: StoredValue<Layout>,
    error: RwSignal<Option<String>>,
    /// When the pointer last changed the hovered item, for the benchmark's redraw latency.
    pointer_at: StoredValue<Option<f64>>,
}

/// Everything a drawing shows: a change of any of it redraws.
#[derive(Clone, PartialEq)]
struct Drawing {
    /// How many times the build has changed.
    build: u64,
    theme: Theme,
    width: f64,
    view: View,
}

/// Observe an element's content width into a signal; disconnects when the owner is cleaned up.
/// The first width is set in a task of its own (unless the page is printing, which needs every
/// chart drawn before it is laid out): the first drawing then runs after the browser has shown
/// the frame that laid the chart's box out, not inside it, so neither is one long task. Its first
/// report arrives after the browser's layout and before it paints, so nothing forces a layout
/// while the page is being built (reading `clientWidth` here cost more than a hundred
/// milliseconds at start).
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
            if was < 1.0 && !printing.get_untracked() {
                gloo::timers::callback::Timeout::new(0, move || {
                    width.try_set(w);
                })
                .forget();
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
    pub fn new(def: &'static ChartDef, built: Memo<Built>) -> CanvasHook {
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
            error: RwSignal::new(None),
            pointer_at: StoredValue::new(None),
        }
    }

    /// Draw when built, then whenever what is drawn changes, if the canvas is near the viewport
    /// (or the page is printing). `view` reads, tracking them, what the caller draws besides the
    /// selection (highlight, hidden series, camera, centre); `drawn` follows each drawing. The
    /// map's first frame is the first screen. Records the benchmark's timings.
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
        let selected = Memo::new(move |_| {
            let sel = cx.st.selected.get();
            sel.map(|e| cx.built.with(|b| b.rows_with(e))).unwrap_or_default()
        });
        let last = StoredValue::new(None::<Drawing>);
        let map = cx.def.kind.is_map();
        Effect::new(move |_| {
            let width = cx.width.get();
            let Some(el) = cx.canvas.get() else { return };
            if width < 1.0 {
                return;
            }
            let now = Drawing {
                build: build.get(),
                theme: cx.st.theme(),
                width,
                view: View { selected: selected.get(), ..view() },
            };
            if !last.with_value(|l| should_draw(l.as_ref(), &now, cx.near.get() || cx.st.printing.get())) {
                return;
            }
            let first = last.with_value(Option::is_none);
            let dpr = window().device_pixel_ratio();
            let t0 = perf::now();
            let result = cx.built.with_untracked(|b| {
                b.canvas()
                    .map(|(spec, _)| canvas::render(&el, spec, &Frame::default(), &now.theme, &now.view, width, dpr))
            });
            let t1 = perf::now();
            match result {
                None => {}
                Some(Ok(l)) => {
                    let _ = el.set_attribute("data-drawn", "1");
                    let id = cx.def.id;
                    perf::record(id, if map { "map-frame" } else { "draw" }, t1 - t0);
                    if first && !map {
                        perf::record(id, "first-draw", t1 - t0);
                        perf::record(id, "first-draw-at", t1);
                    }
                    if let Some(tp) = cx.pointer_at.get_value() {
                        cx.pointer_at.set_value(None);
                        perf::record(id, "hover", t1 - tp);
                    }
                    drawn(&l, &now.view, &el);
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

    /// The pointer changed the hovered item at `t` (the benchmark's redraw latency starts here).
    pub fn pointed(&self, t: f64) {
        self.pointer_at.set_value(Some(t));
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

    /// The tooltip of a row (and series) at a point of the canvas (tracks the build and language).
    pub fn tip(&self, (row, series): (usize, Option<usize>), hidden: &[usize], (x, y): (f64, f64)) -> Option<AnyView> {
        let lang = self.st.lang.get();
        let tip = self.built.with(|b| tooltip(b.drawn()?, row, series, hidden, lang))?;
        let width = self.width.get_untracked();
        Some(view! { <Tooltip facts=tip.facts extra=tip.extra x=x y=y width=width/> }.into_any())
    }

    /// The line that says a drawing failed, and why.
    pub fn error_line(self) -> impl IntoView {
        let lang = self.st.lang;
        move || {
            self.error
                .get()
                .map(|e| view! { <p class="chart-error" role="alert">{i18n::CHART_ERROR.get(lang.get())}{e}</p> })
        }
    }
}
