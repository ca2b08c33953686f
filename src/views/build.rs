//! Build a language-specific chart spec (or tiles, or a list) from a catalogue entry.
//!
//! Layer: views. Values are placed on axes in the reader's units (the English edition moves the
//! decimal point to billions/millions exactly); labels keep the paper's decimals.

use super::interact::Drawn;
use super::provenance::{self, growth_column};
use super::words;
use super::{CellRef, ChartDef, Kind, Rows, Settings, Sort, SortKey};
use crate::chart::bars::{BarRow, BarSpec};
use crate::chart::dumbbell::{DumbbellRow, DumbbellSpec};
use crate::chart::order::reorder;
use crate::chart::scatter::{ScatterRow, ScatterSpec};
use crate::chart::slope::{SlopeRow, SlopeSpec};
use crate::chart::stacked::{StackedRow, StackedSpec};
use crate::chart::{Bound, ChartSpec, Datum, Frame, Series};
use crate::data::format::{self, number_text};
use crate::data::{Cell, Dataset, Lang, NoteKind, Qualifier, Row, Unit, L};

/// A single figure shown as a tile.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub label: String,
    pub value: String,
    /// Growth, or the row's own period, under the value.
    pub sub: Option<String>,
    pub cref: CellRef,
    pub derived: bool,
    pub flagged: bool,
}

/// One entry of a list (rank order, groups, or models with examples).
#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    pub rank: Option<String>,
    pub label: String,
    /// The Chinese original (the UI shows it beside the English label).
    pub original: Option<String>,
    pub group: Option<String>,
    pub detail: Option<String>,
    pub entities: &'static [&'static str],
    pub notes: Vec<String>,
}

/// What a catalogue entry becomes.
#[derive(Clone, Debug, PartialEq)]
pub enum Built {
    /// A canvas chart and, per drawn row and series, the cell behind each mark.
    Canvas {
        spec: Box<ChartSpec>,
        /// The cells behind the drawn rows, and what a row without cells stands for (maps).
        drawn: Drawn,
    },
    Tiles(Vec<Tile>),
    List(Vec<ListItem>),
}

impl Built {
    /// The drawn spec and the cells behind its marks, for a canvas build.
    pub fn canvas(&self) -> Option<(&ChartSpec, &Drawn)> {
        match self {
            Built::Canvas { spec, drawn } => Some((spec, drawn)),
            _ => None,
        }
    }

    /// The cells behind the drawn marks (a canvas build).
    pub fn drawn(&self) -> Option<&Drawn> {
        self.canvas().map(|c| c.1)
    }

    /// The rows of a canvas build (the unit of keyboard navigation); 0 for tiles and lists.
    pub fn row_count(&self) -> usize {
        self.canvas().map_or(0, |(s, _)| s.row_count())
    }

    /// The legend's entries (empty for one series, tiles and lists).
    pub fn series(&self) -> &[Series] {
        self.canvas().map_or(&[], |(s, _)| s.series())
    }

    /// The entity a drawn row stands for (what choosing it selects).
    pub fn entity_of(&self, row: usize) -> Option<&'static str> {
        self.drawn()?.entity_of(row)
    }

    /// The drawn rows that carry an entity (what a linked selection lights up).
    pub fn rows_with(&self, entity: &str) -> Vec<usize> {
        self.drawn().map(|d| d.rows_with(entity)).unwrap_or_default()
    }

    /// A map layer's item labels, in its order (empty for anything else).
    pub fn row_labels(&self) -> &[String] {
        match self.canvas() {
            Some((ChartSpec::Map(m), _)) => &m.row_labels,
            _ => &[],
        }
    }

    /// Whether a map layer draws flows (arcs that can move).
    pub fn has_flows(&self) -> bool {
        matches!(self.canvas(), Some((ChartSpec::Map(m), _)) if !m.flows.is_empty())
    }

    /// The tiles of a tiles build.
    pub fn tiles(&self) -> &[Tile] {
        match self {
            Built::Tiles(t) => t,
            _ => &[],
        }
    }

    /// The items of a list build.
    pub fn items(&self) -> &[ListItem] {
        match self {
            Built::List(i) => i,
            _ => &[],
        }
    }
}

fn flagged(ds: &Dataset, row: &Row, col: &str) -> bool {
    ds.cell_notes(row.key, col).any(|n| matches!(n.kind, NoteKind::Inconsistency | NoteKind::Misprint))
}

fn bound(q: Qualifier) -> Bound {
    match q {
        Qualifier::Exact => Bound::Exact,
        Qualifier::Over => Bound::AtLeast,
        Qualifier::Under => Bound::AtMost,
        Qualifier::About | Qualifier::Nearly => Bound::Approx,
    }
}

fn bound_prefix(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::Over => ">",
        Qualifier::Under => "<",
        Qualifier::About | Qualifier::Nearly => "≈",
    }
}

/// A label in a rescaled unit ("亿美元(由千美元换算)" / "US$ billion (converted from …)"): the
/// unit without its explanation, in short form.
fn rescaled_label(n: &str, unit: &str, lang: Lang) -> String {
    let bare = unit.split(['(', '(']).next().unwrap_or(unit).trim();
    match (lang, bare.strip_prefix("US$ ")) {
        (Lang::Zh, _) => format!("{n} {bare}"),
        (Lang::En, Some(rest)) => format!("US${n} {rest}").replace(" billion", " bn").replace(" million", " mn"),
        (Lang::En, None) => format!("{n} {bare}"),
    }
}

/// How a chart places and labels values.
#[derive(Clone, Copy)]
struct Axis {
    lang: Lang,
    signed: bool,
    rescale: Option<super::Rescale>,
}

impl Axis {
    fn factor(&self, unit: Option<&Unit>) -> f64 {
        match (self.rescale, self.lang) {
            (Some(r), Lang::Zh) => 1.0 / r.zh_div,
            (Some(r), Lang::En) => 1.0 / r.en_div,
            (None, Lang::En) => 10f64.powi(unit.map_or(0, |u| u.en_shift) as i32),
            (None, Lang::Zh) => 1.0,
        }
    }

    /// A datum for one cell, or `None` when the paper gives no value.
    fn datum(&self, ds: &Dataset, row: &Row, col: usize) -> Option<Datum> {
        let cell: &Cell = &row.cells[col];
        let v = cell.value.as_ref()?;
        let x = v.plot_x() * self.factor(cell.unit);
        let pct = cell.unit.is_some_and(|u| u.id == "pct");
        // Labels follow the one label rule (format::label): a readable precision and the unit.
        let label = if let Some(r) = self.rescale {
            let n = format::tick(x, 10f64.powi(-(r.decimals as i32)));
            let unit = if self.lang == Lang::Zh { r.zh_unit } else { r.en_unit };
            format!("{}{}", bound_prefix(v.qual), rescaled_label(&n, unit, self.lang))
        } else if pct && self.signed {
            let signed = format::signed_pct(v, self.lang);
            format!("{}{}", bound_prefix(v.qual), signed.replace(format::qualifier(v.qual, self.lang), "").trim())
        } else {
            format::label(v, cell.unit, self.lang)
        };
        Some(Datum {
            x,
            label,
            derived: v.status.is_derived(),
            bound: bound(v.qual),
            flagged: flagged(ds, row, ds.columns[col].id),
        })
    }

    /// The unit caption above an axis.
    fn caption(&self, unit: Option<&Unit>) -> String {
        let name = match (self.rescale, self.lang) {
            (Some(r), Lang::Zh) => r.zh_unit.to_string(),
            (Some(r), Lang::En) => r.en_unit.to_string(),
            (None, _) => unit.map_or(String::new(), |u| format::unit_label(u, self.lang).to_string()),
        };
        words::fill(words::UNIT_CAPTION, self.lang, &[&name])
    }
}

fn select(ds: &'static Dataset, rows: Rows, sort: Sort, lang: Lang) -> Vec<&'static Row> {
    let mut out: Vec<&'static Row> = match rows {
        Rows::All => ds.rows.iter().collect(),
        Rows::Only(keys) => keys.iter().filter_map(|k| ds.row(k)).collect(),
    };
    if sort == Sort::Name {
        let name = |r: &Row| match lang {
            Lang::Zh => r.label.zh.to_string(),
            Lang::En => crate::data::case::lower_str(r.label.en),
        };
        out = reorder(out, &|a, b| name(a).cmp(&name(b)));
    }
    if let Sort::Desc(col) = sort {
        if let Some(ci) = ds.column_index(col) {
            let key = |r: &Row| r.cells[ci].value.as_ref().map(|v| v.x);
            out = reorder(out, &|a, b| match (key(a), key(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
        }
    }
    out
}

fn first_unit(ds: &Dataset, rows: &[&Row], cols: &[usize]) -> Option<&'static Unit> {
    rows.iter()
        .flat_map(|r| cols.iter().map(move |&c| &r.cells[c]))
        .find(|c| c.value.is_some())
        .and_then(|c| c.unit)
        .or_else(|| cols.first().and_then(|&c| ds.columns[c].unit))
}

fn sublabel(row: &Row, lang: Lang) -> Option<String> {
    match (row.measure, row.period) {
        (Some(m), Some(p)) => Some(format!("{} · {}", p.get(lang), m.get(lang))),
        (None, Some(p)) => Some(p.get(lang).to_string()),
        (Some(m), None) => Some(m.get(lang).to_string()),
        (None, None) => None,
    }
}

fn series(ds: &Dataset, cols: &[usize], lang: Lang) -> Vec<Series> {
    cols.iter()
        .enumerate()
        .map(|(i, &c)| Series { name: ds.columns[c].label.get(lang).to_string(), color: i })
        .collect()
}

fn col_indices(ds: &Dataset, cols: &[&str]) -> Vec<usize> {
    cols.iter().map(|c| ds.column_index(c).expect("catalogue column exists (checked by tests)")).collect()
}

/// Build a catalogue entry for a language, as the reader first sees it.
pub fn build(def: &ChartDef, lang: Lang) -> Built {
    build_with(def, lang, &def.default_settings())
}

/// The columns, order and colouring a bar chart uses under the reader's settings.
fn bar_reading(
    def: &ChartDef,
    ds: &Dataset,
    (cols, sort, signed, rescale): (&'static [&'static str], Sort, bool, Option<super::Rescale>),
    settings: &Settings,
) -> (Vec<&'static str>, Sort, bool, Option<super::Rescale>) {
    let Some(c) = def.controls() else { return (cols.to_vec(), sort, signed, rescale) };
    let (cols, signed, rescale) = match c.metrics.get(settings.metric.min(c.metrics.len().saturating_sub(1))) {
        Some(&m) => {
            let pct = ds.column(m).and_then(|col| col.unit).is_some_and(|u| u.is_percent());
            (vec![m], pct, if cols.first() == Some(&m) { rescale } else { None })
        }
        None => (cols.to_vec(), signed, rescale),
    };
    let first = cols[0];
    let sort = match settings.sort {
        SortKey::Paper => Sort::Paper,
        SortKey::Value => Sort::Desc(first),
        SortKey::Growth => match growth_column(ds, first) {
            Some(g) => Sort::Desc(ds.columns[g].id),
            None => Sort::Desc(first),
        },
        SortKey::Name => Sort::Name,
    };
    (cols, sort, signed, rescale)
}

/// Build a catalogue entry for a language under the reader's settings (metric and sort).
pub fn build_with(def: &ChartDef, lang: Lang, settings: &Settings) -> Built {
    let ds = def.dataset();
    match def.kind {
        Kind::Bars { cols, rows, sort, signed, rescale, sublabel, names } => {
            let reading = bar_reading(def, ds, (cols, sort, signed, rescale), settings);
            bars_chart(ds, reading, rows, sublabel, names, lang)
        }
        Kind::Picked { picks } => picked_chart(picks, lang),
        Kind::Dumbbell { cols, rows } => dumbbell_chart(ds, cols, rows, lang),
        Kind::Slope { start, end } => slope_chart(ds, start, end, lang),
        Kind::Stacked { col, series, stacks } => stacked_chart(ds, col, series, stacks, lang),
        Kind::Scatter { x, y, rows } => scatter_chart(ds, x, y, rows, lang),
        Kind::Map(layer) => {
            let l = super::map::build(layer, lang, settings);
            canvas(ChartSpec::Map(l.spec), Drawn::new(l.refs, l.extra))
        }
        Kind::Tiles { rows, cols } => Built::Tiles(tiles(ds, rows, cols, lang)),
        Kind::List => Built::List(list(ds, lang)),
    }
}

fn canvas(spec: ChartSpec, drawn: Drawn) -> Built {
    Built::Canvas { spec: Box::new(spec), drawn }
}

/// The cells behind rows drawn from the same columns of one dataset.
fn grid(ds: &'static Dataset, rows: &[&'static Row], cols: &[usize]) -> Drawn {
    Drawn::from_cells(
        rows.iter().map(|r| cols.iter().map(|&c| Some(CellRef { ds, row: r, col: c })).collect()).collect(),
    )
}

type Reading = (Vec<&'static str>, Sort, bool, Option<super::Rescale>);

fn bars_chart(
    ds: &'static Dataset,
    (cols, sort, signed, rescale): Reading,
    rows: Rows,
    sub: bool,
    names: &'static [L],
    lang: Lang,
) -> Built {
    let ci = col_indices(ds, &cols);
    // Rows with nothing to show under this reading are left out (not drawn as empty).
    let rows: Vec<&Row> =
        select(ds, rows, sort, lang).into_iter().filter(|r| ci.iter().any(|&c| r.cells[c].value.is_some())).collect();
    let axis = Axis { lang, signed, rescale };
    let unit = first_unit(ds, &rows, &ci);
    let spec = BarSpec {
        rows: rows
            .iter()
            .map(|r| BarRow {
                label: r.label.get(lang).to_string(),
                sublabel: if sub { sublabel(r, lang) } else { None },
                values: ci.iter().map(|&c| axis.datum(ds, r, c)).collect(),
            })
            .collect(),
        series: if names.is_empty() { series(ds, &ci, lang) } else { named_series(names, lang) },
        axis: axis.caption(unit),
        signed,
        keys: words::chart_keys(lang),
    };
    canvas(ChartSpec::Bars(spec), grid(ds, &rows, &ci))
}

fn picked_chart(picks: &'static [super::Pick], lang: Lang) -> Built {
    let axis = Axis { lang, signed: false, rescale: None };
    let crefs: Vec<CellRef> = picks
        .iter()
        .map(|p| CellRef::find(p.ds, p.row, p.col).expect("catalogue pick exists (checked by tests)"))
        .collect();
    let unit = crefs.first().and_then(|c| c.cell().unit);
    let spec = BarSpec {
        rows: picks
            .iter()
            .zip(&crefs)
            .map(|(p, c)| BarRow {
                label: p.label.unwrap_or(c.row.label).get(lang).to_string(),
                sublabel: None,
                values: vec![axis.datum(c.ds, c.row, c.col)],
            })
            .collect(),
        series: vec![Series { name: String::new(), color: 0 }],
        axis: axis.caption(unit),
        signed: false,
        keys: words::chart_keys(lang),
    };
    canvas(ChartSpec::Bars(spec), Drawn::from_cells(crefs.into_iter().map(|c| vec![Some(c)]).collect()))
}

fn dumbbell_chart(ds: &'static Dataset, cols: &[&str], rows: Rows, lang: Lang) -> Built {
    let ci = col_indices(ds, cols);
    let rows = select(ds, rows, Sort::Paper, lang);
    let axis = Axis { lang, signed: true, rescale: None };
    let spec = DumbbellSpec {
        rows: rows
            .iter()
            .map(|r| DumbbellRow {
                label: r.label.get(lang).to_string(),
                values: ci.iter().map(|&c| axis.datum(ds, r, c)).collect(),
            })
            .collect(),
        series: series(ds, &ci, lang),
        axis: axis.caption(first_unit(ds, &rows, &ci)),
        keys: words::chart_keys(lang),
    };
    canvas(ChartSpec::Dumbbell(spec), grid(ds, &rows, &ci))
}

fn slope_chart(ds: &'static Dataset, start: &str, end: &str, lang: Lang) -> Built {
    let (s, e) = (ds.column_index(start).expect("slope start"), ds.column_index(end).expect("slope end"));
    let axis = Axis { lang, signed: false, rescale: None };
    let rows: Vec<&Row> = ds.rows.iter().filter(|r| r.cells[s].value.is_some() && r.cells[e].value.is_some()).collect();
    let spec = SlopeSpec {
        rows: rows
            .iter()
            .map(|r| SlopeRow {
                label: r.label.get(lang).to_string(),
                start: axis.datum(ds, r, s).expect("filtered"),
                end: axis.datum(ds, r, e).expect("filtered"),
            })
            .collect(),
        start_label: ds.columns[s].label.get(lang).to_string(),
        end_label: ds.columns[e].label.get(lang).to_string(),
        axis: axis.caption(ds.columns[s].unit),
        keys: words::chart_keys(lang),
    };
    canvas(ChartSpec::Slope(spec), grid(ds, &rows, &[s, e]))
}

fn stacked_chart(
    ds: &'static Dataset,
    col: &str,
    names: &'static [L],
    stacks: &'static [super::StackDef],
    lang: Lang,
) -> Built {
    let ci = ds.column_index(col).expect("stacked column");
    let axis = Axis { lang, signed: false, rescale: None };
    let mut refs = Vec::new();
    let mut unit = None;
    let rows = stacks
        .iter()
        .map(|st| {
            let parts: Vec<Option<&Row>> = st.parts.iter().map(|k| ds.row(k)).collect();
            refs.push(parts.iter().map(|p| p.map(|r| CellRef { ds, row: r, col: ci })).collect());
            unit = unit.or_else(|| parts.iter().flatten().find_map(|r| r.cells[ci].unit));
            StackedRow {
                label: st.label.get(lang).to_string(),
                parts: parts.iter().map(|p| p.and_then(|r| axis.datum(ds, r, ci))).collect(),
                total: st.total.and_then(|k| ds.row(k)).and_then(|r| {
                    let c = &r.cells[ci];
                    c.value.as_ref().map(|v| number_text(v.text, c.unit, lang))
                }),
            }
        })
        .collect();
    let spec = StackedSpec {
        rows,
        series: named_series(names, lang),
        axis: axis.caption(unit),
        keys: words::chart_keys(lang),
    };
    canvas(ChartSpec::Stacked(spec), Drawn::from_cells(refs))
}

fn scatter_chart(ds: &'static Dataset, x: &str, y: &str, rows: Rows, lang: Lang) -> Built {
    let (xi, yi) = (ds.column_index(x).expect("scatter x"), ds.column_index(y).expect("scatter y"));
    let axis = Axis { lang, signed: true, rescale: None };
    let rows: Vec<&Row> = select(ds, rows, Sort::Paper, lang)
        .into_iter()
        .filter(|r| r.cells[xi].value.is_some() && r.cells[yi].value.is_some())
        .collect();
    let label = |c: usize| format!("{} (%)", ds.columns[c].label.get(lang));
    let spec = ScatterSpec {
        rows: rows
            .iter()
            .map(|r| ScatterRow {
                label: r.label.get(lang).to_string(),
                x: axis.datum(ds, r, xi).expect("filtered"),
                y: axis.datum(ds, r, yi).expect("filtered"),
            })
            .collect(),
        x_axis: format!("{} →", label(xi)),
        y_axis: format!("↑ {}", label(yi)),
        diagonal: words::SCATTER_DIAGONAL.get(lang).to_string(),
        keys: words::chart_keys(lang),
    };
    canvas(ChartSpec::Scatter(spec), grid(ds, &rows, &[yi]))
}

fn tiles(ds: &'static Dataset, rows: Rows, cols: &[&str], lang: Lang) -> Vec<Tile> {
    let ci = col_indices(ds, cols);
    let mut tiles = Vec::new();
    for r in select(ds, rows, Sort::Paper, lang) {
        for &c in &ci {
            let cell = &r.cells[c];
            let Some(v) = &cell.value else { continue };
            let column = &ds.columns[c];
            let label = if ci.len() > 1 && column.id != "value" {
                format!("{} · {}", r.label.get(lang), column.label.get(lang))
            } else {
                r.label.get(lang).to_string()
            };
            let growth = growth_column(ds, column.id)
                .filter(|g| !ci.contains(g))
                .and_then(|g| r.cells[g].value.as_ref())
                .map(|g| words::year_on_year(&format::signed_pct(g, lang), lang));
            tiles.push(Tile {
                label,
                value: format::value(v, cell.unit, lang),
                sub: growth.or_else(|| r.period.map(|p| p.get(lang).to_string())),
                cref: CellRef { ds, row: r, col: c },
                derived: v.status.is_derived(),
                flagged: flagged(ds, r, column.id),
            });
        }
    }
    tiles
}

fn list(ds: &'static Dataset, lang: Lang) -> Vec<ListItem> {
    let rank = ds.column_index("rank");
    ds.rows
        .iter()
        .map(|r| ListItem {
            rank: rank.and_then(|c| r.cells[c].value.as_ref()).map(|v| v.text.to_string()),
            label: r.label.get(lang).to_string(),
            original: Some(r.label.zh.to_string()),
            group: r.group.map(|g| g.get(lang).to_string()),
            detail: r.detail.map(|d| d.get(lang).to_string()),
            entities: r.entities,
            notes: ds.cell_notes(r.key, "").map(|n| n.text.get(lang).to_string()).collect(),
        })
        .collect()
}

fn named_series(names: &[L], lang: Lang) -> Vec<Series> {
    names.iter().enumerate().map(|(i, n)| Series { name: n.get(lang).to_string(), color: i }).collect()
}

/// The frame drawn inside exported images: title, period and unit, source line.
pub fn frame(def: &ChartDef, lang: Lang) -> Frame {
    let ds = def.dataset();
    Frame {
        legend: true,
        title: Some(def.title.get(lang).to_string()),
        subtitle: Some(ds.caption.get(lang).to_string()),
        source: Some(provenance::source_line(ds, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::{chart, CHARTS};

    fn built(id: &str) -> Built {
        build(chart(id).unwrap(), Lang::En)
    }

    #[test]
    fn a_map_layer_lists_its_items_and_each_stands_for_its_entity() {
        let b = built("map-partners");
        let rus = b.rows_with("RUS");
        assert_eq!(rus.len(), 1);
        assert_eq!(b.entity_of(rus[0]), Some("RUS"));
        assert_eq!(b.row_labels().len(), b.row_count());
        assert_eq!(b.row_labels()[rus[0]], "Russia");
        assert!(!b.has_flows() && built("map-flows").has_flows(), "only the flows layer draws arcs");
    }

    #[test]
    fn a_chart_has_rows_and_series_but_no_map_items_and_tiles_and_lists_have_neither() {
        let bars = built("partners-exports");
        assert_eq!(bars.row_count(), 10);
        assert!(bars.row_labels().is_empty() && bars.tiles().is_empty() && bars.items().is_empty());
        let tiles = built("headline-tiles");
        assert!(tiles.canvas().is_none() && tiles.row_count() == 0 && tiles.series().is_empty());
        assert!(!tiles.tiles().is_empty() && tiles.entity_of(0).is_none() && tiles.rows_with("RUS").is_empty());
        let list = CHARTS.iter().map(|c| build(c, Lang::En)).find(|b| matches!(b, Built::List(_))).unwrap();
        assert!(!list.items().is_empty() && list.tiles().is_empty());
    }
}
