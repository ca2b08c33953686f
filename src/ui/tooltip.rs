//! The tooltip: the exact value as printed, unit, growth, status (stated or derived, with the
//! formula), period, source and any data note.
//!
//! Layer: ui. What it says is `views::interact::tooltip`'s, where it goes `placement`'s.

use super::state::use_app_state;
use crate::i18n;
use crate::views::interact::tooltip::placement;
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
    let notes = facts
        .notes
        .iter()
        .map(|(k, t)| view! { <p class=format!("note {}", k.css())><strong>{k.label().get(lang)}": "</strong>{t.clone()}</p> })
        .collect_view();
    view! {
        <div class="tooltip" role="tooltip" style=placement(x, y, width, below) data-testid="tooltip">
            <p class="tt-title">{facts.title.clone()}</p><p class="tt-value">{facts.value.clone()}</p>
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
