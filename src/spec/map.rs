//! Map layers: which rows of which datasets become countries, points and routes on the map.
//!
//! Layer: spec. Builds a `MapSpec` per layer and language, plus the cell behind every item, so
//! the map shares the charts' tooltips, tables, exports and linked selection.

use super::{CellRef, RowExtra, RowRef, Settings};
use crate::chart::map::{Extent, MapArea, MapLabel, MapLegend, MapLine, MapPoint, MapSpec, Paint};
use crate::data::format::{self, number_text};
use crate::data::registry::dataset;
use crate::data::{Dataset, Lang, Row};
use crate::geo::{self, regions, LonLatBox};

/// The map's layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapLayer {
    Partners,
    Warehouses,
    Economies,
    Ecommerce,
    Routes,
    Ports,
}

/// Geometry indices of a row's country entities (Taiwan never stands alone: the paper counts it
/// within China).
fn countries_of(row: &Row) -> Vec<usize> {
    let all = geo::countries();
    let mut out = Vec::new();
    for e in row.entities {
        match regions::entity(e) {
            regions::Entity::Country(a3) => {
                out.extend(all.iter().enumerate().filter(|(_, c)| c.a3 == Some(a3)).map(|(i, _)| i));
            }
            regions::Entity::Group(g) => {
                out.extend(all.iter().enumerate().filter(|(_, c)| g.contains(c)).map(|(i, _)| i));
            }
            _ => {}
        }
    }
    out
}

/// Label anchor: a hand-placed point for awkward shapes, else the centre of the largest ring's
/// bounds among a row's countries.
fn anchor(countries: &[usize]) -> Option<(f64, f64)> {
    let all = geo::countries();
    for &i in countries {
        if let Some(at) = all.get(i).and_then(|c| c.a3).and_then(geo::points::label_anchor) {
            return Some(at);
        }
    }
    let paths = geo::equal_earth_paths();
    let best =
        countries.iter().filter_map(|&i| paths.get(i)).max_by(|a, b| a.bounds.area().total_cmp(&b.bounds.area()))?;
    let (x, y) = best.bounds.center();
    geo::Projection::EqualEarth.inverse(x, y)
}

fn cell(ds: &'static Dataset, row: &'static Row, col: &str) -> Option<CellRef> {
    let c = ds.column_index(col)?;
    row.cells[c].value.as_ref().map(|_| CellRef { ds, row, col: c })
}

fn value_of(ds: &Dataset, row: &Row, col: &str) -> Option<f64> {
    ds.column_index(col).and_then(|c| row.cells[c].value.as_ref()).map(|v| v.plot_x())
}

fn short(ds: &Dataset, row: &Row, col: &str, lang: Lang, signed: bool) -> String {
    let Some(c) = ds.column_index(col) else { return String::new() };
    let cell = &row.cells[c];
    match &cell.value {
        Some(v) if signed => format::signed_pct(v, lang),
        Some(v) => number_text(v.text, cell.unit, lang),
        None => String::new(),
    }
}

/// Everything a layer produces.
pub struct Layer {
    pub spec: MapSpec,
    pub refs: Vec<Vec<Option<CellRef>>>,
    pub extra: Vec<RowExtra>,
}

struct Builder {
    spec: MapSpec,
    refs: Vec<Vec<Option<CellRef>>>,
    extra: Vec<RowExtra>,
}

impl Builder {
    fn new(extent: Extent) -> Builder {
        Builder {
            spec: MapSpec {
                extent,
                areas: Vec::new(),
                points: Vec::new(),
                lines: Vec::new(),
                labels: Vec::new(),
                legend: MapLegend::None,
                rows: 0,
                row_labels: Vec::new(),
            },
            refs: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// Add a row: its label, the cells behind it, and (for rows without cells) the dataset row.
    fn row(&mut self, label: String, cells: Vec<Option<CellRef>>, head: Option<String>, row: Option<RowRef>) -> usize {
        let i = self.spec.rows;
        self.spec.rows += 1;
        self.spec.row_labels.push(label);
        self.refs.push(cells);
        self.extra.push(RowExtra { head, row });
        i
    }
}

fn ds(id: &str) -> &'static Dataset {
    dataset(id).expect("map layers name known datasets (checked by tests)")
}

fn zh_en(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::Zh {
        zh.to_string()
    } else {
        en.to_string()
    }
}

/// Build a layer for a language under the reader's settings (partners: metric 0 value, 1 growth).
pub fn build(layer: MapLayer, lang: Lang, settings: &Settings) -> Layer {
    let mut b = match layer {
        MapLayer::Ports => Builder::new(Extent::Box(LonLatBox::CHINA_COAST)),
        _ => Builder::new(Extent::World),
    };
    match layer {
        MapLayer::Partners => partners(&mut b, lang, settings.metric == 1),
        MapLayer::Warehouses => warehouses(&mut b, lang),
        MapLayer::Economies => economies(&mut b, lang),
        MapLayer::Ecommerce => ecommerce(&mut b, lang),
        MapLayer::Routes => routes(&mut b, lang),
        MapLayer::Ports => ports(&mut b, lang),
    }
    Layer { spec: b.spec, refs: b.refs, extra: b.extra }
}

fn partners(b: &mut Builder, lang: Lang, by_growth: bool) {
    let p = ds("partners");
    let max = p.rows.iter().filter_map(|r| value_of(p, r, "exports")).fold(0.0, f64::max);
    let max_abs = p.rows.iter().filter_map(|r| value_of(p, r, "yoy")).fold(0.0, |m: f64, v| m.max(v.abs()));
    for r in p.rows {
        let countries = countries_of(r);
        let paint = if by_growth {
            Paint::Diverge(value_of(p, r, "yoy").unwrap_or(0.0) / max_abs.max(1e-9))
        } else {
            Paint::Ramp(value_of(p, r, "exports").unwrap_or(0.0) / max.max(1e-9))
        };
        let text = format!(
            "{} {}",
            r.label.get(lang),
            if by_growth { short(p, r, "yoy", lang, true) } else { short(p, r, "exports", lang, false) }
        );
        let first = if by_growth { "yoy" } else { "exports" };
        let second = if by_growth { "exports" } else { "yoy" };
        let row = b.row(r.label.get(lang).to_string(), vec![cell(p, r, first), cell(p, r, second)], None, None);
        if let Some((lon, lat)) = anchor(&countries) {
            b.spec.labels.push(MapLabel { lon, lat, text, row });
        }
        b.spec.areas.push(MapArea { countries, paint, row, outline: false });
    }
    // ASEAN and the EU, outlined, with Table 2 and the text's totals.
    let reg = ds("regions");
    for (key, series) in [("asean", 2usize), ("eu", 3usize)] {
        let Some(r) = reg.row(key) else { continue };
        let countries = countries_of(r);
        let row =
            b.row(r.label.get(lang).to_string(), vec![cell(reg, r, "exports"), cell(reg, r, "trade")], None, None);
        b.spec.areas.push(MapArea { countries, paint: Paint::Series(series), row, outline: true });
    }
    b.spec.legend = if by_growth {
        MapLegend::Ramp {
            lo: format!("−{max_abs:.1}%"),
            hi: format!("+{max_abs:.1}%"),
            caption: zh_en(lang, "表 3 同比;描边:东盟、欧盟", "Table 3, year on year; outlined: ASEAN, EU"),
            diverging: true,
        }
    } else {
        let unit = p.columns[p.column_index("exports").unwrap_or(0)].unit;
        let hi = number_text(&format!("{max}"), unit, lang);
        MapLegend::Ramp {
            lo: "0".into(),
            hi,
            caption: zh_en(lang, "亿美元(表 3);描边:东盟、欧盟", "US$ billion (Table 3); outlined: ASEAN, EU"),
            diverging: false,
        }
    };
}

fn warehouses(b: &mut Builder, lang: Lang) {
    let top = ds("warehouse_top10");
    let found = ds("warehouse_found");
    for r in top.rows {
        let countries = countries_of(r);
        let rank = value_of(top, r, "rank").unwrap_or(10.0);
        // Supplementary counts (outside the paper) ride along in the tooltip, marked as such.
        let supp = r.entities.first().and_then(|e| found.rows.iter().find(|f| f.entities.first() == Some(e)));
        let mut cells = vec![cell(top, r, "rank")];
        if let Some(f) = supp {
            cells.push(cell(found, f, "count_2022"));
            cells.push(cell(found, f, "growth_2022"));
        }
        let row = b.row(r.label.get(lang).to_string(), cells, None, None);
        let text = format!("{} {}", short(top, r, "rank", lang, false), r.label.get(lang));
        if let Some((lon, lat)) = anchor(&countries) {
            b.spec.labels.push(MapLabel { lon, lat, text, row });
        }
        b.spec.areas.push(MapArea { countries, paint: Paint::Ramp(1.0 - (rank - 1.0) / 10.0), row, outline: false });
    }
    let em = ds("warehouse_emerging");
    for r in em.rows.iter().filter(|r| r.entities.iter().any(|e| e.starts_with("region:"))) {
        let countries = countries_of(r);
        let row = b.row(
            r.label.get(lang).to_string(),
            vec![cell(em, r, "count_growth"), cell(em, r, "area_growth")],
            None,
            None,
        );
        b.spec.areas.push(MapArea { countries: countries.clone(), paint: Paint::Series(1), row, outline: true });
        if let Some((lon, lat)) = anchor(&countries) {
            let g = short(em, r, "count_growth", lang, true);
            b.spec.labels.push(MapLabel { lon, lat: lat - 6.0, text: format!("{} {g}", r.label.get(lang)), row });
        }
    }
    b.spec.legend = MapLegend::Swatches(vec![
        (Paint::Ramp(1.0), zh_en(lang, "前十位次(第 1 最深)", "Top-10 rank (1st darkest)")),
        (Paint::Series(1), zh_en(lang, "新兴市场(描边)", "Emerging markets (outlined)")),
    ]);
}

fn economies(b: &mut Builder, lang: Lang) {
    let e = ds("economies");
    let max_abs = e.rows.iter().filter_map(|r| value_of(e, r, "change")).fold(0.0, |m: f64, v| m.max(v.abs()));
    for r in e.rows {
        let countries = countries_of(r);
        let v = value_of(e, r, "change").unwrap_or(0.0);
        let head = r
            .measure
            .map(|m| format!("{} · {} · {}", r.label.get(lang), r.period.map_or("", |p| p.get(lang)), m.get(lang)));
        let row = b.row(r.label.get(lang).to_string(), vec![cell(e, r, "change"), cell(e, r, "level")], head, None);
        if let Some((lon, lat)) = anchor(&countries) {
            b.spec.labels.push(MapLabel {
                lon,
                lat,
                text: format!("{} {}", r.label.get(lang), short(e, r, "change", lang, true)),
                row,
            });
        }
        b.spec.areas.push(MapArea { countries, paint: Paint::Diverge(v / max_abs.max(1e-9)), row, outline: false });
    }
    b.spec.legend = MapLegend::Ramp {
        lo: format!("−{max_abs:.1}%"),
        hi: format!("+{max_abs:.1}%"),
        caption: zh_en(lang, "各经济体时段与口径不同", "Periods and measures differ by economy"),
        diverging: true,
    };
}

fn ecommerce(b: &mut Builder, lang: Lang) {
    let pen = ds("penetration");
    let max = pen.rows.iter().filter_map(|r| value_of(pen, r, "y2025")).fold(0.0, f64::max);
    for r in pen.rows {
        let countries = countries_of(r);
        let v = value_of(pen, r, "y2025").unwrap_or(0.0);
        let row = b.row(
            r.label.get(lang).to_string(),
            vec![cell(pen, r, "y2025"), cell(pen, r, "y2020"), cell(pen, r, "change")],
            None,
            None,
        );
        if let Some((lon, lat)) = anchor(&countries) {
            let text = format!(
                "{} {}→{}%",
                r.label.get(lang),
                short(pen, r, "y2020", lang, false),
                short(pen, r, "y2025", lang, false)
            );
            b.spec.labels.push(MapLabel { lon, lat, text, row });
        }
        b.spec.areas.push(MapArea { countries, paint: Paint::Ramp(v / max.max(1e-9)), row, outline: false });
    }
    let fast = ds("fastest_markets");
    for r in fast.rows {
        let countries = countries_of(r);
        let head = r.group.map(|g| format!("{} · {}", r.label.get(lang), g.get(lang)));
        let row = b.row(r.label.get(lang).to_string(), Vec::new(), head, Some(RowRef { ds: fast, row: r }));
        if let Some((lon, lat)) = anchor(&countries) {
            b.spec.labels.push(MapLabel { lon, lat, text: r.label.get(lang).to_string(), row });
        }
        b.spec.areas.push(MapArea { countries, paint: Paint::Series(1), row, outline: false });
    }
    b.spec.legend = MapLegend::Swatches(vec![
        (Paint::Ramp(1.0), zh_en(lang, "2025 年电商渗透率(预计)", "E-commerce penetration, 2025 (forecast)")),
        (Paint::Series(1), zh_en(lang, "电商零售增长最快的市场", "Fastest-growing e-commerce markets")),
    ]);
}

/// The schematic sea lanes (data/geo/sea_routes.csv), as parts split at the antimeridian.
fn sea_route(route: &str) -> Vec<Vec<(f64, f64)>> {
    geo::points::sea_route(route).map_or_else(Vec::new, |r| r.parts.iter().map(|p| p.to_vec()).collect())
}

fn routes(b: &mut Builder, lang: Lang) {
    let rail = ds("rail");
    let ship = ds("shipping");
    let teu = rail.row("cr_teu");
    let trains = rail.row("cr_trains");
    let rail_cells = || vec![teu.and_then(|r| cell(rail, r, "value")), trains.and_then(|r| cell(rail, r, "value"))];
    // The corridors of data/geo/corridors.csv: one row each, drawn as all of its lines.
    for c in geo::points::corridors() {
        let row = b.row(c.name.get(lang).to_string(), rail_cells(), Some(c.name.get(lang).to_string()), None);
        for pts in c.line_points() {
            b.spec.lines.push(MapLine { pts, paint: Paint::Series(0), width: 3, dashed: false, row, label: None });
        }
    }
    let wlsc = rail.row("wlsc_teu");
    // Sea lanes.
    let red_sea = ship.row("red_sea_delay");
    // The lane the paper's Drewry figures cover (Asia–North Europe and the Mediterranean among the
    // main lanes): its scheduled and cancelled sailings.
    let cancelled = ship.row("drewry_cancelled");
    let planned = ship.row("drewry_planned");
    let suez_row = b.row(
        zh_en(lang, "亚欧航线:经曼德海峡与苏伊士运河", "Asia–Europe: via Bab-el-Mandeb and Suez"),
        vec![cancelled.and_then(|r| cell(ship, r, "value")), planned.and_then(|r| cell(ship, r, "value"))],
        Some(zh_en(
            lang,
            "亚欧航线:经曼德海峡与苏伊士运河(示意);德鲁里统计的主要航线含亚洲至北欧和地中海",
            "Asia–Europe sea route via Bab-el-Mandeb and Suez (schematic); Drewry's main lanes include Asia to North Europe and the Mediterranean",
        )),
        None,
    );
    for pts in sea_route("suez") {
        b.spec.lines.push(MapLine {
            pts,
            paint: Paint::Series(4),
            width: 2,
            dashed: false,
            row: suez_row,
            label: None,
        });
    }
    let cape_row = b.row(
        zh_en(lang, "绕航好望角", "Detour round the Cape of Good Hope"),
        vec![red_sea.and_then(|r| cell(ship, r, "value"))],
        Some(zh_en(
            lang,
            "绕航好望角(示意):航运时效延长 10~15 天左右",
            "Detour round the Cape of Good Hope (schematic): about 10–15 days longer",
        )),
        None,
    );
    for pts in sea_route("cape") {
        b.spec.lines.push(MapLine { pts, paint: Paint::Series(5), width: 2, dashed: true, row: cape_row, label: None });
    }
    let la = ship.row("la_teu");
    let cnus = ship.row("cn_us_teu");
    let pac_row = b.row(
        zh_en(lang, "跨太平洋航线:中国—洛杉矶", "Trans-Pacific: China to Los Angeles"),
        vec![cnus.and_then(|r| cell(ship, r, "value")), la.and_then(|r| cell(ship, r, "value"))],
        Some(zh_en(lang, "跨太平洋航线(示意)", "Trans-Pacific lane (schematic)")),
        None,
    );
    for pts in sea_route("pacific") {
        b.spec.lines.push(MapLine { pts, paint: Paint::Series(1), width: 2, dashed: false, row: pac_row, label: None });
    }
    // Chokepoints and the destination port.
    for (id, row) in [
        ("bab_el_mandeb", cape_row),
        ("suez_north", suez_row),
        ("cape_good_hope", cape_row),
        ("port_los_angeles", pac_row),
    ] {
        if let Some(p) = geo::points::port(id) {
            b.spec.points.push(MapPoint {
                lon: p.lon,
                lat: p.lat,
                r: 4.0,
                paint: Paint::Series(5),
                row,
                label: Some(p.name(lang).to_string()),
            });
        }
    }
    // Railway hubs in China, and the western land–sea corridor's figure at Chongqing.
    let hub_row = b.row(
        zh_en(lang, "西部陆海新通道班列", "New Western Land–Sea Corridor trains"),
        vec![wlsc.and_then(|r| cell(rail, r, "value"))],
        None,
        None,
    );
    for w in geo::points::waypoints().iter().filter(|w| w.corridor == "hub") {
        let row = if w.name_en == "Chongqing" {
            hub_row
        } else {
            let head =
                zh_en(lang, &format!("中欧班列枢纽:{}", w.name_zh), &format!("Railway Express hub: {}", w.name_en));
            b.row(w.name(lang).to_string(), rail_cells(), Some(head), None)
        };
        b.spec.points.push(MapPoint {
            lon: w.lon,
            lat: w.lat,
            r: 3.5,
            paint: Paint::Series(0),
            row,
            label: Some(w.name(lang).to_string()),
        });
    }
    b.spec.legend = MapLegend::Swatches(vec![
        (Paint::Series(0), zh_en(lang, "中欧班列通道", "Railway Express corridors")),
        (Paint::Series(4), zh_en(lang, "经苏伊士", "Via Suez")),
        (Paint::Series(5), zh_en(lang, "绕好望角(虚线)", "Round the Cape (dashed)")),
        (Paint::Series(1), zh_en(lang, "跨太平洋", "Trans-Pacific")),
    ]);
}

fn ports(b: &mut Builder, lang: Lang) {
    let t4 = ds("ports");
    let max = t4.rows.iter().filter_map(|r| value_of(t4, r, "jan_nov")).fold(0.0, f64::max);
    let gmax = t4.rows.iter().filter_map(|r| value_of(t4, r, "yoy")).fold(0.0, f64::max);
    for r in t4.rows {
        let Some(pid) = r.entities.first().and_then(|e| e.strip_prefix("port:")) else { continue };
        let Some(p) = geo::points::port(pid) else { continue };
        let v = value_of(t4, r, "jan_nov").unwrap_or(0.0);
        let g = value_of(t4, r, "yoy").unwrap_or(0.0);
        let mut cells = vec![cell(t4, r, "jan_nov"), cell(t4, r, "yoy"), cell(t4, r, "nov")];
        // Yantian's facts (二(四)4) share Shenzhen's point: they ride in its tooltip, not as a dot on top.
        if pid == "shenzhen_yantian" {
            let pc = ds("port_cluster");
            cells.extend(
                ["yantian_gd_share", "yantian_us_share"].iter().map(|k| pc.row(k).and_then(|x| cell(pc, x, "value"))),
            );
        }
        let row = b.row(r.label.get(lang).to_string(), cells, None, None);
        let label = format!("{} {}", r.label.get(lang), short(t4, r, "jan_nov", lang, false));
        b.spec.points.push(MapPoint {
            lon: p.lon,
            lat: p.lat,
            r: 3.0 + 17.0 * (v / max.max(1e-9)).sqrt(),
            paint: Paint::Ramp(g / gmax.max(1e-9)),
            row,
            label: Some(label),
        });
    }
    // Port-cluster facts of 二(四)2–4 at their ports.
    let pc = ds("port_cluster");
    for (key, at) in [("oocl_nansha_teu", "guangzhou_nansha"), ("byd_pctc", "xiaomo")] {
        let (Some(r), Some(p)) = (pc.row(key), geo::points::port(at)) else { continue };
        let row =
            b.row(r.label.get(lang).to_string(), vec![cell(pc, r, "value")], Some(p.name(lang).to_string()), None);
        b.spec.points.push(MapPoint { lon: p.lon, lat: p.lat, r: 2.5, paint: Paint::Series(5), row, label: None });
    }
    b.spec.legend = MapLegend::Ramp {
        lo: "0%".into(),
        hi: format!("+{gmax:.1}%"),
        caption: zh_en(
            lang,
            "颜色:1—11 月同比;圆面积:1—11 月吞吐量(万 Teu)",
            "Colour: Jan–Nov growth; area: Jan–Nov throughput",
        ),
        diverging: false,
    };
}
