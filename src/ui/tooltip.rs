//! The tooltip: the exact value as printed, unit, growth, status (stated or derived, with the
//! formula), period, source and any data note.
//!
//! Layer: ui.

use super::state::use_app_state;
use crate::data::NoteKind;
use crate::i18n;
use crate::views::provenance::Facts;
use leptos::prelude::*;

/// A tooltip placed beside the point (x, y) of a chart `width` pixels wide.
#[component]
pub fn Tooltip(
    facts: Facts,
    #[prop(optional)] extra: Vec<String>,
    x: f64,
    y: f64,
    width: f64,
    /// Place under its element (tiles) instead of beside a point.
    #[prop(optional)]
    below: bool,
) -> impl IntoView {
    let lang = use_app_state().lang.get_untracked();
    // Narrow charts: a full-width panel under the mark. Wide charts: beside the mark, on the
    // side with more room, never wider than the room left on that side.
    let style = if below {
        "left:0;top:calc(100% + 6px);transform:none;min-width:min(16rem,80vw)".to_string()
    } else if width < 520.0 {
        format!("left:4px;right:4px;top:{:.0}px;transform:none;max-width:none", y + 14.0)
    } else if x > width * 0.55 {
        let right = (width - x + 12.0).max(4.0);
        format!("right:{right:.0}px;top:{y:.0}px;max-width:min(22rem,{:.0}px)", (width - right - 4.0).max(120.0))
    } else {
        let left = x + 12.0;
        format!("left:{left:.0}px;top:{y:.0}px;max-width:min(22rem,{:.0}px)", (width - left - 4.0).max(120.0))
    };
    let notes = facts
        .notes
        .iter()
        .map(|(k, t)| {
            let (cls, tag) = match k {
                NoteKind::Inconsistency => ("note inconsistency", i18n::NOTE_INCONSISTENCY),
                NoteKind::Misprint => ("note inconsistency misprint", i18n::NOTE_MISPRINT),
                NoteKind::Caveat => ("note caveat", i18n::NOTE_CAVEAT),
                NoteKind::Method => ("note method", i18n::NOTE_METHOD),
            };
            view! { <p class=cls><strong>{tag.get(lang)}": "</strong>{t.clone()}</p> }
        })
        .collect_view();
    view! {
        <div class="tooltip" role="tooltip" style=style data-testid="tooltip">
            <p class="tt-title">{facts.title.clone()}</p>
            <p class="tt-value">{facts.value.clone()}</p>
            {facts.growth.clone().map(|g| view! { <p class="tt-growth">{g}</p> })}
            {facts.printed.clone().map(|p| view! { <p class="tt-printed">{i18n::PRINTED_AS.get(lang)}": "{p}</p> })}
            {extra.into_iter().map(|e| view! { <p class="tt-extra">{e}</p> }).collect_view()}
            <p class="tt-status" class:derived=facts.derived>{facts.status.clone()}</p>
            <p class="tt-meta">{facts.period.clone()}</p>
            <p class="tt-meta">{facts.locator.clone()}" · "{facts.agency.clone()}</p>
            {notes}
        </div>
    }
}
