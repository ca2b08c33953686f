//! The glossary: the one list of English renderings, with the Chinese terms.
//!
//! Layer: ui. Shows each entry's renderings (`en`), never the stems the label check matches.

use super::state::use_app_state;
use crate::data::GLOSSARY;
use crate::i18n;
use leptos::prelude::*;

#[component]
pub fn Glossary() -> impl IntoView {
    let lang = use_app_state().lang;
    let rows = GLOSSARY
        .iter()
        .map(|g| {
            view! { <tr><th scope="row" lang="zh-CN">{g.zh}</th><td lang="en">{g.en.join(" / ")}</td><td lang="en">{g.note}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="glossary" id="glossary">
            <h2>{move || i18n::GLOSSARY.get(lang.get())}</h2><p>{move || i18n::GLOSSARY_INTRO.get(lang.get())}</p>
            <div class="table-scroll">
                <table data-testid="glossary">
                    <thead><tr><th scope="col">"中文"</th><th scope="col">"English"</th><th scope="col">"Note"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
