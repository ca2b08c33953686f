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
    assert!(text("headline-growth", Lang::Zh).contains("贸易顺差降幅最小(−1.7%),进口降幅最大(−5.5%);四项均下降"));
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
        one.starts_with("Trade (text): of the three partner groups"),
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
    // A row with several values names each; a selection the chart does not show is not mentioned.
    let asean = said("map-partners", Lang::En, None, Focus { selected: Some("ASEAN"), hidden: &[] }).text();
    assert!(asean.contains("ASEAN (selected): Exports (Table 2) US$523.674 billion, Trade (text) US$911.718 billion."));
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
    assert!(nov.contains("原文关于深圳港的数字前后矛盾"), "{nov}");
    assert!(!text("ports-jan-nov", Lang::Zh).contains("深圳港的数字"));
    assert!(!text("ports-yoy", Lang::En).contains("contradicts"));
    let tiles = text("new-three-tiles", Lang::En);
    assert!(tiles.contains("over the figure for “Guangdong · Province's exports”"), "{tiles}");
}

#[test]
fn figures_given_only_as_bounds_are_named_but_not_ranked() {
    let en = text("warehouse-emerging", Lang::En);
    assert!(
        en.starts_with("Growth in number: the Middle East, Latin America and Africa are given only as over 30%; of the other two markets, Southeast Asia grew faster (+91.55%) than all emerging markets (+56.72%)."),
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
    assert!(last.contains("Guangzhou and Shenzhen"), "the selection's own contradicted value is named: {last}");
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
        "Seven figures, the first being “Total trade · Value in yuan”: 41.76 trillion yuan."
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
    assert_eq!(sentence_name("Order book", &[], Lang::En), "order book");
    assert_eq!(sentence_name("of which imports (derived)", &[], Lang::En), "imports (derived)");
    assert_eq!(
        sentence_name("China–Europe Railway Express trains run", &[], Lang::En),
        "China–Europe Railway Express trains run"
    );
    assert_eq!(
        sentence_name("New Western Land–Sea Corridor trains", &[], Lang::En),
        "New Western Land–Sea Corridor trains"
    );
    assert_eq!(
        sentence_name("Container volume from mainland China to the US", &["USA"], Lang::En),
        "container volume from mainland China to the US"
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
