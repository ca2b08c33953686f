//! Reader preferences: what storage and the browser say of language, theme and contrast, read
//! once for the first view, and a switch remembered for the next visit.
//!
//! Layer: ui. Keys, names and which wins are `views::state::Prefs`'s; broken storage reads as
//! nothing stored.

use crate::views::state::{Prefs, Saved};
use gloo::storage::{LocalStorage, Storage};

/// Whether a media query matches (`false` when the browser cannot tell).
fn matches(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

/// The reader's stored choices and the browser's settings.
pub fn read() -> Prefs {
    let browser = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    let stored = |key: &str| LocalStorage::raw().get_item(key).ok().flatten();
    Prefs::read(stored, &browser, matches("(prefers-color-scheme: dark)"), matches("(prefers-contrast: more)"))
}

/// Remember a switch for the reader's next visit.
pub fn save(s: Saved) {
    let (key, value) = s.entry();
    let _ = LocalStorage::raw().set_item(key, value);
}
