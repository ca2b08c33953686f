//! Keeps the address in step with the view: language, theme, contrast, selection, chart
//! readings, the map and the tour's step go into the query string; Back and Forward restore them.
//! A tour step's address names the step alone: what the step sets is implied.
//!
//! Layer: ui. Parsing and formatting are the pure functions of `crate::permalink`.

use super::state::AppState;
use crate::chart::Mode;
use crate::permalink::{format, parse, with_step_view, without_step_view, Params};
use crate::views::DEFAULT_LAYER;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

fn current_params(st: &AppState) -> Params {
    let (embed, controls) = st.start.with_value(|p| (p.embed, p.controls));
    Params {
        lang: Some(st.lang.get()),
        theme: (st.mode.get() == Mode::Dark).then_some(Mode::Dark),
        contrast: st.contrast.get().then_some(true),
        sel: st.selected.get(),
        charts: st.charts.get(),
        embed,
        controls,
        layer: Some(st.map_layer.get()).filter(|l| *l != DEFAULT_LAYER),
        camera: st.map_camera.get(),
        centre: st.map_centre.get(),
        tour: st.tour.get(),
        ignored: Vec::new(),
    }
}

fn address(query: &str) -> Option<String> {
    let loc = web_sys::window()?.location();
    let path = loc.pathname().ok()?;
    let hash = loc.hash().ok().unwrap_or_default();
    Some(format!("{path}{query}{hash}"))
}

/// Set a signal only when the value differs, so an unchanged view notifies no one.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(s: RwSignal<T>, v: T) -> bool {
    let differs = s.with_untracked(|cur| *cur != v);
    if differs {
        s.set(v);
    }
    differs
}

/// Set the state to a view: only the signals whose value differs are set, so a view that does
/// not change anything redraws nothing. Returns whether anything changed.
pub fn set_view(st: &AppState, p: Params) -> bool {
    [
        p.lang.is_some_and(|l| set_if_changed(st.lang, l)),
        set_if_changed(st.mode, p.theme.unwrap_or(Mode::Light)),
        set_if_changed(st.contrast, p.contrast.unwrap_or(false)),
        set_if_changed(st.selected, p.sel),
        set_if_changed(st.charts, p.charts),
        set_if_changed(st.map_layer, p.layer.unwrap_or(DEFAULT_LAYER)),
        set_if_changed(st.map_camera, p.camera),
        set_if_changed(st.map_centre, p.centre),
        set_if_changed(st.tour, p.tour),
    ]
    .contains(&true)
}

/// Apply an address (Back/Forward) to the state, a tour step's address with the view the step
/// sets. While the change propagates, the address is replaced rather than pushed.
fn apply(st: &AppState, p: Params, applying: StoredValue<bool>) {
    applying.set_value(true);
    if !set_view(st, with_step_view(p)) {
        applying.set_value(false);
    }
}

/// Start syncing. The first run normalises the address in place; later changes push history
/// entries; `popstate` applies the address back to the state without pushing.
pub fn start(st: AppState) {
    let applying = StoredValue::new(false);
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let p = without_step_view(current_params(&st));
        let query = format(&p);
        let Some(win) = web_sys::window() else { return };
        let Ok(history) = win.history() else { return };
        let now = win.location().search().unwrap_or_default();
        if query == now {
            applying.set_value(false);
            first.set_value(false);
            return;
        }
        let Some(url) = address(&query) else { return };
        if first.get_value() || applying.get_value() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        } else {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        first.set_value(false);
        applying.set_value(false);
    });
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        apply(&st, parse(&search), applying);
    });
    if let Some(win) = web_sys::window() {
        let _ = win.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
        let keep = SendWrapper::new((win, cb));
        on_cleanup(move || {
            let _ = keep.0.remove_event_listener_with_callback("popstate", keep.1.as_ref().unchecked_ref());
        });
    }
}
