//! Clipping polygons and polylines to a rectangle, so a zoomed map never paints outside its box.
//!
//! Layer: chart. Pure geometry (Sutherland–Hodgman for polygons, segment clipping for lines),
//! unit-tested here.

use super::Rect;

type P = (f64, f64);

fn clip_edge(pts: &[P], inside: impl Fn(P) -> bool, cross: impl Fn(P, P) -> P) -> Vec<P> {
    let mut out = Vec::with_capacity(pts.len() + 4);
    for i in 0..pts.len() {
        let cur = pts[i];
        let prev = pts[(i + pts.len() - 1) % pts.len()];
        match (inside(prev), inside(cur)) {
            (true, true) => out.push(cur),
            (true, false) => out.push(cross(prev, cur)),
            (false, true) => {
                out.push(cross(prev, cur));
                out.push(cur);
            }
            (false, false) => {}
        }
    }
    out
}

fn at_x(a: P, b: P, x: f64) -> P {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + t * (b.1 - a.1))
}

fn at_y(a: P, b: P, y: f64) -> P {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + t * (b.0 - a.0), y)
}

/// The part of a polygon inside `r` (empty when none of it is).
pub fn polygon(pts: &[P], r: &Rect) -> Vec<P> {
    if pts.iter().all(|&(x, y)| r.contains(x, y)) {
        return pts.to_vec();
    }
    let mut v = pts.to_vec();
    v = clip_edge(&v, |p| p.0 >= r.x0, |a, b| at_x(a, b, r.x0));
    v = clip_edge(&v, |p| p.0 <= r.x1, |a, b| at_x(a, b, r.x1));
    v = clip_edge(&v, |p| p.1 >= r.y0, |a, b| at_y(a, b, r.y0));
    v = clip_edge(&v, |p| p.1 <= r.y1, |a, b| at_y(a, b, r.y1));
    v
}

/// Clip one segment to `r` (Liang–Barsky); `None` when it lies outside.
pub fn segment(a: P, b: P, r: &Rect) -> Option<(P, P)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, a.0 - r.x0), (dx, r.x1 - a.0), (-dy, a.1 - r.y0), (dy, r.y1 - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some(((a.0 + t0 * dx, a.1 + t0 * dy), (a.0 + t1 * dx, a.1 + t1 * dy)))
}

/// The visible runs of a polyline inside `r`.
pub fn polyline(pts: &[P], r: &Rect) -> Vec<Vec<P>> {
    let mut runs: Vec<Vec<P>> = Vec::new();
    let mut cur: Vec<P> = Vec::new();
    for w in pts.windows(2) {
        match segment(w[0], w[1], r) {
            Some((a, b)) => {
                if cur.last() != Some(&a) {
                    if cur.len() >= 2 {
                        runs.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    cur.push(a);
                }
                cur.push(b);
            }
            None => {
                if cur.len() >= 2 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() >= 2 {
        runs.push(cur);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polygons_are_cut_to_the_box() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)];
        let c = polygon(&square, &r);
        assert!(c.iter().all(|&(x, y)| (0.0..=10.0).contains(&x) && (0.0..=10.0).contains(&y)), "{c:?}");
        assert!(c.contains(&(5.0, 5.0)));
        assert!(polygon(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], &r).is_empty());
        let inside = [(1.0, 1.0), (2.0, 1.0), (2.0, 2.0)];
        assert_eq!(polygon(&inside, &r), inside.to_vec());
    }

    #[test]
    fn polylines_keep_only_their_visible_runs() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let runs = polyline(&[(-5.0, 5.0), (5.0, 5.0), (15.0, 5.0), (15.0, 8.0), (5.0, 8.0)], &r);
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert_eq!(runs[0], vec![(0.0, 5.0), (5.0, 5.0), (10.0, 5.0)]);
        assert_eq!(segment((20.0, 0.0), (30.0, 5.0), &r), None);
    }
}
