//! Printing: every table opened, the page laid out at print width, then the browser's print
//! dialog (or "save as PDF"). Ctrl-P gets the same through `beforeprint`/`afterprint`.
//!
//! Layer: ui.

use leptos::prelude::Set;
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
            st.printing.set(e.matches());
        });
        let _ = mq.add_event_listener_with_callback("change", change.as_ref().unchecked_ref());
        change.forget();
    }
    // The page lives as long as these listeners.
    before.forget();
    after.forget();
}

/// The "Print / save as PDF" action.
pub fn print() {
    open_all();
    if let Some(win) = web_sys::window() {
        let _ = win.print();
    }
}
