//! The partners layer: Table 3's ten partners shaded by value or by growth, with ASEAN and the
//! EU (Table 2) outlined.
//!
//! Layer: views.

use super::{anchor, cell, countries_of, ds, growth_ends, label_of, max_abs, signed_of, value_of, words, Builder};
use crate::chart::map::{MapArea, MapLabel, MapLegend, Paint};
use crate::data::format;
use crate::data::Lang;

pub(super) fn build(b: &mut Builder, lang: Lang, by_growth: bool) {
    let p = ds("partners");
    let max = p.rows.iter().filter_map(|r| value_of(p, r, "exports")).fold(0.0, f64::max);
    let growth_max = max_abs(p, "yoy");
    for r in p.rows {
        let countries = countries_of(r);
        let paint = if by_growth {
            Paint::Diverge(value_of(p, r, "yoy").unwrap_or(0.0) / growth_max.max(1e-9))
        } else {
            Paint::Ramp(value_of(p, r, "exports").unwrap_or(0.0) / max.max(1e-9))
        };
        let shown = if by_growth { signed_of(p, r, "yoy", lang) } else { label_of(p, r, "exports", lang) };
        let text = format!("{} {shown}", r.label.get(lang));
        let (first, second) = if by_growth { ("yoy", "exports") } else { ("exports", "yoy") };
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
        let (lo, hi) = growth_ends(growth_max);
        MapLegend::Ramp { lo, hi, caption: words::PARTNERS_GROWTH.get(lang).into(), diverging: true }
    } else {
        // The scale's top is the largest value, as a label (with its unit).
        let top = p.rows.iter().max_by(|a, b| {
            value_of(p, a, "exports").unwrap_or(0.0).total_cmp(&value_of(p, b, "exports").unwrap_or(0.0))
        });
        let hi = top.map_or_else(String::new, |r| label_of(p, r, "exports", lang));
        let unit = p.column("exports").and_then(|c| c.unit);
        MapLegend::Ramp {
            lo: format::with_short_unit("0", unit, lang),
            hi,
            caption: words::PARTNERS_VALUE.get(lang).into(),
            diverging: false,
        }
    };
}
