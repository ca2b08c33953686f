//! The map's labels at first paint: HTML text over the drawing, placed where the live map places
//! them at every width. The live map drops a label that finds no free place and moves one above
//! or below its point when that is free, and what fits changes with the width: the placement is
//! computed for every whole width a phone or desktop shows, and the widths where a label is left
//! out or moved become container queries.
//!
//! Layer: static map (native). Placement is `chart::map::placed_labels`, the live draw's own.

use crate::chart::map::{fit_for, geometry_in, placed_labels, MapLabel, MapSpec, Placed};
use crate::data::format::escape_markup as escape;
use crate::geo::Centre;

/// The canvas widths the placement is computed for (CSS pixels, whole): a 320 px phone's map to
/// the widest the page lays out (the map is 1166 px wide at most). Beyond them the nearest holds.
pub const WIDTHS: std::ops::RangeInclusive<u32> = 240..=1200;

/// Where a label is at one width: left out, or at its candidate place (0 on its point, 1 above,
/// 2 below).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    Out,
    At(u8),
}

/// One label of the layer: its text, its point as a fraction of the extent (0..1 from the left
/// and from the top), and its spot at each width of [`WIDTHS`].
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub at: (f64, f64),
    pub spots: Vec<Spot>,
}

/// The labels of `spec` at every width of [`WIDTHS`], in the order of the layer's labels, in the
/// view the layer opens on at that width (`super::view_at`: closer on a phone). `None` for a layer
/// whose labels are placed around routes or flows.
pub fn labels(spec: &MapSpec, centre: Centre) -> Option<Vec<Label>> {
    let mut out: Vec<Label> =
        spec.labels.iter().map(|l| Label { text: l.text.clone(), at: (0.0, 0.0), spots: Vec::new() }).collect();
    for w in WIDTHS {
        let w = f64::from(w);
        let view = super::view_at(spec, w, centre);
        let placed = placed_labels(spec, w, &view)?;
        let g = geometry_in(spec, w, &view);
        let fit = fit_for(spec, w, g.map_box.height(), view.camera, view.centre);
        for (l, label) in spec.labels.iter().zip(out.iter_mut()) {
            let (x, y) = fit.to_px(view.centre.forward(l.lon, l.lat));
            let (x, y) = (x, y + g.map_box.y0);
            // The point's place in the extent is the same at every width and zoom.
            let e = g.extent;
            label.at = ((x - e.x0) / e.width(), (y - e.y0) / e.height());
            label.spots.push(spot(&placed, l, y));
        }
    }
    Some(out)
}

/// Where the draw put one label of the layer (matched by text and row) whose point is at canvas
/// height `y`: the candidates are its point, a step of 1.3 font sizes above it, and below it.
fn spot(placed: &[Placed], l: &MapLabel, y: f64) -> Spot {
    let Some(p) = placed.iter().find(|p| p.row == l.row && p.text == l.text) else { return Spot::Out };
    let steps = ((p.y - y) / (p.font * 1.3)).round();
    match steps as i32 {
        0 => Spot::At(0),
        -1 => Spot::At(1),
        _ => Spot::At(2),
    }
}

/// A width range `[from, to]` (inclusive) as a container query on the map's wrapper.
fn query(from: u32, to: u32) -> String {
    let lo = *WIDTHS.start();
    let hi = *WIDTHS.end();
    match (from <= lo, to >= hi) {
        (true, true) => String::new(),
        (true, false) => format!("@container sm (max-width:{to}.99px)"),
        (false, true) => format!("@container sm (min-width:{from}px)"),
        (false, false) => format!("@container sm (min-width:{from}px) and (max-width:{to}.99px)"),
    }
}

/// The labels as HTML (one positioned element each, `class="a{i}"`) and the stylesheet that
/// leaves them out or moves them at the widths where the live map does, scoped to `scope`.
pub fn html_and_css(labels: &[Label], scope: &str) -> (String, String) {
    let mut html = String::new();
    for (i, l) in labels.iter().enumerate() {
        html.push_str(&format!(
            r#"<span class="a{i}" style="left:{:.2}%;top:{:.2}%">{}</span>"#,
            l.at.0 * 100.0,
            l.at.1 * 100.0,
            escape(&l.text)
        ));
    }
    // For each width, the rules that differ from a label's most common spot; consecutive widths
    // with the same rules share one query.
    let common: Vec<Spot> = labels.iter().map(|l| most_common(&l.spots)).collect();
    let mut css: String =
        common.iter().enumerate().filter(|(_, c)| **c != Spot::At(0)).map(|(i, c)| rule(scope, i, *c)).collect();
    let widths: Vec<u32> = WIDTHS.collect();
    let rules_at = |k: usize| -> String {
        labels
            .iter()
            .enumerate()
            .filter(|(i, l)| l.spots[k] != common[*i])
            .map(|(i, l)| rule(scope, i, l.spots[k]))
            .collect()
    };
    let mut k = 0;
    while k < widths.len() {
        let rules = rules_at(k);
        let mut j = k;
        while j + 1 < widths.len() && rules_at(j + 1) == rules {
            j += 1;
        }
        if !rules.is_empty() {
            css.push_str(&format!("{}{{{rules}}}", query(widths[k], widths[j])));
        }
        k = j + 1;
    }
    (html, css)
}

fn most_common(spots: &[Spot]) -> Spot {
    let count = |s: Spot| spots.iter().filter(|&&x| x == s).count();
    [Spot::At(0), Spot::Out, Spot::At(1), Spot::At(2)].into_iter().max_by_key(|&s| count(s)).unwrap_or(Spot::At(0))
}

fn rule(scope: &str, i: usize, s: Spot) -> String {
    match s {
        Spot::Out => format!("{scope} .a{i}{{display:none}}"),
        Spot::At(0) => format!("{scope} .a{i}{{display:block;margin-top:0}}"),
        Spot::At(1) => format!("{scope} .a{i}{{display:block;margin-top:-1.3em}}"),
        Spot::At(_) => format!("{scope} .a{i}{{display:block;margin-top:1.3em}}"),
    }
}
