//! The map layer as a table (the map's accessible alternative): one row per item with its
//! values, units, status and the paper's section.
//!
//! Layer: views.

use super::Drawn;
use crate::data::format::paper_section;
use crate::data::Lang;
use crate::views::provenance::{facts, row_facts};
use crate::views::words;
use crate::views::CellRef;

/// One row of a layer's table.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// The item: its tooltip heading, else its label.
    pub head: String,
    /// Its values, "column: value" joined by " · ".
    pub values: String,
    /// The paper's section of its first value.
    pub section: String,
}

/// One value of a table row: the column's name (and the row's, when the cell comes from another
/// row than the item's own, as ASEAN's regions do), the value, and a supplementary tag.
fn value_text(c: CellRef, label: &str, lang: Lang) -> String {
    let f = facts(c, lang);
    let tag = if c.cell().value.as_ref().is_some_and(|v| v.status.is_supplementary()) {
        format!(" ({})", words::SUPPLEMENTARY.get(lang))
    } else {
        String::new()
    };
    if c.row.label.get(lang) == label {
        format!("{}: {}{tag}", c.ds.columns[c.col].label.get(lang), f.value)
    } else {
        format!("{}: {}{tag}", f.title, f.value)
    }
}

/// The rows of a layer's table, given its row labels (as drawn) and the cells behind them.
pub fn table_rows(labels: &[String], drawn: &Drawn, lang: Lang) -> Vec<TableRow> {
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let head = drawn.head(i).map_or_else(|| label.clone(), str::to_string);
            let mut values: Vec<String> = drawn.row(i).iter().flatten().map(|c| value_text(*c, label, lang)).collect();
            let first = drawn.row(i).iter().flatten().next();
            let row_ref = drawn.row_ref(i);
            if values.is_empty() {
                values.extend(row_ref.map(|r| row_facts(r.ds, r.row, lang).value));
            }
            let section = first
                .map(|c| c.row.section.unwrap_or(c.ds.section))
                .or_else(|| row_ref.map(|r| r.row.section.unwrap_or(r.ds.section)))
                .map(|s| paper_section(s, lang))
                .unwrap_or_default();
            TableRow { head, values: values.join(" · "), section }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ChartSpec;
    use crate::views::{build, chart, Built};

    fn rows(id: &str, lang: Lang) -> Vec<TableRow> {
        let Built::Canvas { spec, drawn } = build(chart(id).unwrap(), lang) else { panic!() };
        let ChartSpec::Map(m) = spec.as_ref() else { panic!("{id} is a map layer") };
        table_rows(&m.row_labels, &drawn, lang)
    }

    #[test]
    fn the_partners_table_names_columns_not_the_row_again() {
        let t = rows("map-partners", Lang::En);
        let us = t.iter().find(|r| r.head == "United States").expect("a US row");
        assert!(us.values.starts_with("Exports: US$664.451 billion"), "{}", us.values);
        assert!(!us.values.contains("United States ·"), "{}", us.values);
        assert_eq!(us.section, "§1.4.2");
    }

    #[test]
    fn supplementary_counts_are_tagged_in_the_warehouse_table() {
        let t = rows("map-warehouses", Lang::En);
        assert!(t.iter().any(|r| r.values.contains("(supplementary)")), "{t:?}");
    }

    #[test]
    fn a_named_market_without_a_figure_shows_its_group_in_place_of_a_value() {
        let t = rows("map-ecommerce", Lang::Zh);
        assert!(t.iter().all(|r| !r.values.is_empty()), "{t:?}");
        assert!(t.iter().all(|r| !r.section.is_empty()), "{t:?}");
    }
}
