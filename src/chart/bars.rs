//! Horizontal bar charts: sorted bars, grouped bars, and diverging bars for growth rates.
//!
//! Layer: chart. Long category names (commodities, ports) read best on horizontal bars; labels
//! wrap into the label column instead of being cut. Growth rates are coloured by sign.

use super::frame::KeyUse;
use super::paint::{Align, DrawError, Painter};
use super::rows::{Label, Plan, Rows, Side};
use super::text::width;
use super::theme::{Rgb, Theme};
use super::{Bound, Datum, Item, Keys, Layout, Rect, Series, View};
use plotters::prelude::DrawingBackend;

/// One category: a label and one value per series.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    /// A second, smaller line (a period, a measure, the Chinese original).
    pub sublabel: Option<String>,
    pub values: Vec<Option<Datum>>,
}

/// A bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BarSpec {
    pub rows: Vec<BarRow>,
    pub series: Vec<Series>,
    /// The unit caption above the axis ("单位:亿美元").
    pub axis: String,
    /// Colour bars by sign (rises and falls) instead of by series.
    pub signed: bool,
    pub keys: Keys,
}

const VALUE_FONT: f64 = 11.5;
const ROW_PAD: f64 = 5.0;
const GAP: f64 = 2.0;
pub(crate) const FLAG: &str = " ※";

/// The shared row layout plus what the bars need: their thickness, the series shown and the
/// keys their styles call for.
struct Geom {
    rows: Rows,
    bar_h: f64,
    visible: Vec<usize>,
    used: KeyUse,
}

fn value_label(d: &Datum) -> String {
    let mut s = d.label.clone();
    if d.flagged {
        s.push_str(FLAG);
    }
    s
}

fn geometry(spec: &BarSpec, w: f64, top: f64, hidden: &[usize], legend: bool) -> Geom {
    let visible: Vec<usize> = (0..spec.series.len()).filter(|i| !hidden.contains(i)).collect();
    let data =
        || spec.rows.iter().flat_map(|r| visible.iter().filter_map(move |&j| r.values.get(j).and_then(|v| v.as_ref())));
    let right = data().filter(|d| d.x >= 0.0).map(|d| width(&value_label(d), VALUE_FONT)).fold(0.0, f64::max);
    let left = data().filter(|d| d.x < 0.0).map(|d| width(&value_label(d), VALUE_FONT)).fold(0.0, f64::max);
    let n = visible.len().max(1);
    let bar_h = if n == 1 { 16.0 } else { 12.0 };
    let plan = Plan {
        labels: spec.rows.iter().map(|r| Label { text: &r.label, sub: r.sublabel.as_deref() }).collect(),
        label_share: if w < 480.0 { 0.36 } else { 0.32 },
        max_lines: 3,
        mark_h: n as f64 * bar_h + (n - 1) as f64 * GAP,
        row_pad: ROW_PAD,
        values: (data().map(|d| d.x).fold(0.0, f64::min), data().map(|d| d.x).fold(0.0, f64::max)),
        left: Side { gap: 10.0, room: if left > 0.0 { left + 6.0 } else { 0.0 } },
        right: Side { room: right, gap: 8.0 },
        legend: legend.then_some(&spec.series[..]),
    };
    let used = (data().any(|d| d.derived), data().any(|d| d.flagged), data().any(|d| d.bound != Bound::Exact));
    Geom { rows: Rows::fit(&plan, w, top), bar_h, visible, used }
}

/// Height of the chart body at width `w`.
pub fn body_height(spec: &BarSpec, w: f64, legend: bool) -> f64 {
    let g = geometry(spec, w, 0.0, &[], legend);
    g.rows.height(&spec.keys, g.used)
}

fn bar_colour(spec: &BarSpec, th: &Theme, series: usize, d: &Datum) -> Rgb {
    if spec.signed {
        if d.x < 0.0 {
            th.fall
        } else {
            th.rise
        }
    } else {
        th.series[spec.series.get(series).map_or(0, |s| s.color) % th.series.len()]
    }
}

/// One bar of row `i`, series `j`, with its top at `by`: the fill (derived: light with an
/// outline; high contrast: hatched), a chevron for a bound, the value label, a flag for a
/// contradiction and the selection outline. Returns the bar as a hoverable item.
#[allow(clippy::too_many_arguments)]
fn bar<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &BarSpec,
    g: &Geom,
    (i, j): (usize, usize),
    d: &Datum,
    by: f64,
    view: &View,
) -> Result<Item, DrawError<DB>> {
    let th = p.theme;
    let dim = view.highlight.is_some_and(|h| h != i);
    let (x0, x1) = (g.rows.x.at(0.0), g.rows.x.at(d.x));
    let c = if dim { th.faded(bar_colour(spec, th, j, d)) } else { bar_colour(spec, th, j, d) };
    if d.derived {
        p.fill_rect(x0, by, x1, by + g.bar_h, th.derived_fill(c))?;
        p.stroke_rect(x0, by, x1, by + g.bar_h, c, 1)?;
    } else if th.patterns && (j > 0 || (spec.signed && d.x < 0.0)) {
        // High contrast: outline plus a hatch per series (or for falls).
        let kind = if spec.signed { 3 } else { j };
        p.fill_rect(x0, by, x1, by + g.bar_h, th.bg)?;
        p.hatch_rect(x0, by, x1, by + g.bar_h, c, kind)?;
        p.stroke_rect(x0, by, x1, by + g.bar_h, c, 1)?;
    } else {
        p.fill_rect(x0, by, x1, by + g.bar_h, c)?;
    }
    let dir = if d.x < 0.0 { -1.0 } else { 1.0 };
    let mid = by + g.bar_h / 2.0;
    let bounded = matches!(d.bound, Bound::AtLeast | Bound::AtMost);
    if bounded {
        // A chevron beyond the end: the true value lies further (or nearer).
        let tip = x1 + dir * 7.0;
        let pts = if d.bound == Bound::AtLeast {
            [(x1, by), (tip, mid), (x1, by + g.bar_h)]
        } else {
            [(tip, by), (x1, mid), (tip, by + g.bar_h)]
        };
        p.polygon(&pts, c)?;
    }
    let lx = x1 + dir * (4.0 + if bounded { 9.0 } else { 0.0 });
    let align = if dir < 0.0 { Align::End } else { Align::Start };
    p.text(&d.label, lx, mid, VALUE_FONT, if dim { th.faded(th.fg) } else { th.fg }, align, false)?;
    if d.flagged {
        let fx = if dir < 0.0 { lx - width(&d.label, VALUE_FONT) } else { lx + width(&d.label, VALUE_FONT) };
        p.text(FLAG, fx, mid, VALUE_FONT, th.note, align, true)?;
    }
    if view.selected.contains(&i) {
        p.stroke_rect(x0.min(x1) - 1.0, by - 1.0, x0.max(x1) + 1.0, by + g.bar_h + 1.0, th.fg, 2)?;
    }
    let (ra, rb) = if x0 <= x1 { (x0, x1.max(x0 + 3.0)) } else { (x1.min(x0 - 3.0), x0) };
    Ok(Item { row: i, series: j, rect: Rect::new(ra, by, rb, by + g.bar_h) })
}

/// Draw the bars into `body`.
pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &BarSpec,
    body: Rect,
    view: &View,
    legend: bool,
) -> Result<Layout, DrawError<DB>> {
    let g = geometry(spec, body.width(), body.y0, &view.hidden, legend);
    let legend = g.rows.draw_frame(p, legend.then_some(&spec.series[..]), &spec.axis, view)?;
    let mut items = Vec::new();
    for (i, row) in spec.rows.iter().enumerate() {
        g.rows.draw_label(p, i, view)?;
        let n = g.visible.len();
        let group_h = n as f64 * g.bar_h + n.saturating_sub(1) as f64 * GAP;
        let mut by = g.rows.mid(i) - group_h / 2.0;
        for &j in &g.visible {
            if let Some(Some(d)) = row.values.get(j) {
                items.push(bar(p, spec, &g, (i, j), d, by, view)?);
            }
            by += g.bar_h + GAP;
        }
    }
    g.rows.draw_keys(p, &spec.keys, g.used)?;
    Ok(g.rows.layout(body, items, legend))
}
