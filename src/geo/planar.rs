//! Plane geometry shared by the map model, the drawing and the hit tests: the distance from a
//! point to a segment and to a polyline, and the even–odd point-in-polygon rule.
//!
//! Layer: geo. Pure functions on (x, y) pairs in any one unit (projected or pixels).

use super::project::XY;
use crate::float::Within;

/// The distance from `p` to the segment `a`–`b` (to `a` when the segment has no length).
pub fn segment_distance(p: XY, a: XY, b: XY) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).within(0.0, 1.0) };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// The distance from `p` to the nearest segment of a polyline (infinite for fewer than two points).
pub fn polyline_distance(p: XY, pts: impl IntoIterator<Item = XY>) -> f64 {
    let mut best = f64::INFINITY;
    let mut prev: Option<XY> = None;
    for q in pts {
        if let Some(a) = prev {
            best = best.min(segment_distance(p, a, q));
        }
        prev = Some(q);
    }
    best
}

/// Even–odd point-in-polygon over every ring.
pub fn point_in_rings(rings: &[Vec<(f32, f32)>], x: f64, y: f64) -> bool {
    let mut inside = false;
    for ring in rings {
        let n = ring.len();
        if n < 3 {
            continue;
        }
        let mut j = n - 1;
        for i in 0..n {
            let (xi, yi) = (ring[i].0 as f64, ring[i].1 as f64);
            let (xj, yj) = (ring[j].0 as f64, ring[j].1 as f64);
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_distance_to_a_segment_is_measured_to_its_nearest_point() {
        assert_eq!(segment_distance((5.0, 3.0), (0.0, 0.0), (10.0, 0.0)), 3.0, "above the middle");
        assert_eq!(segment_distance((13.0, 4.0), (0.0, 0.0), (10.0, 0.0)), 5.0, "beyond the end");
        assert_eq!(segment_distance((3.0, 4.0), (0.0, 0.0), (0.0, 0.0)), 5.0, "a segment without length");
    }

    #[test]
    fn the_distance_to_a_polyline_is_that_of_its_nearest_segment() {
        let line = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        assert_eq!(polyline_distance((12.0, 5.0), line), 2.0);
        assert_eq!(polyline_distance((1.0, 1.0), [(0.0, 0.0)]), f64::INFINITY);
    }
}
