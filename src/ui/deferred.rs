//! Build what the reader sees first, the rest on demand: a part of the page is built when it
//! comes within a screen of the viewport, when the whole page is asked for (printing, find in
//! page), or at once when a deep link or a search names it. Built parts stay built.
//!
//! Layer: ui. An IntersectionObserver per placeholder, disconnected once it has fired or its
//! owner is cleaned up.

use super::state::use_app_state;
use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How far beyond the viewport a part is built, and a chart is kept drawn: one screen each way.
pub const NEAR: &str = "100% 0px 100% 0px";

/// Follow whether `el` is within [`NEAR`] of the viewport. With `once`, stop at the first time it
/// is (the signal then stays true).
pub fn observe_near(el: &web_sys::Element, near: RwSignal<bool>, once: bool) {
    let keep: StoredValue<Option<SendWrapper<web_sys::IntersectionObserver>>> = StoredValue::new(None);
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(entry) = entries.iter().last() else { return };
        let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else { return };
        let now = entry.is_intersecting();
        if near.get_untracked() != now {
            near.set(now);
        }
        if now && once {
            keep.with_value(|o| {
                if let Some(o) = o {
                    o.disconnect();
                }
            });
        }
    });
    let opts = web_sys::IntersectionObserverInit::new();
    opts.set_root_margin(NEAR);
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &opts) else {
        // No observer (a very old browser): treat everything as near.
        near.set(true);
        return;
    };
    observer.observe(el);
    keep.set_value(Some(SendWrapper::new(observer.clone())));
    let hold = SendWrapper::new((observer, cb));
    on_cleanup(move || hold.0.disconnect());
}

/// A signal that follows whether the element behind `node` is near the viewport.
pub fn track_near(node: NodeRef<Div>) -> RwSignal<bool> {
    let near = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            observe_near(&el, near, false);
        }
    });
    near
}

/// A part of the page built when it nears the viewport (or when `key` is wanted, or everything
/// is). Until then it reserves `reserve` pixels so the page keeps roughly its length.
#[component]
pub fn Deferred(
    /// What a deep link or a search names to have this part built at once (a dataset id).
    key: &'static str,
    /// Height kept free until the part is built, in CSS pixels.
    reserve: u32,
    children: ChildrenFn,
) -> impl IntoView {
    let st = use_app_state();
    let el = NodeRef::<Div>::new();
    let near = RwSignal::new(false);
    let built = Memo::new(move |_| near.get() || st.build_all.get() || st.wanted.with(|w| w.contains(&key)));
    Effect::new(move |_| {
        if built.get_untracked() {
            return;
        }
        if let Some(div) = el.get() {
            observe_near(&div, near, true);
        }
    });
    let style = move || (!built.get()).then(|| format!("min-height:{reserve}px"));
    view! {
        <div class="deferred" node_ref=el style=style data-built=move || built.get().to_string()>
            {move || built.get().then(|| children())}
        </div>
    }
}
