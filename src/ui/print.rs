//! Printing: the print edition's cover and appendix, "Print / save as PDF" and "Print this chart",
//! and the listeners that tell the view when the browser prints (Ctrl-P included). Find in page
//! builds everything first.
//!
//! Layer: ui. What prints, the figure numbers, the contents and the appendix's tables are
//! `views::print`'s, and the edition's cover and appendix are written at dist time
//! (`dist/print/<lang>.html`; the single-file edition carries them in `<template>`s): here they
//! are fetched once the page is idle after load and put in the page while it prints, with the
//! view's permalink, the date, the map layer's table and the selection; and the listeners and the
//! `<details>` opened.
//!
//! The browser's own print command (Ctrl/⌘-P) gives no time to fetch: had the edition not come
//! yet (printed in the first moments after load, or offline), the page prints its figures without
//! the cover and the appendix. "Print / save as PDF" waits for it.

use super::state::AppState;
use crate::data::Lang;
use crate::views::cite::Day;
use crate::views::print::{self, Printing};
use crate::views::state::Intent;
use crate::views::ChartDef;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long after the app starts the edition is fetched: the first screen and the sections below
/// are built in the tasks before.
const IDLE_MS: u32 = 2000;

/// The editions asked for, by language (`None` while on their way).
type Asked = RefCell<Vec<(Lang, Option<String>)>>;

thread_local! {
    /// The editions asked for, and whether the page has been idle after load (an edition asked for
    /// is fetched from then on).
    static EDITIONS: (Asked, Cell<bool>) = Default::default();
}

/// The edition of `lang` if it has come.
fn edition(lang: Lang) -> Option<String> {
    EDITIONS.with(|(cache, _)| cache.borrow().iter().find(|(l, _)| *l == lang).and_then(|(_, e)| e.clone()))
}

/// Fetch the edition of `lang` (the language shown) once the page has been idle after load,
/// unless it is here.
pub(super) fn prefetch(lang: Lang) {
    if EDITIONS.with(|(_, idle)| idle.get()) {
        spawn_local(load(lang));
    }
}

/// The edition's markup of `lang`: the single file's `<template id="print-<lang>">`, or
/// `print/<lang>.html` beside the page.
async fn fetch(lang: Lang) -> Option<String> {
    let name = print::edition_file(lang);
    if let Some(t) = document().get_element_by_id(&format!("print-{name}")) {
        return Some(t.inner_html());
    }
    let res = JsFuture::from(window().fetch_with_str(&format!("print/{name}.html"))).await.ok()?;
    let res: web_sys::Response = res.dyn_into().ok()?;
    JsFuture::from(res.ok().then(|| res.text().ok()).flatten()?).await.ok()?.as_string()
}

/// Fetch the edition of `lang` unless it is here or on its way (one that failed is asked for again
/// the next time).
async fn load(lang: Lang) {
    let asked = EDITIONS.with(|(cache, _)| {
        let mut cache = cache.borrow_mut();
        let asked = cache.iter().any(|(l, _)| *l == lang);
        if !asked {
            cache.push((lang, None));
        }
        asked
    });
    if asked {
        return;
    }
    let text = fetch(lang).await;
    let came = text.is_some();
    EDITIONS.with(|(cache, _)| {
        let mut cache = cache.borrow_mut();
        cache.retain(|(l, _)| *l != lang);
        if came {
            cache.push((lang, text));
        }
    });
    // Said on the cover's slot: the edition of this language is here to print.
    if let (true, Ok(Some(slot))) = (came, document().query_selector("[data-print-slot=cover]")) {
        let _ = slot.set_attribute("data-edition", print::edition_file(lang));
    }
}

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
/// what prints is built in microtasks, before the print layout), for its print keys (which print
/// the whole page) and for find in page.
pub fn install(st: AppState) {
    // The edition of the reader's language once the page is idle after load (and another
    // language's when the reader switches to it: `ui::state` asks for it).
    spawn_local(async move {
        gloo::timers::future::TimeoutFuture::new(IDLE_MS).await;
        EDITIONS.with(|(_, idle)| idle.set(true));
        prefetch(st.lang.get_untracked());
    });
    let win = leptos::prelude::window();
    super::listen(win.clone(), &["beforeprint", "afterprint"], move |e: web_sys::Event| {
        let on = e.type_() == "beforeprint";
        st.dispatch(Intent::Print(on));
        fill(st);
        open_all(on);
    });
    if let Ok(Some(mq)) = win.match_media("print") {
        super::listen(mq, &["change"], move |e: web_sys::MediaQueryListEvent| {
            st.dispatch(Intent::Print(e.matches()));
            fill(st);
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

/// The "Print / save as PDF" action: the whole page; build everything and wait for the edition,
/// let the building finish (the next task runs after every microtask), then open the tables and
/// the print dialog.
pub fn print(st: AppState) {
    st.dispatch(Intent::PrintChart(None));
    st.dispatch(Intent::BuildEverything);
    let lang = st.lang.get_untracked();
    spawn_local(async move {
        load(lang).await;
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
    spawn_local(async move {
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

/// Put the edition's cover and appendix in their slots while the edition prints (its cover
/// `views::print::stamp`ed with this view's address and today's date; its appendix with the map
/// layer's table as the view shows it and the selection's rows marked), or empty them.
fn fill(st: AppState) {
    let parts = untrack(|| {
        let lang = st.lang.get();
        if st.print() != Printing::Edition {
            return None;
        }
        // Not here yet (printed right after load, or after a switch of language): this print goes
        // without it, the next has it.
        let Some(e) = edition(lang) else {
            prefetch(lang);
            return None;
        };
        let layer = crate::views::chart(st.map_layer.get()).filter(|d| d.kind.is_map());
        let key = layer.map(|def| print::layer_key(def.id, st.chart_settings(def).metric)).unwrap_or_default();
        let (cover, appendix) = print::edition_parts(&e, &key)?;
        let link = window().location().href().unwrap_or_default();
        Some((print::stamp(&cover, &link, today()), print::mark_selected(&appendix, st.selected.get())))
    });
    let (cover, appendix) = parts.unwrap_or_default();
    for (slot, html) in [("cover", cover), ("appendix", appendix)] {
        if let Ok(Some(el)) = document().query_selector(&format!("[data-print-slot={slot}]")) {
            el.set_inner_html(&html);
        }
    }
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
