//! The views of the atlas: the catalogue of every chart and map layer, and the builders that turn
//! a dataset into a drawable spec.
//!
//! Layer: between data and chart. Each `ChartDef` in `catalog` names a dataset, the cells it
//! shows and the chart kind; `build` turns it into a language-specific `ChartSpec` (or DOM
//! tiles and lists) plus, for every drawn mark, a reference back to its dataset cell so the UI
//! can show exact values and provenance; `describe` says in one to three sentences what each
//! view shows; `state` is the reader's view and the one rule book for changing it, `page` the
//! page's outline, `anchor` the ids of its places, `data_table` what a dataset's table says.
//! Pure and native-testable: no Leptos, no DOM.

pub mod anchor;
pub mod build;
pub mod catalog;
pub mod cite;
pub mod data_table;
pub mod describe;
pub mod entity;
pub mod export;
pub mod interact;
pub mod map;
pub mod page;
pub mod print;
pub mod provenance;
pub mod search;
pub mod state;
pub mod tour;
pub mod words;

use crate::data::{Cell, Dataset, Row, L};

pub use build::{build, build_with, Built};
pub use catalog::{CHARTS, CONTROLS};

/// The map layer a reader starts with (and that the address omits).
pub const DEFAULT_LAYER: &str = "map-partners";

/// A cell reference: the exact printed value behind a drawn mark.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellRef {
    pub ds: &'static Dataset,
    pub row: &'static Row,
    pub col: usize,
}

impl CellRef {
    pub fn cell(&self) -> &'static Cell {
        &self.row.cells[self.col]
    }

    pub fn column_id(&self) -> &'static str {
        self.ds.columns[self.col].id
    }

    /// Resolve `dataset`, `row`, `column` ids; `None` if any is unknown.
    pub fn find(ds: &str, row: &str, col: &str) -> Option<CellRef> {
        let ds = crate::data::registry::dataset(ds)?;
        let row = ds.row(row)?;
        let col = ds.column_index(col)?;
        Some(CellRef { ds, row, col })
    }
}

/// A dataset row with no value cell behind a drawn item (a market named in a list).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowRef {
    pub ds: &'static Dataset,
    pub row: &'static Row,
}

/// What a drawn row needs besides its cells: a heading for its tooltip (a route's name) and,
/// when it has no cells, the dataset row it stands for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RowExtra {
    pub head: Option<String>,
    pub row: Option<RowRef>,
}

/// Which rows of a dataset a chart shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rows {
    /// Every row, in the paper's order.
    All,
    /// These rows, in this order.
    Only(&'static [&'static str]),
}

/// Order of the rows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sort {
    /// As the paper lists them.
    Paper,
    /// By a column, largest first (empty cells last).
    Desc(&'static str),
    /// By label in the reader's language.
    Name,
}

/// Units for a chart axis when the printed unit is unwieldy (thousand US$ → 亿美元 / US$ bn).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rescale {
    /// Divide printed values by this for the Chinese axis.
    pub zh_div: f64,
    pub zh_unit: &'static str,
    /// Divide printed values by this for the English axis.
    pub en_div: f64,
    pub en_unit: &'static str,
    pub decimals: usize,
}

/// One part of a stacked bar: a row of a facts dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StackDef {
    pub label: L,
    /// Row keys of the parts, one per series.
    pub parts: &'static [&'static str],
    /// Row key of the whole, whose printed value labels the bar.
    pub total: Option<&'static str>,
}

/// A bar picked from any dataset (for comparisons across datasets).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pick {
    pub ds: &'static str,
    pub row: &'static str,
    pub col: &'static str,
    /// A label other than the row's own.
    pub label: Option<L>,
}

/// What kind of visual, and which cells.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// Horizontal bars, one series per column.
    Bars {
        cols: &'static [&'static str],
        rows: Rows,
        sort: Sort,
        /// Colour by sign (growth rates).
        signed: bool,
        rescale: Option<Rescale>,
        /// Show the row's measure and period under its label.
        sublabel: bool,
        /// Legend names, when the column labels are too generic ("Value"); empty keeps them.
        names: &'static [L],
    },
    /// Bars picked across datasets, one series.
    Picked { picks: &'static [Pick] },
    /// Two readings per row on a shared axis.
    Dumbbell { cols: &'static [&'static str], rows: Rows },
    /// Start and end of each row.
    Slope { start: &'static str, end: &'static str },
    /// Wholes split into parts; series names given here.
    Stacked { col: &'static str, series: &'static [L], stacks: &'static [StackDef] },
    /// One row per point: `x` against `y` (Table 1's quantity and value growth).
    Scatter { x: &'static str, y: &'static str, rows: Rows },
    /// Single figures as tiles (DOM).
    Tiles { rows: Rows, cols: &'static [&'static str] },
    /// An ordered or grouped list (DOM).
    List,
    /// A layer of the world map.
    Map(map::MapLayer),
}

impl Kind {
    /// Whether this kind is drawn on a canvas.
    pub const fn is_canvas(&self) -> bool {
        !matches!(self, Kind::Tiles { .. } | Kind::List)
    }

    pub const fn is_map(&self) -> bool {
        matches!(self, Kind::Map(_))
    }
}

/// A sort order a reader can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum SortKey {
    /// As the paper lists the rows.
    #[default]
    Paper,
    /// By the value shown, largest first.
    Value,
    /// By the growth rate that goes with the value shown, largest first.
    Growth,
    /// By name: A–Z in English; by radical and stroke (Unicode order) in Chinese.
    Name,
}

/// The readings a chart offers: alternative columns (metric switch) and sort orders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Controls {
    /// Column ids of the readings, or (with `labels`) the ids of readings that are not columns.
    pub metrics: &'static [&'static str],
    /// The readings' names when they are not the columns' labels (a map layer's two views).
    pub labels: &'static [L],
    pub sorts: &'static [SortKey],
}

/// The reader's current choice for one chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct Settings {
    /// Index into `Controls::metrics`.
    pub metric: usize,
    pub sort: SortKey,
}

/// A chart in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartDef {
    /// Stable id: used in URLs, file names and tests.
    pub id: &'static str,
    pub dataset: &'static str,
    pub title: L,
    pub kind: Kind,
}

impl ChartDef {
    pub fn dataset(&self) -> &'static Dataset {
        crate::data::registry::dataset(self.dataset).expect("catalogue names a known dataset (checked by tests)")
    }

    /// The settings a reader starts with: the first metric and the first sort offered.
    pub fn default_settings(&self) -> Settings {
        Settings { metric: 0, sort: self.controls().and_then(|c| c.sorts.first().copied()).unwrap_or_default() }
    }

    /// The readings this chart offers, if any.
    pub fn controls(&self) -> Option<&'static Controls> {
        CONTROLS.iter().find(|(id, _)| *id == self.id).map(|(_, c)| c)
    }
}

/// A chart by id.
pub fn chart(id: &str) -> Option<&'static ChartDef> {
    CHARTS.iter().find(|c| c.id == id)
}

/// The charts of one page section, in order.
pub fn charts_in(page: &str) -> impl Iterator<Item = &'static ChartDef> + '_ {
    CHARTS.iter().filter(move |c| c.dataset().page == page)
}
