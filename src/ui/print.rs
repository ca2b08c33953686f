//! Printing: the print edition's cover and appendix, "Print / save as PDF" and "Print this chart",
//! and the listeners that tell the view when the browser prints (Ctrl-P included). Find in page
//! builds everything first.
//!
//! Layer: ui. What prints, the figure numbers, the contents and the appendix's tables are
//! `views::print`'s, and the edition's cover and appendix are written at dist time
//! (`dist/print/<lang>.html`; the single-file edition carries them in `<template>`s): here they
//! are read when the whole page prints (not before: a reader who does not print never downloads
//! them) and put in the page with the view's permalink, the date, the map layer's table and the
//! selection; and the listeners and the `<details>` opened.

use super::state::AppState;
use crate::views::cite::Day;
use crate::views::print::{self, Printing};
use crate::views::state::Intent;
use crate::views::ChartDef;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The print edition of the language shown (`views::print::edition_html`): the single file's
/// `<template id="print-<lang>">`, or `print/<lang>.html` beside the page, read while the page
/// prints. Synchronous, because the browser lays the page out for print as soon as its
/// `beforeprint` listeners return; the file is read only when the whole atlas prints, so no
/// reader who does not print downloads it. It stays a JavaScript string from the response to the
/// page, never copied into the module's memory.
fn edition_markup(name: &str) -> Option<JsValue> {
    if let Some(t) = document().get_element_by_id(&format!("print-{name}")) {
        return js_sys::Reflect::get(&t, &"innerHTML".into()).ok();
    }
    let req = web_sys::XmlHttpRequest::new().ok()?;
    req.open_with_async("GET", &format!("print/{name}.html"), false).ok()?;
    req.send().ok()?;
    (req.status() == Ok(200)).then(|| req.response().ok()).flatten()
}

/// Put the print edition's cover and appendix in their slots while the whole page prints, or
/// empty them: the cover `views::print::stamp`ed with this view's address and today's date, of
/// the appendix's map layer tables only the one the view shows, the selection's rows marked as on
/// screen. Without the edition (offline) the page prints its tables under their charts instead
/// (`style/print.css`).
fn edition(st: AppState, on: bool) {
    let doc = document();
    let (Ok(Some(cover)), Ok(Some(appendix))) =
        (doc.query_selector("[data-print-slot=cover]"), doc.query_selector("[data-print-slot=appendix]"))
    else {
        return;
    };
    if !on || st.print() != Printing::Edition {
        cover.set_inner_html("");
        appendix.set_inner_html("");
        let _ = appendix.remove_attribute("data-edition");
        return;
    }
    // Here already (the browser's print event and the print media both say it prints).
    if appendix.has_attribute("data-edition") {
        return;
    }
    let Some(markup) = edition_markup(print::edition_file(st.lang.get_untracked())) else { return };
    let _ = js_sys::Reflect::set(&appendix, &"innerHTML".into(), &markup);
    let _ = appendix.set_attribute("data-edition", "");
    if let Ok(Some(first)) = appendix.query_selector(".print-cover") {
        let link = window().location().href().unwrap_or_default();
        cover.set_inner_html(&print::stamp(&first.outer_html(), &link, today()));
        first.remove();
    }
    let layer = crate::views::chart(st.map_layer.get_untracked()).filter(|d| d.kind.is_map());
    let keep = layer.map(|def| print::layer_key(def.id, st.chart_settings(def).metric));
    super::each(&appendix, "[data-layer]", |el| {
        if el.get_attribute("data-layer") != keep {
            el.remove();
        }
    });
    if let Some(e) = st.selected.get_untracked() {
        super::each(&appendix, &format!("tr[data-e~=\"{e}\"]"), |el| _ = el.class_list().add_1("selected"));
    }
}

/// Open every collapsed `<details>` for print (marked, so they close after), or close those again.
fn open_all(open: bool) {
    let Some(root) = document().document_element() else { return };
    let sel = if open { "details:not([open])" } else { "details[data-print-opened]" };
    super::each(&root, sel, |el| {
        for attr in ["open", "data-print-opened"] {
            let _ = if open { el.set_attribute(attr, "") } else { el.remove_attribute(attr) };
        }
    });
}

/// Listen for the browser's print command (and `matchMedia('print')`, for previews and emulation;
/// what prints is built inside the listener, `executor::drain`), for its print keys (which print
/// the whole page) and for find in page.
pub fn install(st: AppState) {
    let win = leptos::prelude::window();
    super::listen(win.clone(), &["beforeprint", "afterprint"], move |e: web_sys::Event| {
        let on = e.type_() == "beforeprint";
        st.dispatch(Intent::Print(on));
        // Built now, not in microtasks: Firefox lays the page out for print when this returns.
        super::executor::drain();
        edition(st, on);
        open_all(on);
    });
    if let Ok(Some(mq)) = win.match_media("print") {
        super::listen(mq, &["change"], move |e: web_sys::MediaQueryListEvent| {
            st.dispatch(Intent::Print(e.matches()));
            super::executor::drain();
            edition(st, e.matches());
        });
    }
    super::listen(win, &["keydown"], move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() {
            match e.key().to_ascii_lowercase().as_str() {
                "f" => _ = st.dispatch(Intent::BuildEverything),
                "p" => _ = st.dispatch(Intent::PrintChart(None)),
                _ => {}
            }
        }
    });
}

/// The "Print / save as PDF" action: the whole page; build everything, let the building finish
/// (the next task runs after every microtask), then open the tables and the print dialog.
pub fn print(st: AppState) {
    st.dispatch(Intent::PrintChart(None));
    st.dispatch(Intent::BuildEverything);
    leptos::task::spawn_local(async move {
        gloo::timers::future::TimeoutFuture::new(0).await;
        open_all(true);
        if let Some(win) = web_sys::window() {
            let _ = win.print();
        }
    });
}

/// "Print this chart": the print dialog for one chart alone, until the printing ends.
pub fn print_chart(st: AppState, def: &'static ChartDef) {
    st.dispatch(Intent::PrintChart(Some(def.id)));
    leptos::task::spawn_local(async move {
        gloo::timers::future::TimeoutFuture::new(0).await;
        if let Some(win) = web_sys::window() {
            let _ = win.print();
        }
    });
}

/// Today in the reader's browser.
fn today() -> Day {
    let d = js_sys::Date::new_0();
    (d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Where the print edition's first page goes.
#[component]
pub fn Cover() -> impl IntoView {
    view! { <div data-print-slot="cover"></div> }
}

/// Where the print edition's appendix goes.
#[component]
pub fn Appendix() -> impl IntoView {
    view! { <div data-print-slot="appendix"></div> }
}
