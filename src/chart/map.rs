//! World (or regional) map: countries filled by data, points sized by value, routes as lines,
//! labels that don't collide, and a legend — drawn on any plotters backend.
//!
//! Layer: chart. Geometry comes from `crate::geo` (projected once, cached); this module only
//! transforms to pixels and paints. The returned `Layout` carries the view transform and which
//! country belongs to which row, so the UI hit-tests without re-deriving geometry.

use super::clip;
use super::paint::{Align, DrawError, Painter};
use super::text::width;
use super::theme::{Rgb, Theme};
use super::{Item, Keys, Layout, Rect, View};
use crate::geo::{self, Bounds, Fit, LonLatBox, Projection};
use plotters::prelude::DrawingBackend;

/// How a mark is coloured; the theme decides the actual colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paint {
    /// Sequential, 0 (low) to 1 (high).
    Ramp(f64),
    /// Diverging, −1 (fall) to 1 (rise).
    Diverge(f64),
    /// A series colour.
    Series(usize),
    /// The reporting country (China, with Taiwan as the paper counts it).
    Home,
}

/// Countries filled for one row.
#[derive(Clone, Debug, PartialEq)]
pub struct MapArea {
    /// Indices into `geo::countries()`.
    pub countries: Vec<usize>,
    pub paint: Paint,
    pub row: usize,
    /// Drawn as an outline only (a group such as ASEAN over its members).
    pub outline: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapPoint {
    pub lon: f64,
    pub lat: f64,
    /// Radius in CSS pixels at zoom 1 (grows gently with zoom).
    pub r: f64,
    pub paint: Paint,
    pub row: usize,
    pub label: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapLine {
    /// lon/lat vertices; a route crossing the antimeridian is given as separate lines.
    pub pts: Vec<(f64, f64)>,
    pub paint: Paint,
    pub width: u32,
    pub dashed: bool,
    pub row: usize,
    pub label: Option<String>,
}

/// A label anchored at a lon/lat point.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLabel {
    pub lon: f64,
    pub lat: f64,
    pub text: String,
    pub row: usize,
}

/// The key under the map.
#[derive(Clone, Debug, PartialEq)]
pub enum MapLegend {
    None,
    /// A colour ramp between two labels.
    Ramp {
        lo: String,
        hi: String,
        caption: String,
        diverging: bool,
    },
    /// Named swatches.
    Swatches(Vec<(Paint, String)>),
}

/// Which part of the world to show at zoom 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extent {
    World,
    Box(LonLatBox),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapSpec {
    pub extent: Extent,
    pub areas: Vec<MapArea>,
    pub points: Vec<MapPoint>,
    pub lines: Vec<MapLine>,
    pub labels: Vec<MapLabel>,
    pub legend: MapLegend,
    /// Number of rows (items a reader can step through).
    pub rows: usize,
    /// Row labels, for keyboard navigation and the table alternative.
    pub row_labels: Vec<String>,
    pub keys: Keys,
}

/// The camera: zoom and the projected point at the view's centre (`None` = the default fit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub zoom: f64,
    pub cx: f64,
    pub cy: f64,
}

/// What the UI needs to hit-test a drawn map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapHit {
    pub fit: Fit,
    /// Row of each country (indexed like `geo::countries()`), if it belongs to one.
    pub country_row: Vec<Option<usize>>,
    /// Pixel polylines of the routes, with their rows.
    pub lines: Vec<(usize, Vec<(f64, f64)>)>,
    /// Top of the map area (the fit's pixel y = 0 is at this canvas y).
    pub top: f64,
    /// Where each row's tooltip points: its label, its point, or the middle of its route.
    pub anchors: Vec<Option<(f64, f64)>>,
}

const PAD: f64 = 8.0;
const LEGEND_H: f64 = 34.0;

impl MapSpec {
    fn bounds(&self) -> Bounds {
        match self.extent {
            Extent::World => geo::equal_earth_bounds(),
            Extent::Box(b) => Projection::EqualEarth.bounds_of(b),
        }
    }
}

/// Height of the legend at a width: one line, or two when the caption does not fit beside the ramp.
fn legend_height(spec: &MapSpec, w: f64) -> f64 {
    match &spec.legend {
        MapLegend::None => 0.0,
        MapLegend::Ramp { caption, .. } if caption_below(caption, w) => LEGEND_H + 16.0,
        _ => LEGEND_H,
    }
}

fn caption_below(caption: &str, w: f64) -> bool {
    PAD + 180.0 + 10.0 + width(caption, 10.5) > w - PAD
}

/// Map height for a width: the extent's aspect, within sensible limits, plus the legend.
pub fn body_height(spec: &MapSpec, _theme: &Theme, w: f64) -> f64 {
    let b = spec.bounds();
    let aspect = (b.height() / b.width()).clamp(0.4, 1.3);
    let map_h = ((w - 2.0 * PAD) * aspect).clamp(140.0, 720.0);
    map_h + 2.0 * PAD + legend_height(spec, w)
}

/// The default fit of a map body, and the fit after a camera move.
pub fn fit_for(spec: &MapSpec, w: f64, map_h: f64, camera: Option<Camera>) -> Fit {
    let base = Fit::new(spec.bounds(), w, map_h, PAD);
    match camera {
        Some(c) => base.zoom_to(c.zoom, (w / 2.0, map_h / 2.0)).centered_on((c.cx, c.cy)),
        None => base,
    }
}

fn paint(th: &Theme, p: Paint) -> Rgb {
    let land = land(th);
    match p {
        Paint::Ramp(t) => land.mix(th.series[0], 0.25 + 0.75 * t.clamp(0.0, 1.0)),
        Paint::Diverge(t) => {
            let t = t.clamp(-1.0, 1.0);
            if t >= 0.0 {
                land.mix(th.rise, 0.25 + 0.75 * t)
            } else {
                land.mix(th.fall, 0.25 + 0.75 * -t)
            }
        }
        Paint::Series(i) => th.series[i % th.series.len()],
        Paint::Home => th.fg.mix(th.bg, 0.55),
    }
}

fn land(th: &Theme) -> Rgb {
    th.grid.mix(th.bg, 0.15)
}

fn ocean(th: &Theme) -> Rgb {
    th.bg.mix(th.series[4], 0.10)
}

/// The outline of the projected world (the Equal Earth "lozenge").
fn sphere(fit: &Fit) -> Vec<(f64, f64)> {
    let mut pts = Vec::new();
    for i in 0..=36 {
        let lat = -90.0 + 5.0 * i as f64;
        pts.push(fit.to_px(Projection::EqualEarth.forward(-180.0, lat)));
    }
    for i in 0..=36 {
        let lat = 90.0 - 5.0 * i as f64;
        pts.push(fit.to_px(Projection::EqualEarth.forward(180.0, lat)));
    }
    pts
}

/// Draw the map into `body`.
pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    spec: &MapSpec,
    body: Rect,
    view: &View,
) -> Result<Layout, DrawError<DB>> {
    let th = p.theme;
    let w = body.width();
    let map_h = body.height() - legend_height(spec, w);
    let fit = fit_for(spec, w, map_h - 2.0 * PAD, view.camera);
    let top = body.y0 + PAD;
    let shift = |(x, y): (f64, f64)| (x, y + top);
    // Everything the map paints stays inside its box, whatever the zoom.
    let bx = Rect::new(0.0, top, w, top + map_h - 2.0 * PAD);
    let dim = |row: usize| view.highlight.is_some_and(|h| h != row);
    let strong = |row: usize| view.highlight == Some(row) || view.selected.contains(&row);

    // Ocean inside the sphere outline; the canvas around it stays the page colour.
    let sph: Vec<(f64, f64)> = sphere(&fit).into_iter().map(shift).collect();
    if spec.extent == Extent::World {
        p.polygon(&clip::polygon(&sph, &bx), ocean(th))?;
    } else {
        p.fill_rect(bx.x0, bx.y0, bx.x1, bx.y1, ocean(th))?;
    }

    let countries = geo::countries();
    let paths = geo::equal_earth_paths();
    let mut fill: Vec<Option<(Paint, usize)>> = vec![None; countries.len()];
    let mut country_row = vec![None; countries.len()];
    for a in spec.areas.iter().filter(|a| !a.outline) {
        for &c in &a.countries {
            if c < fill.len() {
                fill[c] = Some((a.paint, a.row));
                country_row[c] = Some(a.row);
            }
        }
    }
    // The paper counts Taiwan within China; shade it as the home country unless data says otherwise.
    let home: Vec<usize> = countries
        .iter()
        .enumerate()
        .filter(|(_, c)| c.a3 == Some("CHN") || c.taiwan_as_china)
        .map(|(i, _)| i)
        .collect();
    let visible = fit.visible();
    let k = fit.scale();
    let px_ring = |ring: &Vec<(f32, f32)>| -> Vec<(f64, f64)> {
        let mut out: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
        for &(x, y) in ring {
            let q = shift(fit.to_px((x as f64, y as f64)));
            // Skip points closer than half a pixel to the previous one (cheap simplification).
            if out.last().is_none_or(|l: &(f64, f64)| (l.0 - q.0).abs() + (l.1 - q.1).abs() > 0.5) {
                out.push(q);
            }
        }
        out
    };
    for (i, path) in paths.iter().enumerate() {
        if !path.bounds.intersects(&visible) {
            continue;
        }
        if path.bounds.width() * k < 0.6 && path.bounds.height() * k < 0.6 {
            continue;
        }
        let colour = match fill[i] {
            Some((pt, row)) => {
                let c = paint(th, pt);
                if dim(row) {
                    c.mix(land(th), 0.6)
                } else {
                    c
                }
            }
            None if home.contains(&i) => paint(th, Paint::Home),
            None => land(th),
        };
        for ring in &path.rings {
            let pts = clip::polygon(&px_ring(ring), &bx);
            if pts.len() >= 3 {
                p.polygon(&pts, colour)?;
            }
        }
    }
    // Borders over the fills, then emphasis.
    for path in paths.iter() {
        if !path.bounds.intersects(&visible) {
            continue;
        }
        for ring in &path.rings {
            for run in clip::polyline(&px_ring(ring), &bx) {
                p.line(&run, th.bg, 1)?;
            }
        }
    }
    for a in &spec.areas {
        let emphasise = strong(a.row) || a.outline;
        if !emphasise {
            continue;
        }
        let (c, wd) = if strong(a.row) { (th.fg, 2) } else { (paint(th, a.paint), 2) };
        for &ci in &a.countries {
            let Some(path) = paths.get(ci) else { continue };
            for ring in &path.rings {
                let mut pts = px_ring(ring);
                if let Some(&f) = pts.first() {
                    pts.push(f);
                }
                for run in clip::polyline(&pts, &bx) {
                    p.line(&run, c, wd)?;
                }
            }
        }
    }

    // Routes.
    let mut line_px = Vec::new();
    let mut items = Vec::new();
    for l in &spec.lines {
        let pts: Vec<(f64, f64)> =
            l.pts.iter().map(|&(lon, lat)| shift(fit.to_px(Projection::EqualEarth.forward(lon, lat)))).collect();
        let mut c = paint(th, l.paint);
        if dim(l.row) {
            c = c.mix(th.bg, 0.6);
        }
        let wd = if strong(l.row) { l.width + 2 } else { l.width };
        for run in clip::polyline(&pts, &bx) {
            if l.dashed {
                for seg in run.windows(2) {
                    dashes(p, seg[0], seg[1], c, wd)?;
                }
            } else {
                p.line(&run, c, wd)?;
            }
        }
        line_px.push((l.row, pts));
    }

    // Points, larger first so small ones stay on top.
    let mut order: Vec<usize> = (0..spec.points.len()).collect();
    order.sort_by(|&a, &b| spec.points[b].r.total_cmp(&spec.points[a].r));
    // Circles grow gently with zoom and shrink on narrow maps, so clusters stay readable.
    let grow = fit.zoom().sqrt() * (w / 760.0).clamp(0.45, 1.0);
    let mut placed: Vec<Rect> = Vec::new();
    for &i in &order {
        let pt = &spec.points[i];
        let (x, y) = shift(fit.to_px(Projection::EqualEarth.forward(pt.lon, pt.lat)));
        let r = (pt.r * grow).max(3.0);
        if !bx.inflate(-r).contains(x, y) {
            continue;
        }
        let mut c = paint(th, pt.paint);
        if dim(pt.row) {
            c = c.mix(th.bg, 0.6);
        }
        p.circle(x, y, r, c, true)?;
        p.circle(x, y, r, if strong(pt.row) { th.fg } else { th.bg }, false)?;
        items.push(Item { row: pt.row, series: 0, rect: Rect::new(x - r, y - r, x + r, y + r) });
    }

    // Labels: points' labels and area labels, first come first placed, never overlapping.
    let label_font = 11.0 * (w / 760.0).clamp(0.85, 1.0);
    let label = |text: &str, x0: f64, y0: f64, row: usize, placed: &mut Vec<Rect>| -> Result<(), DrawError<DB>> {
        let lw = width(text, label_font);
        let spot = |y: f64| Rect::new(x0 - lw / 2.0, y - label_font * 0.65, x0 + lw / 2.0, y + label_font * 0.65);
        let ok = |r: &Rect| {
            let inside = r.x0 >= 0.0 && r.x1 <= w && r.y0 >= top && r.y1 <= top + map_h - 2.0 * PAD;
            inside && !placed.iter().any(|q| q.x0 < r.x1 && r.x0 < q.x1 && q.y0 < r.y1 && r.y0 < q.y1)
        };
        // The anchor first, then just above or below it.
        let choice = [y0, y0 - label_font * 1.3, y0 + label_font * 1.3].into_iter().find(|&y| ok(&spot(y)));
        let (x, y) = (x0, choice.unwrap_or(y0));
        let r = spot(y);
        if choice.is_some() || (strong(row) && bx.contains(x, y)) {
            let c = if dim(row) { th.faded(th.fg) } else { th.fg };
            // A halo in the background colour keeps labels legible over any fill.
            for (dx, dy) in [(-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)] {
                p.text(text, x + dx, y + dy, label_font, th.bg, Align::Middle, strong(row))?;
            }
            p.text(text, x, y, label_font, c, Align::Middle, strong(row))?;
            placed.push(r.inflate(2.0));
        }
        Ok(())
    };
    for &i in &order {
        let pt = &spec.points[i];
        if let Some(t) = &pt.label {
            let (x, y) = shift(fit.to_px(Projection::EqualEarth.forward(pt.lon, pt.lat)));
            let r = (pt.r * grow).max(3.0);
            label(t, x, y - r - 8.0, pt.row, &mut placed)?;
        }
    }
    for l in &spec.labels {
        let (x, y) = shift(fit.to_px(Projection::EqualEarth.forward(l.lon, l.lat)));
        label(&l.text, x, y, l.row, &mut placed)?;
    }
    for (l, (_, pts)) in spec.lines.iter().zip(&line_px) {
        if let (Some(t), Some(&mid)) = (&l.label, pts.get(pts.len() / 2)) {
            label(t, mid.0, mid.1 - 9.0, l.row, &mut placed)?;
        }
    }

    // Legend.
    let ly = top + map_h - 2.0 * PAD + 10.0;
    match &spec.legend {
        MapLegend::None => {}
        MapLegend::Ramp { lo, hi, caption, diverging } => {
            let (x0, x1) = (PAD, (PAD + 180.0).min(w - PAD));
            let steps = 24;
            for s in 0..steps {
                let t = s as f64 / (steps - 1) as f64;
                let pt = if *diverging { Paint::Diverge(t * 2.0 - 1.0) } else { Paint::Ramp(t) };
                let xa = x0 + (x1 - x0) * s as f64 / steps as f64;
                let xb = x0 + (x1 - x0) * (s + 1) as f64 / steps as f64;
                p.fill_rect(xa, ly, xb + 0.5, ly + 9.0, paint(th, pt))?;
            }
            p.text(lo, x0, ly + 18.0, 10.5, th.muted, Align::Start, false)?;
            p.text(hi, x1, ly + 18.0, 10.5, th.muted, Align::End, false)?;
            if caption_below(caption, w) {
                let c = super::text::ellipsis(caption, 10.5, w - 2.0 * PAD);
                p.text(&c, x0, ly + 34.0, 10.5, th.muted, Align::Start, false)?;
            } else {
                p.text(caption, x1 + 10.0, ly + 5.0, 10.5, th.muted, Align::Start, false)?;
            }
        }
        MapLegend::Swatches(list) => {
            let mut x = PAD;
            for (pt, name) in list {
                let wd = width(name, 11.0);
                if x + wd + 20.0 > w && x > PAD {
                    break;
                }
                p.fill_rect(x, ly, x + 11.0, ly + 11.0, paint(th, *pt))?;
                p.text(name, x + 15.0, ly + 5.5, 11.0, th.fg, Align::Start, false)?;
                x += wd + 30.0;
            }
        }
    }
    let _ = &spec.keys;
    let mut anchors: Vec<Option<(f64, f64)>> = vec![None; spec.rows];
    let mut set = |row: usize, at: (f64, f64)| {
        if let Some(a) = anchors.get_mut(row) {
            if a.is_none() && bx.contains(at.0, at.1) {
                *a = Some(at);
            }
        }
    };
    for it in &items {
        set(it.row, ((it.rect.x0 + it.rect.x1) / 2.0, (it.rect.y0 + it.rect.y1) / 2.0));
    }
    for l in &spec.labels {
        set(l.row, shift(fit.to_px(Projection::EqualEarth.forward(l.lon, l.lat))));
    }
    for (row, pts) in &line_px {
        if let Some(&m) = pts.get(pts.len() / 2) {
            set(*row, m);
        }
    }

    Ok(Layout {
        width: w,
        height: body.y1,
        plot: Rect::new(0.0, top, w, top + map_h - 2.0 * PAD),
        bands: Vec::new(),
        items,
        legend: Vec::new(),
        map: Some(MapHit { fit, country_row, lines: line_px, top, anchors }),
    })
}

/// A dashed segment (plotters' path element has no dash pattern on every backend).
fn dashes<DB: DrawingBackend>(
    p: &Painter<DB>,
    a: (f64, f64),
    b: (f64, f64),
    c: Rgb,
    w: u32,
) -> Result<(), DrawError<DB>> {
    let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    if len < 1.0 {
        return Ok(());
    }
    let (dash, gap) = (6.0, 4.0);
    let mut t = 0.0;
    while t < len {
        let t1 = (t + dash).min(len);
        let pa = (a.0 + (b.0 - a.0) * t / len, a.1 + (b.1 - a.1) * t / len);
        let pb = (a.0 + (b.0 - a.0) * t1 / len, a.1 + (b.1 - a.1) * t1 / len);
        p.line(&[pa, pb], c, w)?;
        t += dash + gap;
    }
    Ok(())
}

impl MapHit {
    /// The row under a pixel: a route within 6 px, else the country's row.
    pub fn row_at(&self, x: f64, y: f64) -> Option<usize> {
        let near = |pts: &[(f64, f64)]| {
            pts.windows(2).any(|s| {
                let (a, b) = (s[0], s[1]);
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let l2 = dx * dx + dy * dy;
                let t = if l2 == 0.0 { 0.0 } else { (((x - a.0) * dx + (y - a.1) * dy) / l2).clamp(0.0, 1.0) };
                (x - a.0 - t * dx).hypot(y - a.1 - t * dy) <= 6.0
            })
        };
        if let Some((row, _)) = self.lines.iter().find(|(_, pts)| near(pts)) {
            return Some(*row);
        }
        let idx = geo::hit::hit_index_near(
            geo::equal_earth_paths(),
            self.fit.from_px((x, y - self.top)),
            3.0 / self.fit.scale(),
        )?;
        self.country_row.get(idx).copied().flatten()
    }

    /// The projected centre of the view (to store in a camera).
    pub fn camera(&self) -> Camera {
        let (cx, cy) = self.fit.from_px((self.fit.width / 2.0, self.fit.height / 2.0));
        Camera { zoom: self.fit.zoom(), cx, cy }
    }
}
