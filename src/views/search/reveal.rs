//! What choosing a result does: which entity to select everywhere, which map layer or chart
//! reading to switch to, which block of the page to build first, where to scroll, and which
//! chart row (or tile) to focus so that its tooltip shows.
//!
//! Layer: views (search). Decided here, from the same builders the charts use, so that the search
//! always lands where the figure is drawn; the UI only carries the plan out.

use super::Target;
use crate::data::Lang;
use crate::views::anchor::Anchor;
use crate::views::interact::Drawn;
use crate::views::{build_with, Built, CellRef, ChartDef, Kind, RowRef, Settings, CHARTS};

/// A figure to show on a chart: the chart, and the cell whose row takes the chart's keyboard
/// focus (which shows its tooltip and announces it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reveal {
    pub chart: &'static str,
    pub cell: CellRef,
}

/// What choosing a result does.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Select this entity in every chart, table and on the map.
    pub select: Option<&'static str>,
    /// Show this map layer.
    pub layer: Option<&'static str>,
    /// Switch a chart to the reading (metric) that shows the figure.
    pub reading: Option<(&'static ChartDef, Settings)>,
    /// Build this block of the page (a dataset id, or `glossary`) before scrolling.
    pub build: Option<&'static str>,
    /// The place to scroll to.
    pub scroll: Anchor,
    /// The chart row to focus.
    pub reveal: Option<Reveal>,
    /// The tile to focus: (chart id, row key).
    pub tile: Option<(&'static str, &'static str)>,
}

impl Plan {
    /// Scroll to a place, and nothing else yet.
    fn to(scroll: Anchor) -> Plan {
        Plan { select: None, layer: None, reading: None, build: None, scroll, reveal: None, tile: None }
    }
}

/// The same dataset cell (compared by address, not by value).
pub fn same_cell(a: &CellRef, b: &CellRef) -> bool {
    std::ptr::eq(a.row, b.row) && a.col == b.col
}

/// The drawn row and series that show `cell`, if the chart draws it.
pub fn drawn_at(drawn: &Drawn, cell: CellRef) -> Option<(usize, usize)> {
    drawn
        .rows()
        .iter()
        .enumerate()
        .find_map(|(i, r)| r.iter().position(|c| c.as_ref().is_some_and(|c| same_cell(c, &cell))).map(|s| (i, s)))
}

/// Whether a chart in a reading shows the cell (as a mark or a tile).
fn shows(def: &ChartDef, s: &Settings, cell: CellRef) -> bool {
    match build_with(def, Lang::Zh, s) {
        Built::Canvas { drawn, .. } => drawn_at(&drawn, cell).is_some(),
        Built::Tiles(tiles) => tiles.iter().any(|t| same_cell(&t.cref, &cell)),
        Built::List(_) => false,
    }
}

/// Where a figure is shown: the first chart of the page that draws it in its current reading,
/// else in another of its metrics; then the same among the map layers; `None` when only its
/// table shows it.
fn home(cell: CellRef, current: &dyn Fn(&ChartDef) -> Settings) -> Option<(&'static ChartDef, Settings)> {
    let mine = |d: &&ChartDef| d.dataset == cell.ds.id || matches!(d.kind, Kind::Picked { .. });
    let other_reading = |def: &'static ChartDef| {
        let now = current(def);
        let metrics = def.controls().map_or(0, |c| c.metrics.len());
        (0..metrics).map(|metric| Settings { metric, ..now }).find(|s| shows(def, s, cell)).map(|s| (def, s))
    };
    [false, true].into_iter().find_map(|map| {
        let charts = || CHARTS.iter().filter(move |d| d.kind.is_map() == map).filter(mine);
        charts()
            .find(|d| shows(d, &current(d), cell))
            .map(|d| (d, current(d)))
            .or_else(|| charts().find_map(other_reading))
    })
}

/// Whether a map layer has an item for the entity.
fn layer_shows(def: &ChartDef, code: &str) -> bool {
    match crate::views::build(def, Lang::Zh) {
        Built::Canvas { drawn, .. } => !drawn.rows_with(code).is_empty(),
        _ => false,
    }
}

/// The map layer to show a place on: `None` to keep the current one when it shows the place (or
/// when none does), else the first that does.
pub fn place_layer(code: &str, now: &str) -> Option<&'static str> {
    let layers = crate::views::page::layers;
    if layers().any(|d| d.id == now && layer_shows(d, code)) {
        return None;
    }
    layers().find(|d| layer_shows(d, code)).map(|d| d.id)
}

fn figure_plan(cell: CellRef, current: &dyn Fn(&ChartDef) -> Settings) -> Plan {
    let select = cell.row.entities.first().copied();
    let Some((def, s)) = home(cell, current) else {
        return Plan { select, build: Some(cell.ds.id), ..Plan::to(Anchor::Block(cell.ds.id)) };
    };
    let reading = (s != current(def)).then_some((def, s));
    if def.kind.is_map() {
        return Plan { select, layer: Some(def.id), reading, ..Plan::to(Anchor::Section("map")) };
    }
    let tile = matches!(def.kind, Kind::Tiles { .. });
    Plan {
        select,
        reading,
        build: Some(def.dataset),
        reveal: (!tile).then_some(Reveal { chart: def.id, cell }),
        tile: tile.then_some((def.id, cell.row.key)),
        ..Plan::to(Anchor::Chart(def.id))
    }
}

/// A row without figures: its list, else the map layer that names it, else its table.
fn row_plan(r: RowRef, layer_now: &str) -> Plan {
    let select = r.row.entities.first().copied();
    if let Some(def) = crate::views::page::cards(r.ds.id).next() {
        return Plan { select, build: Some(r.ds.id), ..Plan::to(Anchor::Chart(def.id)) };
    }
    let names_row = |d: &&ChartDef| match crate::views::build(d, Lang::Zh) {
        Built::Canvas { drawn, .. } => {
            (0..drawn.len()).any(|i| drawn.row_ref(i).is_some_and(|x| std::ptr::eq(x.row, r.row)))
        }
        _ => false,
    };
    match crate::views::page::layers().find(names_row) {
        Some(def) => {
            Plan { select, layer: (def.id != layer_now).then_some(def.id), ..Plan::to(Anchor::Section("map")) }
        }
        None => Plan { select, build: Some(r.ds.id), ..Plan::to(Anchor::Block(r.ds.id)) },
    }
}

/// What choosing `t` does, given each chart's current reading and the map layer shown.
pub fn plan(t: &Target, current: &dyn Fn(&ChartDef) -> Settings, layer_now: &str) -> Plan {
    let map = || Plan::to(Anchor::Section("map"));
    match *t {
        Target::Figure(c) => figure_plan(c, current),
        Target::Row(r) => row_plan(r, layer_now),
        Target::Place(code) => Plan { select: Some(code), layer: place_layer(code, layer_now), ..map() },
        Target::Chart(def) if def.kind.is_map() => Plan { layer: (def.id != layer_now).then_some(def.id), ..map() },
        Target::Chart(def) => Plan { build: Some(def.dataset), ..Plan::to(Anchor::Chart(def.id)) },
        Target::Section(s) => Plan::to(Anchor::Section(s.id)),
        Target::Term(_) => Plan { build: Some("glossary"), ..Plan::to(Anchor::Section("glossary")) },
        Target::Note(ds, n) => Plan { build: Some(ds.id), ..Plan::to(Anchor::Note(ds.id, n.id)) },
    }
}
