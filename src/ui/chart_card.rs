//! A chart card: title, reading controls, the chart (canvas, tiles or list) and its menu.
//!
//! Layer: ui. The card owns the reader's settings for its chart; the spec is rebuilt in a memo
//! whenever the language or the settings change.

use super::canvas_chart::CanvasChart;
use super::chart_menu::ChartMenu;
use super::controls::ChartControls;
use super::list::ListView;
use super::state::use_app_state;
use super::tiles::TilesView;
use crate::spec::{build_with, Built, ChartDef, Kind};
use leptos::prelude::*;

/// One chart of the catalogue.
#[component]
pub fn ChartCard(def: &'static ChartDef) -> impl IntoView {
    let lang = use_app_state().lang;
    let settings = RwSignal::new(def.default_settings());
    let built = Memo::new(move |_| build_with(def, lang.get(), &settings.get()));
    let body = match def.kind {
        k if k.is_canvas() => view! { <CanvasChart def=def built=built/> }.into_any(),
        Kind::Tiles { .. } => view! { <TilesView built=built/> }.into_any(),
        _ => view! { <ListView built=built/> }.into_any(),
    };
    let wide = matches!(built.get_untracked(), Built::Canvas { ref spec, .. } if spec.row_count() > 12);
    let controls = def.controls().map(|c| view! { <ChartControls def=def controls=c settings=settings/> });
    view! {
        <figure class="card" class:wide=wide class:tiles=!def.kind.is_canvas() data-chart=def.id id=format!("chart-{}", def.id)>
            <figcaption>
                <h4>{move || def.title.get(lang.get())}</h4>
                <ChartMenu def=def built=built settings=settings/>
            </figcaption>
            {controls}
            {body}
        </figure>
    }
}
