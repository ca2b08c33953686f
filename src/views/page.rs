//! The page's outline: the contents bar, which charts each dataset block holds and at which heading
//! level, the height a block reserves before it is built, the map's layers and their tab labels,
//! whether a card spans the page, and the names of a chart's readings.
//!
//! Layer: views. Pure; the static first screen (`shell`) and the components of `ui` read the same
//! outline, so the contents and the headings cannot drift between them.

use super::anchor::Anchor;
use super::{Built, ChartDef, Controls, SortKey, CHARTS};
use crate::data::format::paper_section;
use crate::data::{Dataset, Lang, L, SECTIONS};
use crate::i18n;

/// The section title shortened for the contents bar (text before the first comma or colon).
pub fn short_title(s: &str) -> &str {
    let cut = s.find([',', ',', ':', ':']).unwrap_or(s.len());
    &s[..cut]
}

/// One entry of the contents bar: where it links, its number and its short title.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub to: Anchor,
    pub num: String,
    pub title: String,
}

/// The contents bar: the map, then the paper's sections with their numbers.
pub fn contents(lang: Lang) -> Vec<Entry> {
    let map = Entry { to: Anchor::Section("map"), num: "◎".into(), title: i18n::MAP_NAV.get(lang).into() };
    let sections = SECTIONS.iter().map(|s| Entry {
        to: Anchor::Section(s.id),
        num: paper_section(s.paper, lang).replace('§', ""),
        title: short_title(s.title.get(lang)).into(),
    });
    std::iter::once(map).chain(sections).collect()
}

/// The map's layers, in the order of its switch.
pub fn layers() -> impl Iterator<Item = &'static ChartDef> {
    CHARTS.iter().filter(|c| c.kind.is_map())
}

/// The layer a key on the layer switch moves to from the layer `now` (the WAI-ARIA tabs pattern:
/// the arrows step round, Home and End go to the ends); `None` for other keys.
pub fn layer_after(now: &str, key: &str) -> Option<&'static ChartDef> {
    let at = layers().position(|d| d.id == now).unwrap_or(0);
    layers().nth(super::interact::tab_after(at, key, layers().count())?)
}

/// A layer's tab text: its title without the "Map:" prefix, starting with a capital.
pub fn tab_label(def: &ChartDef, lang: Lang) -> String {
    let title = def.title.get(lang);
    let t = title.split_once([':', ':']).map_or(title, |(_, t)| t).trim();
    crate::data::case::capitalise(t)
}

/// Where a row of tabs scrolled sideways (a phone's) scrolls to show a tab at `left` that is
/// `width` wide, when it is `scroll` pixels along and `view` wide: `None` when the tab is in view,
/// else a little before the tab.
pub fn tab_scroll(left: i32, width: i32, scroll: i32, view: i32) -> Option<i32> {
    (left < scroll || left + width > scroll + view).then_some((left - 16).max(0))
}

/// The charts of a dataset's block, in page order (its map layers are shown in the map section).
pub fn cards(ds: &str) -> impl Iterator<Item = &'static ChartDef> + '_ {
    CHARTS.iter().filter(move |c| c.dataset == ds && !c.kind.is_map())
}

/// Whether a dataset's block has a heading of its own: not when one of its cards carries the
/// dataset's own title, which makes a separate heading redundant.
pub fn block_heading(ds: &Dataset) -> bool {
    !cards(ds.id).any(|c| c.title == ds.title)
}

/// The heading level of a block's cards and notes: one below the block's heading when it has one
/// (4), else directly under the section's (3).
pub fn card_level(ds: &Dataset) -> u8 {
    if block_heading(ds) {
        4
    } else {
        3
    }
}

/// A rough height for a dataset block not yet built, in CSS pixels: its charts, notes and table
/// summary, so that the page keeps roughly its length meanwhile.
pub fn reserve(ds: &Dataset) -> u32 {
    let cards: u32 = cards(ds.id).map(|c| if c.kind.is_canvas() { 380 } else { 160 }).sum();
    120 + cards + 40 * ds.notes.len() as u32
}

/// Whether a card spans the page's width: the map, and charts of more than twelve rows.
pub fn wide(def: &ChartDef, built: &Built) -> bool {
    def.kind.is_map() || built.row_count() > 12
}

/// A sort order's name in the reading controls.
pub fn sort_label(k: SortKey) -> L {
    match k {
        SortKey::Paper => i18n::SORT_PAPER,
        SortKey::Value => i18n::SORT_VALUE,
        SortKey::Growth => i18n::SORT_GROWTH,
        SortKey::Name => i18n::SORT_NAME,
    }
}

/// The name of a chart's `i`-th reading in the controls: its own name, else its column's label,
/// marked when the column is derived.
pub fn metric_label(def: &ChartDef, controls: &Controls, i: usize, lang: Lang) -> String {
    let Some(m) = controls.metrics.get(i) else { return String::new() };
    let column = def.dataset().column(m);
    let named = controls.labels.get(i).map(|n| n.get(lang));
    let label = named.or_else(|| column.map(|c| c.label.get(lang))).unwrap_or(m);
    match (column.is_some_and(|c| c.expr.is_some()), lang) {
        (false, _) => label.to_string(),
        (true, Lang::Zh) => format!("{label}({})", i18n::DERIVED.get(lang)),
        (true, Lang::En) => format!("{label} ({})", i18n::DERIVED.get(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DATASETS;
    use crate::views::{build, chart};

    #[test]
    fn short_titles_stop_at_the_first_comma_or_colon() {
        assert_eq!(short_title("Ports, shipping and the Red Sea"), "Ports");
        assert_eq!(short_title("港口:集装箱"), "港口");
        assert_eq!(short_title("No comma"), "No comma");
    }

    #[test]
    fn the_contents_lead_with_the_map_then_every_section_with_its_number() {
        let en = contents(Lang::En);
        assert_eq!(en.len(), SECTIONS.len() + 1);
        assert_eq!((en[0].to, en[0].title.as_str()), (Anchor::Section("map"), "Map"));
        let first = &SECTIONS[0];
        assert_eq!(en[1].to, Anchor::Section(first.id));
        assert!(!en[1].num.contains('§'), "the bar shows the number without the sign: {}", en[1].num);
        assert_eq!(contents(Lang::Zh)[1].num, first.paper);
    }

    #[test]
    fn a_block_without_a_card_of_its_own_title_gets_a_heading_and_its_cards_go_one_level_down() {
        for ds in DATASETS {
            let own = cards(ds.id).any(|c| c.title == ds.title);
            assert_eq!((block_heading(ds), card_level(ds)), if own { (false, 3) } else { (true, 4) }, "{}", ds.id);
        }
        assert!(DATASETS.iter().any(block_heading) && !DATASETS.iter().all(block_heading), "both kinds occur");
    }

    #[test]
    fn a_block_holds_its_datasets_charts_but_not_its_map_layers() {
        let partners: Vec<&str> = cards("partners").map(|c| c.id).collect();
        assert!(partners.contains(&"partners-exports"), "{partners:?}");
        assert!(partners.iter().all(|id| !id.starts_with("map-")), "{partners:?}");
        assert!(layers().all(|l| l.kind.is_map()) && layers().count() == 7);
    }

    #[test]
    fn a_block_reserves_room_for_its_cards_and_notes() {
        let ds = DATASETS.iter().find(|d| cards(d.id).count() > 1 && !d.notes.is_empty()).expect("a block");
        assert!(reserve(ds) > 120 + 380 && reserve(ds) >= 120 + 40 * ds.notes.len() as u32);
    }

    #[test]
    fn the_arrows_step_round_the_layers_and_home_and_end_go_to_the_ends() {
        let all: Vec<&str> = layers().map(|l| l.id).collect();
        let after = |now, key| layer_after(now, key).map(|d| d.id);
        assert_eq!(after(all[0], "ArrowRight"), Some(all[1]));
        assert_eq!(after(all[0], "ArrowLeft"), Some(all[all.len() - 1]), "round to the last");
        assert_eq!(after(all[3], "Home"), Some(all[0]));
        assert_eq!(after(all[3], "Enter"), None);
    }

    #[test]
    fn a_tab_drops_the_map_prefix_and_starts_with_a_capital() {
        let ports = chart("map-ports").unwrap();
        assert_eq!(tab_label(ports, Lang::En), "China's top 20 container ports (Table 4)");
        assert_eq!(tab_label(ports, Lang::Zh), "中国集装箱吞吐量 TOP20 港口(表 4)");
    }

    #[test]
    fn a_tab_out_of_view_is_scrolled_to_with_a_little_room_before_it() {
        assert_eq!(tab_scroll(100, 80, 0, 390), None, "in view");
        assert_eq!(tab_scroll(400, 80, 0, 390), Some(384), "past the right edge");
        assert_eq!(tab_scroll(10, 80, 200, 390), Some(0), "before the left edge, never below 0");
    }

    #[test]
    fn the_map_and_long_charts_span_the_page() {
        let wide_of = |id: &str| wide(chart(id).unwrap(), &build(chart(id).unwrap(), Lang::En));
        assert!(wide_of("map-partners"));
        let long = CHARTS.iter().find(|c| !c.kind.is_map() && build(c, Lang::En).row_count() > 12).unwrap();
        assert!(wide_of(long.id));
        assert!(!wide_of("partners-exports"), "ten partners fit half the page");
    }

    #[test]
    fn a_derived_reading_says_so_in_the_readers_language() {
        let def = chart("commodities").unwrap();
        let c = def.controls().unwrap();
        let i = c.metrics.iter().position(|m| *m == "unit_value_yoy").unwrap();
        assert!(metric_label(def, c, i, Lang::En).ends_with(" (derived)"));
        assert!(metric_label(def, c, i, Lang::Zh).ends_with("(推算)"));
        assert!(!metric_label(def, c, 0, Lang::En).contains("derived"));
        assert_eq!(metric_label(def, c, 99, Lang::En), "");
    }
}
