//! Build what the reader sees first, the rest on demand: a part of the page is built when it
//! comes within a screen of the viewport, when everything is asked for (printing, find in page)
//! or at once when a deep link, a search or a tour step names it. Built parts stay built.
//!
//! Layer: ui. An IntersectionObserver per placeholder, disconnected once fired or cleaned up.

use super::state::use_app_state;
use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How far beyond the viewport a part is built: one screen each way.
pub const NEAR: &str = "100% 0px 100% 0px";

/// How far beyond the viewport a chart redraws at once when what it shows changes: a quarter of a
/// screen each way (redrawn before it scrolls into view; those further off wait for the reader).
pub const NEAR_DRAW: &str = "25% 0px 25% 0px";

thread_local! {
    /// Jobs waiting for a task of their own, in order.
    static QUEUE: std::cell::RefCell<std::collections::VecDeque<Box<dyn FnOnce()>>> = Default::default();
    /// Whether a task to run the next of them is scheduled.
    static PUMPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run each job in a task of its own, after those queued before it: the parts that come near the
/// viewport together and the map's start-up are built one per task, not in one long task that
/// blocks the reader's input.
pub fn in_turn(jobs: impl IntoIterator<Item = Box<dyn FnOnce()>>) {
    QUEUE.with(|q| q.borrow_mut().extend(jobs));
    if !PUMPING.with(|p| p.replace(true)) {
        next_job();
    }
}

/// Whether jobs are still waiting for their turn (parts of the page being built).
pub fn busy() -> bool {
    PUMPING.with(|p| p.get())
}

fn next_job() {
    gloo::timers::callback::Timeout::new(0, || match QUEUE.with(|q| q.borrow_mut().pop_front()) {
        Some(job) => {
            job();
            next_job();
        }
        None => PUMPING.with(|p| p.set(false)),
    })
    .forget();
}

/// Follow whether `el` is within `margin` of the viewport; with `once`, only until it first is (the
/// signal is then set in its turn, see [`in_turn`], unless the part was cleaned up meanwhile).
pub fn observe_near(el: &web_sys::Element, near: RwSignal<bool>, once: bool, margin: &str) {
    let keep: StoredValue<Option<SendWrapper<web_sys::IntersectionObserver>>> = StoredValue::new(None);
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(entry) = entries.iter().last() else { return };
        let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else { return };
        let now = entry.is_intersecting();
        if once && now {
            keep.with_value(|o| o.iter().for_each(|o| o.disconnect()));
            in_turn([Box::new(move || _ = near.try_set(true)) as Box<dyn FnOnce()>]);
        } else if !once && near.get_untracked() != now {
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
    let built = Memo::new(move |_| near.get() || st.build_all.get() || st.wanted.get().contains(&key));
    Effect::new(move |_| {
        if let Some(div) = el.get().filter(|_| !built.get_untracked()) {
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

/// The page below the first screen, built once the map's first frame is drawn (so the reader sees
/// the map sooner and no task builds both; the map's card keeps a screen's height meanwhile), or at
/// once when everything is asked for or the address names a part of it (a `#place`, a tour step).
#[component]
pub fn AfterFirst(children: ChildrenFn) -> impl IntoView {
    let st = use_app_state();
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).is_some_and(|h| h.len() > 1);
    let now = hash || !st.wanted.get_untracked().is_empty();
    // A memo: it changes once, from false to true, so the part is built once.
    let built = Memo::new(move |_| now || st.first_screen.get() || st.build_all.get());
    move || built.get().then(|| children())
}
