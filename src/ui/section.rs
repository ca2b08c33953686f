//! One section of the page, following the paper: heading, intro, and each dataset's charts,
//! notes, table and source.
//!
//! Layer: ui.

use super::chart_card::ChartCard;
use super::data_table::DataTable;
use super::deferred::Deferred;
use super::notes::Notes;
use super::state::use_app_state;
use crate::data::format::paper_section;
use crate::data::registry::datasets_in;
use crate::data::{Dataset, Section};
use crate::views::{provenance, CHARTS};
use leptos::prelude::*;

/// A section of the paper.
#[component]
pub fn PageSection(section: &'static Section) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <section class="paper-section" id=section.id aria-labelledby=format!("{}-h", section.id)>
            <header class="section-head">
                <p class="paper-num">{move || paper_section(section.paper, lang.get())}</p>
                <h2 id=format!("{}-h", section.id)>{move || section.title.get(lang.get())}</h2>
                <p class="intro">{move || section.intro.get(lang.get())}</p>
            </header>
            {datasets_in(section.id)
                .map(|ds| view! { <Deferred key=ds.id reserve=reserve(ds)><DatasetBlock ds=ds/></Deferred> })
                .collect_view()}
        </section>
    }
}

/// A rough height for a dataset block not yet built: its charts, notes and table summary.
fn reserve(ds: &Dataset) -> u32 {
    let charts = CHARTS.iter().filter(|c| c.dataset == ds.id && !c.kind.is_map());
    let cards: u32 = charts.map(|c| if c.kind.is_canvas() { 380 } else { 160 }).sum();
    120 + cards + 40 * ds.notes.len() as u32
}

/// A dataset's charts, then its data notes, table and source line.
#[component]
fn DatasetBlock(ds: &'static Dataset) -> impl IntoView {
    let lang = use_app_state().lang;
    // A card that carries the dataset's own title makes a separate heading redundant; under a
    // dataset heading the cards' titles are one level down.
    let heading = !CHARTS.iter().any(|c| c.dataset == ds.id && !c.kind.is_map() && c.title == ds.title);
    let level = if heading { 4 } else { 3 };
    let cards = CHARTS
        .iter()
        .filter(|c| c.dataset == ds.id && !c.kind.is_map())
        .map(|def| view! { <ChartCard def=def level=level/> })
        .collect_view();
    view! {
        <div class="dataset" id=format!("ds-{}", ds.id) data-dataset=ds.id>
            {heading.then(|| view! { <h3 class="dataset-title">{move || ds.title.get(lang.get())}</h3> })}
            <p class="caption">{move || ds.caption.get(lang.get())}</p>
            <div class="cards">{cards}</div>
            <Notes ds=ds level=level/>
            <DataTable ds=ds/>
            <p class="source">{move || provenance::source_line(ds, lang.get())}</p>
        </div>
    }
}
