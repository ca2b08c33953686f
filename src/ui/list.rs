//! Lists: rank orders (the top-10 warehouse countries), named groups (the fastest-growing
//! markets), models with examples (Figure 1) and the timeline of dated events.
//!
//! Layer: ui. The items are built once; a language switch changes only their text.

use super::state::use_app_state;
use crate::data::Lang;
use crate::views::build::{Built, ListItem};
use leptos::prelude::*;

/// Read one item of the built list (tracking it).
fn with_item<T: Default>(built: Memo<Built>, i: usize, f: impl Fn(&ListItem) -> T) -> T {
    built.with(|b| b.items().get(i).map(f).unwrap_or_default())
}

#[component]
pub fn ListView(built: Memo<Built>) -> impl IntoView {
    let lang = use_app_state().lang;
    let items: Vec<ListItem> = built.with_untracked(|b| b.items().to_vec());
    let ranked = items.iter().any(|i| i.rank.is_some());
    let lis = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let text = move |f: fn(&ListItem) -> Option<String>| move || with_item(built, i, f);
            view! {
                <li data-entity=item.entities.join(" ")>
                    {item.rank.map(|r| view! { <span class="rank">{r}</span> })}
                    <span class="list-label">{move || with_item(built, i, |it| it.label.clone())}</span>
                    {item.original.is_some().then(|| view! {
                        <span class="original" lang="zh-CN" hidden=move || lang.get() == Lang::Zh>{item.original.clone()}</span>
                    })}
                    {item.group.is_some().then(|| view! { <span class="chip">{text(|it| it.group.clone())}</span> })}
                    {item.detail.is_some().then(|| view! { <span class="detail">{text(|it| it.detail.clone())}</span> })}
                </li>
            }
        })
        .collect_view();
    if ranked {
        view! { <ol class="rank-list">{lis}</ol> }.into_any()
    } else {
        view! { <ul class="plain-list">{lis}</ul> }.into_any()
    }
}
