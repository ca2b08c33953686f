//! The flows layer's optional animation: a switch among the map's tools, and an overlay on which
//! dots travel along the arcs. Off until asked; never under reduced motion (the switch says why);
//! paused off screen; not printed.
//!
//! Layer: ui. Where the dots are at a moment is `views::interact::motion`'s.

use super::state::AppState;
use crate::chart::Layout;
use crate::i18n;
use crate::views::interact::motion::{animates, dots};
use crate::views::state::Intent;
use leptos::html::Canvas;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::Cell;
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
    let label = move || if reduced.get() { i18n::FLOW_MOTION_REDUCED } else { i18n::FLOW_MOTION }.get(st.lang.get());
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
        frame(Rc::new(Overlay { el, map, layout, colour: dot, running: running.clone() }), 1);
        let stop = SendWrapper::new(running);
        on_cleanup(move || stop.set(false));
    });
    move || {
        run.get().then(|| {
            view! { <canvas class="motion-layer" node_ref=overlay aria-hidden="true" data-testid="flow-motion-layer"></canvas> }
        })
    }
}

/// The overlay being animated and what its frames read.
struct Overlay {
    el: web_sys::HtmlCanvasElement,
    map: web_sys::HtmlCanvasElement,
    layout: StoredValue<Layout>,
    colour: String,
    running: Rc<Cell<bool>>,
}

/// Paint frame `n` at the next animation frame, and so on until `running` is cleared.
fn frame(o: Rc<Overlay>, n: u32) {
    let next = Closure::once_into_js(move |ts: f64| {
        let Some(cx) = o.el.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()) else { return };
        if o.running.get() {
            paint(&o, &cx, ts / 1000.0);
            let _ = o.el.set_attribute("data-frame", &n.to_string());
            frame(o, n.wrapping_add(1));
        } else {
            cx.clear_rect(0.0, 0.0, o.el.width() as f64, o.el.height() as f64);
        }
    });
    let _ = window().request_animation_frame(next.unchecked_ref());
}

/// One frame: the overlay takes the map canvas's size and the dots of the moment are drawn.
fn paint(o: &Overlay, cx: &web_sys::CanvasRenderingContext2d, t: f64) {
    let (el, map) = (&o.el, &o.map);
    if el.width() != map.width() || el.height() != map.height() {
        el.set_width(map.width());
        el.set_height(map.height());
    }
    // The map canvas is drawn at the device pixel ratio; reading it, not the canvas's CSS size,
    // keeps every frame free of layout.
    let scale = crate::chart::canvas::device_scale(window().device_pixel_ratio());
    let _ = cx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    cx.clear_rect(0.0, 0.0, el.width() as f64, el.height() as f64);
    let _ = cx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    // `try_`: a frame already requested when the map goes away finds nothing to draw.
    let area = |m: &crate::chart::map::MapHit| (0.0, m.top, m.fit.width, m.top + m.fit.height);
    let shown = o.layout.try_with_value(|l| l.map.as_ref().map(|m| dots(&m.lines, t, area(m)))).flatten();
    cx.set_fill_style_str(&o.colour);
    for d in shown.unwrap_or_default() {
        cx.begin_path();
        let _ = cx.arc(d.x, d.y, d.r, 0.0, std::f64::consts::TAU);
        cx.fill();
    }
}
