//! Validates `data/` and compiles it into typed statics (`$OUT_DIR/data_gen.rs`).
//!
//! A malformed row fails the build with a message naming the file and line. The parsing rules
//! live in `src/data/parse.rs`, shared with the app and its tests.

#[path = "src/data/parse.rs"]
#[allow(dead_code)]
mod parse;

use parse::{parse_cell, parse_csv, CellText, Qualifier};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    paper: PaperT,
    section: Vec<SectionT>,
    dataset: Vec<DatasetT>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PaperT {
    title_zh: String,
    title_en: String,
    note_zh: String,
    note_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionT {
    id: String,
    paper: String,
    title_zh: String,
    title_en: String,
    intro_zh: String,
    intro_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatasetT {
    id: String,
    page: String,
    file: String,
    title_zh: String,
    title_en: String,
    section: String,
    table: Option<u8>,
    figure: Option<u8>,
    agency_zh: String,
    agency_en: String,
    #[serde(default)]
    footnote: String,
    period_zh: String,
    period_en: String,
    caption_zh: String,
    caption_en: String,
    #[serde(default)]
    supplementary: bool,
    #[serde(default)]
    column: Vec<ColumnT>,
    #[serde(default)]
    note: Vec<NoteT>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnT {
    id: String,
    label_zh: String,
    label_en: String,
    unit: String,
    expr: Option<String>,
    decimals: Option<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteT {
    id: String,
    kind: String,
    zh: String,
    en: String,
    #[serde(default)]
    cells: Vec<String>,
}

/// Text columns a CSV may carry besides its value columns and unit columns.
const RESERVED: &[&str] = &[
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
    "section",
    "agency_zh",
    "agency_en",
    "source",
    "notes",
];

/// Columns that come in zh/en pairs.
const PAIRS: &[&str] = &["group", "measure", "detail", "period", "agency"];

struct Fail(String);

type R<T> = Result<T, Fail>;

fn fail<T>(msg: impl Into<String>) -> R<T> {
    Err(Fail(msg.into()))
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let data = root.join("data");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/data/parse.rs");
    match generate(&data) {
        Ok(code) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("data_gen.rs");
            std::fs::write(out, code).expect("write generated data");
        }
        Err(Fail(msg)) => {
            eprintln!("\nerror: invalid data: {msg}\n");
            std::process::exit(1);
        }
    }
}

fn read(path: &Path) -> R<String> {
    std::fs::read_to_string(path).or_else(|e| fail(format!("{}: {e}", rel(path))))
}

fn rel(path: &Path) -> String {
    let s = path.to_string_lossy();
    match s.find("data/") {
        Some(i) => s[i..].to_string(),
        None => s.into_owned(),
    }
}

struct UnitRow {
    id: String,
    zh: String,
    en: String,
    shift: i8,
}

fn unit_ident(id: &str) -> String {
    format!("U_{}", id.to_ascii_uppercase())
}

/// A header-indexed view of a CSV file.
struct Table {
    path: String,
    header: Vec<String>,
    rows: Vec<parse::Record>,
}

impl Table {
    fn load(path: &Path) -> R<Table> {
        let text = read(path)?;
        let mut recs = parse_csv(&text).or_else(|(line, msg)| fail(format!("{}:{line}: {msg}", rel(path))))?;
        if recs.is_empty() {
            return fail(format!("{}: no header", rel(path)));
        }
        let header = recs.remove(0).fields;
        let mut seen = BTreeSet::new();
        for h in &header {
            if !seen.insert(h) {
                return fail(format!("{}: column '{h}' appears twice", rel(path)));
            }
        }
        for r in &recs {
            if r.fields.len() != header.len() {
                return fail(format!(
                    "{}:{}: {} fields, the header has {}",
                    rel(path),
                    r.line,
                    r.fields.len(),
                    header.len()
                ));
            }
        }
        Ok(Table { path: rel(path), header, rows: recs })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    fn get<'a>(&self, rec: &'a parse::Record, name: &str) -> Option<&'a str> {
        self.col(name).map(|i| rec.fields[i].trim()).filter(|s| !s.is_empty())
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn l_lit(zh: &str, en: &str) -> String {
    format!("L::new({}, {})", lit(zh), lit(en))
}

fn opt_l(zh: Option<&str>, en: Option<&str>, at: &str, name: &str) -> R<String> {
    match (zh, en) {
        (Some(z), Some(e)) => Ok(format!("Some({})", l_lit(z, e))),
        (None, None) => Ok("None".into()),
        _ => fail(format!("{at}: {name}_zh and {name}_en must both be given or both empty")),
    }
}

fn qual_lit(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "Qualifier::Exact",
        Qualifier::Over => "Qualifier::Over",
        Qualifier::About => "Qualifier::About",
        Qualifier::Nearly => "Qualifier::Nearly",
        Qualifier::Under => "Qualifier::Under",
    }
}

fn f64_lit(x: f64) -> String {
    let s = format!("{x:?}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

/// Format a derived number with fixed decimals, never "-0".
fn fixed(x: f64, decimals: u8) -> String {
    let s = format!("{:.*}", decimals as usize, x);
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

/// Parsed cell content before emission.
enum Pending {
    Empty,
    Number { x: f64, hi: Option<f64>, text: String, qual: Qualifier },
    Formula { expr: String, decimals: u8, value: Option<f64> },
}

fn generate(data: &Path) -> R<String> {
    // Units.
    let units_t = Table::load(&data.join("units.csv"))?;
    let mut units = Vec::new();
    for r in &units_t.rows {
        let f = |n: &str| units_t.get(r, n).map(str::to_string);
        let at = format!("{}:{}", units_t.path, r.line);
        let id = f("id").ok_or_else(|| Fail(format!("{at}: unit without id")))?;
        if !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return fail(format!("{at}: unit id '{id}' must be lower-case ascii"));
        }
        let zh = f("zh").ok_or_else(|| Fail(format!("{at}: unit '{id}' has no zh")))?;
        let en = f("en").ok_or_else(|| Fail(format!("{at}: unit '{id}' has no en")))?;
        let shift = f("en_shift")
            .and_then(|s| s.parse::<i8>().ok())
            .ok_or_else(|| Fail(format!("{at}: unit '{id}' needs an integer en_shift")))?;
        units.push(UnitRow { id, zh, en, shift });
    }
    let unit_ids: BTreeSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    if unit_ids.len() != units.len() {
        return fail("data/units.csv: duplicate unit id");
    }

    // Catalogue.
    let cat_text = read(&data.join("datasets.toml"))?;
    let cat: Catalogue = toml::from_str(&cat_text).or_else(|e| fail(format!("data/datasets.toml: {e}")))?;
    let section_ids: BTreeSet<&str> = cat.section.iter().map(|s| s.id.as_str()).collect();
    if section_ids.len() != cat.section.len() {
        return fail("data/datasets.toml: duplicate section id");
    }
    let mut ds_ids = BTreeSet::new();
    let mut out = String::new();
    writeln!(out, "// Generated by build.rs from data/ — do not edit.").unwrap();
    for u in &units {
        writeln!(
            out,
            "pub static {}: Unit = Unit {{ id: {}, zh: {}, en: {}, en_shift: {} }};",
            unit_ident(&u.id),
            lit(&u.id),
            lit(&u.zh),
            lit(&u.en),
            u.shift
        )
        .unwrap();
    }
    writeln!(
        out,
        "pub static UNITS: &[&Unit] = &[{}];",
        units.iter().map(|u| format!("&{}", unit_ident(&u.id))).collect::<Vec<_>>().join(", ")
    )
    .unwrap();

    writeln!(
        out,
        "pub static PAPER: Paper = Paper {{ title: {}, note: {} }};",
        l_lit(&cat.paper.title_zh, &cat.paper.title_en),
        l_lit(&cat.paper.note_zh, &cat.paper.note_en)
    )
    .unwrap();

    writeln!(out, "pub static SECTIONS: &[Section] = &[").unwrap();
    for s in &cat.section {
        writeln!(
            out,
            "  Section {{ id: {}, paper: {}, title: {}, intro: {} }},",
            lit(&s.id),
            lit(&s.paper),
            l_lit(&s.title_zh, &s.title_en),
            l_lit(&s.intro_zh, &s.intro_en)
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();

    writeln!(out, "pub static DATASETS: &[Dataset] = &[").unwrap();
    for d in &cat.dataset {
        if !ds_ids.insert(d.id.clone()) {
            return fail(format!("data/datasets.toml: dataset '{}' declared twice", d.id));
        }
        if !section_ids.contains(d.page.as_str()) {
            return fail(format!("data/datasets.toml: dataset '{}' names unknown page section '{}'", d.id, d.page));
        }
        let code = dataset(data, d, &unit_ids)?;
        out.push_str(&code);
    }
    writeln!(out, "];").unwrap();

    // Glossary.
    let g = Table::load(&data.join("glossary.csv"))?;
    writeln!(out, "pub static GLOSSARY: &[GlossaryEntry] = &[").unwrap();
    for r in &g.rows {
        let at = format!("{}:{}", g.path, r.line);
        let zh = g.get(r, "zh").ok_or_else(|| Fail(format!("{at}: no zh term")))?;
        let en = g.get(r, "en").ok_or_else(|| Fail(format!("{at}: no en term")))?;
        let check = match g.get(r, "check") {
            Some("yes") => true,
            Some("no") | None => false,
            Some(other) => return fail(format!("{at}: check must be yes or no, not '{other}'")),
        };
        let alts: Vec<String> = en.split('|').map(|s| lit(s.trim())).collect();
        writeln!(
            out,
            "  GlossaryEntry {{ zh: {}, en: &[{}], check: {check}, note: {} }},",
            lit(zh),
            alts.join(", "),
            lit(g.get(r, "note_en").unwrap_or(""))
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    Ok(out)
}

fn dataset(data: &Path, d: &DatasetT, unit_ids: &BTreeSet<&str>) -> R<String> {
    let t = Table::load(&data.join(&d.file))?;
    let ctx = format!("{} (dataset '{}')", t.path, d.id);

    // Which CSV columns are allowed: reserved, declared value columns, referenced unit columns.
    let mut allowed: BTreeSet<String> = RESERVED.iter().map(|s| s.to_string()).collect();
    let mut col_ids = BTreeSet::new();
    for c in &d.column {
        if !col_ids.insert(c.id.as_str()) {
            return fail(format!("{ctx}: column '{}' declared twice", c.id));
        }
        if RESERVED.contains(&c.id.as_str()) {
            return fail(format!("{ctx}: column id '{}' is reserved", c.id));
        }
        if let Some(u) = c.unit.strip_prefix('@') {
            allowed.insert(u.to_string());
            if t.col(u).is_none() {
                return fail(format!("{ctx}: column '{}' takes its unit from '{u}', which the file lacks", c.id));
            }
        } else if !unit_ids.contains(c.unit.as_str()) {
            return fail(format!("{ctx}: column '{}' has unknown unit '{}'", c.id, c.unit));
        }
        if c.expr.is_some() {
            if t.col(&c.id).is_some() {
                return fail(format!("{ctx}: derived column '{}' must not be written in the file", c.id));
            }
        } else {
            allowed.insert(c.id.clone());
            if t.col(&c.id).is_none() {
                return fail(format!("{ctx}: declared column '{}' is missing from the file", c.id));
            }
        }
    }
    for h in &t.header {
        if !allowed.contains(h) {
            return fail(format!("{ctx}: unexpected column '{h}' (declare it in data/datasets.toml)"));
        }
    }
    for req in ["key", "label_zh", "label_en"] {
        if t.col(req).is_none() {
            return fail(format!("{ctx}: the file needs a '{req}' column"));
        }
    }

    // Notes: ids, kinds, and which rows they mark.
    let note_ids: BTreeSet<&str> = d.note.iter().map(|n| n.id.as_str()).collect();
    if note_ids.len() != d.note.len() {
        return fail(format!("{ctx}: duplicate note id"));
    }

    // First pass: read every cell.
    let mut keys = Vec::new();
    let mut pending: Vec<Vec<Pending>> = Vec::new();
    let mut cell_units: Vec<Vec<Option<String>>> = Vec::new();
    for r in &t.rows {
        let at = format!("{}:{}", t.path, r.line);
        let key = t.get(r, "key").ok_or_else(|| Fail(format!("{at}: empty key")))?;
        if !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return fail(format!("{at}: key '{key}' must be lower-case ascii, digits or _"));
        }
        if keys.contains(&key.to_string()) {
            return fail(format!("{at}: key '{key}' appears twice"));
        }
        keys.push(key.to_string());
        let mut row_cells = Vec::new();
        let mut row_units = Vec::new();
        for c in &d.column {
            let unit = match c.unit.strip_prefix('@') {
                Some(ucol) => match t.get(r, ucol) {
                    Some(u) if unit_ids.contains(u) => Some(u.to_string()),
                    Some(u) => return fail(format!("{at}: column '{ucol}': unknown unit '{u}'")),
                    None => None,
                },
                None => Some(c.unit.clone()),
            };
            let decimals = c.decimals.unwrap_or(2);
            let p = if let Some(expr) = &c.expr {
                parse::tokenize(expr).or_else(|e| fail(format!("{ctx}: column '{}': {e}", c.id)))?;
                Pending::Formula { expr: expr.clone(), decimals, value: None }
            } else {
                let raw = t.get(r, &c.id).unwrap_or("");
                match parse_cell(raw).or_else(|e| fail(format!("{at}: column '{}': {e}", c.id)))? {
                    CellText::Empty => Pending::Empty,
                    CellText::Number { x, hi, text, qual } => {
                        if c.unit.starts_with('@') && unit.is_none() && !text.contains('/') {
                            return fail(format!("{at}: column '{}' has a value but the row names no unit", c.id));
                        }
                        Pending::Number { x, hi, text, qual }
                    }
                    CellText::Formula(expr, own) => {
                        Pending::Formula { expr, decimals: own.unwrap_or(decimals), value: None }
                    }
                }
            };
            row_cells.push(p);
            row_units.push(unit);
        }
        pending.push(row_cells);
        cell_units.push(row_units);
    }

    // Second pass: evaluate formulas until nothing changes (formulas may use other formulas).
    let col_index: HashMap<&str, usize> = d.column.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let row_index: HashMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    for _round in 0..8 {
        let mut changed = false;
        for ri in 0..pending.len() {
            for ci in 0..d.column.len() {
                let expr = match &pending[ri][ci] {
                    Pending::Formula { expr, value: None, .. } => expr.clone(),
                    _ => continue,
                };
                let mut unresolved = false;
                let mut lookup = |name: &str| -> Result<Option<f64>, String> {
                    let (r, c) = match name.split_once(':') {
                        Some((row, col)) => (
                            *row_index.get(row).ok_or_else(|| format!("no row '{row}'"))?,
                            *col_index.get(col).ok_or_else(|| format!("no column '{col}'"))?,
                        ),
                        None => (ri, *col_index.get(name).ok_or_else(|| format!("no column '{name}'"))?),
                    };
                    match &pending[r][c] {
                        Pending::Empty => Ok(None),
                        Pending::Number { x, .. } => Ok(Some(*x)),
                        Pending::Formula { value: Some(v), .. } => Ok(Some(*v)),
                        Pending::Formula { value: None, .. } => {
                            unresolved = true;
                            Ok(None)
                        }
                    }
                };
                let v = parse::evaluate(&expr, &mut lookup)
                    .or_else(|e| fail(format!("{ctx}: row '{}', column '{}': {e}", keys[ri], d.column[ci].id)))?;
                if unresolved {
                    continue;
                }
                if let Pending::Formula { value, .. } = &mut pending[ri][ci] {
                    *value = Some(v.unwrap_or(f64::NAN));
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    // Note targets.
    let mut note_cells: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut row_notes: Vec<BTreeSet<String>> = vec![BTreeSet::new(); keys.len()];
    for n in &d.note {
        if !["inconsistency", "caveat", "method"].contains(&n.kind.as_str()) {
            return fail(format!("{ctx}: note '{}' has unknown kind '{}'", n.id, n.kind));
        }
        for target in &n.cells {
            if target == "*" {
                continue;
            }
            let (row, col) = target.split_once(':').map_or((target.as_str(), None), |(r, c)| (r, Some(c)));
            let ri =
                *row_index.get(row).ok_or_else(|| Fail(format!("{ctx}: note '{}' marks unknown row '{row}'", n.id)))?;
            if let Some(c) = col {
                if !col_index.contains_key(c) {
                    return fail(format!("{ctx}: note '{}' marks unknown column '{c}'", n.id));
                }
            }
            row_notes[ri].insert(n.id.clone());
        }
        note_cells.insert(n.id.as_str(), n.cells.clone());
    }
    for (ri, r) in t.rows.iter().enumerate() {
        if let Some(list) = t.get(r, "notes") {
            for id in list.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                if !note_ids.contains(id) {
                    return fail(format!("{}:{}: unknown note '{id}'", t.path, r.line));
                }
                row_notes[ri].insert(id.to_string());
                let cells = note_cells.get_mut(id).unwrap();
                if !cells.contains(&keys[ri]) && !cells.iter().any(|c| c.starts_with(&format!("{}:", keys[ri]))) {
                    cells.push(keys[ri].clone());
                }
            }
        }
    }

    // Emit.
    let mut o = String::new();
    let columns: Vec<String> = d
        .column
        .iter()
        .map(|c| {
            format!(
                "Column {{ id: {}, label: {}, unit: {}, expr: {} }}",
                lit(&c.id),
                l_lit(&c.label_zh, &c.label_en),
                if c.unit.starts_with('@') { "None".into() } else { format!("Some(&{})", unit_ident(&c.unit)) },
                c.expr.as_ref().map_or("None".into(), |e| format!("Some({})", lit(e)))
            )
        })
        .collect();
    let mut rows = Vec::new();
    for (ri, r) in t.rows.iter().enumerate() {
        let at = format!("{}:{}", t.path, r.line);
        let source = t.get(r, "source");
        if d.supplementary && source.is_none() {
            return fail(format!("{at}: a supplementary row must name its source"));
        }
        if !d.supplementary && source.is_some() {
            return fail(format!("{at}: only a supplementary dataset may carry a source column"));
        }
        let mut cells = Vec::new();
        for (ci, p) in pending[ri].iter().enumerate() {
            let unit = cell_units[ri][ci].as_ref().map_or("None".to_string(), |u| format!("Some(&{})", unit_ident(u)));
            let value = match p {
                Pending::Empty => "None".to_string(),
                Pending::Number { x, hi, text, qual } => format!(
                    "Some(Value {{ x: {}, hi: {}, text: {}, qual: {}, status: {}, expr: None }})",
                    f64_lit(*x),
                    hi.map_or("None".into(), |h| format!("Some({})", f64_lit(h))),
                    lit(text),
                    qual_lit(*qual),
                    if d.supplementary { "Status::Supplementary" } else { "Status::Stated" }
                ),
                Pending::Formula { expr, decimals, value } => match value {
                    Some(v) if v.is_finite() => {
                        let rounded: f64 = fixed(*v, *decimals).parse().unwrap();
                        format!(
                            "Some(Value {{ x: {}, hi: None, text: {}, qual: Qualifier::Exact, status: {}, expr: Some({}) }})",
                            f64_lit(rounded),
                            lit(&fixed(*v, *decimals)),
                            if d.supplementary { "Status::SupplementaryDerived" } else { "Status::Derived" },
                            lit(expr)
                        )
                    }
                    Some(_) => "None".to_string(),
                    None => {
                        return fail(format!(
                            "{at}: column '{}': formula '{expr}' never resolves (a cycle?)",
                            d.column[ci].id
                        ))
                    }
                },
            };
            cells.push(format!("Cell {{ value: {value}, unit: {unit} }}"));
        }
        let label = match (t.get(r, "label_zh"), t.get(r, "label_en")) {
            (Some(zh), Some(en)) => l_lit(zh, en),
            _ => return fail(format!("{at}: label_zh and label_en are both required")),
        };
        let mut pairs = Vec::new();
        for name in PAIRS {
            let zh = t.get(r, &format!("{name}_zh"));
            let en = t.get(r, &format!("{name}_en"));
            pairs.push(opt_l(zh, en, &at, name)?);
        }
        let entities: Vec<String> =
            t.get(r, "entity").map(|e| e.split(';').map(|s| s.trim().to_string()).collect()).unwrap_or_default();
        for e in &entities {
            let ok = (e.len() == 3 && e.bytes().all(|b| b.is_ascii_uppercase()))
                || ["ASEAN", "EU", "BRI"].contains(&e.as_str())
                || ["port:", "prov:", "region:"].iter().any(|p| {
                    e.strip_prefix(p)
                        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
                });
            if !ok {
                return fail(format!(
                    "{at}: entity '{e}' is not an ISO alpha-3 code, ASEAN/EU/BRI, or port:/prov:/region: id"
                ));
            }
        }
        rows.push(format!(
            "Row {{ key: {}, label: {}, entities: &[{}], group: {}, measure: {}, detail: {}, period: {}, section: {}, agency: {}, source: {}, cells: &[{}], notes: &[{}] }}",
            lit(&keys[ri]),
            label,
            entities.iter().map(|e| lit(e)).collect::<Vec<_>>().join(", "),
            pairs[0],
            pairs[1],
            pairs[2],
            pairs[3],
            t.get(r, "section").map_or("None".into(), |s| format!("Some({})", lit(s))),
            pairs[4],
            source.map_or("None".into(), |s| format!("Some({})", lit(s))),
            cells.join(", "),
            row_notes[ri].iter().map(|n| lit(n)).collect::<Vec<_>>().join(", ")
        ));
    }
    let notes: Vec<String> = d
        .note
        .iter()
        .map(|n| {
            let kind = match n.kind.as_str() {
                "inconsistency" => "NoteKind::Inconsistency",
                "caveat" => "NoteKind::Caveat",
                _ => "NoteKind::Method",
            };
            let mut cells = note_cells[n.id.as_str()].clone();
            if cells.is_empty() {
                cells.push("*".into());
            }
            format!(
                "Note {{ id: {}, kind: {kind}, text: {}, cells: &[{}] }}",
                lit(&n.id),
                l_lit(&n.zh, &n.en),
                cells.iter().map(|c| lit(c)).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    writeln!(
        o,
        "  Dataset {{ id: {}, page: {}, file: {}, title: {}, section: {}, table: {:?}, figure: {:?}, agency: {}, footnote: {}, period: {}, caption: {}, supplementary: {}, columns: &[{}], rows: &[\n    {}\n  ], notes: &[{}] }},",
        lit(&d.id),
        lit(&d.page),
        lit(&d.file),
        l_lit(&d.title_zh, &d.title_en),
        lit(&d.section),
        d.table,
        d.figure,
        l_lit(&d.agency_zh, &d.agency_en),
        lit(&d.footnote),
        l_lit(&d.period_zh, &d.period_en),
        l_lit(&d.caption_zh, &d.caption_en),
        d.supplementary,
        columns.join(", "),
        rows.join(",\n    "),
        notes.join(", ")
    )
    .unwrap();
    Ok(o)
}
