//! Horizontal bar charts: sorted bars, grouped bars, and diverging bars for growth rates.
//!
//! Layer: chart. Long category names (commodities, ports) read best on horizontal bars; labels
//! wrap into the label column instead of being cut. Growth rates are coloured by sign.

use super::frame::{self, KeyUse};
use super::paint::{Align, DrawError, Painter};
use super::scale::{nice_domain, Linear};
use super::text::{width, wrap};
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

const PAD: f64 = 10.0;
const FONT: f64 = 12.0;
const SUBFONT: f64 = 10.5;
const VALUE_FONT: f64 = 11.5;
const ROW_PAD: f64 = 5.0;
const GAP: f64 = 2.0;
const AXIS_H: f64 = 22.0;
const UNIT_H: f64 = 18.0;
pub(crate) const FLAG: &str = " ※";

struct Geom {
    label_w: f64,
    label_lines: Vec<Vec<String>>,
    sub_lines: Vec<Vec<String>>,
    plot_x0: f64,
    plot_x1: f64,
    bands: Vec<(f64, f64)>,
    bar_h: f64,
    visible: Vec<usize>,
    domain: (f64, f64),
    ticks: Vec<f64>,
    legend_y: f64,
    plot_y0: f64,
    plot_y1: f64,
    keys_y: f64,
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
    let narrow = w < 480.0;
    let max_label = spec.rows.iter().map(|r| width(&r.label, FONT)).fold(0.0, f64::max);
    let max_sub = spec.rows.iter().filter_map(|r| r.sublabel.as_ref().map(|s| width(s, SUBFONT))).fold(0.0, f64::max);
    let cap = w * if narrow { 0.36 } else { 0.32 };
    let label_w = max_label.max(max_sub).min(cap).max(40.0);
    let label_lines: Vec<Vec<String>> = spec.rows.iter().map(|r| wrap(&r.label, FONT, label_w, 3)).collect();
    let sub_lines: Vec<Vec<String>> = spec
        .rows
        .iter()
        .map(|r| r.sublabel.as_deref().map(|s| wrap(s, SUBFONT, label_w, 3)).unwrap_or_default())
        .collect();
    let right = data().filter(|d| d.x >= 0.0).map(|d| width(&value_label(d), VALUE_FONT)).fold(0.0, f64::max);
    let left = data().filter(|d| d.x < 0.0).map(|d| width(&value_label(d), VALUE_FONT)).fold(0.0, f64::max);
    let plot_x0 = PAD + label_w + 10.0 + if left > 0.0 { left + 6.0 } else { 0.0 };
    let plot_x1 = (w - PAD - right - 8.0).max(plot_x0 + 20.0);
    let lo = data().map(|d| d.x).fold(0.0, f64::min);
    let hi = data().map(|d| d.x).fold(0.0, f64::max);
    let count = ((plot_x1 - plot_x0) / 80.0).clamp(2.0, 8.0) as usize;
    let (domain, ticks) = nice_domain(lo, hi, count);
    let legend_y = top + 4.0;
    let legend_h = if legend { frame::legend_height(&spec.series, w - 2.0 * PAD) } else { 0.0 };
    let plot_y0 = legend_y + legend_h + UNIT_H;
    let n = visible.len().max(1);
    let bar_h = if n == 1 { 16.0 } else { 12.0 };
    let mut y = plot_y0;
    let mut bands = Vec::new();
    for (i, _) in spec.rows.iter().enumerate() {
        let text_h = label_lines[i].len() as f64 * FONT * 1.25 + sub_lines[i].len() as f64 * SUBFONT * 1.3;
        let bars_h = n as f64 * bar_h + (n - 1) as f64 * GAP;
        let h = text_h.max(bars_h) + 2.0 * ROW_PAD;
        bands.push((y, y + h));
        y += h;
    }
    let used = (data().any(|d| d.derived), data().any(|d| d.flagged), data().any(|d| d.bound != Bound::Exact));
    Geom {
        label_w,
        label_lines,
        sub_lines,
        plot_x0,
        plot_x1,
        bands,
        bar_h,
        visible,
        domain,
        ticks,
        legend_y,
        plot_y0,
        plot_y1: y,
        keys_y: y + AXIS_H,
        used,
    }
}

/// Height of the chart body at width `w`.
pub fn body_height(spec: &BarSpec, w: f64, legend: bool) -> f64 {
    let g = geometry(spec, w, 0.0, &[], legend);
    g.keys_y + frame::key_height(&spec.keys, g.used, w) + 4.0
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

/// The label block of row `i` (its label lines and sublabel lines), right-aligned before the
/// plot and centred in its band.
fn row_label<DB: DrawingBackend>(p: &Painter<DB>, g: &Geom, i: usize, view: &View) -> Result<(), DrawError<DB>> {
    let th = p.theme;
    let (b0, b1) = g.bands[i];
    let (lines, subs) = (&g.label_lines[i], &g.sub_lines[i]);
    let text_h = lines.len() as f64 * FONT * 1.25 + subs.len() as f64 * SUBFONT * 1.3;
    let mut y = (b0 + b1) / 2.0 - text_h / 2.0;
    let lx = PAD + g.label_w;
    let fg = if view.highlight.is_some_and(|h| h != i) { th.faded(th.fg) } else { th.fg };
    let bold = view.highlight == Some(i) || view.selected.contains(&i);
    for l in lines {
        p.text(l, lx, y + FONT * 0.62, FONT, fg, Align::End, bold)?;
        y += FONT * 1.25;
    }
    for l in subs {
        p.text(l, lx, y + SUBFONT * 0.65, SUBFONT, th.muted, Align::End, false)?;
        y += SUBFONT * 1.3;
    }
    Ok(())
}

/// One bar of row `i`, series `j`, with its top at `by`: the fill (derived: light with an
/// outline; high contrast: hatched), a chevron for a bound, the value label, a flag for a
/// contradiction and the selection outline. Returns the bar as a hoverable item.
#[allow(clippy::too_many_arguments)]
fn bar<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &BarSpec,
    g: &Geom,
    sx: &Linear,
    (i, j): (usize, usize),
    d: &Datum,
    by: f64,
    view: &View,
) -> Result<Item, DrawError<DB>> {
    let th = p.theme;
    let dim = view.highlight.is_some_and(|h| h != i);
    let (x0, x1) = (sx.at(0.0), sx.at(d.x));
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
    let th = p.theme;
    let w = body.width();
    let g = geometry(spec, w, body.y0, &view.hidden, legend);
    let legend = if legend {
        frame::draw_legend(p, &spec.series, &view.hidden, PAD, g.legend_y, w - 2.0 * PAD)?
    } else {
        Vec::new()
    };
    let sx = Linear::new(g.domain, (g.plot_x0, g.plot_x1));
    // The unit caption starts over the plot; on a narrow chart a long one moves left (and, if it
    // must, is shortened) so it never leaves the canvas.
    let room = w - PAD;
    let cap_x = g.plot_x0.min(room - width(&spec.axis, SUBFONT)).max(PAD);
    let caption = super::text::ellipsis(&spec.axis, SUBFONT, room - cap_x);
    p.text(&caption, cap_x, g.plot_y0 - UNIT_H / 2.0, SUBFONT, th.muted, Align::Start, false)?;

    frame::draw_x_grid(p, &sx, &g.ticks, (g.plot_y0, g.plot_y1), g.plot_y1 + AXIS_H / 2.0)?;

    let mut items = Vec::new();
    for (i, row) in spec.rows.iter().enumerate() {
        let (b0, b1) = g.bands[i];
        if view.highlight == Some(i) {
            p.fill_rect(0.0, b0, w, b1, th.grid.mix(th.bg, 0.5))?;
        }
        row_label(p, &g, i, view)?;
        let n = g.visible.len();
        let group_h = n as f64 * g.bar_h + n.saturating_sub(1) as f64 * GAP;
        let mut by = (b0 + b1) / 2.0 - group_h / 2.0;
        for &j in &g.visible {
            if let Some(Some(d)) = row.values.get(j) {
                items.push(bar(p, spec, &g, &sx, (i, j), d, by, view)?);
            }
            by += g.bar_h + GAP;
        }
    }
    frame::draw_keys(p, &spec.keys, g.used, PAD, g.keys_y, w)?;
    Ok(Layout {
        width: w,
        height: body.y1,
        plot: Rect::new(g.plot_x0, g.plot_y0, g.plot_x1, g.plot_y1),
        bands: g.bands,
        items,
        legend,
        map: None,
        texts: Vec::new(),
    })
}
