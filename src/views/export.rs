//! What a chart's menu hands out: the data shown as CSV or JSON with a provenance header (which
//! includes the chart's description), and citation text.
//!
//! Layer: views. Pure text; the UI turns it into downloads.

use super::describe::{describe, Focus};
use super::provenance::{locator, source_line};
use super::words::desc;
use super::{build_with, Built, CellRef, ChartDef, Settings};
use crate::data::export::{comment, field, provenance_lines};
use crate::data::{Lang, Status, PAPER};

/// The cells a chart currently draws, row by row.
pub fn shown_cells(def: &ChartDef, lang: Lang, settings: &Settings) -> Vec<Vec<Option<CellRef>>> {
    cells_of(def, &build_with(def, lang, settings))
}

fn cells_of(def: &ChartDef, built: &Built) -> Vec<Vec<Option<CellRef>>> {
    match built {
        Built::Canvas { drawn, .. } => drawn.rows().to_vec(),
        Built::Tiles(t) => t.iter().map(|t| vec![Some(t.cref)]).collect(),
        Built::List(_) => def.dataset().rows.iter().map(|_| Vec::new()).collect(),
    }
}

/// What an exported file says about the view it holds: the chart in its reading, every series,
/// no selection (as the exported image draws it).
pub fn description(def: &ChartDef, built: &Built, lang: Lang) -> String {
    describe(def, built, lang, Focus::default()).text()
}

/// The cells shown in a reading and the description of that view.
fn shown(def: &ChartDef, lang: Lang, settings: &Settings) -> (Vec<Vec<Option<CellRef>>>, String) {
    let built = build_with(def, lang, settings);
    (cells_of(def, &built), description(def, &built, lang))
}

/// Column ids of the shown cells, in order of first appearance.
fn columns(cells: &[Vec<Option<CellRef>>]) -> Vec<(&'static str, &'static crate::data::Dataset)> {
    let mut out: Vec<(&'static str, &'static crate::data::Dataset)> = Vec::new();
    for c in cells.iter().flatten().flatten() {
        let id = c.column_id();
        if !out.iter().any(|(i, d)| *i == id && d.id == c.ds.id) {
            out.push((id, c.ds));
        }
    }
    out
}

fn status(c: &CellRef) -> String {
    match c.cell().value.as_ref() {
        None => String::new(),
        Some(v) => match (v.status, v.expr) {
            (Status::Stated, _) => "stated".into(),
            (Status::Supplementary, _) => "supplementary".into(),
            (_, Some(e)) => format!("derived: {e}"),
            (_, None) => "derived".into(),
        },
    }
}

/// The data shown by a chart, as CSV text with a provenance header (UTF-8 with BOM).
pub fn chart_csv(def: &ChartDef, lang: Lang, settings: &Settings) -> String {
    let ds = def.dataset();
    let (cells, about) = shown(def, lang, settings);
    let cols = columns(&cells);
    let mut out = String::from("\u{feff}");
    out.push_str(&comment(def.title.get(lang)));
    out.push_str(&comment(&format!("{}: {about}", desc::FIELD.get(lang))));
    for l in provenance_lines(ds, lang) {
        out.push_str(&comment(&l));
    }
    let mut head = vec!["dataset".to_string(), "key".into(), "label_zh".into(), "label_en".into()];
    for (id, _) in &cols {
        head.extend([id.to_string(), format!("{id}_unit"), format!("{id}_qualifier"), format!("{id}_status")]);
    }
    out.push_str(&head.iter().map(|h| field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for row in &cells {
        let Some(first) = row.iter().flatten().next() else { continue };
        let mut f =
            vec![first.ds.id.to_string(), first.row.key.into(), first.row.label.zh.into(), first.row.label.en.into()];
        for (id, cds) in &cols {
            let c = row.iter().flatten().find(|c| c.column_id() == *id && c.ds.id == cds.id);
            let (v, unit, q, st) = match c {
                Some(c) => {
                    let cell = c.cell();
                    let v = cell.value.as_ref();
                    (
                        v.map_or(String::new(), |v| v.text.replace('~', "–")),
                        cell.unit.map_or(String::new(), |u| u.zh.to_string()),
                        v.map_or(String::new(), |v| v.qual.keyword().to_string()),
                        status(c),
                    )
                }
                None => Default::default(),
            };
            f.extend([v, unit, q, st]);
        }
        out.push_str(&f.iter().map(|x| field(x)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// Escape a string for JSON (the data package's writer, `data::package::json::quote`).
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    crate::data::package::json::quote(s, &mut out);
    out
}

/// The data shown by a chart as JSON: provenance plus one record per shown cell.
pub fn chart_json(def: &ChartDef, lang: Lang, settings: &Settings) -> String {
    let ds = def.dataset();
    let (cells, about) = shown(def, lang, settings);
    let prov: Vec<String> = provenance_lines(ds, lang).iter().map(|l| json_str(l)).collect();
    let notes: Vec<String> = ds
        .notes
        .iter()
        .map(|n| format!("{{\"id\":{},\"zh\":{},\"en\":{}}}", json_str(n.id), json_str(n.text.zh), json_str(n.text.en)))
        .collect();
    let mut values = Vec::new();
    for c in cells.iter().flatten().flatten() {
        let cell = c.cell();
        let Some(v) = cell.value.as_ref() else { continue };
        values.push(format!(
            "{{\"dataset\":{},\"row\":{},\"label_zh\":{},\"label_en\":{},\"column\":{},\"value\":{},\"printed\":{},\"unit\":{},\"qualifier\":{},\"status\":{}}}",
            json_str(c.ds.id),
            json_str(c.row.key),
            json_str(c.row.label.zh),
            json_str(c.row.label.en),
            json_str(c.column_id()),
            if v.x.is_finite() { crate::data::float_text::shortest(v.x) } else { "null".into() },
            json_str(v.text),
            json_str(cell.unit.map_or("", |u| u.zh)),
            json_str(v.qual.keyword()),
            json_str(&status(c)),
        ));
    }
    format!(
        "{{\n\"chart\":{},\n\"title\":{},\n\"description\":{},\n\"paper\":{{\"zh\":{},\"en\":{}}},\n\"section\":{},\n\"agency\":{},\n\"period\":{},\n\"provenance\":[{}],\n\"notes\":[{}],\n\"values\":[\n{}\n]\n}}\n",
        json_str(def.id),
        json_str(def.title.get(lang)),
        json_str(&about),
        json_str(PAPER.title.zh),
        json_str(PAPER.title.en),
        json_str(&locator(ds, lang)),
        json_str(ds.agency.get(lang)),
        json_str(ds.period.get(lang)),
        prov.join(","),
        notes.join(","),
        values.join(",\n")
    )
}

/// Citation text for a chart: its title, the paper, the cited agency, and the page link.
pub fn cite(def: &ChartDef, lang: Lang, link: &str) -> String {
    let ds = def.dataset();
    match lang {
        Lang::Zh => format!(
            "{}。数据:《{}》{},原文引用{}。图表:Trade Atlas(外贸新质生产力图集),{}",
            def.title.zh,
            PAPER.title.zh,
            locator(ds, lang),
            ds.agency.zh,
            link
        ),
        Lang::En => format!(
            "{}. Data: 《{}》 ({}), {}, citing {}. Chart: Trade Atlas, {}",
            def.title.en,
            PAPER.title.zh,
            PAPER.title.en,
            locator(ds, lang),
            ds.agency.en,
            link
        ),
    }
}

/// A file name for a chart's downloads.
pub fn file_stem(def: &ChartDef, lang: Lang) -> String {
    format!("trade-atlas-{}-{}", def.id, if lang == Lang::Zh { "zh" } else { "en" })
}

/// The source line for exported images (re-exported for the UI).
pub fn source(def: &ChartDef, lang: Lang) -> String {
    source_line(def.dataset(), lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::chart;

    #[test]
    fn table_3_csv_round_trips_to_the_papers_numbers() {
        let def = chart("partners-exports").unwrap();
        let csv = chart_csv(def, Lang::En, &def.default_settings());
        assert!(csv.starts_with('\u{feff}'));
        let rows = crate::data::parse::parse_csv(csv.trim_start_matches('\u{feff}')).unwrap();
        let head = &rows[0].fields;
        let (ki, vi) =
            (head.iter().position(|h| h == "key").unwrap(), head.iter().position(|h| h == "exports").unwrap());
        let got: Vec<(String, f64)> =
            rows[1..].iter().map(|r| (r.fields[ki].clone(), r.fields[vi].parse().unwrap())).collect();
        assert_eq!(got.len(), 10);
        assert_eq!(got[0], ("usa".into(), 6644.51));
        assert_eq!(got[9], ("indonesia".into(), 1394.16));
    }

    #[test]
    fn the_provenance_header_carries_the_charts_description() {
        let def = chart("partners-exports").unwrap();
        let csv = chart_csv(def, Lang::En, &def.default_settings());
        let line = csv.lines().nth(1).unwrap();
        assert!(
            line.starts_with("# Description: Exports: of the ten partners, the largest is the United States"),
            "{line}"
        );
        let zh = chart_csv(def, Lang::Zh, &def.default_settings());
        assert!(zh.lines().nth(1).unwrap().starts_with("# 说明: 出口总额:十个贸易伙伴中,美国最大"), "{zh}");
        let growth = Settings { metric: 1, sort: crate::views::SortKey::Growth };
        let j = chart_json(def, Lang::En, &growth);
        assert!(j.contains("\"description\":\"YoY change: of the ten partners, Russia grew fastest (+26.3%)"), "{j}");
    }

    #[test]
    fn switching_the_metric_changes_what_is_exported() {
        let def = chart("commodities").unwrap();
        let s = Settings { metric: 3, sort: crate::views::SortKey::Value };
        let csv = chart_csv(def, Lang::Zh, &s);
        assert!(csv.contains("unit_value_yoy_status"));
        assert!(csv.contains("derived: (1 + amount_yoy / 100)"));
        assert!(!csv.contains(",amount,"), "only the shown metric is exported");
    }

    #[test]
    fn json_is_well_formed_and_escaped() {
        let def = chart("partners-exports").unwrap();
        let j = chart_json(def, Lang::En, &def.default_settings());
        assert!(j.contains("\"printed\":\"6644.51\""));
        assert!(j.contains("\"value\":6644.51"));
        assert_eq!(j.matches('{').count(), j.matches('}').count());
        assert_eq!(json_str("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    }

    #[test]
    fn citations_name_the_paper_and_agency() {
        let def = chart("ports-jan-nov").unwrap();
        let c = cite(def, Lang::En, "https://example.org/atlas/");
        assert!(
            c.contains("Table 4 (表 4)") && c.contains("Ministry of Transport") && c.contains("外贸新质生产力"),
            "{c}"
        );
    }
}
