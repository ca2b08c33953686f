//! A chart card: title, the chart (canvas, tiles or list) and its hover details.
//!
//! Layer: ui.

use super::canvas_chart::CanvasChart;
use super::list::ListView;
use super::state::use_app_state;
use super::tiles::TilesView;
use crate::spec::{build, Built, ChartDef};
use leptos::prelude::*;

/// One chart of the catalogue.
#[component]
pub fn ChartCard(def: &'static ChartDef) -> impl IntoView {
    let lang = use_app_state().lang;
    let built = Memo::new(move |_| build(def, lang.get()));
    let body = if def.kind.is_canvas() {
        view! { <CanvasChart def=def built=built/> }.into_any()
    } else if matches!(def.kind, crate::spec::Kind::Tiles { .. }) {
        view! { <TilesView built=built/> }.into_any()
    } else {
        view! { <ListView built=built/> }.into_any()
    };
    let wide = matches!(built.get_untracked(), Built::Canvas { ref spec, .. } if spec.row_count() > 12);
    view! {
        <figure class="card" class:wide=wide class:tiles=!def.kind.is_canvas() data-chart=def.id id=format!("chart-{}", def.id)>
            <figcaption><h4>{move || def.title.get(lang.get())}</h4></figcaption>
            {body}
        </figure>
    }
}
