//! Reading controls for charts with more than one reading: which metric, which order.
//!
//! Layer: ui. Plain `<select>` elements, built once (`views::page` names the options); a choice is
//! an intent.

use super::state::use_app_state;
use crate::i18n;
use crate::views::page::{metric_label, sort_label};
use crate::views::state::Intent;
use crate::views::{ChartDef, Controls, Settings};
use leptos::prelude::*;

/// One labelled `<select>`: `pick` gives the reading its option `i` chooses.
fn control(
    (def, settings): (&'static ChartDef, Memo<Settings>),
    (name, label): (&'static str, crate::data::L),
    options: AnyView,
    pick: impl Fn(usize, Settings) -> Option<Settings> + 'static,
) -> impl IntoView {
    let st = use_app_state();
    view! {
        <label class="control">
            <span>{move || label.get(st.lang.get())}</span>
            <select data-control=name on:change=move |ev| {
                let i = event_target_value(&ev).parse().unwrap_or(0);
                if let Some(s) = pick(i, settings.get_untracked()) {
                    st.dispatch(Intent::Reading(def, s));
                }
            }>{options}</select>
        </label>
    }
}

#[component]
pub fn ChartControls(def: &'static ChartDef, controls: &'static Controls, settings: Memo<Settings>) -> impl IntoView {
    let lang = use_app_state().lang;
    let metric = (controls.metrics.len() > 1).then(|| {
        let options = (0..controls.metrics.len())
            .map(|i| {
                let text = move || metric_label(def, controls, i, lang.get());
                view! { <option value=i.to_string() selected=move || settings.get().metric == i>{text}</option> }
            })
            .collect_view();
        control((def, settings), ("metric", i18n::METRIC), options.into_any(), |i, s| Some(Settings { metric: i, ..s }))
    });
    let sort = (controls.sorts.len() > 1).then(|| {
        let options = controls
            .sorts
            .iter()
            .enumerate()
            .map(|(i, &k)| {
                view! { <option value=i.to_string() selected=move || settings.get().sort == k>{move || sort_label(k).get(lang.get())}</option> }
            })
            .collect_view();
        let pick = move |i: usize, s: Settings| controls.sorts.get(i).map(|&sort| Settings { sort, ..s });
        control((def, settings), ("sort", i18n::SORT), options.into_any(), pick)
    });
    view! { <div class="controls">{metric}{sort}</div> }
}
