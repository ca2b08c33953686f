//! Rows that scroll sideways on a phone (the header's switches, the contents bar, the map's layer
//! tabs) show that there is more: `data-more` names the sides with more to scroll to and the
//! stylesheet fades those edges (`style/layout.css`). Every item stays in its row: the keyboard's
//! focus scrolls it into view, and a screen reader reads the row whole.
//!
//! Layer: ui. Wiring only; the rule is `views::interact::rows::more`.

use super::state::AppState;
use crate::views::interact::rows::more;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The rows that may scroll sideways.
const ROWS: &str = ".switches, .toc ol, .layer-tabs";

/// Mark one row with the sides it has more on.
fn mark(el: &web_sys::Element) {
    let m = more(f64::from(el.scroll_left()), f64::from(el.client_width()), f64::from(el.scroll_width()));
    super::set_attr(el, "data-more", m);
}

fn mark_all() {
    let Ok(rows) = document().query_selector_all(ROWS) else { return };
    for i in 0..rows.length() {
        if let Some(el) = rows.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            mark(&el);
        }
    }
}

/// Mark the rows now (after the next frame's layout), when one scrolls, when the window's size
/// changes and when the language changes their words; for the page's life.
pub fn install(st: AppState) {
    let scrolled = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            if el.matches(ROWS).unwrap_or(false) {
                mark(&el);
            }
        }
    });
    // Scrolling does not bubble: the document hears every row's in the capture phase.
    let _ = document().add_event_listener_with_callback_and_bool("scroll", scrolled.as_ref().unchecked_ref(), true);
    scrolled.forget();
    let resized = Closure::<dyn FnMut()>::new(mark_all);
    let _ = window().add_event_listener_with_callback("resize", resized.as_ref().unchecked_ref());
    resized.forget();
    Effect::new(move |_| {
        st.lang.get();
        super::after_frame(mark_all);
    });
}
