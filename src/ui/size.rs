//! The content width of an element as a signal, kept by a ResizeObserver that is disconnected
//! with its owner.
//!
//! Layer: ui.

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Observe an element's content width into a signal; disconnects when the owner is cleaned up.
/// A new width is set in a task of its own, never inside the observer's callback (unless the
/// page is printing, which needs every chart drawn before it is laid out): the drawing it
/// starts changes the chart's height, and a layout change inside the callback makes the
/// browser report "ResizeObserver loop completed with undelivered notifications" as an error
/// (every engine did after a resize to a phone's width). The first drawing also runs after the
/// browser has shown the frame that laid the chart's box out, so neither is one long task.
fn observe_width(el: &web_sys::Element, width: RwSignal<f64>, printing: RwSignal<bool>) {
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let w = entry.content_rect().width().floor();
            let was = width.get_untracked();
            if (w - was).abs() < 1.0 {
                return;
            }
            if !printing.get_untracked() {
                gloo::timers::callback::Timeout::new(0, move || {
                    width.try_set(w);
                })
                .forget();
            } else {
                width.set(w);
            }
        }
    });
    let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else { return };
    ro.observe(el);
    let keep = SendWrapper::new((ro, cb));
    on_cleanup(move || keep.0.disconnect());
}

/// The content width of `wrap`, kept by a ResizeObserver. Its first report arrives after the
/// browser's layout and before it paints, so nothing forces a layout while the page is being
/// built (reading `clientWidth` here cost more than a hundred milliseconds at start).
pub fn track_width(wrap: NodeRef<Div>) -> RwSignal<f64> {
    let width = RwSignal::new(0.0f64);
    let printing = super::state::use_app_state().printing;
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            observe_width(&el, width, printing);
        }
    });
    width
}
