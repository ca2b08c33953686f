//! Map layers: which rows of which datasets become countries, points, routes and flows on the
//! map, one file per layer.
//!
//! Layer: views. Builds a `MapSpec` per layer and language, plus the cell behind every item, so
//! the map shares the charts' tooltips, tables, exports and linked selection. Labels follow the
//! one label rule (`data::format::label`); the layers' words live in `words`.

mod ecommerce;
mod economies;
mod flows;
mod partners;
mod ports;
mod routes;
mod warehouses;
mod words;

use super::{CellRef, RowExtra, RowRef, Settings};
use crate::chart::map::{Extent, MapLegend, MapSpec};
use crate::data::format;
use crate::data::registry::dataset;
use crate::data::{Dataset, Lang, Row};
use crate::geo::{self, regions, LonLatBox};

/// The map's layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapLayer {
    Partners,
    Flows,
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

/// Label anchor: a hand-placed point for awkward shapes (data/geo/label_anchors.csv), else the
/// centre of the largest ring's bounds among a row's countries.
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

/// A cell's value as a map label (the label rule: readable precision, short unit).
fn label_of(ds: &Dataset, row: &Row, col: &str, lang: Lang) -> String {
    let Some(c) = ds.column_index(col) else { return String::new() };
    let cell = &row.cells[c];
    cell.value.as_ref().map_or_else(String::new, |v| format::label(v, cell.unit, lang))
}

/// A growth cell as a signed percentage ("+26.3%").
fn signed_of(ds: &Dataset, row: &Row, col: &str, lang: Lang) -> String {
    let Some(c) = ds.column_index(col) else { return String::new() };
    row.cells[c].value.as_ref().map_or_else(String::new, |v| format::signed_pct(v, lang))
}

/// The largest absolute value of a column (the end of a diverging scale).
fn max_abs(ds: &Dataset, col: &str) -> f64 {
    ds.rows.iter().filter_map(|r| value_of(ds, r, col)).fold(0.0, |m: f64, v| m.max(v.abs()))
}

/// The end labels of a growth scale: "−20.4%" and "+20.4%" (the label rule's precision).
fn growth_ends(max_abs: f64) -> (String, String) {
    let n = format::rounded(max_abs, format::label_decimals(max_abs, 1));
    (format!("−{n}%"), format!("+{n}%"))
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
                flows: Vec::new(),
                labels: Vec::new(),
                legend: MapLegend::None,
                rows: 0,
                row_labels: Vec::new(),
                ranked: false,
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

/// Build a layer for a language under the reader's settings (partners: metric 0 value, 1 growth;
/// flows: metric 0 the ten partners, 1 ASEAN and the EU as blocs).
pub fn build(layer: MapLayer, lang: Lang, settings: &Settings) -> Layer {
    let mut b = match layer {
        MapLayer::Ports => Builder::new(Extent::Box(LonLatBox::CHINA_COAST)),
        _ => Builder::new(Extent::World),
    };
    match layer {
        MapLayer::Partners => partners::build(&mut b, lang, settings.metric == 1),
        MapLayer::Flows => flows::build(&mut b, lang, settings.metric == 1),
        MapLayer::Warehouses => warehouses::build(&mut b, lang),
        MapLayer::Economies => economies::build(&mut b, lang),
        MapLayer::Ecommerce => ecommerce::build(&mut b, lang),
        MapLayer::Routes => routes::build(&mut b, lang),
        MapLayer::Ports => ports::build(&mut b, lang),
    }
    Layer { spec: b.spec, refs: b.refs, extra: b.extra }
}
