//! The sentence under every chart (`views::describe`): the text of every chart in both languages
//! against a reviewed golden file, and checks that hold for every view (every reading, selection
//! and hidden series): one to three sentences, and no number a chart does not show.
//!
//! On a mismatch the new text is written beside the golden file as `descriptions-changed.txt` and
//! the test fails; read it as you would a golden SVG, then accept it with
//! `UPDATE_GOLDEN=1 cargo test --test describe`.

use std::collections::BTreeSet;
use std::path::PathBuf;
use trade_atlas::chart::ChartSpec;
use trade_atlas::data::{format, Lang};
use trade_atlas::views::build::Built;
use trade_atlas::views::describe::{describe, rules, Focus};
use trade_atlas::views::{build_with, ChartDef, Settings, SortKey, CHARTS};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

/// The views the golden file shows beyond each chart's default reading: a metric switch, a
/// selection, a hidden series, a contradiction that only one reading shows.
struct Variant {
    chart: &'static str,
    settings: Option<Settings>,
    selected: Option<&'static str>,
    hidden: &'static [usize],
    what: &'static str,
}

const VARIANTS: &[Variant] = &[
    Variant {
        chart: "partners-exports",
        settings: Some(Settings { metric: 1, sort: SortKey::Growth }),
        selected: None,
        hidden: &[],
        what: "growth, sorted by growth",
    },
    Variant { chart: "partners-exports", settings: None, selected: Some("RUS"), hidden: &[], what: "Russia selected" },
    Variant {
        chart: "commodities",
        settings: Some(Settings { metric: 3, sort: SortKey::Value }),
        selected: None,
        hidden: &[],
        what: "implied unit-value change",
    },
    Variant {
        chart: "ports-jan-nov",
        settings: Some(Settings { metric: 1, sort: SortKey::Paper }),
        selected: None,
        hidden: &[],
        what: "November",
    },
    Variant {
        chart: "regions-value",
        settings: None,
        selected: Some("ASEAN"),
        hidden: &[0],
        what: "exports hidden, ASEAN selected",
    },
    Variant { chart: "headline-growth", settings: None, selected: None, hidden: &[0], what: "yuan hidden" },
    Variant {
        chart: "unicorns-share",
        settings: None,
        selected: Some("USA"),
        hidden: &[2],
        what: "rest hidden, US selected",
    },
    Variant {
        chart: "map-partners",
        settings: Some(Settings { metric: 1, sort: SortKey::Paper }),
        selected: Some("ASEAN"),
        hidden: &[],
        what: "growth, ASEAN selected",
    },
    Variant {
        chart: "map-ports",
        settings: None,
        selected: Some("port:shenzhen_yantian"),
        hidden: &[],
        what: "Shenzhen selected",
    },
    Variant {
        chart: "new-three-tiles",
        settings: None,
        selected: Some("prov:jiangsu"),
        hidden: &[],
        what: "Jiangsu selected",
    },
    Variant { chart: "warehouse-top10", settings: None, selected: Some("RUS"), hidden: &[], what: "Russia selected" },
];

fn chart(id: &str) -> &'static ChartDef {
    trade_atlas::views::chart(id).unwrap_or_else(|| panic!("{id} is in the catalogue"))
}

/// The whole golden text: every chart in its default reading, then the variants.
fn golden_text() -> String {
    let mut out = String::from(
        "# What every chart shows, in one to three sentences, as the page, the canvas's accessible\n\
         # description, SVG exports and CSV/JSON headers give it. Written by tests/describe.rs: review\n\
         # every sentence as you would a golden SVG; accept a change with\n\
         # UPDATE_GOLDEN=1 cargo test --test describe\n",
    );
    for def in CHARTS {
        out.push_str(&format!("\n[{}]\n", def.id));
        for lang in LANGS {
            let built = build_with(def, lang, &def.default_settings());
            out.push_str(&format!("{}: {}\n", lang.code(), describe(def, &built, lang, Focus::default()).text()));
        }
    }
    out.push_str("\n# Other views\n");
    for v in VARIANTS {
        let def = chart(v.chart);
        out.push_str(&format!("\n[{} · {}]\n", v.chart, v.what));
        for lang in LANGS {
            let built = build_with(def, lang, &v.settings.unwrap_or_else(|| def.default_settings()));
            let focus = Focus { selected: v.selected, hidden: v.hidden };
            out.push_str(&format!("{}: {}\n", lang.code(), describe(def, &built, lang, focus).text()));
        }
    }
    out
}

#[test]
fn every_description_matches_the_reviewed_golden_text() {
    let text = golden_text();
    let path = golden_dir().join("descriptions.txt");
    let changed = golden_dir().join("descriptions-changed.txt");
    match std::fs::read_to_string(&path) {
        Ok(old) if old == text => {
            let _ = std::fs::remove_file(&changed);
        }
        _ if std::env::var("UPDATE_GOLDEN").is_ok() => {
            std::fs::write(&path, &text).unwrap();
            let _ = std::fs::remove_file(&changed);
        }
        Ok(_) => {
            std::fs::write(&changed, &text).unwrap();
            panic!("descriptions differ from {} (see {})", path.display(), changed.display());
        }
        Err(_) => panic!("{} is missing (run with UPDATE_GOLDEN=1)", path.display()),
    }
}

/// The numbers in a text, as written (thousands separators dropped; a minus sign kept).
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        let signed = before == Some('−') || (before == Some('-') && !(i >= 2 && chars[i - 2].is_alphanumeric()));
        let mut n = String::from(if signed { "-" } else { "" });
        while i < chars.len() {
            let c = chars[i];
            let joins = (c == ',' || c == '.') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c.is_ascii_digit() || c == '.' && joins {
                n.push(c);
            } else if !(c == ',' && joins) {
                break;
            }
            i += 1;
        }
        out.push(n);
    }
    out
}

/// Every text a built chart draws or lists: labels, value labels, series, captions, totals.
fn drawn_texts(built: &Built) -> Vec<String> {
    let mut t: Vec<String> = Vec::new();
    match built {
        Built::Canvas { spec, .. } => match spec.as_ref() {
            ChartSpec::Bars(s) => {
                for r in &s.rows {
                    t.extend([r.label.clone()].into_iter().chain(r.sublabel.clone()));
                    t.extend(r.values.iter().flatten().map(|d| d.label.clone()));
                }
                t.extend(s.series.iter().map(|x| x.name.clone()));
            }
            ChartSpec::Dumbbell(s) => {
                for r in &s.rows {
                    t.push(r.label.clone());
                    t.extend(r.values.iter().flatten().map(|d| d.label.clone()));
                }
                t.extend(s.series.iter().map(|x| x.name.clone()));
            }
            ChartSpec::Slope(s) => {
                t.extend(s.rows.iter().flat_map(|r| [r.label.clone(), r.start.label.clone(), r.end.label.clone()]));
                t.extend([s.start_label.clone(), s.end_label.clone()]);
            }
            ChartSpec::Stacked(s) => {
                for r in &s.rows {
                    t.extend([r.label.clone()].into_iter().chain(r.total.clone()));
                    t.extend(r.parts.iter().flatten().map(|d| d.label.clone()));
                }
                t.extend(s.series.iter().map(|x| x.name.clone()));
            }
            ChartSpec::Scatter(s) => {
                t.extend(s.rows.iter().flat_map(|r| [r.label.clone(), r.x.label.clone(), r.y.label.clone()]));
            }
            ChartSpec::Map(m) => {
                t.extend(m.row_labels.iter().cloned());
                t.extend(m.labels.iter().map(|l| l.text.clone()));
                t.extend(m.points.iter().filter_map(|p| p.label.clone()));
                t.push(format!("{:?}", m.legend));
            }
        },
        Built::Tiles(tiles) => {
            t.extend(tiles.iter().flat_map(|x| [x.label.clone(), x.value.clone()].into_iter().chain(x.sub.clone())));
        }
        Built::List(items) => {
            for i in items {
                t.extend([i.label.clone()].into_iter().chain(i.rank.clone()).chain(i.group.clone()));
            }
        }
    }
    t
}

/// Every number a built chart shows: in what it draws, and in every value behind its marks as
/// printed, with the names its tooltips and table give them.
fn shown_numbers(built: &Built, lang: Lang) -> BTreeSet<String> {
    let mut texts = drawn_texts(built);
    if let Built::Canvas { drawn, .. } = built {
        for c in drawn.rows().iter().flatten().flatten() {
            if let Some(v) = &c.cell().value {
                texts.extend([format::value(v, c.cell().unit, lang), format::signed_pct(v, lang)]);
            }
            // What the tooltip and table call the value, and the period they give it.
            texts.extend([c.row.label.get(lang).to_string(), c.ds.columns[c.col].label.get(lang).to_string()]);
            texts.push(c.row.period.unwrap_or(c.ds.period).get(lang).to_string());
        }
    }
    texts.iter().flat_map(|t| numbers(t)).collect()
}

/// Every reading a chart offers: each metric under each sort.
fn readings(def: &ChartDef) -> Vec<Settings> {
    let Some(c) = def.controls() else { return vec![def.default_settings()] };
    let sorts = if c.sorts.is_empty() { vec![def.default_settings().sort] } else { c.sorts.to_vec() };
    (0..c.metrics.len().max(1)).flat_map(|metric| sorts.iter().map(move |&sort| Settings { metric, sort })).collect()
}

/// The entities a built chart can light up, and no selection.
fn selections(built: &Built) -> Vec<Option<&'static str>> {
    let mut out: Vec<Option<&'static str>> = vec![None];
    let entities: Vec<&'static str> = match built {
        Built::Canvas { drawn, .. } => {
            (drawn.rows().iter().flatten().flatten().flat_map(|c| c.row.entities.iter().copied()))
                .chain((0..drawn.len()).filter_map(|i| drawn.row_ref(i)).flat_map(|r| r.row.entities.iter().copied()))
                .collect()
        }
        Built::Tiles(t) => t.iter().flat_map(|x| x.cref.row.entities.iter().copied()).collect(),
        Built::List(l) => l.iter().flat_map(|x| x.entities.iter().copied()).collect(),
    };
    for e in entities {
        if !out.contains(&Some(e)) {
            out.push(Some(e));
        }
    }
    out
}

/// Nothing hidden, then each series hidden in turn.
fn hiddens(built: &Built) -> Vec<Vec<usize>> {
    let n = match built {
        Built::Canvas { spec, .. } => spec.series().len(),
        _ => 0,
    };
    std::iter::once(Vec::new()).chain((0..n).map(|i| vec![i])).collect()
}

/// Run `check` on every view of every chart in both languages.
fn every_view(mut check: impl FnMut(&str, &Built, Lang, Focus, String)) {
    for def in CHARTS {
        for lang in LANGS {
            for settings in readings(def) {
                let built = build_with(def, lang, &settings);
                for selected in selections(&built) {
                    for hidden in hiddens(&built) {
                        let focus = Focus { selected, hidden: &hidden };
                        let view = format!("{} {lang:?} {settings:?} sel={selected:?} hidden={hidden:?}", def.id);
                        check(def.id, &built, lang, focus, view);
                    }
                }
            }
        }
    }
}

#[test]
fn every_number_in_a_description_is_one_the_chart_shows() {
    let mut bad = Vec::new();
    let mut views = 0;
    every_view(|id, built, lang, focus, view| {
        views += 1;
        let shown = shown_numbers(built, lang);
        let text = describe(chart(id), built, lang, focus).text();
        let invented: Vec<String> = numbers(&text).into_iter().filter(|n| !shown.contains(n)).collect();
        if !invented.is_empty() {
            bad.push(format!("{view}: {invented:?} in \"{text}\""));
        }
    });
    assert!(views > 500, "only {views} views checked");
    assert!(bad.is_empty(), "numbers the chart does not show:\n{}", bad.join("\n"));
}

#[test]
fn every_view_is_described_in_one_to_three_sentences() {
    let mut bad = Vec::new();
    every_view(|id, built, lang, focus, view| {
        let d = describe(chart(id), built, lang, focus);
        let end = if lang == Lang::Zh { "。" } else { "." };
        let whole = d.sentences.iter().all(|s| s.ends_with(end) && !s.trim().is_empty());
        if !(1..=3).contains(&d.sentences.len()) || !whole {
            bad.push(format!("{view}: {:?}", d.sentences));
        }
        if lang == Lang::En && d.text().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            bad.push(format!("{view}: Chinese in the English text: {}", d.text()));
        }
    });
    assert!(bad.is_empty(), "badly formed descriptions:\n{}", bad.join("\n"));
}

/// Rules 1–4 of `views::describe::rules` over every view: no misprint wins a ranking, nothing is
/// ranked across periods, measures or overlapping scopes, no superlative over one member, and
/// every count is the data's. Prints how many descriptions break each rule.
#[test]
fn every_description_ranks_only_what_may_be_ranked_and_counts_what_the_data_names() {
    let mut views = 0;
    let mut failing = [0usize; 5];
    let mut any = 0;
    let mut bad = Vec::new();
    every_view(|id, built, lang, focus, view| {
        views += 1;
        let text = describe(chart(id), built, lang, focus).text();
        let breaches = rules::check(built, lang, focus.hidden, &text);
        if breaches.is_empty() {
            return;
        }
        any += 1;
        let mut rules_broken: Vec<u8> = breaches.iter().map(|b| b.rule).collect();
        rules_broken.sort_unstable();
        rules_broken.dedup();
        for r in rules_broken {
            failing[r as usize] += 1;
        }
        for b in breaches {
            bad.push(format!("{view}: rule {}: {}", b.rule, b.what));
        }
    });
    eprintln!(
        "{views} descriptions checked; {any} break a rule (rule 1: {}, rule 2: {}, rule 3: {}, rule 4: {})",
        failing[1], failing[2], failing[3], failing[4]
    );
    assert!(bad.is_empty(), "descriptions that break the rules:\n{}", bad.join("\n"));
}

#[test]
fn the_number_reader_keeps_signs_and_drops_thousands_separators() {
    assert_eq!(numbers("美国最大(6,644.51 亿美元),韩国 −13.5%"), ["6644.51", "-13.5"]);
    assert_eq!(numbers("about 10–15 days, High-tech 3 (No. 31 of 2023)"), ["10", "15", "3", "31", "2023"]);
    assert_eq!(numbers("+26.3%, over 1/3; a-5"), ["26.3", "1", "3", "5"]);
}

/// The `L::new("…", "…")` pairs of a source file: the interface's own words.
fn interface_pairs(src: &str) -> Vec<(String, String)> {
    /// A Rust string literal at the start of `s`, unescaped, and the rest after it.
    fn literal(s: &str) -> Option<(String, &str)> {
        let s = s.trim_start().strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = s.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((out, &s[i + 1..])),
                '\\' => match chars.next()?.1 {
                    'n' => out.push('\n'),
                    '\n' => {
                        // A line continuation: the next line's leading spaces are dropped.
                        while chars.clone().next().is_some_and(|(_, c)| c == ' ') {
                            chars.next();
                        }
                    }
                    e => out.push(e),
                },
                c => out.push(c),
            }
        }
        None
    }
    let mut out = Vec::new();
    for (at, _) in src.match_indices("L::new(") {
        let rest = &src[at + "L::new(".len()..];
        let Some((zh, rest)) = literal(rest) else { continue };
        let Some((en, _)) = rest.trim_start().strip_prefix(',').and_then(literal) else { continue };
        out.push((zh, en));
    }
    out
}

/// Every text a reader reads apart from the descriptions, in both languages, with where it is:
/// the paper's data (titles, captions, labels, periods, details, notes), the page's sections,
/// the footnotes, the tour, the charts' titles and readings and the interface's own words.
fn reader_texts() -> Vec<(String, String, String)> {
    use trade_atlas::data::{DATASETS, FOOTNOTES, PAPER, SECTIONS};
    let mut out: Vec<(String, String, String)> = Vec::new();
    let mut add = |at: String, l: &trade_atlas::data::L| out.push((at, l.zh.to_string(), l.en.to_string()));
    add("paper".into(), &PAPER.title);
    add("paper".into(), &PAPER.note);
    for s in SECTIONS {
        add(format!("section {}", s.id), &s.title);
        add(format!("section {}", s.id), &s.intro);
    }
    for d in DATASETS {
        for l in [&d.title, &d.caption, &d.agency, &d.period] {
            add(format!("dataset {}", d.id), l);
        }
        for c in d.columns {
            add(format!("{} column {}", d.id, c.id), &c.label);
        }
        for r in d.rows {
            let at = format!("{} row {}", d.id, r.key);
            for l in [Some(&r.label), r.group.as_ref(), r.measure.as_ref(), r.detail.as_ref(), r.period.as_ref()]
                .into_iter()
                .chain([r.agency.as_ref()])
                .flatten()
            {
                add(at.clone(), l);
            }
        }
        for n in d.notes {
            add(format!("{} note {}", d.id, n.id), &n.text);
        }
    }
    for f in FOOTNOTES {
        for l in [Some(&f.title), Some(&f.publisher), f.part.as_ref(), Some(&f.date)].into_iter().flatten() {
            add(format!("footnote {}", f.mark), l);
        }
    }
    for n in 1..=trade_atlas::views::tour::count() {
        let s = trade_atlas::views::tour::step(n).expect("numbered from 1");
        add(format!("tour step {n}"), &s.title);
        add(format!("tour step {n}"), &s.text);
    }
    for def in CHARTS {
        add(format!("chart {}", def.id), &def.title);
        for l in def.controls().map_or(&[][..], |c| c.labels) {
            add(format!("chart {} reading", def.id), l);
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for file in ["src/i18n.rs", "src/views/words.rs", "src/views/map/words.rs", "src/views/catalog.rs"] {
        let src = std::fs::read_to_string(root.join(file)).unwrap();
        for (zh, en) in interface_pairs(&src) {
            out.push((file.to_string(), zh, en));
        }
    }
    out
}

/// Rule 5 over everything a reader reads: the descriptions of every view (both languages of one
/// view read together) and every other text. Prints how many break it.
#[test]
fn every_text_a_reader_reads_keeps_one_grouping_one_unit_spelling_and_the_glossary() {
    let mut bad = Vec::new();
    let (mut descriptions, mut failing_descriptions) = (0, 0);
    for def in CHARTS {
        for settings in readings(def) {
            let zh_built = build_with(def, Lang::Zh, &settings);
            let en_built = build_with(def, Lang::En, &settings);
            for selected in selections(&zh_built) {
                for hidden in hiddens(&zh_built) {
                    let focus = Focus { selected, hidden: &hidden };
                    let zh = describe(def, &zh_built, Lang::Zh, focus).text();
                    let en = describe(def, &en_built, Lang::En, focus).text();
                    descriptions += 1;
                    let breaches = rules::prose(&zh, &en);
                    failing_descriptions += usize::from(!breaches.is_empty());
                    let view = format!("{} {settings:?} sel={selected:?} hidden={hidden:?}", def.id);
                    bad.extend(breaches.into_iter().map(|b| format!("{view}: {}", b.what)));
                }
            }
        }
    }
    let texts = reader_texts();
    let mut failing_texts = 0;
    for (at, zh, en) in &texts {
        let breaches = rules::prose(zh, en);
        failing_texts += usize::from(!breaches.is_empty());
        bad.extend(breaches.into_iter().map(|b| format!("{at}: {}", b.what)));
    }
    eprintln!(
        "prose: {descriptions} descriptions (both languages), {failing_descriptions} break rule 5; {} other texts, {failing_texts} break it",
        texts.len()
    );
    assert!(texts.len() > 500, "only {} texts read", texts.len());
    assert!(bad.is_empty(), "texts that break rule 5:\n{}", bad.join("\n"));
}

#[test]
fn the_interface_reader_takes_both_strings_of_each_pair() {
    let src = "pub const A: L = L::new(\"甲\", \"a \\\"b\\\"\");\nconst B: L =\n    L::new(\n        \"乙\",\n        \"c\",\n    );";
    assert_eq!(interface_pairs(src), [("甲".to_string(), "a \"b\"".to_string()), ("乙".into(), "c".into())]);
}
