//! The row layout shared by the horizontal charts (bars, dumbbell, stacked bars): a column of row
//! labels on the left, the legend and the unit caption above the plot, one band per row, a value
//! axis fitted with one tick rule, and the mark keys below. Each chart's `draw` adds only its
//! marks, as the marks of a plot share its scales.
//!
//! Layer: chart. Layout is pure arithmetic on estimated text widths; the shared parts are drawn
//! through a `Painter`, like everything else in this layer.

use super::frame::{self, KeyUse};
use super::paint::{Align, DrawError, Painter};
use super::scale::{nice_domain, Linear};
use super::text::{ellipsis, width, wrap};
use super::{Item, Keys, Layout, Rect, Series, View};
use crate::data::format::tick;
use crate::float::Within;
use plotters::prelude::DrawingBackend;

/// The margin at the chart's left and right edges.
const PAD: f64 = 10.0;
/// Row labels.
const FONT: f64 = 12.0;
/// Sublabels, the unit caption and tick labels.
const SMALL: f64 = 10.5;
/// The line heights of labels and sublabels, in ems.
const LINE: f64 = 1.25;
const SUB_LINE: f64 = 1.3;
/// The unit caption's strip above the plot, and the tick labels' strip below it.
const UNIT_H: f64 = 18.0;
const AXIS_H: f64 = 22.0;
/// The narrowest label column.
const MIN_LABEL_W: f64 = 40.0;
/// About one tick per this many pixels of plot width, between two and eight.
const TICK_SPACING: f64 = 80.0;

/// One row's label and the smaller line under it (a period, a measure, the Chinese original).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label<'a> {
    pub text: &'a str,
    pub sub: Option<&'a str>,
}

/// Space beside the plot: `gap` is blank, `room` holds value labels drawn beyond the marks.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Side {
    pub gap: f64,
    pub room: f64,
}

/// What a chart asks of the row layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan<'a> {
    pub labels: Vec<Label<'a>>,
    /// The widest the label column may be, as a share of the chart's width.
    pub label_share: f64,
    /// The most lines a label (and, apart, its sublabel) wraps to.
    pub max_lines: usize,
    /// The height of one row's marks, and the padding above and below them.
    pub mark_h: f64,
    pub row_pad: f64,
    /// The smallest and largest value drawn (the axis always includes zero).
    pub values: (f64, f64),
    /// Between the label column and the plot (the gap first), and between the plot and the
    /// right edge (the room first).
    pub left: Side,
    pub right: Side,
    /// The series of a legend drawn inside the image (exports), if there is one.
    pub legend: Option<&'a [Series]>,
}

/// Where the shared parts go, for a chart `w` pixels wide whose body starts at `top`.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    w: f64,
    /// The width of the label column (right-aligned at `PAD + label_w`).
    pub label_w: f64,
    lines: Vec<Vec<String>>,
    subs: Vec<Vec<String>>,
    /// The top of the legend.
    pub legend_y: f64,
    /// The plot: the value range across, the rows' bands down.
    pub plot: Rect,
    /// The vertical band of each row.
    pub bands: Vec<(f64, f64)>,
    pub ticks: Vec<f64>,
    /// Values to pixels across the plot.
    pub x: Linear,
}

impl Rows {
    /// Lays out the label column, the bands and the value axis.
    pub fn fit(plan: &Plan, w: f64, top: f64) -> Rows {
        let widest = plan.labels.iter().map(|l| width(l.text, FONT)).fold(0.0, f64::max);
        let widest_sub = plan.labels.iter().filter_map(|l| l.sub.map(|s| width(s, SMALL))).fold(0.0, f64::max);
        let label_w = widest.max(widest_sub).min(w * plan.label_share).max(MIN_LABEL_W);
        let lines: Vec<Vec<String>> = plan.labels.iter().map(|l| wrap(l.text, FONT, label_w, plan.max_lines)).collect();
        let subs: Vec<Vec<String>> = plan
            .labels
            .iter()
            .map(|l| l.sub.map(|s| wrap(s, SMALL, label_w, plan.max_lines)).unwrap_or_default())
            .collect();
        let x0 = PAD + label_w + plan.left.gap + plan.left.room;
        let x1 = (w - PAD - plan.right.room - plan.right.gap).max(x0 + 20.0);
        let count = ((x1 - x0) / TICK_SPACING).within(2.0, 8.0) as usize;
        let (domain, ticks) = nice_domain(plan.values.0, plan.values.1, count);
        let legend_y = top + 4.0;
        let legend_h = plan.legend.map_or(0.0, |s| frame::legend_height(s, w - 2.0 * PAD));
        let y0 = legend_y + legend_h + UNIT_H;
        let mut y = y0;
        let mut bands = Vec::with_capacity(lines.len());
        for (l, s) in lines.iter().zip(&subs) {
            let h = text_height(l, s).max(plan.mark_h) + 2.0 * plan.row_pad;
            bands.push((y, y + h));
            y += h;
        }
        Rows {
            w,
            label_w,
            lines,
            subs,
            legend_y,
            plot: Rect::new(x0, y0, x1, y),
            bands,
            ticks,
            x: Linear::new(domain, (x0, x1)),
        }
    }

    /// The middle of row `i`'s band.
    pub fn mid(&self, i: usize) -> f64 {
        let (b0, b1) = self.bands[i];
        (b0 + b1) / 2.0
    }

    /// The height the chart's body needs, keys included.
    pub fn height(&self, keys: &Keys, used: KeyUse) -> f64 {
        self.plot.y1 + AXIS_H + frame::key_height(keys, used, self.w) + 4.0
    }

    /// The legend (when `series` is given), the unit caption over the plot and the value axis's
    /// grid and ticks. Returns the legend's entries.
    pub fn draw_frame<DB: DrawingBackend>(
        &self,
        p: &Painter<DB>,
        series: Option<&[Series]>,
        caption: &str,
        view: &View,
    ) -> Result<Vec<Rect>, DrawError<DB>> {
        let legend = match series {
            Some(s) => frame::draw_legend(p, s, &view.hidden, PAD, self.legend_y, self.w - 2.0 * PAD)?,
            None => Vec::new(),
        };
        // The caption starts over the plot; on a narrow chart a long one moves left (and, if it
        // must, is shortened) so it never leaves the canvas.
        let room = self.w - PAD;
        let cap_x = self.plot.x0.min(room - width(caption, SMALL)).max(PAD);
        let caption = ellipsis(caption, SMALL, room - cap_x);
        p.text(&caption, cap_x, self.plot.y0 - UNIT_H / 2.0, SMALL, p.theme.muted, Align::Start, false)?;
        // The grid: a line per tick down the plot (zero darker), its label below.
        let th = p.theme;
        let (y0, y1) = (self.plot.y0, self.plot.y1);
        let step = self.ticks.get(1).map_or(1.0, |b| b - self.ticks[0]);
        for &t in &self.ticks {
            let x = self.x.at(t);
            p.line(&[(x, y0), (x, y1)], if t == 0.0 { th.axis } else { th.grid }, 1)?;
            p.text(&tick(t, step), x, y1 + AXIS_H / 2.0, SMALL, th.muted, Align::Middle, false)?;
        }
        Ok(legend)
    }

    /// Row `i`'s backdrop when it is highlighted, and its label block (label lines, then sublabel
    /// lines) right-aligned before the plot and centred in its band: faded while another row is
    /// highlighted, bold when highlighted or selected.
    pub fn draw_label<DB: DrawingBackend>(&self, p: &Painter<DB>, i: usize, view: &View) -> Result<(), DrawError<DB>> {
        let th = p.theme;
        let (b0, b1) = self.bands[i];
        if view.highlight == Some(i) {
            p.fill_rect(0.0, b0, self.w, b1, th.grid.mix(th.bg, 0.5))?;
        }
        let (lines, subs) = (&self.lines[i], &self.subs[i]);
        let mut y = self.mid(i) - text_height(lines, subs) / 2.0;
        let x = PAD + self.label_w;
        let fg = if view.highlight.is_some_and(|h| h != i) { th.faded(th.fg) } else { th.fg };
        let bold = view.highlight == Some(i) || view.selected.contains(&i);
        for l in lines {
            p.text(l, x, y + FONT * LINE / 2.0, FONT, fg, Align::End, bold)?;
            y += FONT * LINE;
        }
        for l in subs {
            p.text(l, x, y + SMALL * SUB_LINE / 2.0, SMALL, th.muted, Align::End, false)?;
            y += SMALL * SUB_LINE;
        }
        Ok(())
    }

    /// The keys explaining the mark styles `used`, below the axis.
    pub fn draw_keys<DB: DrawingBackend>(
        &self,
        p: &Painter<DB>,
        keys: &Keys,
        used: KeyUse,
    ) -> Result<(), DrawError<DB>> {
        frame::draw_keys(p, keys, used, PAD, self.plot.y1 + AXIS_H, self.w)
    }

    /// The layout of a chart drawn in `body` with these rows, `items` and `legend`.
    pub fn layout(self, body: Rect, items: Vec<Item>, legend: Vec<Rect>) -> Layout {
        Layout {
            width: self.w,
            height: body.y1,
            plot: self.plot,
            bands: self.bands,
            items,
            legend,
            map: None,
            texts: Vec::new(),
        }
    }
}

/// The height of a label block.
fn text_height(lines: &[String], subs: &[String]) -> f64 {
    lines.len() as f64 * FONT * LINE + subs.len() as f64 * SMALL * SUB_LINE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan<'a>(labels: &[&'a str], values: (f64, f64)) -> Plan<'a> {
        Plan {
            labels: labels.iter().map(|&text| Label { text, sub: None }).collect(),
            label_share: 0.3,
            max_lines: 3,
            mark_h: 16.0,
            row_pad: 5.0,
            values,
            left: Side { gap: 10.0, room: 0.0 },
            right: Side { room: 40.0, gap: 8.0 },
            legend: None,
        }
    }

    #[test]
    fn bands_follow_each_other_down_from_the_plots_top_and_fit_their_labels() {
        let long = "Mechanical and electrical products of every kind";
        let rows = Rows::fit(&plan(&["US", long, "Japan"], (0.0, 6644.51)), 400.0, 50.0);
        assert_eq!(rows.bands[0].0, rows.plot.y0);
        assert!(rows.bands.windows(2).all(|b| b[0].1 == b[1].0), "{:?}", rows.bands);
        assert_eq!(rows.bands[2].1, rows.plot.y1);
        let heights: Vec<f64> = rows.bands.iter().map(|(a, b)| b - a).collect();
        assert_eq!(heights[0], 26.0, "one line (15 px) is shorter than the marks (16) plus padding");
        assert!(heights[1] > heights[0], "the long label wraps and its band grows: {heights:?}");
    }

    #[test]
    fn the_label_column_is_capped_and_the_plot_keeps_room_for_value_labels() {
        let rows = Rows::fit(&plan(&["Mechanical and electrical products"], (0.0, 100.0)), 400.0, 0.0);
        assert_eq!(rows.label_w, 120.0, "30% of 400 px");
        assert_eq!(rows.plot.x0, PAD + 120.0 + 10.0);
        assert_eq!(rows.plot.x1, 400.0 - PAD - 40.0 - 8.0);
        let short = Rows::fit(&plan(&["US"], (0.0, 100.0)), 400.0, 0.0);
        assert_eq!(short.label_w, MIN_LABEL_W);
    }

    #[test]
    fn the_value_axis_spans_zero_and_the_data_with_nice_ticks() {
        let rows = Rows::fit(&plan(&["a", "b"], (-13.5, 26.3)), 640.0, 0.0);
        assert_eq!((rows.x.d0, rows.x.d1), (-20.0, 30.0));
        assert_eq!(rows.ticks, vec![-20.0, -10.0, 0.0, 10.0, 20.0, 30.0]);
        assert_eq!((rows.x.at(-20.0), rows.x.at(30.0)), (rows.plot.x0, rows.plot.x1));
    }
}
