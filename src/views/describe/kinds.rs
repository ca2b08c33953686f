//! Descriptions of the chart kinds that are not a ranking of one series: stacked wholes and parts,
//! the slope chart, Table 1's scatter, tiles and lists.
//!
//! Layer: views.

use super::{
    bare, contradiction, contradiction_entries, labelled, quoted, sentence_name, set_sentence, shown, Item, Set, Told,
};
use crate::chart::scatter::ScatterSpec;
use crate::chart::slope::SlopeSpec;
use crate::chart::stacked::StackedSpec;
use crate::data::{format, Lang, NoteKind};
use crate::views::build::{ListItem, Tile};
use crate::views::entity::entity_name;
use crate::views::interact::Drawn;
use crate::views::words::{self, desc, fill};
use crate::views::{CellRef, ChartDef, StackDef};

/// Each stack's whole as printed and its visible parts: "Unicorns worldwide: 1,100 firms in all, of
/// which the United States 650, China 347 and rest of the world (derived) 103."
pub(super) fn stacked(
    def: &ChartDef,
    stacks: &[StackDef],
    s: &StackedSpec,
    drawn: &Drawn,
    hidden: &[usize],
    lang: Lang,
) -> Told {
    let mut items = Vec::new();
    let mut clauses = Vec::new();
    for (r, row) in s.rows.iter().enumerate() {
        let parts: Vec<String> = (0..s.series.len())
            .filter(|j| !hidden.contains(j))
            .filter_map(|j| Item::new(&s.series[j].name, drawn.row(r).get(j).copied().flatten()?))
            .map(|i| {
                // Chinese counts take their measure word ("取消 77 次"); English says the unit once,
                // with the whole.
                let value = match lang {
                    Lang::Zh => i.shown(lang),
                    Lang::En => bare(&i.cref, lang),
                };
                let text = fill(desc::LABELLED, lang, &[&i.name(lang), &value]);
                items.push(i);
                text
            })
            .collect();
        let parts = words::join_with(&parts, (desc::PART_SEP, desc::PART_AND), lang);
        let label = sentence_name(&row.label, &[], lang);
        let total = stacks.get(r).and_then(|st| whole(def, st, lang));
        clauses.push(match total {
            Some(t) => fill(desc::STACK, lang, &[&label, &t, &parts]),
            None => fill(desc::STACK_PARTS, lang, &[&label, &parts]),
        });
    }
    let sentence = clauses.into_iter().reduce(|a, b| fill(desc::CLAUSES, lang, &[&a, &b]));
    Told { sentences: sentence.into_iter().collect(), sets: vec![Set::unranked(items)] }
}

/// The printed whole of a stack ("1,100 firms").
fn whole(def: &ChartDef, st: &StackDef, lang: Lang) -> Option<String> {
    let ds = def.dataset();
    let crate::views::Kind::Stacked { col, .. } = def.kind else { return None };
    let cell = ds.row(st.total?)?.cell(ds, col)?;
    cell.value.as_ref().map(|v| format::value(v, cell.unit, lang))
}

/// Where the rows end (ranked), and how they moved from start to end.
pub(super) fn slope(def: &ChartDef, s: &SlopeSpec, drawn: &Drawn, lang: Lang) -> Told {
    let pair = |i: usize| -> Option<(Item, Item)> {
        let r = drawn.row(i);
        let label = &s.rows.get(i)?.label;
        Some((Item::new(label, r.first().copied().flatten()?)?, Item::new(label, r.get(1).copied().flatten()?)?))
    };
    let pairs: Vec<(Item, Item)> = (0..s.rows.len()).filter_map(pair).collect();
    let noun = words::noun(def.dataset);
    let ends =
        Set { name: s.end_label.clone(), items: pairs.iter().map(|p| p.1.clone()).collect(), noun, ranked: true };
    let mut sentences: Vec<String> = set_sentence(&ends, true, lang).into_iter().collect();
    let change = |p: &(Item, Item)| p.1.x() - p.0.x();
    let up = pairs.iter().filter(|p| change(p) > 0.0).count();
    let down = pairs.iter().filter(|p| change(p) < 0.0).count();
    let most = match up {
        0 => pairs.iter().min_by(|a, b| change(a).total_cmp(&change(b))),
        _ => pairs.iter().max_by(|a, b| change(a).total_cmp(&change(b))),
    };
    if let Some((a, b)) = most {
        let t = match (up, down) {
            (_, 0) => desc::SLOPE_ALL_UP,
            (0, _) => desc::SLOPE_ALL_DOWN,
            _ => desc::SLOPE_MIXED,
        };
        let n = words::counted(if down == 0 || up == 0 { pairs.len() } else { up }, noun, lang);
        let (from, to) = (&s.start_label, &s.end_label);
        let args = [from, to, &n, &a.name(lang), &a.shown(lang), &b.shown(lang), &words::count(down, noun, lang)];
        sentences.push(fill(t, lang, &args.map(String::as_str)));
    }
    let mut all: Vec<Item> = pairs.iter().map(|p| p.0.clone()).collect();
    all.extend(ends.items.iter().cloned());
    Told { sentences, sets: vec![ends, Set::unranked(all)] }
}

/// Table 1's scatter: which commodity grew most in quantity and in value, and how many lie on
/// each side of the diagonal (unit value rose above it, fell below).
pub(super) fn scatter(def: &ChartDef, x: &str, s: &ScatterSpec, drawn: &Drawn, lang: Lang) -> Told {
    let ds = def.dataset();
    let xi = ds.column_index(x);
    let points: Vec<(Item, Item)> = (0..s.rows.len())
        .filter_map(|i| {
            let y = drawn.row(i).first().copied().flatten()?;
            let label = &s.rows.get(i)?.label;
            Some((Item::new(label, CellRef { col: xi?, ..y })?, Item::new(label, y)?))
        })
        .collect();
    let by = |f: fn(&(Item, Item)) -> f64| points.iter().max_by(|a, b| f(a).total_cmp(&f(b)));
    let (Some(qx), Some(vy)) = (by(|p| p.0.x()), by(|p| p.1.x())) else { return Told::default() };
    let noun = words::noun(def.dataset);
    let lead = fill(desc::OF_SET, lang, &[&words::counted(points.len(), noun, lang)]);
    let first = if std::ptr::eq(qx.0.cref.row, vy.0.cref.row) {
        fill(desc::SCATTER_LEAD_SAME, lang, &[&lead, &qx.0.name(lang), &qx.0.shown(lang), &vy.1.shown(lang)])
    } else {
        let args = [&lead, &qx.0.name(lang), &qx.0.shown(lang), &vy.1.name(lang), &vy.1.shown(lang)];
        fill(desc::SCATTER_LEAD, lang, &args.map(String::as_str))
    };
    let above = points.iter().filter(|p| p.1.x() > p.0.x()).count();
    let below = points.iter().filter(|p| p.1.x() < p.0.x()).count();
    let all = words::counted(points.len(), noun, lang);
    let sides = match (above, below) {
        (0, _) => fill(desc::SCATTER_ALL_BELOW, lang, &[&all]),
        (_, 0) => fill(desc::SCATTER_ALL_ABOVE, lang, &[&all]),
        _ => fill(desc::SCATTER_SIDES, lang, &[&words::counted(above, noun, lang), &words::counted(below, noun, lang)]),
    };
    let items = points.into_iter().flat_map(|(a, b)| [a, b]).collect();
    Told { sentences: vec![first, sides], sets: vec![Set::unranked(items)] }
}

/// Tiles: how many figures and the first; the selected entity's figures; the contradicted ones.
pub(super) fn tiles(
    tiles: &[Tile],
    selected: Option<&str>,
    lang: Lang,
) -> (Vec<String>, Option<String>, Option<String>) {
    let main = match tiles {
        [] => None,
        [t] => Some(fill(desc::TILE_ONE, lang, &[&quoted(&t.label, lang), &t.value])),
        [t, ..] => {
            let n = words::number_words(tiles.len(), lang);
            Some(fill(desc::TILES, lang, &[&n, &quoted(&t.label, lang), &t.value]))
        }
    };
    let selection = selected.and_then(|e| {
        let mine: Vec<&Tile> = tiles.iter().filter(|t| t.cref.row.entities.contains(&e)).take(3).collect();
        let first = mine.first()?.cref;
        let values: Vec<String> = match mine.as_slice() {
            [t] => vec![t.value.clone()],
            _ => mine.iter().map(|t| labelled(&t.cref, &first, lang)).collect(),
        };
        let who = sentence_name(&entity_name(e, lang), &[e], lang);
        Some(fill(desc::SELECTED, lang, &[&who, &values.join(desc::VALUES_SEP.get(lang))]))
    });
    let flagged: Vec<String> = tiles.iter().filter(|t| t.flagged).map(|t| quoted(&t.label, lang)).collect();
    let notes = flagged.len();
    (main.into_iter().collect(), selection, contradiction(flagged, notes, lang))
}

/// Lists: a rank order from first to last, a short list in full, or a long one from its first
/// entry to its last; the selected entity's place; the entries the paper contradicts itself over.
pub(super) fn list(
    def: &ChartDef,
    items: &[ListItem],
    selected: Option<&str>,
    lang: Lang,
) -> (Vec<String>, Option<String>, Option<String>) {
    let name = |i: &ListItem| sentence_name(&i.label, i.entities, lang);
    let n = words::number_words(items.len(), lang);
    let main = match (items.first(), items.last()) {
        (Some(a), Some(b)) if items.iter().all(|i| i.rank.is_some()) => {
            let (ra, rb) = (a.rank.clone().unwrap_or_default(), b.rank.clone().unwrap_or_default());
            Some(fill(desc::LIST_RANKED, lang, &[&n, &name(a), &ra, &name(b), &rb]))
        }
        _ if items.len() <= 6 => Some(fill(
            desc::LIST_ALL,
            lang,
            &[&n, &words::join_list(&items.iter().map(name).collect::<Vec<_>>(), lang)],
        )),
        (Some(a), Some(b)) => {
            let end = |i: &ListItem| i.group.as_deref().map_or_else(|| name(i), |g| sentence_name(g, &[], lang));
            Some(fill(desc::LIST_SPAN, lang, &[&n, &end(a), &end(b)]))
        }
        _ => None,
    };
    let selection = selected.and_then(|e| {
        let item = items.iter().find(|i| i.entities.contains(&e))?;
        let who = sentence_name(&entity_name(e, lang), &[e], lang);
        Some(match &item.rank {
            Some(r) => fill(desc::SELECTED_RANKED, lang, &[&who, r]),
            None => fill(desc::SELECTED_LISTED, lang, &[&who]),
        })
    });
    let ds = def.dataset();
    let flagged = (ds.rows.iter().zip(items))
        .filter(|(r, _)| ds.cell_notes(r.key, "").any(|n| n.kind == NoteKind::Inconsistency))
        .map(|(_, i)| name(i))
        .collect();
    (main.into_iter().collect(), selection, contradiction_entries(flagged, lang))
}

/// A value as printed, for the map layers' fixed sentences.
pub(super) fn printed(c: Option<CellRef>, lang: Lang) -> Option<String> {
    c.filter(|c| c.cell().value.is_some()).map(|c| shown(&c, lang))
}
