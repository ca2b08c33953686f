//! Printing: every table opened, the page laid out at print width, then the browser's print
//! dialog (or "save as PDF"). Ctrl-P gets the same through `beforeprint`/`afterprint`.
//!
//! Layer: ui.

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

/// Listen for the browser's own print command.
pub fn install() {
    let Some(win) = web_sys::window() else { return };
    let before = Closure::<dyn FnMut()>::new(open_all);
    let after = Closure::<dyn FnMut()>::new(restore);
    let _ = win.add_event_listener_with_callback("beforeprint", before.as_ref().unchecked_ref());
    let _ = win.add_event_listener_with_callback("afterprint", after.as_ref().unchecked_ref());
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
