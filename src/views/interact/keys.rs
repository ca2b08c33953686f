//! Keyboard movement between rows, legend toggling and selection toggling.
//!
//! Layer: views. Pure rules the chart and map components call on key presses and clicks.

/// Where focus goes on a key press, among `n` rows; `None` clears the focus (Escape).
/// Keys that do not move focus return the current focus unchanged.
pub fn next_focus(current: Option<usize>, key: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let last = n - 1;
    match (key, current) {
        ("Escape", _) => None,
        ("ArrowDown" | "ArrowRight", None) => Some(0),
        ("ArrowUp" | "ArrowLeft", None) => Some(last),
        ("ArrowDown" | "ArrowRight", Some(i)) => Some((i + 1).min(last)),
        ("ArrowUp" | "ArrowLeft", Some(i)) => Some(i.saturating_sub(1)),
        ("Home", _) => Some(0),
        ("End", _) => Some(last),
        ("PageDown", Some(i)) => Some((i + 5).min(last)),
        ("PageUp", Some(i)) => Some(i.saturating_sub(5)),
        (_, c) => c.map(|i| i.min(last)),
    }
}

/// What a key does on a chart's canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKey {
    /// Enter or Space on a focused row: choose its entity.
    Choose(usize),
    /// Escape: clear the exploration and the selection.
    Clear,
    /// The arrows, Home, End, Page Up and Page Down: move the keyboard focus.
    Focus(Option<usize>),
}

/// What `key` does on a chart of `rows` rows with the keyboard focus on row `focus`; `None` for a
/// key the chart leaves alone.
pub fn chart_key(key: &str, focus: Option<usize>, rows: usize) -> Option<ChartKey> {
    match key {
        "Enter" | " " => focus.map(ChartKey::Choose),
        "Escape" => Some(ChartKey::Clear),
        "ArrowDown" | "ArrowUp" | "ArrowLeft" | "ArrowRight" | "Home" | "End" | "PageUp" | "PageDown" => {
            Some(ChartKey::Focus(next_focus(focus, key, rows)))
        }
        _ => None,
    }
}

/// The tab a key moves to in a row of `n` tabs (the WAI-ARIA tabs pattern): the arrows step and
/// wrap round, Home and End go to the ends; other keys move nothing (`None`).
pub fn tab_after(current: usize, key: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    match key {
        "ArrowRight" | "ArrowDown" => Some((current + 1) % n),
        "ArrowLeft" | "ArrowUp" => Some((current + n - 1) % n),
        "Home" => Some(0),
        "End" => Some(n - 1),
        _ => None,
    }
}

/// Series hidden after a legend click on entry `i` of `n`. A plain click toggles it (the last
/// visible series cannot be hidden); an Alt-click isolates it, or shows all if it already is.
pub fn toggle_series(hidden: &[usize], i: usize, n: usize, isolate: bool) -> Vec<usize> {
    if i >= n {
        return hidden.to_vec();
    }
    if isolate {
        let only_i: Vec<usize> = (0..n).filter(|&j| j != i).collect();
        return if hidden == only_i.as_slice() { Vec::new() } else { only_i };
    }
    let mut out: Vec<usize> = hidden.to_vec();
    if let Some(pos) = out.iter().position(|&j| j == i) {
        out.remove(pos);
    } else if out.len() + 1 < n {
        out.push(i);
        out.sort_unstable();
    }
    out
}

/// The selection after a reader chooses `entity`: choosing the selected entity again clears it.
pub fn toggled(current: Option<&'static str>, entity: &'static str) -> Option<&'static str> {
    if current == Some(entity) {
        None
    } else {
        Some(entity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_arrows_step_and_wrap_home_and_end_go_to_the_ends_and_other_keys_move_nothing() {
        assert_eq!(tab_after(0, "ArrowRight", 7), Some(1));
        assert_eq!(tab_after(6, "ArrowRight", 7), Some(0), "wraps to the first");
        assert_eq!(tab_after(0, "ArrowLeft", 7), Some(6), "wraps to the last");
        assert_eq!(tab_after(3, "ArrowUp", 7), Some(2));
        assert_eq!(tab_after(3, "Home", 7), Some(0));
        assert_eq!(tab_after(3, "End", 7), Some(6));
        assert_eq!(tab_after(3, "Enter", 7), None);
        assert_eq!(tab_after(0, "ArrowRight", 0), None, "no tabs");
    }

    #[test]
    fn arrows_walk_the_rows_and_stop_at_the_ends() {
        assert_eq!(next_focus(None, "ArrowDown", 3), Some(0));
        assert_eq!(next_focus(Some(0), "ArrowDown", 3), Some(1));
        assert_eq!(next_focus(Some(2), "ArrowDown", 3), Some(2));
        assert_eq!(next_focus(Some(0), "ArrowUp", 3), Some(0));
        assert_eq!(next_focus(None, "ArrowUp", 3), Some(2));
        assert_eq!(next_focus(Some(1), "End", 3), Some(2));
        assert_eq!(next_focus(Some(1), "Home", 3), Some(0));
        assert_eq!(next_focus(Some(1), "Escape", 3), None);
        assert_eq!(next_focus(Some(1), "x", 3), Some(1));
        assert_eq!(next_focus(Some(9), "x", 3), Some(2), "a stale focus is clamped after a re-sort");
        assert_eq!(next_focus(None, "ArrowDown", 0), None);
    }

    #[test]
    fn legend_clicks_toggle_and_alt_clicks_isolate() {
        assert_eq!(toggle_series(&[], 1, 3, false), vec![1]);
        assert_eq!(toggle_series(&[1], 1, 3, false), Vec::<usize>::new());
        assert_eq!(toggle_series(&[0, 1], 2, 3, false), vec![0, 1], "the last visible series stays");
        assert_eq!(toggle_series(&[], 1, 3, true), vec![0, 2]);
        assert_eq!(toggle_series(&[0, 2], 1, 3, true), Vec::<usize>::new(), "isolating again shows all");
        assert_eq!(toggle_series(&[], 7, 3, false), Vec::<usize>::new());
    }

    #[test]
    fn enter_chooses_the_focused_row_escape_clears_and_the_arrows_move_the_focus() {
        assert_eq!(chart_key("Enter", Some(2), 5), Some(ChartKey::Choose(2)));
        assert_eq!(chart_key(" ", Some(0), 5), Some(ChartKey::Choose(0)));
        assert_eq!(chart_key("Enter", None, 5), None, "nothing focused: Enter is the page's");
        assert_eq!(chart_key("Escape", Some(1), 5), Some(ChartKey::Clear));
        assert_eq!(chart_key("ArrowDown", None, 5), Some(ChartKey::Focus(Some(0))));
        assert_eq!(chart_key("End", Some(1), 5), Some(ChartKey::Focus(Some(4))));
        assert_eq!(chart_key("a", Some(1), 5), None);
    }

    #[test]
    fn choosing_the_selected_entity_again_clears_the_selection() {
        assert_eq!(toggled(None, "RUS"), Some("RUS"));
        assert_eq!(toggled(Some("RUS"), "RUS"), None);
        assert_eq!(toggled(Some("USA"), "RUS"), Some("RUS"));
    }
}
