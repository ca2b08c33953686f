//! What a tooltip and a screen-reader announcement say about a drawn row: the facts of the cell
//! reached, one line per other visible value of the row, and every data note of those values;
//! and where the tooltip goes.
//!
//! Layer: views. Charts and map layers use the same assembly, so a value reads the same wherever
//! a reader meets it.

use super::Drawn;
use crate::data::float_text::fixed;
use crate::data::Lang;
use crate::views::provenance::{facts, facts_lines, row_facts, Facts};

/// A tooltip's content.
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    /// The value reached, in full.
    pub facts: Facts,
    /// The row's heading (a route's full name), then "label: value" for its other visible values.
    pub extra: Vec<String>,
}

/// The tooltip for a row (and series) of a drawn chart or layer; `None` when the row shows
/// nothing. A row without cells (a market named in a list) gets its dataset row's facts.
pub fn tooltip(drawn: &Drawn, row: usize, series: Option<usize>, hidden: &[usize], lang: Lang) -> Option<Tip> {
    let mut extra: Vec<String> = drawn.head(row).map(str::to_string).into_iter().collect();
    let (mut main, others) = match drawn.cell_at(row, series, hidden) {
        Some((c, others)) => (facts(c, lang), others),
        None => {
            let r = drawn.row_ref(row)?;
            (row_facts(r.ds, r.row, lang), Vec::new())
        }
    };
    for c in others {
        let f = facts(c, lang);
        extra.push(format!("{}: {}", f.title, f.value));
        // A note on another value of the row (Shenzhen's November figure) travels with it.
        main.notes.extend(f.notes);
    }
    let mut seen = Vec::new();
    main.notes.retain(|n| {
        let fresh = !seen.contains(n);
        if fresh {
            seen.push(n.clone());
        }
        fresh
    });
    Some(Tip { facts: main, extra })
}

/// What a screen reader hears when keyboard focus reaches a row (and series, for a figure the
/// search revealed): the tooltip's facts as one text.
pub fn announce(drawn: &Drawn, row: usize, series: Option<usize>, hidden: &[usize], lang: Lang) -> Option<String> {
    tooltip(drawn, row, series, hidden, lang).map(|t| facts_lines(&t.facts, lang).join(". "))
}

/// Charts narrower than this (CSS pixels) show the tooltip as a panel across them.
pub const NARROW: f64 = 520.0;

/// Where a tooltip goes, as its `style`: beside the point (`x`, `y`) of a chart `width` pixels
/// wide, on the side with more room and never wider than the room left there; across a narrow
/// chart under the point; under its element for a tile (`below`).
pub fn placement(x: f64, y: f64, width: f64, below: bool) -> String {
    if below {
        return "left:0;top:calc(100% + 6px);transform:none;min-width:min(16rem,80vw)".into();
    }
    if width < NARROW {
        return format!("left:4px;right:4px;top:{}px;transform:none;max-width:none", fixed(y + 14.0, 0));
    }
    let (side, at, room) = if x > width * 0.55 {
        let right = (width - x + 12.0).max(4.0);
        ("right", right, width - right - 4.0)
    } else {
        ("left", x + 12.0, width - x - 16.0)
    };
    format!("{side}:{}px;top:{}px;max-width:min(22rem,{}px)", fixed(at, 0), fixed(y, 0), fixed(room.max(120.0), 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::interact::drawn::drawn_of as drawn;

    #[test]
    fn the_us_bar_tooltip_gives_the_printed_value_growth_and_the_contradiction() {
        let d = drawn("partners-exports", Lang::En);
        let tip = tooltip(&d, 0, None, &[], Lang::En).unwrap();
        assert_eq!(tip.facts.value, "US$664.451 billion");
        assert_eq!(tip.facts.printed.as_deref(), Some("6,644.51 亿美元"));
        assert_eq!(tip.facts.growth.as_deref(), Some("−11.6% year on year"));
        assert!(tip.facts.notes.iter().any(|(k, _)| *k == crate::data::NoteKind::Inconsistency));
    }

    #[test]
    fn the_map_and_the_bar_chart_say_the_same_about_russia() {
        let bars = drawn("partners-exports", Lang::Zh);
        let map = drawn("map-partners", Lang::Zh);
        let (b, m) = (bars.rows_with("RUS")[0], map.rows_with("RUS")[0]);
        let tb = tooltip(&bars, b, None, &[], Lang::Zh).unwrap();
        let tm = tooltip(&map, m, None, &[], Lang::Zh).unwrap();
        assert_eq!(tb.facts, tm.facts);
        assert!(tm.facts.value.contains("2,401.1"), "{}", tm.facts.value);
    }

    #[test]
    fn other_values_of_the_row_become_lines_and_bring_their_notes_once() {
        let d = drawn("map-ports", Lang::En);
        let sz = d.rows_with("port:shenzhen_yantian")[0];
        let tip = tooltip(&d, sz, None, &[], Lang::En).unwrap();
        assert!(tip.extra.len() >= 2, "{:?}", tip.extra);
        let texts: Vec<&String> = tip.facts.notes.iter().map(|n| &n.1).collect();
        let mut unique = texts.clone();
        unique.dedup();
        assert_eq!(texts.len(), unique.len(), "a note appears once: {texts:?}");
        assert!(
            tip.facts.notes.iter().any(|(k, _)| *k == crate::data::NoteKind::Misprint),
            "Shenzhen's November figure exceeds its own January–November total: {:?}",
            tip.facts.notes
        );
    }

    #[test]
    fn a_named_market_without_a_figure_still_gets_a_tooltip_and_an_announcement() {
        let d = drawn("map-ecommerce", Lang::En);
        let i = (0..d.len()).find(|&i| d.row(i).iter().all(Option::is_none)).unwrap();
        let tip = tooltip(&d, i, None, &[], Lang::En).unwrap();
        assert_eq!(tip.facts.title, d.row_ref(i).unwrap().row.label.en);
        assert_eq!(tip.extra.len(), 1, "the market's heading: {:?}", tip.extra);
        assert!(announce(&d, i, None, &[], Lang::En).unwrap().starts_with(&tip.facts.title));
    }

    #[test]
    fn a_tooltip_goes_on_the_side_with_more_room_within_the_chart() {
        assert_eq!(placement(100.0, 50.0, 800.0, false), "left:112px;top:50px;max-width:min(22rem,684px)");
        assert_eq!(placement(700.0, 50.0, 800.0, false), "right:112px;top:50px;max-width:min(22rem,684px)");
        assert_eq!(placement(790.0, 9.0, 800.0, false), "right:22px;top:9px;max-width:min(22rem,774px)");
        assert!(placement(440.0, 0.0, 800.0, false).ends_with("max-width:min(22rem,344px)"), "left of the middle");
        assert!(placement(795.0, 0.0, 800.0, true).starts_with("left:0;top:calc(100% + 6px)"), "a tile: below it");
    }

    #[test]
    fn on_a_narrow_chart_the_tooltip_spans_it_under_the_point() {
        assert_eq!(placement(300.0, 100.0, 390.0, false), "left:4px;right:4px;top:114px;transform:none;max-width:none");
    }

    #[test]
    fn the_side_changes_past_the_middle_of_the_chart() {
        assert_eq!(placement(286.0, 0.0, 520.0, false), "left:298px;top:0px;max-width:min(22rem,218px)");
        assert_eq!(placement(300.0, 0.0, 520.0, false), "right:232px;top:0px;max-width:min(22rem,284px)");
    }

    #[test]
    fn a_row_that_draws_nothing_has_no_tooltip() {
        let d = drawn("partners-exports", Lang::En);
        assert!(tooltip(&d, d.len(), None, &[], Lang::En).is_none());
    }
}
