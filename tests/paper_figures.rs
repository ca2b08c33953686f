//! The atlas's figures against the paper itself.
//!
//! Every expected value here was read from the paper's text (the PDF extraction in
//! `../shared/seed/000_d36bbb40bccdc52b.txt`, with its split digits joined by hand), not copied
//! from `data/*.csv`. When one of these tests fails, the data is what to check first: the paper
//! wins, and a figure the paper contradicts itself on is shown as printed with an inconsistency note.
//!
//! Layer: native integration tests over the data module only (no chart or UI code).

#![cfg(not(target_arch = "wasm32"))] // the catalogue reader is native-only (src/data/rules/mod.rs)

use trade_atlas::data::format::paper_section;
use trade_atlas::data::parse::{decimals_of, evaluate};
use trade_atlas::data::registry;
use trade_atlas::data::rules::catalogue;
use trade_atlas::data::rules::dataset::{self, DatasetDecl};
use trade_atlas::data::rules::units::{self, UnitRow};
use trade_atlas::data::rules::Table;
use trade_atlas::data::{
    Cell, Dataset, Lang, NoteKind, PeriodBasis, Qualifier, Row, Status, Value, DATASETS, FOOTNOTES, GLOSSARY, L,
};

// ───────────────────────────── helpers ─────────────────────────────

fn ds(id: &str) -> &'static Dataset {
    registry::dataset(id).unwrap_or_else(|| panic!("no dataset '{id}'"))
}

#[track_caller]
fn row(d: &'static Dataset, key: &str) -> &'static Row {
    d.row(key).unwrap_or_else(|| panic!("dataset '{}' has no row '{key}'", d.id))
}

#[track_caller]
fn cell(d: &'static Dataset, key: &str, col: &str) -> &'static Cell {
    row(d, key).cell(d, col).unwrap_or_else(|| panic!("dataset '{}' has no column '{col}'", d.id))
}

#[track_caller]
fn value(d: &'static Dataset, key: &str, col: &str) -> &'static Value {
    cell(d, key, col).value.as_ref().unwrap_or_else(|| panic!("{}:{key}:{col} is empty", d.id))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The number a printed figure stands for, read with `str::parse` (not the crate's reader):
/// "6644.51" → 6644.51, "1/3" → 0.333…, "10~15" → 10 (the low end).
fn number_of(printed: &str) -> f64 {
    if let Some((n, d)) = printed.split_once('/') {
        return n.parse::<f64>().unwrap() / d.parse::<f64>().unwrap();
    }
    let low = printed.split('~').next().unwrap();
    low.parse::<f64>().unwrap_or_else(|_| panic!("test table error: '{printed}' is not a number"))
}

/// A figure as the paper prints it: text, number, unit and qualifier, stated (not derived).
#[track_caller]
fn assert_printed_q(d: &'static Dataset, key: &str, col: &str, qual: Qualifier, text: &str, unit: &str) {
    let c = cell(d, key, col);
    let at = format!("{}:{key}:{col}", d.id);
    let v = c.value.as_ref().unwrap_or_else(|| panic!("{at} is empty; the paper prints {text}"));
    assert_eq!(v.text, text, "{at}: printed digits");
    assert!(close(v.x, number_of(text)), "{at}: value {} but the paper's {text} is {}", v.x, number_of(text));
    assert_eq!(v.qual, qual, "{at}: qualifier");
    assert_eq!(v.status, Status::Stated, "{at}: status");
    assert_eq!(v.expr, None, "{at}: a printed figure has no formula");
    assert!(!v.x.is_nan(), "{at} is NaN");
    let got_unit = c.unit.map(|u| u.id).unwrap_or("");
    assert_eq!(got_unit, unit, "{at}: unit");
}

#[track_caller]
fn assert_printed(d: &'static Dataset, key: &str, col: &str, text: &str, unit: &str) {
    assert_printed_q(d, key, col, Qualifier::Exact, text, unit)
}

#[track_caller]
fn assert_empty(d: &'static Dataset, key: &str, col: &str) {
    let c = cell(d, key, col);
    assert!(c.value.is_none(), "{}:{key}:{col} holds {:?} but the paper prints no figure there", d.id, c.value);
}

/// Notes of a given kind that mark a cell (or its whole row).
fn marked(d: &'static Dataset, key: &str, col: &str, kind: NoteKind) -> Vec<&'static str> {
    d.cell_notes(key, col).filter(|n| n.kind == kind).map(|n| n.id).collect()
}

/// Recompute a derived value's formula from the cells it names.
fn recompute(d: &'static Dataset, r: &'static Row, expr: &str) -> Option<f64> {
    let mut look = |name: &str| -> Result<Option<f64>, String> {
        let (rr, col) = match name.split_once(':') {
            Some((k, c)) => (d.row(k).ok_or_else(|| format!("no row '{k}'"))?, c),
            None => (r, name),
        };
        let c = rr.cell(d, col).ok_or_else(|| format!("no column '{col}'"))?;
        Ok(c.value.as_ref().map(|v| v.x))
    };
    evaluate(expr, &mut look).unwrap_or_else(|e| panic!("{}:{}: {e}", d.id, r.key))
}

// ───────────────────── 一(二): the headline totals ─────────────────────

#[test]
fn headline_totals_match_the_customs_figures_in_yuan_and_dollars() {
    // 一(二): "中国货物贸易进出口总值 41.76 万亿元人民币,同比微增 0.2%。其中,出口 23.77 万亿元,
    // 增长 0.6%;进口 17.99 万亿元,下降 0.3%。按美元计价,中国进出口总值 5.94 万亿美元,下降 5.0%。
    // 其中,出口 3.382 万亿美元,下降 4.6%;进口 2.56 万亿美元,下降 5.5%。贸易顺差 8 232.2 亿美元,
    // 同比下降 1.7%。"
    let d = ds("headline");
    let rows: [(&str, &str, &str, &str, &str, &str); 3] = [
        ("trade", "进出口总值", "41.76", "0.2", "5.94", "-5.0"),
        ("exports", "出口", "23.77", "0.6", "3.382", "-4.6"),
        ("imports", "进口", "17.99", "-0.3", "2.56", "-5.5"),
    ];
    for (key, zh, rmb, rmb_yoy, usd, usd_yoy) in rows {
        assert_eq!(row(d, key).label.zh, zh);
        assert_printed(d, key, "rmb", rmb, "cny_tn");
        assert_printed(d, key, "rmb_yoy", rmb_yoy, "pct");
        assert_printed(d, key, "usd", usd, "usd_tn");
        assert_printed(d, key, "usd_yoy", usd_yoy, "pct");
    }
    assert_eq!(row(d, "surplus").label.zh, "贸易顺差");
    assert_printed(d, "surplus", "usd", "8232.2", "usd_100m");
    assert_printed(d, "surplus", "usd_yoy", "-1.7", "pct");
    assert_empty(d, "surplus", "rmb");
    assert_empty(d, "surplus", "rmb_yoy");
    assert!(close(value(d, "surplus", "usd").x, 8_232.2));
}

#[test]
fn headline_exports_and_imports_add_up_to_total_trade() {
    let d = ds("headline");
    let rmb = |k| value(d, k, "rmb").x;
    let usd = |k| value(d, k, "usd").x;
    // 23.77 + 17.99 = 41.76 exactly; 3.382 + 2.56 = 5.942, printed as 5.94.
    assert!(close(rmb("exports") + rmb("imports"), rmb("trade")));
    assert!((usd("exports") + usd("imports") - usd("trade")).abs() < 0.005);
    // The surplus in US$ 100m agrees with exports − imports within the rounding of 2.56.
    let surplus_tn = value(d, "surplus", "usd").x / 10_000.0;
    assert!((usd("exports") - usd("imports") - surplus_tn).abs() < 0.005 + 0.0005);
}

#[test]
fn world_trade_figures_are_the_wtos_forecast_the_first_half_and_chinas_share() {
    // 一(二): "2024 年全球货物贸易量同比增速预计仅有 3.3%;据统计,2023 年上半年世界贸易量同比下降了 0.5%"
    // 一(四): "2023 年我国出口的国际市场份额保持在 14%左右的较高水平"
    let d = ds("world_trade");
    assert_printed(d, "wto_2024_volume", "value", "3.3", "pct");
    assert_printed(d, "h1_volume", "value", "-0.5", "pct");
    assert_printed_q(d, "china_share", "value", Qualifier::About, "14", "pct");
}

// ───────────────────── 一(三)1: thirteen economies ─────────────────────

#[test]
fn the_thirteen_economies_carry_the_papers_changes_and_periods() {
    // 一(三)1, read in order. (zh, change as printed, period as printed, month-on-month?)
    let expected: [(&str, &str, &str, bool); 13] = [
        ("越南", "-8.3", "1—11 月", false),
        ("新加坡", "1", "11 月", false),
        ("柬埔寨", "1.2", "1—11 月", false),
        ("马来西亚", "-5.9", "11 月", false),
        ("泰国", "-1", "1—11 月", false),
        ("菲律宾", "-7.8", "1—10 月", false),
        ("印度", "-8", "1—11 月", false),
        ("美国", "-5.04", "1—10 月", false),
        ("韩国", "-10.5", "1—11 月", false),
        ("日本", "-0.2", "11 月", false),
        ("德国", "3.7", "11 月", true),
        ("澳大利亚", "1.7", "11 月", true),
        ("巴西", "-5.85", "1—11 月", false),
    ];
    let d = ds("economies");
    assert_eq!(d.rows.len(), expected.len(), "the paper names 13 economies");
    for (r, (zh, change, period, mom)) in d.rows.iter().zip(expected) {
        assert_eq!(r.label.zh, zh);
        assert_printed(d, r.key, "change", change, "pct");
        let p = r.period.unwrap_or_else(|| panic!("{zh} has no period")).zh;
        assert!(p.starts_with("2023 年") && p.ends_with(period), "{zh}: period '{p}', paper says 2023 年 {period}");
        let m = r.measure.unwrap_or_else(|| panic!("{zh} has no measure")).zh;
        assert_eq!(m.contains("环比"), mom, "{zh}: measure '{m}'");
    }
    // "柬埔寨 2023 年 1—11 月出口额达 204.9 亿美元"
    assert_printed(d, "cambodia", "level", "204.9", "usd_100m");
}

// ───────────────────── 一(三)2: Table 1 ─────────────────────

/// Table 1 as printed: name, an English word the translation must carry, quantity unit (None for
/// "-"), quantity, amount (千美元), quantity growth, amount growth.
/// key, zh label, quantity unit, quantity, amount, quantity YoY, amount YoY.
type CommodityRow = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    &'static str,
);

const TABLE_1: [CommodityRow; 25] = [
    ("机电产品", "mechanical and electrical", None, None, "1978660513", None, "-2.4"),
    ("高新技术产品", "high-tech", None, None, "842542229", None, "-10.8"),
    ("服装及衣着附件", "garments", None, None, "159144680", None, "-7.8"),
    ("文化产品", "cultural", None, None, "144811647", None, "-8.5"),
    ("纺织纱线、织物及其制品", "textile", None, None, "134497535", None, "-8.3"),
    ("塑料制品", "plastic", None, None, "100809135", None, "-3.9"),
    ("农产品", "agricultural", None, None, "98929244", None, "0.9"),
    ("钢材", "steel", Some("t_10k"), Some("9026"), "84555606", Some("36.2"), "-8.3"),
    ("食品", "food", None, None, "76517785", None, "0.6"),
    ("家具及其零件", "furniture", None, None, "64195653", None, "-5.2"),
    ("基本有机化学品", "organic chemicals", None, None, "57510356", None, "-25.8"),
    ("鞋靴", "footwear", Some("pairs_10k"), Some("891424"), "49336443", Some("-2.5"), "-12.6"),
    ("成品油", "refined oil", Some("t_10k"), Some("6269"), "48325894", Some("16.7"), "0.4"),
    (
        "电动载人汽车",
        "electric passenger vehicles",
        Some("vehicles"),
        Some("1773204"),
        "41812684",
        Some("67.1"),
        "73.4",
    ),
    ("玩具", "toys", None, None, "40570572", None, "-12.2"),
    ("箱包及类似容器", "luggage", Some("t_10k"), Some("331"), "35727387", Some("13.5"), "3.9"),
    ("纸浆、纸及其制品", "paper", Some("t_10k"), Some("1411"), "29363439", Some("8.6"), "-5.6"),
    ("陶瓷产品", "ceramic", Some("t_10k"), Some("1904"), "26077266", Some("5.3"), "-15.4"),
    ("玻璃及其制品", "glass", None, None, "25923820", None, "-1.9"),
    ("医药材及药品", "medic", Some("t"), Some("1434659"), "23304343", Some("-11.4"), "-35.3"),
    ("橡胶轮胎", "tyres", Some("t_10k"), Some("886"), "22164547", Some("16.0"), "12.5"),
    ("未锻轧铝及铝材", "aluminium", Some("t"), Some("5675255"), "19161480", Some("-13.9"), "-26.1"),
    ("木及其制品", "wood", Some("t_10k"), Some("1191"), "15546157", Some("1.4"), "-12.8"),
    ("体育用品及设备", "sport", None, None, "15280941", None, "-12.1"),
    ("贵金属或包贵金属的首饰", "jewellery", Some("t"), Some("1000"), "14348587", Some("27.0"), "-7.3"),
];

#[test]
fn table_1_lists_the_twenty_five_commodities_with_the_papers_values() {
    let d = ds("commodities");
    assert_eq!(d.table, Some(1));
    assert_eq!(d.rows.len(), TABLE_1.len(), "Table 1 has 25 rows");
    for (r, (zh, en_word, qty_unit, qty, amount, qty_yoy, amount_yoy)) in d.rows.iter().zip(TABLE_1) {
        assert_eq!(r.label.zh, zh, "Table 1 row order");
        assert!(
            r.label.en.to_lowercase().contains(en_word),
            "{zh}: English label '{}' should say '{en_word}'",
            r.label.en
        );
        match (qty_unit, qty) {
            (Some(u), Some(q)) => assert_printed(d, r.key, "quantity", q, u),
            _ => assert_empty(d, r.key, "quantity"),
        }
        assert_printed(d, r.key, "amount", amount, "usd_k");
        match qty_yoy {
            Some(q) => assert_printed(d, r.key, "qty_yoy", q, "pct"),
            None => assert_empty(d, r.key, "qty_yoy"),
        }
        assert_printed(d, r.key, "amount_yoy", amount_yoy, "pct");
    }
    // The first amount, split over four lines in the PDF ("1 978 660 513"), read in full.
    assert!(close(value(d, d.rows[0].key, "amount").x, 1_978_660_513.0));
    // Units exactly as the table prints them.
    let steel = d.rows.iter().find(|r| r.label.zh == "钢材").unwrap();
    assert_eq!(steel.cell(d, "quantity").unwrap().unit.unwrap().zh, "万吨");
    let shoes = d.rows.iter().find(|r| r.label.zh == "鞋靴").unwrap();
    assert_eq!(shoes.cell(d, "quantity").unwrap().unit.unwrap().zh, "万双");
    assert_eq!(d.column("amount").unwrap().unit.unwrap().zh, "千美元");
}

#[test]
fn table_1_rows_are_in_descending_order_of_amount() {
    let d = ds("commodities");
    let amounts: Vec<(&str, f64)> =
        d.rows.iter().map(|r| (r.label.zh, r.cell(d, "amount").unwrap().value.as_ref().unwrap().x)).collect();
    for w in amounts.windows(2) {
        assert!(w[0].1 > w[1].1, "{} ({}) should exceed {} ({})", w[0].0, w[0].1, w[1].0, w[1].1);
    }
    // "出口金额超百亿美元": every row is over 10 000 000 thousand US$.
    for (zh, x) in &amounts {
        assert!(*x > 10_000_000.0, "{zh} is under US$10 bn");
    }
}

#[test]
fn steel_unit_value_fell_by_about_a_third() {
    // Quantity +36.2 %, value −8.3 %: (1 − 0.083) / (1 + 0.362) − 1 ≈ −32.7 %.
    let d = ds("commodities");
    let v = value(d, "steel", "unit_value_yoy");
    assert_eq!(v.status, Status::Derived);
    assert!(v.expr.is_some());
    assert_eq!(v.text, "-32.7");
    assert!((v.x - ((1.0 - 0.083) / 1.362 * 100.0 - 100.0)).abs() < 0.05);
    // Electric passenger vehicles: value +73.4 % on quantity +67.1 % → unit value up ≈ 3.8 %.
    let ev = value(d, "ev", "unit_value_yoy");
    assert_eq!(ev.text, "3.8");
    // No quantity, no unit value.
    assert!(cell(d, "mech_elec", "unit_value_yoy").value.is_none());
}

// ───────────────────── 一(四)1: Table 2 and the text's regional totals ─────────────────────

#[test]
fn table_2_and_the_texts_regional_totals_match_the_paper() {
    // Table 2: 东盟 5 236.74 −5.0;欧盟 5 012.33 −10.2;"一带一路"沿线国家 11 896.58 33.4.
    // Text: 东盟 9 117.18 亿美元,同比下滑 4.9%;欧盟 7 829.86 亿美元,同比下滑 7.1%;
    // "一带一路"沿线国家 27 818.28 亿美元,同比增长 2.8%.
    let expected = [
        ("东盟", "5236.74", "-5.0", "9117.18", "-4.9"),
        ("欧盟", "5012.33", "-10.2", "7829.86", "-7.1"),
        ("“一带一路”沿线国家", "11896.58", "33.4", "27818.28", "2.8"),
    ];
    let d = ds("regions");
    assert_eq!(d.table, Some(2));
    assert_eq!(d.rows.len(), 3);
    for (r, (zh, exp, exp_yoy, trade, trade_yoy)) in d.rows.iter().zip(expected) {
        assert_eq!(r.label.zh, zh);
        assert_printed(d, r.key, "exports", exp, "usd_100m");
        assert_printed(d, r.key, "exports_yoy", exp_yoy, "pct");
        assert_printed(d, r.key, "trade", trade, "usd_100m");
        assert_printed(d, r.key, "trade_yoy", trade_yoy, "pct");
    }
}

#[test]
fn regions_implied_imports_are_trade_minus_exports() {
    let d = ds("regions");
    let expected = [("asean", "3880.44"), ("eu", "2817.53"), ("bri", "15921.70")];
    for (key, text) in expected {
        let v = value(d, key, "imports");
        assert_eq!(v.status, Status::Derived);
        assert_eq!(v.text, text, "{key}: implied imports");
        let diff = value(d, key, "trade").x - value(d, key, "exports").x;
        assert!((v.x - diff).abs() < 0.005, "{key}: {} vs {diff}", v.x);
    }
}

#[test]
fn belt_and_road_trade_is_19_47_trillion_yuan_with_152_countries() {
    // "2023 年我国对 152 个"一带一路"共建国家进出口额达 19.47 万亿元人民币,同比增长 2.8%,
    // 占我国外贸进出口规模的比重达到 46.6%[4]"
    let d = ds("belt_road");
    assert_printed(d, "countries", "value", "152", "countries");
    assert_printed(d, "trade_rmb", "value", "19.47", "cny_tn");
    assert_printed(d, "yoy", "value", "2.8", "pct");
    assert_printed(d, "share", "value", "46.6", "pct");
    // The share checks against the headline total: 19.47 / 41.76 = 46.6 %.
    let total = value(ds("headline"), "trade", "rmb").x;
    assert!((value(d, "trade_rmb", "value").x / total * 100.0 - 46.6).abs() < 0.05);
}

// ───────────────────── 一(四)2: Table 3 and the US figure ─────────────────────

#[test]
fn table_3_lists_the_ten_partners_with_the_papers_values() {
    let expected: [(&str, &str, &str, &str); 10] = [
        ("美国", "United States", "6644.51", "-11.6"),
        ("日本", "Japan", "3179.99", "-10.7"),
        ("韩国", "Korea", "3107.37", "-13.5"),
        ("俄罗斯", "Russia", "2401.10", "26.3"),
        ("越南", "Vietnam", "2297.93", "-0.5"),
        ("澳大利亚", "Australia", "2291.96", "4.1"),
        ("德国", "Germany", "2067.82", "-8.7"),
        ("马来西亚", "Malaysia", "1902.44", "-5.2"),
        ("巴西", "Brazil", "1815.29", "6.1"),
        ("印尼", "Indonesia", "1394.16", "-5.9"),
    ];
    let d = ds("partners");
    assert_eq!(d.table, Some(3));
    assert_eq!(d.rows.len(), 10, "Table 3 has ten partners");
    for (r, (zh, en, exports, yoy)) in d.rows.iter().zip(expected) {
        assert_eq!(r.label.zh, zh, "Table 3 row order");
        assert!(r.label.en.contains(en), "{zh}: '{}'", r.label.en);
        assert_printed(d, r.key, "exports", exports, "usd_100m");
        assert_printed(d, r.key, "yoy", yoy, "pct");
    }
    assert!(close(value(d, d.rows[0].key, "exports").x, 6_644.51));
    // Text: Russia grew strongly; Australia is the only Western partner that grew.
    let grew: Vec<&str> = d
        .rows
        .iter()
        .filter(|r| r.cell(d, "yoy").unwrap().value.as_ref().unwrap().x > 0.0)
        .map(|r| r.label.zh)
        .collect();
    assert_eq!(grew, ["俄罗斯", "澳大利亚", "巴西"]);
}

#[test]
fn us_imports_from_china_are_500_291_billion_dollars_down_14_percent() {
    // "根据美国商务部公布的数据,2023 年美国从中国进口额为 5 002.91 亿美元,下降 14%"
    let d = ds("us_imports");
    assert_printed(d, "us_imports_from_china", "value", "5002.91", "usd_100m");
    assert_printed(d, "us_imports_from_china", "yoy", "-14", "pct");
}

#[test]
fn table_3s_us_value_exceeds_the_us_import_figure_and_both_carry_the_us_title_note() {
    let partners = ds("partners");
    let us = ds("us_imports");
    let table_3 = value(partners, "usa", "exports").x;
    let commerce = value(us, "us_imports_from_china", "value").x;
    assert!(table_3 > commerce, "{table_3} vs {commerce}");
    assert_eq!(marked(partners, "usa", "exports", NoteKind::Inconsistency), ["us-title"]);
    assert_eq!(marked(us, "us_imports_from_china", "value", NoteKind::Inconsistency), ["us-title"]);
}

// ───────────────────── 一(五): shipping ─────────────────────

#[test]
fn shipping_figures_match_the_paper() {
    let d = ds("shipping");
    // "2023 年集装箱市场年度收益水平相对 2022 年总体下滑超过 70%"
    assert_printed_q(d, "container_revenue_fall", "value", Qualifier::Over, "70", "pct");
    // "650 次预定航次中,有 77 次航次取消,取消率高达 12%"
    assert_printed(d, "drewry_planned", "value", "650", "sailings");
    assert_printed(d, "drewry_cancelled", "value", "77", "sailings");
    assert_printed(d, "drewry_rate", "value", "12", "pct");
    // "洛杉矶完成 863.449 7 万 TEU,同比下降 13%"
    assert_printed(d, "la_teu", "value", "863.4497", "teu_10k");
    assert_printed(d, "la_teu", "yoy", "-13", "pct");
    // "中国大陆出口到美国的集装箱货量为 1 072.847 7 万 TEU,同比下降 12.6%"
    assert_printed(d, "cn_us_teu", "value", "1072.8477", "teu_10k");
    assert_printed(d, "cn_us_teu", "yoy", "-12.6", "pct");
    // "中国大陆对美连续 14 个月保持下滑趋势"
    assert_printed(d, "cn_us_decline_months", "value", "14", "months");
    // The Red Sea detour: "航运时效延长 10 ~ 15 天左右"
    let red = value(d, "red_sea_delay", "value");
    assert_eq!(red.text, "10~15");
    assert_eq!((red.x, red.hi), (10.0, Some(15.0)));
    assert_eq!(cell(d, "red_sea_delay", "value").unit.unwrap().id, "days");
    // 77 / 650 = 11.8 %: "as high as 12 %" rounds it.
    assert!((77.0_f64 / 650.0 * 100.0 - 11.8).abs() < 0.05);
}

#[test]
fn the_red_sea_detour_is_about_10_to_15_days_as_the_paper_hedges_it() {
    // The paper writes "10 ~ 15 天左右": 左右 is the catalogue's "about", as for "14%左右".
    let d = ds("shipping");
    assert_eq!(value(d, "red_sea_delay", "value").qual, Qualifier::About);
}

// ───────────────────── 二(一): the new three ─────────────────────

#[test]
fn new_three_exports_match_the_national_and_provincial_figures() {
    let d = ds("new_three");
    // "新能源汽车、锂电池储能设备、光伏产品合计出口 1.06 万亿元人民币,增长 29.9%"
    assert_printed(d, "national", "value", "1.06", "cny_tn");
    assert_printed(d, "national", "yoy", "29.9", "pct");
    // "2023 年广东出口规模首次突破 8.3 万亿元人民币 … 其中外贸"新三样"合计增长 33.7%"
    assert_printed(d, "guangdong", "yoy", "33.7", "pct");
    assert_printed_q(d, "guangdong", "exports_total", Qualifier::Over, "8.3", "cny_tn");
    assert_empty(d, "guangdong", "value");
    // "上海海关公布口岸外贸"新三样"产品出口 1 677.9 亿元,同比增长 42.2%,占上海同期出口总值的 9.7%"
    assert_printed(d, "shanghai", "value", "1677.9", "cny_100m");
    assert_printed(d, "shanghai", "yoy", "42.2", "pct");
    assert_printed(d, "shanghai", "share_of_exports", "9.7", "pct");
    // "江苏 2023 年外贸进出口总值达 5.25 万亿元,占同期我国进出口总值的 12.6%,
    // 其中,外贸"新三样"累计 1 949 亿元,增长 12.3%"
    assert_printed(d, "jiangsu", "value", "1949", "cny_100m");
    assert_printed(d, "jiangsu", "yoy", "12.3", "pct");
    assert_printed(d, "jiangsu", "trade_total", "5.25", "cny_tn");
    assert_printed(d, "jiangsu", "trade_share", "12.6", "pct");
}

// ───────────────────── 二(二): shipbuilding ─────────────────────

#[test]
fn shipbuilding_indicators_match_the_association_figures() {
    // "造船完工量 4 232 万载重吨,同比增长 11.8%;新接订单量 7 120 万载重吨,同比增长 56.4%,
    // 手持订单量 13 939 万载重吨,同比增长 32%。出口船舶分别占 … 50.2%、66.6%和 55%"
    let expected = [
        ("造船完工量", "4232", "11.8", "50.2"),
        ("新接订单量", "7120", "56.4", "66.6"),
        ("手持订单量", "13939", "32", "55"),
    ];
    let d = ds("shipbuilding");
    assert_eq!(d.rows.len(), 3);
    for (r, (zh, v, yoy, share)) in d.rows.iter().zip(expected) {
        assert_eq!(r.label.zh, zh);
        assert_printed(d, r.key, "value", v, "dwt_10k");
        assert_printed(d, r.key, "yoy", yoy, "pct");
        assert_printed(d, r.key, "export_share", share, "pct");
    }
}

#[test]
fn shipbuilding_implied_2022_tonnage_recomputes_from_the_growth_rates() {
    // 4 232 / 1.118 = 3 785;7 120 / 1.564 = 4 552;13 939 / 1.32 = 10 560.
    let d = ds("shipbuilding");
    for (key, text, v, yoy) in [
        ("completions", "3785", 4232.0, 11.8),
        ("new_orders", "4552", 7120.0, 56.4),
        ("order_book", "10560", 13939.0, 32.0),
    ] {
        let got = value(d, key, "value_2022");
        assert_eq!(got.status, Status::Derived);
        assert_eq!(got.text, text, "{key}");
        assert!((got.x - v / (1.0 + yoy / 100.0)).abs() <= 0.5);
    }
}

// ───────────────────── 二(三): rail ─────────────────────

#[test]
fn china_europe_rail_ran_17_000_trains_and_carried_1_9_million_teu() {
    // "中欧班列累计开行 1.7 万列,发送货物 190 万标箱,同比分别增长 6%、18%;西部陆海新通道班列
    // 全年发送 86 万标箱,同比增长 14%;班列通达欧洲 25 个国家 217 个城市"
    let d = ds("rail");
    assert_printed(d, "cr_trains", "value", "1.7", "trains_10k");
    assert_printed(d, "cr_trains", "yoy", "6", "pct");
    assert_printed(d, "cr_teu", "value", "190", "std_box_10k");
    assert_printed(d, "cr_teu", "yoy", "18", "pct");
    assert_printed(d, "wlsc_teu", "value", "86", "std_box_10k");
    assert_printed(d, "wlsc_teu", "yoy", "14", "pct");
    assert_printed(d, "cr_countries", "value", "25", "countries");
    assert_printed(d, "cr_cities", "value", "217", "cities");
}

// ───────────────────── 二(四): ports, Table 4 ─────────────────────

/// Table 4 as printed: rank, port, November, January–November (万 Teu), growth (%).
const TABLE_4: [(&str, &str, &str, &str, &str); 20] = [
    ("1", "上海港", "421", "4440", "2.8"),
    ("2", "宁波舟山港", "260", "3280", "4.9"),
    ("3", "深圳港", "28340", "2689", "0.2"),
    ("4", "青岛港", "249", "2639", "11.8"),
    ("5", "广州港", "220", "3323", "2.4"),
    ("6", "天津港", "162", "2108", "5.6"),
    ("7", "厦门港", "109", "1145", "1.2"),
    ("8", "苏州港(内河)", "82", "859", "3.9"),
    ("9", "广西北部湾港", "71", "722", "15.8"),
    ("10", "日照港", "55", "566", "3.7"),
    ("11", "连云港", "58", "553", "10.6"),
    ("12", "营口港", "49", "486", "10.3"),
    ("13", "大连港", "51", "455", "13.3"),
    ("14", "烟台港", "41", "430", "12.0"),
    ("15", "东莞港", "40", "351", "7.3"),
    ("16", "福州港", "38", "342", "9.9"),
    ("17", "南京港(内河)", "29", "319", "9.5"),
    ("18", "佛山港(内河)", "32", "313", "6.6"),
    ("19", "嘉兴港", "30", "312", "19.7"),
    ("20", "武汉港", "17", "264", "5.6"),
];

#[test]
fn table_4_lists_the_twenty_ports_with_the_papers_values() {
    let d = ds("ports");
    assert_eq!(d.table, Some(4));
    assert_eq!(d.rows.len(), 20, "Table 4 is a top 20");
    for (r, (rank, zh, nov, jan_nov, yoy)) in d.rows.iter().zip(TABLE_4) {
        assert_eq!(r.label.zh, zh, "Table 4 row order");
        assert_printed(d, r.key, "rank", rank, "rank");
        assert_printed(d, r.key, "nov", nov, "teu_10k");
        assert_printed(d, r.key, "jan_nov", jan_nov, "teu_10k");
        assert_printed(d, r.key, "yoy", yoy, "pct");
    }
    // Table 4's header prints "万 Teu", the text "万 TEU": one unit, written one way.
    assert_eq!(d.column("nov").unwrap().unit.unwrap().zh, "万 TEU");
}

#[test]
fn table_4_ranks_run_1_to_20_and_only_noted_cells_break_the_january_to_november_order() {
    let d = ds("ports");
    let rows: Vec<(&str, f64, f64)> = d
        .rows
        .iter()
        .map(|r| {
            let v = |c| r.cell(d, c).unwrap().value.as_ref().unwrap().x;
            (r.key, v("rank"), v("jan_nov"))
        })
        .collect();
    for (i, (key, rank, _)) in rows.iter().enumerate() {
        assert_eq!(*rank, (i + 1) as f64, "{key} should be ranked {}", i + 1);
    }
    let mut breaks = Vec::new();
    for (i, a) in rows.iter().enumerate() {
        for b in &rows[i + 1..] {
            if a.2 < b.2 {
                // b is ranked below a yet handled more.
                let noted = !marked(d, a.0, "jan_nov", NoteKind::Inconsistency).is_empty()
                    || !marked(d, b.0, "jan_nov", NoteKind::Inconsistency).is_empty();
                assert!(noted, "{} ({}) is ranked above {} ({}) with no inconsistency note", a.0, a.2, b.0, b.2);
                breaks.push((a.0, b.0));
            }
        }
    }
    // The paper breaks its own order exactly three times, all through Guangzhou's 3 323.
    assert_eq!(breaks.len(), 3, "{breaks:?}");
    assert!(breaks.iter().all(|(_, b)| *b == "guangzhou"), "{breaks:?}");
    assert_eq!(marked(d, "guangzhou", "jan_nov", NoteKind::Inconsistency), ["guangzhou-rank"]);
}

#[test]
fn shenzhens_november_figure_exceeds_its_january_to_november_total_and_is_noted() {
    let d = ds("ports");
    let nov = value(d, "shenzhen", "nov");
    assert!(close(nov.x, 28_340.0), "printed as 28 340");
    assert!(nov.x > value(d, "shenzhen", "jan_nov").x);
    // A month larger than its own eleven months cannot hold as printed: a probable misprint, which
    // the descriptions name as printed and leave out of their rankings.
    assert_eq!(marked(d, "shenzhen", "nov", NoteKind::Misprint), ["shenzhen-nov"]);
    // No other port's November exceeds its January–November.
    for r in d.rows.iter().filter(|r| r.key != "shenzhen") {
        let v = |c| r.cell(d, c).unwrap().value.as_ref().unwrap().x;
        assert!(v("nov") < v("jan_nov"), "{}", r.key);
    }
}

#[test]
fn port_totals_match_the_ministry_of_transport_figures() {
    let d = ds("port_totals");
    // "全国港口完成货物吞吐量 155.111 9 亿吨,同比增长 8.4%,其中,外贸吞吐量分别增长 9.6%"
    assert_printed(d, "cargo", "value", "155.1119", "t_100m");
    assert_printed(d, "cargo", "yoy", "8.4", "pct");
    assert_printed(d, "foreign_cargo", "yoy", "9.6", "pct");
    assert_empty(d, "foreign_cargo", "value");
    // "全国港口完成集装箱吞吐量 28 383 万 TEU,同比增长 4.9%"
    assert_printed(d, "containers", "value", "28383", "teu_10k");
    assert_printed(d, "containers", "yoy", "4.9", "pct");
    // "已与 100 多个国家和地区建立了航线联系,中国船东拥有的船队规模达到 2.492 亿总吨"
    assert_printed(d, "fleet", "value", "2.492", "gt_100m");
    assert_printed_q(d, "route_countries", "value", Qualifier::Over, "100", "countries");
    // The top 20 of Table 4 handled less than all ports together.
    let top20: f64 =
        ds("ports").rows.iter().map(|r| r.cell(ds("ports"), "jan_nov").unwrap().value.as_ref().unwrap().x).sum();
    assert!(top20 < value(d, "containers", "value").x);
}

#[test]
fn port_cluster_figures_match_yantian_nansha_and_byd() {
    let d = ds("port_cluster");
    // "16 条驳船支线、6 个驳船组合港、12 个内陆港和 30 条海铁联运线路"
    assert_printed(d, "yantian_barge_routes", "value", "16", "routes");
    assert_printed(d, "yantian_combo_ports", "value", "6", "ports");
    assert_printed(d, "yantian_inland_ports", "value", "12", "ports");
    assert_printed(d, "yantian_rail_routes", "value", "30", "routes");
    // "长 399.9 米,宽 61.3 米,可装 24 188 TEU … 在南沙装了 2 000TEU,新能源汽车占了 20%,
    // 次挂盐田港装了 2 000 台新能源车"
    assert_printed(d, "oocl_length", "value", "399.9", "m");
    assert_printed(d, "oocl_beam", "value", "61.3", "m");
    assert_printed(d, "oocl_capacity", "value", "24188", "teu");
    assert_printed(d, "oocl_nansha_teu", "value", "2000", "teu");
    assert_printed(d, "oocl_nansha_nev_share", "value", "20", "pct");
    assert_printed(d, "oocl_yantian_nev", "value", "2000", "cars");
    // "已下单建造两艘 7 000 车双燃料 PCTC 运输船"
    assert_printed(d, "byd_pctc", "value", "2", "ships");
    assert_printed(d, "byd_pctc_capacity", "value", "7000", "car_capacity");
    // "盐田港承担着广东省超 1/3 的外贸进出口量以及全国对美国出口逾 1/4 的货量。盐田港拥有 20 个
    // 集装箱深泊位,粤港澳大湾区唯一近 18 米深"
    assert_printed_q(d, "yantian_gd_share", "value", Qualifier::Over, "1/3", "");
    assert_printed_q(d, "yantian_us_share", "value", Qualifier::Over, "1/4", "");
    assert_printed(d, "yantian_berths", "value", "20", "berths");
    assert_printed_q(d, "yantian_depth", "value", Qualifier::Nearly, "18", "m");
}

// ───────────────────── 三(四), 三(五): lighthouses and unicorns ─────────────────────

#[test]
fn lighthouse_factories_are_62_of_153_with_12_of_the_latest_21() {
    let d = ds("lighthouse");
    // "最新一批全球灯塔工厂有 21 家,其中 12 家在中国(含台湾地区)。至此,全球有 153 座灯塔工厂 …
    // 其中 62 座在中国,占比超过 1/3"
    assert_printed(d, "global_total", "value", "153", "factories");
    assert_printed(d, "china_total", "value", "62", "factories");
    assert_printed_q(d, "china_share", "value", Qualifier::Over, "1/3", "");
    assert_printed(d, "batch_total", "value", "21", "factories_jia");
    assert_printed(d, "batch_china", "value", "12", "factories_jia");
    // "概率要高出三倍,而提前完成规模化扩张的概率要高出 50%"
    assert_printed(d, "network_odds", "value", "3", "times");
    assert_printed(d, "scale_odds", "value", "50", "pct");
    // "海尔集团深入全球 160 多个国家和地区,服务全球 10 亿以及用户家庭;美的集团 … 连续八年入选"
    assert_printed_q(d, "haier_countries", "value", Qualifier::Over, "160", "countries");
    assert_printed(d, "haier_users", "value", "10", "persons_100m");
    assert_printed(d, "midea_fortune", "value", "8", "years");
}

#[test]
fn lighthouse_factories_elsewhere_are_153_minus_62() {
    let d = ds("lighthouse");
    let elsewhere = value(d, "elsewhere_total", "value");
    assert_eq!(elsewhere.status, Status::Derived);
    assert_eq!(elsewhere.text, "91");
    assert_eq!(value(d, "batch_elsewhere", "value").text, "9");
    // 62 / 153 = 40.5 %, which is indeed "over 1/3".
    let share = value(d, "china_share_derived", "value");
    assert_eq!(share.text, "40.5");
    assert!(share.x > 100.0 / 3.0);
}

#[test]
fn the_latest_lighthouse_batch_is_counted_in_jia_as_printed() {
    // "最新一批全球灯塔工厂有 21 家,其中 12 家在中国": the batch is counted in 家, the totals in 座,
    // and units.csv promises units "exactly as the paper prints them".
    let d = ds("lighthouse");
    assert_eq!(cell(d, "global_total", "value").unit.unwrap().zh, "座");
    assert_eq!(cell(d, "china_total", "value").unit.unwrap().zh, "座");
    assert_eq!(cell(d, "batch_total", "value").unit.unwrap().zh, "家");
    assert_eq!(cell(d, "batch_china", "value").unit.unwrap().zh, "家");
}

#[test]
fn unicorns_are_1100_with_650_american_and_347_chinese() {
    let d = ds("unicorns");
    // "全球独角兽企业 1 100 家,其中美国有 650 家,中国有 347 家位居第二 … 在先进制造业领域就有 68 家,几近 20%"
    assert_printed(d, "global", "value", "1100", "firms");
    assert_printed(d, "usa", "value", "650", "firms");
    assert_printed(d, "china", "value", "347", "firms");
    assert_printed(d, "china_adv_mfg", "value", "68", "firms");
    assert_printed_q(d, "china_adv_mfg_share", "value", Qualifier::Nearly, "20", "pct");
    // "2023 年度实现营业收入超 621 亿元 … 其中一款位列第 9"
    assert_printed_q(d, "transsion_revenue", "value", Qualifier::Over, "621", "cny_100m");
    assert_printed(d, "transsion_rank", "value", "9", "rank");
    // 1 100 − 650 − 347 = 103 elsewhere.
    let rest = value(d, "rest", "value");
    assert_eq!(rest.status, Status::Derived);
    assert_eq!(rest.text, "103");
    assert!(close(rest.x, 103.0));
    // 68 / 347 = 19.6 %: "几近 20%".
    assert!((68.0_f64 / 347.0 * 100.0 - 19.6).abs() < 0.05);
}

// ───────────────────── 四(一), 五(三): e-commerce ─────────────────────

#[test]
fn cross_border_e_commerce_figures_match_the_paper() {
    let d = ds("ecommerce");
    // "商务部统计跨境电商主体已超 10 万家,建设的独立站超过 20 万个"
    assert_printed_q(d, "entities", "value", Qualifier::Over, "10", "firms_10k");
    assert_printed_q(d, "independent_sites", "value", Qualifier::Over, "20", "sites_10k");
    // "2023 年 1—6 月份我国跨境电商进出口额达 1.1 万亿元,同比增长 16%,跨境电商货物进出口规模占外贸比重
    // 由 5 年前的不足 1%上升到 5%左右"
    assert_printed(d, "h1_value", "value", "1.1", "cny_tn");
    assert_printed(d, "h1_value", "yoy", "16", "pct");
    assert_printed_q(d, "trade_share", "value", Qualifier::About, "5", "pct");
    assert_printed_q(d, "trade_share_5y_ago", "value", Qualifier::Under, "1", "pct");
    // "2023 年全国跨境电商进出口 2.38 万亿元,同比增长 15.6%,其中出口跨境电商总额达 1.83 万亿元,同比增长 19.6%"
    assert_printed(d, "full_year_value", "value", "2.38", "cny_tn");
    assert_printed(d, "full_year_value", "yoy", "15.6", "pct");
    assert_printed(d, "full_year_exports", "value", "1.83", "cny_tn");
    assert_printed(d, "full_year_exports", "yoy", "19.6", "pct");
    // "中小微企业占比超过了 90%。数百万中小微外贸企业贡献了中国出口交易额的 60%以上"
    assert_printed_q(d, "sme_new_share", "value", Qualifier::Over, "90", "pct");
    assert_printed_q(d, "sme_export_share", "value", Qualifier::Over, "60", "pct");
    // "2023 年中国社会消费品零售总额为 41.7 万亿元"
    assert_printed(d, "retail_sales", "value", "41.7", "cny_tn");
    // Implied imports: 2.38 − 1.83 = 0.55.
    let imports = value(d, "full_year_imports", "value");
    assert_eq!(imports.status, Status::Derived);
    assert!((imports.x - 0.55).abs() < 1e-9);
}

#[test]
fn e_commerce_penetration_forecasts_match_the_eight_countries() {
    // "中国电商渗透率将从 27.2%升至 31.9%;美国 … 20.8% … 27.4%;印度 16.5% … 19.7%;日本 13.9% … 17.7%;
    // 澳大利亚 12.5% … 15.7%;巴西 11.5% … 14.3%;加拿大 9.5% … 12.3%;法国 6.5% … 11.7%"
    let expected = [
        ("中国", "27.2", "31.9"),
        ("美国", "20.8", "27.4"),
        ("印度", "16.5", "19.7"),
        ("日本", "13.9", "17.7"),
        ("澳大利亚", "12.5", "15.7"),
        ("巴西", "11.5", "14.3"),
        ("加拿大", "9.5", "12.3"),
        ("法国", "6.5", "11.7"),
    ];
    let d = ds("penetration");
    assert_eq!(d.rows.len(), 8);
    for (r, (zh, y2020, y2025)) in d.rows.iter().zip(expected) {
        assert_eq!(r.label.zh, zh);
        assert_printed(d, r.key, "y2020", y2020, "pct");
        assert_printed(d, r.key, "y2025", y2025, "pct");
    }
    // In percentage points the US gains most (+6.6), France second (+5.2).
    let mut gains: Vec<(&str, f64)> =
        d.rows.iter().map(|r| (r.label.zh, r.cell(d, "change").unwrap().value.as_ref().unwrap().x)).collect();
    gains.sort_by(|a, b| b.1.total_cmp(&a.1));
    assert_eq!(gains[0], ("美国", 6.6));
    assert_eq!(gains[1], ("法国", 5.2));
}

#[test]
fn the_fastest_growing_markets_are_four_in_southeast_asia_and_two_in_latin_america() {
    // "东南亚有 4 个(印尼、越南、菲律宾、马来西亚),拉美有 2 个(墨西哥、阿根廷)"
    let d = ds("fastest_markets");
    let got: Vec<(&str, &str)> = d.rows.iter().map(|r| (r.label.zh, r.group.map(|g| g.zh).unwrap_or(""))).collect();
    assert_eq!(
        got,
        [
            ("印尼", "东南亚"),
            ("越南", "东南亚"),
            ("菲律宾", "东南亚"),
            ("马来西亚", "东南亚"),
            ("墨西哥", "拉美"),
            ("阿根廷", "拉美"),
        ]
    );
}

#[test]
fn guangdong_figures_match_section_five() {
    let d = ds("guangdong");
    // "占全国进出口总值的 19.88%,连续 38 年为全国外贸第一大省"
    assert_printed(d, "trade_share", "value", "19.88", "pct");
    assert_printed(d, "years_first", "value", "38", "years");
    // ""国家先进制造业产业集群"就有 7 个在广东"
    assert_printed(d, "adv_clusters", "value", "7", "clusters");
    // "2022 年广东省跨境电商进出口值达 6 454 亿元,规模在 8 年内扩大近 43 倍,年均增速高达 72%;
    // 广东占全国跨境电商进出口总值的 43.4%"
    assert_printed(d, "cbec_value", "value", "6454", "cny_100m");
    assert_printed_q(d, "cbec_growth_multiple", "value", Qualifier::Nearly, "43", "times");
    assert_printed(d, "cbec_cagr", "value", "72", "pct");
    assert_printed(d, "cbec_national_share", "value", "43.4", "pct");
}

// ───────────────────── 四(二): overseas warehouses ─────────────────────

#[test]
fn overseas_warehouse_figures_match_the_blue_book_as_cited() {
    let d = ds("warehouses");
    // "到 2023 年 6 月止,在中国海关有正式备案的跨境电商海外仓企业已经达到 1 713 家"
    assert_printed(d, "customs_registered", "value", "1713", "firms");
    // "合计共建有 2 356 个仓库,较 2021 年增长 30.17%,总面积合计约 2 600 万平方米,较上年末增长了大约 58%"
    assert_printed(d, "top10_count", "value", "2356", "warehouses");
    assert_printed(d, "top10_count", "yoy", "30.17", "pct");
    assert_printed_q(d, "top10_area", "value", Qualifier::About, "2600", "m2_10k");
    assert_printed_q(d, "top10_area", "yoy", Qualifier::About, "58", "pct");
    // "美国市场方面 2022 年新增 253 个海外仓,新增面积约 653.5 万平方米,平均单仓面积达到 1.41 万平方米"
    assert_printed(d, "us_new", "value", "253", "warehouses");
    assert_printed_q(d, "us_new_area", "value", Qualifier::About, "653.5", "m2_10k");
    assert_printed(d, "us_avg_area", "value", "1.41", "m2_10k");
    // "新兴市场 … 的海外仓数量合计约有 268 个,较上年增长了 56.72%"
    assert_printed_q(d, "emerging_count", "value", Qualifier::About, "268", "warehouses");
    assert_printed(d, "emerging_count", "yoy", "56.72", "pct");
    // "东南亚海外仓总面积已超过 100 万平方米,单仓面积约 7 000 平方米"; area growth "都超过 100%"
    assert_printed_q(d, "sea_area", "value", Qualifier::Over, "100", "m2_10k");
    assert_printed_q(d, "sea_area", "yoy", Qualifier::Over, "100", "pct");
    assert_printed_q(d, "sea_avg_area", "value", Qualifier::About, "7000", "m2");
}

#[test]
fn the_top_ten_warehouse_countries_are_listed_in_the_papers_order() {
    // "美国、德国、英国、加拿大、日本、澳洲(含新西兰)、俄罗斯、西班牙、法国、意大利"
    let expected = ["美国", "德国", "英国", "加拿大", "日本", "澳洲(含新西兰)", "俄罗斯", "西班牙", "法国", "意大利"];
    let d = ds("warehouse_top10");
    assert_eq!(d.figure, Some(2));
    let got: Vec<&str> = d.rows.iter().map(|r| r.label.zh).collect();
    assert_eq!(got, expected);
    for (i, r) in d.rows.iter().enumerate() {
        assert_printed(d, r.key, "rank", &(i + 1).to_string(), "rank");
    }
}

#[test]
fn emerging_market_warehouses_grew_over_30_percent_except_india() {
    // "除印度外,增速均超过了 30%,东南亚的增速更是高达惊人的 91.55%。面积方面,东南亚、拉美、非洲的
    // 海外仓总面积增长都超过 100%"
    let d = ds("warehouse_emerging");
    assert_printed(d, "emerging_total", "count_growth", "56.72", "pct");
    assert_printed(d, "southeast_asia", "count_growth", "91.55", "pct");
    for key in ["middle_east", "latin_america", "africa"] {
        assert_printed_q(d, key, "count_growth", Qualifier::Over, "30", "pct");
    }
    for key in ["southeast_asia", "latin_america", "africa"] {
        assert_printed_q(d, key, "area_growth", Qualifier::Over, "100", "pct");
    }
    assert_empty(d, "middle_east", "area_growth");
    assert_empty(d, "india", "count_growth");
    assert_empty(d, "india", "area_growth");
}

#[test]
fn the_three_warehouse_models_follow_figure_1() {
    // "(1)商家自建海外仓(如京东印尼仓等);(2)电商平台海外仓(如亚玛逊 FBA 仓);(3)第三方海外仓"
    let d = ds("warehouse_models");
    assert_eq!(d.figure, Some(1));
    let got: Vec<&str> = d.rows.iter().map(|r| r.label.zh).collect();
    assert_eq!(got, ["商家自建海外仓", "电商平台海外仓", "第三方海外仓"]);
    assert!(row(d, "platform").detail.unwrap().zh.contains("亚玛逊"));
}

#[test]
fn supplementary_warehouse_counts_match_the_sources_found() {
    // From ../shared/data/overseas_warehouses_found.csv (outside the paper).
    let d = ds("warehouse_found");
    assert!(d.supplementary);
    let sup = |key: &str, col: &str, qual: Qualifier, text: &str| {
        let v = value(d, key, col);
        assert_eq!((v.text, v.qual, v.status), (text, qual, Status::Supplementary), "{key}:{col}");
        assert!(close(v.x, number_of(text)));
    };
    use Qualifier::{About, Exact, Over, Under};
    sup("top10_total", "count_2021", Exact, "1810");
    sup("top10_total", "count_2022", Exact, "2356");
    sup("top10_total", "growth_2021", Exact, "39.55");
    sup("top10_total", "growth_2022", Exact, "30.17");
    sup("usa", "count_2022", Exact, "1178");
    sup("usa", "growth_2022", Exact, "27.35");
    sup("canada", "count_2022", Over, "100");
    sup("canada", "growth_2021", Exact, "155.88");
    sup("canada", "growth_2022", Exact, "73.56");
    sup("germany", "count_2022", Over, "200");
    sup("uk", "count_2022", Over, "200");
    sup("japan", "count_2022", Over, "100");
    sup("france", "count_2022", About, "59");
    // "合计约有 268 个": the paper says "about", and so does the supplementary row.
    sup("emerging_total", "count_2022", About, "268");
    sup("emerging_total", "growth_2022", Exact, "56.72");
    sup("southeast_asia", "growth_2022", Exact, "91.55");
    sup("indonesia", "count_2022", Exact, "22");
    sup("middle_east", "count_2022", Exact, "59");
    sup("middle_east", "growth_2022", About, "30");
    sup("latin_america", "growth_2022", Exact, "38.10");
    sup("africa", "growth_2022", Over, "30");
    sup("india", "growth_2022", Under, "30");
    // Derived: 1 810 / 1.3955 = 1 297;268 / 1.5672 = 171.
    let derived = |key: &str, col: &str, text: &str| {
        let v = value(d, key, col);
        assert_eq!((v.text, v.status), (text, Status::SupplementaryDerived), "{key}:{col}");
    };
    derived("top10_total", "count_2020", "1297");
    derived("usa", "count_2021", "925");
    derived("emerging_total", "count_2021", "171");
    // Derived from an "about" figure, 171 is itself "about".
    assert_eq!(value(d, "emerging_total", "count_2021").qual, About);
    assert_eq!(value(d, "usa", "count_2021").qual, Exact);
    // The paper's stated figures and the supplementary ones agree where they overlap.
    let w = ds("warehouses");
    assert_eq!(value(d, "top10_total", "count_2022").x, value(w, "top10_count", "value").x);
    assert_eq!(value(d, "emerging_total", "count_2022").x, value(w, "emerging_count", "value").x);
}

#[test]
fn supplementary_us_2021_count_implies_the_papers_253_new_us_warehouses() {
    // 1 178 / 1.2735 ≈ 925, and 1 178 − 925 = 253: the paper's "2022 年新增 253 个海外仓".
    let d = ds("warehouse_found");
    let y2021 = value(d, "usa", "count_2021");
    assert_eq!(y2021.status, Status::SupplementaryDerived);
    assert!(close(y2021.x, 1178.0 / 1.2735));
    assert_eq!(y2021.text, "925");
    let added = value(d, "usa", "count_2022").x - y2021.x;
    assert!((added - value(ds("warehouses"), "us_new", "value").x).abs() < 0.5, "{added}");
}

// ───────────────────── derived values show the precision of their inputs ─────────────────────

#[test]
fn implied_2022_container_volumes_show_no_decimals_from_whole_number_growth_rates() {
    // Used to show four decimals ("992.4709"): 863.449 7 ÷ (1 − 13 %), where −13 % has two
    // significant figures. The value itself keeps full precision.
    let d = ds("shipping");
    let la = value(d, "la_teu", "v2022");
    assert_eq!(la.text, "992");
    assert!(close(la.x, 863.4497 / 0.87));
    // 1 072.847 7 ÷ (1 − 12.6 %): three significant figures, whole units.
    assert_eq!(value(d, "cn_us_teu", "v2022").text, "1228");
}

#[test]
fn the_implied_2022_surplus_is_shown_in_whole_units_of_100_million_dollars() {
    // Used to show three decimals of 亿美元 ("8374.568") from 8 232.2 at −1.7 %.
    let d = ds("headline");
    assert_eq!(value(d, "surplus", "usd_2022").text, "8375");
    // 5.94 trillion at −5.0 %: 6.25, where three decimals were shown.
    assert_eq!(value(d, "trade", "usd_2022").text, "6.25");
    assert!(close(value(d, "trade", "usd_2022").x, 5.94 / 0.95));
}

#[test]
fn a_share_of_two_counts_keeps_its_decimal_because_counts_are_exact() {
    // 62 of 153 lighthouse factories: whole counts of things are exact, so 40.5 % keeps its decimal.
    assert_eq!(value(ds("lighthouse"), "china_share_derived", "value").text, "40.5");
    // Table 3's implied 2022 exports carry the three significant figures of their growth rates.
    assert_eq!(value(ds("partners"), "usa", "exports_2022").text, "7516");
}

// ───────────────────── catalogue-wide checks ─────────────────────

#[test]
fn every_derived_value_is_marked_derived_and_carries_its_formula() {
    let mut problems = Vec::new();
    for d in DATASETS {
        for r in d.rows {
            for (c, col) in r.cells.iter().zip(d.columns) {
                let Some(v) = &c.value else { continue };
                let at = format!("{}:{}:{}", d.id, r.key, col.id);
                match (v.status, v.expr) {
                    (Status::Derived | Status::SupplementaryDerived, Some(_)) => {}
                    (Status::Stated | Status::Supplementary, None) => {}
                    (s, e) => problems.push(format!("{at}: status {s:?} with formula {e:?}")),
                }
                if v.status.is_supplementary() != d.supplementary {
                    problems.push(format!(
                        "{at}: status {:?} in a dataset with supplementary = {}",
                        v.status, d.supplementary
                    ));
                }
                if let Some(e) = col.expr {
                    if v.expr != Some(e) {
                        problems.push(format!("{at}: derived column's formula '{e}' but the cell has {:?}", v.expr));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// This recomputes each formula with `parse::evaluate`, the very evaluator the build script uses: it
/// checks that the stored values and their rounding follow from the printed cells, not the evaluator
/// itself. `a_sample_of_derived_values_matches_plain_arithmetic` below checks the evaluator against
/// arithmetic written out by hand.
#[test]
fn every_derived_value_recomputes_from_its_formula() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for d in DATASETS {
        for r in d.rows {
            for (c, col) in r.cells.iter().zip(d.columns) {
                let Some(v) = &c.value else { continue };
                let Some(expr) = v.expr else { continue };
                let at = format!("{}:{}:{}", d.id, r.key, col.id);
                match recompute(d, r, expr) {
                    Some(x) => {
                        // The value is kept in full; its text is that value rounded.
                        if !close(x, v.x) {
                            problems.push(format!("{at}: '{expr}' gives {x} but the value is {}", v.x));
                        }
                        let shown = format!("{:.*}", decimals_of(v.text) as usize, v.x);
                        if shown.trim_start_matches('-') != v.text.trim_start_matches('-') || v.text.contains(' ') {
                            problems.push(format!("{at}: text {} is not x {} rounded", v.text, v.x));
                        }
                        checked += 1;
                    }
                    None => problems.push(format!("{at}: '{expr}' cannot be computed yet has a value")),
                }
            }
        }
    }
    assert!(checked >= 40, "only {checked} derived values found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_sample_of_derived_values_matches_plain_arithmetic() {
    // Each formula written out in Rust from the paper's printed numbers, not through the evaluator.
    let cases: [(&str, &str, &str, f64); 6] = [
        // Table 1, steel: value −8.3 %, quantity +36.2 %.
        ("commodities", "steel", "unit_value_yoy", (1.0 - 0.083) / (1.0 + 0.362) * 100.0 - 100.0),
        // Table 3, US: 6 644.51 at −11.6 %.
        ("partners", "usa", "exports_2022", 6644.51 / (1.0 - 0.116)),
        // Table 2 and text, ASEAN: trade 9 117.18 less exports 5 236.74.
        ("regions", "asean", "imports", 9117.18 - 5236.74),
        // 二(二): completions 4 232 at +11.8 %, half of them (50.2 %) for export.
        ("shipbuilding", "completions", "export_volume", 4232.0 * 0.502),
        // 三(五): 1 100 − 650 − 347.
        ("unicorns", "rest", "value", 1100.0 - 650.0 - 347.0),
        // 四(一) forecasts: the US from 20.8 % to 27.4 %.
        ("penetration", "usa", "change", 27.4 - 20.8),
    ];
    for (id, key, col, want) in cases {
        let v = value(ds(id), key, col);
        assert!(close(v.x, want), "{id}:{key}:{col} is {} ({}), arithmetic gives {want}", v.x, v.text);
        assert!(v.status.is_derived(), "{id}:{key}:{col}");
    }
}

#[test]
fn no_value_is_nan_or_infinite() {
    for d in DATASETS {
        for r in d.rows {
            for (c, col) in r.cells.iter().zip(d.columns) {
                if let Some(v) = &c.value {
                    assert!(v.x.is_finite(), "{}:{}:{} is {}", d.id, r.key, col.id, v.x);
                    if let Some(hi) = v.hi {
                        assert!(hi.is_finite() && hi >= v.x, "{}:{}:{}", d.id, r.key, col.id);
                    }
                }
            }
        }
    }
}

#[test]
fn every_dataset_names_its_title_agency_period_section_and_caption_in_both_languages() {
    for d in DATASETS {
        for (what, l) in [("title", d.title), ("agency", d.agency), ("period", d.period), ("caption", d.caption)] {
            assert!(!l.zh.trim().is_empty(), "{}: {what} (zh) is empty", d.id);
            assert!(!l.en.trim().is_empty(), "{}: {what} (en) is empty", d.id);
        }
        assert!(!d.section.trim().is_empty(), "{}: no paper section", d.id);
        assert!(registry::section(d.page).is_some(), "{}: unknown page '{}'", d.id, d.page);
        for c in d.columns {
            assert!(!c.label.zh.is_empty() && !c.label.en.is_empty(), "{}:{} unlabeled", d.id, c.id);
        }
        for r in d.rows {
            assert!(!r.label.zh.is_empty() && !r.label.en.is_empty(), "{}:{} unlabeled", d.id, r.key);
        }
    }
}

// ───────────────────── the build-time rules, on the real files ─────────────────────
//
// The build script refuses a malformed file, so a test over the compiled data can only pass. These
// tests feed the build's own rules (`data::rules`) the real files with one defect each, checked against
// their real declarations (`data/datasets.toml`, read by `rules::catalogue` as the build reads it), and
// check the exact message the build would print.

/// The text of a file under `data/`.
fn data_file(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/data/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Every dataset's declaration, read from the real `data/datasets.toml` by the build's own rule.
fn declarations() -> Vec<(String, DatasetDecl)> {
    let cat = catalogue::load(&data_file("datasets.toml")).unwrap();
    cat.dataset.iter().map(|d| (d.file.clone(), d.decl(&d.period(&format!("dataset '{}'", d.id)).unwrap()))).collect()
}

/// The file and declaration of dataset `id`.
fn declaration(id: &str) -> (String, DatasetDecl) {
    declarations().into_iter().find(|(_, d)| d.id == id).unwrap_or_else(|| panic!("no dataset '{id}'"))
}

fn units_table() -> Vec<UnitRow> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/units.csv")).unwrap();
    units::read(&Table::parse("data/units.csv", &text).unwrap()).unwrap()
}

/// The build's verdict on `data/<file>` after `edit` changed its text.
fn compile_edited(id: &str, edit: impl Fn(String) -> String) -> Result<(), String> {
    let (file, decl) = declaration(id);
    let text = data_file(&file);
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit changed nothing");
    dataset::compile(&decl, &Table::parse(&format!("data/{file}"), &edited)?, &units_table()).map(|_| ())
}

/// The tests around this one start from what the build compiles: every real file, checked by the
/// rules against its real declaration, passes and gives the rows the build wrote. So the error each
/// of them expects comes from its one edit. (This fails if the tests' path to the rules ever
/// differs from the build's.)
#[test]
fn the_real_files_pass_the_rules_these_tests_break() {
    let units = units_table();
    let all = declarations();
    assert_eq!(all.len(), DATASETS.len());
    for (file, decl) in &all {
        let compiled =
            dataset::compile(decl, &Table::parse(&format!("data/{file}"), &data_file(file)).unwrap(), &units)
                .unwrap_or_else(|e| panic!("{}: {e}", decl.id));
        let built = ds(&decl.id);
        let keys: Vec<&str> = compiled.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, built.rows.iter().map(|r| r.key).collect::<Vec<_>>(), "{}", decl.id);
        for (r, b) in compiled.rows.iter().zip(built.rows) {
            let texts: Vec<Option<&str>> = r.cells.iter().map(|c| c.value.as_ref().map(|v| v.text.as_str())).collect();
            let built_texts: Vec<Option<&str>> = b.cells.iter().map(|c| c.value.as_ref().map(|v| v.text)).collect();
            assert_eq!(texts, built_texts, "{}:{}", decl.id, r.key);
        }
    }
}

#[test]
fn a_figure_split_as_the_pdf_prints_it_stops_the_build_with_the_readmes_message() {
    // README: "data/partners.csv:3: column 'exports': cannot read '6 644.51' as a printed figure".
    // Line 3 is Japan; the README's example puts the US figure there.
    let e = compile_edited("partners", |t| t.replace("3179.99", "6 644.51")).unwrap_err();
    assert_eq!(e, "data/partners.csv:3: column 'exports': cannot read '6 644.51' as a printed figure");
}

#[test]
fn a_note_named_by_a_row_but_never_declared_stops_the_build() {
    let e = compile_edited("ports", |t| t.replace("shenzhen-nov", "shenzhen-november")).unwrap_err();
    assert_eq!(e, "data/ports.csv:4: unknown note 'shenzhen-november'");
}

#[test]
fn a_derived_column_typed_into_the_file_stops_the_build() {
    // Table 2's implied imports are computed (trade − exports); typing them in is refused.
    let add_column = |t: String| {
        let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
        for (i, l) in lines.iter_mut().enumerate() {
            l.push_str(if i == 0 { ",imports" } else { ",3880.44" });
        }
        lines.join("\n")
    };
    let e = compile_edited("regions", add_column).unwrap_err();
    assert_eq!(e, "data/regions.csv (dataset 'regions'): derived column 'imports' must not be written in the file");
    let e = compile_edited("regions", |t| t.replacen("notes", "notes,imports", 1)).unwrap_err();
    assert_eq!(e, "data/regions.csv:2: 10 fields, the header has 11");
}

#[test]
fn a_port_entity_spelt_with_capitals_stops_the_build() {
    let e = compile_edited("ports", |t| t.replace("port:qingdao", "port:Qingdao")).unwrap_err();
    assert_eq!(
        e,
        "data/ports.csv:5: entity 'port:Qingdao' is not an ISO alpha-3 code, ASEAN/EU/BRI, or port:/prov:/region: id"
    );
}

#[test]
fn every_row_of_a_supplementary_dataset_names_its_source() {
    let mut supplementary = 0;
    for d in DATASETS {
        for r in d.rows {
            if d.supplementary {
                let src = r.source.unwrap_or_else(|| panic!("{}:{} has no source", d.id, r.key));
                assert!(src.starts_with("https://"), "{}:{} source '{src}'", d.id, r.key);
            } else {
                assert!(r.source.is_none(), "{}:{} is from the paper yet names a source", d.id, r.key);
            }
        }
        supplementary += d.supplementary as usize;
    }
    assert_eq!(supplementary, 1, "only warehouse_found comes from outside the paper");
}

// ───────────────────── periods: stated, inferred with a reason, or not given ─────────────────────

/// The period readers see for a row (its own, or its dataset's), with its basis.
fn period_of(d: &'static Dataset, key: &str) -> (L, PeriodBasis) {
    let r = row(d, key);
    (r.period.unwrap_or(d.period), r.period_basis.unwrap_or(d.period_basis))
}

#[test]
fn indonesias_smes_carry_no_date_because_the_paper_gives_none() {
    // 五(一): "印尼中小微企业超过 6 400 万家,占全国经济近 2/3" — no year (the data said "2023").
    let d = ds("ecommerce");
    for key in ["id_smes", "id_smes_share"] {
        let (text, basis) = period_of(d, key);
        assert_eq!(basis, PeriodBasis::NotGiven, "{key}");
        assert_eq!((text.zh, text.en), ("原文未注明时间", "Date not given in the paper"), "{key}");
    }
    // Nor does the SMEs' share of exports (五(三)1: "数百万中小微外贸企业贡献了中国出口交易额的 60%以上").
    assert_eq!(period_of(d, "sme_export_share").1, PeriodBasis::NotGiven);
}

#[test]
fn guangdongs_43_times_is_within_eight_years_as_the_paper_says_not_2015_to_2022() {
    // 五(三)5: "规模在 8 年内扩大近 43 倍" names no years.
    let g = ds("guangdong");
    for key in ["cbec_growth_multiple", "cbec_cagr"] {
        let (text, basis) = period_of(g, key);
        assert_eq!((text.zh, text.en, basis), ("8 年内", "Within eight years", PeriodBasis::Paper), "{key}");
    }
}

#[test]
fn the_atlas_infers_exactly_these_periods_and_shows_why() {
    // (dataset, row, the period, a word of the reason): the reason is part of what readers see.
    let inferred = [
        ("ecommerce", "trade_share", "2023 年 1—6 月", "1—6 月"),
        ("ecommerce", "trade_share_5y_ago", "约 2018 年", "5 年前"),
        ("shipping", "cn_us_decline_months", "截至 2023 年末", "脚注②"),
        ("port_cluster", "oocl_yantian_nev", "2023 年 8 月 25 日之后", "8 月 25 号"),
    ];
    let mut found = Vec::new();
    for d in DATASETS {
        for r in d.rows {
            if r.period_basis != Some(PeriodBasis::Inferred) {
                continue;
            }
            found.push((d.id, r.key));
            let listed = inferred.iter().find(|i| (i.0, i.1) == (d.id, r.key));
            let (_, _, text, word) =
                listed.unwrap_or_else(|| panic!("{}:{} is inferred but not listed here", d.id, r.key));
            let shown = r.period.unwrap();
            let why = shown.zh.strip_prefix(&format!("{text}(推断:")).and_then(|w| w.strip_suffix(')'));
            assert!(why.is_some_and(|w| w.contains(word)), "{}:{}: {}", d.id, r.key, shown.zh);
            assert!(shown.en.contains(" (inferred: ") && shown.en.ends_with(')'), "{}", shown.en);
        }
        assert_ne!(d.period_basis, PeriodBasis::Inferred, "{}: no dataset-wide period is inferred", d.id);
    }
    assert_eq!(found.len(), inferred.len(), "{found:?}");
}

#[test]
fn the_yantian_call_and_the_fourteen_months_are_no_longer_dated_as_if_printed() {
    // 二(四)3 dates only the Nansha call ("8 月 25 号首靠南沙港"); 一(五) gives "连续 14 个月" no end.
    let (text, basis) = period_of(ds("port_cluster"), "oocl_yantian_nev");
    assert!(basis == PeriodBasis::Inferred && text.en.starts_with("After 25 Aug 2023 (inferred: "));
    let (nansha, _) = period_of(ds("port_cluster"), "oocl_nansha_teu");
    assert_eq!(nansha.zh, "2023 年 8 月 25 日");
    let (text, basis) = period_of(ds("shipping"), "cn_us_decline_months");
    assert!(basis == PeriodBasis::Inferred && text.en.contains("19 Jan 2024"), "{}", text.en);
}

#[test]
fn undated_claims_no_longer_inherit_their_datasets_period() {
    // Rows that used to inherit "截至 2023 年 12 月", "2023 年" or "2022—2023 年" though the paper
    // dates nothing there.
    for (id, keys) in [
        ("lighthouse", &["network_odds", "scale_odds", "haier_countries", "haier_users", "midea_fortune"][..]),
        ("port_cluster", &["yantian_gd_share", "yantian_us_share", "yantian_berths", "yantian_depth", "byd_pctc"][..]),
        ("guangdong", &["adv_clusters"][..]),
        ("port_totals", &["fleet", "route_countries"][..]),
    ] {
        for key in keys {
            assert_eq!(period_of(ds(id), key).1, PeriodBasis::NotGiven, "{id}:{key}");
        }
    }
    // "近年来一方面稳定发展十大战略性支柱产业": the paper's own words.
    assert_eq!(
        period_of(ds("guangdong"), "pillar_industries"),
        (L::new("近年来", "In recent years"), PeriodBasis::Paper)
    );
}

#[test]
fn the_build_refuses_a_year_the_paper_does_not_give() {
    // Putting back the old "2023" on Indonesia's SMEs, as if the paper said it, stops the build.
    let e = compile_edited("ecommerce", |t| {
        t.replace(",nearly 2/3,,,,,not given,", ",nearly 2/3,,,2023 年,2023,paper: 占全国经济近 2/3,")
    })
    .unwrap_err();
    assert_eq!(e, "data/ecommerce.csv:15: period '2023 年': 2023 is not in the paper's words '占全国经济近 2/3'");
    // And a period with no basis at all is none of stated, inferred or not given.
    let e =
        compile_edited("guangdong", |t| t.replace(",8 年内,Within eight years,paper,", ",8 年内,Within eight years,,"))
            .unwrap_err();
    assert!(e.starts_with("data/guangdong.csv:7: period '8 年内' needs a basis:"), "{e}");
}

// ───────────────────── footnotes ①–④ and their dates ─────────────────────

#[test]
fn the_four_source_footnotes_carry_the_papers_dates() {
    // ① "…Drewry 德路里国际航运研究和咨询机构公众号 2024 年 1 月 12 号"; ② "…港口圈公众号 2024 年 1 月 19 号";
    // ③ "…广东进出口商会公众号 2023 年 10 月 07 号"; ④ "…现代供应链联盟公众号 2023 年 10 月 12 号,第 02 部分“趋势”".
    let dates: Vec<(&str, &str)> = FOOTNOTES.iter().map(|f| (f.mark, f.iso_date)).collect();
    assert_eq!(dates, [("①", "2024-01-12"), ("②", "2024-01-19"), ("③", "2023-10-07"), ("④", "2023-10-12")]);
    assert_eq!(FOOTNOTES[0].title.zh, "集装箱运价透视");
    assert_eq!(FOOTNOTES[3].part.unwrap().zh, "第 02 部分“趋势”");
    assert_eq!(FOOTNOTES[1].date.en, "19 Jan 2024");
}

#[test]
fn the_rows_that_cite_a_footnote_carry_it_in_their_provenance() {
    let marks = |id: &str, key: &str| -> Vec<&str> { row(ds(id), key).footnotes.iter().map(|f| f.mark).collect() };
    for key in ["drewry_planned", "drewry_cancelled", "drewry_rate", "drewry_operated"] {
        assert_eq!(marks("shipping", key), ["①"], "{key}");
    }
    for key in ["la_teu", "cn_us_teu", "cn_us_decline_months"] {
        assert_eq!(marks("shipping", key), ["②"], "{key}");
    }
    assert!(marks("shipping", "red_sea_delay").is_empty() && marks("shipping", "container_revenue_fall").is_empty());
    // ③ and ④ cover whole datasets: every row carries them.
    assert!(ds("fastest_markets").rows.iter().all(|r| r.footnotes.iter().map(|f| f.mark).eq(["③"])));
    assert!(ds("penetration").rows.iter().all(|r| r.footnotes.iter().map(|f| f.mark).eq(["④"])));
    // Drewry's article (①, 12 January) predates the window it counts (from 15 January 2024).
    let drewry = row(ds("shipping"), "drewry_cancelled");
    assert_eq!(drewry.period_basis, Some(PeriodBasis::Paper));
    assert!(drewry.period.unwrap().zh.starts_with("2024 年 1 月 15 日") && drewry.footnotes[0].iso_date < "2024-01-15");
}

// ───────────────────── what the paper states without a figure ─────────────────────

#[test]
fn the_millions_of_smes_in_foreign_trade_are_carried_as_the_paper_words_them() {
    // 五(三)1: "数百万中小微外贸企业贡献了中国出口交易额的 60%以上": "several million", no exact figure.
    let d = ds("ecommerce");
    let r = row(d, "sme_count");
    assert!(r.detail.unwrap().zh.starts_with("数百万") && r.detail.unwrap().en.starts_with("several million"));
    assert!(r.cells.iter().all(|c| c.value.is_none()), "the paper gives no number to chart");
    assert_eq!((r.section, r.period_basis), (Some("五(三)1"), Some(PeriodBasis::NotGiven)));
}

#[test]
fn ranks_the_paper_states_are_data() {
    // 五(三)5 "广东…在全国名列榜首"; 一(五) "美国最大集装箱港洛杉矶"; 一(四)1 "第一大贸易伙伴东盟…第二大贸易伙伴欧盟";
    // 二(二) "各项指标国际市场份额均保持世界第一"; 二(四) "已超越希腊成为世界最大船东国".
    assert_printed(ds("guangdong"), "cbec_rank", "value", "1", "rank");
    assert_printed(ds("shipping"), "la_rank", "value", "1", "rank");
    assert_eq!(row(ds("shipping"), "la_rank").entities, ["port:port_los_angeles"]);
    assert_printed(ds("regions"), "asean", "partner_rank", "1", "rank");
    assert_printed(ds("regions"), "eu", "partner_rank", "2", "rank");
    assert_empty(ds("regions"), "bri", "partner_rank");
    for key in ["completions", "new_orders", "order_book"] {
        assert_printed(ds("shipbuilding"), key, "world_rank", "1", "rank");
    }
    assert_printed(ds("port_totals"), "shipowner_rank", "value", "1", "rank");
    assert_eq!(period_of(ds("port_totals"), "shipowner_rank").1, PeriodBasis::NotGiven);
}

#[test]
fn the_timeline_lists_the_papers_dated_events_in_order_with_their_sections() {
    // (key, the date as the paper gives it, the section).
    let expected = [
        ("internet_plus_circulation", "2015 年 5 月", "四(二)"), // "2015 年 5 月商务部推出《“互联网+流通”行动计划》"
        ("largest_consumer_market", "2015 年起", "五(三)6"),     // "中国从 2015 年就是世界第一大消费市场"
        ("hottest_tracks", "2021 年", "四(一)"),                 // "在 2021 年,跨境电商和新消费是…最新最火的赛道"
        ("warehouse_boom", "2021—2023 年", "四(二)"),            // "2021—2023 年是海外仓高速发展的三年"
        ("us_rate_rises", "2022 年起", "一(四)2"),               // "从 2022 年加息开始"
        ("shein_downloads", "2022 年", "五(一)"),                // "2022 年全年下载量最大的电商 APP 则是 Shein(希音)"
        ("new_quality_productive_forces", "2023 年", "引言"),    // "2023 年,习近平总书记创造性地提出“新质生产力”的概念"
        ("xiaomo_persian_gulf", "2023 年 1 月", "二(四)3"), // "2023 年 1 月“小漠—波斯湾”滚装船外贸航线成功实现首航"
        ("indonesia_regulation_31", "2023 年 10 月中旬", "五(一)"), // "2023 年 10 中旬印尼贸易部颁布…"
    ];
    let d = ds("timeline");
    assert_eq!(d.rows.len(), expected.len());
    for (r, (key, date, section)) in d.rows.iter().zip(expected) {
        assert_eq!((r.key, r.period.unwrap().zh, r.section), (key, date, Some(section)));
        assert_eq!(r.period_basis, Some(PeriodBasis::Paper), "{key}: a stated date");
        // The list shows the date as its chip and the section, written out, as its detail.
        assert_eq!(r.group.unwrap(), r.period.unwrap(), "{key}");
        let detail = r.detail.unwrap();
        assert_eq!((detail.zh, detail.en.to_string()), (section, paper_section(section, Lang::En)), "{key}");
        assert!(r.cells.is_empty(), "{key}: an event without a figure");
    }
    // In time order, by the first year each date names.
    let years: Vec<&str> = d.rows.iter().map(|r| &r.period.unwrap().zh[..4]).collect();
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
    // The paper prints "2023 年 10 中旬": kept as its words in the file, and said in a note.
    let file = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/timeline.csv")).unwrap();
    assert!(file.contains("2023 年 10 月中旬,Mid-October 2023,paper: 2023 年 10 中旬,"), "the paper's words");
    assert!(d.note("october-misprint").unwrap().text.zh.contains("缺“月”字"));
    assert_eq!(d.cell_notes("indonesia_regulation_31", "").map(|n| n.id).collect::<Vec<_>>(), ["october-misprint"]);
}

// ───────────────────── the glossary ─────────────────────

fn normalise(s: &str) -> String {
    s.to_lowercase().replace('-', " ")
}

/// Every dataset title, column label and row label, as (where, Chinese, English).
fn labels() -> Vec<(String, &'static str, &'static str)> {
    let mut texts = Vec::new();
    for d in DATASETS {
        texts.push((format!("{} title", d.id), d.title.zh, d.title.en));
        for c in d.columns {
            texts.push((format!("{} column {}", d.id, c.id), c.label.zh, c.label.en));
        }
        for r in d.rows {
            texts.push((format!("{} row {}", d.id, r.key), r.label.zh, r.label.en));
        }
    }
    texts
}

#[test]
fn glossary_terms_are_translated_consistently_in_labels_and_titles() {
    let texts = labels();
    let mut checked = 0;
    let mut failures = Vec::new();
    for g in GLOSSARY.iter().filter(|g| g.check) {
        let wanted: Vec<String> = g.matches.iter().map(|e| normalise(e)).collect();
        for (at, zh, en) in &texts {
            if !zh.contains(g.zh) {
                continue;
            }
            checked += 1;
            let en_n = normalise(en);
            if !wanted.iter().any(|w| en_n.contains(w.as_str())) {
                failures.push(format!("{at}: '{zh}' contains {} but '{en}' says none of {:?}", g.zh, g.matches));
            }
        }
    }
    assert!(checked > 20, "the glossary matched only {checked} labels");
    assert!(failures.is_empty(), "{} label(s) break the glossary:\n{}", failures.len(), failures.join("\n"));
}

/// Whether `phrase` occurs in `text` as whole words, allowing a plural ending (s, es, or y → ies).
fn has_phrase(text: &str, phrase: &str) -> bool {
    let (text, phrase) = (normalise(text), normalise(phrase));
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let stem_ies = phrase.strip_suffix('y').map(|p| format!("{p}ies"));
    let forms = [Some(phrase.clone()), Some(format!("{phrase}s")), Some(format!("{phrase}es")), stem_ies];
    forms.iter().flatten().any(|form| {
        text.match_indices(form.as_str())
            .any(|(i, m)| !word(text[..i].chars().last()) && !word(text[i + m.len()..].chars().next()))
    })
}

#[test]
fn every_glossary_rendering_readers_see_is_a_whole_phrase_of_the_labels_not_a_fragment() {
    // Used to show "lighthouse factor" (a matching stem) for 灯塔工厂, "independent" for 独立站 and
    // "micro small and medium sized" for 中小微企业. The atlas's wording: labels, titles and captions.
    let mut texts = labels();
    texts.extend(DATASETS.iter().map(|d| (format!("{} caption", d.id), d.caption.zh, d.caption.en)));
    let mut failures = Vec::new();
    for g in GLOSSARY {
        for (i, r) in g.en.iter().enumerate() {
            // No rendering is a piece of another rendering of the same term.
            if let Some(o) = g.en.iter().enumerate().find(|(j, o)| *j != i && has_phrase(o, r)) {
                failures.push(format!("{}: '{r}' is a fragment of '{}'", g.zh, o.1));
            }
            // Where the atlas's labels use the term, each rendering stands in them as whole words.
            let uses: Vec<&(String, &str, &str)> = texts.iter().filter(|(_, zh, _)| zh.contains(g.zh)).collect();
            if g.check && !uses.is_empty() && !uses.iter().any(|(_, _, en)| has_phrase(en, r)) {
                failures.push(format!("{}: '{r}' is not a whole phrase of any label or caption using the term", g.zh));
            }
        }
    }
    assert!(has_phrase("Lighthouse factories worldwide", "lighthouse factory"));
    assert!(!has_phrase("Lighthouse factories worldwide", "lighthouse factor"), "a stem is not a phrase");
    assert!(!has_phrase("Independent (own-brand) web shops", "independent (own-br"), "nor a piece cut mid-word");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let shown = |zh: &str| GLOSSARY.iter().find(|g| g.zh == zh).unwrap().en;
    assert_eq!(shown("灯塔工厂"), ["lighthouse factory"]);
    assert_eq!(shown("独立站"), ["independent (own-brand) web shop"]);
    // 中小微企业 are micro as well as small and medium-sized: MSMEs, not SMEs.
    assert_eq!(shown("中小微企业"), ["micro, small and medium-sized enterprises (MSMEs)"]);
}

#[test]
fn the_glossary_gives_the_trades_name_and_the_papers_for_full_custody_and_knows_jiu_san_yang() {
    let g = |zh: &str| GLOSSARY.iter().find(|g| g.zh == zh).unwrap_or_else(|| panic!("no {zh}"));
    assert_eq!(g("全托管").en, ["fully managed model", "full custody"]);
    // The abstract and 二(一) write 旧三样 for 老三样.
    assert_eq!(g("旧三样").en, g("老三样").en);
}

#[test]
fn fixed_labels_say_what_the_paper_says() {
    // 三(五): "传音旗下三大手机品牌全部上榜,其中一款位列第 9" — one of them is 9th, not the best rank.
    let t = row(ds("unicorns"), "transsion_rank").label;
    assert!(t.zh.contains("其中一款") && !t.zh.contains("最高"), "{}", t.zh);
    assert!(t.en.starts_with("Rank of one of") && !t.en.contains("Best"), "{}", t.en);
    // 三(四): "发展生产网络的概率要高出三倍": higher, to develop production networks.
    let n = row(ds("lighthouse"), "network_odds").label;
    assert!(n.zh.contains("高出") && n.en.starts_with("Higher likelihood"), "{} / {}", n.zh, n.en);
    assert!(n.en.contains("to develop production networks"), "{}", n.en);
    // 五(三)1: "贡献了中国出口交易额的 60%以上": export value, not transactions.
    let e = row(ds("ecommerce"), "sme_export_share").label.en;
    assert!(e.contains("export value") && !e.contains("transactions"), "{e}");
    // 二(一): "三大强省(直辖市)": Shanghai is a municipality.
    assert!(ds("new_three").title.en.contains("(and municipality)"), "{}", ds("new_three").title.en);
    // 二(四): "2.492 亿总吨" is gross tonnage, as units.csv has it.
    let fleet = ds("port_totals").caption.en;
    assert!(fleet.contains("249.2 million gross tonnage (GT)") && !fleet.contains("tonnes"), "{fleet}");
    assert_eq!(cell(ds("port_totals"), "fleet", "value").unit.unwrap().en, "million GT");
}

// ───────────────────── the arithmetic in the data notes ─────────────────────

#[test]
fn table_2_exports_are_part_of_the_texts_trade_totals() {
    let d = ds("regions");
    for r in d.rows {
        let v = |c| r.cell(d, c).unwrap().value.as_ref().unwrap().x;
        assert!(v("exports") < v("trade"), "{}: exports {} vs trade {}", r.key, v("exports"), v("trade"));
    }
}

/// A note's text in both languages.
fn note_text(id: &str, note: &str) -> (&'static str, &'static str) {
    let n = ds(id).note(note).unwrap_or_else(|| panic!("{id} has no note '{note}'"));
    (n.text.zh, n.text.en)
}

/// The note contains each of the expected pieces (Chinese, English).
#[track_caller]
fn assert_note_says(id: &str, note: &str, zh: &[&str], en: &[&str]) {
    let (tz, te) = note_text(id, note);
    for piece in zh {
        assert!(tz.contains(piece), "{id}/{note} (zh) lacks '{piece}': {tz}");
    }
    for piece in en {
        assert!(te.contains(piece), "{id}/{note} (en) lacks '{piece}': {te}");
    }
    assert!(!tz.contains("{=") && !te.contains("{="), "{id}/{note} kept a placeholder");
}

#[test]
fn the_belt_and_road_note_computes_its_import_fall_the_yuan_dollar_gap_and_the_other_exports() {
    // Table 2: BRI exports 11 896.58 (+33.4 %); text: BRI trade 27 818.28 (+2.8 %).
    let imports_2022: f64 = 27818.28 / 1.028 - 11896.58 / 1.334;
    let imports_change = (27818.28 - 11896.58) / imports_2022 * 100.0 - 100.0;
    assert!((imports_change - -12.2).abs() < 0.1, "{imports_change}");
    // 一(二): exports 3.382 trillion US$, −4.6 %; the rest of the world = total − BRI.
    let others: f64 = (33820.0 - 11896.58) / (33820.0 / 0.954 - 11896.58 / 1.334) * 100.0 - 100.0;
    assert!((others - -17.4).abs() < 0.1, "{others}");
    // Total trade +0.2 % in yuan, −5.0 % in dollars: equal growth in both is implausible.
    assert_note_says(
        "regions",
        "bri-growth",
        &["约 −12%", "增长 0.2%", "下降 5.0%", "下降约 17%", "+33.4%"],
        &["about −12%", "rose 0.2% in yuan", "fell 5.0% in dollars", "fell about 17%", "US$3.382 trillion"],
    );
    // Exports +33.4% (Table 2) and total trade +2.8% (the text) cannot both hold without a fall
    // in imports the paper never mentions: two statements of the paper, an inconsistency.
    assert_eq!(ds("regions").note("bri-growth").unwrap().kind, NoteKind::Inconsistency);
    assert_eq!(marked(ds("regions"), "bri", "exports_yoy", NoteKind::Inconsistency), ["bri-growth"]);
}

#[test]
fn the_notes_checks_recompute_from_the_data() {
    // surplus-check: 3.382 − 2.56 = 0.822, shown as 0.82 (2.56 has two decimals); 8 232.2 亿 = 0.82322 万亿.
    let h = ds("headline");
    let diff = value(h, "exports", "usd").x - value(h, "imports", "usd").x;
    assert!((diff - 0.822).abs() < 1e-9);
    assert_note_says(
        "headline",
        "surplus-check",
        &["3.382 − 2.56 = 0.82 万亿美元", "8,232.2 亿美元即 0.82322"],
        &["US$823.22 billion is 0.82322 trillion"],
    );
    // share-check: 19.47 ÷ 41.76 = 46.6 %.
    let share = value(ds("belt_road"), "trade_rmb", "value").x / value(h, "trade", "rmb").x * 100.0;
    assert_eq!(format!("{share:.1}"), "46.6");
    assert_note_says("belt_road", "share-check", &["19.47 ÷ 41.76", "= 46.6%"], &["= 46.6%, as stated"]);
    // drewry-rate: 77 ÷ 650 = 11.8 %.
    let s = ds("shipping");
    let rate = value(s, "drewry_cancelled", "value").x / value(s, "drewry_planned", "value").x * 100.0;
    assert_eq!(format!("{rate:.1}"), "11.8");
    assert_note_says("shipping", "drewry-rate", &["77 ÷ 650 = 11.8%"], &["77 ÷ 650 = 11.8%"]);
    // gd-exports: 41.76 × 19.88 % = 8.30 trillion yuan.
    let gd = value(h, "trade", "rmb").x * value(ds("guangdong"), "trade_share", "value").x / 100.0;
    assert_eq!(format!("{gd:.2}"), "8.30");
    assert_note_says("new_three", "gd-exports", &["41.76 × 19.88% = 8.30 万亿元"], &["19.88% × 41.76 = 8.30 trillion"]);
    // adv-mfg-share: 68 ÷ 347 = 19.6 %.
    let u = ds("unicorns");
    let adv = value(u, "china_adv_mfg", "value").x / value(u, "china", "value").x * 100.0;
    assert_eq!(format!("{adv:.1}"), "19.6");
    assert_note_says("unicorns", "adv-mfg-share", &["68 ÷ 347 = 19.6%"], &["68 ÷ 347 = 19.6%"]);
    // us-avg: 653.5 ÷ 253 = 2.58 (10⁴ m²) per new US warehouse.
    let w = ds("warehouses");
    let per = value(w, "us_new_area", "value").x / value(w, "us_new", "value").x;
    assert_eq!(format!("{per:.2}"), "2.58");
    assert_note_says(
        "warehouses",
        "us-avg",
        &["653.5 万平方米分摊到 253 个新仓约为每仓 2.58 万平方米"],
        &["about 2.58 × 10⁴ m² each"],
    );
    // us-check: 1 178 ÷ 1.2735 = 925; 1 178 − 925 = 253.
    assert_note_says(
        "warehouse_found",
        "us-check",
        &["1,178 ÷ 1.2735 = 925", "− 925 = 253", "新增 253 个"],
        &["1,178 ÷ 1.2735 = 925", "1,178 − 925 = 253"],
    );
    // gd-national: 6 454 ÷ 43.4 % ≈ 1.49 trillion; 2.38 ÷ 1.156 ≈ 2.06 trillion.
    let g = ds("guangdong");
    let national = value(g, "cbec_value", "value").x / (value(g, "cbec_national_share", "value").x / 100.0) / 10_000.0;
    assert_eq!(format!("{national:.2}"), "1.49");
    let e = ds("ecommerce");
    let y2022 = value(e, "full_year_value", "value").x / (1.0 + value(e, "full_year_value", "yoy").x / 100.0);
    assert_eq!(format!("{y2022:.2}"), "2.06");
    assert_note_says(
        "guangdong",
        "gd-national",
        &["≈ 1.49 万亿元", "约为 2.06 万亿元"],
        &["≈ 1.49 trillion", "about 2.06 trillion"],
    );
    // Shenzhen and Guangzhou quote Table 4 as printed.
    assert_note_says("ports", "shenzhen-nov", &["“28,340”", "(2,689)"], &["28,340", "(2,689)"]);
    assert_note_says(
        "ports",
        "guangzhou-rank",
        &["3,323 万 TEU", "(3,280)", "(2,639)"],
        &["3,323", "Ningbo-Zhoushan 3,280"],
    );
}

#[test]
fn two_incompatible_national_totals_in_one_paper_are_an_inconsistency() {
    // 43.4 % of 6 454 亿 gives 1.49 万亿 for 2022, 2.38 ÷ 1.156 gives 2.06 万亿: was a caveat.
    assert_eq!(ds("guangdong").note("gd-national").unwrap().kind, NoteKind::Inconsistency);
    assert_eq!(marked(ds("guangdong"), "cbec_national_share", "value", NoteKind::Inconsistency), ["gd-national"]);
}

#[test]
fn the_us_title_note_adds_table_3s_own_sums_computed_from_the_tables() {
    // Table 3: Vietnam 2 297.93 + Malaysia 1 902.44 + Indonesia 1 394.16 = 5 594.53 > Table 2's ASEAN 5 236.74.
    let three: f64 = 2297.93 + 1902.44 + 1394.16;
    assert!((three - 5594.53).abs() < 1e-6 && three > 5236.74);
    // Ten rows: 27 102.57 = 80 % of exports (3.382 万亿美元) but 46 % of total trade (5.94 万亿美元).
    let ten: f64 = 6644.51 + 3179.99 + 3107.37 + 2401.10 + 2297.93 + 2291.96 + 2067.82 + 1902.44 + 1815.29 + 1394.16;
    assert!((ten - 27102.57).abs() < 1e-6);
    assert_eq!(format!("{:.0}", ten / 33820.0 * 100.0), "80");
    assert_eq!(format!("{:.0}", ten / 59400.0 * 100.0), "46");
    // The same sums from the data, then the note.
    let p = ds("partners");
    let sum: f64 = p.rows.iter().map(|r| value(p, r.key, "exports").x).sum();
    assert!((sum - ten).abs() < 1e-6);
    assert_note_says(
        "partners",
        "us-title",
        &[
            "6,644.51 亿美元",
            "5,002.91 亿美元",
            "合计 5,594.53 亿美元",
            "5,236.74 亿美元",
            "合计 27,102.57 亿美元",
            "出口总额的 80%",
            "进出口总额的 46%",
        ],
        &[
            "US$664.451 billion",
            "US$559.453 billion",
            "US$523.674 billion",
            "US$2,710.257 billion",
            "80% of China's exports",
            "46% of its total trade",
        ],
    );
    assert_note_says("us_imports", "us-title", &["6,644.51 亿美元"], &["US$664.451 billion"]);
}

#[test]
fn the_drewry_note_says_the_77_were_announced_before_the_window_and_the_firms_two_spellings() {
    // Footnote ①: "Drewry 德路里…公众号 2024 年 1 月 12 号"; the window is "2024 年 1 月 15 日至 2 月 18 日".
    let s = ds("shipping");
    assert!(row(s, "drewry_cancelled").period.unwrap().zh.starts_with("2024 年 1 月 15 日"));
    assert_note_says(
        "shipping",
        "drewry-window",
        &["2024 年 1 月 12 日", "77 次", "德鲁里", "德路里"],
        &["12 January 2024", "announced", "blank sailings"],
    );
    assert_eq!(marked(s, "drewry_cancelled", "value", NoteKind::Caveat), ["drewry-window"]);
    assert!(s.caption.en.contains("announced as cancelled"), "{}", s.caption.en);
}

#[test]
fn table_1_lacks_four_of_the_five_products_the_text_cites_it_for() {
    // 一(三)2: "电动汽车、汽车零配件、锂离子蓄电池以及船舶、家电等出口增长较快,而且出口价格上涨(见表 1)".
    let t1 = ds("commodities");
    let labels: Vec<&str> = t1.rows.iter().map(|r| r.label.zh).collect();
    assert!(labels.contains(&"电动载人汽车"));
    for missing in ["汽车零配件", "锂离子蓄电池", "船舶", "家电"] {
        assert!(!labels.iter().any(|l| l.contains(missing)), "Table 1 has {missing}");
    }
    // The table does not contradict the text; it cannot confirm it: a caveat, not an inconsistency.
    assert_eq!(t1.note("table-1-claim").unwrap().kind, NoteKind::Caveat);
    assert!(t1.dataset_notes().any(|n| n.id == "table-1-claim"), "the note concerns the whole table");
    let intro = registry::section("commodities").unwrap().intro;
    assert!(intro.zh.contains("表 1 只列出其中的电动载人汽车"), "{}", intro.zh);
}

#[test]
fn the_unicorn_note_separates_the_global_500_from_the_counts() {
    // 三(五): "两国全球独角兽企业 500 强上榜企业数量和总估值在伯仲之间" beside 650 and 347.
    let u = ds("unicorns");
    assert!(value(u, "china", "value").x / value(u, "usa", "value").x < 0.6, "347 is far from 650");
    assert_note_says("unicorns", "on-a-par", &["伯仲之间", "650 家", "347 家"], &["650 American and 347 Chinese"]);
    assert_eq!(marked(u, "usa", "value", NoteKind::Caveat), ["on-a-par"]);
}

#[test]
fn the_growth_note_checks_guangdongs_43_times_against_its_72_percent_a_year() {
    // "规模在 8 年内扩大近 43 倍,年均增速高达 72%": read both figures and the note, not literals.
    let g = ds("guangdong");
    let times = value(g, "cbec_growth_multiple", "value").x;
    let cagr = value(g, "cbec_cagr", "value").x;
    assert_eq!((times, cagr), (43.0, 72.0));
    let rate = |multiple: f64, steps: f64| (multiple.powf(1.0 / steps) - 1.0) * 100.0;
    let note = g.note("cagr-check").unwrap();
    for text in [note.text.zh, note.text.en] {
        // Growing to 43 times, or by 43 times (to 44), over seven annual steps; "近 43 倍" has two
        // significant figures, so whole percentage points.
        for figure in [rate(times, 7.0), rate(times + 1.0, 7.0)] {
            assert!(text.contains(&format!("≈ {figure:.0}%")), "the note lacks ≈ {figure:.0}%: {text}");
        }
        assert_eq!(
            (format!("{:.0}", rate(times, 7.0)), format!("{:.0}", rate(times + 1.0, 7.0))),
            ("71".into(), "72".into())
        );
        // Over eight steps either reading gives about 60 %.
        assert!(text.contains(&format!("{:.0}%", rate(times, 8.0))) && text.contains("60%"), "{text}");
        assert!(!text.contains("{="), "{text}");
    }
    // Seven steps fit the stated 72 % within a point; eight do not.
    assert!((rate(times + 1.0, 7.0) - cagr).abs() < 1.0 && (rate(times, 7.0) - cagr).abs() < 1.0);
    assert!((rate(times + 1.0, 8.0) - cagr).abs() > 10.0);
    assert_eq!(format!("{:.0}", rate(times + 1.0, 8.0)), "60");
}
