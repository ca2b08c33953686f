//! Printing: everything built and every table opened, the light theme, then the print dialog;
//! Ctrl-P the same through `beforeprint`/`afterprint`. Find in page builds everything first.
//!
//! Layer: ui. Printing and building are intents; here the listeners and the `<details>` opened.

use super::state::AppState;
use crate::views::state::Intent;
use wasm_bindgen::JsCast;

/// Open every collapsed `<details>` for print (marked, so they close after), or close those again.
fn open_all(open: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let sel = if open { "details:not([open])" } else { "details[data-print-opened]" };
    let Ok(list) = doc.query_selector_all(sel) else { return };
    for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()) {
        for attr in ["open", "data-print-opened"] {
            let _ = if open { el.set_attribute(attr, "") } else { el.remove_attribute(attr) };
        }
    }
}

/// Listen for the browser's print command (and `matchMedia('print')`, for previews and emulation:
/// the light theme's redraws run as microtasks, before the print layout) and for find in page.
pub fn install(st: AppState) {
    let win = leptos::prelude::window();
    super::listen(win.clone(), &["beforeprint", "afterprint"], move |e: web_sys::Event| {
        let on = e.type_() == "beforeprint";
        st.dispatch(Intent::Print(on));
        open_all(on);
    });
    if let Ok(Some(mq)) = win.match_media("print") {
        super::listen(mq, &["change"], move |e: web_sys::MediaQueryListEvent| {
            st.dispatch(Intent::Print(e.matches()));
        });
    }
    super::listen(win, &["keydown"], move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("f") {
            st.dispatch(Intent::BuildEverything);
        }
    });
}

/// The "Print / save as PDF" action: build everything, let the building finish (the next task
/// runs after every microtask), then open the tables and the print dialog.
pub fn print(st: AppState) {
    st.dispatch(Intent::BuildEverything);
    leptos::task::spawn_local(async move {
        gloo::timers::future::TimeoutFuture::new(0).await;
        open_all(true);
        if let Some(win) = web_sys::window() {
            let _ = win.print();
        }
    });
}
