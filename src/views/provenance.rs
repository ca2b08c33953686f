//! Provenance text: source lines, formulas in words, and the facts behind one value.
//!
//! Layer: views. Every number the atlas shows can be traced with these: the paper's section or
//! table, the agency it cites (and the dated footnote behind it), the unit as printed, the period,
//! and whether the value is stated or derived (with its formula).

use super::CellRef;
use crate::data::format::{self, paper_section};
use crate::data::parse::{tokenize, Token};
use crate::data::{Dataset, Footnote, Lang, NoteKind, Row, Status, PAPER};

/// "表 3" / "Table 3 (表 3)", or a figure, or nothing.
pub fn table_ref(ds: &Dataset, lang: Lang) -> Option<String> {
    match (ds.table, ds.figure, lang) {
        (Some(t), _, Lang::Zh) => Some(format!("表 {t}")),
        (Some(t), _, Lang::En) => Some(format!("Table {t} (表 {t})")),
        (None, Some(f), Lang::Zh) => Some(format!("图 {f}")),
        (None, Some(f), Lang::En) => Some(format!("Figure {f} (图 {f})")),
        _ => None,
    }
}

/// Where in the paper: "一(四)2 · 表 3" / "§1.4.2, Table 3 (表 3)".
pub fn locator(ds: &Dataset, lang: Lang) -> String {
    let sec = paper_section(ds.section, lang);
    match (table_ref(ds, lang), lang) {
        (Some(t), Lang::Zh) => format!("{sec} · {t}"),
        (Some(t), Lang::En) => format!("{sec}, {t}"),
        (None, _) => sec,
    }
}

/// The one-line source for a dataset, as printed under its charts and inside exported images.
pub fn source_line(ds: &Dataset, lang: Lang) -> String {
    let fnote = if ds.footnote.is_empty() { String::new() } else { format!(" {}", ds.footnote) };
    match lang {
        Lang::Zh => {
            let kind = if ds.supplementary { "补充数据(论文以外)" } else { "论文" };
            format!(
                "来源:{kind}《{}》{}{fnote};原文引用:{};时段:{}。",
                PAPER.title.zh,
                locator(ds, lang),
                ds.agency.zh,
                ds.period.zh
            )
        }
        Lang::En => {
            let kind = if ds.supplementary { "Supplementary data (outside the paper), for" } else { "The paper" };
            format!(
                "Source: {kind} 《{}》 ({}), {}{fnote}; cited agency: {}; period: {}.",
                PAPER.title.zh,
                PAPER.title.en,
                locator(ds, lang),
                ds.agency.en,
                ds.period.en
            )
        }
    }
}

fn ref_label(ds: &Dataset, name: &str, lang: Lang) -> String {
    match name.split_once(':') {
        Some((r, c)) => {
            let row_label = ds.row(r).map_or(r, |r| r.label.get(lang));
            match ds.column(c) {
                Some(col) if ds.columns.len() > 1 => format!("{row_label}({})", col.label.get(lang)),
                _ => row_label.to_string(),
            }
        }
        None => ds.column(name).map_or(name.to_string(), |c| c.label.get(lang).to_string()),
    }
}

/// A formula in words: "(1 + 金额增幅 ÷ 100) ÷ (1 + 数量增幅 ÷ 100) × 100 − 100". The words name
/// columns of `ds` (or `row:column` cells of it), so a formula reads the same on every row.
pub fn formula_text(expr: &str, ds: &Dataset, lang: Lang) -> String {
    let Ok(tokens) = tokenize(expr) else {
        return expr.to_string();
    };
    let mut out = String::new();
    for t in tokens {
        let piece = match t {
            Token::Num(s) => s,
            Token::Ref(name) => format!("[{}]", ref_label(ds, &name, lang)),
            Token::Op('*') => " × ".into(),
            Token::Op('/') => " ÷ ".into(),
            Token::Op('-') => " − ".into(),
            Token::Op(c) => format!(" {c} "),
            Token::Open => "(".into(),
            Token::Close => ")".into(),
        };
        out.push_str(&piece);
    }
    out.replace("( ", "(").replace(" )", ")").trim().to_string()
}

/// Everything a reader may want to know about one value, as lines of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    /// Row label (and column label when the dataset has several value columns).
    pub title: String,
    /// The value with qualifier and unit, in the reader's language.
    pub value: String,
    /// The value exactly as printed in the paper (Chinese unit), when it differs from `value`.
    pub printed: Option<String>,
    /// "Stated in the paper", or "Derived: …formula…", or "Supplementary: source".
    pub status: String,
    pub derived: bool,
    /// The matching growth rate, when the dataset gives one.
    pub growth: Option<String>,
    pub period: String,
    pub locator: String,
    pub agency: String,
    /// Data notes marking this value, with their kind.
    pub notes: Vec<(NoteKind, String)>,
}

/// A footnote as a source: "脚注①:Drewry 德路里…公众号《集装箱运价透视》,2024 年 1 月 12 日" /
/// "footnote ①: Drewry (WeChat account), 'A look at container freight rates' (集装箱运价透视), 12 Jan 2024".
pub fn footnote_text(f: &Footnote, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let part = f.part.map_or(String::new(), |p| format!(",{}", p.zh));
            format!("脚注{}:{}《{}》{part},{}", f.mark, f.publisher.zh, f.title.zh, f.date.zh)
        }
        Lang::En => {
            let part = f.part.map_or(String::new(), |p| format!(", {}", p.en));
            format!("footnote {}: {}, '{}' ({}){part}, {}", f.mark, f.publisher.en, f.title.en, f.title.zh, f.date.en)
        }
    }
}

/// The cited agency of a row, followed by the footnotes its figures come from, with their dates.
fn agency_line(ds: &Dataset, row: &Row, lang: Lang) -> String {
    let mut line = row.agency.unwrap_or(ds.agency).get(lang).to_string();
    for f in row.footnotes {
        line.push_str(if lang == Lang::Zh { ";" } else { "; " });
        line.push_str(&footnote_text(f, lang));
    }
    line
}

/// The growth column that goes with a value column, by the catalogue's naming convention.
pub fn growth_column(ds: &Dataset, col: &str) -> Option<usize> {
    if ds.columns.get(ds.column_index(col)?)?.unit.is_some_and(|u| u.is_percent()) {
        return None;
    }
    let candidates = [format!("{col}_yoy"), "yoy".to_string()];
    candidates.iter().find_map(|c| ds.column_index(c))
}

/// The facts behind one cell.
pub fn facts(c: CellRef, lang: Lang) -> Facts {
    let ds = c.ds;
    let row = c.row;
    let col = &ds.columns[c.col];
    let cell = c.cell();
    let title = if ds.columns.len() > 1 && col.id != "value" {
        match lang {
            Lang::Zh => format!("{} · {}", row.label.zh, col.label.zh),
            Lang::En => format!("{} · {}", row.label.en, col.label.en),
        }
    } else {
        row.label.get(lang).to_string()
    };
    let (value, printed, status, derived) = match &cell.value {
        None => (
            match lang {
                Lang::Zh => "原文未给出".to_string(),
                Lang::En => "not given in the paper".to_string(),
            },
            None,
            String::new(),
            false,
        ),
        Some(v) => {
            let shown = format::value(v, cell.unit, lang);
            let printed = match lang {
                Lang::En if !v.status.is_derived() => Some(format::value(v, cell.unit, Lang::Zh)),
                _ => None,
            };
            let status = match (v.status, lang) {
                (Status::Stated, Lang::Zh) => "原文数值".to_string(),
                (Status::Stated, Lang::En) => "Stated in the paper".to_string(),
                (Status::Derived | Status::SupplementaryDerived, _) => {
                    let f = formula_text(v.expr.unwrap_or(""), ds, lang);
                    match lang {
                        Lang::Zh => format!("推算值 = {f}"),
                        Lang::En => format!("Derived = {f}"),
                    }
                }
                (Status::Supplementary, Lang::Zh) => format!("补充数据,来源:{}", row.source.unwrap_or("")),
                (Status::Supplementary, Lang::En) => format!("Supplementary, source: {}", row.source.unwrap_or("")),
            };
            (shown, printed.filter(|p| p != &format::value(v, cell.unit, lang)), status, v.status.is_derived())
        }
    };
    let growth = growth_column(ds, col.id).and_then(|g| {
        let gc = &row.cells[g];
        gc.value.as_ref().map(|v| {
            let s = format::signed_pct(v, lang);
            match lang {
                Lang::Zh => format!("同比 {s}"),
                Lang::En => format!("{s} year on year"),
            }
        })
    });
    let notes = ds
        .cell_notes(row.key, col.id)
        .chain(ds.dataset_notes())
        .map(|n| (n.kind, n.text.get(lang).to_string()))
        .collect();
    let section = row.section.map_or_else(|| locator(ds, lang), |s| paper_section(s, lang));
    Facts {
        title,
        value,
        printed,
        status,
        derived,
        growth,
        period: row.period.unwrap_or(ds.period).get(lang).to_string(),
        locator: section,
        agency: agency_line(ds, row, lang),
        notes,
    }
}

/// The facts behind a row that has no value cell (a market named in a list): its label, its
/// group or detail in place of a value, and the dataset's provenance.
pub fn row_facts(ds: &Dataset, row: &Row, lang: Lang) -> Facts {
    let value = row.group.or(row.detail).map(|g| g.get(lang).to_string()).unwrap_or_default();
    Facts {
        title: row.label.get(lang).to_string(),
        value,
        printed: (lang == Lang::En).then(|| row.label.zh.to_string()),
        status: match lang {
            Lang::Zh => "原文列出(无数值)".into(),
            Lang::En => "Named in the paper (no figure)".into(),
        },
        derived: false,
        growth: None,
        period: row.period.unwrap_or(ds.period).get(lang).to_string(),
        locator: row.section.map_or_else(|| locator(ds, lang), |s| paper_section(s, lang)),
        agency: agency_line(ds, row, lang),
        notes: ds
            .cell_notes(row.key, "")
            .chain(ds.dataset_notes())
            .map(|n| (n.kind, n.text.get(lang).to_string()))
            .collect(),
    }
}

/// The facts as plain lines (for the aria-live announcement and the tooltip).
pub fn facts_lines(f: &Facts, lang: Lang) -> Vec<String> {
    let mut v = vec![f.title.clone(), f.value.clone()];
    if let Some(g) = &f.growth {
        v.push(g.clone());
    }
    if let Some(p) = &f.printed {
        v.push(format!("{} {p}", if lang == Lang::Zh { "原文:" } else { "As printed:" }));
    }
    if !f.status.is_empty() {
        v.push(f.status.clone());
    }
    v.push(f.period.clone());
    v.push(match lang {
        Lang::Zh => format!("{} · {}", f.locator, f.agency),
        Lang::En => format!("{}; {}", f.locator, f.agency),
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_3_source_line_names_the_table_and_agency() {
        let ds = crate::data::registry::dataset("partners").unwrap();
        let zh = source_line(ds, Lang::Zh);
        assert!(zh.contains("一(四)2 · 表 3"), "{zh}");
        assert!(zh.contains("海关总署"), "{zh}");
        let en = source_line(ds, Lang::En);
        assert!(en.contains("§1.4.2, Table 3 (表 3)"), "{en}");
        assert!(en.contains("General Administration of Customs"), "{en}");
    }

    #[test]
    fn us_value_facts_show_the_printed_figure_and_the_contradiction() {
        let c = CellRef::find("partners", "usa", "exports").unwrap();
        let f = facts(c, Lang::En);
        assert_eq!(f.value, "US$664.451 billion");
        assert_eq!(f.printed.as_deref(), Some("6,644.51 亿美元"));
        assert_eq!(f.growth.as_deref(), Some("−11.6% year on year"));
        assert!(f.notes.iter().any(|(k, _)| *k == NoteKind::Inconsistency));
    }

    #[test]
    fn derived_values_explain_their_formula_in_words() {
        let c = CellRef::find("commodities", "steel", "unit_value_yoy").unwrap();
        let f = facts(c, Lang::En);
        assert!(f.derived);
        assert!(f.status.contains("[Value YoY]"), "{}", f.status);
        assert!(f.status.contains("[Quantity YoY]"), "{}", f.status);
        assert_eq!(f.value, "-32.7%".replace('-', "−"));
        let zh = facts(c, Lang::Zh);
        assert!(zh.status.starts_with("推算值 = "), "{}", zh.status);
    }

    #[test]
    fn a_value_from_a_dated_footnote_shows_the_source_and_its_date() {
        // 一(五): the Drewry figures carry footnote ①, dated 12 January 2024.
        let f = facts(CellRef::find("shipping", "drewry_cancelled", "value").unwrap(), Lang::En);
        assert!(f.agency.starts_with("Drewry; footnote ①: Drewry (WeChat account)"), "{}", f.agency);
        assert!(f.agency.ends_with("12 Jan 2024"), "{}", f.agency);
        let zh = facts(CellRef::find("shipping", "la_teu", "value").unwrap(), Lang::Zh);
        assert!(
            zh.agency.contains("脚注②:港口圈公众号《美国最大集装箱港 2023 年吞吐量双位数暴跌》,2024 年 1 月 19 日"),
            "{}",
            zh.agency
        );
        // A row the footnotes do not concern names none.
        let red_sea = facts(CellRef::find("shipping", "red_sea_delay", "value").unwrap(), Lang::En);
        assert!(!red_sea.agency.contains("footnote"), "{}", red_sea.agency);
        // ④ names the part of the report it cites.
        let pen = facts(CellRef::find("penetration", "china", "y2025").unwrap(), Lang::En);
        assert!(pen.agency.contains("Part 02, “Trends”, 12 Oct 2023"), "{}", pen.agency);
    }

    #[test]
    fn empty_cells_say_the_paper_gives_nothing() {
        let c = CellRef::find("headline", "surplus", "rmb").unwrap();
        assert_eq!(facts(c, Lang::Zh).value, "原文未给出");
    }
}
