//! One section of the page, following the paper: heading, intro, and each dataset's charts,
//! notes, table and source.
//!
//! Layer: ui. Which charts a block holds, its heading levels and the height it reserves are
//! `views::page`'s.

use super::chart_card::ChartCard;
use super::data_table::DataTable;
use super::deferred::Deferred;
use super::notes::Notes;
use super::state::use_app_state;
use crate::data::format::paper_section;
use crate::data::registry::datasets_in;
use crate::data::{Dataset, Section};
use crate::views::anchor::Anchor;
use crate::views::{page, provenance};
use leptos::prelude::*;

/// A section of the paper.
#[component]
pub fn PageSection(section: &'static Section) -> impl IntoView {
    let lang = use_app_state().lang;
    let heading = Anchor::Heading(section.id);
    view! {
        <section class="paper-section" id=section.id aria-labelledby=heading.to_string()>
            <header class="section-head">
                <p class="paper-num">{move || paper_section(section.paper, lang.get())}</p>
                <h2 id=heading.to_string()>{move || section.title.get(lang.get())}</h2>
                <p class="intro">{move || section.intro.get(lang.get())}</p>
            </header>
            {datasets_in(section.id)
                .map(|ds| view! { <Deferred key=ds.id reserve=page::reserve(ds)><DatasetBlock ds=ds/></Deferred> })
                .collect_view()}
        </section>
    }
}

/// A dataset's charts, then its data notes, table and source line.
#[component]
fn DatasetBlock(ds: &'static Dataset) -> impl IntoView {
    let lang = use_app_state().lang;
    let level = page::card_level(ds);
    let cards = page::cards(ds.id).map(|def| view! { <ChartCard def=def level=level/> }).collect_view();
    view! {
        <div class="dataset" id=Anchor::Block(ds.id).to_string() data-dataset=ds.id>
            {page::block_heading(ds).then(|| view! { <h3 class="dataset-title">{move || ds.title.get(lang.get())}</h3> })}
            <p class="caption">{move || ds.caption.get(lang.get())}</p><div class="cards">{cards}</div>
            <Notes ds=ds level=level/><DataTable ds=ds/>
            <p class="source">{move || provenance::source_line(ds, lang.get())}</p>
        </div>
    }
}
