//! `data/datasets.toml`: the page's sections and every dataset's provenance, read with serde and
//! turned into the plain declarations the other rules check each file against.
//!
//! Layer: data (shared validation rules). The build script reads the catalogue with this module,
//! and the native tests read the real file with it too, so they check each data file against the
//! declaration the build uses. The app never reads TOML: the module is not compiled for wasm32.

use serde::Deserialize;

use super::dataset::{ColumnDecl, DatasetDecl, NoteDecl};
use super::period::{self, Basis, Period, PeriodCells};
use super::Checked;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub paper: PaperT,
    pub section: Vec<SectionT>,
    pub dataset: Vec<DatasetT>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaperT {
    pub title_zh: String,
    pub title_en: String,
    pub note_zh: String,
    pub note_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionT {
    pub id: String,
    pub paper: String,
    pub title_zh: String,
    pub title_en: String,
    pub intro_zh: String,
    pub intro_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetT {
    pub id: String,
    pub page: String,
    pub file: String,
    pub title_zh: String,
    pub title_en: String,
    pub section: String,
    pub table: Option<u8>,
    pub figure: Option<u8>,
    pub agency_zh: String,
    pub agency_en: String,
    #[serde(default)]
    pub footnote: String,
    #[serde(default)]
    pub period_zh: String,
    #[serde(default)]
    pub period_en: String,
    pub period_basis: Option<String>,
    pub period_reason_zh: Option<String>,
    pub period_reason_en: Option<String>,
    pub caption_zh: String,
    pub caption_en: String,
    #[serde(default)]
    pub supplementary: bool,
    #[serde(default)]
    pub column: Vec<ColumnT>,
    #[serde(default)]
    pub note: Vec<NoteT>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnT {
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    pub unit: String,
    pub expr: Option<String>,
    pub decimals: Option<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteT {
    pub id: String,
    pub kind: String,
    pub zh: String,
    pub en: String,
    #[serde(default)]
    pub cells: Vec<String>,
}

/// Parse the catalogue and check what spans datasets: unique section and dataset ids, known pages.
pub fn load(text: &str) -> Checked<Catalogue> {
    let cat: Catalogue = toml::from_str(text).map_err(|e| format!("data/datasets.toml: {e}"))?;
    for (i, s) in cat.section.iter().enumerate() {
        if cat.section[..i].iter().any(|t| t.id == s.id) {
            let line = line_of(text, "[[section]]", &s.id);
            return Err(format!("data/datasets.toml:{line}: section '{}' declared twice", s.id));
        }
    }
    for (i, d) in cat.dataset.iter().enumerate() {
        let at = format!("data/datasets.toml:{}", line_of(text, "[[dataset]]", &d.id));
        if cat.dataset[..i].iter().any(|e| e.id == d.id) {
            return Err(format!("{at}: dataset '{}' declared twice", d.id));
        }
        if !cat.section.iter().any(|s| s.id == d.page) {
            return Err(format!("{at}: dataset '{}' names unknown page section '{}'", d.id, d.page));
        }
    }
    Ok(cat)
}

/// The line of `id = "<id>"` right under a `table` header (`[[dataset]]`, `[[section]]`), for
/// messages; the last such line when the id is declared twice.
pub fn line_of(text: &str, table: &str, id: &str) -> usize {
    let needle = format!("id = {id:?}");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    (1..lines.len()).rev().find(|&i| lines[i] == needle && lines[i - 1] == table).map_or(1, |i| i + 1)
}

/// The line of a dataset's note (`[[dataset.note]]` with this id after the dataset's own line).
pub fn note_line(text: &str, dataset: &str, note: &str) -> usize {
    let start = line_of(text, "[[dataset]]", dataset);
    let needle = format!("id = {note:?}");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    (start..lines.len()).find(|&i| lines[i] == needle && lines[i - 1] == "[[dataset.note]]").map_or(start, |i| i + 1)
}

impl DatasetT {
    /// The dataset's period, by the period rule; `at` locates the dataset in messages.
    pub fn period(&self, at: &str) -> Checked<Period> {
        let reason = match (&self.period_reason_zh, &self.period_reason_en) {
            (Some(zh), Some(en)) => Some((zh.as_str(), en.as_str())),
            (None, None) => None,
            _ => return Err(format!("{at}: period_reason_zh and period_reason_en must both be given")),
        };
        let cells = PeriodCells {
            text: (!self.period_zh.is_empty() || !self.period_en.is_empty())
                .then_some((self.period_zh.as_str(), self.period_en.as_str())),
            basis: self.period_basis.as_deref(),
            reason,
        };
        period::read(&cells, at, true)?.ok_or_else(|| format!("{at}: a dataset needs a period and its basis"))
    }

    /// What the shared rules need to check this dataset's file.
    pub fn decl(&self, period: &Period) -> DatasetDecl {
        DatasetDecl {
            id: self.id.clone(),
            supplementary: self.supplementary,
            periods_in_rows: period.basis == Basis::Rows,
            columns: self
                .column
                .iter()
                .map(|c| ColumnDecl {
                    id: c.id.clone(),
                    label: (c.label_zh.clone(), c.label_en.clone()),
                    unit: c.unit.clone(),
                    expr: c.expr.clone(),
                    decimals: c.decimals,
                })
                .collect(),
            notes: self
                .note
                .iter()
                .map(|n| NoteDecl {
                    id: n.id.clone(),
                    kind: n.kind.clone(),
                    zh: n.zh.clone(),
                    en: n.en.clone(),
                    cells: n.cells.clone(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "[paper]\ntitle_zh = \"t\"\ntitle_en = \"t\"\nnote_zh = \"n\"\nnote_en = \"n\"\n\n\
        [[section]]\nid = \"overview\"\npaper = \"一\"\ntitle_zh = \"t\"\ntitle_en = \"t\"\nintro_zh = \"i\"\nintro_en = \"i\"\n";

    fn dataset(id: &str, page: &str) -> String {
        format!(
            "\n[[dataset]]\nid = \"{id}\"\npage = \"{page}\"\nfile = \"{id}.csv\"\ntitle_zh = \"t\"\ntitle_en = \"t\"\n\
             section = \"一\"\nagency_zh = \"a\"\nagency_en = \"a\"\nperiod_zh = \"2023 年\"\nperiod_en = \"2023\"\n\
             period_basis = \"paper\"\ncaption_zh = \"c\"\ncaption_en = \"c\"\n\n\
             [[dataset.column]]\nid = \"value\"\nlabel_zh = \"值\"\nlabel_en = \"Value\"\nunit = \"pct\"\n"
        )
    }

    #[test]
    fn a_dataset_declares_its_columns_and_period_to_the_file_rules() {
        let cat = load(&format!("{HEAD}{}", dataset("partners", "overview"))).unwrap();
        let d = &cat.dataset[0];
        let decl = d.decl(&d.period("here").unwrap());
        assert_eq!((decl.id.as_str(), decl.supplementary, decl.periods_in_rows), ("partners", false, false));
        assert_eq!(decl.columns.len(), 1);
        assert_eq!(decl.columns[0].unit, "pct");
        assert_eq!(decl.columns[0].label, ("值".to_string(), "Value".to_string()));
    }

    #[test]
    fn a_dataset_declared_twice_stops_the_build_at_its_second_declaration() {
        let text = format!("{HEAD}{}{}", dataset("ports", "overview"), dataset("ports", "overview"));
        let lines: Vec<&str> = text.lines().collect();
        let second = lines.iter().rposition(|l| *l == "id = \"ports\"").unwrap() + 1;
        assert_eq!(load(&text).err(), Some(format!("data/datasets.toml:{second}: dataset 'ports' declared twice")));
    }

    #[test]
    fn a_dataset_on_an_unknown_page_stops_the_build() {
        let e = load(&format!("{HEAD}{}", dataset("ports", "harbours"))).err().unwrap();
        assert!(e.ends_with("dataset 'ports' names unknown page section 'harbours'"), "{e}");
    }
}
