//! The data package read back as a data tool would: the descriptor parsed as JSON, every CSV
//! parsed as CSV, and each checked against the compiled datasets.

use super::*;
use crate::data::parse::parse_csv;
use crate::data::registry::dataset;
use serde_json::Value as J;

fn package() -> (J, Vec<(String, String)>) {
    let files = files();
    let json: J = serde_json::from_str(&files[0].1).expect("datapackage.json is JSON");
    (json, files)
}

fn resource<'a>(pkg: &'a J, id: &str) -> &'a J {
    pkg["resources"].as_array().unwrap().iter().find(|r| r["name"] == id).unwrap_or_else(|| panic!("no {id}"))
}

fn field<'a>(res: &'a J, name: &str) -> &'a J {
    res["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("{}: no field {name}", res["name"]))
}

/// A resource's CSV as rows of (header → cell).
fn rows(files: &[(String, String)], id: &str) -> Vec<Vec<(String, String)>> {
    let text = &files.iter().find(|(n, _)| *n == format!("{id}.csv")).unwrap().1;
    let recs = parse_csv(text).unwrap();
    let head = &recs[0].fields;
    recs[1..].iter().map(|r| head.iter().cloned().zip(r.fields.iter().cloned()).collect()).collect()
}

fn cell<'a>(row: &'a [(String, String)], name: &str) -> &'a str {
    row.iter().find(|(h, _)| h == name).map(|(_, v)| v.as_str()).unwrap_or_else(|| panic!("no column {name}"))
}

fn row<'a>(rows: &'a [Vec<(String, String)>], key: &str) -> &'a [(String, String)] {
    rows.iter().find(|r| cell(r, "key") == key).unwrap_or_else(|| panic!("no row {key}"))
}

#[test]
fn every_dataset_is_one_resource_with_its_own_csv_beside_the_descriptor() {
    let (pkg, files) = package();
    assert_eq!(files[0].0, "datapackage.json");
    assert_eq!(LINK, format!("data/{ZIP}"), "the page links to the zip in the package's folder");
    assert_eq!(files.len(), DATASETS.len() + 1);
    assert_eq!(pkg["profile"], "tabular-data-package");
    assert_eq!(pkg["name"], NAME);
    let resources = pkg["resources"].as_array().unwrap();
    assert_eq!(resources.len(), DATASETS.len());
    for (ds, res) in DATASETS.iter().zip(resources) {
        assert_eq!(res["name"], ds.id);
        assert_eq!(res["profile"], "tabular-data-resource");
        let path = res["path"].as_str().unwrap();
        let text = &files.iter().find(|(n, _)| n == path).unwrap_or_else(|| panic!("{path} is in the package")).1;
        assert_eq!(res["bytes"], text.len(), "{path}: the descriptor gives its size");
        assert!(res["name"].as_str().unwrap().bytes().all(|b| b.is_ascii_lowercase() || b"0123456789-._".contains(&b)));
        assert_eq!(res["schema"]["primaryKey"], serde_json::json!(["key"]));
        assert_eq!(parse_csv(text).unwrap().len(), ds.rows.len() + 1, "{path}: a header and one line per row");
    }
}

#[test]
fn the_csvs_are_plain_tables_a_header_and_rows_without_comments_or_a_byte_order_mark() {
    for (name, text) in files().iter().skip(1) {
        assert!(!text.starts_with('\u{feff}'), "{name}");
        assert!(text.lines().all(|l| !l.starts_with('#')), "{name}");
        assert!(text.starts_with("key,label_zh,label_en"), "{name}: {}", &text[..40.min(text.len())]);
        let recs = parse_csv(text).unwrap();
        assert!(recs.iter().all(|r| r.fields.len() == recs[0].fields.len()), "{name}: every row has every column");
    }
}

#[test]
fn every_field_is_described_in_both_languages_and_the_header_follows_the_schema() {
    let (pkg, files) = package();
    for res in pkg["resources"].as_array().unwrap() {
        let id = res["name"].as_str().unwrap();
        let names: Vec<&str> =
            res["schema"]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
        let text = &files.iter().find(|(n, _)| *n == format!("{id}.csv")).unwrap().1;
        assert_eq!(parse_csv(text).unwrap()[0].fields, names, "{id}: the CSV's header is the schema's fields");
        for f in res["schema"]["fields"].as_array().unwrap() {
            let what = format!("{id}.{}", f["name"]);
            assert!(["string", "number"].contains(&f["type"].as_str().unwrap()), "{what}");
            assert!(!f["title"].as_str().unwrap().is_empty(), "{what}");
            assert!(f["role"].is_string(), "{what}");
            let desc = f["description"].as_str().unwrap();
            let (en, zh) = desc.split_once("\n\n").unwrap_or_else(|| panic!("{what}: English, then Chinese"));
            assert!(en.chars().filter(char::is_ascii_alphabetic).count() > 10, "{what}: {en}");
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{what}: {zh}");
        }
        for key in ["title", "description", "sources", "paperSection", "citedAgency", "period", "notes"] {
            assert!(!res[key].is_null(), "{id} has {key}");
        }
    }
}

#[test]
fn number_columns_hold_only_numbers_and_ranges_or_fractions_make_a_column_text() {
    let (pkg, files) = package();
    for res in pkg["resources"].as_array().unwrap() {
        let id = res["name"].as_str().unwrap();
        for r in rows(&files, id) {
            for f in res["schema"]["fields"].as_array().unwrap().iter().filter(|f| f["type"] == "number") {
                let v = cell(&r, f["name"].as_str().unwrap());
                assert!(v.is_empty() || v.parse::<f64>().is_ok_and(f64::is_finite), "{id}.{}: {v:?}", f["name"]);
            }
        }
    }
    let shipping = resource(&pkg, "shipping");
    assert_eq!(field(shipping, "value")["type"], "string", "the Red Sea detour's 10~15 days");
    assert_eq!(field(shipping, "yoy")["type"], "number");
    assert_eq!(field(resource(&pkg, "lighthouse"), "value")["type"], "string", "China's share: over 1/3");
}

#[test]
fn values_are_as_printed_with_qualifiers_and_row_units_in_their_own_columns() {
    let (pkg, files) = package();
    let partners = rows(&files, "partners");
    assert_eq!(cell(row(&partners, "usa"), "exports"), "6644.51");
    assert_eq!(cell(row(&partners, "usa"), "yoy"), "-11.6");
    let exports = field(resource(&pkg, "partners"), "exports");
    assert_eq!(
        (&exports["unit"], &exports["unitEn"], &exports["unitEnShift"]),
        (&J::from("亿美元"), &J::from("US$ billion"), &J::from(-1))
    );
    let commodities = rows(&files, "commodities");
    assert_eq!(cell(row(&commodities, "mech_elec"), "amount"), "1978660513", "the PDF's split digits joined");
    let ecommerce = rows(&files, "ecommerce");
    let entities = row(&ecommerce, "entities");
    assert_eq!(
        (cell(entities, "value"), cell(entities, "value_qualifier"), cell(entities, "value_unit")),
        ("10", "over", "万家")
    );
    let shipping = rows(&files, "shipping");
    let red_sea = row(&shipping, "red_sea_delay");
    assert_eq!((cell(red_sea, "value"), cell(red_sea, "value_qualifier")), ("10~15", "about"));
    let units = field(resource(&pkg, "ecommerce"), "value")["units"].as_array().unwrap().clone();
    assert!(units.contains(&serde_json::json!({"unit": "万家", "unitEn": "firms", "unitEnShift": 4})), "{units:?}");
    for res in pkg["resources"].as_array().unwrap() {
        let id = res["name"].as_str().unwrap();
        for f in res["schema"]["fields"].as_array().unwrap().iter().filter(|f| f["role"] == "unit") {
            for r in rows(&files, id) {
                let (unit, value) = (cell(&r, f["name"].as_str().unwrap()), cell(&r, f["of"].as_str().unwrap()));
                assert!(unit.is_empty() || !value.is_empty(), "{id}.{}: a unit only beside a value", f["name"]);
            }
        }
    }
    let economies = rows(&files, "economies");
    assert_eq!(cell(row(&economies, "vietnam"), "period_en"), "Jan–Nov 2023", "a row's own period");
}

#[test]
fn derived_values_are_given_in_full_and_carry_their_formula() {
    let (pkg, files) = package();
    for ds in DATASETS {
        let res = resource(&pkg, ds.id);
        let csv = rows(&files, ds.id);
        for (i, c) in ds.columns.iter().enumerate() {
            let f = field(res, c.id);
            if let Some(e) = c.expr {
                assert_eq!(f["formula"], e, "{}.{}: a derived column states its formula", ds.id, c.id);
            }
            for (r, out) in ds.rows.iter().zip(&csv) {
                let Some(v) = &r.cells[i].value else { continue };
                if let Some(e) = v.expr {
                    let here = if f["formula"] == e { e } else { cell(out, &format!("{}_formula", c.id)) };
                    assert_eq!(here, e, "{}.{}.{}: a derived value carries its formula", ds.id, r.key, c.id);
                    assert_eq!(cell(out, c.id).parse::<f64>().unwrap(), v.x, "{}.{}: in full", ds.id, r.key);
                }
            }
        }
    }
    let shipping = rows(&files, "shipping");
    assert_eq!(
        cell(row(&shipping, "la_teu"), "v2022"),
        "992.47091954",
        "the chart shows 992; the package keeps every digit"
    );
    let found = rows(&files, "warehouse_found");
    let usa = row(&found, "usa");
    assert_eq!(
        (cell(usa, "count_2021_status"), cell(usa, "count_2021_formula")),
        ("supplementary-derived", "count_2022 / (1 + growth_2022/100)")
    );
}

#[test]
fn supplementary_rows_name_their_source_and_the_resource_lists_it() {
    let (pkg, files) = package();
    for ds in DATASETS.iter().filter(|d| d.supplementary) {
        let res = resource(&pkg, ds.id);
        let paths: Vec<&str> = res["sources"].as_array().unwrap().iter().filter_map(|s| s["path"].as_str()).collect();
        for r in rows(&files, ds.id) {
            let src = cell(&r, "source");
            assert!(src.starts_with("https://"), "{}.{}: {src:?}", ds.id, cell(&r, "key"));
            assert!(paths.contains(&src), "{}: {src} is among the resource's sources", ds.id);
        }
        assert_eq!(res["supplementary"], true);
    }
    assert!(DATASETS.iter().any(|d| d.supplementary), "the package has supplementary data to check");
    let package_paths: Vec<&str> =
        pkg["sources"].as_array().unwrap().iter().filter_map(|s| s["path"].as_str()).collect();
    assert!(package_paths.iter().any(|p| p.contains("businessdialogue.com")), "{package_paths:?}");
    assert!(package_paths.contains(&"https://www.naturalearthdata.com/"), "the map's boundaries are credited");
    assert!(pkg["sources"][0]["title"].as_str().unwrap().starts_with("《外贸新质生产力》"), "the paper comes first");
    assert_eq!(pkg["licenses"][0]["name"], "MIT");
}

#[test]
fn provenance_travels_with_each_resource_section_period_agency_footnotes_and_notes() {
    let (pkg, files) = package();
    let partners = resource(&pkg, "partners");
    assert_eq!((&partners["paperSection"], &partners["paperTable"]), (&J::from("一(四)2"), &J::from(3)));
    assert_eq!(partners["paperSectionEn"], "§1.4.2");
    assert_eq!(partners["citedAgency"]["en"], dataset("partners").unwrap().agency.en);
    let shipping = resource(&pkg, "shipping");
    let titles: Vec<&str> =
        shipping["sources"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert!(titles.iter().any(|t| t.starts_with("Footnote ① of the paper: Drewry (WeChat account)")), "{titles:?}");
    assert!(shipping["sources"].as_array().unwrap().iter().any(|s| s["date"] == "2024-01-12"));
    let shipping_rows = rows(&files, "shipping");
    assert_eq!(cell(row(&shipping_rows, "drewry_planned"), "footnotes"), "①");
    for ds in DATASETS {
        let res = resource(&pkg, ds.id);
        let ids: Vec<&str> = res["notes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), ds.notes.len(), "{}: every data note", ds.id);
        if res["schema"]["fields"].as_array().unwrap().iter().any(|f| f["name"] == "notes") {
            for r in rows(&files, ds.id) {
                for n in cell(&r, "notes").split(';').filter(|n| !n.is_empty()) {
                    assert!(ids.contains(&n), "{}: the row's note {n} is described", ds.id);
                }
            }
        }
    }
    let inconsistent = pkg["resources"].as_array().unwrap().iter().flat_map(|r| r["notes"].as_array().unwrap());
    assert!(inconsistent.filter(|n| n["kind"] == "inconsistency").count() >= 3, "the paper's contradictions are noted");
}
