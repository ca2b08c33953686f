//! The optional flow animation of the flows layer: where the dots that travel along each arc,
//! from China to the partner, are at a given moment.
//!
//! Layer: views. Pure: the UI asks for the dots of a moment and paints them on a canvas laid over
//! the map; whether to animate at all (the reader asked for it, and does not prefer reduced
//! motion) is decided by [`animates`].

use crate::chart::map::HitLine;
use crate::float::Within;

/// How fast the dots travel, in CSS pixels per second: gentle, a few seconds per arc.
pub const SPEED_PX_S: f64 = 36.0;
/// The distance between two dots on the same arc, in CSS pixels.
pub const SPACING_PX: f64 = 56.0;

/// A dot of the animation: its centre and radius in CSS pixels, and the row of its arc.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub row: usize,
}

/// Whether the flows move: only when the reader asked for it, the layer draws flows and the
/// reader's system does not ask for reduced motion.
pub fn animates(asked: bool, has_flows: bool, reduced_motion: bool) -> bool {
    asked && has_flows && !reduced_motion
}

/// The length of a polyline.
fn length(pts: &[(f64, f64)]) -> f64 {
    pts.windows(2).map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1)).sum()
}

/// The point `d` pixels along a polyline (`d` within its length).
fn point_at(pts: &[(f64, f64)], mut d: f64) -> Option<(f64, f64)> {
    for w in pts.windows(2) {
        let seg = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        if d <= seg && seg > 0.0 {
            let k = d / seg;
            return Some((w[0].0 + k * (w[1].0 - w[0].0), w[0].1 + k * (w[1].1 - w[0].1)));
        }
        d -= seg;
    }
    None
}

/// The dots at `t` seconds on the drawn flows `lines` (an arc cut at the map's edge comes as
/// consecutive parts of the same row, read as one path), kept to the map area `area`
/// (x0, y0, x1, y1). Each arc carries a dot every [`SPACING_PX`], all moving towards the arc's
/// end at [`SPEED_PX_S`]; a dot's radius follows the arc's width.
pub fn dots(lines: &[HitLine], t: f64, area: (f64, f64, f64, f64)) -> Vec<Dot> {
    let phase = (t * SPEED_PX_S).rem_euclid(SPACING_PX);
    let inside = |(x, y): (f64, f64)| x >= area.0 && x <= area.2 && y >= area.1 && y <= area.3;
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let row = lines[i].row;
        let parts: Vec<&HitLine> = lines[i..].iter().take_while(|l| l.row == row).collect();
        i += parts.len();
        // The arc's stroke width, from how near a pointer must come (half the width plus 3 px).
        let width = (2.0 * (parts[0].reach - 3.0)).max(1.0);
        let r = (width * 0.3).within(1.6, 3.5);
        let mut d = phase;
        let mut before = 0.0;
        for part in parts {
            let len = length(&part.pts);
            while d <= before + len {
                if let Some(p) = point_at(&part.pts, d - before).filter(|&p| inside(p)) {
                    out.push(Dot { x: p.0, y: p.1, r, row });
                }
                d += SPACING_PX;
            }
            before += len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(row: usize, pts: &[(f64, f64)], width: f64) -> HitLine {
        HitLine { row, pts: pts.to_vec(), reach: width / 2.0 + 3.0 }
    }

    const ALL: (f64, f64, f64, f64) = (-1e9, -1e9, 1e9, 1e9);

    /// Positions to the thousandth of a pixel.
    fn xs(d: &[Dot]) -> Vec<f64> {
        d.iter().map(|d| (d.x * 1000.0).round() / 1000.0).collect()
    }

    #[test]
    fn the_flows_move_only_when_asked_on_a_flows_layer_and_never_under_reduced_motion() {
        assert!(animates(true, true, false));
        assert!(!animates(false, true, false), "off until the reader asks");
        assert!(!animates(true, false, false), "a layer without flows");
        assert!(!animates(true, true, true), "prefers-reduced-motion stops it");
    }

    #[test]
    fn dots_lie_on_the_arc_one_spacing_apart() {
        let l = [line(0, &[(0.0, 0.0), (200.0, 0.0)], 6.0)];
        let d = dots(&l, 0.0, ALL);
        assert_eq!(xs(&d), [0.0, 56.0, 112.0, 168.0]);
        assert!(d.iter().all(|d| d.y == 0.0 && d.row == 0));
    }

    #[test]
    fn dots_travel_from_the_start_towards_the_end_and_wrap_after_one_spacing() {
        let l = [line(0, &[(0.0, 0.0), (200.0, 0.0)], 6.0)];
        let first = |t: f64| dots(&l, t, ALL)[0].x;
        assert!((first(0.5) - 18.0).abs() < 1e-9, "half a second at 36 px/s: {}", first(0.5));
        assert!(first(1.0) > first(0.5), "towards the arrow");
        let period = SPACING_PX / SPEED_PX_S;
        assert!((first(period) - first(0.0)).abs() < 1e-9, "after one spacing the picture repeats");
    }

    #[test]
    fn an_arc_cut_at_the_maps_edge_keeps_its_spacing_across_the_cut() {
        // 40 px on the left part, then the arc goes on from the other edge.
        let l = [line(3, &[(0.0, 10.0), (40.0, 10.0)], 4.0), line(3, &[(500.0, 10.0), (600.0, 10.0)], 4.0)];
        let d = dots(&l, 0.0, ALL);
        assert_eq!(xs(&d), [0.0, 516.0, 572.0], "56 px along the path: 40 + 16");
        assert!(d.iter().all(|d| d.y == 10.0));
        assert!(d.iter().all(|d| d.row == 3));
    }

    #[test]
    fn each_arc_has_its_own_dots_sized_by_its_width_and_none_outside_the_map_area() {
        let l = [line(0, &[(0.0, 0.0), (100.0, 0.0)], 12.0), line(1, &[(0.0, 50.0), (100.0, 50.0)], 2.0)];
        let d = dots(&l, 0.0, ALL);
        assert_eq!(d.iter().filter(|d| d.row == 0).count(), 2);
        assert_eq!(d.iter().filter(|d| d.row == 1).count(), 2);
        let r = |row| d.iter().find(|d| d.row == row).unwrap().r;
        assert!(r(0) > r(1), "a wider arc, a bigger dot");
        assert!((1.6..=3.5).contains(&r(0)) && (1.6..=3.5).contains(&r(1)));
        let clipped = dots(&l, 0.0, (10.0, -5.0, 200.0, 5.0));
        assert_eq!(xs(&clipped), [56.0], "only the dot inside the area");
    }

    #[test]
    fn no_lines_no_dots_and_a_point_arc_is_harmless() {
        assert!(dots(&[], 3.0, ALL).is_empty());
        let l = [line(0, &[(5.0, 5.0)], 4.0), line(1, &[(5.0, 5.0), (5.0, 5.0)], 4.0)];
        assert!(dots(&l, 1.0, ALL).len() <= 1);
    }
}
