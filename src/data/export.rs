//! Datasets as CSV with a provenance header block (UTF-8 with BOM, so Excel reads Chinese).
//!
//! Layer: data. Values are the paper's printed digits in the paper's units; qualifiers,
//! per-row units and derivations get their own columns when a dataset has them.

use super::format::paper_section;
use super::model::{Dataset, Footnote, Lang, Qualifier, Status};

/// Quote a CSV field when needed.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(fields: &[String]) -> String {
    fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(",") + "\r\n"
}

/// A `#` comment line (never quoted, so CSV readers with comment support skip it).
pub fn comment(text: &str) -> String {
    format!("# {}\r\n", text.replace(['\r', '\n'], " "))
}

/// The provenance lines of a dataset, one fact per line.
pub fn provenance_lines(ds: &Dataset, lang: Lang) -> Vec<String> {
    let paper = super::PAPER.title;
    let mut v = match lang {
        Lang::Zh => vec![
            format!("标题: {}", ds.title.zh),
            format!(
                "出处: 《{}》 {}{}",
                paper.zh,
                paper_section(ds.section, lang),
                ds.table.map_or(String::new(), |t| format!(" 表 {t}"))
            ),
            format!("原文引用: {}", ds.agency.zh),
            format!("时段: {}", ds.period.zh),
        ],
        Lang::En => vec![
            format!("Title: {} ({})", ds.title.en, ds.title.zh),
            format!(
                "Source: 《{}》 ({}), {}{}",
                paper.zh,
                paper.en,
                paper_section(ds.section, lang),
                ds.table.map_or(String::new(), |t| format!(", Table {t}"))
            ),
            format!("Cited agency: {}", ds.agency.en),
            format!("Period: {}", ds.period.en),
        ],
    };
    if ds.supplementary {
        v.push(match lang {
            Lang::Zh => "补充数据:论文以外的公开来源,见 source 列".into(),
            Lang::En => "Supplementary: public sources outside the paper, see the source column".into(),
        });
    }
    let mut cited: Vec<&Footnote> = ds.footnotes.to_vec();
    for f in ds.rows.iter().flat_map(|r| r.footnotes) {
        if !cited.iter().any(|c| c.mark == f.mark) {
            cited.push(f);
        }
    }
    for f in cited {
        let part = f.part.map_or(String::new(), |p| format!(", {}", p.get(lang)));
        v.push(match lang {
            Lang::Zh => format!("脚注{}: {}《{}》{part}, {}", f.mark, f.publisher.zh, f.title.zh, f.date.zh),
            Lang::En => format!(
                "Footnote {}: {}, '{}' ({}){part}, {}",
                f.mark, f.publisher.en, f.title.en, f.title.zh, f.date.en
            ),
        });
    }
    for n in ds.notes {
        v.push(match lang {
            Lang::Zh => format!("数据注释: {}", n.text.zh),
            Lang::En => format!("Data note: {}", n.text.en),
        });
    }
    v.push(match lang {
        Lang::Zh => "数值为原文印刷的数字与单位;status 列标明推算值及其公式,推算值在此给出完整精度(图表按其最不精确的输入取舍)".into(),
        Lang::En => "Values are the digits and units printed in the paper; status columns mark derived values and their formulas; derived values are given in full here (charts round them to the precision of their least precise input)".into(),
    });
    v
}

/// The dataset as CSV text (starting with a byte-order mark).
pub fn csv(ds: &Dataset, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    for l in provenance_lines(ds, lang) {
        out.push_str(&comment(&l));
    }
    let cols = ds.columns;
    let per_row_unit = |i: usize| cols[i].unit.is_none();
    let has_qual = |i: usize| {
        ds.rows.iter().any(|r| r.cells[i].value.as_ref().is_some_and(|v| v.qual != Qualifier::Exact || v.hi.is_some()))
    };
    let has_status =
        |i: usize| ds.rows.iter().any(|r| r.cells[i].value.as_ref().is_some_and(|v| v.status != Status::Stated));
    let mut head = vec!["key".to_string(), "label_zh".into(), "label_en".into()];
    if ds.rows.iter().any(|r| !r.entities.is_empty()) {
        head.push("entity".into());
    }
    for (i, c) in cols.iter().enumerate() {
        let unit = c.unit.map_or(String::new(), |u| format!(" [{}]", u.zh));
        head.push(format!("{}{unit}", c.id));
        if per_row_unit(i) {
            head.push(format!("{}_unit", c.id));
        }
        if has_qual(i) {
            head.push(format!("{}_qualifier", c.id));
        }
        if has_status(i) {
            head.push(format!("{}_status", c.id));
        }
    }
    if ds.supplementary {
        head.push("source".into());
    }
    out.push_str(&line(&head));
    for r in ds.rows {
        let mut f = vec![r.key.to_string(), r.label.zh.to_string(), r.label.en.to_string()];
        if head.iter().any(|h| h == "entity") {
            f.push(r.entities.join(";"));
        }
        for (i, cell) in r.cells.iter().enumerate() {
            let v = cell.value.as_ref();
            // A derived value in full (its text is rounded for reading); a printed one as printed.
            let text = v.map_or(String::new(), |v| match v.hi {
                Some(_) => v.text.replace('~', "–"),
                None if v.text.contains('/') || v.status.is_derived() => crate::data::float_text::shortest(v.x),
                None => v.text.to_string(),
            });
            f.push(text);
            if per_row_unit(i) {
                f.push(cell.unit.map_or(String::new(), |u| u.zh.to_string()));
            }
            if has_qual(i) {
                f.push(v.map_or(String::new(), |v| {
                    let mut q = v.qual.keyword().to_string();
                    if v.text.contains('/') {
                        q = format!("{q} {}", v.text).trim().to_string();
                    }
                    if v.hi.is_some() {
                        q = format!("{q} range").trim().to_string();
                    }
                    q
                }));
            }
            if has_status(i) {
                f.push(v.map_or(String::new(), |v| match (v.status, v.expr) {
                    (Status::Stated, _) => "stated".into(),
                    (Status::Supplementary, _) => "supplementary".into(),
                    (_, Some(e)) => format!("derived: {e}"),
                    (_, None) => "derived".into(),
                }));
            }
        }
        if ds.supplementary {
            f.push(r.source.unwrap_or("").to_string());
        }
        out.push_str(&line(&f));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::registry::dataset;

    #[test]
    fn csv_starts_with_a_bom_and_provenance() {
        let text = csv(dataset("partners").unwrap(), Lang::En);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("# Cited agency: General Administration of Customs of the PRC"));
        assert!(text.contains("\r\nusa,美国,United States,USA,6644.51,-11.6,"), "{text}");
    }

    #[test]
    fn derived_columns_say_how_they_were_computed() {
        let text = csv(dataset("commodities").unwrap(), Lang::Zh);
        assert!(text.contains("derived: (1 + amount_yoy / 100) / (1 + qty_yoy / 100) * 100 - 100"));
    }

    #[test]
    fn derived_values_are_exported_in_full() {
        // The chart shows the implied 2022 Los Angeles volume as 992; the CSV keeps every digit.
        let text = csv(dataset("shipping").unwrap(), Lang::En);
        let la = text.lines().find(|l| l.starts_with("la_teu,")).unwrap();
        assert!(la.contains(",992.47091954,"), "{la}");
    }

    #[test]
    fn the_provenance_names_each_cited_footnote_with_its_date() {
        let text = csv(dataset("shipping").unwrap(), Lang::En);
        assert!(text.contains("# Footnote ①: Drewry (WeChat account), 'A look at container freight rates' (集装箱运价透视), 12 Jan 2024"), "{text}");
        assert!(text.contains("# Footnote ②: Gangkouquan (WeChat account)"));
        assert!(csv(dataset("fastest_markets").unwrap(), Lang::Zh).contains("# 脚注③: 广东进出口商会公众号"));
    }

    #[test]
    fn fields_with_commas_are_quoted() {
        assert_eq!(field("Textile yarns, fabrics"), "\"Textile yarns, fabrics\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
