//! The data table behind a dataset's charts: every value as printed, units in the headers,
//! derived columns marked with their formula, note markers linking to the data notes, and the
//! Chinese original beside each English label.
//!
//! Layer: ui.

use super::state::use_app_state;
use crate::data::format::{number_text, qualifier, unit_label};
use crate::data::{Cell, Dataset, Lang, Row};
use crate::i18n;
use crate::spec::provenance::formula_text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn cell_text(cell: &Cell, per_row_unit: bool, lang: Lang) -> String {
    let Some(v) = &cell.value else { return i18n::NOT_GIVEN.get(lang).to_string() };
    let num = number_text(v.text, cell.unit, lang);
    let q = qualifier(v.qual, lang);
    let mut s = match (q.is_empty(), lang) {
        (true, _) => num,
        (false, Lang::Zh) => format!("{q}{num}"),
        (false, Lang::En) => format!("{q} {num}"),
    };
    if per_row_unit {
        if let Some(u) = cell.unit {
            s = format!("{s} {}", unit_label(u, lang));
        }
    }
    s
}

fn note_marks(ds: &'static Dataset, row: &'static Row, col: &'static str) -> impl IntoView {
    ds.notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.cells.iter().any(|c| *c == format!("{}:{col}", row.key)))
        .map(|(i, n)| {
            let href = format!("#note-{}-{}", ds.id, n.id);
            view! { <a class="note-mark" href=href>{format!("※{}", i + 1)}</a> }
        })
        .collect_view()
}

/// The table of one dataset.
#[component]
pub fn DataTable(ds: &'static Dataset) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let has_cols = !ds.columns.is_empty();
    let body = move || {
        let l = lang.get();
        let head = ds
            .columns
            .iter()
            .map(|c| {
                let unit = c.unit.map(|u| unit_label(u, l).to_string());
                let derived = c.expr.map(|_| i18n::DERIVED.get(l));
                let title =
                    c.expr.map(|e| format!("{}: {}", i18n::FORMULA.get(l), formula_text(e, ds, &ds.rows[0], l)));
                view! {
                    <th scope="col" class:derived=c.expr.is_some() title=title>
                        {c.label.get(l)}
                        {derived.map(|d| view! { <span class="tag">{d}</span> })}
                        {unit.map(|u| view! { <span class="unit">{u}</span> })}
                    </th>
                }
            })
            .collect_view();
        let rows = ds
            .rows
            .iter()
            .map(|r| {
                let cells = r
                    .cells
                    .iter()
                    .zip(ds.columns)
                    .map(|(cell, col)| {
                        let derived = cell.value.as_ref().is_some_and(|v| v.status.is_derived());
                        let supp = cell.value.as_ref().is_some_and(|v| v.status.is_supplementary());
                        let title = cell.value.as_ref().and_then(|v| v.expr).map(|e| formula_text(e, ds, r, l));
                        let own_tag = derived && col.expr.is_none();
                        view! {
                            <td class:derived=derived class:supplementary=supp class:num=cell.value.is_some() title=title
                                data-col=col.id>
                                {cell_text(cell, col.unit.is_none(), l)}
                                {own_tag.then(|| view! { <span class="tag">{i18n::DERIVED.get(l)}</span> })}
                                {note_marks(ds, r, col.id)}
                            </td>
                        }
                    })
                    .collect_view();
                let extra = [r.measure, r.period, r.group, r.detail]
                    .into_iter()
                    .flatten()
                    .map(|t| t.get(l))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let entities = r.entities;
                let selected = move || st.selected.get().is_some_and(|e| entities.contains(&e));
                view! {
                    <tr data-row=r.key class:selected=selected>
                        <th scope="row">
                            <span class="label">{r.label.get(l)}</span>
                            {(l == Lang::En).then(|| view! { <span class="original" lang="zh-CN">{r.label.zh}</span> })}
                            {(!extra.is_empty()).then(|| view! { <span class="extra">{extra}</span> })}
                            {r.source.map(|s| view! { <a class="extra" href=s rel="noreferrer noopener" target="_blank">{i18n::SOURCE_LINK.get(l)}</a> })}
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table id=format!("table-{}", ds.id) data-dataset=ds.id>
                <caption>{ds.title.get(l)}" · "{ds.period.get(l)}</caption>
                <thead><tr><th scope="col">{i18n::ROW.get(l)}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    // The table is built the first time it is opened (or when the whole page is asked for).
    let opened = RwSignal::new(false);
    let shown = Memo::new(move |_| opened.get() || st.build_all.get());
    let toggle = move |ev: web_sys::Event| {
        let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    };
    has_cols.then(|| {
        view! {
            <details class="table-box" data-testid=format!("table-box-{}", ds.id) on:toggle=toggle>
                <summary>{move || i18n::DATA_TABLE.get(lang.get())}" · "{move || ds.title.get(lang.get())}</summary>
                <div class="table-scroll">{move || shown.get().then(body)}</div>
            </details>
        }
    })
}
