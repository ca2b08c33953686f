//! A chart card: title, reading controls, the chart (canvas, tiles or list) and its menu.
//!
//! Layer: ui. The reader's settings for the chart live in the shared state; the spec is rebuilt
//! in a memo whenever the language or the settings change.

use super::canvas_chart::CanvasChart;
use super::chart_menu::ChartMenu;
use super::controls::ChartControls;
use super::list::ListView;
use super::state::use_app_state;
use super::tiles::TilesView;
use super::world_map::WorldMap;
use crate::spec::{build_with, Built, ChartDef, Kind, Settings};
use leptos::prelude::*;

/// The card's title as a heading of the given level (3 when none is given).
fn title(level: u8, text: impl Fn() -> &'static str + Send + Sync + 'static) -> AnyView {
    match level {
        1 => view! { <h1 class="card-title">{text}</h1> }.into_any(),
        4 => view! { <h4 class="card-title">{text}</h4> }.into_any(),
        _ => view! { <h3 class="card-title">{text}</h3> }.into_any(),
    }
}

/// One chart of the catalogue.
#[component]
pub fn ChartCard(
    def: &'static ChartDef,
    /// Hide the reading controls and the menu (embeds with `controls=0`).
    #[prop(optional)]
    bare: bool,
    /// The level of the card's title: 3 under a section heading (the default), 4 under a dataset
    /// heading, 1 when the card is the page (an embed).
    #[prop(optional)]
    level: u8,
) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    // The reading lives in the shared list (the address, Back and Forward): the card reads it
    // and writes it back, and keeps no copy of its own.
    let settings = Memo::new(move |_| st.chart_settings(def));
    let set_settings = Callback::new(move |s: Settings| st.set_chart_settings(def, s));
    let built = Memo::new(move |_| build_with(def, lang.get(), &settings.get()));
    let body = match def.kind {
        Kind::Map(_) => view! { <WorldMap def=def built=built/> }.into_any(),
        k if k.is_canvas() => view! { <CanvasChart def=def built=built/> }.into_any(),
        Kind::Tiles { .. } => view! { <TilesView built=built/> }.into_any(),
        _ => view! { <ListView built=built/> }.into_any(),
    };
    let wide =
        def.kind.is_map() || matches!(built.get_untracked(), Built::Canvas { ref spec, .. } if spec.row_count() > 12);
    let controls = def
        .controls()
        .filter(|_| !bare)
        .map(|c| view! { <ChartControls def=def controls=c settings=settings set_settings=set_settings/> });
    let menu = (!bare).then(|| view! { <ChartMenu def=def built=built settings=settings/> });
    view! {
        <figure class="card" class:wide=wide class:tiles=!def.kind.is_canvas() data-chart=def.id id=format!("chart-{}", def.id)>
            <figcaption>
                {title(level, move || def.title.get(lang.get()))}
                {menu}
            </figcaption>
            {controls}
            {body}
        </figure>
    }
}
