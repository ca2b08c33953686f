//! The chart catalogue: every chart of the atlas, in page order, with the cells it shows.
//!
//! Layer: views. Adding a chart means adding an entry here; native tests render each entry to a
//! golden SVG and check that every id it names exists. The catalogue is a `const`, so files that
//! name its charts and readings (the tour, `data/tour.csv`) are checked against it at compile
//! time by the `const fn` look-ups at the end of this file.

use super::map::MapLayer;
use super::{ChartDef, Controls, Kind, Pick, Rescale, Rows, Sort, SortKey, StackDef};
use crate::data::L;

const fn bars(cols: &'static [&'static str], sort: Sort, signed: bool) -> Kind {
    Kind::Bars { cols, rows: Rows::All, sort, signed, rescale: None, sublabel: false, names: &[] }
}

/// Every chart, in the order the page shows them (one copy at run time; see [`CATALOGUE`]).
pub static CHARTS: &[ChartDef] = CATALOGUE;

/// Every chart, in the order the page shows them. The map layers come first: the page shows them
/// in the map section, one at a time. A `const` so that compile-time checks can read it.
pub const CATALOGUE: &[ChartDef] = &[
    ChartDef {
        id: "map-partners",
        dataset: "partners",
        title: L::new(
            "地图:2023 年中国十大贸易伙伴(表 3)与东盟、欧盟",
            "Map: China's ten main partners in 2023 (Table 3), with ASEAN and the EU",
        ),
        kind: Kind::Map(MapLayer::Partners),
    },
    ChartDef {
        id: "map-flows",
        dataset: "partners",
        title: L::new(
            "地图:中国对十大伙伴的贸易流向(表 3)",
            "Map: China's trade flows to its ten main partners (Table 3)",
        ),
        kind: Kind::Map(MapLayer::Flows),
    },
    ChartDef {
        id: "map-warehouses",
        dataset: "warehouse_top10",
        title: L::new(
            "地图:海外仓数量前十的国家或地区与新兴市场",
            "Map: the top 10 countries for overseas warehouses, and emerging markets",
        ),
        kind: Kind::Map(MapLayer::Warehouses),
    },
    ChartDef {
        id: "map-economies",
        dataset: "economies",
        title: L::new(
            "地图:东盟国家及世界主要经济体 2023 年进出口变动",
            "Map: 2023 trade change of ASEAN members and major economies",
        ),
        kind: Kind::Map(MapLayer::Economies),
    },
    ChartDef {
        id: "map-ecommerce",
        dataset: "penetration",
        title: L::new(
            "地图:电商渗透率(2020→2025)与电商零售增长最快的十国中的六国",
            "Map: e-commerce penetration (2020→2025) and six of the ten fastest-growing markets",
        ),
        kind: Kind::Map(MapLayer::Ecommerce),
    },
    ChartDef {
        id: "map-routes",
        dataset: "rail",
        title: L::new(
            "地图:中欧班列通道、红海绕航与跨太平洋航线",
            "Map: China–Europe Railway Express corridors, the Red Sea detour and the trans-Pacific lane",
        ),
        kind: Kind::Map(MapLayer::Routes),
    },
    ChartDef {
        id: "map-ports",
        dataset: "ports",
        title: L::new("地图:中国集装箱吞吐量 TOP20 港口(表 4)", "Map: China's top 20 container ports (Table 4)"),
        kind: Kind::Map(MapLayer::Ports),
    },
    // 一(二) Overview
    ChartDef {
        id: "headline-tiles",
        dataset: "headline",
        title: L::new("2023 年中国货物贸易进出口总值", "China's goods trade in 2023"),
        kind: Kind::Tiles { rows: Rows::All, cols: &["rmb", "usd"] },
    },
    ChartDef {
        id: "headline-growth",
        dataset: "headline",
        title: L::new("同比增速:按人民币计与按美元计", "Year-on-year growth in yuan and in US dollars"),
        kind: Kind::Dumbbell { cols: &["rmb_yoy", "usd_yoy"], rows: Rows::All },
    },
    ChartDef {
        id: "world-trade-tiles",
        dataset: "world_trade",
        title: L::new("世界贸易走势与中国出口份额", "World trade and China's export share"),
        kind: Kind::Tiles { rows: Rows::All, cols: &["value"] },
    },
    ChartDef {
        id: "timeline",
        dataset: "timeline",
        title: L::new("论文中的时间节点(按时间排列)", "Dated events in the paper, in time order"),
        kind: Kind::List,
    },
    // 一(三)1 The slump
    ChartDef {
        id: "economies-change",
        dataset: "economies",
        title: L::new(
            "东盟国家及世界主要经济体 2023 年进出口变动(时段与口径各异)",
            "2023 trade change of ASEAN members and major economies (periods and measures differ)",
        ),
        kind: Kind::Bars {
            cols: &["change"],
            rows: Rows::All,
            sort: Sort::Paper,
            signed: true,
            rescale: None,
            sublabel: true,
            names: &[],
        },
    },
    // 一(三)2 Table 1
    ChartDef {
        id: "commodities",
        dataset: "commodities",
        title: L::new(
            "表 1:2023 年出口金额超百亿美元的商品",
            "Table 1: commodities exported for over US$10 billion in 2023",
        ),
        kind: Kind::Bars {
            cols: &["amount"],
            rows: Rows::All,
            sort: Sort::Paper,
            signed: false,
            rescale: Some(Rescale {
                zh_div: 1e5,
                zh_unit: "亿美元(由千美元换算)",
                en_div: 1e6,
                en_unit: "US$ billion (converted from thousand US$)",
                decimals: 1,
            }),
            sublabel: false,
            names: &[],
        },
    },
    ChartDef {
        id: "commodities-price",
        dataset: "commodities",
        title: L::new("数量增幅、金额增幅与隐含单价变动", "Quantity, value and implied unit-value change"),
        kind: Kind::Bars {
            cols: &["qty_yoy", "amount_yoy", "unit_value_yoy"],
            rows: Rows::Only(&[
                "ev",
                "steel",
                "refined_oil",
                "tyres",
                "bags",
                "paper",
                "ceramics",
                "wood",
                "jewellery",
                "footwear",
                "pharma",
                "aluminium",
            ]),
            sort: Sort::Paper,
            signed: false,
            rescale: None,
            sublabel: false,
            names: &[],
        },
    },
    ChartDef {
        id: "commodities-scatter",
        dataset: "commodities",
        title: L::new(
            "数量增幅与金额增幅:对角线以上为单价上涨",
            "Quantity growth against value growth: above the diagonal, unit value rose",
        ),
        kind: Kind::Scatter { x: "qty_yoy", y: "amount_yoy", rows: Rows::All },
    },
    // 一(四) Partners
    ChartDef {
        id: "regions-value",
        dataset: "regions",
        title: L::new(
            "表 2 与正文:对东盟、欧盟与“一带一路”沿线国家的出口与进出口",
            "Table 2 and text: exports and total trade with ASEAN, the EU and Belt and Road countries",
        ),
        kind: bars(&["exports", "trade"], Sort::Paper, false),
    },
    ChartDef {
        id: "regions-growth",
        dataset: "regions",
        title: L::new("出口增速与进出口增速", "Growth of exports and of total trade"),
        kind: Kind::Dumbbell { cols: &["exports_yoy", "trade_yoy"], rows: Rows::All },
    },
    ChartDef {
        id: "belt-road-tiles",
        dataset: "belt_road",
        title: L::new("“一带一路”共建国家", "Belt and Road partner countries"),
        kind: Kind::Tiles { rows: Rows::All, cols: &["value"] },
    },
    ChartDef {
        id: "partners-exports",
        dataset: "partners",
        title: L::new("表 3:中国十大对外主要贸易伙伴", "Table 3: China's ten main trading partners"),
        kind: bars(&["exports"], Sort::Paper, false),
    },
    ChartDef {
        id: "us-compare",
        dataset: "us_imports",
        title: L::new("同一篇文章中的两个美国数字", "Two US figures in the same article"),
        kind: Kind::Picked {
            picks: &[
                Pick {
                    ds: "partners",
                    row: "usa",
                    col: "exports",
                    label: Some(L::new(
                        "表 3 对美国的“出口”(海关总署)",
                        "Table 3's “exports” to the US (General Administration of Customs)",
                    )),
                },
                Pick {
                    ds: "us_imports",
                    row: "us_imports_from_china",
                    col: "value",
                    label: Some(L::new(
                        "美国从中国进口(美国商务部)",
                        "US imports from China (US Department of Commerce)",
                    )),
                },
            ],
        },
    },
    // 一(五) Shipping
    ChartDef {
        id: "shipping-tiles",
        dataset: "shipping",
        title: L::new("航运景气", "Shipping conditions"),
        kind: Kind::Tiles {
            rows: Rows::Only(&["container_revenue_fall", "red_sea_delay", "drewry_rate", "cn_us_decline_months"]),
            cols: &["value"],
        },
    },
    ChartDef {
        id: "drewry-sailings",
        dataset: "shipping",
        title: L::new(
            "德鲁里:主要航线 650 次预定航次中取消 77 次",
            "Drewry: 77 of 650 scheduled sailings announced as cancelled on the main lanes",
        ),
        kind: Kind::Stacked {
            col: "value",
            series: &[
                L::new("宣布取消", "Announced as cancelled"),
                L::new("未宣布取消(推算)", "Not announced as cancelled (derived)"),
            ],
            stacks: &[StackDef {
                label: L::new("预定航次", "Scheduled sailings"),
                parts: &["drewry_cancelled", "drewry_operated"],
                total: Some("drewry_planned"),
            }],
        },
    },
    ChartDef {
        id: "transpacific-teu",
        dataset: "shipping",
        title: L::new(
            "跨太平洋集装箱运量:2023 年与隐含 2022 年",
            "Trans-Pacific container volumes: 2023 and implied 2022",
        ),
        kind: Kind::Bars {
            cols: &["v2022", "value"],
            rows: Rows::Only(&["la_teu", "cn_us_teu"]),
            sort: Sort::Paper,
            signed: false,
            rescale: None,
            sublabel: false,
            names: &[L::new("隐含 2022 年(推算)", "Implied 2022 (derived)"), L::new("2023 年", "2023")],
        },
    },
    // 二(一) New three
    ChartDef {
        id: "new-three-growth",
        dataset: "new_three",
        title: L::new("外贸“新三样”出口增长", "Growth of “new three” exports"),
        kind: bars(&["yoy"], Sort::Paper, false),
    },
    ChartDef {
        id: "new-three-tiles",
        dataset: "new_three",
        title: L::new("“新三样”出口额与比重", "“New three” export values and shares"),
        kind: Kind::Tiles {
            rows: Rows::All,
            cols: &["value", "share_of_exports", "exports_total", "trade_total", "trade_share"],
        },
    },
    // 二(二) Shipbuilding
    ChartDef {
        id: "shipbuilding-volume",
        dataset: "shipbuilding",
        title: L::new("造船三大指标:2023 年与隐含 2022 年", "Shipbuilding indicators: 2023 and implied 2022"),
        kind: bars(&["value_2022", "value"], Sort::Paper, false),
    },
    ChartDef {
        id: "shipbuilding-export-share",
        dataset: "shipbuilding",
        title: L::new("出口船舶占比", "Export ships' share"),
        kind: bars(&["export_share"], Sort::Paper, false),
    },
    // 二(三) Rail
    ChartDef {
        id: "rail-tiles",
        dataset: "rail",
        title: L::new("中欧班列与西部陆海新通道", "China–Europe Railway Express and the New Western Land–Sea Corridor"),
        kind: Kind::Tiles { rows: Rows::All, cols: &["value"] },
    },
    ChartDef {
        id: "rail-growth",
        dataset: "rail",
        title: L::new("2023 年同比增长", "Growth in 2023"),
        kind: Kind::Bars {
            cols: &["yoy"],
            rows: Rows::Only(&["cr_trains", "cr_teu", "wlsc_teu"]),
            sort: Sort::Paper,
            signed: false,
            rescale: None,
            sublabel: false,
            names: &[],
        },
    },
    // 二(四) Ports
    ChartDef {
        id: "port-totals-tiles",
        dataset: "port_totals",
        title: L::new("全国港口与中国船队", "All Chinese ports and the Chinese-owned fleet"),
        kind: Kind::Tiles { rows: Rows::All, cols: &["value", "yoy"] },
    },
    ChartDef {
        id: "ports-jan-nov",
        dataset: "ports",
        title: L::new("表 4:1—11 月集装箱吞吐量 TOP20", "Table 4: top 20 container ports, January–November"),
        kind: bars(&["jan_nov"], Sort::Paper, false),
    },
    ChartDef {
        id: "ports-yoy",
        dataset: "ports",
        title: L::new("表 4:1—11 月同比增速", "Table 4: growth, January–November"),
        kind: bars(&["yoy"], Sort::Desc("yoy"), true),
    },
    ChartDef {
        id: "port-cluster-tiles",
        dataset: "port_cluster",
        title: L::new("港口集群与新能源汽车出口", "Port clusters and new-energy vehicle exports"),
        kind: Kind::Tiles { rows: Rows::All, cols: &["value"] },
    },
    // 三(四)(五) Lighthouse factories and unicorns
    ChartDef {
        id: "lighthouse-share",
        dataset: "lighthouse",
        title: L::new("全球灯塔工厂中的中国", "China among the world's lighthouse factories"),
        kind: Kind::Stacked {
            col: "value",
            series: &[L::new("中国", "China"), L::new("其他国家和地区(推算)", "Elsewhere (derived)")],
            stacks: &[
                StackDef {
                    label: L::new("全球累计", "All lighthouse factories"),
                    parts: &["china_total", "elsewhere_total"],
                    total: Some("global_total"),
                },
                StackDef {
                    label: L::new("2023 年 12 月最新一批", "Latest batch, Dec 2023"),
                    parts: &["batch_china", "batch_elsewhere"],
                    total: Some("batch_total"),
                },
            ],
        },
    },
    ChartDef {
        id: "lighthouse-tiles",
        dataset: "lighthouse",
        title: L::new("灯塔工厂与中国企业", "Lighthouse factories and Chinese firms"),
        kind: Kind::Tiles {
            rows: Rows::Only(&[
                "china_share",
                "china_share_derived",
                "network_odds",
                "scale_odds",
                "haier_countries",
                "haier_users",
                "midea_fortune",
            ]),
            cols: &["value"],
        },
    },
    ChartDef {
        id: "unicorns-share",
        dataset: "unicorns",
        title: L::new("全球独角兽企业:美国、中国与其他", "Unicorns worldwide: the US, China and the rest"),
        kind: Kind::Stacked {
            col: "value",
            series: &[
                L::new("美国", "United States"),
                L::new("中国", "China"),
                L::new("其他国家和地区(推算)", "Rest of the world (derived)"),
            ],
            stacks: &[StackDef {
                label: L::new("全球独角兽企业", "Unicorns worldwide"),
                parts: &["usa", "china", "rest"],
                total: Some("global"),
            }],
        },
    },
    ChartDef {
        id: "unicorns-tiles",
        dataset: "unicorns",
        title: L::new("中国独角兽与传音控股", "Chinese unicorns and Transsion"),
        kind: Kind::Tiles {
            rows: Rows::Only(&[
                "china_adv_mfg",
                "china_adv_mfg_share",
                "transsion_revenue",
                "transsion_brands",
                "transsion_rank",
            ]),
            cols: &["value"],
        },
    },
    // 四(一) E-commerce
    ChartDef {
        id: "ecommerce-tiles",
        dataset: "ecommerce",
        title: L::new("跨境电商主体、比重与中小微企业", "Cross-border e-commerce businesses, shares and MSMEs"),
        kind: Kind::Tiles {
            rows: Rows::Only(&[
                "entities",
                "independent_sites",
                "trade_share",
                "trade_share_5y_ago",
                "sme_new_share",
                "sme_export_share",
                "retail_sales",
                "id_smes",
                "id_smes_share",
            ]),
            cols: &["value"],
        },
    },
    ChartDef {
        id: "ecommerce-values",
        dataset: "ecommerce",
        title: L::new("跨境电商进出口额", "Cross-border e-commerce trade"),
        kind: Kind::Bars {
            cols: &["value"],
            rows: Rows::Only(&["h1_value", "full_year_value", "full_year_exports", "full_year_imports"]),
            sort: Sort::Paper,
            signed: false,
            rescale: None,
            sublabel: true,
            names: &[],
        },
    },
    ChartDef {
        id: "penetration-slope",
        dataset: "penetration",
        title: L::new("电商渗透率:2020 年至 2025 年(预计)", "E-commerce penetration, 2020 to 2025 (forecast)"),
        kind: Kind::Slope { start: "y2020", end: "y2025" },
    },
    ChartDef {
        id: "fastest-markets",
        dataset: "fastest_markets",
        title: L::new(
            "电商零售增长最快的国家(原文列出的 6 个)",
            "Fastest-growing e-commerce markets (the six the paper names)",
        ),
        kind: Kind::List,
    },
    ChartDef {
        id: "guangdong-tiles",
        dataset: "guangdong",
        title: L::new("广东:外贸第一大省", "Guangdong, the largest trading province"),
        kind: Kind::Tiles { rows: Rows::All, cols: &["value"] },
    },
    // 四(二) Overseas warehouses
    ChartDef {
        id: "warehouse-tiles",
        dataset: "warehouses",
        title: L::new("海外仓规模", "Overseas warehouses in figures"),
        kind: Kind::Tiles { rows: Rows::All, cols: &["value", "yoy"] },
    },
    ChartDef {
        id: "warehouse-top10",
        dataset: "warehouse_top10",
        title: L::new(
            "海外仓数量前十的国家或地区(按位次)",
            "Top 10 countries or regions by number of overseas warehouses (in rank order)",
        ),
        kind: Kind::List,
    },
    ChartDef {
        id: "warehouse-emerging",
        dataset: "warehouse_emerging",
        title: L::new("新兴市场海外仓增速(2022 年)", "Growth of overseas warehouses in emerging markets (2022)"),
        kind: bars(&["count_growth", "area_growth"], Sort::Paper, false),
    },
    ChartDef {
        id: "warehouse-models",
        dataset: "warehouse_models",
        title: L::new("图 1:海外仓的三类模式", "Figure 1: three kinds of overseas warehouse"),
        kind: Kind::List,
    },
    ChartDef {
        id: "warehouse-found",
        dataset: "warehouse_found",
        title: L::new("补充数据:各国家或地区海外仓数量", "Supplementary: overseas warehouses by country or region"),
        kind: Kind::Bars {
            cols: &["count_2021", "count_2022"],
            rows: Rows::Only(&["usa", "germany", "uk", "canada", "japan", "france", "middle_east", "indonesia"]),
            sort: Sort::Paper,
            signed: false,
            rescale: None,
            sublabel: false,
            names: &[],
        },
    },
];

const ALL_SORTS: &[SortKey] = &[SortKey::Paper, SortKey::Value, SortKey::Growth, SortKey::Name];

/// The readings offered by charts whose data has more than one (one copy at run time).
pub static CONTROLS: &[(&str, Controls)] = READINGS;

/// The readings offered by charts whose data has more than one, as a `const` for compile-time
/// checks.
pub const READINGS: &[(&str, Controls)] = &[
    ("map-partners", Controls { metrics: &["exports", "yoy"], labels: &[], sorts: &[] }),
    (
        "map-flows",
        Controls {
            metrics: &["partners", "blocs"],
            labels: &[
                L::new("十大伙伴(表 3)", "Ten partners (Table 3)"),
                L::new("东盟、欧盟合计(正文进出口)", "ASEAN and the EU as blocs (total trade, text)"),
            ],
            sorts: &[],
        },
    ),
    (
        "commodities",
        Controls { metrics: &["amount", "amount_yoy", "qty_yoy", "unit_value_yoy"], labels: &[], sorts: ALL_SORTS },
    ),
    ("partners-exports", Controls { metrics: &["exports", "yoy", "exports_2022"], labels: &[], sorts: ALL_SORTS }),
    ("ports-jan-nov", Controls { metrics: &["jan_nov", "nov", "yoy"], labels: &[], sorts: ALL_SORTS }),
    ("ports-yoy", Controls { metrics: &[], labels: &[], sorts: &[SortKey::Value, SortKey::Paper, SortKey::Name] }),
    (
        "economies-change",
        Controls { metrics: &[], labels: &[], sorts: &[SortKey::Paper, SortKey::Value, SortKey::Name] },
    ),
    ("regions-value", Controls { metrics: &[], labels: &[], sorts: &[SortKey::Paper, SortKey::Value, SortKey::Name] }),
    (
        "warehouse-found",
        Controls { metrics: &[], labels: &[], sorts: &[SortKey::Paper, SortKey::Value, SortKey::Name] },
    ),
];

/// Whether two ids are equal, byte by byte (`==` on `str` is not available in `const fn`).
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A chart of the catalogue by id, at compile time or run time.
pub const fn find(id: &str) -> Option<&'static ChartDef> {
    let mut i = 0;
    while i < CATALOGUE.len() {
        if same(CATALOGUE[i].id, id) {
            return Some(&CATALOGUE[i]);
        }
        i += 1;
    }
    None
}

/// Whether the catalogue has a chart with this id.
pub const fn has_chart(id: &str) -> bool {
    find(id).is_some()
}

/// Whether the chart is drawn (on a canvas, or as a map layer), not tiles or a list.
pub const fn is_drawn(id: &str) -> bool {
    match find(id) {
        Some(c) => c.kind.is_canvas(),
        None => false,
    }
}

/// Whether the chart is a layer of the world map.
pub const fn is_map(id: &str) -> bool {
    match find(id) {
        Some(c) => c.kind.is_map(),
        None => false,
    }
}

/// The readings a chart offers, if any.
pub const fn readings_of(id: &str) -> Option<&'static Controls> {
    let mut i = 0;
    while i < READINGS.len() {
        if same(READINGS[i].0, id) {
            return Some(&READINGS[i].1);
        }
        i += 1;
    }
    None
}

/// Whether the chart offers this reading (a metric of its controls).
pub const fn has_reading(id: &str, metric: &str) -> bool {
    let Some(c) = readings_of(id) else { return false };
    let mut i = 0;
    while i < c.metrics.len() {
        if same(c.metrics[i], metric) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether the chart offers this sort order.
pub const fn has_sort(id: &str, sort: SortKey) -> bool {
    let Some(c) = readings_of(id) else { return false };
    let mut i = 0;
    while i < c.sorts.len() {
        if c.sorts[i] as u8 == sort as u8 {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_const_look_ups_agree_with_the_catalogue() {
        for def in CHARTS {
            assert!(has_chart(def.id), "{}", def.id);
            assert_eq!(find(def.id).map(|c| c.id), Some(def.id));
            assert_eq!(is_map(def.id), def.kind.is_map(), "{}", def.id);
            assert_eq!(is_drawn(def.id), def.kind.is_canvas(), "{}", def.id);
            let controls = def.controls();
            assert_eq!(readings_of(def.id), controls, "{}", def.id);
            for m in controls.map_or(&[][..], |c| c.metrics) {
                assert!(has_reading(def.id, m), "{} {m}", def.id);
            }
            for k in [SortKey::Paper, SortKey::Value, SortKey::Growth, SortKey::Name] {
                assert_eq!(has_sort(def.id, k), controls.is_some_and(|c| c.sorts.contains(&k)), "{} {k:?}", def.id);
            }
        }
    }

    #[test]
    fn unknown_ids_and_near_misses_are_rejected_byte_by_byte() {
        const { assert!(has_chart("commodities") && !has_chart("commodity") && !has_chart("commodities ")) };
        assert!(!has_chart("") && !has_chart("Commodities") && !has_chart("map-partner"));
        assert!(has_reading("commodities", "qty_yoy") && !has_reading("commodities", "qty"));
        assert!(!has_reading("timeline", "value"), "a chart without readings offers none");
        assert!(has_sort("ports-yoy", SortKey::Name) && !has_sort("ports-yoy", SortKey::Growth));
        assert!(is_map("map-routes") && !is_map("rail-growth") && !is_drawn("rail-tiles"));
    }
}
