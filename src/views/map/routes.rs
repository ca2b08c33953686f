//! The routes layer: the China–Europe Railway Express corridors (schematic), the Asia–Europe
//! lane via Suez and its detour round the Cape (schematic), the trans-Pacific lane drawn as wide
//! as the container volume the paper gives for it, chokepoints, and the railway hubs.
//!
//! Layer: views.

use super::{cell, ds, words, Builder};
use crate::chart::map::{MapLegend, MapLine, MapPoint, Paint};
use crate::data::Lang;
use crate::geo;
use crate::views::words::fill;

/// Width in CSS pixels per 万 TEU, for a lane whose volume the paper gives.
const PX_PER_10K_TEU: f64 = 0.0056;

/// A sea lane of data/geo/sea_routes.csv as one path, its parts (split at ±180° in the file)
/// joined with continuous longitudes so the map can cut it where its own edge lies.
fn sea_route(route: &str) -> Vec<(f64, f64)> {
    let Some(r) = geo::points::sea_route(route) else { return Vec::new() };
    let mut out: Vec<(f64, f64)> = Vec::new();
    for part in r.parts {
        let shift = match (out.last(), part.first()) {
            (Some(&(a, _)), Some(&(b, _))) if (b - a).abs() > 180.0 => (a - b).signum() * 360.0,
            _ => 0.0,
        };
        let skip = usize::from(
            out.last().is_some_and(|&(a, _)| part.first().is_some_and(|&(b, _)| (a - b - shift).abs() < 1e-9)),
        );
        out.extend(part.iter().skip(skip).map(|&(lon, lat)| (lon + shift, lat)));
    }
    out
}

pub(super) fn build(b: &mut Builder, lang: Lang) {
    let rail = ds("rail");
    let ship = ds("shipping");
    let rail_cells =
        || ["cr_teu", "cr_trains"].iter().map(|k| rail.row(k).and_then(|r| cell(rail, r, "value"))).collect();
    // The corridors of data/geo/corridors.csv: one row each, drawn as all of its lines.
    for c in geo::points::corridors() {
        let row = b.row(c.name.get(lang).to_string(), rail_cells(), Some(c.name.get(lang).to_string()), None);
        for pts in c.line_points() {
            b.spec.lines.push(MapLine { pts, paint: Paint::Series(0), width: 3.0, dashed: false, row, label: None });
        }
    }
    let shipping = |key: &str| ship.row(key).and_then(|r| cell(ship, r, "value"));
    // The lane the paper's Drewry figures cover (Asia–North Europe and the Mediterranean among the
    // main lanes): its scheduled and cancelled sailings.
    let suez = vec![shipping("drewry_cancelled"), shipping("drewry_planned")];
    let suez_row = b.row(words::SUEZ.get(lang).into(), suez, Some(words::SUEZ_HEAD.get(lang).into()), None);
    let pts = sea_route("suez");
    b.spec.lines.push(MapLine { pts, paint: Paint::Series(4), width: 2.0, dashed: false, row: suez_row, label: None });
    let cape = vec![shipping("red_sea_delay")];
    let cape_row = b.row(words::CAPE.get(lang).into(), cape, Some(words::CAPE_HEAD.get(lang).into()), None);
    let pts = sea_route("cape");
    b.spec.lines.push(MapLine { pts, paint: Paint::Series(5), width: 2.0, dashed: true, row: cape_row, label: None });
    // The trans-Pacific lane, as wide as the container volume from mainland China to the US.
    let teu =
        ship.row("cn_us_teu").and_then(|r| r.cells[ship.column_index("value")?].value.as_ref()).map_or(0.0, |v| v.x);
    let pacific = vec![shipping("cn_us_teu"), shipping("la_teu")];
    let pac_row = b.row(words::PACIFIC.get(lang).into(), pacific, Some(words::PACIFIC_HEAD.get(lang).into()), None);
    let width = (teu * PX_PER_10K_TEU).max(2.0);
    let pts = sea_route("pacific");
    b.spec.lines.push(MapLine { pts, paint: Paint::Series(1), width, dashed: false, row: pac_row, label: None });
    // Chokepoints and the destination port.
    for (id, row) in [
        ("bab_el_mandeb", cape_row),
        ("suez_north", suez_row),
        ("cape_good_hope", cape_row),
        ("port_los_angeles", pac_row),
    ] {
        if let Some(p) = geo::points::port(id) {
            let label = Some(p.name(lang).to_string());
            b.spec.points.push(MapPoint { lon: p.lon, lat: p.lat, r: 4.0, paint: Paint::Series(5), row, label });
        }
    }
    hubs(b, lang, rail_cells);
    b.spec.legend = MapLegend::Swatches(vec![
        (Paint::Series(0), words::RAIL_KEY.get(lang).into()),
        (Paint::Series(4), words::SUEZ_KEY.get(lang).into()),
        (Paint::Series(5), words::CAPE_KEY.get(lang).into()),
        (Paint::Series(1), words::PACIFIC_KEY.get(lang).into()),
    ]);
}

/// Railway hubs in China; Chongqing carries the New Western Land–Sea Corridor's figure.
fn hubs(b: &mut Builder, lang: Lang, rail_cells: impl Fn() -> Vec<Option<crate::views::CellRef>>) {
    let rail = ds("rail");
    let wlsc = vec![rail.row("wlsc_teu").and_then(|r| cell(rail, r, "value"))];
    let hub_row = b.row(words::WLSC.get(lang).into(), wlsc, None, None);
    for w in geo::points::waypoints().iter().filter(|w| w.corridor == "hub") {
        let row = if w.name_en == "Chongqing" {
            hub_row
        } else {
            let head = fill(words::HUB, lang, &[w.name(lang)]);
            b.row(w.name(lang).to_string(), rail_cells(), Some(head), None)
        };
        let label = Some(w.name(lang).to_string());
        b.spec.points.push(MapPoint { lon: w.lon, lat: w.lat, r: 3.5, paint: Paint::Series(0), row, label });
    }
}
