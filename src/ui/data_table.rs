//! The data table behind a dataset's charts: every value as printed, units in the headers,
//! derived columns marked with their formula, note markers linking to the data notes, and the
//! Chinese original beside each English label.
//!
//! Layer: ui.

use super::state::{use_app_state, AppState};
use crate::data::format::{number_text, qualifier, unit_label};
use crate::data::{Cell, Column, Dataset, Lang, Row};
use crate::i18n;
use crate::views::provenance::formula_text;
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

/// The header cell of one value column: its label, a "derived" tag with the formula as a title,
/// and its unit. Text follows the language; the cell itself is built once.
fn head_cell(ds: &'static Dataset, c: &'static Column, lang: RwSignal<Lang>) -> impl IntoView {
    let title = move || {
        let l = lang.get();
        c.expr.map(|e| format!("{}: {}", i18n::FORMULA.get(l), formula_text(e, ds, l)))
    };
    view! {
        <th scope="col" class:derived=c.expr.is_some() title=title>
            {move || c.label.get(lang.get())}
            {c.expr.map(|_| view! { <span class="tag">{move || i18n::DERIVED.get(lang.get())}</span> })}
            {c.unit.map(|u| view! { <span class="unit">{move || unit_label(u, lang.get())}</span> })}
        </th>
    }
}

/// One value cell: the value as printed (with a tag when only this cell is derived) and marks
/// linking to the notes that concern it.
fn value_cell(
    ds: &'static Dataset,
    r: &'static Row,
    cell: &'static Cell,
    col: &'static Column,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let derived = cell.value.as_ref().is_some_and(|v| v.status.is_derived());
    let supp = cell.value.as_ref().is_some_and(|v| v.status.is_supplementary());
    let expr = cell.value.as_ref().and_then(|v| v.expr);
    let title = move || expr.map(|e| formula_text(e, ds, lang.get()));
    let own_tag = derived && col.expr.is_none();
    view! {
        <td class:derived=derived class:supplementary=supp class:num=cell.value.is_some() title=title data-col=col.id>
            {move || cell_text(cell, col.unit.is_none(), lang.get())}
            {own_tag.then(|| view! { <span class="tag">{move || i18n::DERIVED.get(lang.get())}</span> })}
            {note_marks(ds, r, col.id)}
        </td>
    }
}

/// One row: its label (with the Chinese original in the English edition), its measure, period,
/// group and detail, its source link when supplementary, and its cells.
fn table_row(ds: &'static Dataset, r: &'static Row, st: AppState) -> impl IntoView {
    let lang = st.lang;
    let cells = r.cells.iter().zip(ds.columns).map(|(cell, col)| value_cell(ds, r, cell, col, lang)).collect_view();
    let extra = move || {
        let l = lang.get();
        [r.measure, r.period, r.group, r.detail].into_iter().flatten().map(|t| t.get(l)).collect::<Vec<_>>().join(" · ")
    };
    let has_extra = [r.measure, r.period, r.group, r.detail].iter().any(Option::is_some);
    let entities = r.entities;
    let selected = move || st.selected.get().is_some_and(|e| entities.contains(&e));
    view! {
        <tr data-row=r.key class:selected=selected>
            <th scope="row">
                <span class="label">{move || r.label.get(lang.get())}</span>
                <span class="original" lang="zh-CN" hidden=move || lang.get() == Lang::Zh>{r.label.zh}</span>
                {has_extra.then(|| view! { <span class="extra">{extra}</span> })}
                {r.source.map(|s| view! {
                    <a class="extra" href=s rel="noreferrer noopener" target="_blank">{move || i18n::SOURCE_LINK.get(lang.get())}</a>
                })}
            </th>
            {cells}
        </tr>
    }
}

/// The table of one dataset. Its rows are built once, the first time it is opened (or when the
/// whole page is asked for); a language switch then changes only text.
#[component]
pub fn DataTable(ds: &'static Dataset) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let table = move || {
        view! {
            <table id=format!("table-{}", ds.id) data-dataset=ds.id>
                <caption>{move || format!("{} · {}", ds.title.get(lang.get()), ds.period.get(lang.get()))}</caption>
                <thead><tr>
                    <th scope="col">{move || i18n::ROW.get(lang.get())}</th>
                    {ds.columns.iter().map(|c| head_cell(ds, c, lang)).collect_view()}
                </tr></thead>
                <tbody>{ds.rows.iter().map(|r| table_row(ds, r, st)).collect_view()}</tbody>
            </table>
        }
    };
    let opened = RwSignal::new(false);
    let shown = Memo::new(move |_| opened.get() || st.build_all.get());
    let toggle = move |ev: web_sys::Event| {
        let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    };
    (!ds.columns.is_empty()).then(|| {
        view! {
            <details class="table-box" data-testid=format!("table-box-{}", ds.id) on:toggle=toggle>
                <summary>{move || i18n::DATA_TABLE.get(lang.get())}" · "{move || ds.title.get(lang.get())}</summary>
                <div class="table-scroll">{move || shown.get().then(table)}</div>
            </details>
        }
    })
}
