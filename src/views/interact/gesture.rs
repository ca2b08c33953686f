//! Pointer presses on the map turned into what the reader meant: a drag pans, two pointers pinch,
//! a press that barely moved is a click.
//!
//! Layer: views. The map component feeds pointer events in and applies what comes out.

/// Movement (in CSS pixels, summed over both axes) before a press counts as a drag.
pub const DRAG_THRESHOLD_PX: f64 = 4.0;

/// The pressed pointers and whether the press has become a drag.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gesture {
    /// Pointer id and last position of every pressed pointer, in press order.
    pointers: Vec<(i32, f64, f64)>,
    /// The current press has moved past the threshold (a drag, not a click).
    dragging: bool,
}

/// What a pointer move meant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Press {
    /// Move the map by this many pixels.
    Pan { dx: f64, dy: f64 },
    /// Scale the map by `factor` about the pixel `at` (the pointers' midpoint).
    Pinch { factor: f64, at: (f64, f64) },
    /// A pressed pointer moved, but not yet past the drag threshold.
    Still,
}

impl Gesture {
    /// A pointer went down at (x, y).
    pub fn down(&mut self, id: i32, x: f64, y: f64) {
        self.pointers.retain(|p| p.0 != id);
        self.pointers.push((id, x, y));
        self.dragging = false;
    }

    /// Whether this pointer is pressed (else its moves are hovers).
    pub fn pressed(&self, id: i32) -> bool {
        self.pointers.iter().any(|p| p.0 == id)
    }

    /// A pointer moved to (x, y): `None` when it is not pressed (a hover).
    pub fn moved(&mut self, id: i32, x: f64, y: f64) -> Option<Press> {
        let &(_, px, py) = self.pointers.iter().find(|p| p.0 == id)?;
        let step = (x - px).abs() + (y - py).abs();
        let press = if let Some(&(_, ox, oy)) = self.pointers.iter().find(|p| p.0 != id) {
            let before = (px - ox).hypot(py - oy).max(1.0);
            let after = (x - ox).hypot(y - oy).max(1.0);
            Press::Pinch { factor: after / before, at: ((x + ox) / 2.0, (y + oy) / 2.0) }
        } else if self.dragging || step > DRAG_THRESHOLD_PX {
            Press::Pan { dx: x - px, dy: y - py }
        } else {
            // Below the threshold the press point stays put, so small jitters add up to a drag.
            return Some(Press::Still);
        };
        self.dragging = self.dragging || step > DRAG_THRESHOLD_PX || matches!(press, Press::Pinch { .. });
        if let Some(p) = self.pointers.iter_mut().find(|p| p.0 == id) {
            *p = (id, x, y);
        }
        Some(press)
    }

    /// A pointer went up (or was cancelled): `true` when the press was a click (one pointer,
    /// never dragged).
    pub fn up(&mut self, id: i32) -> bool {
        let click = !self.dragging && self.pointers.len() == 1 && self.pressed(id);
        self.pointers.retain(|p| p.0 != id);
        if self.pointers.is_empty() {
            self.dragging = false;
        }
        click
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_press_that_barely_moves_is_a_click() {
        let mut g = Gesture::default();
        g.down(1, 100.0, 100.0);
        assert_eq!(g.moved(1, 101.0, 102.0), Some(Press::Still));
        assert!(g.up(1));
    }

    #[test]
    fn a_press_that_moves_past_the_threshold_pans_by_each_step_and_is_no_click() {
        let mut g = Gesture::default();
        g.down(1, 100.0, 100.0);
        assert_eq!(g.moved(1, 110.0, 100.0), Some(Press::Pan { dx: 10.0, dy: 0.0 }));
        assert_eq!(g.moved(1, 111.0, 99.0), Some(Press::Pan { dx: 1.0, dy: -1.0 }), "small steps pan once dragging");
        assert!(!g.up(1));
    }

    #[test]
    fn jitter_below_the_threshold_adds_up_to_a_drag() {
        let mut g = Gesture::default();
        g.down(1, 0.0, 0.0);
        assert_eq!(g.moved(1, 3.0, 0.0), Some(Press::Still));
        assert_eq!(g.moved(1, 6.0, 0.0), Some(Press::Pan { dx: 6.0, dy: 0.0 }));
    }

    #[test]
    fn two_pointers_pinch_about_their_midpoint() {
        let mut g = Gesture::default();
        g.down(1, 100.0, 100.0);
        g.down(2, 200.0, 100.0);
        let Some(Press::Pinch { factor, at }) = g.moved(2, 300.0, 100.0) else { panic!() };
        assert!((factor - 2.0).abs() < 1e-9, "{factor}");
        assert_eq!(at, (200.0, 100.0));
        assert!(!g.up(2), "a pinch is no click");
        assert!(!g.up(1));
    }

    #[test]
    fn moves_of_a_pointer_that_is_not_pressed_are_hovers() {
        let mut g = Gesture::default();
        assert_eq!(g.moved(7, 1.0, 1.0), None);
        g.down(1, 0.0, 0.0);
        assert!(g.up(1));
        assert_eq!(g.moved(1, 50.0, 0.0), None, "released pointers hover again");
        assert!(!g.up(9), "a pointer that was never pressed does not click");
    }
}
