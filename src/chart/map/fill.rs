//! The map's ground: the ocean inside the world's outline, countries filled by their rows'
//! paints, borders over the fills, and the outlines of highlighted, selected or grouped rows.
//!
//! Layer: chart. Draw passes over the projected country paths of `crate::geo`.

use super::colours::{land, ocean, paint};
use super::frame::MapFrame;
use super::{Extent, MapSpec, Paint};
use crate::chart::clip;
use crate::chart::paint::{DrawError, Painter};
use crate::geo::{self, Paths};
use plotters::prelude::DrawingBackend;

/// The outline of the projected world (the Equal Earth "lozenge") in canvas pixels.
fn sphere(f: &MapFrame) -> Vec<(f64, f64)> {
    let west = (0..=36).map(|i| f.edge_px(-180.0, -90.0 + 5.0 * i as f64));
    let east = (0..=36).map(|i| f.edge_px(180.0, 90.0 - 5.0 * i as f64));
    west.chain(east).collect()
}

/// Ocean inside the sphere outline (the canvas around it stays the page colour), and a faint
/// graticule every 30° in the view's own projection.
pub fn ocean_pass<DB: DrawingBackend>(p: &Painter<DB>, f: &MapFrame, spec: &MapSpec) -> Result<(), DrawError<DB>> {
    if spec.extent == Extent::World {
        p.polygon(&clip::polygon(&sphere(f), &f.bx), ocean(p.theme))?;
    } else {
        p.fill_rect(f.bx.x0, f.bx.y0, f.bx.x1, f.bx.y1, ocean(p.theme))?;
    }
    let line = ocean(p.theme).mix(p.theme.fg, 0.12);
    let meridians = (-5..=5).map(|k| (0..=36).map(|i| f.edge_px(30.0 * k as f64, -90.0 + 5.0 * i as f64)).collect());
    let parallels = (-2..=2).map(|k| (0..=72).map(|i| f.edge_px(-180.0 + 5.0 * i as f64, 30.0 * k as f64)).collect());
    for pts in meridians.chain(parallels).collect::<Vec<Vec<(f64, f64)>>>() {
        for run in clip::polyline(&pts, &f.bx) {
            p.line(&run, line, 1)?;
        }
    }
    Ok(())
}

/// Each country's paint and row (indexed like `geo::countries()`), from the layer's filled areas.
fn fills(spec: &MapSpec, n: usize) -> Vec<Option<(Paint, usize)>> {
    let mut fill = vec![None; n];
    for a in spec.areas.iter().filter(|a| !a.outline) {
        for &c in a.countries.iter().filter(|&&c| c < n) {
            fill[c] = Some((a.paint, a.row));
        }
    }
    fill
}

/// Whether a country's path shows at all in this frame (in view and bigger than a speck).
fn shows(f: &MapFrame, path: &Paths) -> bool {
    let k = f.fit.scale();
    path.bounds.intersects(&f.fit.visible()) && !(path.bounds.width() * k < 0.6 && path.bounds.height() * k < 0.6)
}

/// Fill every country; returns the row of each country (for hit tests).
pub fn country_pass<DB: DrawingBackend>(
    p: &Painter<DB>,
    f: &MapFrame,
    spec: &MapSpec,
) -> Result<Vec<Option<usize>>, DrawError<DB>> {
    let th = p.theme;
    let countries = geo::countries();
    let fill = fills(spec, countries.len());
    for (i, path) in f.centre.paths().iter().enumerate().filter(|(_, path)| shows(f, path)) {
        let colour = match fill[i] {
            Some((pt, row)) if f.dim(row) => paint(th, pt).mix(land(th), 0.6),
            Some((pt, _)) => paint(th, pt),
            // The paper counts Taiwan within China: shade it as the home country too.
            None if countries[i].a3 == Some("CHN") || countries[i].taiwan_as_china => paint(th, Paint::Home),
            None => land(th),
        };
        for ring in &path.rings {
            let pts = clip::polygon(&f.ring(ring), &f.bx);
            if pts.len() >= 3 {
                p.polygon(&pts, colour)?;
            }
        }
    }
    Ok(fill.iter().map(|x| x.map(|(_, row)| row)).collect())
}

/// Borders in the background colour over the fills.
pub fn border_pass<DB: DrawingBackend>(p: &Painter<DB>, f: &MapFrame) -> Result<(), DrawError<DB>> {
    let visible = f.fit.visible();
    for path in f.centre.paths().iter().filter(|path| path.bounds.intersects(&visible)) {
        // Real borders only: never the edges where a ring was cut at the map's seam.
        for line in path.border_lines() {
            for run in clip::polyline(&f.ring(line), &f.bx) {
                p.line(&run, p.theme.bg, 1)?;
            }
        }
    }
    Ok(())
}

/// Outlines: highlighted or selected rows in the foreground colour, grouped rows (ASEAN, the
/// EU) in their own paint.
pub fn emphasis_pass<DB: DrawingBackend>(p: &Painter<DB>, f: &MapFrame, spec: &MapSpec) -> Result<(), DrawError<DB>> {
    let paths = f.centre.paths();
    for a in spec.areas.iter().filter(|a| f.strong(a.row) || a.outline) {
        let c = if f.strong(a.row) { p.theme.fg } else { paint(p.theme, a.paint) };
        for path in a.countries.iter().filter_map(|&ci| paths.get(ci)) {
            for line in path.border_lines() {
                for run in clip::polyline(&f.ring(line), &f.bx) {
                    p.line(&run, c, 2)?;
                }
            }
        }
    }
    Ok(())
}
