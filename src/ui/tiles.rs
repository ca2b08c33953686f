//! Single figures as tiles: label, value as printed with its unit, growth or period, and the
//! full provenance in a tooltip on hover, focus or tap.
//!
//! Layer: ui. The tiles are built once; a language switch changes only their text.

use super::state::use_app_state;
use super::tooltip::Tooltip;
use crate::i18n;
use crate::views::build::{Built, Tile};
use crate::views::provenance::facts;
use leptos::prelude::*;

/// Read one tile of the built chart (tracking it).
fn with_tile<T: Default>(built: Memo<Built>, i: usize, f: impl Fn(&Tile) -> T) -> T {
    built.with(|b| b.tiles().get(i).map(f).unwrap_or_default())
}

#[component]
pub fn TilesView(built: Memo<Built>) -> impl IntoView {
    let st = use_app_state();
    let active = RwSignal::new(None::<usize>);
    let tiles: Vec<Tile> = built.with_untracked(|b| b.tiles().to_vec());
    tiles
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let cref = t.cref;
            let tip = move || {
                (active.get() == Some(i))
                    .then(|| view! { <Tooltip facts=facts(cref, st.lang.get()) x=0.0 y=0.0 width=0.0 below=true/> })
            };
            let sub = move || with_tile(built, i, |t| t.sub.clone());
            view! {
                <div class="tile" class:derived=t.derived class:flagged=t.flagged tabindex="0" data-row=t.cref.row.key
                    on:mouseenter=move |_| active.set(Some(i)) on:mouseleave=move |_| active.set(None)
                    on:focus=move |_| active.set(Some(i)) on:blur=move |_| active.set(None)>
                    <p class="tile-label">{move || with_tile(built, i, |t| t.label.clone())}</p>
                    <p class="tile-value">{move || with_tile(built, i, |t| t.value.clone())}{t.flagged.then_some(" ※")}</p>
                    <p class="tile-sub" hidden=move || sub().is_none()>{sub}</p>
                    {t.derived.then(|| view! { <p class="tile-sub tag" title=st.t(i18n::DERIVED_HINT)>{st.t(i18n::DERIVED)}</p> })}
                    {tip}
                </div>
            }
        })
        .collect_view()
}
