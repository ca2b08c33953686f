//! Data notes, always visible beside the data they concern: contradictions in the paper,
//! caveats and methods.
//!
//! Layer: ui.

use super::state::use_app_state;
use crate::data::{Dataset, NoteKind};
use crate::i18n;
use leptos::prelude::*;

/// The notes of one dataset (nothing when it has none), as a landmark named after the dataset.
#[component]
pub fn Notes(
    ds: &'static Dataset,
    /// The level of the notes' heading: that of the charts beside them (3 by default; 2 in an
    /// embed, under the chart's own h1).
    #[prop(optional)]
    level: u8,
) -> impl IntoView {
    let lang = use_app_state().lang;
    (!ds.notes.is_empty()).then(|| {
        let items = ds
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let (cls, tag) = match n.kind {
                    NoteKind::Inconsistency => ("inconsistency", i18n::NOTE_INCONSISTENCY),
                    NoteKind::Misprint => ("inconsistency misprint", i18n::NOTE_MISPRINT),
                    NoteKind::Caveat => ("caveat", i18n::NOTE_CAVEAT),
                    NoteKind::Method => ("method", i18n::NOTE_METHOD),
                };
                view! {
                    <li id=format!("note-{}-{}", ds.id, n.id) class=cls data-note=n.id>
                        <span class="note-num">{format!("※{}", i + 1)}</span>
                        <span class="kind">{move || tag.get(lang.get())}</span>
                        <span class="text">{move || n.text.get(lang.get())}</span>
                    </li>
                }
            })
            .collect_view();
        let name = move || format!("{}{}", i18n::NOTES_OF.get(lang.get()), ds.title.get(lang.get()));
        let heading = move || i18n::NOTES.get(lang.get());
        let heading = match level {
            2 => view! { <h2 class="notes-title">{heading}</h2> }.into_any(),
            4 => view! { <h4 class="notes-title">{heading}</h4> }.into_any(),
            _ => view! { <h3 class="notes-title">{heading}</h3> }.into_any(),
        };
        view! {
            <aside class="notes" aria-label=name>
                {heading}
                <ol>{items}</ol>
            </aside>
        }
    })
}
