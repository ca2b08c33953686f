//! Find any figure: the search over everything the atlas holds — every figure (its value as
//! printed, unit, period and row), every place, every chart and section title, the glossary and
//! the data notes — in Chinese and English whatever the interface language.
//!
//! Layer: views. Pure and native-testable: no Leptos, no DOM. `limit` says how long a query may
//! be, `fold` normalises text (case, width, punctuation, spacing), `index` builds the index from
//! the compiled statics (once, on first use: the UI asks for it when the reader first reaches for
//! the search, never on the first screen), `query` reads what the reader typed (aliases from
//! `data/aliases.csv`, small misspellings, Chinese run together) and scores entries, `results`
//! ranks, groups and highlights them, `html` writes them as the listbox's markup, `reveal` decides
//! what choosing a result does (which chart, which row, which selection), and `combobox` what the
//! field's keys do.
//!
//! The matcher's work is bounded by design, whatever is typed: folding and reading the words grow
//! with the query's length, the rest does not (at most `query::MAX_TERMS` terms, each with at
//! most `query::MAX_ALTS` alternatives looked for once in each text of the index, a Chinese term
//! split into pieces only up to `query::MAX_SPLIT` characters); `work` counts it for the tests.

pub mod combobox;
pub mod fold;
pub mod html;
mod index;
pub mod limit;
mod query;
pub mod results;
pub mod reveal;
mod work;

use crate::data::{Dataset, GlossaryEntry, Lang, Note, Section, L};
use crate::views::{CellRef, ChartDef, RowRef};

pub use index::{index, Index};
pub use limit::{limit, MAX_CHARS};
pub use query::Query;
pub use results::{Hit, Marked, Results};
pub use reveal::{drawn_at, plan, Plan, Reveal};

/// What a result stands for.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    /// One figure: a dataset cell with a value.
    Figure(CellRef),
    /// A row the paper names without a figure (a dated event, a market in a list).
    Row(RowRef),
    /// A country, group, port, province or region the data's rows carry.
    Place(&'static str),
    Chart(&'static ChartDef),
    Section(&'static Section),
    Term(&'static GlossaryEntry),
    Note(&'static Dataset, &'static Note),
}

impl Target {
    pub fn group(&self) -> Group {
        match self {
            Target::Figure(_) | Target::Row(_) => Group::Figures,
            Target::Place(_) => Group::Places,
            Target::Chart(_) | Target::Section(_) => Group::Charts,
            Target::Term(_) | Target::Note(..) => Group::Notes,
        }
    }
}

/// The groups results are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Figures,
    Places,
    Charts,
    Notes,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Figures, Group::Places, Group::Charts, Group::Notes];

    /// The group's heading.
    pub fn name(self) -> L {
        match self {
            Group::Figures => L::new("数字", "Figures"),
            Group::Places => L::new("地点", "Places"),
            Group::Charts => L::new("图表与章节", "Charts and sections"),
            Group::Notes => L::new("术语与数据注释", "Glossary and data notes"),
        }
    }

    /// "数字 8" / "8 figures" (one: "1 figure"), for the announcement.
    pub fn counted(self, n: usize, lang: Lang) -> String {
        let (zh, one, many) = match self {
            Group::Figures => ("数字", "figure", "figures"),
            Group::Places => ("地点", "place", "places"),
            Group::Charts => ("图表与章节", "chart or section", "charts and sections"),
            Group::Notes => ("术语与注释", "glossary term or note", "glossary terms and notes"),
        };
        match lang {
            Lang::Zh => format!("{zh} {n}"),
            Lang::En => format!("{n} {}", if n == 1 { one } else { many }),
        }
    }

    /// How many results of the group are shown at most.
    pub fn shown(self) -> usize {
        match self {
            Group::Figures => 8,
            _ => 4,
        }
    }
}

/// The search's words in both languages.
pub mod words {
    use crate::data::L;

    /// The field's placeholder and accessible name.
    pub const PLACEHOLDER: L = L::new("搜索数字、地点、图表……", "Search figures, places, charts…");
    pub const LABEL: L = L::new(
        "搜索图集中的数字、地点、图表、术语与注释(快捷键 / 或 Ctrl+K)",
        "Search the atlas's figures, places, charts, glossary and notes (shortcut / or Ctrl+K)",
    );
    /// The list of results.
    pub const RESULTS: L = L::new("搜索结果", "Search results");
    pub const NONE: L = L::new("没有找到结果。", "No results.");
    /// "12 results: 8 figures, 2 places…".
    pub const FOUND: L = L::new("找到 {} 项:", "{} results: ");
    pub const FOUND_ONE: L = L::new("找到 1 项:", "1 result: ");
    pub const PRINTED: L = L::new("原文", "as printed");
    /// Places by kind.
    pub const COUNTRY: L = L::new("国家或地区", "Country or region");
    pub const GROUP: L = L::new("国家集团", "Group of countries");
    pub const PORT: L = L::new("港口", "Port");
    pub const PROVINCE: L = L::new("省份", "Province");
    pub const REGION: L = L::new("地区", "Region");
    /// "in 5 figures".
    pub const FIGURES_OF: L = L::new("{} 个数字", "{} figures");
    pub const MAP_LAYER: L = L::new("地图图层", "Map layer");
    pub const SECTION: L = L::new("章节", "Section");
    pub const TERM: L = L::new("术语表", "Glossary");
}

/// Search the atlas (building the index on first use).
pub fn search(query: &str, lang: Lang) -> Results {
    index().search(query, lang)
}

#[cfg(test)]
mod tests;
