//! The guided tour through the paper's argument: its steps and, for each, the view it sets.
//!
//! Layer: views. Pure: no Leptos, no DOM. The steps come from `data/tour.csv` through the build
//! script (`build/tour.rs`), which checks what the data files know (entities, sections, the
//! row's shape) and writes compile-time assertions of what the chart catalogue knows (charts,
//! readings, sorts, map layers). [`view`] says what a step sets — selection, map layer and camera,
//! the step chart's reading, the dataset block to build and the place to scroll to — and
//! [`readings`], [`key`], [`swipe`] and [`after`] decide what entering a step, a key press and a
//! swipe do; `views::state` turns them into the next view and its effects, and the tour's UI
//! (`ui/tour.rs`) only wires keys, buttons and swipes to intents.

use super::anchor::Anchor;
use super::{ChartDef, Settings, SortKey, DEFAULT_LAYER};
use crate::chart::map::Camera;
use crate::data::{Lang, L};

/// One step of the tour: a view the atlas can show, the paper's section, and what to read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// 1, 2, 3… (the address's `tour=`).
    pub n: usize,
    /// A chart or map layer of the catalogue (checked at compile time).
    pub chart: &'static str,
    /// The reading shown (a metric id the chart offers); `None` for its first.
    pub metric: Option<&'static str>,
    /// The order shown; `None` for the chart's first.
    pub sort: Option<SortKey>,
    /// The entity selected (lit up everywhere); `None` clears the selection.
    pub select: Option<&'static str>,
    /// For a map layer: the camera (`None`: the whole extent).
    pub view: Option<Camera>,
    /// The paper's section, as the paper numbers it (`一(四)2`).
    pub section: &'static str,
    pub title: L,
    /// Two or three sentences pointing at what the view shows.
    pub text: L,
}

include!(concat!(env!("OUT_DIR"), "/tour_gen.rs"));

/// The step numbered `n` (from 1).
pub fn step(n: usize) -> Option<&'static Step> {
    n.checked_sub(1).and_then(|i| STEPS.get(i))
}

/// How many steps the tour has.
pub fn count() -> usize {
    STEPS.len()
}

impl Step {
    /// The chart or map layer the step shows.
    pub fn def(&self) -> &'static ChartDef {
        super::catalog::find(self.chart).expect("tour charts are checked at compile time")
    }

    /// The reading (metric index and sort) the step shows.
    pub fn settings(&self) -> Settings {
        let def = self.def();
        let start = def.default_settings();
        let metric = self.metric.and_then(|m| def.controls()?.metrics.iter().position(|x| *x == m));
        Settings { metric: metric.unwrap_or(start.metric), sort: self.sort.unwrap_or(start.sort) }
    }

    pub fn is_map(&self) -> bool {
        self.def().kind.is_map()
    }
}

/// What a step sets.
#[derive(Clone, Debug, PartialEq)]
pub struct StepView {
    pub selected: Option<&'static str>,
    /// The map layer: the step's own, or the default layer for a chart step.
    pub layer: &'static str,
    /// The map camera: the step's own for a map step, the whole extent for a chart step.
    pub camera: Option<Camera>,
    /// The map's centre a step's camera is written for: the cameras of `data/tour.csv` are in the
    /// Atlantic-centred map's units, so a step with one sets that centre (on the Pacific-centred
    /// map the same numbers frame another place). `None`: the reader's centre is kept.
    pub centre: Option<crate::geo::Centre>,
    /// The step chart's reading, when it is not the chart's default.
    pub reading: Option<(&'static str, Settings)>,
    /// The dataset block to build at once (`None` for the map, which is always built).
    pub block: Option<&'static str>,
    /// The place to scroll to: the step's chart card.
    pub target: Anchor,
}

/// The view a step sets. A chart step returns the map to its default layer and extent, so a
/// step's view depends on the step alone and its address can be just `?tour=<n>`.
pub fn view(s: &Step) -> StepView {
    let def = s.def();
    let map = def.kind.is_map();
    let settings = s.settings();
    StepView {
        selected: s.select,
        layer: if map { def.id } else { DEFAULT_LAYER },
        camera: if map { s.view } else { None },
        centre: (map && s.view.is_some()).then_some(crate::geo::Centre::Atlantic),
        reading: (settings != def.default_settings()).then_some((def.id, settings)),
        block: (!map).then_some(def.dataset),
        target: Anchor::Chart(def.id),
    }
}

/// Whether any step shows this chart.
pub fn shows(chart: &str) -> bool {
    STEPS.iter().any(|s| s.chart == chart)
}

/// The chart readings after entering step `s` with `current`: readings of charts the tour never
/// shows are kept, the tour's other charts return to their default, the step's chart gets its own.
pub fn readings(s: &Step, current: &[(&'static str, Settings)]) -> Vec<(&'static str, Settings)> {
    let mut out: Vec<_> = current.iter().copied().filter(|(id, _)| !shows(id)).collect();
    out.extend(view(s).reading);
    out
}

/// What the reader asks the tour to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Prev,
    Next,
    /// Leave the tour where the reader is.
    Leave,
}

/// The step after a move from step `n`: `None` leaves the tour (Escape, or Next on the last
/// step, "Finish"); Prev on the first step stays there.
pub fn after(n: usize, nav: Nav) -> Option<usize> {
    match nav {
        Nav::Prev => Some(n.saturating_sub(1).max(1)),
        Nav::Next => (n < count()).then_some(n + 1),
        Nav::Leave => None,
    }
}

/// Where a key press happened, as far as the tour cares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyAt {
    /// A text field, select or editable element: keys are the reader's typing.
    pub editable: bool,
    /// A chart canvas or the map, whose arrow keys step through items or pan.
    pub uses_arrows: bool,
    /// Ctrl, Alt, Meta or Shift was held.
    pub modifiers: bool,
    /// Something on the page already handled the key (a chart's Escape clears its selection).
    pub handled: bool,
}

/// What a key does to the tour: ←/→ step and Escape leaves, unless the key belongs to what the
/// reader is typing in or to a chart or map that uses it.
pub fn key(key: &str, at: KeyAt) -> Option<Nav> {
    if at.editable || at.modifiers || at.handled {
        return None;
    }
    match key {
        "ArrowLeft" if !at.uses_arrows => Some(Nav::Prev),
        "ArrowRight" if !at.uses_arrows => Some(Nav::Next),
        "Escape" => Some(Nav::Leave),
        _ => None,
    }
}

/// How far a finger must travel sideways for a swipe, in CSS pixels.
pub const SWIPE_PX: f64 = 48.0;

/// A touch gesture's move `(dx, dy)` as a step: a mostly horizontal swipe to the left goes on, to
/// the right goes back; anything shorter or steeper is a tap or a scroll.
pub fn swipe(dx: f64, dy: f64) -> Option<Nav> {
    if dx.abs() < SWIPE_PX || dx.abs() < 1.5 * dy.abs() {
        return None;
    }
    Some(if dx < 0.0 { Nav::Next } else { Nav::Prev })
}

/// The progress text: `3 / 12`.
pub fn progress(n: usize) -> String {
    format!("{n} / {}", count())
}

/// A step's chart as drawn for it (reading, selection, camera), as SVG `width` pixels wide: the
/// printed tour's figures.
pub fn step_svg(s: &Step, lang: Lang, theme: &crate::chart::Theme, width: u32) -> String {
    let def = s.def();
    let built = super::build_with(def, lang, &s.settings());
    let Some((spec, drawn)) = built.canvas() else { return String::new() };
    let selected = s.select.map(|e| drawn.rows_with(e)).unwrap_or_default();
    let view = crate::chart::View { selected, camera: s.view, ..crate::chart::View::default() };
    crate::chart::svg::render_view(spec, &super::build::frame(def, lang), theme, width, &view).0
}

/// Where a step is in the paper, as its panel says it: "原文 一(四)2" / "Paper §1.4.2".
pub fn where_in_paper(s: &Step, lang: Lang) -> String {
    format!("{}{}", crate::i18n::TOUR_SECTION.get(lang), crate::data::format::paper_section(s.section, lang))
}

/// What a screen reader hears on entering a step.
pub fn announce(s: &Step, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("导览第 {} 步,共 {} 步:{}", s.n, count(), s.title.zh),
        Lang::En => format!("Tour step {} of {}: {}", s.n, count(), s.title.en),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DATASETS;
    use crate::views::{build_with, Built, CHARTS};

    fn by_chart(id: &str) -> &'static Step {
        STEPS.iter().find(|s| s.chart == id).unwrap_or_else(|| panic!("a step shows {id}"))
    }

    #[test]
    fn a_step_is_found_by_its_number_and_no_step_lies_outside_the_tour() {
        // How many steps there are and how they are numbered is the build's rule (data/rules/tour.rs).
        for s in STEPS {
            assert_eq!(step(s.n), Some(s));
        }
        assert_eq!(step(0), None);
        assert_eq!(step(count() + 1), None);
    }

    #[test]
    fn the_tour_follows_the_papers_argument_from_supply_chains_to_its_recommendations() {
        let charts: Vec<&str> = STEPS.iter().map(|s| s.chart).collect();
        let at = |id: &str| charts.iter().position(|c| *c == id).unwrap_or_else(|| panic!("{id} in {charts:?}"));
        let order = ["map-economies", "headline-growth", "regions-growth", "map-flows", "new-three-growth"];
        let order = order.iter().chain(&["map-ports", "ecommerce-values", "map-warehouses", "lighthouse-share"]);
        let positions: Vec<usize> = order.map(|id| at(id)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
        assert_eq!(STEPS[0].chart, "map-economies");
        assert!(STEPS[0].section.starts_with('一'), "the paper starts from 一(一), the supply chains");
        assert!(STEPS[count() - 1].section.contains('五'), "the last step gives the paper's recommendations (五)");
    }

    #[test]
    fn every_step_shows_a_drawn_chart_with_a_reading_it_offers() {
        for s in STEPS {
            let def = s.def();
            assert!(def.kind.is_canvas(), "step {}: {}", s.n, s.chart);
            if let Some(m) = s.metric {
                let metrics = def.controls().map_or(&[][..], |c| c.metrics);
                assert_eq!(metrics.get(s.settings().metric), Some(&m), "step {}", s.n);
            }
            if let Some(k) = s.sort {
                assert_eq!(s.settings().sort, k);
            }
            assert!(s.view.is_none() || s.is_map(), "step {}: only a map has a camera", s.n);
        }
    }

    #[test]
    fn a_map_step_shows_its_layer_at_its_camera_and_scrolls_to_the_map_card() {
        let s = STEPS.iter().find(|s| s.view.is_some()).expect("a zoomed map step");
        let v = view(s);
        assert_eq!((v.layer, v.camera, v.block), (s.chart, s.view, None));
        assert_eq!(v.target, Anchor::Chart(s.chart));
        assert_eq!(v.selected, s.select);
    }

    #[test]
    fn a_zoomed_map_step_sets_the_atlantic_centre_its_camera_is_written_in_and_others_keep_the_readers() {
        use crate::geo::Centre;
        for s in STEPS {
            let want = (s.def().kind.is_map() && s.view.is_some()).then_some(Centre::Atlantic);
            assert_eq!(view(s).centre, want, "step {}", s.n);
        }
        // A Chinese reader's map is Pacific-centred by default; step 7 frames Europe, Suez and the
        // Cape only on the Atlantic-centred map, so its address brings that centre with it.
        let seven = crate::permalink::with_step_view(crate::permalink::parse("?tour=7&lang=zh"));
        assert_eq!(seven.centre, Some(Centre::Atlantic));
        let two = crate::permalink::with_step_view(crate::permalink::parse("?tour=2&lang=zh&centre=pacific"));
        assert_eq!(two.centre, Some(Centre::Pacific), "a chart step keeps the reader's centre");
    }

    #[test]
    fn a_chart_step_builds_its_dataset_block_and_returns_the_map_to_the_whole_default_layer() {
        let s = by_chart("commodities");
        let v = view(s);
        assert_eq!((v.layer, v.camera), (DEFAULT_LAYER, None));
        assert_eq!(v.block, Some("commodities"));
        assert_eq!(v.target, Anchor::Chart("commodities"));
        let set = v.reading.expect("the commodities step shows a reading other than the default").1;
        assert_eq!(set.sort, SortKey::Value);
        assert_eq!(s.def().controls().unwrap().metrics[set.metric], "unit_value_yoy");
    }

    #[test]
    fn a_step_without_a_selection_clears_it() {
        let s = STEPS.iter().find(|s| s.select.is_none()).expect("a step without a selection");
        assert_eq!(view(s).selected, None);
    }

    #[test]
    fn entering_a_step_sets_its_reading_and_returns_the_other_tour_charts_to_their_default() {
        let commodities = by_chart("commodities");
        let other = STEPS.iter().find(|s| s.chart != "commodities" && !s.is_map()).unwrap();
        let mine = ("ports-jan-nov", Settings { metric: 1, sort: SortKey::Name });
        assert!(!shows(mine.0), "a chart the tour never shows");
        let after_commodities = readings(commodities, &[mine]);
        assert_eq!(after_commodities, vec![mine, view(commodities).reading.unwrap()]);
        let next = readings(other, &after_commodities);
        assert_eq!(
            next,
            [mine].into_iter().chain(view(other).reading).collect::<Vec<_>>(),
            "the reader's own reading stays"
        );
    }

    #[test]
    fn every_selection_lights_up_something_in_its_step_chart() {
        for s in STEPS.iter().filter(|s| s.select.is_some()) {
            let Built::Canvas { drawn, .. } = build_with(s.def(), Lang::En, &s.settings()) else {
                panic!("{}", s.chart)
            };
            let e = s.select.unwrap();
            assert!(!drawn.rows_with(e).is_empty(), "step {}: {e} is not drawn in {}", s.n, s.chart);
        }
    }

    #[test]
    fn cameras_are_within_the_bounds_the_address_accepts() {
        for s in STEPS {
            if let Some(c) = s.view {
                assert!(crate::permalink::camera_in_bounds(c.zoom, c.cx, c.cy), "step {}", s.n);
            }
        }
    }

    #[test]
    fn the_compile_time_checks_accept_the_catalogue_and_reject_bad_ids() {
        // The look-ups that the generated assertions (data/rules/tour.rs) call.
        use crate::views::catalog::{has_chart, has_reading, has_sort, is_drawn, is_map};
        assert!(has_chart("map-flows") && is_drawn("map-flows") && is_map("map-flows"));
        assert!(has_reading("map-flows", "blocs") && !has_reading("map-flows", "qty_yoy"));
        assert!(!has_chart("nope") && !is_drawn("rail-tiles") && !has_sort("map-flows", SortKey::Value));
        assert!(CHARTS.iter().all(|c| has_chart(c.id)));
    }

    #[test]
    fn arrow_keys_step_unless_a_field_a_chart_or_the_map_uses_them() {
        let page = KeyAt::default();
        assert_eq!(key("ArrowRight", page), Some(Nav::Next));
        assert_eq!(key("ArrowLeft", page), Some(Nav::Prev));
        assert_eq!(key("ArrowRight", KeyAt { uses_arrows: true, ..page }), None, "a chart steps through its items");
        assert_eq!(key("ArrowLeft", KeyAt { editable: true, ..page }), None, "typing");
        assert_eq!(key("ArrowRight", KeyAt { modifiers: true, ..page }), None, "Alt+→ is the browser's");
        assert_eq!(key("a", page), None);
    }

    #[test]
    fn escape_leaves_unless_something_else_handled_it() {
        let page = KeyAt::default();
        assert_eq!(key("Escape", page), Some(Nav::Leave));
        assert_eq!(key("Escape", KeyAt { uses_arrows: true, ..page }), Some(Nav::Leave));
        assert_eq!(key("Escape", KeyAt { handled: true, ..page }), None, "a chart cleared its selection");
        assert_eq!(key("Escape", KeyAt { editable: true, ..page }), None, "a field clears itself");
    }

    #[test]
    fn next_on_the_last_step_finishes_and_prev_on_the_first_stays() {
        assert_eq!(after(1, Nav::Next), Some(2));
        assert_eq!(after(3, Nav::Prev), Some(2));
        assert_eq!(after(1, Nav::Prev), Some(1));
        assert_eq!(after(count(), Nav::Next), None);
        assert_eq!(after(4, Nav::Leave), None);
    }

    #[test]
    fn a_horizontal_swipe_steps_and_a_short_or_steep_one_does_not() {
        assert_eq!(swipe(-80.0, 10.0), Some(Nav::Next), "to the left: on");
        assert_eq!(swipe(80.0, -10.0), Some(Nav::Prev));
        assert_eq!(swipe(-30.0, 0.0), None, "a tap");
        assert_eq!(swipe(-80.0, 70.0), None, "a scroll");
    }

    #[test]
    fn a_printed_step_draws_its_chart_with_its_selection() {
        let theme = crate::chart::Theme::pick(crate::chart::Mode::Light, false);
        for s in STEPS {
            let svg = step_svg(s, Lang::En, &theme, 720);
            // A long title wraps onto two lines: every word of it is drawn.
            let title = s.def().title.en;
            let drawn = title.split_whitespace().all(|w| svg.contains(&crate::data::format::escape_markup(w)));
            assert!(svg.starts_with("<svg") && drawn, "step {}: {title}", s.n);
        }
        let sel = STEPS.iter().find(|s| s.select.is_some() && !s.is_map()).expect("a chart step with a selection");
        let without = Step { select: None, ..*sel };
        assert_ne!(
            step_svg(sel, Lang::En, &theme, 720),
            step_svg(&without, Lang::En, &theme, 720),
            "the selection shows"
        );
    }

    #[test]
    fn progress_and_announcement_count_the_steps() {
        let s = step(3).unwrap();
        assert_eq!(progress(3), format!("3 / {}", count()));
        assert_eq!(announce(s, Lang::En), format!("Tour step 3 of {}: {}", count(), s.title.en));
        assert!(announce(s, Lang::Zh).starts_with("导览第 3 步,共"));
        let where_ = where_in_paper(s, Lang::En);
        assert!(
            where_.starts_with(crate::i18n::TOUR_SECTION.en)
                && where_.ends_with(&crate::data::format::paper_section(s.section, Lang::En))
        );
    }

    /// The numbers in a text: runs of digits with `.` or `,` inside, the separators dropped, and the
    /// number of a table or figure ("表 2", "Table 2") left out.
    fn numbers(text: &str) -> Vec<String> {
        let mut t = text.to_string();
        for w in ["表 ", "图 ", "Table ", "Figure "] {
            t = t.replace(w, "§");
        }
        let chars: Vec<char> = t.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let after_mark = i > 0 && chars[i - 1] == '§';
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',') && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
            {
                i += 1;
            }
            if !after_mark {
                out.push(chars[start..i].iter().filter(|c| **c != ',').collect());
            }
        }
        out
    }

    /// Every number the data holds in one language: each stated figure as the atlas shows it, and
    /// every number in the data's own words (labels, periods, titles, captions).
    fn data_numbers(lang: Lang) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        let mut words = |l: &L| out.extend(numbers(l.get(lang)));
        for d in DATASETS {
            for l in [&d.title, &d.caption, &d.period] {
                words(l);
            }
            for c in d.columns {
                words(&c.label);
            }
            for r in d.rows {
                for l in
                    [Some(&r.label), r.measure.as_ref(), r.period.as_ref(), r.detail.as_ref()].into_iter().flatten()
                {
                    words(l);
                }
            }
        }
        for d in DATASETS {
            for r in d.rows {
                for c in r.cells {
                    let Some(v) = c.value.as_ref().filter(|v| !v.status.is_derived()) else { continue };
                    let shown = crate::data::format::number_text(v.text, c.unit, lang);
                    out.extend(numbers(&shown.replace(['~', '–'], " ")));
                }
            }
        }
        out
    }

    #[test]
    fn every_number_a_step_states_is_a_figure_the_data_prints_in_that_language() {
        for lang in [Lang::Zh, Lang::En] {
            let known = data_numbers(lang);
            for s in STEPS {
                let own_zh = numbers(s.text.zh);
                for n in numbers(s.text.get(lang)) {
                    let year = n.len() == 4 && (2000..=2030).contains(&n.parse::<u32>().unwrap_or(0));
                    let ok = year || known.contains(&n) || (lang == Lang::En && own_zh.contains(&n));
                    assert!(ok, "step {} ({lang:?}): {n} is not a figure of the data", s.n);
                }
            }
        }
    }

    #[test]
    fn the_number_scanner_reads_printed_figures() {
        assert_eq!(numbers("表 2:出口 11,896.58 亿美元,增长 33.4%。"), ["11896.58", "33.4"]);
        assert_eq!(numbers("Table 3: US$5.94 trillion, down 5.0%. About 10–15 days."), ["5.94", "5.0", "10", "15"]);
    }

    #[test]
    fn step_texts_use_the_glossarys_renderings() {
        // A term the glossary checks appears in the English text in one of its renderings.
        for s in STEPS {
            for g in crate::data::GLOSSARY.iter().filter(|g| g.check && s.text.zh.contains(g.zh)) {
                let en = s.text.en.to_lowercase();
                assert!(
                    g.matches.iter().any(|m| en.contains(&m.to_lowercase())),
                    "step {}: {} → {:?}",
                    s.n,
                    g.zh,
                    g.en
                );
            }
        }
    }
}
