//! Data notes, always visible beside the data they concern: contradictions in the paper,
//! caveats and methods.
//!
//! Layer: ui.

use super::state::use_app_state;
use crate::data::{Dataset, NoteKind};
use crate::i18n;
use leptos::prelude::*;

/// The notes of one dataset (nothing when it has none).
#[component]
pub fn Notes(ds: &'static Dataset) -> impl IntoView {
    let lang = use_app_state().lang;
    (!ds.notes.is_empty()).then(|| {
        let items = ds
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let (cls, tag) = match n.kind {
                    NoteKind::Inconsistency => ("inconsistency", i18n::NOTE_INCONSISTENCY),
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
        view! {
            <aside class="notes" aria-label=move || i18n::NOTES.get(lang.get())>
                <h5>{move || i18n::NOTES.get(lang.get())}</h5>
                <ol>{items}</ol>
            </aside>
        }
    })
}
