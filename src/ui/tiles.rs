//! Single figures as tiles: label, value as printed with its unit, growth or period, and the
//! full provenance on hover or focus.
//!
//! Layer: ui.

use super::i18n;
use super::state::use_app_state;
use crate::spec::build::Built;
use crate::spec::provenance::{facts, facts_lines};
use leptos::prelude::*;

#[component]
pub fn TilesView(built: Memo<Built>) -> impl IntoView {
    let lang = use_app_state().lang;
    move || {
        let l = lang.get();
        let Built::Tiles(tiles) = built.get() else { return ().into_any() };
        tiles
            .into_iter()
            .map(|t| {
                let title = facts_lines(&facts(t.cref, l), l).join("\n");
                view! {
                    <div class="tile" class:derived=t.derived class:flagged=t.flagged tabindex="0" title=title
                        data-row=t.cref.row.key>
                        <p class="tile-label">{t.label}</p>
                        <p class="tile-value">{t.value}{t.flagged.then_some(" ※")}</p>
                        {t.sub.map(|s| view! { <p class="tile-sub">{s}</p> })}
                        {t.derived.then(|| view! { <p class="tile-sub tag" title=i18n::DERIVED_HINT.get(l)>{i18n::DERIVED.get(l)}</p> })}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    }
}
