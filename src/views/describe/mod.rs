//! One to three sentences that say what a chart view shows, in the reader's language: the largest
//! and smallest items with the leader's value as printed, how many rose and fell, the reader's
//! selection, and where the paper contradicts itself.
//!
//! Layer: views. Pure and native-testable: it reads the `Built` chart the page draws (so it follows
//! the reading, the language, the selection and the hidden series), never the DOM. Values are
//! written as printed (`data::format`), counts and ranks in words, so every digit of a description
//! is a figure the chart shows (`tests/describe.rs` checks this). The words live in
//! `views::words::desc`; the map layers are described in `map.rs`, the other kinds in `kinds.rs`.

mod kinds;
mod map;
pub mod rules;

use super::build::Built;
use super::entity::entity_name;
use super::interact::Drawn;
use super::words::{self, desc, fill, Noun};
use super::{CellRef, ChartDef, Kind};

use crate::chart::ChartSpec;
use crate::data::{case, format, Lang, NoteKind, Qualifier, Value};

/// What the reader has chosen besides the reading (metric and sort are already in the `Built`):
/// the selected entity and the hidden series.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Focus<'a> {
    pub selected: Option<&'a str>,
    pub hidden: &'a [usize],
}

/// A chart's description: whole sentences in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Description {
    pub lang: Lang,
    pub sentences: Vec<String>,
}

impl Description {
    /// The sentences as one text.
    pub fn text(&self) -> String {
        self.sentences.join(desc::SENTENCE_SEP.get(self.lang))
    }
}

/// Describe a built chart for a reader.
pub fn describe(def: &ChartDef, built: &Built, lang: Lang, focus: Focus) -> Description {
    let (main, selection, contradiction) = match built {
        Built::Canvas { spec, drawn } => {
            let told = canvas(def, spec, drawn, lang, focus.hidden);
            let (selection, picked) = match focus.selected {
                Some(e) => selection(e, spec, drawn, &told, focus.hidden, lang),
                None => (None, Vec::new()),
            };
            let flags = flags(&told, &picked, lang);
            (told.sentences, selection, flags)
        }
        Built::Tiles(tiles) => kinds::tiles(tiles, focus.selected, lang),
        Built::List(items) => kinds::list(def, items, focus.selected, lang),
    };
    Description { lang, sentences: assemble(main, selection, contradiction, lang) }
}

/// Where the paper contradicts itself among the values described and those the selection names,
/// and a selected value that is a probable misprint the ranking did not already name.
fn flags(told: &Told, picked: &[CellRef], lang: Lang) -> Option<String> {
    let described = told.sets.iter().flat_map(|s| &s.items).map(|i| (i.name(lang), i.cref));
    let named = picked.iter().map(|c| (sentence_name(c.row.label.get(lang), c.row.entities, lang), *c));
    let mut flagged: Vec<(String, CellRef)> = Vec::new();
    for (n, c) in described.chain(named).filter(|(_, c)| contradicted(c)) {
        if !flagged.iter().any(|(_, f)| std::ptr::eq(f.row, c.row) && f.col == c.col) {
            flagged.push((n, c));
        }
    }
    let mut notes: Vec<&str> = Vec::new();
    for n in flagged.iter().flat_map(|(_, c)| c.ds.cell_notes(c.row.key, c.column_id())) {
        if !notes.contains(&n.id) {
            notes.push(n.id);
        }
    }
    let contra = contradiction(flagged.into_iter().map(|(n, _)| n).collect(), notes.len(), lang);
    let misprinted = (picked.iter())
        .filter(|c| rules::is_misprint(c))
        .filter(|c| !told.sets.iter().flat_map(|s| &s.items).any(|i| i.same(c)))
        .map(|c| {
            let row = sentence_name(c.row.label.get(lang), c.row.entities, lang);
            let column = sentence_name(c.ds.columns[c.col].label.get(lang), &[], lang);
            fill(desc::SELECTED_MISPRINT, lang, &[&row, &column])
        });
    contra.into_iter().chain(misprinted).reduce(|a, b| fill(desc::CLAUSES, lang, &[&a, &b]))
}

/// What a chart kind says, and the values it considered (for the selection's rank and the
/// contradictions).
#[derive(Default)]
struct Told {
    sentences: Vec<String>,
    sets: Vec<Set>,
}

/// One drawn value: the label it is drawn under and the cell behind it.
#[derive(Clone, Debug)]
struct Item {
    label: String,
    cref: CellRef,
}

impl Item {
    /// An item for a cell with a value (`None` for an empty cell).
    fn new(label: &str, cref: CellRef) -> Option<Item> {
        cref.cell().value.as_ref().map(|_| Item { label: label.to_string(), cref })
    }

    fn value(&self) -> &'static Value {
        self.cref.cell().value.as_ref().expect("items are made only for cells with a value")
    }

    fn x(&self) -> f64 {
        self.value().plot_x()
    }

    /// A bound ("over 30%") cannot be ranked against figures.
    fn bound(&self) -> bool {
        matches!(self.value().qual, Qualifier::Over | Qualifier::Under)
    }

    fn name(&self, lang: Lang) -> String {
        sentence_name(&self.label, self.cref.row.entities, lang)
    }

    fn shown(&self, lang: Lang) -> String {
        shown(&self.cref, lang)
    }

    fn same(&self, c: &CellRef) -> bool {
        std::ptr::eq(self.cref.row, c.row) && self.cref.col == c.col
    }
}

/// A series of values described together: one column of a chart, or one reading of a map layer.
#[derive(Debug)]
struct Set {
    /// What it measures (a series or column name), said before it when a chart shows several.
    name: String,
    items: Vec<Item>,
    noun: Noun,
    /// Whether ranking its items means something (not for ranks, parts or scatter coordinates).
    ranked: bool,
}

impl Set {
    fn growth(&self) -> bool {
        self.items.first().is_some_and(|i| is_growth(&i.cref))
    }

    fn rate(&self) -> bool {
        self.items.first().is_some_and(|i| i.cref.cell().unit.is_some_and(|u| u.is_percent()))
    }

    /// The values of one series of drawn rows, under the rows' labels.
    fn column(name: &str, labels: &[&str], drawn: &Drawn, series: usize, noun: Noun) -> Set {
        let items = labels
            .iter()
            .enumerate()
            .filter_map(|(i, l)| drawn.row(i).get(series).copied().flatten().and_then(|c| Item::new(l, c)))
            .collect();
        Set { name: name.to_string(), items, noun, ranked: true }
    }

    /// Plain values that are not ranked (parts of a whole, coordinates).
    fn unranked(items: Vec<Item>) -> Set {
        Set { name: String::new(), items, noun: words::FIGURES, ranked: false }
    }
}

/// Whether a cell is a growth rate (a percentage change), which rises or falls.
fn is_growth(c: &CellRef) -> bool {
    let id = c.column_id();
    c.cell().unit.is_some_and(|u| u.is_percent()) && (id.contains("yoy") || id.contains("growth") || id == "change")
}

/// Whether the paper contradicts itself over a cell (it carries an inconsistency note).
fn contradicted(c: &CellRef) -> bool {
    c.ds.cell_notes(c.row.key, c.column_id()).any(|n| n.kind == NoteKind::Inconsistency)
}

/// A value as printed: a growth rate with its sign ("+26.3%"), a rank as a rank, anything else
/// with its unit ("6,644.51 亿美元" / "US$664.451 billion").
fn shown(c: &CellRef, lang: Lang) -> String {
    let v = c.cell().value.as_ref().expect("described cells have values");
    match c.cell().unit {
        _ if is_growth(c) => format::signed_pct(v, lang),
        Some(u) if u.id == "rank" => fill(desc::RANK, lang, &[&bare(c, lang)]),
        unit => format::value(v, unit, lang),
    }
}

/// A value as printed without its unit ("超过200" / "over 200"), where the unit is said once.
fn bare(c: &CellRef, lang: Lang) -> String {
    let v = c.cell().value.as_ref().expect("described cells have values");
    let num = format::number_text(v.text, c.cell().unit, lang);
    match format::qualifier(v.qual, lang) {
        "" => num,
        q => fill(desc::QUALIFIED, lang, &[q, &num]),
    }
}

/// Names that take "the" in English.
const WITH_THE: &[&str] =
    &["United States", "United Kingdom", "European Union", "Philippines", "Middle East", "Belt and Road"];

/// Common-noun labels that take "the" in running English ("the order book", not "order book").
const THE_NOUNS: &[&str] = &[
    "order book",
    "trade surplus",
    "container throughput",
    "container volume",
    "province's",
    "rest of the world",
    "new western land–sea corridor",
];

/// First words that are names even where no entity says so (months open dates: "May 2015").
const NAMES: &str = "China Chinese Table January February March April May June July August September October \
                     November December Jan Feb Mar Apr Jun Jul Aug Sep Oct Nov Dec";

/// A row label as it reads inside an English sentence: a label that starts with the name of its
/// entity keeps its capitals (and takes "the" where English needs it); other labels start in
/// lower case ("of the three indicators, the largest is the order book") unless their first
/// words are a name ("New Western Land–Sea Corridor", "January–November"); a quotation mark
/// before the first word changes nothing ("“new three” exports"). A sub-item's "of which" is
/// dropped. Chinese labels are unchanged.
fn sentence_name(label: &str, entities: &[&str], lang: Lang) -> String {
    if lang == Lang::Zh {
        return label.to_string();
    }
    let label = label.strip_prefix("of which ").unwrap_or(label);
    let mut words = label.split(' ');
    let first = words.next().unwrap_or("");
    // A port is named as the map names it (its data rows may describe it at length).
    let name_of = |e: &str| match e.strip_prefix("port:").and_then(crate::geo::points::port) {
        Some(p) => p.name(Lang::En).to_string(),
        None => entity_name(e, Lang::En),
    };
    if entities.iter().any(|e| name_of(e).split(' ').next() == Some(first)) {
        return match WITH_THE.iter().any(|p| label.starts_with(p)) {
            true => format!("the {label}"),
            false => label.to_string(),
        };
    }
    let next_is_name = words.next().is_some_and(|w| w.starts_with(case::is_upper));
    // "Mid-October" is a plain word before a name; "US", "China–Europe" are names.
    let bare = first.trim_start_matches(['“', '‘', '"']);
    let head = bare.split(['-', '–']).next().unwrap_or(bare);
    let plain = head.chars().skip(1).all(|c| !case::is_upper(c)) && !NAMES.split_whitespace().any(|n| n == head);
    let out: String = match plain && !next_is_name {
        true => {
            let at = label.char_indices().find(|(_, c)| c.is_alphabetic()).map_or(0, |(i, _)| i);
            let mut rest = label[at..].chars();
            let first = rest.next().map(case::lower).into_iter();
            format!("{}{}", &label[..at], first.chain(rest).collect::<String>())
        }
        false => label.to_string(),
    };
    let lower = out.chars().map(case::lower).collect::<String>();
    match THE_NOUNS.iter().any(|n| lower.starts_with(n)) {
        true => format!("the {out}"),
        false => out,
    }
}

/// The sentences of a canvas chart, by kind.
fn canvas(def: &ChartDef, spec: &ChartSpec, drawn: &Drawn, lang: Lang, hidden: &[usize]) -> Told {
    match (def.kind, spec) {
        (Kind::Map(layer), ChartSpec::Map(m)) => map::layer(layer, m, drawn, lang),
        (Kind::Stacked { stacks, .. }, ChartSpec::Stacked(s)) => kinds::stacked(def, stacks, s, drawn, hidden, lang),
        (_, ChartSpec::Slope(s)) => kinds::slope(def, s, drawn, lang),
        (Kind::Scatter { x, .. }, ChartSpec::Scatter(s)) => kinds::scatter(def, x, s, drawn, lang),
        _ => series(def, spec, drawn, hidden, lang),
    }
}

/// Bars and dumbbells: a sentence per visible series, each named when the chart shows several or
/// offers a choice of metric.
fn series(def: &ChartDef, spec: &ChartSpec, drawn: &Drawn, hidden: &[usize], lang: Lang) -> Told {
    let (labels, names): (Vec<String>, Vec<&str>) = match spec {
        ChartSpec::Bars(s) => (bar_labels(s, lang), s.series.iter().map(|x| x.name.as_str()).collect()),
        ChartSpec::Dumbbell(s) => {
            (s.rows.iter().map(|r| r.label.clone()).collect(), s.series.iter().map(|x| x.name.as_str()).collect())
        }
        _ => return Told::default(),
    };
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let noun = words::noun(def.dataset);
    let sets: Vec<Set> = (0..names.len())
        .filter(|j| !hidden.contains(j))
        .map(|j| Set::column(names[j], &labels, drawn, j, noun))
        .filter(|s| !s.items.is_empty())
        .collect();
    // Name the series whenever the chart has several (one may be hidden) or a metric to choose.
    let prefix = names.len() > 1 || def.controls().is_some_and(|c| c.metrics.len() > 1);
    Told { sentences: sets.iter().filter_map(|s| set_sentence(s, prefix, lang)).collect(), sets }
}

/// The rows' labels of a bar chart; rows that share a label are told apart by their sublabel
/// (the period).
fn bar_labels(s: &crate::chart::bars::BarSpec, lang: Lang) -> Vec<String> {
    let repeated = |l: &str| s.rows.iter().filter(|r| r.label == l).count() > 1;
    (s.rows.iter())
        .map(|r| match &r.sublabel {
            Some(sub) if repeated(&r.label) => fill(desc::SUBLABELLED, lang, &[&r.label, sub]),
            _ => r.label.clone(),
        })
        .collect()
}

/// What one set shows: its figures given only as bounds, a probable misprint named as printed,
/// then its largest and smallest (or fastest-growing and most-falling) with how many rose and fell
/// — or, when its values may not be ranked together (`rules`), the values themselves; named first
/// when `prefix`.
fn set_sentence(set: &Set, prefix: bool, lang: Lang) -> Option<String> {
    let (exact, bounds): (Vec<&Item>, Vec<&Item>) = set.items.iter().partition(|i| !i.bound());
    let (misprints, exact): (Vec<&Item>, Vec<&Item>) = exact.into_iter().partition(|i| rules::is_misprint(&i.cref));
    let others = !bounds.is_empty() || !misprints.is_empty();
    let clauses: Vec<String> =
        [bounds_clause(&bounds, lang), misprint_clause(&misprints, lang), ranking(set, &exact, others, lang)]
            .into_iter()
            .flatten()
            .collect();
    let body = clauses.into_iter().reduce(|a, b| fill(desc::CLAUSES, lang, &[&a, &b]))?;
    Some(if prefix { fill(desc::PREFIX, lang, &[&set.name, &body]) } else { body })
}

/// Figures given only as bounds: named, not ranked.
fn bounds_clause(bounds: &[&Item], lang: Lang) -> Option<String> {
    let names = words::join_list(&bounds.iter().map(|i| i.name(lang)).collect::<Vec<_>>(), lang);
    let mut texts: Vec<String> = bounds.iter().map(|i| i.shown(lang)).collect();
    texts.dedup();
    match (bounds.len(), texts.as_slice()) {
        (0, _) => None,
        (1, [t]) => Some(fill(desc::BOUND_SAME_ONE, lang, &[&names, t])),
        (_, [t]) => Some(fill(desc::BOUND_SAME, lang, &[&names, t])),
        _ => Some(fill(desc::BOUNDS, lang, &[&names])),
    }
}

/// Values that cannot hold as printed: named with what is printed and a pointer to their note.
fn misprint_clause(misprints: &[&Item], lang: Lang) -> Option<String> {
    let each = misprints.iter().map(|i| fill(desc::MISPRINT, lang, &[&i.name(lang), &i.shown(lang)]));
    each.reduce(|a, b| fill(desc::CLAUSES, lang, &[&a, &b]))
}

/// The items with the largest and the smallest value (several when tied).
fn extremes<'a>(items: &[&'a Item]) -> (Vec<&'a Item>, Vec<&'a Item>) {
    let max = items.iter().map(|i| i.x()).fold(f64::NEG_INFINITY, f64::max);
    let min = items.iter().map(|i| i.x()).fold(f64::INFINITY, f64::min);
    (items.iter().copied().filter(|i| i.x() == max).collect(), items.iter().copied().filter(|i| i.x() == min).collect())
}

fn names(items: &[&Item], lang: Lang) -> String {
    words::join_list(&items.iter().map(|i| i.name(lang)).collect::<Vec<_>>(), lang)
}

/// The words that rank a set of `n` items whose extremes are `hi` and `lo`, with `up` of them
/// rising and `down` falling: a superlative only over two or more ("only imports fell", never
/// "imports fell most").
fn ranking_words(set: &Set, n: usize, (hi, lo): (f64, f64), (up, down): (usize, usize)) -> crate::data::L {
    match (set.growth(), n == 2) {
        (true, false) if lo >= 0.0 => desc::GROWTH_UP,
        (true, false) if hi <= 0.0 => desc::GROWTH_DOWN,
        (true, false) if up == 1 && down == 1 => desc::GROWTH_ONLY_BOTH,
        (true, false) if up == 1 => desc::GROWTH_ONLY_UP,
        (true, false) if down == 1 => desc::GROWTH_ONLY_DOWN,
        (true, false) => desc::GROWTH_MIXED,
        (true, true) if lo >= 0.0 => desc::GROWTH2_UP,
        (true, true) if hi <= 0.0 => desc::GROWTH2_DOWN,
        (true, true) => desc::GROWTH2_MIXED,
        (false, false) if set.rate() => desc::RATE_MOST,
        (false, true) if set.rate() => desc::RATE_MORE,
        (false, false) => desc::VALUE_MOST,
        (false, true) => desc::VALUE_MORE,
    }
}

/// The figures of a set besides those given only as bounds or misprinted (`others` when there
/// were any): a total that covers some of them is named first; the rest are ranked when they may
/// be (one basis, nothing overlapping) and listed when they may not.
fn ranking(set: &Set, exact: &[&Item], others: bool, lang: Lang) -> Option<String> {
    if exact.len() < 2 {
        let only = if others { desc::ONE_MORE } else { desc::ONLY_ONE };
        return exact.first().map(|i| fill(only, lang, &[&i.name(lang), &i.shown(lang)]));
    }
    let covers = |w: &Item, i: &Item| rules::covers(&w.cref, &i.cref);
    let wholes: Vec<&Item> = exact.iter().copied().filter(|w| exact.iter().any(|i| covers(w, i))).collect();
    let rest: Vec<&Item> = exact.iter().copied().filter(|i| !wholes.iter().any(|w| w.same(&i.cref))).collect();
    let cells: Vec<CellRef> = rest.iter().map(|i| i.cref).collect();
    let apart = rules::Apart::of(&cells);
    if apart.any() || rest.is_empty() {
        return Some(unranked(set, exact, apart, lang));
    }
    let whole_clauses = wholes.iter().map(|w| {
        let all = set.items.iter().filter(|i| !i.same(&w.cref)).all(|i| covers(w, i));
        let name = w.name(lang);
        let verb = if plural(&name) { desc::INCLUDE } else { desc::INCLUDES };
        fill(if all { desc::WHOLE_ALL } else { desc::WHOLE_SOME }, lang, &[&name, &w.shown(lang), verb.get(lang)])
    });
    let ranked = ranked(set, &rest, others || !wholes.is_empty(), lang)?;
    whole_clauses.chain(std::iter::once(ranked)).reduce(|a, b| fill(desc::CLAUSES, lang, &[&a, &b]))
}

/// Whether an English name takes a plural verb: its last word (before any parenthesis) ends in
/// "s" ("mechanical and electrical products", "all emerging markets", not "total trade").
fn plural(name: &str) -> bool {
    let head = name.split(" (").next().unwrap_or(name);
    head.rsplit(' ').next().is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
}

/// The largest and smallest of figures that may be ranked together, and for growth how many rose
/// and fell.
fn ranked(set: &Set, items: &[&Item], others: bool, lang: Lang) -> Option<String> {
    let n = items.len();
    if n < 2 {
        return items.first().map(|i| fill(desc::ONE_MORE, lang, &[&i.name(lang), &i.shown(lang)]));
    }
    let (top, bottom) = extremes(items);
    let lead = fill(if others { desc::OF_OTHERS } else { desc::OF_SET }, lang, &[&words::counted(n, set.noun, lang)]);
    let (hi, lo) = (top[0].x(), bottom[0].x());
    if hi == lo {
        return Some(fill(desc::ALL_EQUAL, lang, &[&lead, &top[0].shown(lang)]));
    }
    let up = items.iter().filter(|i| i.x() > 0.0).count();
    let down = items.iter().filter(|i| i.x() < 0.0).count();
    let t = ranking_words(set, n, (hi, lo), (up, down));
    // With one rising (or falling) value, that one is named as the only one and the superlative
    // goes to the other side.
    let rising: Vec<&Item> = items.iter().copied().filter(|i| i.x() > 0.0).collect();
    let falling: Vec<&Item> = items.iter().copied().filter(|i| i.x() < 0.0).collect();
    let (a, b) = match (set.growth(), up, down) {
        (true, 1, _) if n > 2 && down > 0 => (rising, extremes(&falling).1),
        (true, _, 1) if n > 2 && up > 0 => (extremes(&rising).0, falling),
        _ => (top, bottom),
    };
    let s = fill(t, lang, &[&lead, &names(&a, lang), &a[0].shown(lang), &names(&b, lang), &b[0].shown(lang)]);
    Some(if set.growth() && n > 2 {
        fill(desc::CLAUSES, lang, &[&s, &rose_and_fell(items, set.noun, false, lang)])
    } else {
        s
    })
}

/// Values that may not be ranked together (different periods or measures, overlapping scopes):
/// up to five listed in the paper's order, more only counted; for growth, how many rose and fell.
fn unranked(set: &Set, items: &[&Item], apart: rules::Apart, lang: Lang) -> String {
    // The paper's order: each dataset's rows in turn.
    let mut datasets: Vec<&'static crate::data::Dataset> = Vec::new();
    for i in items {
        if !datasets.iter().any(|d| std::ptr::eq(*d, i.cref.ds)) {
            datasets.push(i.cref.ds);
        }
    }
    let items: Vec<&Item> = (datasets.iter().flat_map(|d| d.rows))
        .flat_map(|r| items.iter().copied().filter(move |i| std::ptr::eq(i.cref.row, r)))
        .collect();
    let main = if items.len() <= 5 {
        // Values of different periods each say theirs ("list them with their periods").
        let entry = |i: &&Item| match apart.periods {
            true => {
                let period = i.cref.row.period.unwrap_or(i.cref.ds.period).get(lang);
                let name = sentence_name(i.cref.row.label.get(lang), i.cref.row.entities, lang);
                fill(desc::NAMED_VALUE, lang, &[&name, &fill(desc::PERIOD_VALUE, lang, &[period, &i.shown(lang)])])
            }
            false => fill(desc::NAMED_VALUE, lang, &[&i.name(lang), &i.shown(lang)]),
        };
        words::join_list(&items.iter().map(entry).collect::<Vec<_>>(), lang)
    } else {
        let why = match (apart.periods, apart.measures) {
            (true, true) => desc::APART_BOTH,
            (true, false) => desc::APART_PERIODS,
            (false, true) => desc::APART_MEASURES,
            (false, false) => desc::APART_OVERLAP,
        };
        fill(why, lang, &[&words::counted(items.len(), set.noun, lang)])
    };
    let counts = match items.len() {
        0..=5 => rose_and_fell(&items, set.noun, true, lang),
        _ => rose_and_fell_named(&items, set.noun, lang),
    };
    if set.growth() {
        fill(desc::CLAUSES, lang, &[&main, &counts])
    } else {
        main
    }
}

/// How many rose and fell, the fewer side named with its values when it has four or fewer
/// ("four rose (Singapore +1%, …) and nine fell"): a list, not a ranking.
fn rose_and_fell_named(items: &[&Item], noun: Noun, lang: Lang) -> String {
    let up: Vec<&Item> = items.iter().copied().filter(|i| i.x() > 0.0).collect();
    let down: Vec<&Item> = items.iter().copied().filter(|i| i.x() < 0.0).collect();
    let named = |side: &[&Item]| {
        let each: Vec<String> =
            side.iter().map(|i| fill(desc::LABELLED, lang, &[&i.name(lang), &i.shown(lang)])).collect();
        words::join_list(&each, lang)
    };
    let c = |k| words::count(k, noun, lang);
    let flat = items.len() - up.len() - down.len();
    match (up.len(), down.len()) {
        (u, d) if flat == 0 && u > 0 && u <= d && u <= 4 => {
            fill(desc::ROSE_FELL_NAMED_UP, lang, &[&c(u), &named(&up), &c(d)])
        }
        (u, d) if flat == 0 && d > 0 && d < u && d <= 4 => {
            fill(desc::ROSE_FELL_NAMED_DOWN, lang, &[&c(u), &c(d), &named(&down)])
        }
        _ => rose_and_fell(items, noun, false, lang),
    }
}

/// How many rose and fell: "all ten rose", "three rose and seven fell"; with `named`, a single
/// one by name: "only imports fell".
fn rose_and_fell(items: &[&Item], noun: Noun, named: bool, lang: Lang) -> String {
    let up: Vec<&Item> = items.iter().copied().filter(|i| i.x() > 0.0).collect();
    let down: Vec<&Item> = items.iter().copied().filter(|i| i.x() < 0.0).collect();
    let flat = items.len() - up.len() - down.len();
    let c = |k| words::count(k, noun, lang);
    match (up.len(), down.len(), flat) {
        (_, 0, 0) => fill(desc::ALL_ROSE, lang, &[&c(up.len())]),
        (0, _, 0) => fill(desc::ALL_FELL, lang, &[&c(down.len())]),
        (1, _, 0) if named => fill(desc::ONLY_ROSE, lang, &[&names(&up, lang)]),
        (_, 1, 0) if named => fill(desc::ONLY_FELL, lang, &[&names(&down, lang)]),
        (_, _, 0) => fill(desc::ROSE_FELL, lang, &[&c(up.len()), &c(down.len())]),
        _ => fill(desc::ROSE_FELL_FLAT, lang, &[&c(up.len()), &c(down.len()), &c(flat)]),
    }
}

/// The selected entity in a canvas chart: its values (at most three), and its rank when the chart
/// ranks a single value of it.
type Selected = (Option<String>, Vec<CellRef>);

fn selection(e: &str, spec: &ChartSpec, drawn: &Drawn, told: &Told, hidden: &[usize], lang: Lang) -> Selected {
    let Some(&r) = drawn.rows_with(e).first() else { return (None, Vec::new()) };
    let parts = matches!(spec, ChartSpec::Stacked(_));
    let cells: Vec<CellRef> = (drawn.row(r).iter().enumerate())
        .filter(|(j, _)| !hidden.contains(j))
        .filter_map(|(_, c)| *c)
        .filter(|c| c.cell().value.is_some() && (!parts || c.row.entities.contains(&e)))
        .take(3)
        .collect();
    let name = sentence_name(&entity_name(e, lang), &[e], lang);
    let Some(first) = cells.first() else { return (Some(fill(desc::SELECTED_SHOWN, lang, &[&name])), cells) };
    if let (1, Some((set, rank))) = (cells.len(), rank_in(told, first)) {
        let of = words::counted(set.items.len(), set.noun, lang);
        let args = [&name, &shown(first, lang), &of, &words::ordinal(rank, lang)];
        return (Some(fill(desc::SELECTED_RANK, lang, &args.map(String::as_str))), cells);
    }
    let values: Vec<String> = match cells.as_slice() {
        [c] => vec![shown(c, lang)],
        _ => cells.iter().map(|c| labelled(c, first, lang)).collect(),
    };
    let text = fill(desc::SELECTED, lang, &[&name, &values.join(desc::VALUES_SEP.get(lang))]);
    (Some(text), cells)
}

/// A value of a selected row with what it measures: its column when the row has several with
/// names of their own, the row's own label when it comes from another row (a route's figures),
/// nothing for a row's one value.
fn labelled(c: &CellRef, first: &CellRef, lang: Lang) -> String {
    let column = c.ds.columns[c.col].label;
    let label = if c.row.label != first.row.label {
        Some(sentence_name(c.row.label.get(lang), c.row.entities, lang))
    } else if c.ds.columns.len() > 1 && column.en != "Value" {
        Some(sentence_name(column.get(lang), &[], lang))
    } else {
        None
    };
    match label {
        Some(l) => fill(desc::LABELLED, lang, &[&l, &shown(c, lang)]),
        None => shown(c, lang),
    }
}

/// The set that ranks this cell and its rank there (1 = largest), when ranking it is sound: at
/// least three figures, none of them a bound or a misprint, all of one basis and none covering
/// another (`rules`).
fn rank_in<'a>(told: &'a Told, c: &CellRef) -> Option<(&'a Set, usize)> {
    let set = told.sets.iter().find(|s| s.ranked && s.items.iter().any(|i| i.same(c)))?;
    let cells: Vec<CellRef> = set.items.iter().map(|i| i.cref).collect();
    if set.items.len() < 3
        || set.items.iter().any(|i| i.bound() || rules::is_misprint(&i.cref))
        || rules::Apart::of(&cells).any()
    {
        return None;
    }
    let x = set.items.iter().find(|i| i.same(c))?.x();
    Some((set, 1 + set.items.iter().filter(|i| i.x() > x).count()))
}

/// A label the chart draws, quoted inside a sentence (a quotation inside it takes single marks).
fn quoted(label: &str, lang: Lang) -> String {
    fill(desc::QUOTED, lang, &[&label.replace('“', "‘").replace('”', "’")])
}

/// Where the paper contradicts itself among the values described: the names of the values (one
/// per value, a name repeated for each of its values) and how many notes say so.
fn contradiction(mut flagged: Vec<String>, notes: usize, lang: Lang) -> Option<String> {
    let values = flagged.len();
    let mut names: Vec<String> = Vec::new();
    for n in flagged.drain(..) {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    let names = words::join_list(&names, lang);
    match (values, notes) {
        (0, _) => None,
        (1, _) => Some(fill(desc::CONTRADICTS_ONE, lang, &[&names])),
        (_, 0 | 1) => Some(fill(desc::CONTRADICTS_ONE_NOTE, lang, &[&names])),
        _ => Some(fill(desc::CONTRADICTS, lang, &[&names])),
    }
}

/// Where the paper contradicts itself over a list's entries (which are not figures).
fn contradiction_entries(mut flagged: Vec<String>, lang: Lang) -> Option<String> {
    flagged.dedup();
    (!flagged.is_empty()).then(|| fill(desc::CONTRADICTS_ENTRY, lang, &[&words::join_list(&flagged, lang)]))
}

/// The sentences in order (what the chart shows, the selection, the contradictions), at most
/// three: when there would be more, the last two share a sentence. Each starts with a capital (in
/// English) and ends with a full stop.
fn assemble(mut main: Vec<String>, selection: Option<String>, contra: Option<String>, lang: Lang) -> Vec<String> {
    let extra: Vec<String> = selection.into_iter().chain(contra).collect();
    let extra = match extra.as_slice() {
        [a, b] if main.len() + 2 > 3 => vec![fill(desc::CLAUSES, lang, &[a, b])],
        _ => extra,
    };
    main.extend(extra);
    main.into_iter().map(|s| finish(&s, lang)).collect()
}

/// A clause as a sentence: a capital first letter (English) or a space between Chinese and a
/// number (Chinese), and a full stop. Parentheses that would stand side by side share one
/// ("imports (derived) (0.55 trillion yuan)" → "imports (derived, 0.55 trillion yuan)").
fn finish(s: &str, lang: Lang) -> String {
    let head: String = match lang {
        Lang::En => case::capitalise(&s.replace(") (", ", ")),
        Lang::Zh => spaced(&s.replace(")(", ",")),
    };
    format!("{head}{}", desc::SENTENCE_END.get(lang))
}

/// Chinese with a space between a character and a number beside it ("从 2015 年 5 月到 2023 年"),
/// as the paper's figures are set; a qualifier stays joined to its number as values print it
/// ("超过30%", "约10~15 天").
fn spaced(s: &str) -> String {
    const QUALIFIERS: [&str; 4] = ["超过", "约", "近", "不足"];
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let gap = match prev {
            Some(p) if han(p) && c.is_ascii_digit() => !QUALIFIERS.iter().any(|q| out.ends_with(q)),
            Some(p) => p.is_ascii_digit() && han(c),
            None => false,
        };
        if gap {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests;
