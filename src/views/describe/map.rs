//! Descriptions of the map layers: what each layer shades, rings or draws, in the layer's
//! reading, and the items it marks besides.
//!
//! Layer: views.

use super::kinds::printed;
use super::{sentence_name, set_sentence, Item, Set, Told};
use crate::chart::map::MapSpec;
use crate::data::Lang;
use crate::views::interact::Drawn;
use crate::views::map::MapLayer;
use crate::views::words::{self, desc, fill};
use crate::views::CellRef;

/// The sentences of one map layer.
pub(super) fn layer(layer: MapLayer, m: &MapSpec, drawn: &Drawn, lang: Lang) -> Told {
    match layer {
        MapLayer::Partners => partners(m, drawn, lang),
        MapLayer::Warehouses => warehouses(m, drawn, lang),
        MapLayer::Economies => economies(m, drawn, lang),
        MapLayer::Ecommerce => ecommerce(m, drawn, lang),
        MapLayer::Routes => routes(drawn, lang),
        MapLayer::Ports => ports(m, drawn, lang),
        MapLayer::Flows => flows(m, drawn, lang),
    }
}

/// The set of one dataset's rows of a layer, by the cell at `col` of each row, named by that
/// column (a layer's rows also carry cells of other datasets: ASEAN's exports on the partners
/// layer).
fn reading(m: &MapSpec, drawn: &Drawn, ds: &str, col: usize, lang: Lang) -> Set {
    reading_of(m, drawn, Some(ds), col, lang, ds)
}

/// As [`reading`], of the rows of any dataset when `ds` is `None` (the flows layer's blocs come
/// from Table 2, its partners from Table 3), counted with the noun of `noun_of`.
fn reading_of(m: &MapSpec, drawn: &Drawn, ds: Option<&str>, col: usize, lang: Lang, noun_of: &str) -> Set {
    let items: Vec<Item> = (0..m.rows)
        .filter_map(|i| {
            let c = drawn.row(i).get(col).copied().flatten().filter(|c| ds.is_none_or(|d| c.ds.id == d))?;
            Item::new(m.row_labels.get(i)?, c)
        })
        .collect();
    let name = items.first().map_or("", |i| i.cref.ds.columns[i.cref.col].label.get(lang)).to_string();
    Set { name, items, noun: words::noun(noun_of), ranked: true }
}

/// Names of the rows whose first cell does not come from `ds` (the outlined groups).
fn others(m: &MapSpec, drawn: &Drawn, ds: &str, lang: Lang) -> Vec<String> {
    (0..m.rows)
        .filter_map(|i| {
            let c = drawn.row(i).first().copied().flatten().filter(|c| c.ds.id != ds)?;
            Some(sentence_name(m.row_labels.get(i)?, c.row.entities, lang))
        })
        .collect()
}

/// Table 3's partners by the layer's reading (value or growth); ASEAN and the EU outlined.
fn partners(m: &MapSpec, drawn: &Drawn, lang: Lang) -> Told {
    let set = reading(m, drawn, "partners", 0, lang);
    let outlined = others(m, drawn, "partners", lang);
    let mut s: Vec<String> = set_sentence(&set, true, lang).into_iter().collect();
    if let (Some(first), false) = (s.first_mut(), outlined.is_empty()) {
        let o = fill(desc::MAP_OUTLINED, lang, &[&words::join_list(&outlined, lang)]);
        *first = fill(desc::CLAUSES, lang, &[first, &o]);
    }
    Told { sentences: s, sets: vec![set] }
}

/// The top-ten ranks, first to last, and the emerging markets outlined with their growth.
fn warehouses(m: &MapSpec, drawn: &Drawn, lang: Lang) -> Told {
    let mut ranks = reading(m, drawn, "warehouse_top10", 0, lang);
    ranks.ranked = false;
    let by_rank = |a: &&Item, b: &&Item| a.x().total_cmp(&b.x());
    let mut sentences = Vec::new();
    if let (Some(first), Some(last)) = (ranks.items.iter().min_by(by_rank), ranks.items.iter().max_by(by_rank)) {
        let n = words::number_words(ranks.items.len(), lang);
        let last_rank = words::ordinal(last.x().round().max(0.0) as usize, lang);
        let args = [&n, &first.name(lang), &last.name(lang), &last_rank];
        sentences.push(fill(desc::MAP_WAREHOUSE_RANKS, lang, &args.map(String::as_str)));
    }
    let mut emerging = reading(m, drawn, "warehouse_emerging", 0, lang);
    emerging.name = desc::MAP_EMERGING.get(lang).to_string();
    sentences.extend(set_sentence(&emerging, true, lang));
    Told { sentences, sets: vec![ranks, emerging] }
}

/// The economies' change: over different periods and measures, so counted, not ranked.
fn economies(m: &MapSpec, drawn: &Drawn, lang: Lang) -> Told {
    let set = reading(m, drawn, "economies", 0, lang);
    let sentences: Vec<String> = set_sentence(&set, false, lang).into_iter().collect();
    Told { sentences, sets: vec![set] }
}

/// Penetration in 2025 (the shading), and the fastest-growing markets marked besides.
fn ecommerce(m: &MapSpec, drawn: &Drawn, lang: Lang) -> Told {
    let set = reading(m, drawn, "penetration", 0, lang);
    let mut sentences: Vec<String> = set_sentence(&set, true, lang).into_iter().collect();
    let marked: Vec<String> = (0..m.rows)
        .filter_map(|i| drawn.row_ref(i).map(|r| sentence_name(r.row.label.get(lang), r.row.entities, lang)))
        .collect();
    if !marked.is_empty() {
        let n = words::count(marked.len(), words::noun("warehouse_emerging"), lang);
        sentences.push(fill(desc::MAP_MARKETS, lang, &[&n, &words::join_list(&marked, lang)]));
    }
    Told { sentences, sets: vec![set] }
}

/// The routes drawn, with the Railway Express's figures and the detour's extra days, and the
/// Drewry sailings on the Suez route.
fn routes(drawn: &Drawn, lang: Lang) -> Told {
    let find = |ds: &str, row: &str| -> Option<CellRef> {
        drawn.rows().iter().flatten().flatten().copied().find(|c| c.ds.id == ds && c.row.key == row)
    };
    let cells = [
        find("rail", "cr_trains"),
        find("rail", "cr_teu"),
        find("shipping", "red_sea_delay"),
        find("shipping", "drewry_cancelled"),
        find("shipping", "drewry_planned"),
    ];
    let window = cells[3].and_then(|c| c.row.period).map(|p| p.get(lang).to_string());
    let [trains, teu, delay, cancelled, planned] = cells.map(|c| printed(c, lang));
    let corridors = words::number_words(crate::geo::points::corridors().len(), lang);
    let mut sentences = Vec::new();
    if let (Some(a), Some(b), Some(c)) = (trains, teu, delay) {
        sentences.push(fill(desc::MAP_ROUTES, lang, &[&corridors, &a, &b, &c]));
    }
    if let (Some(a), Some(b), Some(w)) = (cancelled, planned, window) {
        sentences.push(fill(desc::MAP_DREWRY, lang, &[&a, &b, &w]));
    }
    let items = cells.into_iter().flatten().filter_map(|c| Item::new(c.row.label.get(lang), c)).collect();
    Told { sentences, sets: vec![Set::unranked(items)] }
}

/// The arcs by value (their widths) and by year-on-year change (their colours): Table 3's
/// partners, and in the blocs reading ASEAN and the EU, whose total trade from the text is
/// another measure than Table 3's figures and is ranked apart.
fn flows(m: &MapSpec, drawn: &Drawn, lang: Lang) -> Told {
    let mut sets = Vec::new();
    let mut sentences = Vec::new();
    for col in 0..2 {
        let partners = reading_of(m, drawn, Some("partners"), col, lang, "partners");
        let mut blocs = reading_of(m, drawn, Some("regions"), col, lang, "regions");
        blocs.noun = words::BLOCS;
        let first = set_sentence(&partners, true, lang);
        let second = set_sentence(&blocs, first.is_none(), lang);
        sentences.extend(first.into_iter().chain(second).reduce(|a, b| fill(desc::CLAUSES, lang, &[&a, &b])));
        sets.extend([partners, blocs]);
    }
    Told { sentences, sets }
}

/// The ports by January–November throughput (circle area) and by growth (colour).
fn ports(m: &MapSpec, drawn: &Drawn, lang: Lang) -> Told {
    let sets = [reading(m, drawn, "ports", 0, lang), reading(m, drawn, "ports", 1, lang)];
    let sentences = sets.iter().filter_map(|s| set_sentence(s, true, lang)).collect();
    Told { sentences, sets: sets.into() }
}
