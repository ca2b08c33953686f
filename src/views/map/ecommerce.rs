//! The e-commerce layer: penetration in 2020 and (forecast) 2025, and the fastest-growing
//! e-commerce markets the paper names.
//!
//! Layer: views.

use super::{anchor, cell, countries_of, ds, label_of, value_of, words, Builder};
use crate::chart::map::{MapArea, MapLabel, MapLegend, Paint};
use crate::data::Lang;
use crate::views::RowRef;

pub(super) fn build(b: &mut Builder, lang: Lang) {
    let pen = ds("penetration");
    let max = pen.rows.iter().filter_map(|r| value_of(pen, r, "y2025")).fold(0.0, f64::max);
    for r in pen.rows {
        let countries = countries_of(r);
        let v = value_of(pen, r, "y2025").unwrap_or(0.0);
        let cells = vec![cell(pen, r, "y2025"), cell(pen, r, "y2020"), cell(pen, r, "change")];
        let row = b.row(r.label.get(lang).to_string(), cells, None, None);
        if let Some((lon, lat)) = anchor(&countries) {
            let (from, to) = (label_of(pen, r, "y2020", lang), label_of(pen, r, "y2025", lang));
            let text = format!("{} {}→{}", r.label.get(lang), from.trim_end_matches('%'), to);
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
        (Paint::Ramp(1.0), words::PENETRATION.get(lang).into()),
        (Paint::Series(1), words::FASTEST.get(lang).into()),
    ]);
}
