//! What the table behind a dataset's charts says: its caption, each value as printed (with its
//! qualifier, and its unit where each row has its own), the formula of a derived column or cell,
//! what a row says besides its label, and the marks that link a cell to the notes concerning it.
//!
//! Layer: views. Pure; `ui::data_table` lays these out as an HTML table.

use super::anchor::Anchor;
use super::provenance::formula_text;
use crate::data::format::{number_text, qualified, unit_label};
use crate::data::{Cell, Column, Dataset, Lang, Row};
use crate::i18n;

/// The table's caption: the dataset's title and period.
pub fn caption(ds: &Dataset, lang: Lang) -> String {
    format!("{} · {}", ds.title.get(lang), ds.period.get(lang))
}

/// A value as the table shows it: as printed, with its qualifier; followed by its unit when the
/// column has none (each row names its own). An empty cell says the paper gives no figure.
pub fn cell_text(cell: &Cell, col: &Column, lang: Lang) -> String {
    let Some(v) = &cell.value else { return i18n::NOT_GIVEN.get(lang).to_string() };
    let text = qualified(v.qual, number_text(v.text, cell.unit, lang), lang);
    match cell.unit.filter(|_| col.unit.is_none()) {
        Some(u) => format!("{text} {}", unit_label(u, lang)),
        None => text,
    }
}

/// The title of a derived column's header: its formula in words.
pub fn column_formula(ds: &Dataset, col: &Column, lang: Lang) -> Option<String> {
    let e = col.expr?;
    Some(format!("{}: {}", i18n::FORMULA.get(lang), formula_text(e, ds, lang)))
}

/// The title of a cell derived on its own: its formula in words.
pub fn cell_formula(ds: &Dataset, cell: &Cell, lang: Lang) -> Option<String> {
    cell.value.as_ref()?.expr.map(|e| formula_text(e, ds, lang))
}

/// Whether a cell carries its own "derived" tag: derived where its column is not.
pub fn own_tag(cell: &Cell, col: &Column) -> bool {
    cell.value.as_ref().is_some_and(|v| v.status.is_derived()) && col.expr.is_none()
}

/// What a row says besides its label: its measure, period, group and detail.
pub fn row_extra(r: &Row, lang: Lang) -> Option<String> {
    let parts: Vec<&str> =
        [r.measure, r.period, r.group, r.detail].into_iter().flatten().map(|t| t.get(lang)).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The mark of the `i`-th note of a dataset (from 0), as the notes list and the table number it.
pub fn note_mark(i: usize) -> String {
    format!("※{}", i + 1)
}

/// The marks of the notes that concern a cell (those on its row or on the cell itself, as its
/// tooltip gives them), each with the place of its note.
pub fn note_marks(ds: &'static Dataset, row: &Row, col: &str) -> Vec<(String, Anchor)> {
    ds.notes
        .iter()
        .enumerate()
        .filter(|(_, n)| ds.cell_notes(row.key, col).any(|m| std::ptr::eq(m, *n)))
        .map(|(i, n)| (note_mark(i), Anchor::Note(ds.id, n.id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::registry::dataset;

    fn cell(ds: &str, row: &str, col: &str) -> (&'static Dataset, &'static Row, &'static Cell, &'static Column) {
        let d = dataset(ds).unwrap();
        let r = d.row(row).unwrap();
        let c = d.column_index(col).unwrap();
        (d, r, &r.cells[c], &d.columns[c])
    }

    #[test]
    fn a_note_on_a_whole_row_marks_every_cell_of_it_as_its_tooltip_names_it() {
        // Regression: only notes naming `row:column` were marked, so these two had no ※.
        for (ds, row, col, note) in
            [("headline", "surplus", "usd", "surplus-check"), ("unicorns", "transsion_brands", "value", "year-2003")]
        {
            let (d, r, ..) = cell(ds, row, col);
            let marks = note_marks(d, r, col);
            assert!(marks.iter().any(|(_, a)| *a == Anchor::Note(d.id, note)), "{ds}/{row}: {marks:?}");
        }
        let (d, r, ..) = cell("partners", "usa", "exports");
        let marks = note_marks(d, r, "exports");
        assert_eq!(marks.len(), 1, "{marks:?}");
        let i = d.notes.iter().position(|n| Anchor::Note(d.id, n.id) == marks[0].1).unwrap();
        assert_eq!(marks[0].0, note_mark(i));
        assert!(note_marks(d, d.row("japan").unwrap(), "exports").is_empty());
    }

    #[test]
    fn a_qualified_value_reads_as_the_paper_words_it_in_each_language() {
        let d = crate::data::DATASETS.iter().find(|d| {
            d.rows.iter().any(|r| {
                r.cells.iter().any(|c| c.value.as_ref().is_some_and(|v| v.qual != crate::data::Qualifier::Exact))
            })
        });
        let d = d.expect("a qualified figure");
        let (r, i) = d
            .rows
            .iter()
            .find_map(|r| {
                r.cells
                    .iter()
                    .position(|c| c.value.as_ref().is_some_and(|v| v.qual != crate::data::Qualifier::Exact))
                    .map(|i| (r, i))
            })
            .unwrap();
        let (c, col) = (&r.cells[i], &d.columns[i]);
        let v = c.value.as_ref().unwrap();
        let q = |l| crate::data::format::qualifier(v.qual, l);
        assert!(
            cell_text(c, col, Lang::En).starts_with(&format!("{} ", q(Lang::En))),
            "{}",
            cell_text(c, col, Lang::En)
        );
        assert!(
            cell_text(c, col, Lang::Zh).starts_with(q(Lang::Zh))
                && !cell_text(c, col, Lang::Zh).starts_with(&format!("{} ", q(Lang::Zh)))
        );
    }

    #[test]
    fn a_row_with_its_own_unit_shows_it_and_an_empty_cell_says_not_given() {
        let d =
            crate::data::DATASETS.iter().find(|d| d.columns.iter().any(|c| c.unit.is_none())).expect("a per-row unit");
        let i = d.columns.iter().position(|c| c.unit.is_none()).unwrap();
        let r = d.rows.iter().find(|r| r.cells[i].value.is_some() && r.cells[i].unit.is_some()).unwrap();
        let unit = unit_label(r.cells[i].unit.unwrap(), Lang::En);
        assert!(cell_text(&r.cells[i], &d.columns[i], Lang::En).ends_with(&format!(" {unit}")));
        let empty = Cell { value: None, unit: None };
        assert_eq!(cell_text(&empty, &d.columns[i], Lang::En), i18n::NOT_GIVEN.en);
    }

    #[test]
    fn a_derived_column_gives_its_formula_and_the_caption_its_title_and_period() {
        let d = dataset("headline").unwrap();
        let usd_2022 = d.column("usd_2022").unwrap();
        assert!(column_formula(d, usd_2022, Lang::En).unwrap().starts_with("Formula: "));
        assert_eq!(column_formula(d, d.column("usd").unwrap(), Lang::En), None);
        assert!(
            d.rows.iter().all(|r| !own_tag(&r.cells[d.column_index("usd_2022").unwrap()], usd_2022)),
            "the column says it"
        );
        assert_eq!(caption(d, Lang::En), format!("{} · {}", d.title.en, d.period.en));
    }

    #[test]
    fn a_row_says_its_measure_period_group_and_detail_after_its_label() {
        let r = crate::data::DATASETS.iter().flat_map(|d| d.rows.iter()).find(|r| r.period.is_some()).unwrap();
        assert!(row_extra(r, Lang::En).unwrap().contains(r.period.unwrap().en));
        let bare = crate::data::DATASETS
            .iter()
            .flat_map(|d| d.rows.iter())
            .find(|r| r.measure.is_none() && r.period.is_none() && r.group.is_none() && r.detail.is_none());
        assert_eq!(row_extra(bare.unwrap(), Lang::En), None);
    }
}
