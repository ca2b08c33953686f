//! Data notes, always visible beside the data they concern: contradictions in the paper,
//! caveats and methods.
//!
//! Layer: ui.

use super::chart_card::heading;
use super::state::use_app_state;
use crate::data::Dataset;
use crate::i18n;
use crate::views::anchor::Anchor;
use crate::views::data_table::note_mark;
use leptos::prelude::*;

/// The notes of one dataset (nothing when it has none), as a landmark named after the dataset.
#[component]
pub fn Notes(
    ds: &'static Dataset,
    /// The level of the notes' heading: that of the charts beside them (`views::page::card_level`;
    /// 2 in an embed, under the chart's own h1).
    level: u8,
) -> impl IntoView {
    let lang = use_app_state().lang;
    (!ds.notes.is_empty()).then(|| {
        let items = ds
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                view! {
                    <li id=Anchor::Note(ds.id, n.id).to_string() class=n.kind.css() data-note=n.id>
                        <span class="note-num">{note_mark(i)}</span><span class="kind">{move || n.kind.label().get(lang.get())}</span>
                        <span class="text">{move || n.text.get(lang.get())}</span>
                    </li>
                }
            })
            .collect_view();
        let name = move || format!("{}{}", i18n::NOTES_OF.get(lang.get()), ds.title.get(lang.get()));
        view! {
            <aside class="notes" aria-label=name>
                {heading(level, "notes-title", move || i18n::NOTES.get(lang.get()))}
                <ol>{items}</ol>
            </aside>
        }
    })
}
