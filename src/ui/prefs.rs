//! Reader preferences: what storage (localStorage via gloo) and the browser say about language,
//! theme and contrast, read once for the first view, and a switch remembered for the next visit.
//!
//! Layer: ui. Which wins over which is `views::state::Prefs`'s rule; broken or missing storage
//! reads as nothing stored.

use crate::chart::Mode;
use crate::data::Lang;
use crate::views::state::{Prefs, Saved};
use gloo::storage::{LocalStorage, Storage};

const LANG_KEY: &str = "trade-atlas.lang";
const THEME_KEY: &str = "trade-atlas.theme";
const CONTRAST_KEY: &str = "trade-atlas.contrast";

fn stored(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Whether a media query matches (`false` when the browser cannot tell).
fn matches(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

/// The reader's stored choices and the browser's settings.
pub fn read() -> Prefs {
    let nav = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    Prefs {
        lang: stored(LANG_KEY).and_then(|c| Lang::from_code(&c)),
        browser: Lang::from_tag(&nav),
        mode: stored(THEME_KEY).and_then(|n| Mode::from_name(&n)),
        dark: matches("(prefers-color-scheme: dark)"),
        contrast: stored(CONTRAST_KEY).and_then(|c| match c.as_str() {
            "more" => Some(true),
            "normal" => Some(false),
            _ => None,
        }),
        more_contrast: matches("(prefers-contrast: more)"),
    }
}

/// Remember a switch for the reader's next visit.
pub fn save(s: Saved) {
    let (key, value) = match s {
        Saved::Lang(l) => (LANG_KEY, l.code()),
        Saved::Mode(m) => (THEME_KEY, m.as_str()),
        Saved::Contrast(more) => (CONTRAST_KEY, if more { "more" } else { "normal" }),
    };
    let _ = LocalStorage::raw().set_item(key, value);
}
