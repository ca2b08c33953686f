//! The warehouses layer: the top-10 countries for overseas warehouses shaded by rank (with the
//! supplementary counts in their tooltips), and the emerging markets outlined.
//!
//! Layer: views.

use super::{anchor, cell, countries_of, ds, signed_of, value_of, words, Builder};
use crate::chart::map::{MapArea, MapLabel, MapLegend, Paint};
use crate::data::Lang;

pub(super) fn build(b: &mut Builder, lang: Lang) {
    let top = ds("warehouse_top10");
    // The rows follow the ranking: an opening view keeps No. 1 in view.
    b.spec.ranked = true;
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
        let rank_text = top.column_index("rank").and_then(|c| r.cells[c].value.as_ref()).map_or("", |v| v.text);
        let text = format!("{rank_text} {}", r.label.get(lang));
        if let Some((lon, lat)) = anchor(&countries) {
            b.spec.labels.push(MapLabel { lon, lat, text, row });
        }
        b.spec.areas.push(MapArea { countries, paint: Paint::Ramp(1.0 - (rank - 1.0) / 10.0), row, outline: false });
    }
    let em = ds("warehouse_emerging");
    for r in em.rows.iter().filter(|r| r.entities.iter().any(|e| e.starts_with("region:"))) {
        let countries = countries_of(r);
        let cells = vec![cell(em, r, "count_growth"), cell(em, r, "area_growth")];
        let row = b.row(r.label.get(lang).to_string(), cells, None, None);
        b.spec.areas.push(MapArea { countries: countries.clone(), paint: Paint::Series(1), row, outline: true });
        if let Some((lon, lat)) = anchor(&countries) {
            let g = signed_of(em, r, "count_growth", lang);
            b.spec.labels.push(MapLabel { lon, lat: lat - 6.0, text: format!("{} {g}", r.label.get(lang)), row });
        }
    }
    b.spec.legend = MapLegend::Swatches(vec![
        (Paint::Ramp(1.0), words::WAREHOUSE_RANK.get(lang).into()),
        (Paint::Series(1), words::WAREHOUSE_EMERGING.get(lang).into()),
    ]);
}
