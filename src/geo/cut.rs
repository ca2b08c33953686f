//! Cutting lon/lat geometry at a map's seam, the meridian opposite the central one, which the
//! projection puts at both the left and the right edge.
//!
//! Layer: geo. Pure functions on (lon, lat) degrees: no projection, no drawing, no UI.
//!
//! - Rings ([`cut_rings`]): a country's rings that the geometry file cut at ±180° are first joined
//!   again (unless ±180° is the seam), so Chukotka and Fiji are whole in a view where ±180° lies
//!   inside the map. Each ring's longitudes are then taken relative to the central meridian and
//!   unwrapped (each step the shorter way round), so a ring crossing the seam runs on past ±180°.
//!   A ring spans less than 360° of longitude, so it crosses at most one seam line: it is split
//!   there into pieces on either side, each closed along the seam by points every degree of
//!   latitude (the seam is a curve on the map), and the pieces are brought back into
//!   [−180°, 180°] by whole turns. Edges along a cut meridian (the view's seam, or ±180° where
//!   the file cuts) are marked, so a drawing fills them but strokes only real borders.
//! - Lines ([`cut_line`]): a route given in lon/lat, longitudes wrapped or unwrapped (a
//!   trans-Pacific lane may run from 121° to 242°), is split where it crosses the seam.

use super::project::{wrap_lon, XY};
use crate::float::Within;

/// The latitude step (degrees) of the points added along a cut, and the longest step of the
/// points added to a line's segment cut at the seam.
const STEP: f64 = 1.0;

/// How far (degrees) a line's end on the seam is moved into its own side of the map, so that
/// its absolute longitude projects to the right edge.
const NUDGE: f64 = 1e-7;

/// One piece of a cut ring.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Closed (first point repeated last), as (longitude relative to the central meridian in
    /// [−180°, 180°], latitude): project it as centred on 0°.
    pub ring: Vec<XY>,
    /// For each edge `ring[i] → ring[i + 1]`: whether it lies on a cut meridian (the view's seam
    /// or ±180° where the geometry file cuts rings): a map fills it but does not stroke it.
    pub cut: Vec<bool>,
}

/// A vertex with the flag of the edge leaving it (`cut`: the edge lies on a cut meridian).
#[derive(Clone, Copy, Debug, PartialEq)]
struct V {
    x: f64,
    y: f64,
    cut: bool,
}

/// A country's closed rings cut for a map centred on `lon0`: the pieces, in ring order.
/// Rings around a pole (none since Antarctica is dropped) are passed through uncut.
pub fn cut_rings(lon0: f64, rings: &[Vec<XY>]) -> Vec<Piece> {
    let open: Vec<Vec<XY>> = rings.iter().map(|r| open_ring(r).to_vec()).collect();
    let open = if wrap_lon(lon0) == 0.0 { open } else { rejoin_antimeridian(open) };
    open.iter().filter(|r| r.len() >= 3).flat_map(|r| cut_ring(lon0, r)).collect()
}

/// A closed ring without its repeated last point.
fn open_ring(ring: &[XY]) -> &[XY] {
    match ring {
        [first, .., last] if first == last => &ring[..ring.len() - 1],
        _ => ring,
    }
}

/// `r` moved by whole turns to lie closest to `prev`: one step of unwrapping (exact when no turn
/// is added).
fn unwrap_next(prev: f64, r: f64) -> f64 {
    let turns = ((prev - r) / 360.0).round();
    if turns == 0.0 {
        r
    } else {
        r + 360.0 * turns
    }
}

/// Whether the edge `a → b` lies on a cut meridian: ±180° where the file cuts rings, or the seam
/// of a map centred on `lon0`.
fn on_cut_meridian(lon0: f64, a: XY, b: XY) -> bool {
    let file_cut = a.0.abs() == 180.0 && a.0 == b.0;
    let seam = wrap_lon(a.0 - lon0).abs() == 180.0 && wrap_lon(b.0 - lon0).abs() == 180.0;
    file_cut || seam
}

/// One open ring, unwrapped and cut at the seam line it crosses.
fn cut_ring(lon0: f64, ring: &[XY]) -> Vec<Piece> {
    let n = ring.len();
    let mut vs: Vec<V> = Vec::with_capacity(n);
    for (i, &(lon, lat)) in ring.iter().enumerate() {
        let r = wrap_lon(lon - lon0);
        let x = vs.last().map_or(r, |p| unwrap_next(p.x, r));
        vs.push(V { x, y: lat, cut: on_cut_meridian(lon0, (lon, lat), ring[(i + 1) % n]) });
    }
    let (lo, hi) = vs.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v.x), hi.max(v.x)));
    // Back at the start, a ring around a pole has gone a whole turn east or west.
    let around_a_pole = unwrap_next(vs[n - 1].x, vs[0].x) != vs[0].x;
    let mut seam = 180.0 + 360.0 * ((lo - 180.0) / 360.0).ceil();
    if seam <= lo {
        seam += 360.0;
    }
    if around_a_pole || seam >= hi {
        let turns = if around_a_pole { 0.0 } else { ((lo + hi) / 2.0 / 360.0).round() };
        return vec![closed(&vs, 360.0 * turns)];
    }
    let [west, east] = split(&vs, seam);
    let west = west.iter().map(|p| closed(p, seam - 180.0));
    let east = east.iter().map(|p| closed(p, seam + 180.0));
    west.chain(east).filter(|p| area(&p.ring).abs() > 1e-12).collect()
}

/// A closed [`Piece`] from an open ring of vertices, moved west by `shift` degrees.
fn closed(vs: &[V], shift: f64) -> Piece {
    let x = |v: &V| if shift == 0.0 { v.x } else { (v.x - shift).within(-180.0, 180.0) };
    let mut ring: Vec<XY> = vs.iter().map(|v| (x(v), v.y)).collect();
    ring.push(ring[0]);
    Piece { ring, cut: vs.iter().map(|v| v.cut).collect() }
}

/// Twice the signed area of a closed ring (shoelace), in the ring's units.
fn area(ring: &[XY]) -> f64 {
    ring.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum()
}

/// The point where the edge `a → b` meets the meridian `x = seam`, carrying the edge's flag.
fn crossing(a: &V, b: &V, seam: f64) -> V {
    let t = (seam - a.x) / (b.x - a.x);
    V { x: seam, y: a.y + t * (b.y - a.y), cut: a.cut }
}

/// Splits an open unwrapped ring that crosses the meridian `x = seam` into the open rings of the
/// pieces west of it and east of it (a vertex on the seam counts as east).
fn split(vs: &[V], seam: f64) -> [Vec<Vec<V>>; 2] {
    let n = vs.len();
    let side = |v: &V| usize::from(v.x >= seam);
    let start = (0..n).find(|&i| side(&vs[(i + n - 1) % n]) != side(&vs[i])).expect("the ring crosses the seam");
    // Runs: stretches of the ring on one side, from the crossing where they enter to the one
    // where they leave.
    let mut runs: [Vec<Vec<V>>; 2] = [Vec::new(), Vec::new()];
    let mut run = vec![crossing(&vs[(start + n - 1) % n], &vs[start], seam)];
    for step in 0..n {
        let (a, b) = (&vs[(start + step) % n], &vs[(start + step + 1) % n]);
        run.push(*a);
        if side(a) != side(b) {
            let entry = crossing(a, b, seam);
            run.push(V { cut: true, ..entry });
            runs[side(a)].push(std::mem::replace(&mut run, vec![entry]));
        }
    }
    runs.map(|r| close_along(r, seam))
}

/// Joins the runs of one side into closed pieces along the seam: each run's exit leads along the
/// seam, by points every [`STEP`] degrees, to the entry of the run [`pair_up`] gives it.
fn close_along(runs: Vec<Vec<V>>, seam: f64) -> Vec<Vec<V>> {
    // Not a simple ring: close each run on itself.
    let next = pair_up(&runs).unwrap_or_else(|| (0..runs.len()).collect());
    let mut done = vec![false; runs.len()];
    let mut pieces = Vec::new();
    for first in 0..runs.len() {
        let mut piece = Vec::new();
        let mut k = first;
        while !done[k] {
            done[k] = true;
            piece.extend_from_slice(&runs[k]);
            let (from, to) = (runs[k][runs[k].len() - 1].y, runs[next[k]][0].y);
            let m = ((to - from).abs() / STEP).ceil() as usize;
            piece.extend((1..m).map(|i| V { x: seam, y: from + (to - from) * i as f64 / m as f64, cut: true }));
            k = next[k];
        }
        if !piece.is_empty() {
            pieces.push(dedup(piece));
        }
    }
    pieces
}

/// For each run, the run whose entry its exit leads to along the seam: sorted by latitude, the
/// crossings pair up (even–odd rule) into the stretches of the seam that lie inside the ring,
/// each from one run's exit to another's entry. `None` if they do not (a self-crossing ring).
fn pair_up(runs: &[Vec<V>]) -> Option<Vec<usize>> {
    let mut ends: Vec<(f64, bool, usize)> = Vec::with_capacity(2 * runs.len());
    for (k, r) in runs.iter().enumerate() {
        ends.push((r[0].y, true, k));
        ends.push((r[r.len() - 1].y, false, k));
    }
    ends.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut next = vec![usize::MAX; runs.len()];
    for pair in ends.chunks(2) {
        match *pair {
            [(_, false, exit), (_, true, entry)] | [(_, true, entry), (_, false, exit)] => next[exit] = entry,
            _ => return None,
        }
    }
    Some(next)
}

/// An open ring without repeated consecutive points (the flag kept is that of the edge leaving
/// the last copy).
fn dedup(vs: Vec<V>) -> Vec<V> {
    let mut out: Vec<V> = Vec::with_capacity(vs.len());
    for v in vs {
        match out.last_mut() {
            Some(last) if (last.x, last.y) == (v.x, v.y) => last.cut = v.cut,
            _ => out.push(v),
        }
    }
    while out.len() > 1 && (out[out.len() - 1].x, out[out.len() - 1].y) == (out[0].x, out[0].y) {
        out.pop();
    }
    out
}

/// Joins again the rings the geometry file cut at ±180°: a ring with an edge (or run of edges)
/// along 180° is joined with the ring having the same stretch along −180°, traversed the other
/// way. Open rings in, open rings out; rings without a partner stay as they are.
fn rejoin_antimeridian(mut rings: Vec<Vec<XY>>) -> Vec<Vec<XY>> {
    'search: loop {
        for a in 0..rings.len() {
            for (ia, ja) in runs_along(&rings[a], 180.0) {
                let (first, last) = (rings[a][ia].1, rings[a][ja].1);
                for b in (0..rings.len()).filter(|&b| b != a) {
                    let partner = runs_along(&rings[b], -180.0)
                        .into_iter()
                        .find(|&(ib, jb)| rings[b][ib].1 == last && rings[b][jb].1 == first);
                    if let Some(run_b) = partner {
                        rings[a] = join(&rings[a], (ia, ja), &rings[b], run_b);
                        rings.remove(b);
                        continue 'search;
                    }
                }
            }
        }
        return rings;
    }
}

/// The maximal runs of an open ring's consecutive points on the meridian `lon` (at least one edge
/// long), as (first, last) indices, cyclically.
fn runs_along(ring: &[XY], lon: f64) -> Vec<(usize, usize)> {
    let n = ring.len();
    let on = |i: usize| ring[i % n].0 == lon;
    if (0..n).all(on) {
        return Vec::new();
    }
    let mut runs = Vec::new();
    for i in (0..n).filter(|&i| on(i) && !on(i + n - 1)) {
        let mut j = i;
        while on(j + 1) {
            j += 1;
        }
        if j > i {
            runs.push((i, j % n));
        }
    }
    runs
}

/// Ring `a` without the inside of its run `(ia, ja)`, then ring `b` without its run `(ib, jb)`
/// and the run's ends (they repeat `a`'s): the two rings as one, without their shared stretch.
fn join(a: &[XY], (ia, ja): (usize, usize), b: &[XY], (ib, jb): (usize, usize)) -> Vec<XY> {
    let (na, nb) = (a.len(), b.len());
    let keep_a = (ia + na - ja) % na + 1; // from ja round to ia, both ends included
    let keep_b = (ib + nb - jb) % nb - 1; // from jb + 1 round to ib − 1
    let from_a = (0..keep_a).map(|k| a[(ja + k) % na]);
    let from_b = (0..keep_b).map(|k| b[(jb + 1 + k) % nb]);
    from_a.chain(from_b).collect()
}

/// A polyline in lon/lat split for a map centred on `lon0`: each segment runs the shorter way
/// round (so longitudes may be wrapped or unwrapped, e.g. a trans-Pacific lane from 121° to
/// 242°), a segment crossing the seam is cut there, its two parts densified to steps of at most
/// 1° so they follow the map's curved edge, and each piece comes back with
/// longitudes in [−180°, 180°], ready for [`Projection::forward_at`](super::Projection::forward_at)
/// with the same `lon0`. A piece's end on the seam is moved 1e-7° into its side, so it projects
/// to its own edge.
pub fn cut_line(lon0: f64, pts: &[XY]) -> Vec<Vec<XY>> {
    let mut line: Vec<LinePoint> = Vec::with_capacity(pts.len());
    for &(lon, lat) in pts {
        let r = wrap_lon(lon - lon0);
        let x = line.last().map_or(r, |prev| unwrap_next(prev.x, r));
        line.push(LinePoint { x, lat, given: Some(lon) });
    }
    let mut pieces: Vec<(f64, Vec<LinePoint>)> = Vec::new();
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        let seam = 180.0 + 360.0 * band(a.x.min(b.x));
        if a.x.min(b.x) < seam && seam < a.x.max(b.x) {
            let at = LinePoint { x: seam, lat: a.lat + (seam - a.x) / (b.x - a.x) * (b.lat - a.lat), given: None };
            for (p, q) in [(a, at), (at, b)] {
                densify(p, q).windows(2).for_each(|s| extend(&mut pieces, s[0], s[1]));
            }
        } else if (a.x, a.lat) != (b.x, b.lat) || pieces.is_empty() {
            extend(&mut pieces, a, b);
        }
    }
    if let [p] = line.as_slice() {
        pieces.push((band(p.x), vec![*p]));
    }
    pieces.into_iter().map(|(turns, piece)| piece.into_iter().map(|p| absolute(lon0, p, turns)).collect()).collect()
}

/// A point of a line being cut: its longitude unwrapped and relative to the central meridian,
/// its latitude, and its longitude as given (`None` for points the cut adds).
#[derive(Clone, Copy, Debug, PartialEq)]
struct LinePoint {
    x: f64,
    lat: f64,
    given: Option<f64>,
}

/// How many whole turns east of [−180°, 180°) an unwrapped longitude lies.
fn band(x: f64) -> f64 {
    ((x + 180.0) / 360.0).floor()
}

/// Adds the segment `a → b` (within one band) to the last piece if that lies in the same band,
/// else starts a piece with it.
fn extend(pieces: &mut Vec<(f64, Vec<LinePoint>)>, a: LinePoint, b: LinePoint) {
    let turns = band((a.x + b.x) / 2.0);
    match pieces.last_mut() {
        Some((t, piece)) if *t == turns => piece.push(b),
        _ => pieces.push((turns, vec![a, b])),
    }
}

/// The points from `a` to `b` (both included) in steps of at most [`STEP`] degrees.
fn densify(a: LinePoint, b: LinePoint) -> Vec<LinePoint> {
    let m = ((b.x - a.x).abs().max((b.lat - a.lat).abs()) / STEP).ceil().max(1.0) as usize;
    let at = |t: f64| LinePoint { x: a.x + (b.x - a.x) * t, lat: a.lat + (b.lat - a.lat) * t, given: None };
    let inner = (1..m).map(|i| at(i as f64 / m as f64));
    std::iter::once(a).chain(inner).chain(std::iter::once(b)).collect()
}

/// A point of a piece `turns` whole turns east, as lon/lat in [−180°, 180°] that projects on
/// the piece's side of a map centred on `lon0`: its longitude as given where that does.
fn absolute(lon0: f64, p: LinePoint, turns: f64) -> XY {
    let rel = if turns == 0.0 { p.x } else { (p.x - 360.0 * turns).within(-180.0, 180.0) };
    let on_its_side = |lon: f64| (wrap_lon(lon - lon0) - rel).abs() < 1e-6;
    let lon = p.given.map(wrap_lon).filter(|&g| on_its_side(g)).unwrap_or_else(|| wrap_lon(rel + lon0));
    if on_its_side(lon) {
        (lon, p.lat)
    } else {
        (wrap_lon(rel - NUDGE * rel.signum() + lon0), p.lat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(pts: &[XY]) -> Vec<XY> {
        let mut r = pts.to_vec();
        r.push(pts[0]);
        r
    }

    fn total_area(pieces: &[Piece]) -> f64 {
        pieces.iter().map(|p| area(&p.ring).abs() / 2.0).sum()
    }

    #[track_caller]
    fn assert_on_one_side(pieces: &[Piece]) {
        for p in pieces {
            assert!(p.ring.first() == p.ring.last() && p.cut.len() + 1 == p.ring.len(), "{p:?}");
            assert!(p.ring.iter().all(|q| (-180.0..=180.0).contains(&q.0)), "{p:?}");
            assert!(p.ring.windows(2).all(|w| (w[1].0 - w[0].0).abs() < 180.0), "a smeared edge in {p:?}");
        }
    }

    #[test]
    fn a_ring_centred_on_0_comes_back_unchanged_with_its_180_edges_marked() {
        let r = ring(&[(170.0, 60.0), (180.0, 60.0), (180.0, 70.0), (170.0, 70.0)]);
        let pieces = cut_rings(0.0, std::slice::from_ref(&r));
        assert_eq!(pieces, vec![Piece { ring: r, cut: vec![false, true, false, false] }]);
    }

    #[test]
    fn a_square_across_the_seam_is_cut_into_two_pieces_of_the_same_total_area() {
        // 170°E to 170°W: across ±180°, the seam of a map centred on 0°.
        let r = ring(&[(170.0, 0.0), (-170.0, 0.0), (-170.0, 10.0), (170.0, 10.0)]);
        let pieces = cut_rings(0.0, &[r]);
        assert_eq!(pieces.len(), 2);
        assert_on_one_side(&pieces);
        assert!((total_area(&pieces) - 200.0).abs() < 1e-9, "{}", total_area(&pieces));
        // Each piece's edge along the seam is marked as cut, every 1° of latitude.
        for p in &pieces {
            let on_seam: Vec<bool> = p.ring.windows(2).map(|w| w[0].0.abs() == 180.0 && w[1].0 == w[0].0).collect();
            assert_eq!(on_seam, p.cut);
            assert_eq!(on_seam.iter().filter(|&&c| c).count(), 10, "{p:?}");
        }
    }

    #[test]
    fn a_comb_crossing_the_seam_four_times_gives_one_piece_west_and_two_east() {
        let r = ring(&[
            (170.0, 0.0),
            (-170.0, 0.0),
            (-170.0, 2.0),
            (175.0, 2.0),
            (175.0, 4.0),
            (-170.0, 4.0),
            (-170.0, 6.0),
            (170.0, 6.0),
        ]);
        let pieces = cut_rings(0.0, &[r]);
        assert_on_one_side(&pieces);
        let mut areas: Vec<f64> = pieces.iter().map(|p| area(&p.ring).abs() / 2.0).collect();
        areas.sort_by(f64::total_cmp);
        assert_eq!(areas.len(), 3, "{pieces:?}");
        for (got, want) in areas.iter().zip([20.0, 20.0, 50.0]) {
            assert!((got - want).abs() < 1e-9, "{areas:?}");
        }
    }

    #[test]
    fn rings_cut_at_180_are_joined_again_where_180_is_not_the_seam() {
        let east = ring(&[(170.0, 60.0), (180.0, 60.0), (180.0, 70.0), (170.0, 70.0)]);
        let west = ring(&[(-180.0, 60.0), (-170.0, 60.0), (-170.0, 70.0), (-180.0, 70.0)]);
        let pieces = cut_rings(150.0, &[east, west]);
        assert_eq!(pieces.len(), 1, "{pieces:?}");
        assert!(pieces[0].cut.iter().all(|&c| !c), "no edge left on a cut");
        assert!((total_area(&pieces) - 200.0).abs() < 1e-9);
        assert!(pieces[0].ring.iter().all(|p| (20.0..=40.0).contains(&p.0)), "relative to 150°E: {pieces:?}");
    }

    #[test]
    fn a_ring_wholly_past_the_seam_is_moved_back_by_a_whole_turn() {
        // Its first point sits on the seam of a map centred on 150°E (30°W), the rest west of it.
        let r = ring(&[(-30.0, 0.0), (-40.0, 0.0), (-40.0, 10.0)]);
        let pieces = cut_rings(150.0, &[r]);
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].ring, vec![(180.0, 0.0), (170.0, 0.0), (170.0, 10.0), (180.0, 0.0)]);
    }

    #[test]
    fn a_trans_pacific_lane_is_one_piece_centred_on_150e_and_two_centred_on_0() {
        let lane = [(121.5, 31.2), (180.0, 40.0), (242.0, 33.7)];
        let pacific = cut_line(150.0, &lane);
        assert_eq!(pacific, vec![vec![(121.5, 31.2), (180.0, 40.0), (-118.0, 33.7)]]);
        let atlantic = cut_line(0.0, &[(121.5, 31.2), (200.0, 40.0), (242.0, 33.7)]);
        assert_eq!(atlantic.len(), 2, "{atlantic:?}");
        assert_eq!(atlantic[0].last().map(|p| p.0), Some(180.0));
        assert_eq!(atlantic[1].first().map(|p| p.0), Some(-180.0));
        assert_eq!(atlantic[1].last(), Some(&(-118.0, 33.7)));
        for piece in &atlantic {
            assert!(piece.iter().all(|p| (-180.0..=180.0).contains(&p.0)));
        }
        // The parts of the cut segment follow the seam's curve: steps of at most 1°.
        let near_seam = atlantic[0].iter().rev().take(5).collect::<Vec<_>>();
        assert!(near_seam.windows(2).all(|w| (w[0].0 - w[1].0).abs() <= 1.0 + 1e-9), "{near_seam:?}");
    }

    #[test]
    fn a_line_ending_on_the_seam_is_nudged_onto_its_own_side() {
        // Centred on 150°E the seam is 30°W: a line reaching it from the east ends at the west edge.
        let pieces = cut_line(150.0, &[(-20.0, 60.0), (-40.0, 60.0)]);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        let end = *pieces[0].last().unwrap();
        assert!(wrap_lon(end.0 - 150.0) < -179.99, "{end:?}");
        let start = pieces[1][0];
        assert!(wrap_lon(start.0 - 150.0) > 179.99, "{start:?}");
    }

    #[test]
    fn a_line_that_does_not_cross_the_seam_comes_back_as_given() {
        let suez = [(121.47, 31.23), (103.9, 1.2), (43.3, 12.6), (-5.6, 35.95), (4.05, 51.95)];
        assert_eq!(cut_line(0.0, &suez), vec![suez.to_vec()]);
        let stop = [(180.0, 50.0), (170.0, 52.0)];
        assert_eq!(cut_line(0.0, &stop), vec![stop.to_vec()], "a point on the seam stays where it is");
    }
}
