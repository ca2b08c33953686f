//! The ids of the page's places a link, a search result or a tour step can point at: one type that
//! writes them (`Display`) and reads them back ([`Anchor::parse`]), so no id is spelt twice.
//!
//! Layer: views. Pure: the UI writes these ids on its elements and scrolls to them; the address's
//! `#fragment` is read with [`Anchor::parse`] to know which part of the page to build first.

use crate::data::{registry, DATASETS, SECTIONS};
use std::fmt;

/// The sections of the page besides the paper's own: the map first, the glossary and the note
/// on sources last.
pub const PAGE_SECTIONS: [&str; 3] = ["map", "glossary", "about"];

/// A place on the page, by its element id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// A chart's card (`chart-<chart>`), a map layer's too.
    Chart(&'static str),
    /// What a chart shows in words (`desc-<chart>`), its canvas's accessible description.
    Desc(&'static str),
    /// A dataset's block: its charts, notes, table and source (`ds-<dataset>`).
    Block(&'static str),
    /// A dataset's table (`table-<dataset>`).
    Table(&'static str),
    /// A data note (`note-<dataset>-<note>`).
    Note(&'static str, &'static str),
    /// A map layer's tab (`tab-<layer>`).
    Tab(&'static str),
    /// A section of the page: the map, a section of the paper, the glossary, the note on sources.
    Section(&'static str),
    /// A section's heading (`<section>-h`), which names the section.
    Heading(&'static str),
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Anchor::Chart(id) => write!(f, "chart-{id}"),
            Anchor::Desc(id) => write!(f, "desc-{id}"),
            Anchor::Block(ds) => write!(f, "ds-{ds}"),
            Anchor::Table(ds) => write!(f, "table-{ds}"),
            Anchor::Note(ds, note) => write!(f, "note-{ds}-{note}"),
            Anchor::Tab(layer) => write!(f, "tab-{layer}"),
            Anchor::Section(id) => f.write_str(id),
            Anchor::Heading(id) => write!(f, "{id}-h"),
        }
    }
}

/// A section id of the page, as the data or [`PAGE_SECTIONS`] spells it.
fn section(id: &str) -> Option<&'static str> {
    PAGE_SECTIONS.iter().copied().chain(SECTIONS.iter().map(|s| s.id)).find(|s| *s == id)
}

fn dataset(id: &str) -> Option<&'static str> {
    registry::dataset(id).map(|d| d.id)
}

impl Anchor {
    /// The anchor an id names; `None` for an id the page does not write.
    pub fn parse(id: &str) -> Option<Anchor> {
        let chart = |c: &str| super::chart(c).map(|c| c.id);
        if let Some(c) = id.strip_prefix("chart-") {
            return chart(c).map(Anchor::Chart);
        }
        if let Some(c) = id.strip_prefix("desc-") {
            return chart(c).map(Anchor::Desc);
        }
        if let Some(ds) = id.strip_prefix("ds-") {
            return dataset(ds).map(Anchor::Block);
        }
        if let Some(ds) = id.strip_prefix("table-") {
            return dataset(ds).map(Anchor::Table);
        }
        if let Some(layer) = id.strip_prefix("tab-") {
            return super::chart(layer).filter(|c| c.kind.is_map()).map(|c| Anchor::Tab(c.id));
        }
        if let Some(rest) = id.strip_prefix("note-") {
            // Dataset ids are snake_case, so the dataset is the id before the first '-'.
            let (ds, note) = rest.split_once('-')?;
            let ds = DATASETS.iter().find(|d| d.id == ds)?;
            return ds.note(note).map(|n| Anchor::Note(ds.id, n.id));
        }
        if let Some(s) = id.strip_suffix("-h").and_then(section) {
            return Some(Anchor::Heading(s));
        }
        section(id).map(Anchor::Section)
    }

    /// The part of the page to build before this place can be reached: a dataset block (a chart,
    /// description, table or note of it). `None` for the map, which is always built, and for the
    /// sections and their headings.
    pub fn block(&self) -> Option<&'static str> {
        match *self {
            Anchor::Chart(c) | Anchor::Desc(c) => super::chart(c).filter(|c| !c.kind.is_map()).map(|c| c.dataset),
            Anchor::Block(ds) | Anchor::Table(ds) | Anchor::Note(ds, _) => Some(ds),
            Anchor::Tab(_) | Anchor::Section(_) | Anchor::Heading(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::CHARTS;

    /// Every anchor the page writes.
    fn every_anchor() -> Vec<Anchor> {
        let mut all = Vec::new();
        for c in CHARTS {
            all.extend([Anchor::Chart(c.id), Anchor::Desc(c.id)]);
            if c.kind.is_map() {
                all.push(Anchor::Tab(c.id));
            }
        }
        for d in DATASETS {
            all.extend([Anchor::Block(d.id), Anchor::Table(d.id)]);
            all.extend(d.notes.iter().map(|n| Anchor::Note(d.id, n.id)));
        }
        for s in PAGE_SECTIONS.into_iter().chain(SECTIONS.iter().map(|s| s.id)) {
            all.extend([Anchor::Section(s), Anchor::Heading(s)]);
        }
        all
    }

    #[test]
    fn every_anchor_the_page_writes_reads_back_as_itself_and_no_two_share_an_id() {
        let all = every_anchor();
        let mut ids: Vec<String> = all.iter().map(Anchor::to_string).collect();
        for (a, id) in all.iter().zip(&ids) {
            assert_eq!(Anchor::parse(id), Some(*a), "{id}");
        }
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "an id names one place");
    }

    #[test]
    fn ids_are_spelt_as_the_page_and_its_links_have_always_spelt_them() {
        assert_eq!(Anchor::Chart("partners-exports").to_string(), "chart-partners-exports");
        assert_eq!(Anchor::Block("port_totals").to_string(), "ds-port_totals");
        assert_eq!(Anchor::Note("ports", "shenzhen-nov").to_string(), "note-ports-shenzhen-nov");
        assert_eq!(Anchor::Tab("map-ports").to_string(), "tab-map-ports");
        assert_eq!(Anchor::Heading("map").to_string(), "map-h");
        assert_eq!(Anchor::Section("glossary").to_string(), "glossary");
    }

    #[test]
    fn unknown_ids_are_no_anchor() {
        for id in ["", "chart-nope", "ds-", "note-ports", "note-nope-x", "tab-partners-exports", "nowhere", "-h"] {
            assert_eq!(Anchor::parse(id), None, "{id:?}");
        }
    }

    #[test]
    fn a_deep_link_names_the_dataset_block_to_build_first() {
        let block = |id: &str| Anchor::parse(id).and_then(|a| a.block());
        assert_eq!(block("chart-partners-exports"), Some("partners"));
        assert_eq!(block("desc-partners-exports"), Some("partners"));
        assert_eq!(block("ds-ports"), Some("ports"));
        assert_eq!(block("table-port_totals"), Some("port_totals"));
        let note = DATASETS.iter().find(|d| !d.notes.is_empty()).unwrap();
        assert_eq!(block(&Anchor::Note(note.id, note.notes[0].id).to_string()), Some(note.id));
        assert_eq!(block("chart-map-partners"), None, "the map is always built");
        assert_eq!(block("trade"), None, "a section heading is always built");
    }
}
