//! The economies layer: the 2023 trade change of ASEAN members and major economies of 一(三)1,
//! on a diverging scale (their periods and measures differ, as the legend says).
//!
//! Layer: views.

use super::{anchor, cell, countries_of, ds, growth_ends, max_abs, signed_of, value_of, words, Builder};
use crate::chart::map::{MapArea, MapLabel, MapLegend, Paint};
use crate::data::Lang;

pub(super) fn build(b: &mut Builder, lang: Lang) {
    let e = ds("economies");
    let top = max_abs(e, "change");
    for r in e.rows {
        let countries = countries_of(r);
        let v = value_of(e, r, "change").unwrap_or(0.0);
        let head = r
            .measure
            .map(|m| format!("{} · {} · {}", r.label.get(lang), r.period.map_or("", |p| p.get(lang)), m.get(lang)));
        let row = b.row(r.label.get(lang).to_string(), vec![cell(e, r, "change"), cell(e, r, "level")], head, None);
        if let Some((lon, lat)) = anchor(&countries) {
            let text = format!("{} {}", r.label.get(lang), signed_of(e, r, "change", lang));
            b.spec.labels.push(MapLabel { lon, lat, text, row });
        }
        b.spec.areas.push(MapArea { countries, paint: Paint::Diverge(v / top.max(1e-9)), row, outline: false });
    }
    let (lo, hi) = growth_ends(top);
    b.spec.legend = MapLegend::Ramp { lo, hi, caption: words::ECONOMIES.get(lang).into(), diverging: true };
}
