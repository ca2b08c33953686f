//! Label placement without collisions: boxes already taken (labels, and marks labels must not
//! cover) inside an area labels must stay in; the first free candidate wins.
//!
//! Layer: chart. Used by the scatter chart and the map.

use super::Rect;

/// Taken boxes within an area.
#[derive(Clone, Debug, Default)]
pub struct Placer {
    area: Rect,
    taken: Vec<Rect>,
}

impl Placer {
    /// An empty placer for labels that must stay inside `area`.
    pub fn new(area: Rect) -> Placer {
        Placer { area, taken: Vec::new() }
    }

    /// A placer whose area already holds `obstacles` (marks that labels must avoid).
    pub fn with_obstacles(area: Rect, obstacles: Vec<Rect>) -> Placer {
        Placer { area, taken: obstacles }
    }

    /// Whether `b` lies inside the area and overlaps no taken box (except `own`, the label's own
    /// mark when it is among the obstacles).
    pub fn is_free(&self, b: &Rect, own: Option<&Rect>) -> bool {
        self.area.contains_rect(b) && !self.taken.iter().any(|q| Some(q) != own && q.overlaps(b))
    }

    /// The first free candidate.
    pub fn first_free(&self, candidates: impl IntoIterator<Item = Rect>, own: Option<&Rect>) -> Option<Rect> {
        candidates.into_iter().find(|b| self.is_free(b, own))
    }

    /// Mark a box as taken.
    pub fn take(&mut self, b: Rect) {
        self.taken.push(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_takes_the_first_candidate_that_is_inside_and_free() {
        let mut p = Placer::new(Rect::new(0.0, 0.0, 100.0, 100.0));
        p.take(Rect::new(10.0, 10.0, 30.0, 20.0));
        let over = Rect::new(20.0, 12.0, 40.0, 18.0);
        let outside = Rect::new(90.0, 50.0, 120.0, 60.0);
        let below = Rect::new(20.0, 22.0, 40.0, 28.0);
        assert_eq!(p.first_free([over, outside, below], None), Some(below));
        assert_eq!(p.first_free([over, outside], None), None);
    }

    #[test]
    fn a_label_may_touch_its_own_mark_but_no_other() {
        let own = Rect::new(10.0, 10.0, 14.0, 14.0);
        let p = Placer::with_obstacles(Rect::new(0.0, 0.0, 100.0, 100.0), vec![own, Rect::new(40.0, 0.0, 44.0, 4.0)]);
        let beside = Rect::new(12.0, 8.0, 30.0, 16.0);
        assert!(p.is_free(&beside, Some(&own)));
        assert!(!p.is_free(&beside, None));
        assert!(!p.is_free(&Rect::new(30.0, 0.0, 50.0, 6.0), Some(&own)));
    }
}
