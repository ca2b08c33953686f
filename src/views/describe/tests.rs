use super::*;
use crate::views::{build_with, chart, Settings, SortKey};

/// The description of a chart in a reading (default when `None`) and focus.
fn said(id: &str, lang: Lang, settings: Option<Settings>, focus: Focus) -> Description {
    let def = chart(id).unwrap();
    let built = build_with(def, lang, &settings.unwrap_or_else(|| def.default_settings()));
    describe(def, &built, lang, focus)
}

fn text(id: &str, lang: Lang) -> String {
    said(id, lang, None, Focus::default()).text()
}

fn reading(metric: usize, sort: SortKey) -> Option<Settings> {
    Some(Settings { metric, sort })
}

#[test]
fn the_largest_and_smallest_are_named_with_the_leaders_value_as_printed() {
    let en = text("partners-exports", Lang::En);
    assert!(
        en.contains("of the ten partners, the largest is the United States (US$664.451 billion) and the smallest Indonesia (US$139.416 billion)"),
        "{en}"
    );
    let zh = text("partners-exports", Lang::Zh);
    assert!(zh.contains("十个贸易伙伴中,美国最大(6,644.51 亿美元),印尼最小(1,394.16 亿美元)"), "{zh}");
    let shares = text("shipbuilding-export-share", Lang::En);
    assert!(shares.contains("the highest is new orders (66.6%) and the lowest completions (50.2%)"), "{shares}");
}

#[test]
fn a_growth_reading_says_who_grew_fastest_who_fell_most_and_how_many_rose_and_fell() {
    let en = said("partners-exports", Lang::En, reading(1, SortKey::Growth), Focus::default()).text();
    assert!(
        en.contains("Russia grew fastest (+26.3%) and South Korea fell most (−13.5%); three rose and seven fell"),
        "{en}"
    );
    let zh = said("partners-exports", Lang::Zh, reading(1, SortKey::Growth), Focus::default()).text();
    assert!(zh.contains("俄罗斯增长最快(+26.3%),韩国降幅最大(−13.5%);三个上升、七个下降"), "{zh}");
    assert!(text("ports-yoy", Lang::En)
        .contains("Jiaxing grew fastest (+19.7%) and Shenzhen slowest (+0.2%); all twenty rose"));
}

#[test]
fn one_rising_value_is_the_only_one_not_the_fastest() {
    let unit = said("commodities", Lang::En, reading(3, SortKey::Paper), Focus::default()).text();
    assert!(
        unit.contains("only electric passenger vehicles rose (+3.8%) and steel products fell most (−32.7%)"),
        "{unit}"
    );
    let zh = said("commodities", Lang::Zh, reading(3, SortKey::Paper), Focus::default()).text();
    assert!(zh.contains("仅电动载人汽车上升(+3.8%),钢材降幅最大(−32.7%)"), "{zh}");
    // Listed values (not ranked) name a lone faller: "only imports fell", never "fell most".
    let yuan = said("headline-growth", Lang::En, None, Focus { selected: None, hidden: &[1] }).text();
    assert!(yuan.contains("exports rose (+0.6%) and imports fell (−0.3%)") && !yuan.contains("most"), "{yuan}");
}

#[test]
fn values_of_different_periods_and_measures_are_listed_or_counted_never_ranked() {
    let economies = text("economies-change", Lang::En);
    assert_eq!(
        economies,
        "The thirteen economies cover different periods and measures, so they are not ranked; four rose (Singapore +1%, Cambodia +1.2%, Germany +3.7% and Australia +1.7%) and nine fell."
    );
    assert!(!economies.contains("fastest") && !economies.contains("most"), "{economies}");
    let pacific = text("transpacific-teu", Lang::En);
    assert!(
        pacific.contains("2023: the container throughput of the Port of Los Angeles (8.634497 million TEU) and the container volume from mainland China to the US (10.728477 million TEU)."),
        "a port's throughput is not ranked against a country-to-country volume: {pacific}"
    );
    let ecommerce = text("ecommerce-values", Lang::Zh);
    assert!(ecommerce.contains("跨境电商进出口额(2023 年 1—6 月,1.1 万亿元)"), "each with its period: {ecommerce}");
    assert!(!ecommerce.contains("最大"), "{ecommerce}");
}

#[test]
fn a_total_is_named_apart_from_the_parts_it_covers_and_a_bloc_is_not_ranked_against_its_members() {
    let value = text("commodities", Lang::En);
    assert!(
        value.starts_with("Value: mechanical and electrical products (1,978,660,513 thousand US$) include some of the others; of the other twenty-four commodities, the largest is high-tech products"),
        "{value}"
    );
    let regions = text("regions-value", Lang::Zh);
    assert!(
        regions.starts_with("出口总额(表 2):东盟(5,236.74 亿美元)、欧盟(5,012.33 亿美元)和“一带一路”沿线国家"),
        "{regions}"
    );
    let emerging = text("warehouse-emerging", Lang::En);
    assert!(!emerging.contains("faster"), "Southeast Asia is one of the emerging markets: {emerging}");
}

#[test]
fn a_misprint_is_named_as_printed_and_the_ranking_taken_over_the_rest() {
    let nov = said("ports-jan-nov", Lang::En, reading(1, SortKey::Paper), Focus::default()).text();
    assert_eq!(
        nov,
        "November: the figure printed for Shenzhen, 283.40 million TEU, is a probable misprint (see the data note); of the other nineteen ports, the largest is Shanghai (4.21 million TEU) and the smallest Wuhan (0.17 million TEU)."
    );
    let f = Focus { selected: Some("port:shanghai"), hidden: &[] };
    let shanghai = said("ports-jan-nov", Lang::En, reading(1, SortKey::Paper), f).text();
    assert!(shanghai.contains("Shanghai (selected): 4.21 million TEU."), "no rank over a misprint: {shanghai}");
}

#[test]
fn the_description_follows_the_metric_and_not_the_sort() {
    let value = said("commodities", Lang::En, reading(0, SortKey::Paper), Focus::default()).text();
    let unit = said("commodities", Lang::En, reading(3, SortKey::Paper), Focus::default()).text();
    assert!(
        unit.starts_with("Implied unit-value change: ") && unit.contains("steel products fell most (−32.7%)"),
        "{unit}"
    );
    assert_ne!(value, unit);
    let sorted = said("commodities", Lang::En, reading(3, SortKey::Name), Focus::default()).text();
    assert_eq!(unit, sorted, "the order of the bars changes nothing the sentences say");
}

#[test]
fn a_hidden_series_is_not_described() {
    let all = text("regions-value", Lang::En);
    assert!(all.contains("Exports (Table 2): ") && all.contains("Trade (text): "), "{all}");
    let one = said("regions-value", Lang::En, None, Focus { selected: None, hidden: &[0] }).text();
    assert!(!one.contains("Exports (Table 2)") && !one.contains("1,189.658"), "{one}");
    assert!(
        one.starts_with("Trade (text): ASEAN (US$911.718 billion)"),
        "the series still shown keeps its name: {one}"
    );
    let parts = said("unicorns-share", Lang::En, None, Focus { selected: None, hidden: &[2] }).text();
    assert!(!parts.contains("rest of the world") && !parts.contains("103"), "{parts}");
}

#[test]
fn a_selection_is_mentioned_with_its_value_and_its_rank() {
    let f = Focus { selected: Some("RUS"), hidden: &[] };
    let en = said("partners-exports", Lang::En, None, f).text();
    assert!(en.contains("Russia (selected): US$240.110 billion, fourth of the ten partners."), "{en}");
    let zh = said("partners-exports", Lang::Zh, None, f).text();
    assert!(zh.contains("选中的俄罗斯:2,401.10 亿美元,在十个贸易伙伴中居第四。"), "{zh}");
    let growth = said("partners-exports", Lang::En, reading(1, SortKey::Paper), f).text();
    assert!(growth.contains("Russia (selected): +26.3%, first of the ten partners."), "{growth}");
    // A row with several values names each, in lower case; a selection the chart does not show is
    // not mentioned.
    let asean = said("map-partners", Lang::En, None, Focus { selected: Some("ASEAN"), hidden: &[] }).text();
    assert!(
        asean.contains("ASEAN (selected): exports (Table 2) US$523.674 billion, trade (text) US$911.718 billion."),
        "{asean}"
    );
    let absent = said("partners-exports", Lang::En, None, Focus { selected: Some("ASEAN"), hidden: &[] }).text();
    assert!(!absent.contains("selected"), "{absent}");
}

#[test]
fn a_contradiction_in_the_paper_is_mentioned() {
    let en = text("partners-exports", Lang::En);
    assert!(
        en.ends_with("The paper contradicts itself over the figure for the United States; see the data note."),
        "{en}"
    );
    // Shenzhen's November figure exceeds its own January–November total: only that reading says so.
    let nov = said("ports-jan-nov", Lang::Zh, reading(1, SortKey::Paper), Focus::default()).text();
    assert!(nov.contains("深圳港的数字原文印作 28,340 万 TEU,疑为印刷错误(见数据注释)"), "{nov}");
    assert!(!text("ports-jan-nov", Lang::Zh).contains("深圳港的数字"));
    // Table 2's +33.4% against the text's +2.8%: flagged as the US figure is.
    let bri = text("regions-growth", Lang::En);
    assert!(
        bri.ends_with(
            "The paper contradicts itself over the figures for the Belt and Road countries; see the data note."
        ),
        "{bri}"
    );
    assert!(!text("ports-yoy", Lang::En).contains("contradicts"));
    let tiles = text("new-three-tiles", Lang::En);
    assert!(tiles.contains("over the figure for “Guangdong · Province's exports”"), "{tiles}");
}

#[test]
fn figures_given_only_as_bounds_are_named_but_not_ranked() {
    let en = text("warehouse-emerging", Lang::En);
    assert!(
        en.starts_with("Growth in number: the Middle East, Latin America and Africa are given only as over 30%; all emerging markets (+56.72%) include all the others; Southeast Asia at +91.55%."),
        "{en}"
    );
    assert!(en.contains("Growth in floor area: Southeast Asia, Latin America and Africa are given only as over 100%."));
}

#[test]
fn a_view_has_at_most_three_sentences_so_selection_and_contradiction_may_share_one() {
    let f = Focus { selected: Some("port:shenzhen_yantian"), hidden: &[] };
    let d = said("map-ports", Lang::En, None, f);
    assert_eq!(d.sentences.len(), 3, "{:?}", d.sentences);
    let last = &d.sentences[2];
    assert!(last.starts_with("Shenzhen (selected): ") && last.contains("; the paper contradicts itself"), "{last}");
    assert!(
        last.ends_with("the November figure for Shenzhen is a probable misprint (see the data note)."),
        "the selection's own misprinted value points to its note: {last}"
    );
}

#[test]
fn every_map_layer_is_described() {
    for id in ["map-partners", "map-warehouses", "map-economies", "map-ecommerce", "map-routes", "map-ports"] {
        for lang in [Lang::Zh, Lang::En] {
            assert!(!said(id, lang, None, Focus::default()).sentences.is_empty(), "{id} {lang:?}");
        }
    }
    let routes = text("map-routes", Lang::En);
    assert!(routes.contains("the detour round the Cape of Good Hope (about 10–15 days longer)"), "{routes}");
    let markets = text("map-ecommerce", Lang::Zh);
    assert!(markets.contains("印尼、越南、菲律宾、马来西亚、墨西哥和阿根廷"), "{markets}");
}

#[test]
fn tiles_and_lists_get_a_short_sentence() {
    assert_eq!(
        text("headline-tiles", Lang::En),
        "Seven figures, the first being “Total trade · Value in yuan” (41.76 trillion yuan)."
    );
    assert_eq!(text("warehouse-top10", Lang::Zh), "按位次共十项,从美国(1)到意大利(10)。");
    let russia = said("warehouse-top10", Lang::En, None, Focus { selected: Some("RUS"), hidden: &[] });
    assert_eq!(russia.sentences[1], "Russia (selected) is number 7.");
    assert_eq!(text("timeline", Lang::Zh), "共九项,从 2015 年 5 月到 2023 年 10 月中旬。");
}

#[test]
fn labels_read_as_english_inside_a_sentence() {
    assert_eq!(sentence_name("United States", &["USA"], Lang::En), "the United States");
    assert_eq!(sentence_name("Russia", &["RUS"], Lang::En), "Russia");
    assert_eq!(sentence_name("Order book", &[], Lang::En), "the order book");
    assert_eq!(sentence_name("Trade surplus", &[], Lang::En), "the trade surplus");
    assert_eq!(sentence_name("Belt and Road countries", &["BRI"], Lang::En), "the Belt and Road countries");
    assert_eq!(sentence_name("“New three” exports", &[], Lang::En), "“new three” exports");
    assert_eq!(sentence_name("January–November", &[], Lang::En), "January–November");
    assert_eq!(
        sentence_name("Container throughput of the Port of Los Angeles", &["port:port_los_angeles"], Lang::En),
        "the container throughput of the Port of Los Angeles"
    );
    assert_eq!(sentence_name("of which imports (derived)", &[], Lang::En), "imports (derived)");
    assert_eq!(
        sentence_name("China–Europe Railway Express trains run", &[], Lang::En),
        "China–Europe Railway Express trains run"
    );
    assert_eq!(
        sentence_name("New Western Land–Sea Corridor trains", &[], Lang::En),
        "the New Western Land–Sea Corridor trains"
    );
    assert_eq!(
        sentence_name("Container volume from mainland China to the US", &["USA"], Lang::En),
        "the container volume from mainland China to the US"
    );
    assert_eq!(sentence_name("Mid-October 2023", &[], Lang::En), "mid-October 2023");
    assert_eq!(sentence_name("May 2015", &[], Lang::En), "May 2015");
    assert_eq!(sentence_name("Order book", &[], Lang::Zh), "Order book", "Chinese is left as it is");
}

#[test]
fn chinese_numbers_are_spaced_from_characters_but_qualifiers_stay_joined() {
    assert_eq!(spaced("从2015 年 5 月到2023 年"), "从 2015 年 5 月到 2023 年");
    assert_eq!(spaced("(超过30%),约10~15 天,近2/3"), "(超过30%),约10~15 天,近2/3");
    assert_eq!(spaced("第 7"), "第 7");
}
