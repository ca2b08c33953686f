//! The rules a description follows, read from the data: which values may be ranked together, and
//! the checks that hold every generated text to them.
//!
//! 1. A value that cannot be right never wins a ranking: a cell with a [`NoteKind::Misprint`] note
//!    is named as printed with a pointer to its note, and the ranking is taken over the rest.
//! 2. Nothing is ranked across different periods or measures: two values are ranked together only
//!    when they share a [`Basis`] (dataset, column, the row's own measure, period) and neither
//!    covers the other ([`overlap`]: a total and its parts, a bloc and its members).
//! 3. One member is not a ranking: "only imports fell", never "imports fell most".
//! 4. Counts come from the data's distinct entities.
//! 5. Sentences read as an editor would write them: one digit grouping (a comma, integer part
//!    only, in both languages: README, "The data"), one spelling of each unit, one English
//!    rendering of each glossary term, curly quotes and no stacked parentheses in English.
//!
//! The generator calls [`comparable`], [`is_misprint`] and [`covers`]; [`check`] reads a finished
//! description against the chart it describes and reports every claim that breaks rules 1–4. It
//! reads only the text and the data, never the generator's reasoning, so it judged the generator
//! before these rules as it judges it now. [`prose`] holds any text a reader reads, in both
//! languages, to rule 5: descriptions, the tour, notes, captions, intros, labels and the interface.
//!
//! Layer: views. Pure and native-tested.

use super::super::build::Built;
use super::super::CellRef;
use crate::chart::ChartSpec;
use crate::data::{case, format, Lang, NoteKind, Qualifier};
use crate::geo::regions::{entity, entity_countries, Entity};

/// What a value measures and over what period. Values are ranked together only when these agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Basis {
    pub dataset: &'static str,
    pub column: &'static str,
    /// The row's own measure, when it names one (`measure_zh`: a port's throughput beside a
    /// country-to-country volume, trains beside containers); otherwise the column says it.
    pub measure: Option<&'static str>,
    /// The period as the data gives it (the row's own, else the dataset's), in Chinese.
    pub period: &'static str,
}

/// The basis of a cell.
pub fn basis(c: &CellRef) -> Basis {
    Basis {
        dataset: c.ds.id,
        column: c.column_id(),
        measure: c.row.measure.map(|m| m.zh),
        period: c.row.period.unwrap_or(c.ds.period).zh,
    }
}

/// Whether a cell's value is marked as a probable misprint.
pub fn is_misprint(c: &CellRef) -> bool {
    c.ds.cell_notes(c.row.key, c.column_id()).any(|n| n.kind == NoteKind::Misprint)
}

/// Whether `whole`'s row covers `part`'s row (a total and one of its parts, a bloc and one of its
/// members), as the data's `within` column says.
pub fn covers(whole: &CellRef, part: &CellRef) -> bool {
    std::ptr::eq(whole.ds, part.ds) && part.row.within.contains(&whole.row.key)
}

/// Whether two rows are about overlapping things: one covers the other, or their places share
/// ground (a bloc and one of its members; the Belt and Road countries, which have no fixed
/// member list, and any other place; the world and anything).
pub fn overlap(a: &CellRef, b: &CellRef) -> bool {
    if std::ptr::eq(a.row, b.row) {
        return false;
    }
    if covers(a, b) || covers(b, a) {
        return true;
    }
    let place =
        |e: &str| matches!(entity(e), Entity::Country(_) | Entity::Group(_) | Entity::World | Entity::BeltAndRoad);
    let open = |e: &str| matches!(entity(e), Entity::World | Entity::BeltAndRoad);
    a.row.entities.iter().any(|x| {
        b.row.entities.iter().any(|y| {
            if !place(x) || !place(y) || x == y {
                return false;
            }
            if open(x) || open(y) {
                return true;
            }
            let (xs, ys) = (entity_countries(x), entity_countries(y));
            xs.iter().any(|c| ys.contains(c))
        })
    })
}

/// Whether two values may be ranked against each other.
pub fn comparable(a: &CellRef, b: &CellRef) -> bool {
    basis(a) == basis(b) && !overlap(a, b)
}

/// Why a set of values is not ranked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Apart {
    pub periods: bool,
    pub measures: bool,
    pub overlap: bool,
}

impl Apart {
    /// What keeps the values of a set apart (all false: they may be ranked).
    pub fn of(cells: &[CellRef]) -> Apart {
        let mut a = Apart::default();
        for (i, x) in cells.iter().enumerate() {
            for y in &cells[i + 1..] {
                let (bx, by) = (basis(x), basis(y));
                a.periods |= bx.period != by.period;
                a.measures |= (bx.dataset, bx.column, bx.measure) != (by.dataset, by.column, by.measure);
                a.overlap |= overlap(x, y);
            }
        }
        a
    }

    pub fn any(self) -> bool {
        self.periods || self.measures || self.overlap
    }
}

/// How many distinct things a set of values is about: rows that name the same entities count
/// once; rows without entities count each.
pub fn distinct_entities(cells: &[CellRef]) -> usize {
    let mut seen: Vec<&[&str]> = Vec::new();
    let mut bare = 0;
    for c in cells {
        match c.row.entities {
            [] => bare += 1,
            e if !seen.contains(&e) => seen.push(e),
            _ => {}
        }
    }
    seen.len() + bare
}

/// The railway corridors the data names: a corridor's lines and its border crossings (in
/// parentheses after its name) are one corridor.
pub fn corridor_count() -> usize {
    let mut names: Vec<&str> = Vec::new();
    for c in crate::geo::points::corridors() {
        let name = c.name.en.split(" (").next().unwrap_or(c.name.en);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.len()
}

// ───────────────────────────── the checks ─────────────────────────────

/// A claim of a description that breaks a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breach {
    /// The rule broken (1–4).
    pub rule: u8,
    pub what: String,
}

/// One value a chart shows, as a description may name it.
struct Shown {
    cell: CellRef,
    /// The series (position in the drawn row) it is drawn in.
    series: usize,
    names: Vec<String>,
    texts: Vec<String>,
}

/// Every visible value of a built chart with the names it is drawn and described under.
fn shown(built: &Built, lang: Lang, hidden: &[usize]) -> Vec<Shown> {
    let Built::Canvas { spec, drawn } = built else { return Vec::new() };
    let mut out = Vec::new();
    for (i, row) in drawn.rows().iter().enumerate() {
        let drawn_label: Option<String> = match spec.as_ref() {
            ChartSpec::Bars(s) => s.rows.get(i).map(|r| r.label.clone()),
            ChartSpec::Dumbbell(s) => s.rows.get(i).map(|r| r.label.clone()),
            ChartSpec::Slope(s) => s.rows.get(i).map(|r| r.label.clone()),
            ChartSpec::Scatter(s) => s.rows.get(i).map(|r| r.label.clone()),
            ChartSpec::Stacked(_) => None,
            ChartSpec::Map(m) => m.row_labels.get(i).cloned(),
        };
        for (j, c) in row.iter().enumerate() {
            let Some(c) = c.filter(|c| c.cell().value.is_some()) else { continue };
            if hidden.contains(&j) {
                continue;
            }
            let v = c.cell().value.as_ref().expect("filtered on a value");
            let mut names: Vec<String> = vec![c.row.label.get(lang).to_string()];
            names.extend(drawn_label.clone());
            if let ChartSpec::Stacked(s) = spec.as_ref() {
                names.extend(s.series.get(j).map(|x| x.name.clone()));
            }
            let names = names.into_iter().map(|n| name_key(&n, lang)).filter(|n| !n.is_empty()).collect();
            let mut texts = vec![format::value(v, c.cell().unit, lang)];
            if c.cell().unit.is_some_and(|u| u.is_percent()) {
                texts.push(format::signed_pct(v, lang));
            }
            out.push(Shown { cell: c, series: j, names, texts });
        }
    }
    out
}

/// A name as matched inside a sentence: English in lower case, without "of which" or a trailing
/// parenthesis ("imports (derived)" is found as "imports").
fn name_key(name: &str, lang: Lang) -> String {
    let n = match lang {
        Lang::En => name.chars().map(case::lower).collect::<String>(),
        Lang::Zh => name.to_string(),
    };
    let n = n.strip_prefix("of which ").or_else(|| n.strip_prefix("其中")).unwrap_or(&n).to_string();
    let n = n.split(" (").next().unwrap_or(&n).to_string();
    n.split('(').next().unwrap_or(&n).trim().to_string()
}

/// The clauses of a text: split at full stops and semicolons.
fn clauses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let end = match c {
            '。' | ';' => true,
            '.' => chars.get(i + 1).is_none_or(|n| *n == ' '),
            _ => false,
        };
        if end {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

const EN_RANKING: &[&str] = &[
    "largest", "smallest", "highest", "lowest", "fastest", "slowest", "most", "least", "larger", "smaller", "higher",
    "lower", "faster", "slower", "less",
];
const ZH_RANKING: &[&str] = &[
    "最大", "最小", "最高", "最低", "最快", "最慢", "较大", "较小", "较高", "较低", "高于", "低于", "小于", "大于",
    "居第",
];

/// Whether `word` occurs in `s` as a whole word.
fn has_word(s: &str, word: &str) -> bool {
    s.match_indices(word).any(|(i, _)| {
        let before = s[..i].chars().next_back();
        let after = s[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a clause ranks: a superlative, a comparative or a place in an order.
fn ranks(clause: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => {
            let lower = clause.to_lowercase();
            EN_RANKING.iter().any(|w| has_word(&lower, w))
                || (1..=99).any(|n| lower.contains(&format!("{} of the ", crate::views::words::ordinal(n, lang))))
        }
        Lang::Zh => ZH_RANKING.iter().any(|w| clause.contains(w)),
    }
}

/// An English count word ("twenty-four") or a Chinese one ("二十四", "两"), as a number.
fn count_word(w: &str, lang: Lang) -> Option<usize> {
    (1..=99).find(|&n| crate::views::words::number_words(n, lang) == w || (lang == Lang::Zh && n == 2 && w == "两"))
}

/// The size of the set a clause ranks, when it says it: "of the ten partners", "of the other
/// nineteen ports"; "十个贸易伙伴中", "其余十九个港口中".
fn stated_count(clause: &str, lang: Lang) -> Option<usize> {
    match lang {
        Lang::En => {
            let lower = clause.to_lowercase();
            let at = lower.find("of the ")?;
            let rest = lower[at + 7..].strip_prefix("other ").unwrap_or(&lower[at + 7..]);
            count_word(rest.split(' ').next()?, lang)
        }
        Lang::Zh => {
            const DIGITS: &str = "一二两三四五六七八九十";
            let chars: Vec<char> = clause.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                if !DIGITS.contains(chars[i]) {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < chars.len() && DIGITS.contains(chars[i]) {
                    i += 1;
                }
                let measured = chars.get(i).is_some_and(|c| "个种组项家座条".contains(*c));
                let closed = chars[i..].iter().take_while(|c| **c != ',').any(|c| *c == '中');
                if measured && closed {
                    return count_word(&chars[start..i].iter().collect::<String>(), lang);
                }
            }
            None
        }
    }
}

/// Check a description against the chart it describes: every claim that breaks rules 1–4.
pub fn check(built: &Built, lang: Lang, hidden: &[usize], text: &str) -> Vec<Breach> {
    let mut out = Vec::new();
    let items = shown(built, lang, hidden);
    let key = |s: &str| match lang {
        Lang::En => s.to_lowercase(),
        Lang::Zh => s.to_string(),
    };
    for clause in clauses(text) {
        let c = key(&clause);
        let named: Vec<&Shown> = (items.iter())
            .filter(|i| i.texts.iter().any(|t| clause.contains(t.as_str())) && i.names.iter().any(|n| c.contains(n)))
            .collect();
        // Rule 4: the railway corridors counted as the data names them.
        corridors(&clause, lang, &mut out);
        if named.is_empty() || !ranks(&clause, lang) {
            continue;
        }
        // Rule 1: a misprint never takes part in a ranking.
        for m in named.iter().filter(|m| is_misprint(&m.cell)) {
            out.push(Breach { rule: 1, what: format!("ranks the misprint {} in “{clause}”", m.texts[0]) });
        }
        // Rule 2: what a clause ranks shares one basis and nothing overlaps.
        for (i, a) in named.iter().enumerate() {
            for b in &named[i + 1..] {
                let same_row = std::ptr::eq(a.cell.row, b.cell.row);
                let side_by_side = std::ptr::eq(a.cell.ds, b.cell.ds) && a.cell.col != b.cell.col;
                if !same_row && !side_by_side && !comparable(&a.cell, &b.cell) {
                    out.push(Breach {
                        rule: 2,
                        what: format!("ranks {} against {} in “{clause}”", a.texts[0], b.texts[0]),
                    });
                }
            }
        }
        // The set ranked: the values of the first named one's series that may be ranked with
        // every value named in that series.
        let first = named[0];
        let peers: Vec<&&Shown> = named.iter().filter(|n| n.series == first.series).collect();
        let bound = |i: &Shown| {
            matches!(i.cell.cell().value.as_ref().map(|v| v.qual), Some(Qualifier::Over | Qualifier::Under))
        };
        let set: Vec<CellRef> = (items.iter())
            .filter(|i| i.series == first.series && !is_misprint(&i.cell) && !bound(i))
            .filter(|i| peers.iter().all(|p| std::ptr::eq(i.cell.row, p.cell.row) || comparable(&i.cell, &p.cell)))
            .map(|i| i.cell)
            .collect();
        if let Some(n) = stated_count(&clause, lang) {
            if n > set.len() {
                out.push(Breach {
                    rule: 2,
                    what: format!("ranks {n} values of which only {} may be ranked together: “{clause}”", set.len()),
                });
            } else if n != distinct_entities(&set) {
                out.push(Breach {
                    rule: 4,
                    what: format!("counts {n} where the data has {}: “{clause}”", distinct_entities(&set)),
                });
            }
        }
        // Rule 3: a superlative needs two or more members.
        let x = |c: &CellRef| c.cell().value.as_ref().map_or(0.0, |v| v.plot_x());
        let up = set.iter().filter(|c| x(c) > 0.0).count();
        let down = set.iter().filter(|c| x(c) < 0.0).count();
        let (rising, falling): (&[&str], &[&str]) = match lang {
            Lang::En => (&["grew fastest", "slowest"], &["fell most", "fell least", "fell less", "fell more"]),
            Lang::Zh => (&["增长最快", "增长最慢"], &["降幅最大", "降幅最小", "降幅("]),
        };
        if rising.iter().any(|w| c.contains(w)) && up < 2 && down > 0 {
            out.push(Breach { rule: 3, what: format!("a superlative over {up} rising value: “{clause}”") });
        }
        if falling.iter().any(|w| c.contains(w)) && down < 2 {
            out.push(Breach { rule: 3, what: format!("a superlative over {down} falling value: “{clause}”") });
        }
        if set.len() < 2 {
            out.push(Breach { rule: 3, what: format!("ranks a set of {}: “{clause}”", set.len()) });
        }
    }
    out
}

/// Rule 4 for the routes: "three corridors" / "三条通道" as the data names them.
fn corridors(clause: &str, lang: Lang, out: &mut Vec<Breach>) {
    let said = match lang {
        Lang::En => {
            clause.split(" corridors").next().filter(|h| h.len() < clause.len()).and_then(|h| h.rsplit(' ').next())
        }
        Lang::Zh => clause.split("条通道").next().filter(|h| h.len() < clause.len()).and_then(|h| {
            h.char_indices()
                .rev()
                .find(|(_, c)| !"一二两三四五六七八九十".contains(*c))
                .map(|(i, c)| &h[i + c.len_utf8()..])
        }),
    };
    if let Some(n) = said.and_then(|w| count_word(w, lang)) {
        if n != corridor_count() {
            out.push(Breach {
                rule: 4,
                what: format!("counts {n} corridors where the data names {}", corridor_count()),
            });
        }
    }
}

/// Rule 5 over one text in both languages (a caption, a note, a label, a description, a tour
/// step): every breach of the digit grouping, the unit spellings, the glossary's renderings and
/// English quotation and parenthesis style.
pub fn prose(zh: &str, en: &str) -> Vec<Breach> {
    let mut out = Vec::new();
    let mut breach = |what: String| out.push(Breach { rule: 5, what });
    for (lang, text) in [(Lang::Zh, zh), (Lang::En, en)] {
        for n in grouping(text) {
            breach(format!("{lang:?}: “{n}” is not grouped with commas: {text}"));
        }
        for u in crate::data::UNITS.iter().map(|u| u.zh).filter(|u| u.chars().any(|c| c.is_ascii_alphabetic())) {
            for variant in spellings(u) {
                if text.contains(&variant) {
                    breach(format!("{lang:?}: “{variant}” where the unit is written “{u}”: {text}"));
                }
            }
        }
    }
    let lower = en.to_lowercase();
    for g in crate::data::GLOSSARY.iter().filter(|g| g.check && zh.contains(g.zh)) {
        if !g.matches.iter().any(|m| lower.contains(&m.to_lowercase())) {
            breach(format!("{} is rendered as none of {:?}: {en}", g.zh, g.en));
        }
    }
    if en.contains('"') {
        breach(format!("straight quotes in English: {en}"));
    }
    if en.contains(") (") {
        breach(format!("stacked parentheses in English: {en}"));
    }
    out
}

/// Numbers whose thousands are not grouped with a comma: grouped with a space ("6 644.51"), or
/// five digits and more without a separator. Four digits may stand alone (years, "1145" in a
/// formula is never shown). Digits inside a placeholder or after a decimal point are left alone.
fn grouping(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let run = i - start;
        let spaced = matches!(chars.get(i), Some(' ' | '\u{2009}' | '\u{202F}'))
            && chars.get(i + 1..i + 4).is_some_and(|d| d.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
            && run <= 3;
        if spaced {
            out.push(chars[start..i + 4].iter().collect());
        } else if run >= 5 {
            out.push(chars[start..i].iter().collect());
        }
    }
    out
}

/// The wrong spellings of a unit written with Latin letters: another letter case ("万 Teu"), or the
/// space dropped or added ("万TEU" for "万 TEU").
fn spellings(unit: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words: Vec<&str> = unit.split(' ').collect();
    if let [head, tail] = words.as_slice() {
        out.push(format!("{head}{tail}"));
        let mut title = tail.to_lowercase();
        if let Some(f) = title.get(0..1).map(str::to_uppercase) {
            title.replace_range(0..1, &f);
        }
        for t in [title, tail.to_lowercase()].into_iter().filter(|t| t != tail) {
            out.push(format!("{head} {t}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_holds_one_grouping_one_unit_spelling_and_the_glossary() {
        assert_eq!(grouping("合计 2 356 个,28,383 万 TEU,2023 年"), ["2 356"]);
        assert_eq!(grouping("1978660513 thousand US$, 155.1119, 2024"), ["1978660513"]);
        assert!(prose("4,440 万 TEU", "44.40 million TEU").is_empty());
        assert_eq!(prose("4,440 万 Teu", "").len(), 1);
        assert_eq!(prose("4,440 万TEU", "").len(), 1);
        assert_eq!(prose("东南亚增长", "South-East Asia grew").len(), 1, "the glossary says Southeast Asia");
        assert_eq!(prose("", "\"exports\"").len(), 1, "curly quotes");
        assert_eq!(prose("", "imports (derived) (0.55 trillion yuan)").len(), 1, "parentheses side by side");
    }

    fn cell(ds: &str, row: &str, col: &str) -> CellRef {
        CellRef::find(ds, row, col).unwrap()
    }

    #[test]
    fn values_of_different_periods_or_measures_are_not_comparable() {
        let germany = cell("economies", "germany", "change");
        let korea = cell("economies", "korea", "change");
        assert!(!comparable(&germany, &korea), "month on month in November against Jan–Nov year on year");
        let (us, ru) = (cell("partners", "usa", "yoy"), cell("partners", "russia", "yoy"));
        assert!(comparable(&us, &ru), "Table 3's growth rates share a basis");
        let la = cell("shipping", "la_teu", "value");
        let cn_us = cell("shipping", "cn_us_teu", "value");
        assert!(!comparable(&la, &cn_us), "a port's throughput is not a country-to-country volume");
        let h1 = cell("ecommerce", "h1_value", "value");
        let year = cell("ecommerce", "full_year_value", "value");
        assert_ne!(basis(&h1).period, basis(&year).period, "a half year against a full year");
    }

    #[test]
    fn a_total_and_its_parts_and_a_bloc_and_its_members_overlap() {
        let trade = cell("headline", "trade", "rmb_yoy");
        let exports = cell("headline", "exports", "rmb_yoy");
        assert!(covers(&trade, &exports) && overlap(&exports, &trade));
        let bri = cell("regions", "bri", "exports");
        let asean = cell("regions", "asean", "exports");
        let eu = cell("regions", "eu", "exports");
        assert!(overlap(&bri, &asean), "the Belt and Road countries have no fixed member list");
        assert!(!overlap(&asean, &eu), "ASEAN and the EU share no member");
        let vietnam = cell("partners", "vietnam", "exports");
        assert!(overlap(&asean, &vietnam), "a bloc and one of its members");
        let all = cell("warehouse_emerging", "emerging_total", "count_growth");
        let sea = cell("warehouse_emerging", "southeast_asia", "count_growth");
        assert!(!comparable(&all, &sea), "all emerging markets against one of them");
    }

    #[test]
    fn shenzhens_november_figure_is_a_misprint_and_guangzhous_is_not() {
        assert!(is_misprint(&cell("ports", "shenzhen", "nov")));
        assert!(!is_misprint(&cell("ports", "shenzhen", "jan_nov")));
        assert!(!is_misprint(&cell("ports", "guangzhou", "jan_nov")), "its rank or its figure may be wrong");
    }

    #[test]
    fn counts_are_read_from_the_clause() {
        assert_eq!(stated_count("of the ten partners, the largest is", Lang::En), Some(10));
        assert_eq!(stated_count("of the other twenty-four commodities, the largest", Lang::En), Some(24));
        assert_eq!(
            stated_count("Russia (selected): US$240.110 billion, fourth of the ten partners", Lang::En),
            Some(10)
        );
        assert_eq!(stated_count("十个贸易伙伴中,美国最大", Lang::Zh), Some(10));
        assert_eq!(stated_count("其余十九个港口中,上海港最大", Lang::Zh), Some(19));
        assert_eq!(stated_count("两项中,洛杉矶", Lang::Zh), Some(2));
        assert_eq!(stated_count("选中的俄罗斯:2,401.10 亿美元,在十个贸易伙伴中居第四", Lang::Zh), Some(10));
        assert_eq!(stated_count("二十个均上升", Lang::Zh), None);
        assert_eq!(stated_count("the largest is Shanghai", Lang::En), None);
    }

    #[test]
    fn clauses_split_at_full_stops_and_semicolons_but_not_decimal_points() {
        assert_eq!(clauses("A (6.5%) and B; C. D"), ["A (6.5%) and B", "C", "D"]);
        assert_eq!(clauses("甲(6.5%);乙。丙"), ["甲(6.5%)", "乙", "丙"]);
    }

    #[test]
    fn the_railway_corridors_are_three() {
        assert_eq!(corridor_count(), 3, "western (two crossings), central and eastern");
    }
}
