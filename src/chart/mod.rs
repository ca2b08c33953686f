//! The chart layer: pure drawing of chart specs on any plotters backend.
//!
//! Layer: chart. Knows nothing of Leptos or the DOM. A `ChartSpec` says what to draw (labels
//! and values already formatted for the reader's language); `draw` paints it on a
//! `DrawingArea` and returns a `Layout` the UI uses to turn a pointer position into a datum.
//! Only `canvas.rs` (browser) and `svg.rs` create backends.

pub mod bars;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
pub mod clip;
pub mod dumbbell;
pub mod frame;
pub mod map;
pub mod order;
pub mod paint;
pub mod place;
pub mod rows;
pub mod scale;
pub mod scatter;
pub mod slope;
pub mod stacked;
pub mod svg;
pub mod svg_backend;
pub mod target;
pub mod text;
pub mod theme;

use paint::{DrawError, Painter};
use plotters::coord::Shift;
use plotters::prelude::*;
pub use theme::{Mode, Rgb, Theme};

/// An axis-aligned rectangle in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1) }
    }
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
    /// Whether `r` lies wholly inside.
    pub fn contains_rect(&self, r: &Rect) -> bool {
        r.x0 >= self.x0 && r.x1 <= self.x1 && r.y0 >= self.y0 && r.y1 <= self.y1
    }
    /// Whether the two share any interior (touching edges do not count).
    pub fn overlaps(&self, r: &Rect) -> bool {
        self.x0 < r.x1 && r.x0 < self.x1 && self.y0 < r.y1 && r.y0 < self.y1
    }
    /// Grow by `d` on every side.
    pub fn inflate(&self, d: f64) -> Rect {
        Rect::new(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)
    }
}

/// How a printed figure bounds the truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Bound {
    #[default]
    Exact,
    /// "over 200": the bar is a lower bound.
    AtLeast,
    /// "under 30": an upper bound.
    AtMost,
    /// "about", "nearly".
    Approx,
}

/// One value to draw, already formatted.
#[derive(Clone, Debug, PartialEq)]
pub struct Datum {
    pub x: f64,
    /// The value label drawn next to the mark ("6,644.51", "+26.3%").
    pub label: String,
    pub derived: bool,
    pub bound: Bound,
    /// A data note about a contradiction in the paper concerns this value.
    pub flagged: bool,
}

impl Datum {
    pub fn new(x: f64, label: impl Into<String>) -> Datum {
        Datum { x, label: label.into(), derived: false, bound: Bound::Exact, flagged: false }
    }
}

/// A named series (a legend entry).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    /// Index into the theme's series palette.
    pub color: usize,
}

/// Text drawn around the plot in exported images (the page shows these as DOM text instead).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Frame {
    /// Draw the legend inside the image (exports); the page shows a DOM legend instead.
    pub legend: bool,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub source: Option<String>,
}

/// Localised captions the chart needs for its own key ("outlined: derived").
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Keys {
    pub derived: String,
    pub flagged: String,
    pub bound: String,
}

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartSpec {
    Bars(bars::BarSpec),
    Dumbbell(dumbbell::DumbbellSpec),
    Slope(slope::SlopeSpec),
    Stacked(stacked::StackedSpec),
    Scatter(scatter::ScatterSpec),
    Map(map::MapSpec),
}

/// A drawn, hoverable mark.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    pub row: usize,
    pub series: usize,
    pub rect: Rect,
}

/// Where things ended up, for hit-testing and keyboard focus.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub plot: Rect,
    /// The vertical band of each row (pointer anywhere in it selects the row).
    pub bands: Vec<(f64, f64)>,
    pub items: Vec<Item>,
    /// Legend entries, by series index.
    pub legend: Vec<Rect>,
    /// For maps: the view transform and which row each country and route belongs to.
    pub map: Option<map::MapHit>,
    /// The box of every text drawn (estimated from the font size), for layout checks.
    pub texts: Vec<Rect>,
}

impl Layout {
    /// The mark under a point, else the row whose band contains it, else a mark within
    /// 12 px (small dots are hard to hit exactly).
    pub fn hit(&self, x: f64, y: f64) -> Option<(usize, Option<usize>)> {
        // Among overlapping marks (a map's port circles), the smallest is drawn on top and wins.
        // Map marks are circles: test the distance to their centre, not their box.
        let round = self.map.is_some();
        let inside = |it: &&Item| {
            if round {
                let (cx, cy) = ((it.rect.x0 + it.rect.x1) / 2.0, (it.rect.y0 + it.rect.y1) / 2.0);
                (x - cx).hypot(y - cy) <= it.rect.width() / 2.0 + 2.0
            } else {
                it.rect.inflate(2.0).contains(x, y)
            }
        };
        if let Some(it) = self
            .items
            .iter()
            .filter(inside)
            .min_by(|a, b| (a.rect.width() * a.rect.height()).total_cmp(&(b.rect.width() * b.rect.height())))
        {
            return Some((it.row, Some(it.series)));
        }
        if let Some(m) = &self.map {
            return m.row_at(x, y).map(|r| (r, None));
        }
        if x < 0.0 || x > self.width {
            return None;
        }
        if let Some(r) = self.bands.iter().position(|&(a, b)| y >= a && y < b) {
            return Some((r, None));
        }
        let dist = |it: &Item| {
            let (cx, cy) = ((it.rect.x0 + it.rect.x1) / 2.0, (it.rect.y0 + it.rect.y1) / 2.0);
            ((cx - x).powi(2) + (cy - y).powi(2)).sqrt()
        };
        self.items
            .iter()
            .filter(|it| dist(it) <= 12.0)
            .min_by(|a, b| dist(a).total_cmp(&dist(b)))
            .map(|it| (it.row, Some(it.series)))
    }

    /// The legend entry under a point.
    pub fn legend_hit(&self, x: f64, y: f64) -> Option<usize> {
        self.legend.iter().position(|r| r.contains(x, y))
    }

    /// Where to anchor a tooltip for a row (and series): the right end of its mark.
    pub fn anchor(&self, row: usize, series: Option<usize>) -> Option<(f64, f64)> {
        let it = self
            .items
            .iter()
            .filter(|it| it.row == row && series.is_none_or(|s| it.series == s))
            .max_by(|a, b| a.rect.x1.total_cmp(&b.rect.x1))?;
        Some((it.rect.x1, (it.rect.y0 + it.rect.y1) / 2.0))
    }
}

/// What is emphasised: the hovered or focused row, rows selected elsewhere (linked
/// selection), and hidden series.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct View {
    pub highlight: Option<usize>,
    pub selected: Vec<usize>,
    pub hidden: Vec<usize>,
    /// For maps: zoom and centre (`None` shows the whole extent).
    pub camera: Option<map::Camera>,
    /// For world maps: the central meridian (Atlantic 0° or Pacific 150°E).
    pub centre: crate::geo::Centre,
    /// The height the drawing fills (CSS pixels), instead of the one its width gives: a map full
    /// screen.
    pub fill: Option<f64>,
}

impl ChartSpec {
    /// Number of rows (the unit of keyboard navigation).
    pub fn row_count(&self) -> usize {
        match self {
            ChartSpec::Bars(s) => s.rows.len(),
            ChartSpec::Dumbbell(s) => s.rows.len(),
            ChartSpec::Slope(s) => s.rows.len(),
            ChartSpec::Stacked(s) => s.rows.len(),
            ChartSpec::Scatter(s) => s.rows.len(),
            ChartSpec::Map(s) => s.rows,
        }
    }

    /// The legend entries (empty for single-series charts).
    pub fn series(&self) -> &[Series] {
        match self {
            ChartSpec::Bars(s) if s.series.len() > 1 => &s.series,
            ChartSpec::Dumbbell(s) => &s.series,
            ChartSpec::Stacked(s) => &s.series,
            _ => &[],
        }
    }

    /// Height the chart needs at a given width.
    pub fn height_for(&self, frame: &Frame, width: f64) -> f64 {
        let (top, bottom) = frame::heights(frame, width);
        let body = match self {
            ChartSpec::Bars(s) => bars::body_height(s, width, frame.legend),
            ChartSpec::Dumbbell(s) => dumbbell::body_height(s, width, frame.legend),
            ChartSpec::Slope(s) => slope::body_height(s, width),
            ChartSpec::Stacked(s) => stacked::body_height(s, width, frame.legend),
            ChartSpec::Scatter(s) => scatter::body_height(s, width),
            ChartSpec::Map(s) => map::body_height(s, width),
        };
        (top + body + bottom).ceil()
    }
}

/// Draw a chart on any backend. The area's size is the chart's size in CSS pixels.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    frame: &Frame,
    theme: &Theme,
    view: &View,
) -> Result<Layout, DrawError<DB>> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let p = Painter::new(area, theme);
    p.clear()?;
    let (top, bottom) = frame::heights(frame, w);
    frame::draw(&p, frame, w, h)?;
    let body = Rect::new(0.0, top, w, h - bottom);
    let mut layout = match spec {
        ChartSpec::Bars(s) => bars::draw(&p, s, body, view, frame.legend)?,
        ChartSpec::Dumbbell(s) => dumbbell::draw(&p, s, body, view, frame.legend)?,
        ChartSpec::Slope(s) => slope::draw(&p, s, body, view)?,
        ChartSpec::Stacked(s) => stacked::draw(&p, s, body, view, frame.legend)?,
        ChartSpec::Scatter(s) => scatter::draw(&p, s, body, view)?,
        ChartSpec::Map(s) => map::draw(&p, s, body, view)?,
    };
    layout.width = w;
    layout.height = h;
    layout.texts = p.take_texts();
    area.present()?;
    Ok(layout)
}
