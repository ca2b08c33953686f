//! When a canvas redraws: the first time it is built, then only when what it shows has changed
//! and it is near the viewport (or being printed). A chart far off screen keeps its old pixels
//! until the reader comes back to it.
//!
//! Layer: views.

/// Whether to draw now, given the inputs of the last drawing (`None`: never drawn), the inputs
/// now, and whether the canvas is near the viewport (or the page is printing).
pub fn should_draw<K: PartialEq>(last: Option<&K>, now: &K, near: bool) -> bool {
    match last {
        None => true,
        Some(k) => k != now && near,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_draws_once_when_built_wherever_it_is() {
        assert!(should_draw(None, &1, false));
    }

    #[test]
    fn a_change_off_screen_waits_until_the_chart_comes_near() {
        assert!(!should_draw(Some(&1), &2, false), "off screen: keep the old pixels");
        assert!(should_draw(Some(&1), &2, true), "back near the viewport: redraw");
    }

    #[test]
    fn nothing_changed_means_no_redraw_even_on_screen() {
        assert!(!should_draw(Some(&1), &1, true));
    }
}
