//! Printing: every part of the page built and every table opened, the page laid out at print
//! width, then the browser's print dialog (or "save as PDF"). Ctrl-P gets the same through
//! `beforeprint`/`afterprint`.
//!
//! Layer: ui.

use leptos::prelude::{GetUntracked, Set};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Open every collapsed table, remembering which were closed so `afterprint` can restore them.
fn open_all() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(list) = doc.query_selector_all("details:not([open])") else { return };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            let _ = el.set_attribute("open", "");
            let _ = el.set_attribute("data-print-opened", "");
        }
    }
}

fn restore() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(list) = doc.query_selector_all("details[data-print-opened]") else { return };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            let _ = el.remove_attribute("open");
            let _ = el.remove_attribute("data-print-opened");
        }
    }
}

/// Listen for the browser's own print command. Printing switches the page and its charts to the
/// light theme (the redraws run as microtasks, before the page is laid out for print).
pub fn install(st: super::state::AppState) {
    let Some(win) = web_sys::window() else { return };
    let before = Closure::<dyn FnMut()>::new(move || {
        build_everything(st);
        open_all();
        st.printing.set(true);
    });
    let after = Closure::<dyn FnMut()>::new(move || {
        restore();
        st.printing.set(false);
    });
    let _ = win.add_event_listener_with_callback("beforeprint", before.as_ref().unchecked_ref());
    let _ = win.add_event_listener_with_callback("afterprint", after.as_ref().unchecked_ref());
    // Print media without the events (print previews, emulation): follow `matchMedia('print')`.
    if let Ok(Some(mq)) = win.match_media("print") {
        let change = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| {
            if e.matches() {
                build_everything(st);
            }
            st.printing.set(e.matches());
        });
        let _ = mq.add_event_listener_with_callback("change", change.as_ref().unchecked_ref());
        change.forget();
    }
    // The page lives as long as these listeners.
    before.forget();
    after.forget();
}

/// Ask for every part of the page to be built (the building runs as microtasks).
pub fn build_everything(st: super::state::AppState) {
    if !st.build_all.get_untracked() {
        st.build_all.set(true);
    }
}

/// The "Print / save as PDF" action: build everything, let the building finish (the next task
/// runs after every microtask), then open the tables and the print dialog.
pub fn print(st: super::state::AppState) {
    build_everything(st);
    leptos::task::spawn_local(async move {
        gloo::timers::future::TimeoutFuture::new(0).await;
        open_all();
        if let Some(win) = web_sys::window() {
            let _ = win.print();
        }
    });
}

/// Find in page (Ctrl/⌘+F) can only find what is built: the first press builds everything, so
/// the search that follows sees every table and note.
pub fn install_find(st: super::state::AppState) {
    let Some(win) = web_sys::window() else { return };
    let keydown = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("f") {
            build_everything(st);
        }
    });
    let _ = win.add_event_listener_with_callback("keydown", keydown.as_ref().unchecked_ref());
    // The page lives as long as this listener.
    keydown.forget();
}
