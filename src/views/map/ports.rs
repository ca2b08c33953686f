//! The ports layer: Table 4's top-20 container ports sized by January–November throughput and
//! coloured by growth, with the port-cluster facts of 二(四) at their ports.
//!
//! Layer: views.

use super::{cell, ds, growth_ends, label_of, value_of, words, Builder};
use crate::chart::map::{MapLegend, MapPoint, Paint};
use crate::data::Lang;
use crate::geo;

pub(super) fn build(b: &mut Builder, lang: Lang) {
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
        let label = format!("{} {}", r.label.get(lang), label_of(t4, r, "jan_nov", lang));
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
    let (_, hi) = growth_ends(gmax);
    b.spec.legend = MapLegend::Ramp { lo: "0%".into(), hi, caption: words::PORTS.get(lang).into(), diverging: false };
}
