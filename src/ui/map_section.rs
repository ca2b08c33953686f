//! The map section: its heading and intro, the layer switch, and one map card for the chosen
//! layer.
//!
//! Layer: ui.

use super::chart_card::ChartCard;
use super::state::use_app_state;
use crate::i18n;
use crate::views::{ChartDef, CHARTS};
use leptos::prelude::*;

/// The map layers, in the order of the switch.
fn layers() -> Vec<&'static ChartDef> {
    CHARTS.iter().filter(|c| c.kind.is_map()).collect()
}

/// A layer's tab text: its title without the "Map:" prefix, starting with a capital.
fn tab_label(title: &str) -> String {
    let t = title.split_once([':', ':']).map_or(title, |(_, t)| t).trim();
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The map section: a layer switch above one map card.
#[component]
pub fn MapSection() -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let tabs = move || {
        let l = lang.get();
        layers()
            .into_iter()
            .map(|def| {
                let active = move || st.map_layer.get() == def.id;
                let label = tab_label(def.title.get(l));
                view! {
                    <button type="button" role="tab" class="layer-tab" aria-selected=move || active().to_string()
                        data-layer=def.id on:click=move |_| {
                            if st.map_layer.get_untracked() != def.id {
                                st.map_camera.set(None);
                                st.map_layer.set(def.id);
                            }
                        }>{label}</button>
                }
            })
            .collect_view()
    };
    let card = move || {
        let id = st.map_layer.get();
        let def = layers().into_iter().find(|d| d.id == id).unwrap_or(layers()[0]);
        view! { <ChartCard def=def/> }
    };
    // On a phone the tabs scroll sideways: keep the chosen one in view (a permalink or the tour
    // may choose a layer far along the row), without scrolling the page.
    let strip = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |first: Option<()>| {
        let id = st.map_layer.get();
        // At start with the first layer there is nothing to bring into view (and reading the
        // layout now would force one while the page is being built).
        if first.is_none() && layers().first().is_some_and(|d| d.id == id) {
            return;
        }
        let Some(strip) = strip.get() else { return };
        let sel = format!("button.layer-tab[data-layer=\"{id}\"]");
        if let Ok(Some(tab)) = strip.query_selector(&sel) {
            let tab: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(tab);
            let (left, width, view) = (tab.offset_left(), tab.offset_width(), strip.client_width());
            if left < strip.scroll_left() || left + width > strip.scroll_left() + view {
                strip.set_scroll_left((left - 16).max(0));
            }
        }
    });
    view! {
        <section class="paper-section map-section" id="map" aria-labelledby="map-h">
            <header class="section-head">
                <p class="paper-num">{move || i18n::MAP_NUM.get(lang.get())}</p>
                <h2 id="map-h">{move || i18n::MAP_TITLE.get(lang.get())}</h2>
                <p class="intro">{move || i18n::MAP_INTRO.get(lang.get())}</p>
            </header>
            <div class="layer-tabs" node_ref=strip role="tablist" aria-label=move || i18n::MAP_LAYERS.get(lang.get())>{tabs}</div>
            {card}
        </section>
    }
}
