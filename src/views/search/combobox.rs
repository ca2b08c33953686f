//! The search field as a combobox (the WAI-ARIA pattern): what each key does in the field, when
//! its list of results shows, and which keys reach for it from anywhere on the page.
//!
//! Layer: views (search). Pure rules, like `views::tour::key`; `ui::search` calls them on its
//! events and carries out the move.

/// What a key in the field does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Show the list.
    Open,
    /// Mark an option as the active one (an index into the shown results).
    Active(usize),
    /// Take an option.
    Choose(usize),
    /// Hide the list (Escape while it shows).
    Close,
    /// Empty the field (Escape while the list is hidden).
    Clear,
    /// Tab: the list closes and the focus moves on as usual.
    Leave,
    /// The key is the field's but moves nothing (the arrows when nothing is found).
    Stay,
}

impl Move {
    /// Whether the browser's own action for the key still happens (only Tab's).
    pub fn keeps_default(self) -> bool {
        self == Move::Leave
    }
}

/// What `key` does in the field, with the list `open` or not, the `active` option and `n` shown
/// results: ↓/↑ open the list, then step through the options and wrap round; Enter takes the
/// active option (the first when none is); Escape hides the list, then empties the field; Tab
/// closes it. `None`: the key is the field's typing.
pub fn key(key: &str, open: bool, active: Option<usize>, n: usize) -> Option<Move> {
    match key {
        "ArrowDown" | "ArrowUp" if !open => Some(Move::Open),
        "ArrowDown" | "ArrowUp" if n == 0 => Some(Move::Stay),
        "ArrowDown" => Some(Move::Active(active.map_or(0, |i| (i + 1) % n))),
        "ArrowUp" => Some(Move::Active(active.map_or(n - 1, |i| (i + n - 1) % n))),
        "Enter" if open && n > 0 => Some(Move::Choose(active.unwrap_or(0).min(n - 1))),
        "Escape" if open => Some(Move::Close),
        "Escape" => Some(Move::Clear),
        "Tab" => Some(Move::Leave),
        _ => None,
    }
}

/// What the field shows besides itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shows {
    /// The list of results: open, with something typed and something found.
    pub list: bool,
    /// The "nothing found" line: open, with something typed and nothing found.
    pub none: bool,
    /// The announcement of what was found: open, with something typed.
    pub summary: bool,
}

/// What shows with the list `open` or not, `text` typed and something `found` or not.
pub fn shows(open: bool, text: &str, found: bool) -> Shows {
    let asked = open && !text.trim().is_empty();
    Shows { list: asked && found, none: asked && !found, summary: asked }
}

/// Whether a key pressed anywhere reaches for the search: Ctrl/⌘+K always, `/` unless the reader
/// is typing in a field (or holds a modifier).
pub fn shortcut(key: &str, ctrl_or_meta: bool, alt: bool, typing: bool) -> bool {
    (ctrl_or_meta && key.eq_ignore_ascii_case("k")) || (key == "/" && !ctrl_or_meta && !alt && !typing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arrows_open_the_list_then_step_through_the_options_and_wrap_round() {
        assert_eq!(key("ArrowDown", false, None, 5), Some(Move::Open));
        assert_eq!(key("ArrowUp", false, Some(2), 5), Some(Move::Open));
        assert_eq!(key("ArrowDown", true, None, 5), Some(Move::Active(0)));
        assert_eq!(key("ArrowUp", true, None, 5), Some(Move::Active(4)));
        assert_eq!(key("ArrowDown", true, Some(4), 5), Some(Move::Active(0)), "past the last: the first");
        assert_eq!(key("ArrowUp", true, Some(0), 5), Some(Move::Active(4)), "before the first: the last");
        assert_eq!(key("ArrowDown", true, None, 0), Some(Move::Stay));
    }

    #[test]
    fn enter_takes_the_active_option_or_the_first_and_only_from_an_open_list() {
        assert_eq!(key("Enter", true, Some(3), 5), Some(Move::Choose(3)));
        assert_eq!(key("Enter", true, None, 5), Some(Move::Choose(0)));
        assert_eq!(key("Enter", true, Some(7), 5), Some(Move::Choose(4)), "a stale option after a new search");
        assert_eq!(key("Enter", false, None, 5), None);
        assert_eq!(key("Enter", true, None, 0), None);
    }

    #[test]
    fn escape_hides_the_list_then_empties_the_field_and_tab_closes_it_as_it_leaves() {
        assert_eq!(key("Escape", true, Some(1), 5), Some(Move::Close));
        assert_eq!(key("Escape", false, None, 5), Some(Move::Clear));
        assert_eq!(key("Tab", true, None, 5), Some(Move::Leave));
        assert!(Move::Leave.keeps_default() && !Move::Close.keeps_default() && !Move::Stay.keeps_default());
        assert_eq!(key("a", true, None, 5), None, "typing");
    }

    #[test]
    fn the_list_shows_only_when_open_with_something_typed_and_found_else_the_field_says_nothing_was() {
        assert_eq!(shows(true, "TEU", true), Shows { list: true, none: false, summary: true });
        assert_eq!(shows(true, "xyzzy", false), Shows { list: false, none: true, summary: true });
        let quiet = Shows { list: false, none: false, summary: false };
        assert_eq!((shows(false, "TEU", true), shows(true, "  ", false)), (quiet, quiet), "closed, or nothing typed");
    }

    #[test]
    fn slash_and_ctrl_k_reach_for_the_search_unless_slash_is_typed_in_a_field() {
        assert!(shortcut("/", false, false, false));
        assert!(!shortcut("/", false, false, true), "a slash typed in a field");
        assert!(!shortcut("/", true, false, false) && !shortcut("/", false, true, false), "with a modifier");
        assert!(shortcut("k", true, false, true) && shortcut("K", true, false, false), "Ctrl/⌘+K even in a field");
        assert!(!shortcut("k", false, false, false));
    }
}
