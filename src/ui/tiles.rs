//! Single figures as tiles: label, value as printed with its unit, growth or period, and the
//! full provenance in a tooltip on hover, focus or tap.
//!
//! Layer: ui.

use super::state::use_app_state;
use super::tooltip::Tooltip;
use crate::i18n;
use crate::spec::build::Built;
use crate::spec::provenance::facts;
use leptos::prelude::*;

#[component]
pub fn TilesView(built: Memo<Built>) -> impl IntoView {
    let lang = use_app_state().lang;
    let active = RwSignal::new(None::<usize>);
    move || {
        let l = lang.get();
        let Built::Tiles(tiles) = built.get() else { return ().into_any() };
        tiles
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let cref = t.cref;
                let tip = move || (active.get() == Some(i)).then(|| view! { <Tooltip facts=facts(cref, l) x=0.0 y=0.0 width=0.0 below=true/> });
                view! {
                    <div class="tile" class:derived=t.derived class:flagged=t.flagged tabindex="0"
                        data-row=t.cref.row.key
                        on:mouseenter=move |_| active.set(Some(i)) on:mouseleave=move |_| active.set(None)
                        on:focus=move |_| active.set(Some(i)) on:blur=move |_| active.set(None)>
                        <p class="tile-label">{t.label}</p>
                        <p class="tile-value">{t.value}{t.flagged.then_some(" ※")}</p>
                        {t.sub.map(|s| view! { <p class="tile-sub">{s}</p> })}
                        {t.derived.then(|| view! { <p class="tile-sub tag" title=i18n::DERIVED_HINT.get(l)>{i18n::DERIVED.get(l)}</p> })}
                        {tip}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    }
}
