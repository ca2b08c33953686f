//! One chart alone for an `<iframe>` (`?embed=<chart-id>`): title, chart, source line and data
//! notes, a link back to the full atlas, and the page height posted to the host page.
//!
//! Layer: ui.

use super::chart_card::ChartCard;
use super::notes::Notes;
use super::state::use_app_state;
use crate::i18n;
use crate::views::anchor::Anchor;
use crate::views::{provenance, ChartDef};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

/// Post `{type: "trade-atlas:height", chart, height}` to the parent whenever the body resizes.
pub(super) fn post_height(id: &'static str) {
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
        let (win, body) = (window(), document().body());
        let Some(h) = body.map(|b| b.scroll_height().max(b.offset_height())) else { return };
        let msg = js_sys::Object::new();
        for (k, v) in [("type", "trade-atlas:height".into()), ("chart", id.into()), ("height", (h as f64).into())] {
            let _ = js_sys::Reflect::set(&msg, &k.into(), &v);
        }
        if let Some(parent) = win.parent().ok().flatten().filter(|p| *p != win) {
            let _ = parent.post_message(&msg, "*");
        }
    });
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else { return };
    ro.observe(&body);
    let keep = SendWrapper::new((ro, cb));
    on_cleanup(move || keep.0.disconnect());
}

/// The embedded view of one chart.
#[component]
pub fn EmbedView(def: &'static ChartDef, controls: bool) -> impl IntoView {
    let lang = use_app_state().lang;
    post_height(def.id);
    let path = window().location().pathname().unwrap_or_default();
    let full = move || crate::permalink::back_link(&path, lang.get(), None, Some(Anchor::Chart(def.id)));
    view! {
        <main class="embed" data-embed=def.id>
            <ChartCard def=def bare=!controls level=1/><Notes ds=def.dataset() level=2/>
            <p class="source">{move || provenance::source_line(def.dataset(), lang.get())}</p>
            <p class="embed-link"><a href=full target="_blank" rel="noopener">{move || i18n::EMBED_BACK.get(lang.get())}</a></p>
        </main>
    }
}
