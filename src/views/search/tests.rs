//! The search as a reader uses it: what typing finds, how it is told, and where choosing leads.

use super::*;
use crate::data::registry::dataset;
use crate::views::{Built, Settings};

/// The figures shown for `q`, as "dataset:row:column".
fn figures(q: &str, lang: Lang) -> Vec<String> {
    search(q, lang).hits().filter_map(|h| figure_id(&h.target)).collect()
}

fn figure_id(t: &Target) -> Option<String> {
    match t {
        Target::Figure(c) => Some(format!("{}:{}:{}", c.ds.id, c.row.key, c.column_id())),
        _ => None,
    }
}

/// Every figure `q` matches, shown or not, best first.
fn all_figures(q: &str) -> Vec<String> {
    let idx = index();
    idx.matches(q).into_iter().filter_map(|(_, i)| figure_id(&idx.entries[i].target)).collect()
}

/// The places shown for `q`.
fn places(q: &str) -> Vec<&'static str> {
    search(q, Lang::En)
        .hits()
        .filter_map(|h| match h.target {
            Target::Place(p) => Some(p),
            _ => None,
        })
        .collect()
}

fn first_figure(q: &str, lang: Lang) -> Hit {
    search(q, lang).hits().find(|h| matches!(h.target, Target::Figure(_))).cloned().expect("a figure")
}

fn defaults(def: &ChartDef) -> Settings {
    def.default_settings()
}

#[test]
fn russia_in_chinese_or_english_finds_the_russia_figures_whatever_the_language() {
    for q in ["俄罗斯", "russia", "Russia", "  RUSSIA "] {
        for lang in [Lang::Zh, Lang::En] {
            let found = figures(q, lang);
            assert!(found.contains(&"partners:russia:exports".to_string()), "{q} ({lang:?}): {found:?}");
            assert!(found.contains(&"partners:russia:yoy".to_string()), "{q} ({lang:?}): {found:?}");
            assert!(
                found.iter().take(3).all(|f| f.starts_with("partners:russia:")),
                "{q}: Russia's own first: {found:?}"
            );
        }
        assert_eq!(places(q).first(), Some(&"RUS"), "{q}");
    }
}

#[test]
fn a_misspelling_like_rusia_still_finds_russia() {
    assert!(figures("Rusia", Lang::En).contains(&"partners:russia:exports".to_string()));
    assert_eq!(places("rusia").first(), Some(&"RUS"));
    assert_eq!(places("Germny").first(), Some(&"DEU"));
    assert_eq!(places("Philipines").first(), Some(&"PHL"), "ten letters: up to two edits");
    assert!(places("Germnay").is_empty(), "seven letters: one edit only (a swap is two)");
    assert!(places("Rus").is_empty() || places("Rus")[0] == "RUS", "short words are not corrected, only completed");
}

#[test]
fn teu_finds_the_teu_figures_and_full_width_input_matches_alike() {
    let teu = all_figures("TEU");
    assert!(teu.contains(&"ports:shanghai:jan_nov".to_string()), "{teu:?}");
    assert!(teu.iter().any(|f| f.starts_with("rail:")), "标箱 is the Chinese for TEU: {teu:?}");
    assert_eq!(all_figures("ＴＥＵ"), teu);
    assert_eq!(figures("teu", Lang::En), figures("ｔｅｕ", Lang::En));
    assert_eq!(all_figures("标箱"), teu, "标箱 and TEU are aliases of each other");
}

#[test]
fn usa_america_and_mei_find_the_united_states() {
    for q in ["US", "USA", "U.S.", "America", "美国", "美", "united states"] {
        assert_eq!(places(q).first(), Some(&"USA"), "{q}: {:?}", places(q));
        assert!(
            figures(q, Lang::Zh).iter().take(4).any(|f| f.ends_with(":usa:exports")),
            "{q}: {:?}",
            figures(q, Lang::Zh)
        );
    }
}

#[test]
fn the_aliases_readers_type_find_what_they_stand_for() {
    assert_eq!(places("EU").first(), Some(&"EU"));
    assert_eq!(places("欧盟").first(), Some(&"EU"));
    for q in ["EV", "NEV", "electric cars", "电动载人汽车", "新能源汽车"] {
        let found = all_figures(q);
        assert!(found.iter().any(|f| f.starts_with("commodities:ev:")), "{q}: {found:?}");
    }
    for q in ["B&R", "BRI", "一带一路", "Ｂ＆Ｒ"] {
        assert_eq!(places(q).first(), Some(&"BRI"), "{q}");
        assert!(figures(q, Lang::Zh).iter().any(|f| f.starts_with("regions:bri:")), "{q}");
    }
    // An ASEAN member finds ASEAN, even one the paper gives no figure for.
    assert!(places("Myanmar").contains(&"ASEAN"));
    assert_eq!(places("Viet Nam").first(), Some(&"VNM"));
    assert!(places("Viet Nam").contains(&"ASEAN"));
    assert_eq!(places("印度尼西亚").first(), Some(&"IDN"));
}

#[test]
fn chinese_run_together_is_found_across_a_row_and_its_column() {
    let found = figures("俄罗斯出口", Lang::Zh);
    assert_eq!(found.first().map(String::as_str), Some("partners:russia:exports"), "{found:?}");
    let found = figures("美国 出口", Lang::Zh);
    assert!(found.iter().take(3).any(|f| f == "partners:usa:exports"), "{found:?}");
}

#[test]
fn a_figure_is_told_with_its_value_as_printed_unit_period_and_section() {
    let zh = first_figure("俄罗斯", Lang::Zh);
    assert!(matches!(zh.target, Target::Figure(c) if c.row.key == "russia" && c.column_id() == "exports"));
    assert_eq!(zh.title.text, "俄罗斯 · 出口总额");
    assert_eq!(zh.value.as_deref(), Some("2,401.10 亿美元"));
    assert_eq!(zh.unit.as_deref(), Some("亿美元"));
    assert_eq!(zh.period.as_deref(), Some(dataset("partners").unwrap().period.zh));
    assert_eq!(zh.section.as_deref(), Some("一(四)2 · 表 3"));
    let en = first_figure("russia", Lang::En);
    assert_eq!(en.title.text, format!("Russia · {}", dataset("partners").unwrap().columns[0].label.en));
    assert_eq!(en.value.as_deref(), Some("US$240.110 billion"));
    assert_eq!(en.printed.as_deref(), Some("2,401.10 亿美元"));
    assert_eq!(en.alt.as_ref().map(|a| a.text.as_str()), Some("俄罗斯 · 出口总额"));
}

#[test]
fn the_query_is_marked_in_the_title_and_its_other_language() {
    let en = first_figure("俄罗斯", Lang::En);
    assert_eq!(en.title.marks, vec![(0, 6)], "a Chinese name marks its English name too");
    let alt = en.alt.unwrap();
    assert_eq!(alt.runs()[0], ("俄罗斯", true));
    let us = first_figure("America", Lang::En);
    assert!(
        us.title.runs().contains(&("United States", true)),
        "an alias marks the name it stands for: {:?}",
        us.title
    );
    let typo = first_figure("Rusia", Lang::En);
    assert_eq!(typo.title.runs()[0], ("Russia", true));
    let full = first_figure("ＴＥＵ", Lang::En);
    assert!(
        full.title.runs().iter().chain(full.alt.as_ref().unwrap().runs().iter()).any(|r| r.1) || full.value.is_some()
    );
}

#[test]
fn results_come_in_groups_each_with_its_best_few() {
    let r = search("russia", Lang::En);
    let groups: Vec<Group> = r.groups.iter().map(|g| g.group).collect();
    assert!(groups.contains(&Group::Figures) && groups.contains(&Group::Places), "{groups:?}");
    for g in &r.groups {
        assert!(g.hits.len() <= g.group.shown() && g.hits.len() <= g.total);
        assert!(g.hits.iter().all(|h| h.target.group() == g.group));
    }
    assert!(r.summary(Lang::En).starts_with(&format!("{} results: ", r.groups.iter().map(|g| g.total).sum::<usize>())));
    assert_eq!(search("", Lang::En).summary(Lang::Zh), "没有找到结果。");
    assert_eq!(search("2401.1", Lang::En).summary(Lang::En), "1 result: 1 figure");
    assert_eq!(search("2401.1", Lang::Zh).summary(Lang::Zh), "找到 1 项:数字 1");
    assert!(search(" ,.;— ", Lang::En).is_empty(), "punctuation alone finds nothing");
    assert!(search("zzzqqq", Lang::En).is_empty());
}

#[test]
fn charts_sections_glossary_terms_and_notes_are_found_too() {
    let hit = |q: &str, f: &dyn Fn(&Target) -> bool| search(q, Lang::En).hits().any(|h| f(&h.target));
    assert!(hit("Table 3", &|t| matches!(t, Target::Chart(d) if d.id == "partners-exports")));
    assert!(hit("lighthouse factories", &|t| matches!(t, Target::Chart(d) if d.id == "lighthouse-share")));
    assert!(hit("overseas warehouse", &|t| matches!(t, Target::Term(g) if g.zh == "海外仓")));
    assert!(hit("海外仓", &|t| matches!(t, Target::Section(_))));
    assert!(
        hit("contradicts", &|t| matches!(t, Target::Note(..)))
            || hit("US Commerce", &|t| matches!(t, Target::Note(..)))
    );
    assert!(hit("Shanghai", &|t| matches!(t, Target::Place("port:shanghai"))));
}

#[test]
fn choosing_the_table_3_russia_export_value_reveals_its_bar_and_selects_russia() {
    let Target::Figure(cell) = first_figure("俄罗斯", Lang::Zh).target else { unreachable!() };
    let p = plan(&Target::Figure(cell), &defaults, "map-partners");
    assert_eq!(p.select, Some("RUS"));
    assert_eq!(p.build, Some("partners"));
    assert_eq!(p.scroll.to_string(), "chart-partners-exports");
    let r = p.reveal.expect("a chart row to focus");
    assert_eq!(r.chart, "partners-exports");
    assert!(p.reading.is_none(), "the default reading shows it");
    let Built::Canvas { drawn, .. } = crate::views::build(crate::views::chart("partners-exports").unwrap(), Lang::En)
    else {
        unreachable!()
    };
    assert_eq!(drawn_at(&drawn, r.cell), Some((3, 0)), "Russia is the fourth bar of Table 3");
}

#[test]
fn choosing_a_figure_another_reading_shows_switches_the_chart_to_it() {
    let cell = CellRef::find("partners", "russia", "yoy").unwrap();
    let p = plan(&Target::Figure(cell), &defaults, "map-partners");
    let (def, s) = p.reading.expect("a reading to switch to");
    assert_eq!((def.id, s.metric), ("partners-exports", 1));
    // A tile is focused, not a bar; a figure no chart draws leads to its table.
    let tile = plan(&Target::Figure(CellRef::find("headline", "trade", "rmb").unwrap()), &defaults, "map-partners");
    assert_eq!(tile.tile, Some(("headline-tiles", "trade")));
    // A chart with two series names the series of the figure, not just its row.
    let cell = CellRef::find("shipbuilding", "completions", "value").unwrap();
    let r = plan(&Target::Figure(cell), &defaults, "map-partners").reveal.unwrap();
    let Built::Canvas { drawn, .. } = crate::views::build(crate::views::chart(r.chart).unwrap(), Lang::Zh) else {
        unreachable!()
    };
    assert_eq!(drawn_at(&drawn, r.cell), Some((0, 1)), "completions in 2023 are the second series of the first row");
}

#[test]
fn choosing_a_place_selects_it_and_shows_a_map_layer_that_has_it() {
    let p = plan(&Target::Place("port:shanghai"), &defaults, "map-partners");
    assert_eq!((p.select, p.layer, p.scroll.to_string().as_str()), (Some("port:shanghai"), Some("map-ports"), "map"));
    let p = plan(&Target::Place("RUS"), &defaults, "map-partners");
    assert_eq!(p.layer, None, "the partners layer already shows Russia");
}

#[test]
fn every_alias_the_readers_were_promised_is_in_the_data() {
    let aliases: Vec<String> = crate::data::ALIASES.iter().map(|a| a.text.to_lowercase()).collect();
    for a in [
        "us",
        "usa",
        "america",
        "美国",
        "美",
        "eu",
        "欧盟",
        "ev",
        "nev",
        "electric cars",
        "电动载人汽车",
        "新能源汽车",
        "teu",
        "标箱",
        "b&r",
        "bri",
        "一带一路",
    ] {
        assert!(aliases.contains(&a.to_string()), "{a}");
    }
}

/// Queries a reader may paste, of about `n` characters: combining marks, one Chinese character
/// repeated, Chinese run together, mixed words, one-letter words, one long Latin word and
/// misspellings, each repeated up to the length.
fn hostile(n: usize) -> Vec<(&'static str, String)> {
    let words = |list: &[&str]| -> String {
        let mut q = String::new();
        for w in list.iter().cycle() {
            if q.chars().count() >= n {
                break;
            }
            q.push_str(w);
            q.push(' ');
        }
        q.chars().take(n).collect()
    };
    vec![
        ("e + U+0301", "e\u{301}".repeat(n / 2)),
        ("国", "国".repeat(n)),
        ("中国", "中国".repeat(n / 2)),
        (
            "mixed words",
            words(&[
                "russia",
                "USA",
                "EV",
                "TEU",
                "port",
                "俄罗斯",
                "exports",
                "2023",
                "美国",
                "Shanghai",
                "electric",
                "cars",
            ]),
        ),
        ("one-letter words", "e ".repeat(n / 2)),
        ("one long word", "a".repeat(n)),
        (
            "misspellings",
            words(&["rusia", "germny", "philipines", "amerca", "shanghia", "exprots", "warehuose", "elektric"]),
        ),
    ]
}

/// The matcher's work for `q` (the index built beforehand).
fn work_of(q: &str) -> u64 {
    let idx = index();
    let _ = work::take();
    idx.search(q, Lang::En);
    work::take()
}

/// The most work a query costs besides its length: at most `MAX_TERMS` terms, each looked for
/// through at most `MAX_ALTS` alternatives once in each of the index's texts (about 47 KB), and at
/// most `MAX_SPLIT` characters of Chinese split into pieces. (Measured: "russia" 0.12 M, "2023年" × 4
/// 0.79 M, eight misspellings 1.28 M.)
const QUERY_WORK: u64 = 2_000_000;
/// The most work each character of a query adds: folding it, finding its words, looking up the
/// aliases that may begin there. (Measured: 283 for one-letter words, the costliest.)
const CHAR_WORK: u64 = 400;

#[test]
fn a_hostile_query_costs_work_that_grows_at_most_linearly_with_its_length() {
    let short = [
        ("中国 × 12, split in pieces", "中国".repeat(12)),
        ("2023年 × 4, split in pieces", "2023年".repeat(4)),
        ("eight misspellings", hostile(70).remove(6).1),
    ];
    for n in [500, 1000, 5000] {
        for (what, q) in hostile(n).into_iter().chain(short.clone()) {
            let (w, chars) = (work_of(&q), q.chars().count() as u64);
            assert!(w <= QUERY_WORK + CHAR_WORK * chars, "{what}, {chars} characters: {w} steps of work");
        }
    }
    // What 4,000 more characters add is at most what the characters cost, whatever they are.
    for ((what, q1), (_, q5)) in hostile(1000).into_iter().zip(hostile(5000)) {
        let more = (q5.chars().count() - q1.chars().count()) as u64;
        let (w1, w5) = (work_of(&q1), work_of(&q5));
        assert!(w5.saturating_sub(w1) <= CHAR_WORK * more, "{what}: {w1} steps at 1,000 characters, {w5} at 5,000");
    }
}

#[test]
fn a_query_reads_at_most_eight_distinct_terms_and_stops_at_one_found_nowhere() {
    let idx = index();
    for (what, q) in hostile(5000) {
        let q = Query::parse(idx, &q);
        assert!(q.terms.len() <= query::MAX_TERMS, "{what}: {} terms", q.terms.len());
        assert!(q.terms.iter().all(|t| t.alts.len() <= query::MAX_ALTS), "{what}");
    }
    let q = Query::parse(idx, "russia Russia RUSSIA russia");
    assert_eq!(q.terms.len(), 1, "a word typed again is read once");
    assert_eq!(Query::parse(idx, "zzzq russia exports").terms.len(), 1, "nothing can be found past zzzq");
    assert!(search("zzzq russia exports", Lang::En).is_empty());
    let nine = "russia exports 2023 table 3 value growth china partners";
    assert_eq!(Query::parse(idx, nine).terms.len(), query::MAX_TERMS, "the ninth word is not read");
}

#[test]
fn no_word_of_the_atlas_brings_as_many_alternatives_as_a_term_may_have() {
    // So the limit on alternatives changes no result a reader can get today.
    let idx = index();
    let mut queries: Vec<&str> = idx.aliases.iter().map(|(a, _)| &**a).collect();
    queries.extend(["rusia", "germny", "philipines", "amerca", "shanghia", "tean", "port", "exprots", "ocean"]);
    for q in queries {
        for t in Query::parse(idx, q).terms {
            assert!(t.alts.len() < query::MAX_ALTS, "{q}: {} alternatives", t.alts.len());
        }
    }
}

#[test]
fn chinese_run_together_is_split_up_to_the_limit_and_past_it_found_whole_or_not_at_all() {
    let idx = index();
    assert!(Query::parse(idx, "俄罗斯出口").terms[0].pieces);
    let long = "俄罗斯出口".repeat(5);
    assert!(!Query::parse(idx, &long).terms[0].pieces, "{} characters", long.chars().count());
    assert!(search(&long, Lang::Zh).is_empty());
    // The limit counts the query's Chinese terms together.
    let two = Query::parse(idx, &format!("{}x y俄罗斯出口", "中国".repeat(11)));
    assert_eq!(two.terms.iter().map(|t| t.pieces).collect::<Vec<_>>(), [true, false]);
}
