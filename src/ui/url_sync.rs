//! Keeps the address in step with the view: language, theme, contrast, selection and chart
//! readings go into the query string; Back and Forward restore them.
//!
//! Layer: ui. Parsing and formatting are the pure functions of `crate::permalink`.

use super::prefs;
use super::state::AppState;
use crate::chart::Mode;
use crate::permalink::{format, parse, Params};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

fn current_params(st: &AppState) -> Params {
    let embed = prefs::url_params();
    Params {
        lang: Some(st.lang.get()),
        theme: (st.mode.get() == Mode::Dark).then_some(Mode::Dark),
        contrast: st.contrast.get().then_some(true),
        sel: st.selected.get(),
        charts: st.charts.get(),
        embed: embed.embed,
        controls: embed.controls,
        layer: Some(st.map_layer.get()).filter(|l| *l != "map-partners"),
        camera: st.map_camera.get(),
        ignored: Vec::new(),
    }
}

fn address(query: &str) -> Option<String> {
    let loc = web_sys::window()?.location();
    let path = loc.pathname().ok()?;
    let hash = loc.hash().ok().unwrap_or_default();
    Some(format!("{path}{query}{hash}"))
}

/// Start syncing. The first run normalises the address in place; later changes push history
/// entries; `popstate` applies the address back to the state without pushing.
pub fn start(st: AppState) {
    let applying = StoredValue::new(false);
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let p = current_params(&st);
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
        let p = parse(&search);
        applying.set_value(true);
        if let Some(l) = p.lang {
            st.lang.set(l);
        }
        st.mode.set(p.theme.unwrap_or(Mode::Light));
        st.contrast.set(p.contrast.unwrap_or(false));
        st.selected.set(p.sel);
        st.charts.set(p.charts);
        st.map_layer.set(p.layer.unwrap_or("map-partners"));
        st.map_camera.set(p.camera);
    });
    if let Some(win) = web_sys::window() {
        let _ = win.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
        let keep = SendWrapper::new((win, cb));
        on_cleanup(move || {
            let _ = keep.0.remove_event_listener_with_callback("popstate", keep.1.as_ref().unchecked_ref());
        });
    }
}
