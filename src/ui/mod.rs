//! The UI layer: thin Leptos components over the view state, the spec and the chart layers; here,
//! mounting the app and the browser helpers every part uses (listening, focusing, scrolling).
//!
//! Layer: ui (browser only). The reader's view lives in `state`, whose signals only its `dispatch`
//! writes; canvases share `canvas_hook`; tooltips, tables, notes and controls are DOM.

mod app;
mod canvas_chart;
mod canvas_hook;
mod chart_card;
mod chart_menu;
mod controls;
mod data_table;
mod deferred;
mod download;
mod embed;
mod executor;
mod flow_motion;
mod glossary;
mod list;
mod map_section;
mod notes;
mod perf;
mod prefs;
mod print;
mod search;
mod section;
mod state;
mod tiles;
mod tooltip;
mod tour;
mod world_map;

pub use app::App;
pub use state::{provide_app_state, use_app_state, AppState};

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Replace the static first screen (`crate::shell`) with the app, in one step and a task of its
/// own, once the browser has painted that screen (`window.atlasFirstPaint`, set by `index.html`;
/// without it, at the next frame): the page's first and largest text is painted before the app.
///
/// The map drawn for the first paint (`crate::static_map`), when the page shows it, is kept: it
/// moves into the app's map section, where the live map replaces it at its first frame
/// ([`static_map_drawn`]).
pub fn mount() {
    executor::install();
    let replace = || {
        let doc = leptos::prelude::document();
        let shown =
            doc.document_element().is_some_and(|d| !d.class_name().split_whitespace().any(|c| c == "no-static-map"));
        let static_map = doc.get_element_by_id(crate::shell::STATIC_MAP_ID).filter(|_| shown);
        if let Some(shell) = doc.get_element_by_id("shell") {
            shell.remove();
        }
        let t0 = perf::now();
        leptos::mount::mount_to_body(App);
        if let (Some(map), Some(panel)) = (static_map, doc.get_element_by_id("map-layer-panel")) {
            let _ = panel.append_child(&map);
        }
        perf::record("page", "mount", perf::now() - t0);
        // The page is built after load, so the browser could not honour a `#place` link itself.
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        if hash.len() > 1 {
            scroll_to(hash[1..].to_string(), false, None);
        }
    };
    let painted = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"atlasFirstPaint".into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(painted) = painted else { return after_frame(replace) };
    let then: Closure<dyn FnMut(JsValue)> = Closure::once(move |_| {
        gloo::timers::callback::Timeout::new(0, replace).forget();
    });
    let _ = painted.then(&then);
    // Called once when the screen is painted; it lives as long as the page.
    then.forget();
}

/// The live map has drawn a frame: the map drawn for the first paint, if it is still there, goes
/// (in the same task, so the reader never sees neither).
pub(crate) fn static_map_drawn() {
    if let Some(map) = leptos::prelude::document().get_element_by_id(crate::shell::STATIC_MAP_ID) {
        map.remove();
    }
}

/// Run `f` at the next animation frame (at once when there is none).
fn after_frame(f: impl FnOnce() + 'static) {
    let Some(win) = web_sys::window() else { return f() };
    let next = Closure::once_into_js(f);
    // A window always takes a frame request; should it not, the app simply never mounts twice.
    let _ = win.request_animation_frame(next.unchecked_ref());
}

/// Listen on `target` for `events` with `f` until the owner is cleaned up.
pub(crate) fn listen<E: JsCast + 'static>(
    target: impl Into<web_sys::EventTarget>,
    events: &'static [&'static str],
    mut f: impl FnMut(E) + 'static,
) {
    let target = target.into();
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| f(e.unchecked_into()));
    for e in events {
        let _ = target.add_event_listener_with_callback(e, cb.as_ref().unchecked_ref());
    }
    let keep = send_wrapper::SendWrapper::new((target, cb));
    leptos::prelude::on_cleanup(move || {
        for e in events {
            let _ = keep.0.remove_event_listener_with_callback(e, keep.1.as_ref().unchecked_ref());
        }
    });
}

/// Whether the reader has scrolled, tapped or pressed a key since [`ReaderInput::watch`]; the
/// listeners go when it is dropped.
struct ReaderInput {
    seen: std::rc::Rc<std::cell::Cell<bool>>,
    target: web_sys::EventTarget,
    cb: Closure<dyn FnMut()>,
}

impl ReaderInput {
    const EVENTS: [&'static str; 4] = ["wheel", "touchstart", "pointerdown", "keydown"];

    fn watch(win: &web_sys::Window) -> Self {
        let seen = std::rc::Rc::new(std::cell::Cell::new(false));
        let flag = seen.clone();
        let cb = Closure::<dyn FnMut()>::new(move || flag.set(true));
        let target: web_sys::EventTarget = win.clone().into();
        for e in Self::EVENTS {
            let _ = target.add_event_listener_with_callback(e, cb.as_ref().unchecked_ref());
        }
        Self { seen, target, cb }
    }

    fn seen(&self) -> bool {
        self.seen.get()
    }
}

impl Drop for ReaderInput {
    fn drop(&mut self) {
        for e in Self::EVENTS {
            let _ = self.target.remove_event_listener_with_callback(e, self.cb.as_ref().unchecked_ref());
        }
    }
}

/// The element with this id.
pub(crate) fn element(id: &str) -> Option<web_sys::Element> {
    leptos::prelude::document().get_element_by_id(id)
}

/// Call `f` on every element under `root` that `selector` finds (none for a selector the browser
/// refuses).
pub(crate) fn each(root: &web_sys::Element, selector: &str, f: impl FnMut(web_sys::Element)) {
    let Ok(list) = root.query_selector_all(selector) else { return };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).for_each(f);
}

/// Set or remove an attribute.
pub(crate) fn set_attr(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = value.map_or_else(|| el.remove_attribute(name), |v| el.set_attribute(name, v));
}

/// Call a method of an element with one options object: `{ key: value }`.
pub(crate) fn call_with(el: &web_sys::Element, method: &str, key: &str, value: JsValue) {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &key.into(), &value);
    if let Ok(f) = js_sys::Reflect::get(el, &method.into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = f.call1(el, &opts);
    }
}

/// Focus an element without scrolling to it.
pub(crate) fn focus_quietly(el: &web_sys::Element) {
    call_with(el, "focus", "preventScroll", JsValue::TRUE);
}

/// Focus the element with this id once the view has been rendered, without scrolling to it.
pub(crate) fn focus_later(id: &'static str) {
    leptos::task::spawn_local(async move {
        TimeoutFuture::new(0).await;
        element(id).inspect(focus_quietly);
    });
}

thread_local! {
    /// Counts the scrolls asked for: a newer one ends an older one.
    static SCROLLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Bring the element with this id to the top (or the middle) of the window once it is rendered
/// and built, and keep it there while the page around it is still being built (the parts that
/// come near the viewport are built one per task, and each may move it), then focus a chart's
/// tile if asked. The following ends once the element has stayed put for half a second with
/// nothing left to build (five seconds at most), when the reader scrolls, taps or presses a key,
/// or when a later scroll (the next step, another result) begins.
pub(crate) fn scroll_to(id: String, centre: bool, tile: Option<(&'static str, &'static str)>) {
    let ticket = SCROLLS.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let current = move || SCROLLS.with(|n| n.get()) == ticket;
    leptos::task::spawn_local(async move {
        TimeoutFuture::new(0).await;
        let mut el = element(&id);
        for _ in 0..100 {
            if el.is_some() || !current() {
                break;
            }
            TimeoutFuture::new(30).await;
            el = element(&id);
        }
        let (Some(el), Some(win)) = (el, web_sys::window()) else { return };
        let place = || el.get_bounding_client_rect().top() + win.scroll_y().unwrap_or(0.0);
        let bring = || call_with(&el, "scrollIntoView", "block", if centre { "center" } else { "start" }.into());
        bring();
        let reader = ReaderInput::watch(&win);
        let (mut settled, mut still) = (place(), 0);
        for _ in 0..80 {
            TimeoutFuture::new(60).await;
            if !current() {
                return;
            }
            if reader.seen() {
                break;
            }
            if (place() - settled).abs() > 2.0 {
                bring();
                (settled, still) = (place(), 0);
            } else {
                still += 1;
                if still >= 8 && !deferred::busy() {
                    break;
                }
            }
        }
        let sel = tile
            .map(|(chart, row)| format!("#{} .tile[data-row=\"{row}\"]", crate::views::anchor::Anchor::Chart(chart)));
        if let Some(Ok(Some(t))) = sel.map(|s| leptos::prelude::document().query_selector(&s)) {
            focus_quietly(&t);
        }
    });
}
