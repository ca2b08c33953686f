//! Results: entries ranked by score (the paper's order between equals), grouped, always in the
//! order figures, places, charts, notes (so a reader learns where to look), each told in the reader's language — a figure with its value as printed, unit,
//! period and section — with the query's matches marked.
//!
//! Layer: views (search). Pure functions over the index.

use super::fold::{find_from, Mapped};
use super::index::Index;
use super::query::Query;
use super::{words, work, Group, Target};
use crate::data::format::{self, paper_section};
use crate::data::{Lang, L};
use crate::views::entity::entity_name;
use crate::views::provenance::locator;
use crate::views::words::fill;

/// A displayed text and the byte ranges of it that match the query.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Marked {
    pub text: String,
    pub marks: Vec<(usize, usize)>,
}

impl Marked {
    /// Mark every match of the query's needles in `text` (folded alike), merged where they touch.
    pub fn new(text: String, q: &Query) -> Marked {
        let m = Mapped::new(&text);
        let mut marks: Vec<(usize, usize)> = Vec::new();
        for needle in q.needles(&m.text) {
            let mut from = 0;
            while let Some(at) = find_from(&m.text, &needle, from) {
                marks.push(m.original(at, at + needle.len()));
                from = at + needle.len();
            }
        }
        let len = text.len();
        Marked { text, marks: merge(marks, len) }
    }

    /// The text in runs, each with whether it is marked.
    pub fn runs(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut at = 0;
        for &(a, b) in &self.marks {
            if a > at {
                out.push((&self.text[at..a], false));
            }
            out.push((&self.text[a..b], true));
            at = b;
        }
        if at < self.text.len() {
            out.push((&self.text[at..], false));
        }
        out
    }
}

/// Byte ranges of a text of `len` bytes, in order, those that overlap or touch joined: the bytes
/// they cover, read once.
fn merge(ranges: Vec<(usize, usize)>, len: usize) -> Vec<(usize, usize)> {
    let mut covered = vec![false; len];
    for &(a, b) in &ranges {
        work::add(b - a);
        covered[a..b].fill(true);
    }
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (i, _) in covered.iter().enumerate().filter(|(_, c)| **c) {
        match merged.last_mut() {
            Some(last) if last.1 == i => last.1 = i + 1,
            _ => merged.push((i, i + 1)),
        }
    }
    merged
}

/// Keep the `n` best of a group, best first; an equal score goes after those already kept (the
/// entries come in the paper's order).
fn keep_best(best: &mut Vec<(f32, usize)>, item: (f32, usize), n: usize) {
    let at = best.iter().position(|b| b.0 < item.0).unwrap_or(best.len());
    if at < n {
        best.insert(at, item);
        best.truncate(n);
    }
}

/// One result, told in the reader's language.
#[derive(Clone, Debug)]
pub struct Hit {
    /// The entry's place in the index: a stable id for the result.
    pub id: usize,
    pub target: Target,
    pub title: Marked,
    /// The title in the other language.
    pub alt: Option<Marked>,
    /// A figure's value as the reader's edition shows it, with its unit.
    pub value: Option<String>,
    /// In English, the figure exactly as the paper prints it (Chinese unit).
    pub printed: Option<String>,
    pub unit: Option<String>,
    pub period: Option<String>,
    /// Where in the paper (section, table).
    pub section: Option<String>,
    /// What it belongs to or is: the dataset's title, a place's kind, a glossary note.
    pub context: Option<Marked>,
}

/// One group of results: the best few, and how many there are.
#[derive(Clone, Debug)]
pub struct GroupHits {
    pub group: Group,
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// What a query finds.
#[derive(Clone, Debug, Default)]
pub struct Results {
    pub groups: Vec<GroupHits>,
}

impl Results {
    /// Every hit shown, in order.
    pub fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.groups.iter().flat_map(|g| g.hits.iter())
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// For the live region: "找到 12 项:数字 8、地点 2" / "12 results: 8 figures, 2 places".
    pub fn summary(&self, lang: Lang) -> String {
        if self.groups.is_empty() {
            return words::NONE.get(lang).to_string();
        }
        let total: usize = self.groups.iter().map(|g| g.total).sum();
        let parts: Vec<String> = self.groups.iter().map(|g| g.group.counted(g.total, lang)).collect();
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        let found = if total == 1 {
            words::FOUND_ONE.get(lang).to_string()
        } else {
            fill(words::FOUND, lang, &[&total.to_string()])
        };
        found + &parts.join(sep)
    }
}

impl Index {
    /// Rank, group and tell the entries that match `raw`.
    pub fn search(&self, raw: &str, lang: Lang) -> Results {
        let q = Query::parse(self, raw);
        let mut best: [Vec<(f32, usize)>; 4] = Default::default();
        let mut totals = [0usize; 4];
        if !q.is_empty() {
            for (i, e) in self.entries.iter().enumerate() {
                if let Some(s) = q.score(self, e) {
                    let g = e.target.group();
                    totals[g as usize] += 1;
                    keep_best(&mut best[g as usize], (s, i), g.shown());
                }
            }
        }
        let groups = Group::ALL
            .iter()
            .zip(best)
            .zip(totals)
            .filter(|(_, total)| *total > 0)
            .map(|((&group, best), total)| GroupHits {
                group,
                total,
                hits: best.into_iter().map(|(_, i)| self.hit(i, &q, lang)).collect(),
            })
            .collect();
        Results { groups }
    }

    /// Every entry that matches `raw`, as (score, entry), best first and the paper's order between
    /// equals.
    #[cfg(test)]
    pub fn matches(&self, raw: &str) -> Vec<(f32, usize)> {
        let q = Query::parse(self, raw);
        let mut all: Vec<(f32, usize)> =
            self.entries.iter().enumerate().filter_map(|(i, e)| q.score(self, e).map(|s| (s, i))).collect();
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        all
    }

    fn hit(&self, id: usize, q: &Query, lang: Lang) -> Hit {
        let target = self.entries[id].target;
        let both =
            |l: L| (Marked::new(l.get(lang).to_string(), q), Some(Marked::new(l.get(lang.other()).to_string(), q)));
        let mut h = Hit {
            id,
            target,
            title: Marked::default(),
            alt: None,
            value: None,
            printed: None,
            unit: None,
            period: None,
            section: None,
            context: None,
        };
        match target {
            Target::Figure(c) => figure(&mut h, c, q, lang),
            Target::Row(r) => {
                (h.title, h.alt) = both(r.row.label);
                h.value = r.row.group.or(r.row.detail).map(|g| g.get(lang).to_string());
                h.period = Some(r.row.period.unwrap_or(r.ds.period).get(lang).to_string());
                h.section = Some(r.row.section.map_or_else(|| locator(r.ds, lang), |s| paper_section(s, lang)));
                h.context = Some(Marked::new(r.ds.title.get(lang).to_string(), q));
            }
            Target::Place(code) => {
                h.title = Marked::new(entity_name(code, lang), q);
                h.alt = Some(Marked::new(entity_name(code, lang.other()), q));
                let n = self.place_figures.iter().find(|(c, _)| *c == code).map_or(0, |p| p.1);
                let text =
                    format!("{} · {}", place_kind(code).get(lang), fill(words::FIGURES_OF, lang, &[&n.to_string()]));
                h.context = Some(Marked { text, marks: Vec::new() });
            }
            Target::Chart(def) => {
                (h.title, h.alt) = both(def.title);
                h.section = Some(locator(def.dataset(), lang));
                h.context =
                    def.kind.is_map().then(|| Marked { text: words::MAP_LAYER.get(lang).into(), marks: vec![] });
            }
            Target::Section(s) => {
                (h.title, h.alt) = both(s.title);
                h.section = Some(paper_section(s.paper, lang));
                h.context = Some(Marked { text: words::SECTION.get(lang).into(), marks: vec![] });
            }
            Target::Term(g) => {
                let en = g.en.join(" / ");
                let (zh, en) = (Marked::new(g.zh.to_string(), q), Marked::new(en, q));
                (h.title, h.alt) = if lang == Lang::Zh { (zh, Some(en)) } else { (en, Some(zh)) };
                let note = if g.note.is_empty() { words::TERM.get(lang).to_string() } else { g.note.to_string() };
                h.context = Some(Marked::new(note, q));
            }
            Target::Note(ds, n) => {
                h.title = excerpt(n.text.get(lang), q);
                h.section = Some(format!("{} · {}", n.kind.label().get(lang), locator(ds, lang)));
                h.context = Some(Marked::new(ds.title.get(lang).to_string(), q));
            }
        }
        h
    }
}

/// A figure: its row (and column), value as printed, unit, period and section.
fn figure(h: &mut Hit, c: crate::views::CellRef, q: &Query, lang: Lang) {
    let col = &c.ds.columns[c.col];
    let title = |l: Lang| {
        if c.ds.columns.len() > 1 && col.id != "value" {
            format!("{} · {}", c.row.label.get(l), col.label.get(l))
        } else {
            c.row.label.get(l).to_string()
        }
    };
    h.title = Marked::new(title(lang), q);
    h.alt = Some(Marked::new(title(lang.other()), q));
    let cell = c.cell();
    if let Some(v) = &cell.value {
        h.value = Some(format::value(v, cell.unit, lang));
        let printed = format::value(v, cell.unit, Lang::Zh);
        h.printed =
            (lang == Lang::En && !v.status.is_derived() && h.value.as_ref() != Some(&printed)).then_some(printed);
    }
    h.unit = cell.unit.map(|u| format::unit_label(u, lang).to_string());
    h.period = Some(c.row.period.unwrap_or(c.ds.period).get(lang).to_string());
    h.section = Some(c.row.section.map_or_else(|| locator(c.ds, lang), |s| paper_section(s, lang)));
    h.context = Some(Marked::new(c.ds.title.get(lang).to_string(), q));
}

fn place_kind(code: &str) -> L {
    match code.split_once(':').map(|(k, _)| k) {
        Some("port") => words::PORT,
        Some("prov") => words::PROVINCE,
        Some("region") => words::REGION,
        _ if code.len() > 3 => words::GROUP,
        _ => words::COUNTRY,
    }
}

/// A long text cut to about 90 characters around its first match, marked.
fn excerpt(text: &str, q: &Query) -> Marked {
    const WIDTH: usize = 90;
    let whole = Marked::new(text.to_string(), q);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.len() <= WIDTH {
        return whole;
    }
    let first = whole.marks.first().map_or(0, |m| m.0);
    let at = chars.iter().position(|(i, _)| *i >= first).unwrap_or(0);
    let start = at.saturating_sub(WIDTH / 3).min(chars.len() - WIDTH);
    let (a, b) = (chars[start].0, chars.get(start + WIDTH).map_or(text.len(), |c| c.0));
    let cut = format!("{}{}{}", if start > 0 { "…" } else { "" }, &text[a..b], if b < text.len() { "…" } else { "" });
    Marked::new(cut, q)
}
