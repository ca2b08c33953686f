//! The search index: one entry per figure, named row, place, chart, section, glossary term and
//! data note, each with its texts folded for matching and weighted by what they are (a name
//! counts more than a caption); the aliases with the names they stand for.
//!
//! Layer: views (search). Built from the compiled statics once, on first use.

use super::fold::fold;
use super::{work, Target};
use crate::data::format::{number_text, paper_section, unit_label};
use crate::data::{Dataset, Lang, Row, ALIASES, DATASETS, GLOSSARY, L, SECTIONS};
use crate::views::entity::entity_name;
use crate::views::provenance::table_ref;
use crate::views::{CellRef, RowRef, CHARTS};
use std::sync::OnceLock;

/// How much a match in a field counts, by what the field is.
pub const NAME: u8 = 10;
pub const LABEL: u8 = 7;
pub const VALUE: u8 = 6;
pub const CONTEXT: u8 = 3;
pub const TEXT: u8 = 2;

/// A field: one of the index's texts, and its weight.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub text: u32,
    pub weight: u8,
}

/// One thing the search can find.
#[derive(Debug)]
pub struct Entry {
    pub target: Target,
    pub fields: Vec<Field>,
    /// The dataset whose context fields (title, table, section, period) also count.
    pub ctx: Option<u16>,
}

/// An entry as first collected, its fields' texts not yet shared.
struct RawEntry {
    target: Target,
    fields: Vec<(Box<str>, u8)>,
    ctx: Option<u16>,
}

/// Everything the search needs, built once.
#[derive(Debug)]
pub struct Index {
    /// Every distinct folded text, once: a query looks at each text once, however many entries
    /// share it (a dataset's units, periods and column labels).
    pub texts: Vec<Box<str>>,
    pub entries: Vec<Entry>,
    /// Per dataset (in `DATASETS` order), the fields every entry of the dataset shares.
    pub contexts: Vec<Vec<Field>>,
    /// Each folded alias with the folded names of what it stands for; then every place's and
    /// glossary term's name with its names in both languages.
    pub aliases: Vec<(Box<str>, Vec<Box<str>>)>,
    /// The places of `aliases` in the order of their keys, for a binary search.
    alias_order: Vec<u16>,
    /// The most words an alias key has.
    pub alias_words: usize,
    /// Every distinct Latin word of 3 to 31 letters in the texts, then in the alias keys, each
    /// once, in the order first met, separated by spaces: what a misspelling may be near.
    pub words: String,
    /// How many figures carry each place (by the place's entry).
    pub place_figures: Vec<(&'static str, usize)>,
}

/// The index, built on first use.
pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(Index::build)
}

/// Fields collected for one entry.
#[derive(Default)]
struct Fields(Vec<(Box<str>, u8)>);

impl Fields {
    fn add(&mut self, text: &str, weight: u8) {
        let text = fold(text);
        if !text.is_empty() && !self.0.iter().any(|f| *f.0 == *text && f.1 >= weight) {
            self.0.push((text.into(), weight));
        }
    }

    fn pair(&mut self, l: L, weight: u8) {
        self.add(l.zh, weight);
        self.add(l.en, weight);
    }

    fn opt(&mut self, l: Option<L>, weight: u8) {
        if let Some(l) = l {
            self.pair(l, weight);
        }
    }
}

/// The fields every entry of a dataset shares: its title, table, section, period and agency (not
/// its caption, whose words would make every row match: the caption belongs to its charts).
fn context(ds: &Dataset) -> Vec<(Box<str>, u8)> {
    let mut f = Fields::default();
    f.pair(ds.title, CONTEXT);
    for lang in [Lang::Zh, Lang::En] {
        if let Some(t) = table_ref(ds, lang) {
            f.add(&t, LABEL);
        }
        f.add(&paper_section(ds.section, lang), CONTEXT);
    }
    f.pair(ds.period, CONTEXT);
    f.pair(ds.agency, TEXT);
    f.0
}

/// The fields of a row, besides its cells.
fn row_fields(row: &Row, f: &mut Fields) {
    f.pair(row.label, NAME);
    f.opt(row.group, CONTEXT);
    f.opt(row.measure, CONTEXT);
    f.opt(row.detail, CONTEXT);
    f.opt(row.period, CONTEXT);
    f.opt(row.agency, TEXT);
    if let Some(s) = row.section {
        f.add(s, CONTEXT);
        f.add(&paper_section(s, Lang::En), CONTEXT);
    }
}

/// A figure's fields: its row, its column, and its value and unit in both languages.
fn figure_entry(c: CellRef, ctx: u16) -> Option<RawEntry> {
    let cell = c.cell();
    let v = cell.value.as_ref()?;
    let mut f = Fields::default();
    row_fields(c.row, &mut f);
    if c.ds.columns.len() > 1 {
        f.pair(c.ds.columns[c.col].label, LABEL);
    }
    for lang in [Lang::Zh, Lang::En] {
        f.add(&number_text(v.text, cell.unit, lang), VALUE);
        if let Some(u) = cell.unit {
            f.add(unit_label(u, lang), CONTEXT);
        }
    }
    Some(RawEntry { target: Target::Figure(c), fields: f.0, ctx: Some(ctx) })
}

/// Every figure of a dataset, and its rows that carry no figure.
fn dataset_entries(ds: &'static Dataset, ctx: u16, out: &mut Vec<RawEntry>) {
    for row in ds.rows {
        let before = out.len();
        out.extend((0..row.cells.len()).filter_map(|col| figure_entry(CellRef { ds, row, col }, ctx)));
        if out.len() == before {
            let mut f = Fields::default();
            row_fields(row, &mut f);
            out.push(RawEntry { target: Target::Row(RowRef { ds, row }), fields: f.0, ctx: Some(ctx) });
        }
    }
    for note in ds.notes {
        let mut f = Fields::default();
        f.pair(note.text, TEXT);
        out.push(RawEntry { target: Target::Note(ds, note), fields: f.0, ctx: Some(ctx) });
    }
}

/// Whether an entity code is a place a reader can select: a country on the map, a group, a port,
/// a province or a region (not the world, which only marks global totals).
fn is_place(code: &str) -> bool {
    crate::geo::by_a3(code).is_some() || code.contains(':') || matches!(code, "ASEAN" | "EU" | "BRI")
}

/// Every place the data's rows carry, in the order they first appear, with how many figures
/// carry it.
fn places() -> Vec<(&'static str, usize)> {
    let mut out: Vec<(&'static str, usize)> = Vec::new();
    for row in DATASETS.iter().flat_map(|d| d.rows.iter()) {
        let figures = row.cells.iter().filter(|c| c.value.is_some()).count();
        for &code in row.entities.iter().filter(|c| is_place(c)) {
            match out.iter_mut().find(|(c, _)| *c == code) {
                Some(p) => p.1 += figures,
                None => out.push((code, figures)),
            }
        }
    }
    out
}

fn place_entry(code: &'static str) -> RawEntry {
    let mut f = Fields::default();
    f.add(&entity_name(code, Lang::Zh), NAME);
    f.add(&entity_name(code, Lang::En), NAME);
    RawEntry { target: Target::Place(code), fields: f.0, ctx: None }
}

/// Charts, map layers and the page's sections.
fn chart_entries(out: &mut Vec<RawEntry>) {
    for def in CHARTS {
        let mut f = Fields::default();
        f.pair(def.title, NAME);
        f.pair(def.dataset().caption, TEXT);
        let ctx = DATASETS.iter().position(|d| d.id == def.dataset).map(|i| i as u16);
        out.push(RawEntry { target: Target::Chart(def), fields: f.0, ctx });
    }
    for s in SECTIONS {
        let mut f = Fields::default();
        f.pair(s.title, NAME);
        f.add(s.paper, LABEL);
        f.add(&paper_section(s.paper, Lang::En), LABEL);
        f.pair(s.intro, TEXT);
        out.push(RawEntry { target: Target::Section(s), fields: f.0, ctx: None });
    }
}

fn term_entries(out: &mut Vec<RawEntry>) {
    for g in GLOSSARY {
        let mut f = Fields::default();
        f.add(g.zh, NAME);
        g.en.iter().for_each(|e| f.add(e, NAME));
        f.add(g.note, TEXT);
        out.push(RawEntry { target: Target::Term(g), fields: f.0, ctx: None });
    }
}

/// The folded names an alias stands for: each entity's name and each term's renderings.
fn alias_names(entities: &[&str], terms: &[&str]) -> Vec<Box<str>> {
    let mut names: Vec<Box<str>> = Vec::new();
    let mut add = |s: &str| {
        let s: Box<str> = fold(s).into();
        if !s.is_empty() && !names.contains(&s) {
            names.push(s);
        }
    };
    for e in entities {
        add(&entity_name(e, Lang::Zh));
        add(&entity_name(e, Lang::En));
    }
    for g in GLOSSARY.iter().filter(|g| terms.contains(&g.zh)) {
        add(g.zh);
        g.en.iter().for_each(|e| add(e));
    }
    names
}

/// The aliases of `data/aliases.csv`, then each place's and glossary term's name in one language
/// standing for its names in both (so "俄罗斯" also finds and marks "Russia").
fn aliases_and_bridges(places: &[(&'static str, usize)]) -> Vec<(Box<str>, Vec<Box<str>>)> {
    let mut out: Vec<(Box<str>, Vec<Box<str>>)> =
        ALIASES.iter().map(|a| (fold(a.text).into(), alias_names(a.entities, a.terms))).collect();
    let mut bridge = |name: String, names: Vec<Box<str>>| {
        let key: Box<str> = fold(&name).into();
        if !key.is_empty() && !out.iter().any(|(a, _)| *a == key) {
            out.push((key, names));
        }
    };
    for (code, _) in places {
        let names = alias_names(&[code], &[]);
        bridge(entity_name(code, Lang::Zh), names.clone());
        bridge(entity_name(code, Lang::En), names);
    }
    for g in GLOSSARY {
        let names = alias_names(&[], &[g.zh]);
        bridge(g.zh.to_string(), names.clone());
        g.en.iter().for_each(|e| bridge(e.to_string(), names.clone()));
    }
    out
}

/// The distinct Latin words of `texts` with 3 to 31 letters, in the order first met, each followed
/// by a space.
fn latin_words<'a>(texts: impl Iterator<Item = &'a Box<str>>) -> String {
    let mut seen = Texts { texts: Vec::new(), slots: Vec::new() };
    let mut out = String::new();
    for w in texts.flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic())).filter(|w| (3..32).contains(&w.len())) {
        if seen.add(w) {
            out.push_str(w);
            out.push(' ');
        }
    }
    out
}

/// Texts stored once each: an open-addressing table of ids by FNV-1a hash.
struct Texts {
    texts: Vec<Box<str>>,
    /// Per slot, the text's id + 1; 0 when free. A power of two, kept under a quarter full.
    slots: Vec<u32>,
}

impl Texts {
    /// The id of `text` when it is stored, else the free slot where it would go.
    fn find(&self, text: &str) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let hash = text.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
        let mut at = hash as usize & mask;
        loop {
            match self.slots[at] {
                0 => return Err(at),
                k if *self.texts[k as usize - 1] == *text => return Ok(k - 1),
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Whether `text` was new, storing it if so (copied only then).
    fn add(&mut self, text: &str) -> bool {
        self.grow();
        let Err(at) = self.find(text) else { return false };
        self.texts.push(text.into());
        self.slots[at] = self.texts.len() as u32;
        true
    }

    #[inline(never)]
    fn id(&mut self, text: Box<str>) -> u32 {
        self.grow();
        match self.find(&text) {
            Ok(id) => id,
            Err(at) => {
                self.texts.push(text);
                self.slots[at] = self.texts.len() as u32;
                self.texts.len() as u32 - 1
            }
        }
    }

    /// Keep the table under a quarter full.
    fn grow(&mut self) {
        if self.texts.len() * 4 >= self.slots.len() {
            let texts = std::mem::take(&mut self.texts);
            self.slots = vec![0; (self.slots.len() * 2).max(1024)];
            texts.into_iter().for_each(|t| {
                self.id(t);
            });
        }
    }

    fn fields(&mut self, raw: Vec<(Box<str>, u8)>) -> Vec<Field> {
        raw.into_iter().map(|(t, weight)| Field { text: self.id(t), weight }).collect()
    }
}

impl Index {
    pub(super) fn build() -> Index {
        let mut raw = Vec::new();
        for (i, ds) in DATASETS.iter().enumerate() {
            dataset_entries(ds, i as u16, &mut raw);
        }
        let place_figures = places();
        raw.extend(place_figures.iter().map(|(code, _)| place_entry(code)));
        chart_entries(&mut raw);
        term_entries(&mut raw);
        let mut texts = Texts { texts: Vec::new(), slots: Vec::new() };
        let contexts = DATASETS.iter().map(|d| texts.fields(context(d))).collect();
        let entries =
            raw.into_iter().map(|e| Entry { target: e.target, fields: texts.fields(e.fields), ctx: e.ctx }).collect();
        let aliases = aliases_and_bridges(&place_figures);
        // Sorted by insertion (a few hundred keys, once): less code than the standard sort.
        let mut alias_order: Vec<u16> = Vec::with_capacity(aliases.len());
        for (i, (key, _)) in aliases.iter().enumerate() {
            let at = alias_order.partition_point(|&k| aliases[k as usize].0 <= *key);
            alias_order.insert(at, i as u16);
        }
        let alias_words = aliases.iter().map(|(a, _)| a.split(' ').count()).max().unwrap_or(1);
        let words = latin_words(texts.texts.iter().chain(aliases.iter().map(|(a, _)| a)));
        Index { texts: texts.texts, entries, contexts, aliases, alias_order, alias_words, words, place_figures }
    }

    /// The text of a field.
    pub fn text(&self, f: &Field) -> &str {
        &self.texts[f.text as usize]
    }

    /// The context fields of an entry (empty when it has none).
    pub fn context_of(&self, e: &Entry) -> &[Field] {
        e.ctx.map_or(&[], |i| &self.contexts[i as usize])
    }

    /// The names an alias stands for, if `folded` is one.
    pub fn alias(&self, folded: &str) -> Option<&[Box<str>]> {
        // The first of equal keys, as a scan in order would find.
        let at = self.alias_order.partition_point(|&i| {
            work::add(1 + folded.len());
            *self.aliases[i as usize].0 < *folded
        });
        let (key, names) = &self.aliases[*self.alias_order.get(at)? as usize];
        (**key == *folded).then_some(names.as_slice())
    }
}
