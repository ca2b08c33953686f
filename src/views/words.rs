//! The views layer's own words in both languages: legends, captions, statuses and tags that the
//! builders put into specs, tables and tooltips. Data text lives in `data/`; interface chrome in
//! `ui::i18n`.
//!
//! Layer: views. Terms follow `data/glossary.csv`.

use crate::data::L;

/// Tag on a value found outside the paper.
pub const SUPPLEMENTARY: L = L::new("补充数据", "supplementary");

/// Caption of a chart's value axis: "单位:亿美元" / "Unit: US$ billion".
pub const UNIT_CAPTION: L = L::new("单位:{}", "Unit: {}");
/// A growth rate beside a value: "同比 +26.3%" / "+26.3% year on year".
pub const YEAR_ON_YEAR: L = L::new("同比 {}", "{} year on year");
/// The diagonal of Table 1's quantity-vs-value scatter.
pub const SCATTER_DIAGONAL: L = L::new("对角线:单价不变", "Diagonal: unit value unchanged");
/// The chart's own key, drawn under marks that need it.
pub const KEY_DERIVED: L = L::new(
    "浅色描边为推算值(公式见表格与提示)",
    "Light outlined marks are derived values (formula in the table and tooltip)",
);
pub const KEY_FLAGGED: L =
    L::new("※ 原文数字存在矛盾,见数据注释", "※ the paper contradicts itself here: see the data note");
pub const KEY_BOUND: L =
    L::new("箭头表示原文为“超过”或“不足”的界限值", "An arrowhead marks a bound (“over”, “under” in the paper)");

/// The words of a chart's description (`views::describe`): one to three sentences per view.
/// Placeholders are numbered where the languages order them differently.
pub mod desc {
    use crate::data::L;

    /// The description's heading on the page and its name in exported files.
    pub const LABEL: L = L::new("图表说明", "About this chart");
    pub const FIELD: L = L::new("说明", "Description");

    /// Joins: clauses of one sentence, items of a list, the last item of a list.
    pub const CLAUSES: L = L::new("{0};{1}", "{0}; {1}");
    pub const LIST_SEP: L = L::new("、", ", ");
    pub const LIST_AND: L = L::new("和", " and ");
    /// How sentences end and are joined.
    pub const SENTENCE_END: L = L::new("。", ".");
    pub const SENTENCE_SEP: L = L::new("", " ");
    /// A qualified figure without its unit: "超过200" / "over 200".
    pub const QUALIFIED: L = L::new("{0}{1}", "{0} {1}");
    /// A rank: "第 4 位" / "no. 4".
    pub const RANK: L = L::new("第 {0} 位", "no. {0}");
    /// Parts of a whole: "美国 650、中国 347、其他 103" / "the United States 650, China 347 and the rest 103".
    pub const PART_SEP: L = L::new("、", ", ");
    pub const PART_AND: L = L::new("、", " and ");
    /// A reading named before what it shows: "金额增幅:" / "Value YoY: ".
    pub const PREFIX: L = L::new("{0}:{1}", "{0}: {1}");
    /// A value with the name of what it measures: "出口 2,401.10 亿美元".
    pub const LABELLED: L = L::new("{0} {1}", "{0} {1}");
    /// The values of a selected row: "出口总额 6,644.51 亿美元,同比 −11.6%".
    pub const VALUES_SEP: L = L::new(",", ", ");
    /// A label the chart draws apart from the sentence: "“进出口总值 · 人民币金额”".
    pub const QUOTED: L = L::new("“{0}”", "“{0}”");
    /// A row told apart from one of the same name by its period: "cross-border e-commerce imports
    /// and exports, 2023".
    pub const SUBLABELLED: L = L::new("{0}({1})", "{0}, {1}");

    /// How a ranking opens: "十个贸易伙伴中," / "of the ten partners, ".
    pub const OF_SET: L = L::new("{0}中,", "of the {0}, ");
    /// After the figures given only as bounds: "其余两个市场中," / "of the other two markets, ".
    pub const OF_OTHERS: L = L::new("其余{0}中,", "of the other {0}, ");

    pub const VALUE_MOST: L =
        L::new("{0}{1}最大({2}),{3}最小({4})", "{0}the largest is {1} ({2}) and the smallest {3} ({4})");
    pub const VALUE_MORE: L =
        L::new("{0}{1}较大({2}),{3}较小({4})", "{0}the larger is {1} ({2}) and the smaller {3} ({4})");
    /// Rates and shares are high or low rather than large or small.
    pub const RATE_MOST: L =
        L::new("{0}{1}最高({2}),{3}最低({4})", "{0}the highest is {1} ({2}) and the lowest {3} ({4})");
    pub const RATE_MORE: L =
        L::new("{0}{1}较高({2}),{3}较低({4})", "{0}the higher is {1} ({2}) and the lower {3} ({4})");
    pub const ALL_EQUAL: L = L::new("{0}均为{1}", "{0}each is {1}");

    /// Growth with rises and falls, with rises only, with falls only.
    pub const GROWTH_MIXED: L =
        L::new("{0}{1}增长最快({2}),{3}降幅最大({4})", "{0}{1} grew fastest ({2}) and {3} fell most ({4})");
    pub const GROWTH_UP: L =
        L::new("{0}{1}增长最快({2}),{3}增长最慢({4})", "{0}{1} grew fastest ({2}) and {3} slowest ({4})");
    pub const GROWTH_DOWN: L =
        L::new("{0}{1}降幅最小({2}),{3}降幅最大({4})", "{0}{1} fell least ({2}) and {3} most ({4})");
    /// The same, for two.
    pub const GROWTH2_MIXED: L = L::new("{0}{1}上升({2}),{3}下降({4})", "{0}{1} rose ({2}) and {3} fell ({4})");
    pub const GROWTH2_UP: L = L::new("{0}{1}增速({2})高于{3}({4})", "{0}{1} grew faster ({2}) than {3} ({4})");
    pub const GROWTH2_DOWN: L = L::new("{0}{1}降幅({2})小于{3}({4})", "{0}{1} fell less ({2}) than {3} ({4})");
    /// How many rose and fell: "十个均上升" / "all ten rose"; "三个上升、七个下降" / "three rose and seven fell".
    pub const ALL_ROSE: L = L::new("{0}均上升", "all {0} rose");
    pub const ALL_FELL: L = L::new("{0}均下降", "all {0} fell");
    pub const ROSE_FELL: L = L::new("{0}上升、{1}下降", "{0} rose and {1} fell");
    /// The same with the fewer side named: "四个上升(新加坡 +1%、…)、九个下降".
    pub const ROSE_FELL_NAMED_UP: L = L::new("{0}上升({1})、{2}下降", "{0} rose ({1}) and {2} fell");
    pub const ROSE_FELL_NAMED_DOWN: L = L::new("{0}上升、{1}下降({2})", "{0} rose and {1} fell ({2})");
    pub const ROSE_FELL_FLAT: L = L::new("{0}上升、{1}下降、{2}持平", "{0} rose, {1} fell and {2} held level");

    /// With one rising (or falling) value there is no fastest or most: it is the only one.
    pub const GROWTH_ONLY_UP: L =
        L::new("{0}仅{1}上升({2}),{3}降幅最大({4})", "{0}only {1} rose ({2}) and {3} fell most ({4})");
    pub const GROWTH_ONLY_DOWN: L =
        L::new("{0}{1}增长最快({2}),仅{3}下降({4})", "{0}{1} grew fastest ({2}) and only {3} fell ({4})");
    pub const GROWTH_ONLY_BOTH: L =
        L::new("{0}仅{1}上升({2}),仅{3}下降({4})", "{0}only {1} rose ({2}) and only {3} fell ({4})");
    /// The one that rose or fell, by name, where the values are listed rather than ranked.
    pub const ONLY_ROSE: L = L::new("仅{0}上升", "only {0} rose");
    pub const ONLY_FELL: L = L::new("仅{0}下降", "only {0} fell");

    /// A single figure among figures given as bounds, or alone.
    pub const ONLY_ONE: L = L::new("仅{0}有数字({1})", "only {0} has a figure ({1})");
    pub const ONE_MORE: L = L::new("{0}为{1}", "{0} at {1}");
    /// A value named in a list: "美国(6,644.51 亿美元)" / "the United States (US$664.451 billion)".
    pub const NAMED_VALUE: L = L::new("{0}({1})", "{0} ({1})");
    /// A value with its period: "2023 年 1—6 月,1.1 万亿元" / "Jan–Jun 2023, 1.1 trillion yuan".
    pub const PERIOD_VALUE: L = L::new("{0},{1}", "{0}, {1}");
    /// A value that cannot hold as printed (`NoteKind::Misprint`): named, never ranked.
    pub const MISPRINT: L = L::new(
        "{0}的数字原文印作 {1},疑为印刷错误(见数据注释)",
        "the figure printed for {0}, {1}, is a probable misprint (see the data note)",
    );
    /// A total named before the ranking of the values it covers (the verb agrees with the name).
    pub const WHOLE_ALL: L = L::new("{0}({1})涵盖其余各项", "{0} ({1}) {2} all the others");
    pub const WHOLE_SOME: L = L::new("{0}({1})涵盖其余部分项目", "{0} ({1}) {2} some of the others");
    pub const INCLUDE: L = L::new("", "include");
    pub const INCLUDES: L = L::new("", "includes");
    /// Values that may not be ranked together, too many to list.
    pub const APART_BOTH: L = L::new(
        "{0}的时段和口径各不相同,不作排序",
        "the {0} cover different periods and measures, so they are not ranked",
    );
    pub const APART_PERIODS: L =
        L::new("{0}的时段各不相同,不作排序", "the {0} cover different periods, so they are not ranked");
    pub const APART_MEASURES: L =
        L::new("{0}的口径各不相同,不作排序", "the {0} measure different things, so they are not ranked");
    pub const APART_OVERLAP: L = L::new("{0}互有重叠,不作排序", "the {0} overlap, so they are not ranked");
    /// Figures the paper gives only as bounds ("over 30%"), which are not ranked.
    pub const BOUND_SAME_ONE: L = L::new("{0}只给出“{1}”", "{0} is given only as {1}");
    pub const BOUND_SAME: L = L::new("{0}均只给出“{1}”", "{0} are given only as {1}");
    pub const BOUNDS: L = L::new("{0}只给出界限值", "{0} are given only as bounds");

    /// The reader's selection, with its rank in the reading when it has one.
    pub const SELECTED_RANK: L = L::new("选中的{0}:{1},在{2}中居第{3}", "{0} (selected): {1}, {3} of the {2}");
    pub const SELECTED: L = L::new("选中的{0}:{1}", "{0} (selected): {1}");
    pub const SELECTED_SHOWN: L = L::new("选中的{0}已突出显示", "{0} (selected) is highlighted");
    pub const SELECTED_LISTED: L = L::new("选中的{0}在列表中", "{0} (selected) is in the list");
    pub const SELECTED_RANKED: L = L::new("选中的{0}位列第 {1}", "{0} (selected) is number {1}");

    /// Where the paper contradicts itself (a value with an inconsistency note).
    pub const CONTRADICTS_ONE: L = L::new(
        "原文关于{0}的数字前后矛盾,见数据注释",
        "the paper contradicts itself over the figure for {0}; see the data note",
    );
    pub const CONTRADICTS: L = L::new(
        "原文关于{0}的数字前后矛盾,见数据注释",
        "the paper contradicts itself over the figures for {0}; see the data notes",
    );
    pub const CONTRADICTS_ONE_NOTE: L = L::new(
        "原文关于{0}的数字前后矛盾,见数据注释",
        "the paper contradicts itself over the figures for {0}; see the data note",
    );
    /// A selected row's value that cannot hold as printed: "深圳港的 11 月吞吐量疑为印刷错误".
    pub const SELECTED_MISPRINT: L =
        L::new("{0}的{1}疑为印刷错误(见数据注释)", "the {1} figure for {0} is a probable misprint (see the data note)");
    /// The same over a list's entry, which is not a figure.
    pub const CONTRADICTS_ENTRY: L = L::new(
        "原文关于{0}的内容前后矛盾,见数据注释",
        "the paper contradicts itself over the entry for {0}; see the data note",
    );

    /// A stacked bar: its whole and its parts.
    pub const STACK: L = L::new("{0}共 {1},其中{2}", "{0}: {1} in all, of which {2}");
    pub const STACK_PARTS: L = L::new("{0}:{1}", "{0}: {1}");

    /// A slope chart's start-to-end change.
    pub const SLOPE_ALL_UP: L =
        L::new("从{0}到{1},{2}均上升,{3}升幅最大({4} → {5})", "From {0} to {1}, all {2} rise, {3} most ({4} → {5})");
    pub const SLOPE_ALL_DOWN: L =
        L::new("从{0}到{1},{2}均下降,{3}降幅最大({4} → {5})", "From {0} to {1}, all {2} fall, {3} most ({4} → {5})");
    pub const SLOPE_MIXED: L = L::new(
        "从{0}到{1},{2}上升、{6}下降,{3}升幅最大({4} → {5})",
        "From {0} to {1}, {2} rise and {6} fall; {3} rises most ({4} → {5})",
    );

    /// Table 1's quantity-against-value scatter.
    pub const SCATTER_LEAD_SAME: L =
        L::new("{0}{1}的数量({2})和金额({3})增幅均最大", "{0}{1} grew most in both quantity ({2}) and value ({3})");
    pub const SCATTER_LEAD: L = L::new(
        "{0}{1}数量增幅最大({2}),{3}金额增幅最大({4})",
        "{0}{1} grew most in quantity ({2}) and {3} in value ({4})",
    );
    pub const SCATTER_SIDES: L = L::new(
        "对角线以上的{0}单价上涨,以下的{1}单价下跌",
        "The diagonal separates {0} whose unit value rose (above) from {1} whose unit value fell (below)",
    );
    pub const SCATTER_ALL_BELOW: L =
        L::new("{0}均位于对角线以下,单价均下跌", "All {0} lie below the diagonal: unit value fell");
    pub const SCATTER_ALL_ABOVE: L =
        L::new("{0}均位于对角线以上,单价均上涨", "All {0} lie above the diagonal: unit value rose");

    /// Tiles and lists.
    pub const TILES: L = L::new("共{0}项数字,首项为{1}({2})", "{0} figures, the first being {1} ({2})");
    pub const TILE_ONE: L = L::new("{0}:{1}", "{0}: {1}");
    pub const LIST_RANKED: L =
        L::new("按位次共{0}项,从{1}({2})到{3}({4})", "{0} entries in rank order, from {1} ({2}) to {3} ({4})");
    pub const LIST_ALL: L = L::new("共{0}项:{1}", "{0} entries: {1}");
    pub const LIST_SPAN: L = L::new("共{0}项,从{1}到{2}", "{0} entries, from {1} to {2}");

    /// Map layers.
    pub const MAP_OUTLINED: L = L::new("{0}以描边标出", "{0} are outlined");
    pub const MAP_WAREHOUSE_RANKS: L = L::new(
        "海外仓数量前{0}的国家或地区中,{1}居首,{2}居第{3}",
        "Of the {0} countries or regions with the most overseas warehouses, {1} ranks first and {2} {3}",
    );
    pub const MAP_EMERGING: L = L::new("描边的新兴市场,数量增速", "Outlined emerging markets, growth in number");
    /// The markets the paper names among the ten fastest-growing (it names six of the ten).
    pub const MAP_MARKETS: L = L::new(
        "另标出论文点名的{0}市场,均在电商零售增长最快的十个国家之列:{1}",
        "The map also marks the {0} markets the paper names among the ten fastest-growing in e-commerce retail: {1}",
    );
    pub const MAP_ROUTES: L = L::new(
        "地图绘出中欧班列的{0}条通道及其枢纽({1}、{2})、经苏伊士运河的亚欧航线、绕行好望角的航线(航运时效延长{3})和通往洛杉矶的跨太平洋航线",
        "The map draws the China–Europe Railway Express's {0} corridors and hubs ({1}, {2}), the Asia–Europe sea route via Suez, the detour round the Cape of Good Hope ({3} longer) and the trans-Pacific lane to Los Angeles",
    );
    pub const MAP_DREWRY: L = L::new(
        "德鲁里统计,{2}主要航线预定航次 {1}中,宣布取消的航次 {0}",
        "Drewry counted {0} announced as cancelled among {1} scheduled on the main lanes, {2}",
    );
}

/// What a chart's rows are called when they are counted: the Chinese measure word and noun, and
/// the English singular and plural.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Noun {
    pub measure: &'static str,
    pub zh: &'static str,
    pub one: &'static str,
    pub many: &'static str,
}

/// Rows counted without a noun of their own: "四项" / "four figures".
pub const FIGURES: Noun = Noun { measure: "项", zh: "", one: "figure", many: "figures" };

/// The rows of these datasets, by dataset id.
const NOUNS: &[(&str, Noun)] = &[
    ("partners", Noun { measure: "个", zh: "贸易伙伴", one: "partner", many: "partners" }),
    ("commodities", Noun { measure: "种", zh: "商品", one: "commodity", many: "commodities" }),
    ("economies", Noun { measure: "个", zh: "经济体", one: "economy", many: "economies" }),
    ("regions", Noun { measure: "组", zh: "伙伴", one: "partner group", many: "partner groups" }),
    ("ports", Noun { measure: "个", zh: "港口", one: "port", many: "ports" }),
    ("shipbuilding", Noun { measure: "项", zh: "指标", one: "indicator", many: "indicators" }),
    ("penetration", Noun { measure: "个", zh: "国家", one: "country", many: "countries" }),
    ("warehouse_emerging", Noun { measure: "个", zh: "市场", one: "market", many: "markets" }),
    (
        "warehouse_found",
        Noun { measure: "个", zh: "国家或地区", one: "country or region", many: "countries or regions" },
    ),
];

/// The flows layer's blocs, ranked apart from Table 3's partners: they carry total trade from the
/// text.
pub const BLOCS: Noun = Noun {
    measure: "个",
    zh: "集团(正文进出口额)",
    one: "bloc by total trade (text)",
    many: "blocs by total trade (text)",
};

/// What the rows of a dataset are called.
pub fn noun(dataset: &str) -> Noun {
    NOUNS.iter().find(|(id, _)| *id == dataset).map_or(FIGURES, |(_, n)| *n)
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ZH_DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A count in words, as descriptions write counts (so that every digit in a description is a
/// figure the chart shows): "twenty-two" / "二十二". Beyond 99 the digits are used.
pub fn number_words(n: usize, lang: crate::data::Lang) -> String {
    match lang {
        crate::data::Lang::En => match n {
            0..=19 => EN_UNITS[n].to_string(),
            20..=99 if n.is_multiple_of(10) => EN_TENS[n / 10].to_string(),
            20..=99 => format!("{}-{}", EN_TENS[n / 10], EN_UNITS[n % 10]),
            _ => n.to_string(),
        },
        crate::data::Lang::Zh => match n {
            0..=9 => ZH_DIGITS[n].to_string(),
            10..=19 => format!("十{}", if n == 10 { "" } else { ZH_DIGITS[n % 10] }),
            20..=99 => format!("{}十{}", ZH_DIGITS[n / 10], if n.is_multiple_of(10) { "" } else { ZH_DIGITS[n % 10] }),
            _ => n.to_string(),
        },
    }
}

/// A count of things: "十个" (两 before a measure word) / "ten".
pub fn count(n: usize, noun: Noun, lang: crate::data::Lang) -> String {
    match lang {
        crate::data::Lang::Zh if n == 2 => format!("两{}", noun.measure),
        crate::data::Lang::Zh => format!("{}{}", number_words(n, lang), noun.measure),
        crate::data::Lang::En => number_words(n, lang),
    }
}

/// A count with its noun: "十个贸易伙伴" / "ten partners", "一个市场" / "one market".
pub fn counted(n: usize, noun: Noun, lang: crate::data::Lang) -> String {
    match lang {
        crate::data::Lang::Zh => format!("{}{}", count(n, noun, lang), noun.zh),
        crate::data::Lang::En => format!("{} {}", number_words(n, lang), if n == 1 { noun.one } else { noun.many }),
    }
}

/// An ordinal in words: "fourth", "twenty-first" / "四" (the template adds 第).
pub fn ordinal(n: usize, lang: crate::data::Lang) -> String {
    const FIRST: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    match lang {
        crate::data::Lang::Zh => number_words(n, lang),
        crate::data::Lang::En => match n {
            0..=19 => FIRST[n].to_string(),
            20..=99 if n.is_multiple_of(10) => format!("{}ieth", EN_TENS[n / 10].trim_end_matches('y')),
            20..=99 => format!("{}-{}", EN_TENS[n / 10], FIRST[n % 10]),
            _ => format!("no. {n}"),
        },
    }
}

/// Items joined as a list: "中东、拉美和非洲" / "the Middle East, Latin America and Africa".
pub fn join_list(items: &[String], lang: crate::data::Lang) -> String {
    join_with(items, (desc::LIST_SEP, desc::LIST_AND), lang)
}

/// Items joined by a separator, the last by its own ("、" and "和"; ", " and " and ").
pub fn join_with(items: &[String], (sep, and): (L, L), lang: crate::data::Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(sep.get(lang)), and.get(lang)),
    }
}

/// A text with placeholders filled in: the one way parametrised words are translated. `{}` takes
/// the next argument in order; `{0}`…`{9}` take that argument, so the two languages may order
/// them differently. A placeholder without an argument stays as it is.
pub fn fill(text: L, lang: crate::data::Lang, args: &[&str]) -> String {
    let text = text.get(lang);
    let mut out = String::with_capacity(text.len());
    let mut next = 0;
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let slot = match tail.as_bytes().get(1) {
            Some(b'}') => Some((next, 2)),
            Some(d @ b'0'..=b'9') if tail.as_bytes().get(2) == Some(&b'}') => Some(((d - b'0') as usize, 3)),
            _ => None,
        };
        match slot.and_then(|(k, len)| args.get(k).map(|a| (k, a, len))) {
            Some((k, a, len)) => {
                out.push_str(a);
                next = k + 1;
                rest = &tail[len..];
            }
            None => {
                let len = slot.map_or(1, |s| s.1);
                out.push_str(&tail[..len]);
                rest = &tail[len..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// "同比 +26.3%" / "+26.3% year on year".
pub fn year_on_year(pct: &str, lang: crate::data::Lang) -> String {
    fill(YEAR_ON_YEAR, lang, &[pct])
}

/// The localised captions a chart draws in its key.
pub fn chart_keys(lang: crate::data::Lang) -> crate::chart::Keys {
    crate::chart::Keys {
        derived: KEY_DERIVED.get(lang).to_string(),
        flagged: KEY_FLAGGED.get(lang).to_string(),
        bound: KEY_BOUND.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Lang;

    #[test]
    fn placeholders_are_filled_in_order_in_either_language() {
        assert_eq!(fill(UNIT_CAPTION, Lang::Zh, &["亿美元"]), "单位:亿美元");
        assert_eq!(year_on_year("+26.3%", Lang::En), "+26.3% year on year");
        assert_eq!(
            fill(L::new("{}—{}", "{} to {}"), Lang::En, &["a"]),
            "a to {}",
            "a missing argument leaves its slot"
        );
    }

    #[test]
    fn numbered_placeholders_let_the_languages_order_arguments_differently() {
        let t = L::new("{1}比{0}大", "{0} is smaller than {1}");
        assert_eq!(fill(t, Lang::Zh, &["甲", "乙"]), "乙比甲大");
        assert_eq!(fill(t, Lang::En, &["a", "b"]), "a is smaller than b");
        assert_eq!(fill(L::new("{0}{}", "{0}{}"), Lang::En, &["a", "b"]), "ab", "{{}} continues after {{0}}");
        assert_eq!(fill(L::new("{x} {5}", "{x} {5}"), Lang::En, &["a"]), "{x} {5}", "unknown slots stay");
    }

    #[test]
    fn counts_are_written_in_words_so_digits_in_a_description_are_figures() {
        assert_eq!(number_words(7, Lang::En), "seven");
        assert_eq!(number_words(22, Lang::En), "twenty-two");
        assert_eq!(number_words(30, Lang::En), "thirty");
        assert_eq!(number_words(12, Lang::Zh), "十二");
        assert_eq!(number_words(20, Lang::Zh), "二十");
        assert_eq!(count(2, noun("partners"), Lang::Zh), "两个");
        assert_eq!(counted(10, noun("partners"), Lang::Zh), "十个贸易伙伴");
        assert_eq!(counted(1, noun("warehouse_emerging"), Lang::En), "one market");
        assert_eq!(counted(4, noun("nothing-named"), Lang::Zh), "四项");
        assert_eq!(ordinal(4, Lang::En), "fourth");
        assert_eq!(ordinal(20, Lang::En), "twentieth");
        assert_eq!(ordinal(21, Lang::En), "twenty-first");
        assert_eq!(ordinal(4, Lang::Zh), "四");
        let three = ["a".to_string(), "b".into(), "c".into()];
        assert_eq!(join_list(&three, Lang::En), "a, b and c");
        assert_eq!(join_list(&three, Lang::Zh), "a、b和c");
    }
}
