//! The data table behind a dataset's charts: values as printed, units and formulas in the
//! headers, note marks, the Chinese original beside each English label.
//!
//! Layer: ui. What each cell, header and caption says is `views::data_table`'s.

use super::state::{use_app_state, AppState, Read};
use crate::data::format::unit_label;
use crate::data::{Cell, Column, Dataset, Lang, Row};
use crate::i18n;
use crate::views::anchor::Anchor;
use crate::views::data_table as model;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The header cell of one value column: its label, a "derived" tag with the formula as a title,
/// and its unit. Text follows the language; the cell itself is built once.
fn head_cell(ds: &'static Dataset, c: &'static Column, lang: Read<Lang>) -> impl IntoView {
    view! {
        <th scope="col" class:derived=c.expr.is_some() title=move || model::column_formula(ds, c, lang.get())>
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
    (cell, col): (&'static Cell, &'static Column),
    lang: Read<Lang>,
) -> impl IntoView {
    let status = cell.value.as_ref().map(|v| v.status);
    let marks = model::note_marks(ds, r, col.id)
        .into_iter()
        .map(|(mark, to)| view! { <a class="note-mark" href=format!("#{to}")>{mark}</a> });
    view! {
        <td class:derived=status.is_some_and(|s| s.is_derived()) class:supplementary=status.is_some_and(|s| s.is_supplementary())
            class:num=cell.value.is_some() title=move || model::cell_formula(ds, cell, lang.get()) data-col=col.id>
            {move || model::cell_text(cell, col, lang.get())}
            {model::own_tag(cell, col).then(|| view! { <span class="tag">{move || i18n::DERIVED.get(lang.get())}</span> })}
            {marks.collect_view()}
        </td>
    }
}

/// One row: its label (with the Chinese original in the English edition), its measure, period,
/// group and detail, its source link when supplementary, and its cells.
fn table_row(ds: &'static Dataset, r: &'static Row, st: AppState) -> impl IntoView {
    let lang = st.lang;
    let cells = r.cells.iter().zip(ds.columns).map(|c| value_cell(ds, r, c, lang)).collect_view();
    let has_extra = model::row_extra(r, Lang::Zh).is_some();
    let selected = move || st.selected.get().is_some_and(|e| r.entities.contains(&e));
    view! {
        <tr data-row=r.key class:selected=selected>
            <th scope="row">
                <span class="label">{move || r.label.get(lang.get())}</span>
                <span class="original" lang="zh-CN" hidden=move || lang.get() == Lang::Zh>{r.label.zh}</span>
                {has_extra.then(|| view! { <span class="extra">{move || model::row_extra(r, lang.get())}</span> })}
                {r.source.map(|s| view! {
                    <a class="extra" href=s rel="noreferrer noopener" target="_blank">{move || i18n::SOURCE_LINK.get(lang.get())}</a>
                })}
            </th>{cells}</tr>
    }
}

/// A table behind a `<details>`: built the first time it is opened (or when the whole page is
/// asked for); a language switch then changes only its text.
pub fn table_box(
    testid: String,
    summary: impl IntoView + 'static,
    table: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let st = use_app_state();
    let opened = RwSignal::new(false);
    let shown = Memo::new(move |_| opened.get() || st.build_all.get());
    let toggle = move |ev: web_sys::Event| {
        let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <details class="table-box" data-testid=testid on:toggle=toggle>
            <summary>{summary}</summary><div class="table-scroll">{move || shown.get().then(&table)}</div>
        </details>
    }
}

/// The table of one dataset.
#[component]
pub fn DataTable(ds: &'static Dataset) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let table = move || {
        view! {
            <table id=Anchor::Table(ds.id).to_string() data-dataset=ds.id>
                <caption>{move || model::caption(ds, lang.get())}</caption>
                <thead><tr>
                    <th scope="col">{move || i18n::ROW.get(lang.get())}</th>
                    {ds.columns.iter().map(|c| head_cell(ds, c, lang)).collect_view()}
                </tr></thead>
                <tbody>{ds.rows.iter().map(|r| table_row(ds, r, st)).collect_view()}</tbody>
            </table>
        }
        .into_any()
    };
    let summary = view! { {move || i18n::DATA_TABLE.get(lang.get())}" · "{move || ds.title.get(lang.get())} };
    (!ds.columns.is_empty()).then(|| table_box(format!("table-box-{}", ds.id), summary, table))
}
