//! Printing: the print edition's cover and appendix, "Print / save as PDF" and "Print this chart",
//! and the listeners that tell the view when the browser prints (Ctrl-P included). Find in page
//! builds everything first.
//!
//! Layer: ui. What prints, the figure numbers, the contents and the appendix's tables are
//! `views::print`'s; printing and building are intents; here the markup, the listeners and the
//! `<details>` opened.

use super::state::{use_app_state, AppState};
use crate::views::cite::Day;
use crate::views::print::{self, Printing};
use crate::views::state::Intent;
use crate::views::{build_with, ChartDef};
use leptos::prelude::*;
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
/// what prints is built in microtasks, before the print layout), for its print keys (which print
/// the whole page) and for find in page.
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

/// The print edition's first page (`views::print::cover_html`), with this view's address and
/// today's date. Built only while the edition prints.
#[component]
pub fn Cover() -> impl IntoView {
    let st = use_app_state();
    move || {
        (st.print() == Printing::Edition).then(|| {
            let link = window().location().href().unwrap_or_default();
            view! { <div inner_html=print::cover_html(st.lang.get(), &link, today())></div> }
        })
    }
}

/// The print edition's appendix: the map layer shown as a table, then every dataset's table in
/// page order, each labelled. Built only while the edition prints.
#[component]
pub fn Appendix() -> impl IntoView {
    let st = use_app_state();
    move || {
        (st.print() == Printing::Edition).then(|| {
            let lang = st.lang.get();
            let layer = crate::views::chart(st.map_layer.get()).filter(|d| d.kind.is_map());
            let map = layer.map(|def| {
                let built = build_with(def, lang, &untrack(|| st.chart_settings(def)));
                view! { <div class="wide" inner_html=print::layer_table_html(def, &built, lang)></div> }
            });
            let tables = print::appendix()
                .enumerate()
                .map(|(i, ds)| {
                    let table = super::data_table::table(ds, st, Some(print::table_label(i + 2, lang)));
                    view! { <div class:wide=print::spans_page(ds)>{table}</div> }
                })
                .collect_view();
            view! {
                <section class="print-appendix" data-testid="print-appendix">
                    <h2>{print::APPENDIX.get(lang)}</h2><p>{print::APPENDIX_INTRO.get(lang)}</p>{map}{tables}
                </section>
            }
        })
    }
}
