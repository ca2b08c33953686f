//! The optional flow animation of the map's flows layer: a switch among the map's tools, and a
//! canvas laid over the map on which dots travel along the arcs, from China to each partner.
//! Off until the reader asks; never while the system asks for reduced motion (the switch then
//! says why it is unavailable); paused while the map is off screen; not printed.
//!
//! Layer: ui. Where the dots are at a moment is decided by `views::interact::motion`.

use super::state::AppState;
use crate::chart::Layout;
use crate::i18n;
use crate::views::interact::motion::{animates, dots};
use crate::views::state::Intent;
use leptos::html::Canvas;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the reader's system asks for reduced motion, followed live.
pub fn reduced_motion() -> RwSignal<bool> {
    let Some(mq) = window().match_media("(prefers-reduced-motion: reduce)").ok().flatten() else {
        return RwSignal::new(false);
    };
    let reduced = RwSignal::new(mq.matches());
    super::listen(mq, &["change"], move |e: web_sys::MediaQueryListEvent| reduced.set(e.matches()));
    reduced
}

/// The switch among the map's tools (shown on a layer with flows).
#[component]
pub fn MotionSwitch(st: AppState, reduced: RwSignal<bool>) -> impl IntoView {
    let lang = st.lang;
    let label = move || {
        let l = lang.get();
        if reduced.get() {
            i18n::FLOW_MOTION_REDUCED.get(l)
        } else {
            i18n::FLOW_MOTION.get(l)
        }
    };
    view! {
        <button type="button" class="motion-switch" data-testid="flow-motion"
            aria-pressed=move || (st.flow_motion.get() && !reduced.get()).to_string()
            disabled=move || reduced.get()
            on:click=move |_| { st.dispatch(Intent::FlowMotion); }>{label}</button>
    }
}

/// The canvas over the map that the dots are painted on, sized as the map canvas.
#[component]
pub fn MotionLayer(
    st: AppState,
    map: NodeRef<Canvas>,
    layout: StoredValue<Layout>,
    has_flows: Memo<bool>,
    near: RwSignal<bool>,
    reduced: RwSignal<bool>,
) -> impl IntoView {
    let overlay = NodeRef::<Canvas>::new();
    // The overlay exists only while the flows move, so the page otherwise has one canvas per view.
    let run = Memo::new(move |_| animates(st.flow_motion.get(), has_flows.get(), reduced.get()) && near.get());
    Effect::new(move |_| {
        let dot = st.theme().bg.hex();
        let (true, Some(el), Some(map)) = (run.get(), overlay.get(), map.get()) else { return };
        let running = Rc::new(Cell::new(true));
        start(el, map, layout, dot, running.clone());
        let stop = SendWrapper::new(running);
        on_cleanup(move || stop.set(false));
    });
    move || {
        run.get().then(|| {
            view! { <canvas class="motion-layer" node_ref=overlay aria-hidden="true" data-testid="flow-motion-layer"></canvas> }
        })
    }
}

fn clear(el: &web_sys::HtmlCanvasElement) {
    if let Some(cx) = context(el) {
        cx.clear_rect(0.0, 0.0, el.width() as f64, el.height() as f64);
    }
}

fn context(el: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    el.get_context("2d").ok().flatten()?.dyn_into().ok()
}

type Frame = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

/// Paint a frame on every animation frame until `running` is cleared.
fn start(
    el: web_sys::HtmlCanvasElement,
    map: web_sys::HtmlCanvasElement,
    layout: StoredValue<Layout>,
    colour: String,
    running: Rc<Cell<bool>>,
) {
    let frame: Frame = Rc::new(RefCell::new(None));
    let again = frame.clone();
    let mut n = 0u32;
    *frame.borrow_mut() = Some(Closure::new(move |ts: f64| {
        if !running.get() {
            clear(&el);
            // The loop ends: dropping the closure breaks the cycle that kept it alive.
            let _ = again.borrow_mut().take();
            return;
        }
        n = n.wrapping_add(1);
        paint(&el, &map, layout, &colour, ts / 1000.0);
        let _ = el.set_attribute("data-frame", &n.to_string());
        if let Some(f) = again.borrow().as_ref() {
            let _ = window().request_animation_frame(f.as_ref().unchecked_ref());
        }
    }));
    if let Some(f) = frame.borrow().as_ref() {
        let _ = window().request_animation_frame(f.as_ref().unchecked_ref());
    };
}

/// One frame: the overlay takes the map canvas's size and the dots of the moment are drawn.
fn paint(
    el: &web_sys::HtmlCanvasElement,
    map: &web_sys::HtmlCanvasElement,
    layout: StoredValue<Layout>,
    colour: &str,
    t: f64,
) {
    if el.width() != map.width() || el.height() != map.height() {
        el.set_width(map.width());
        el.set_height(map.height());
    }
    let Some(cx) = context(el) else { return };
    // The map canvas is drawn at the device pixel ratio; reading it, not the canvas's CSS size,
    // keeps every frame free of layout.
    let scale = crate::chart::canvas::device_scale(window().device_pixel_ratio());
    let _ = cx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    cx.clear_rect(0.0, 0.0, el.width() as f64, el.height() as f64);
    let _ = cx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    // `try_`: a frame already requested when the map goes away finds nothing to draw.
    let shown = layout
        .try_with_value(|l| {
            l.map.as_ref().map(|m| {
                let area = (0.0, m.top, m.fit.width, m.top + m.fit.height);
                dots(&m.lines, t, area)
            })
        })
        .flatten();
    cx.set_fill_style_str(colour);
    for d in shown.unwrap_or_default() {
        cx.begin_path();
        let _ = cx.arc(d.x, d.y, d.r, 0.0, std::f64::consts::TAU);
        cx.fill();
    }
}
