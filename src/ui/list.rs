//! Lists: rank orders (the top-10 warehouse countries), named groups (the fastest-growing
//! markets) and models with examples (Figure 1).
//!
//! Layer: ui.

use super::state::use_app_state;
use crate::spec::build::Built;
use leptos::prelude::*;

#[component]
pub fn ListView(built: Memo<Built>) -> impl IntoView {
    let lang = use_app_state().lang;
    move || {
        let _ = lang.get();
        let Built::List(items) = built.get() else { return ().into_any() };
        let ranked = items.iter().any(|i| i.rank.is_some());
        let lis = items
            .into_iter()
            .map(|i| {
                view! {
                    <li data-entity=i.entities.join(" ")>
                        {i.rank.map(|r| view! { <span class="rank">{r}</span> })}
                        <span class="list-label">{i.label}</span>
                        {i.original.map(|o| view! { <span class="original" lang="zh-CN">{o}</span> })}
                        {i.group.map(|g| view! { <span class="chip">{g}</span> })}
                        {i.detail.map(|d| view! { <span class="detail">{d}</span> })}
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
}
