//! A dataset: its CSV file checked against its declaration in `data/datasets.toml`, pass by pass,
//! into rows ready to be written out as statics.
//!
//! Layer: data (shared validation rules). Pure functions over text. The passes, in order:
//! [`check_columns`] (which CSV columns may exist), [`read_rows`] (keys and printed cells),
//! [`resolve_formulas`] (derived cells), [`note_targets`] (what each data note marks) and
//! [`rows_out`] (labels, text pairs, entities, sources); [`compile`] runs them all.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::figure::Figure;
use super::parse::{self, parse_cell, Arith, CellText, Qualifier};
use super::period::{self, Period, PeriodCells};
use super::units::UnitRow;
use super::{Checked, Pair, Table};

/// Text columns a CSV may carry besides its value columns and unit columns.
pub const RESERVED: &[&str] = &[
    "key",
    "label_zh",
    "label_en",
    "entity",
    "group_zh",
    "group_en",
    "measure_zh",
    "measure_en",
    "detail_zh",
    "detail_en",
    "period_zh",
    "period_en",
    "period_basis",
    "period_reason_zh",
    "period_reason_en",
    "section",
    "agency_zh",
    "agency_en",
    "source",
    "footnote",
    "notes",
    "within",
];

/// Columns that come in zh/en pairs, in the order [`RowOut::pairs`] holds them.
pub const PAIRS: [&str; 4] = ["group", "measure", "detail", "agency"];

/// The kinds a data note may have.
pub const NOTE_KINDS: [&str; 4] = ["inconsistency", "misprint", "caveat", "method"];

/// A value column as declared.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnDecl {
    pub id: String,
    pub label: Pair,
    /// A unit id, or `@<csv column>` when each row names its own unit.
    pub unit: String,
    /// The formula of a derived column.
    pub expr: Option<String>,
    /// The most decimals a derived value may show (2 when not given); the precision rule of
    /// [`super::figure`] may show fewer.
    pub decimals: Option<u8>,
}

/// A data note as declared.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteDecl {
    pub id: String,
    pub kind: String,
    pub zh: String,
    pub en: String,
    /// `*`, `row` or `row:column`; rows may also name the note in their `notes` column.
    pub cells: Vec<String>,
}

/// What `data/datasets.toml` says about one dataset's file.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetDecl {
    pub id: String,
    pub supplementary: bool,
    /// The dataset's period basis is `rows`: every row must state its own.
    pub periods_in_rows: bool,
    pub columns: Vec<ColumnDecl>,
    pub notes: Vec<NoteDecl>,
}

/// A figure ready to be written out.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueOut {
    /// The value in full (for a derived value, unrounded).
    pub x: f64,
    pub hi: Option<f64>,
    /// The digits as shown: as printed, or a derived value rounded by the precision rule.
    pub text: String,
    pub qual: Qualifier,
    /// The formula of a derived value; `None` for a printed one.
    pub expr: Option<String>,
    /// The value with its precision, for formulas and notes; `None` for a bound or a range.
    pub figure: Option<Figure>,
}

/// A cell: its value (if the paper gives one) and its unit id.
#[derive(Debug, Clone, PartialEq)]
pub struct CellOut {
    pub value: Option<ValueOut>,
    pub unit: Option<String>,
}

/// A row ready to be written out.
#[derive(Debug, Clone, PartialEq)]
pub struct RowOut {
    pub key: String,
    pub label: Pair,
    pub entities: Vec<String>,
    /// Group, measure, detail and agency, as [`PAIRS`] orders them.
    pub pairs: [Option<Pair>; 4],
    /// The row's own period, when it differs from the dataset's.
    pub period: Option<Period>,
    pub section: Option<String>,
    pub source: Option<String>,
    /// The keys of the rows whose scope contains this row's (`within`, `|`-separated).
    pub within: Vec<String>,
    /// The row's `footnote` cell (`Some("")` when empty) when its file has that column.
    pub footnote: Option<String>,
    pub cells: Vec<CellOut>,
    pub notes: BTreeSet<String>,
}

/// A note ready to be written out, with every cell it marks (`*` when it marks nothing else).
#[derive(Debug, Clone, PartialEq)]
pub struct NoteOut {
    pub id: String,
    pub kind: String,
    pub zh: String,
    pub en: String,
    pub cells: Vec<String>,
}

/// A dataset that passed every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    /// The column ids, in order (a row's `cells` follow them).
    pub columns: Vec<String>,
    pub rows: Vec<RowOut>,
    pub notes: Vec<NoteOut>,
}

impl Compiled {
    /// The value of `row:column`: `Ok(None)` for an empty cell, an error for a cell that does not
    /// exist or holds a bound or a range.
    pub fn figure(&self, row: &str, col: &str) -> Result<Option<Figure>, String> {
        let r = self.rows.iter().find(|r| r.key == row).ok_or_else(|| format!("no row '{row}'"))?;
        let c = self.columns.iter().position(|c| c == col).ok_or_else(|| format!("no column '{col}'"))?;
        match &r.cells[c].value {
            None => Ok(None),
            Some(ValueOut { figure: Some(f), .. }) => Ok(Some(*f)),
            Some(v) => Err(format!(
                "'{row}:{col}' is '{} {}': a bound or a range has no single value",
                v.qual.keyword(),
                v.text
            )),
        }
    }
}

/// Run every pass over one dataset's table.
pub fn compile(d: &DatasetDecl, t: &Table, units: &[UnitRow]) -> Checked<Compiled> {
    let ctx = format!("{} (dataset '{}')", t.path, d.id);
    check_columns(d, t, units, &ctx)?;
    check_note_decls(d, &ctx)?;
    let mut grid = read_rows(d, t, units, &ctx)?;
    resolve_formulas(d, &mut grid, &ctx)?;
    let (row_notes, note_cells) = note_targets(d, t, &grid.keys, &ctx)?;
    let rows = rows_out(d, t, &grid, row_notes)?;
    let notes = d
        .notes
        .iter()
        .map(|n| {
            let mut cells = note_cells[&n.id].clone();
            if cells.is_empty() {
                cells.push("*".into());
            }
            NoteOut { id: n.id.clone(), kind: n.kind.clone(), zh: n.zh.clone(), en: n.en.clone(), cells }
        })
        .collect();
    Ok(Compiled { columns: d.columns.iter().map(|c| c.id.clone()).collect(), rows, notes })
}

/// Pass 1: the file holds the reserved text columns, every printed column it declares, the unit
/// columns those name, and nothing else; derived columns are never written in the file.
pub fn check_columns(d: &DatasetDecl, t: &Table, units: &[UnitRow], ctx: &str) -> Checked<()> {
    let mut allowed: BTreeSet<String> = RESERVED.iter().map(|s| s.to_string()).collect();
    let mut ids = BTreeSet::new();
    for c in &d.columns {
        if !ids.insert(c.id.as_str()) {
            return Err(format!("{ctx}: column '{}' declared twice", c.id));
        }
        if RESERVED.contains(&c.id.as_str()) {
            return Err(format!("{ctx}: column id '{}' is reserved", c.id));
        }
        if let Some(u) = c.unit.strip_prefix('@') {
            allowed.insert(u.to_string());
            if t.col(u).is_none() {
                return Err(format!("{ctx}: column '{}' takes its unit from '{u}', which the file lacks", c.id));
            }
        } else if !units.iter().any(|x| x.id == c.unit) {
            return Err(format!("{ctx}: column '{}' has unknown unit '{}'", c.id, c.unit));
        }
        match (&c.expr, t.col(&c.id)) {
            (Some(_), Some(_)) => {
                return Err(format!("{ctx}: derived column '{}' must not be written in the file", c.id))
            }
            (None, None) => return Err(format!("{ctx}: declared column '{}' is missing from the file", c.id)),
            (None, Some(_)) => {
                allowed.insert(c.id.clone());
            }
            (Some(_), None) => {}
        }
    }
    if let Some(h) = t.header.iter().find(|h| !allowed.contains(*h)) {
        return Err(format!("{ctx}: unexpected column '{h}' (declare it in data/datasets.toml)"));
    }
    match ["key", "label_zh", "label_en"].iter().find(|req| t.col(req).is_none()) {
        Some(req) => Err(format!("{ctx}: the file needs a '{req}' column")),
        None => Ok(()),
    }
}

/// Note ids are unique and every kind is known.
fn check_note_decls(d: &DatasetDecl, ctx: &str) -> Checked<()> {
    for (i, n) in d.notes.iter().enumerate() {
        if d.notes[..i].iter().any(|m| m.id == n.id) {
            return Err(format!("{ctx}: note '{}' declared twice", n.id));
        }
        if !NOTE_KINDS.contains(&n.kind.as_str()) {
            return Err(format!("{ctx}: note '{}' has unknown kind '{}'", n.id, n.kind));
        }
    }
    Ok(())
}

/// A cell as read, before formulas are evaluated.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Empty,
    Number {
        x: f64,
        hi: Option<f64>,
        text: String,
        qual: Qualifier,
        figure: Option<Figure>,
    },
    /// A derived cell: its formula, the most decimals it may show, and its value once evaluated.
    Formula {
        expr: String,
        decimals: u8,
        value: Option<Figure>,
    },
}

/// Every row's key, cells and cell units, as read by [`read_rows`].
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub keys: Vec<String>,
    pub cells: Vec<Vec<Pending>>,
    pub units: Vec<Vec<Option<String>>>,
}

/// Pass 2: keys are lower-case and unique; every printed cell reads as a figure in a known unit.
pub fn read_rows(d: &DatasetDecl, t: &Table, units: &[UnitRow], ctx: &str) -> Checked<Grid> {
    let mut grid = Grid { keys: Vec::new(), cells: Vec::new(), units: Vec::new() };
    for r in &t.rows {
        let at = t.at(r);
        let key = t.get(r, "key").ok_or_else(|| format!("{at}: empty key"))?;
        if !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return Err(format!("{at}: key '{key}' must be lower-case ascii, digits or _"));
        }
        if grid.keys.iter().any(|k| k == key) {
            return Err(format!("{at}: key '{key}' appears twice"));
        }
        grid.keys.push(key.to_string());
        let mut row_cells = Vec::new();
        let mut row_units = Vec::new();
        for c in &d.columns {
            let unit = cell_unit(c, t, r, units, &at)?;
            let count = unit.as_ref().is_some_and(|u| units.iter().any(|x| &x.id == u && x.count));
            row_cells.push(read_cell(c, t, r, (unit.is_some(), count), &at, ctx)?);
            row_units.push(unit);
        }
        grid.cells.push(row_cells);
        grid.units.push(row_units);
    }
    Ok(grid)
}

/// The unit of one cell: the column's, or the one its row names.
fn cell_unit(c: &ColumnDecl, t: &Table, r: &parse::Record, units: &[UnitRow], at: &str) -> Checked<Option<String>> {
    match c.unit.strip_prefix('@') {
        Some(ucol) => match t.get(r, ucol) {
            Some(u) if units.iter().any(|x| x.id == u) => Ok(Some(u.to_string())),
            Some(u) => Err(format!("{at}: column '{ucol}': unknown unit '{u}'")),
            None => Ok(None),
        },
        None => Ok(Some(c.unit.clone())),
    }
}

/// One cell; `unit` says whether it has a unit, and whether that unit counts things.
fn read_cell(
    c: &ColumnDecl,
    t: &Table,
    r: &parse::Record,
    unit: (bool, bool),
    at: &str,
    ctx: &str,
) -> Checked<Pending> {
    let (has_unit, count) = unit;
    let decimals = c.decimals.unwrap_or(2);
    if let Some(expr) = &c.expr {
        parse::tokenize(expr).map_err(|e| format!("{ctx}: column '{}': {e}", c.id))?;
        return Ok(Pending::Formula { expr: expr.clone(), decimals, value: None });
    }
    let raw = t.get(r, &c.id).unwrap_or("");
    Ok(match parse_cell(raw).map_err(|e| format!("{at}: column '{}': {e}", c.id))? {
        CellText::Empty => Pending::Empty,
        CellText::Number { x, hi, text, qual } => {
            if c.unit.starts_with('@') && !has_unit && !text.contains('/') {
                return Err(format!("{at}: column '{}' has a value but the row names no unit", c.id));
            }
            let single = hi.is_none() && matches!(qual, Qualifier::Exact | Qualifier::About | Qualifier::Nearly);
            let figure = single.then(|| Figure::printed(x, &text, qual, count));
            Pending::Number { x, hi, text, qual, figure }
        }
        CellText::Formula(expr, own) => Pending::Formula { expr, decimals: own.unwrap_or(decimals), value: None },
    })
}

/// Pass 3: evaluate formulas until nothing changes (formulas may use other formulas), in figures
/// that carry their precision (see [`super::figure`]). A formula over an empty cell has no value;
/// one that never resolves is reported by [`rows_out`]; a bound or range cannot enter a formula.
pub fn resolve_formulas(d: &DatasetDecl, grid: &mut Grid, ctx: &str) -> Checked<()> {
    let col_index: HashMap<&str, usize> = d.columns.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let row_index: HashMap<String, usize> = grid.keys.iter().enumerate().map(|(i, k)| (k.clone(), i)).collect();
    for _round in 0..8 {
        let mut changed = false;
        for ri in 0..grid.cells.len() {
            for ci in 0..d.columns.len() {
                let Pending::Formula { expr, value: None, .. } = &grid.cells[ri][ci] else { continue };
                let expr = expr.clone();
                let mut unresolved = false;
                // A bound or a range stands in as NaN; it is an error only if nothing else leaves the
                // formula without a value.
                let mut bound = None;
                let mut lookup = |name: &str| -> Result<Option<Figure>, String> {
                    let (r, c) = match name.split_once(':') {
                        Some((row, col)) => (
                            *row_index.get(row).ok_or_else(|| format!("no row '{row}'"))?,
                            *col_index.get(col).ok_or_else(|| format!("no column '{col}'"))?,
                        ),
                        None => (ri, *col_index.get(name).ok_or_else(|| format!("no column '{name}'"))?),
                    };
                    match &grid.cells[r][c] {
                        Pending::Empty => Ok(None),
                        Pending::Number { figure: Some(f), .. } => Ok(Some(*f)),
                        Pending::Number { text, qual, .. } => {
                            bound = Some(format!("'{name}' is '{} {text}'", qual.keyword()));
                            Ok(Some(Figure::constant(f64::NAN)))
                        }
                        Pending::Formula { value: Some(v), .. } => Ok(Some(*v)),
                        Pending::Formula { value: None, .. } => {
                            unresolved = true;
                            Ok(None)
                        }
                    }
                };
                let at = format!("{ctx}: row '{}', column '{}'", grid.keys[ri], d.columns[ci].id);
                let v = parse::evaluate_in(&expr, &mut lookup).map_err(|e| format!("{at}: {e}"))?;
                if unresolved {
                    continue;
                }
                if let (Some(b), Some(_)) = (bound, v) {
                    return Err(format!("{at}: {b}: a bound or a range has no single value"));
                }
                if let Pending::Formula { value, .. } = &mut grid.cells[ri][ci] {
                    *value = Some(v.unwrap_or(Figure::constant(f64::NAN)));
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    Ok(())
}

/// The notes of each row, and the cells each note marks.
pub type NoteTargets = (Vec<BTreeSet<String>>, BTreeMap<String, Vec<String>>);

/// Pass 4: every cell a note marks exists, and every note a row names is declared.
pub fn note_targets(d: &DatasetDecl, t: &Table, keys: &[String], ctx: &str) -> Checked<NoteTargets> {
    let mut note_cells: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut row_notes: Vec<BTreeSet<String>> = vec![BTreeSet::new(); keys.len()];
    for n in &d.notes {
        for target in n.cells.iter().filter(|c| *c != "*") {
            let (row, col) = target.split_once(':').map_or((target.as_str(), None), |(r, c)| (r, Some(c)));
            let ri = keys
                .iter()
                .position(|k| k == row)
                .ok_or_else(|| format!("{ctx}: note '{}' marks unknown row '{row}'", n.id))?;
            if let Some(c) = col.filter(|c| !d.columns.iter().any(|x| x.id == *c)) {
                return Err(format!("{ctx}: note '{}' marks unknown column '{c}'", n.id));
            }
            row_notes[ri].insert(n.id.clone());
        }
        note_cells.insert(n.id.clone(), n.cells.clone());
    }
    for (ri, r) in t.rows.iter().enumerate() {
        for id in t.get(r, "notes").unwrap_or("").split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let cells = note_cells.get_mut(id).ok_or_else(|| format!("{}: unknown note '{id}'", t.at(r)))?;
            row_notes[ri].insert(id.to_string());
            let key = &keys[ri];
            if !cells.contains(key) && !cells.iter().any(|c| c.starts_with(&format!("{key}:"))) {
                cells.push(key.clone());
            }
        }
    }
    Ok((row_notes, note_cells))
}

/// Pass 5: each row's source rule, cells, labels, text pairs and entities.
pub fn rows_out(d: &DatasetDecl, t: &Table, grid: &Grid, row_notes: Vec<BTreeSet<String>>) -> Checked<Vec<RowOut>> {
    let mut rows = Vec::new();
    for ((ri, r), notes) in t.rows.iter().enumerate().zip(row_notes) {
        let at = t.at(r);
        let source = t.get(r, "source");
        if d.supplementary && source.is_none() {
            return Err(format!("{at}: a supplementary row must name its source"));
        }
        if !d.supplementary && source.is_some() {
            return Err(format!("{at}: only a supplementary dataset may carry a source column"));
        }
        let mut cells = Vec::new();
        for (ci, p) in grid.cells[ri].iter().enumerate() {
            cells.push(CellOut { value: value_out(p, &d.columns[ci].id, &at)?, unit: grid.units[ri][ci].clone() });
        }
        let label = match (t.get(r, "label_zh"), t.get(r, "label_en")) {
            (Some(zh), Some(en)) => (zh.to_string(), en.to_string()),
            _ => return Err(format!("{at}: label_zh and label_en are both required")),
        };
        let mut pairs: [Option<Pair>; 4] = Default::default();
        for (slot, name) in pairs.iter_mut().zip(PAIRS) {
            *slot = pair(t, r, name, &at)?;
        }
        let period = row_period(t, r, &at)?;
        if d.periods_in_rows && period.is_none() {
            return Err(format!("{at}: the dataset leaves its period to its rows, and this row gives none"));
        }
        let entities: Vec<String> =
            t.get(r, "entity").map(|e| e.split(';').map(|s| s.trim().to_string()).collect()).unwrap_or_default();
        if let Some(e) = entities.iter().find(|e| !entity_ok(e)) {
            return Err(format!(
                "{at}: entity '{e}' is not an ISO alpha-3 code, ASEAN/EU/BRI, or port:/prov:/region: id"
            ));
        }
        let within: Vec<String> =
            t.get(r, "within").map(|w| w.split('|').map(|s| s.trim().to_string()).collect()).unwrap_or_default();
        if let Some(w) = within.iter().find(|w| !grid.keys.contains(w) || **w == grid.keys[ri]) {
            return Err(format!("{at}: column 'within': '{w}' is not another row's key"));
        }
        rows.push(RowOut {
            key: grid.keys[ri].clone(),
            label,
            entities,
            pairs,
            period,
            section: t.get(r, "section").map(str::to_string),
            source: source.map(str::to_string),
            within,
            footnote: t.col("footnote").map(|_| t.get(r, "footnote").unwrap_or("").to_string()),
            cells,
            notes,
        });
    }
    Ok(rows)
}

/// A row's own period, by the rule of [`super::period`].
fn row_period(t: &Table, r: &parse::Record, at: &str) -> Checked<Option<Period>> {
    let cells = PeriodCells {
        text: pair_str(t, r, "period", at)?,
        basis: t.get(r, "period_basis"),
        reason: pair_str(t, r, "period_reason", at)?,
    };
    period::read(&cells, at, false)
}

fn pair_str<'a>(t: &Table, r: &'a parse::Record, name: &str, at: &str) -> Checked<Option<(&'a str, &'a str)>> {
    match (t.get(r, &format!("{name}_zh")), t.get(r, &format!("{name}_en"))) {
        (Some(z), Some(e)) => Ok(Some((z, e))),
        (None, None) => Ok(None),
        _ => Err(format!("{at}: {name}_zh and {name}_en must both be given or both empty")),
    }
}

/// A zh/en pair of text columns: both given or both empty.
fn pair(t: &Table, r: &parse::Record, name: &str, at: &str) -> Checked<Option<Pair>> {
    match (t.get(r, &format!("{name}_zh")), t.get(r, &format!("{name}_en"))) {
        (Some(z), Some(e)) => Ok(Some((z.to_string(), e.to_string()))),
        (None, None) => Ok(None),
        _ => Err(format!("{at}: {name}_zh and {name}_en must both be given or both empty")),
    }
}

/// An entity is an ISO alpha-3 code, a group (ASEAN, EU, BRI) or a `port:`/`prov:`/`region:` id.
pub fn entity_ok(e: &str) -> bool {
    (e.len() == 3 && e.bytes().all(|b| b.is_ascii_uppercase()))
        || ["ASEAN", "EU", "BRI"].contains(&e)
        || ["port:", "prov:", "region:"].iter().any(|p| {
            e.strip_prefix(p)
                .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        })
}

/// The value of a cell: printed as read; derived in full, shown as the precision rule allows, and
/// "about" when an input is.
fn value_out(p: &Pending, col: &str, at: &str) -> Checked<Option<ValueOut>> {
    Ok(match p {
        Pending::Empty => None,
        Pending::Number { x, hi, text, qual, figure } => {
            Some(ValueOut { x: *x, hi: *hi, text: text.clone(), qual: *qual, expr: None, figure: *figure })
        }
        Pending::Formula { expr, decimals, value } => match value {
            Some(f) if f.x.is_finite() => Some(ValueOut {
                // Twelve significant figures: all the value has, without binary noise (27.4 − 20.8
                // is 6.6, not 6.599999999999998).
                x: format!("{:.11e}", f.x).parse().expect("a number in scientific notation reads back"),
                hi: None,
                text: f.shown(*decimals),
                qual: if f.about { Qualifier::About } else { Qualifier::Exact },
                expr: Some(expr.clone()),
                figure: Some(*f),
            }),
            Some(_) => None,
            None => return Err(format!("{at}: column '{col}': formula '{expr}' never resolves (a cycle?)")),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> Vec<UnitRow> {
        ["usd_100m", "pct", "t_10k"]
            .iter()
            .map(|id| UnitRow { id: id.to_string(), zh: "单位".into(), en: "unit".into(), shift: 0, count: false })
            .collect()
    }

    fn column(id: &str, unit: &str, expr: Option<&str>) -> ColumnDecl {
        ColumnDecl {
            id: id.into(),
            label: ("数".into(), "Figure".into()),
            unit: unit.into(),
            expr: expr.map(str::to_string),
            decimals: None,
        }
    }

    fn partners() -> DatasetDecl {
        DatasetDecl {
            id: "partners".into(),
            supplementary: false,
            periods_in_rows: false,
            columns: vec![
                column("exports", "usd_100m", None),
                column("yoy", "pct", None),
                column("exports_2022", "usd_100m", Some("exports / (1 + yoy / 100)")),
            ],
            notes: vec![NoteDecl {
                id: "us-title".into(),
                kind: "inconsistency".into(),
                zh: "注".into(),
                en: "Note".into(),
                cells: vec!["usa:exports".into()],
            }],
        }
    }

    fn compile_text(d: &DatasetDecl, text: &str) -> Checked<Compiled> {
        compile(d, &Table::parse(&format!("data/{}.csv", d.id), text)?, &units())
    }

    const HEAD: &str = "key,label_zh,label_en,entity,exports,yoy,notes\n";

    #[test]
    fn the_readme_example_a_split_figure_names_file_line_and_column() {
        let text = format!("{HEAD}japan,日本,Japan,JPN,3179.99,-10.7,\nusa,美国,United States,USA,6 644.51,-11.6,\n");
        let e = compile_text(&partners(), &text).unwrap_err();
        assert_eq!(e, "data/partners.csv:3: column 'exports': cannot read '6 644.51' as a printed figure");
    }

    #[test]
    fn a_good_file_compiles_with_derived_values_and_note_targets() {
        let text = format!("{HEAD}usa,美国,United States,USA,6644.51,-11.6,\n");
        let c = compile_text(&partners(), &text).unwrap();
        let usa = &c.rows[0];
        assert_eq!(usa.cells[0].value.as_ref().unwrap().text, "6644.51");
        let implied = usa.cells[2].value.as_ref().unwrap();
        // 6 644.51 ÷ 0.884: three significant figures from −11.6 %, so whole units at most.
        assert_eq!((implied.text.as_str(), implied.expr.as_deref()), ("7516", Some("exports / (1 + yoy / 100)")));
        assert!((implied.x - 6644.51 / 0.884).abs() < 1e-9, "the value keeps full precision");
        assert!(usa.notes.contains("us-title"));
        assert_eq!(c.notes[0].cells, ["usa:exports"]);
    }

    #[test]
    fn a_derived_column_written_in_the_file_is_rejected() {
        let e = compile_text(&partners(), "key,label_zh,label_en,exports,yoy,exports_2022\n").unwrap_err();
        assert_eq!(
            e,
            "data/partners.csv (dataset 'partners'): derived column 'exports_2022' must not be written in the file"
        );
    }

    #[test]
    fn an_undeclared_column_is_rejected() {
        let e = compile_text(&partners(), "key,label_zh,label_en,exports,yoy,share\n").unwrap_err();
        assert_eq!(
            e,
            "data/partners.csv (dataset 'partners'): unexpected column 'share' (declare it in data/datasets.toml)"
        );
    }

    #[test]
    fn a_missing_declared_column_is_rejected() {
        let e = compile_text(&partners(), "key,label_zh,label_en,exports\n").unwrap_err();
        assert_eq!(e, "data/partners.csv (dataset 'partners'): declared column 'yoy' is missing from the file");
    }

    #[test]
    fn keys_must_be_lower_case_and_unique() {
        let e = compile_text(&partners(), &format!("{HEAD}USA,美国,United States,USA,1,1,\n")).unwrap_err();
        assert_eq!(e, "data/partners.csv:2: key 'USA' must be lower-case ascii, digits or _");
        let e = compile_text(&partners(), &format!("{HEAD}usa,美国,US,USA,1,1,\nusa,美国,US,USA,2,2,\n")).unwrap_err();
        assert_eq!(e, "data/partners.csv:3: key 'usa' appears twice");
    }

    #[test]
    fn an_unknown_note_named_by_a_row_is_rejected() {
        let e = compile_text(&partners(), &format!("{HEAD}usa,美国,US,USA,1,1,us-titel\n")).unwrap_err();
        assert_eq!(e, "data/partners.csv:2: unknown note 'us-titel'");
    }

    #[test]
    fn a_note_marking_an_unknown_row_is_rejected() {
        let e = compile_text(&partners(), &format!("{HEAD}japan,日本,Japan,JPN,1,1,\n")).unwrap_err();
        assert_eq!(e, "data/partners.csv (dataset 'partners'): note 'us-title' marks unknown row 'usa'");
    }

    #[test]
    fn a_bad_entity_is_rejected() {
        let e = compile_text(&partners(), &format!("{HEAD}usa,美国,US,usa,1,1,\n")).unwrap_err();
        assert_eq!(
            e,
            "data/partners.csv:2: entity 'usa' is not an ISO alpha-3 code, ASEAN/EU/BRI, or port:/prov:/region: id"
        );
    }

    #[test]
    fn a_label_in_one_language_only_is_rejected() {
        let e = compile_text(&partners(), &format!("{HEAD}usa,美国,,USA,1,1,\n")).unwrap_err();
        assert_eq!(e, "data/partners.csv:2: label_zh and label_en are both required");
    }

    #[test]
    fn a_row_with_its_own_unit_must_name_it() {
        let d = DatasetDecl {
            id: "facts".into(),
            supplementary: false,
            periods_in_rows: false,
            columns: vec![column("value", "@unit", None)],
            notes: Vec::new(),
        };
        let e = compile_text(&d, "key,label_zh,label_en,value,unit\na,甲,A,3,\n").unwrap_err();
        assert_eq!(e, "data/facts.csv:2: column 'value' has a value but the row names no unit");
        let e = compile_text(&d, "key,label_zh,label_en,value,unit\na,甲,A,3,furlongs\n").unwrap_err();
        assert_eq!(e, "data/facts.csv:2: column 'unit': unknown unit 'furlongs'");
    }

    #[test]
    fn formulas_in_a_cycle_never_resolve() {
        let d = DatasetDecl {
            id: "loop".into(),
            supplementary: false,
            periods_in_rows: false,
            columns: vec![column("value", "pct", None)],
            notes: Vec::new(),
        };
        let e = compile_text(&d, "key,label_zh,label_en,value\na,甲,A,=b:value\nb,乙,B,=a:value\n").unwrap_err();
        assert_eq!(e, "data/loop.csv:2: column 'value': formula 'b:value' never resolves (a cycle?)");
    }

    #[test]
    fn a_period_without_a_basis_stops_the_build() {
        let text =
            "key,label_zh,label_en,entity,exports,yoy,notes,period_zh,period_en\nusa,美国,US,USA,1,1,,2023 年,2023\n";
        let e = compile_text(&partners(), text).unwrap_err();
        assert_eq!(
            e,
            "data/partners.csv:2: period '2023 年' needs a basis: 'paper', 'paper: <the paper's words>', 'inferred' (with a reason) or 'not given'"
        );
    }

    #[test]
    fn a_dataset_that_leaves_its_period_to_its_rows_needs_one_on_every_row() {
        let mut d = partners();
        d.periods_in_rows = true;
        let head = "key,label_zh,label_en,entity,exports,yoy,notes,period_zh,period_en,period_basis\n";
        let text = format!("{head}usa,美国,US,USA,1,1,,2023 年,2023,paper\njapan,日本,Japan,JPN,1,1,,,,\n");
        let e = compile_text(&d, &text).unwrap_err();
        assert_eq!(e, "data/partners.csv:3: the dataset leaves its period to its rows, and this row gives none");
        let text = format!("{head}usa,美国,US,USA,1,1,,2023 年,2023,paper\njapan,日本,Japan,JPN,1,1,,,,not given\n");
        let c = compile_text(&d, &text).unwrap();
        assert_eq!(c.rows[1].period.as_ref().unwrap().text.1, "Date not given in the paper");
    }

    #[test]
    fn a_bound_cannot_enter_a_formula() {
        let d = DatasetDecl {
            id: "b".into(),
            supplementary: false,
            periods_in_rows: false,
            columns: vec![column("value", "pct", None)],
            notes: Vec::new(),
        };
        let e = compile_text(&d, "key,label_zh,label_en,value\na,甲,A,over 30\nb,乙,B,=a:value * 2\n").unwrap_err();
        assert_eq!(
            e,
            "data/b.csv (dataset 'b'): row 'b', column 'value': 'a:value' is 'over 30': a bound or a range has no single value"
        );
    }

    #[test]
    fn a_value_derived_from_an_about_figure_is_about() {
        let d = DatasetDecl {
            id: "w".into(),
            supplementary: false,
            periods_in_rows: false,
            columns: vec![column("value", "pct", None)],
            notes: Vec::new(),
        };
        let c =
            compile_text(&d, "key,label_zh,label_en,value\na,甲,A,about 268\nb,乙,B,=a:value / 1.5672 #0\n").unwrap();
        let v = c.rows[1].cells[0].value.as_ref().unwrap();
        assert_eq!((v.text.as_str(), v.qual), ("171", Qualifier::About));
    }

    #[test]
    fn only_supplementary_datasets_carry_sources_and_theirs_must() {
        let mut d = partners();
        d.notes.clear();
        let e = compile_text(&d, "key,label_zh,label_en,exports,yoy,source\na,甲,A,1,1,https://x\n").unwrap_err();
        assert_eq!(e, "data/partners.csv:2: only a supplementary dataset may carry a source column");
        d.supplementary = true;
        let e = compile_text(&d, "key,label_zh,label_en,exports,yoy,source\na,甲,A,1,1,\n").unwrap_err();
        assert_eq!(e, "data/partners.csv:2: a supplementary row must name its source");
    }
}
