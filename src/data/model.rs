//! Typed records for every dataset of the paper, with their provenance.
//!
//! Layer: data. The build script (`build/`) fills these types from `data/*.csv` and `data/datasets.toml` as
//! `static` items; the rest of the app only reads them. No drawing or UI code here.

pub use super::parse::Qualifier;

/// The two languages of the atlas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The short code used in addresses, storage and file names: `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language of a short code (`zh`, `en`); `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        [Lang::Zh, Lang::En].into_iter().find(|l| l.code() == code)
    }

    /// The other language (what the switch offers).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Pick a language from a browser language tag: Chinese for any `zh*`, English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// A text in both languages: Chinese as in the paper, English as our translation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct L {
    pub zh: &'static str,
    pub en: &'static str,
}

impl L {
    pub const fn new(zh: &'static str, en: &'static str) -> L {
        L { zh, en }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// A unit as the paper prints it, and how the English edition renders it.
#[derive(Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: &'static str,
    /// As the paper prints it ("亿美元", "万 TEU"), one spelling per unit.
    pub zh: &'static str,
    /// English unit after the decimal shift ("US$ billion").
    pub en: &'static str,
    /// Power of ten from the printed number to the English number (亿 → billion is −1).
    pub en_shift: i8,
}

impl Unit {
    pub fn is_percent(&self) -> bool {
        self.id == "pct" || self.id == "pp"
    }
}

/// Where a value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Printed in the paper.
    Stated,
    /// Computed by the atlas from printed figures; the formula travels with the value.
    Derived,
    /// Found outside the paper; the row names its source.
    Supplementary,
    /// Computed from supplementary figures.
    SupplementaryDerived,
}

impl Status {
    pub fn is_derived(self) -> bool {
        matches!(self, Status::Derived | Status::SupplementaryDerived)
    }
    pub fn is_supplementary(self) -> bool {
        matches!(self, Status::Supplementary | Status::SupplementaryDerived)
    }
}

/// One figure.
#[derive(Debug, PartialEq)]
pub struct Value {
    /// The number in the printed unit.
    pub x: f64,
    /// Upper end of a printed range ("10~15" days).
    pub hi: Option<f64>,
    /// Digits as printed, with the PDF's splits joined ("6644.51", "1/3", "10~15"); for derived
    /// values, the computed number rounded to the dataset's stated decimals.
    pub text: &'static str,
    pub qual: Qualifier,
    pub status: Status,
    /// The derivation formula over column ids and `row:column` references.
    pub expr: Option<&'static str>,
}

impl Value {
    /// The value used to draw a bar: for a range, its midpoint.
    pub fn plot_x(&self) -> f64 {
        match self.hi {
            Some(hi) => (self.x + hi) / 2.0,
            None => self.x,
        }
    }
}

/// A cell of a dataset row.
#[derive(Debug, PartialEq)]
pub struct Cell {
    pub value: Option<Value>,
    /// The unit of this cell (the column's unit, or the row's own unit).
    pub unit: Option<&'static Unit>,
}

/// A value column.
#[derive(Debug, PartialEq)]
pub struct Column {
    pub id: &'static str,
    pub label: L,
    /// `None` when each row names its own unit.
    pub unit: Option<&'static Unit>,
    /// Present when the whole column is derived.
    pub expr: Option<&'static str>,
}

/// One row (a commodity, a partner, a port, a fact).
#[derive(Debug, PartialEq)]
pub struct Row {
    pub key: &'static str,
    pub label: L,
    /// Linked entities: ISO 3166-1 alpha-3 codes, `ASEAN`/`EU`/`BRI`, `port:<id>`, `prov:<id>`, `region:<id>`.
    pub entities: &'static [&'static str],
    pub group: Option<L>,
    pub measure: Option<L>,
    pub detail: Option<L>,
    /// The row's own period when it differs from the dataset's, as readers see it (an inferred
    /// period carries its reason, one the paper does not give says so).
    pub period: Option<L>,
    /// Where the row's own period comes from; `None` when it takes the dataset's.
    pub period_basis: Option<PeriodBasis>,
    /// The row's own section of the paper when it differs from the dataset's.
    pub section: Option<&'static str>,
    /// The row's own cited agency when it differs from the dataset's.
    pub agency: Option<L>,
    /// Source address of a supplementary row.
    pub source: Option<&'static str>,
    /// The rows of the same dataset whose scope contains this row's: a part of a total, a member of
    /// a bloc (`data/*.csv`'s `within` column). A whole is never ranked against its own parts.
    pub within: &'static [&'static str],
    /// The paper's footnotes (①…) this row's figures come from.
    pub footnotes: &'static [&'static Footnote],
    pub cells: &'static [Cell],
    pub notes: &'static [&'static str],
}

/// Where a period comes from: every period is stated in the paper, inferred with a reason shown to
/// readers, or not given (`data::rules::period` holds the rule the build script enforces, against
/// the paper's words the data files give; the app carries only the kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodBasis {
    /// Stated in the paper.
    Paper,
    /// Inferred by the atlas; the reason is part of the period's text.
    Inferred,
    /// The paper gives no date.
    NotGiven,
    /// A dataset whose rows each state their own period.
    Rows,
}

/// What a data note is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// The paper contradicts itself; the printed value is shown unchanged.
    Inconsistency,
    /// A printed value that cannot hold as printed (one port's month larger than its own
    /// eleven-month total): shown as printed, named as a probable misprint, never ranked.
    Misprint,
    /// A limit on how the figures may be read.
    Caveat,
    /// How a figure was measured or checked.
    Method,
}

/// A data note shown next to the data it concerns.
#[derive(Debug, PartialEq)]
pub struct Note {
    pub id: &'static str,
    pub kind: NoteKind,
    pub text: L,
    /// What it marks: `"*"` for the whole dataset, `"row"` or `"row:column"`.
    pub cells: &'static [&'static str],
}

/// A dataset with its provenance.
#[derive(Debug, PartialEq)]
pub struct Dataset {
    pub id: &'static str,
    /// The page section it belongs to.
    pub page: &'static str,
    pub file: &'static str,
    pub title: L,
    /// The paper's section, as numbered in the paper ("一(四)2").
    pub section: &'static str,
    pub table: Option<u8>,
    pub figure: Option<u8>,
    pub agency: L,
    /// The paper's reference marks for this data (`"[2]"`, `"④"`).
    pub footnote: &'static str,
    /// The footnotes among those marks (①…), with their sources and dates.
    pub footnotes: &'static [&'static Footnote],
    /// The period as readers see it.
    pub period: L,
    pub period_basis: PeriodBasis,
    pub caption: L,
    pub supplementary: bool,
    pub columns: &'static [Column],
    pub rows: &'static [Row],
    pub notes: &'static [Note],
}

/// A footnote of the paper that cites a source (①–④), with its date.
#[derive(Debug, PartialEq)]
pub struct Footnote {
    /// The circled number as printed: "①".
    pub mark: &'static str,
    /// The cited article's title as printed, and in English.
    pub title: L,
    pub publisher: L,
    /// The part of the article cited, when the footnote names one.
    pub part: Option<L>,
    /// The date as readers see it: "2024 年 1 月 12 日", "12 Jan 2024".
    pub date: L,
    /// The date as `YYYY-MM-DD`.
    pub iso_date: &'static str,
}

/// A section of the page, following the paper.
#[derive(Debug, PartialEq)]
pub struct Section {
    pub id: &'static str,
    pub paper: &'static str,
    pub title: L,
    pub intro: L,
}

/// One glossary entry.
#[derive(Debug, PartialEq)]
pub struct GlossaryEntry {
    pub zh: &'static str,
    /// The English renderings readers see, preferred first; each a whole phrase.
    pub en: &'static [&'static str],
    /// The stems the label check looks for, which readers never see ("lighthouse factor" matches
    /// "factory" and "factories").
    pub matches: &'static [&'static str],
    /// Whether dataset labels are checked against this entry.
    pub check: bool,
    pub note: &'static str,
}

/// The paper itself.
#[derive(Debug, PartialEq)]
pub struct Paper {
    pub title: L,
    pub note: L,
}

/// A word readers type for places and glossary terms ("USA", "美", "EV", "B&R"), from
/// `data/aliases.csv`: the search also looks for the names of what it stands for.
#[derive(Debug, PartialEq)]
pub struct Alias {
    /// As readers type it.
    pub text: &'static str,
    /// Entity codes the data's rows carry (`USA`, `port:shanghai`).
    pub entities: &'static [&'static str],
    /// Glossary terms, by their Chinese.
    pub terms: &'static [&'static str],
}
