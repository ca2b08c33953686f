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

/// How far beyond the viewport a part is built: one screen each way.
pub const NEAR: &str = "100% 0px 100% 0px";

/// How far beyond the viewport a chart redraws at once when what it shows changes (language,
/// theme): a quarter of a screen each way, so that it is redrawn before it scrolls into view,
/// while the charts further off wait until the reader comes near them.
pub const NEAR_DRAW: &str = "25% 0px 25% 0px";

thread_local! {
    /// Parts that came near the viewport and wait for their turn to be built.
    static QUEUE: std::cell::RefCell<std::collections::VecDeque<RwSignal<bool>>> = Default::default();
    /// Whether a task to build the next of them is scheduled.
    static PUMPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Set `near` in a task of its own, after those queued before it: the parts that come near the
/// viewport together (a screen and more of them at start, or after a jump) are built one per
/// task, in the order they came, not in one long task that blocks the reader's input.
fn build_in_turn(near: RwSignal<bool>) {
    QUEUE.with(|q| q.borrow_mut().push_back(near));
    if !PUMPING.with(|p| p.replace(true)) {
        build_next();
    }
}

fn build_next() {
    gloo::timers::callback::Timeout::new(0, || match QUEUE.with(|q| q.borrow_mut().pop_front()) {
        Some(near) => {
            // A part cleaned up meanwhile is skipped.
            near.try_set(true);
            build_next();
        }
        None => PUMPING.with(|p| p.set(false)),
    })
    .forget();
}

/// Follow whether `el` is within `margin` of the viewport. With `once`, stop at the first time it
/// is (the signal then stays true, set in its turn: see [`build_in_turn`]).
pub fn observe_near(el: &web_sys::Element, near: RwSignal<bool>, once: bool, margin: &str) {
    let keep: StoredValue<Option<SendWrapper<web_sys::IntersectionObserver>>> = StoredValue::new(None);
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(entry) = entries.iter().last() else { return };
        let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else { return };
        let now = entry.is_intersecting();
        if once {
            if now {
                keep.with_value(|o| {
                    if let Some(o) = o {
                        o.disconnect();
                    }
                });
                build_in_turn(near);
            }
        } else if near.get_untracked() != now {
            near.set(now);
        }
    });
    let opts = web_sys::IntersectionObserverInit::new();
    opts.set_root_margin(margin);
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

/// A signal that follows whether the element behind `node` is within [`NEAR_DRAW`] of the viewport.
pub fn track_near(node: NodeRef<Div>) -> RwSignal<bool> {
    let near = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            observe_near(&el, near, false, NEAR_DRAW);
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
            observe_near(&div, near, true, NEAR);
        }
    });
    let style = move || (!built.get()).then(|| format!("min-height:{reserve}px"));
    view! {
        <div class="deferred" node_ref=el style=style data-built=move || built.get().to_string()>
            {move || built.get().then(|| children())}
        </div>
    }
}

/// The part of the page below the first screen, built once the first screen is drawn (the map's
/// first frame, see `AppState::first_screen`), so that the reader sees the map sooner and no task
/// builds both. Nothing on screen moves: the map's card keeps a screen's height until it is
/// built. It is built at once when it is needed at once: the whole page is asked for (printing),
/// or the address names a part of it (a `#section`, a tour step) that is to be scrolled to.
#[component]
pub fn AfterFirst(children: ChildrenFn) -> impl IntoView {
    let st = use_app_state();
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).is_some_and(|h| h.len() > 1);
    let now = hash || st.wanted.with_untracked(|w| !w.is_empty());
    // A memo: it changes once, from false to true, so the part is built once.
    let built = Memo::new(move |_| now || st.first_screen.get() || st.build_all.get());
    move || built.get().then(|| children())
}

/// Run each step in a task of its own, in order (one `setTimeout(0)` each): the main thread is
/// free between them, so a long start-up job does not block the reader's input as one long task.
pub fn one_task_each(mut steps: Vec<Box<dyn FnOnce()>>) {
    if steps.is_empty() {
        return;
    }
    let first = steps.remove(0);
    gloo::timers::callback::Timeout::new(0, move || {
        first();
        one_task_each(steps);
    })
    .forget();
}
