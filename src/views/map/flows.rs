//! The flows layer: China's trade drawn as arcs to its partners along great circles, each as
//! wide as its value (widths, not areas, carry the value: a reader compares widths), coloured by
//! year-on-year change on the partners layer's diverging scale, with an arrowhead at the partner
//! (from China) and the value at the arc's end. One reading draws Table 3's ten partners; the
//! other draws ASEAN and the EU as blocs in place of their members, so nothing is counted twice.
//!
//! One width scale serves every arc, so every arc must carry the same measure: Table 3 is titled
//! exports, but its figures look like total trade (its data note: the US value exceeds the US
//! import figure, Vietnam, Malaysia and Indonesia together exceed Table 2's exports to all of
//! ASEAN). The blocs therefore carry the paper's total trade with them (the text of 一(四)1), not
//! Table 2's exports, which would let the US arrow out-draw all of ASEAN; the legend says so.
//!
//! Layer: views.

use super::{anchor, cell, countries_of, ds, label_of, value_of, words, Builder};
use crate::chart::map::{MapArea, MapFlow, MapLegend, Paint};
use crate::data::{Dataset, Lang, Row};
use crate::float::Within;
use crate::geo;

/// Width of the largest arc, in CSS pixels at zoom 1.
const MAX_WIDTH: f64 = 16.0;
/// Points along each arc.
const STEPS: usize = 64;

/// Points along the great circle from `a` to `b` (lon/lat degrees), longitudes kept continuous
/// (so a path across the Pacific runs past 180° instead of jumping to −180°).
pub fn great_circle(a: (f64, f64), b: (f64, f64), steps: usize) -> Vec<(f64, f64)> {
    let unit = |(lon, lat): (f64, f64)| {
        let (lon, lat) = (lon.to_radians(), lat.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    };
    let (p, q) = (unit(a), unit(b));
    let dot = (p[0] * q[0] + p[1] * q[1] + p[2] * q[2]).within(-1.0, 1.0);
    let d = dot.acos();
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(steps + 1);
    for i in 0..=steps {
        let t = i as f64 / steps as f64;
        let (s, u) = if d < 1e-9 { (1.0 - t, t) } else { (((1.0 - t) * d).sin() / d.sin(), (t * d).sin() / d.sin()) };
        let r = [s * p[0] + u * q[0], s * p[1] + u * q[1], s * p[2] + u * q[2]];
        let mut lon = r[1].atan2(r[0]).to_degrees();
        let lat = r[2].atan2(r[0].hypot(r[1])).to_degrees();
        if let Some(&(prev, _)) = out.last() {
            lon += 360.0 * ((prev - lon) / 360.0).round();
        }
        out.push((lon, lat));
    }
    out
}

/// Where China's arcs start.
fn origin() -> (f64, f64) {
    geo::points::label_anchor("CHN").unwrap_or((104.0, 35.0))
}

/// One arc to shade and draw: the row it stands for, its value column and growth column.
struct Arc {
    ds: &'static Dataset,
    row: &'static Row,
    value: &'static str,
    growth: &'static str,
}

/// The arcs of a reading: Table 3's ten partners, or ASEAN and the EU (their total trade, from
/// the text) with the partners that belong to neither.
fn arcs(blocs: bool) -> Vec<Arc> {
    let p = ds("partners");
    let reg = ds("regions");
    let in_bloc = |r: &Row| {
        let members = |key: &str| reg.row(key).map(countries_of).unwrap_or_default();
        let mine = countries_of(r);
        mine.iter().any(|c| members("asean").contains(c) || members("eu").contains(c))
    };
    let mut out: Vec<Arc> = p
        .rows
        .iter()
        .filter(|r| !blocs || !in_bloc(r))
        .map(|row| Arc { ds: p, row, value: "exports", growth: "yoy" })
        .collect();
    if blocs {
        for key in ["asean", "eu"] {
            if let Some(row) = reg.row(key) {
                out.push(Arc { ds: reg, row, value: "trade", growth: "trade_yoy" });
            }
        }
    }
    let v = |a: &Arc| value_of(a.ds, a.row, a.value).unwrap_or(0.0);
    crate::chart::order::reorder(out, &|a, b| v(b).total_cmp(&v(a)))
}

pub(super) fn build(b: &mut Builder, lang: Lang, blocs: bool) {
    let arcs = arcs(blocs);
    let max = arcs.iter().filter_map(|a| value_of(a.ds, a.row, a.value)).fold(0.0, f64::max);
    let max_growth = arcs.iter().filter_map(|a| value_of(a.ds, a.row, a.growth)).fold(0.0, |m: f64, g| m.max(g.abs()));
    let from = origin();
    for a in &arcs {
        let countries = countries_of(a.row);
        let Some(to) = anchor(&countries) else { continue };
        let cells = vec![cell(a.ds, a.row, a.value), cell(a.ds, a.row, a.growth)];
        let row = b.row(a.row.label.get(lang).to_string(), cells, None, None);
        let g = value_of(a.ds, a.row, a.growth).unwrap_or(0.0);
        let paint = Paint::Diverge(g / max_growth.max(1e-9));
        let width = MAX_WIDTH * value_of(a.ds, a.row, a.value).unwrap_or(0.0) / max.max(1e-9);
        let label = Some(format!("{} {}", a.row.label.get(lang), label_of(a.ds, a.row, a.value, lang)));
        b.spec.flows.push(MapFlow { pts: great_circle(from, to, STEPS), width, paint, row, label });
        // A thin outline shows where the arc arrives without competing with it.
        b.spec.areas.push(MapArea { countries, paint, row, outline: true });
    }
    let (lo, hi) = super::growth_ends(max_growth);
    let caption = if blocs { words::FLOWS_BLOCS } else { words::FLOWS_PARTNERS };
    b.spec.legend = MapLegend::Ramp { lo, hi, caption: caption.get(lang).into(), diverging: true };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_great_circle_keeps_its_ends_and_crosses_the_pacific_eastwards_to_america() {
        let path = great_circle((104.0, 35.0), (-99.0, 39.0), 64);
        let (first, last) = (path[0], path[path.len() - 1]);
        assert!((first.0 - 104.0).abs() < 1e-9 && (first.1 - 35.0).abs() < 1e-9, "{first:?}");
        assert!(((last.0 - 360.0) - -99.0).abs() < 1e-6 && (last.1 - 39.0).abs() < 1e-6, "{last:?}");
        assert!(path.windows(2).all(|w| (w[1].0 - w[0].0).abs() < 10.0), "longitudes stay continuous");
        assert!(path.iter().any(|p| p.1 > 50.0), "the shortest way bends north over the Pacific");
    }

    #[test]
    fn the_partners_reading_draws_ten_arcs_largest_first_as_wide_as_their_values() {
        let mut b = Builder::new(crate::chart::map::Extent::World);
        build(&mut b, Lang::En, false);
        let flows = &b.spec.flows;
        assert_eq!(flows.len(), 10);
        assert!(flows.windows(2).all(|w| w[0].width >= w[1].width), "largest first");
        assert_eq!(flows[0].width, MAX_WIDTH);
        let us = b.spec.row_labels.iter().position(|l| l == "United States").unwrap();
        let ru = b.spec.row_labels.iter().position(|l| l == "Russia").unwrap();
        let ratio = flows[ru].width / flows[us].width;
        assert!((ratio - 2401.10 / 6644.51).abs() < 1e-9, "widths in proportion to Table 3: {ratio}");
        assert_eq!(flows[us].label.as_deref(), Some("United States US$664.5 bn"));
    }

    #[test]
    fn the_blocs_reading_replaces_members_so_nothing_is_counted_twice() {
        let mut b = Builder::new(crate::chart::map::Extent::World);
        build(&mut b, Lang::Zh, true);
        let names = &b.spec.row_labels;
        for member in ["越南", "马来西亚", "印尼", "德国"] {
            assert!(!names.iter().any(|n| n == member), "{member} is inside a bloc: {names:?}");
        }
        assert!(names.iter().any(|n| n == "东盟") && names.iter().any(|n| n == "欧盟"), "{names:?}");
        assert_eq!(b.spec.flows.len(), 8, "six partners outside the blocs, and the two blocs");
    }

    #[test]
    fn the_blocs_carry_total_trade_so_one_width_scale_compares_like_with_like() {
        let mut b = Builder::new(crate::chart::map::Extent::World);
        build(&mut b, Lang::En, true);
        let at = |name: &str| b.spec.row_labels.iter().position(|l| l == name).unwrap();
        let (asean, us) = (&b.spec.flows[at("ASEAN")], &b.spec.flows[at("United States")]);
        assert_eq!(asean.width, MAX_WIDTH, "ASEAN, China's largest trading partner, is the widest arc");
        assert!((us.width / asean.width - 6644.51 / 9117.18).abs() < 1e-9, "{} {}", us.width, asean.width);
        assert_eq!(asean.label.as_deref(), Some("ASEAN US$911.7 bn"));
    }
}
