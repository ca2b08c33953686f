//! The UI layer: thin Leptos components over the data, spec and chart layers.
//!
//! Layer: ui (browser only). State lives in signals (`state`); specs are built in memos and
//! drawn in effects (`canvas_chart`); tooltips, tables, notes and controls are DOM so their
//! text is crisp, selectable and accessible.

mod app;
mod canvas_chart;
mod chart_card;
mod chart_menu;
mod controls;
mod data_table;
mod deferred;
mod download;
mod drawing;
mod embed;
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
mod size;
mod state;
mod tiles;
mod tooltip;
mod tour;
mod url_sync;
mod world_map;

pub use app::App;
pub use state::{provide_app_state, use_app_state, AppState};

/// Replace the static first screen (`crate::shell`, in `index.html`) with the app, in one step,
/// once the browser has painted that screen (`window.atlasFirstPaint`, set by `index.html`): a
/// reader sees the first screen at once, and the page's first and largest text is painted then,
/// not when the app is ready. Without that promise (a page missing the script), the next frame.
/// The app is built in a task of its own, not in the one that started the module.
///
/// The map drawn for the first paint (`crate::static_map`), when the page shows it, is kept: it
/// moves into the app's map section, where the live map replaces it at its first frame
/// ([`static_map_drawn`]).
pub fn mount() {
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
        scroll_to_hash();
    };
    let painted = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"atlasFirstPaint".into()).ok())
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(p).ok());
    let Some(painted) = painted else { return after_frame(replace) };
    let then: wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)> =
        wasm_bindgen::closure::Closure::once(move |_| {
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
    let next = wasm_bindgen::closure::Closure::once_into_js(f);
    // A window always takes a frame request; should it not, the app simply never mounts twice.
    let _ = win.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&next));
}

/// The page is built after load, so the browser could not honour `#section` links itself: the
/// target is scrolled to as [`scroll_to_id`] does.
fn scroll_to_hash() {
    let Some(win) = web_sys::window() else { return };
    let hash = win.location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#').to_string();
    if !id.is_empty() {
        scroll_to_id(id);
    }
}

thread_local! {
    /// Counts the scrolls asked for: a newer one ends the settling of an older one.
    static SCROLLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Scroll the element with this id to the top of the view at once (or as soon as it is built,
/// if it is not yet), then again while the parts near it are built and settle (their heights
/// replace the reserved ones) and it moves in the page. A later scroll (the next tour step,
/// another search result) ends this one's settling, so a reader stepping quickly is never
/// pulled back to an earlier target; the reader's own scrolling is left alone (only the
/// element's place in the page is watched, not in the view).
pub(crate) fn scroll_to_id(id: String) {
    let ticket = SCROLLS.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let place = move || {
        let win = web_sys::window()?;
        let el = win.document()?.get_element_by_id(&id)?;
        let y = el.get_bounding_client_rect().top() + win.scroll_y().unwrap_or(0.0);
        Some((y, el))
    };
    // Where the element was when last scrolled to (none yet: it is still being built).
    let mut settled = place().and_then(|(_, el)| {
        el.scroll_into_view();
        place().map(|(y, _)| y)
    });
    leptos::task::spawn_local(async move {
        for _ in 0..8 {
            gloo::timers::future::TimeoutFuture::new(60).await;
            if SCROLLS.with(|n| n.get()) != ticket {
                return;
            }
            match (place(), settled) {
                (Some((now, el)), Some(was)) if (now - was).abs() > 2.0 => {
                    el.scroll_into_view();
                    settled = Some(now);
                }
                (Some((now, el)), None) => {
                    el.scroll_into_view();
                    settled = Some(now);
                }
                _ => {}
            }
        }
    });
}
