//! Reading controls for charts whose data has more than one reading: which metric, which order.
//!
//! Layer: ui. Plain `<select>` elements: keyboard and screen-reader friendly as they are. The
//! options are built once; a language switch changes only their text.

use super::state::use_app_state;
use crate::i18n;
use crate::views::{ChartDef, Controls, Settings, SortKey};
use leptos::prelude::*;

fn sort_label(k: SortKey) -> crate::data::L {
    match k {
        SortKey::Paper => i18n::SORT_PAPER,
        SortKey::Value => i18n::SORT_VALUE,
        SortKey::Growth => i18n::SORT_GROWTH,
        SortKey::Name => i18n::SORT_NAME,
    }
}

#[component]
pub fn ChartControls(
    def: &'static ChartDef,
    controls: &'static Controls,
    settings: Memo<Settings>,
    set_settings: Callback<Settings>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let ds = def.dataset();
    let metric = (controls.metrics.len() > 1).then(|| {
        let options = controls
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let text = move || {
                    let l = lang.get();
                    let named = controls.labels.get(i).map(|n| n.get(l));
                    let label = named.or_else(|| ds.column(m).map(|c| c.label.get(l))).unwrap_or(m);
                    let derived = ds.column(m).is_some_and(|c| c.expr.is_some());
                    match (derived, l) {
                        (false, _) => label.to_string(),
                        (true, crate::data::Lang::Zh) => format!("{label}({})", i18n::DERIVED.get(l)),
                        (true, crate::data::Lang::En) => format!("{label} ({})", i18n::DERIVED.get(l)),
                    }
                };
                view! { <option value=i.to_string() selected=move || settings.get().metric == i>{text}</option> }
            })
            .collect_view();
        view! {
            <label class="control">
                <span>{move || i18n::METRIC.get(lang.get())}</span>
                <select data-control="metric" on:change=move |ev| {
                    let i = event_target_value(&ev).parse().unwrap_or(0);
                    set_settings.run(Settings { metric: i, ..settings.get_untracked() });
                }>{options}</select>
            </label>
        }
    });
    let sort = (controls.sorts.len() > 1).then(|| {
        let options = controls
            .sorts
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let k = *k;
                let text = move || sort_label(k).get(lang.get());
                view! { <option value=i.to_string() selected=move || settings.get().sort == k>{text}</option> }
            })
            .collect_view();
        view! {
            <label class="control">
                <span>{move || i18n::SORT.get(lang.get())}</span>
                <select data-control="sort" on:change=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    if let Some(k) = controls.sorts.get(i) {
                        set_settings.run(Settings { sort: *k, ..settings.get_untracked() });
                    }
                }>{options}</select>
            </label>
        }
    });
    view! { <div class="controls">{metric}{sort}</div> }
}
