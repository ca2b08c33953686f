//! Reader preferences: language and theme, from storage or the browser.
//!
//! Layer: ui. Stored choices (localStorage via gloo) win over the browser's language and
//! `prefers-color-scheme`; broken or missing storage falls back silently to the browser.

use crate::chart::Mode;
use crate::data::Lang;
use crate::permalink::Params;
use gloo::storage::{LocalStorage, Storage};

const LANG_KEY: &str = "trade-atlas.lang";
const THEME_KEY: &str = "trade-atlas.theme";

/// The parameters of the page's address (`?lang=en&theme=dark`), parsed once at start.
pub fn url_params() -> Params {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    crate::permalink::parse(&search)
}

fn stored(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// The language to start in: the address, then the reader's stored choice, then the browser.
pub fn initial_lang(p: &Params) -> Lang {
    if let Some(l) = p.lang.or_else(|| stored(LANG_KEY).and_then(|c| Lang::from_code(&c))) {
        return l;
    }
    let nav = web_sys::window().map(|w| w.navigator());
    let tag = nav.and_then(|n| n.language()).unwrap_or_default();
    Lang::from_tag(&tag)
}

/// The theme to start in: the address, then the stored choice, then `prefers-color-scheme`.
pub fn initial_mode(p: &Params) -> Mode {
    if let Some(m) = p.theme {
        return m;
    }
    // An address that names a language but no theme means the light theme (the default).
    // A permalink names its language and omits the light theme: an address with a language but
    // no theme is a light view, whatever this reader's own preference.
    if p.lang.is_some() {
        return Mode::Light;
    }
    if let Some(m) = stored(THEME_KEY).and_then(|n| Mode::from_name(&n)) {
        return m;
    }
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    if dark {
        Mode::Dark
    } else {
        Mode::Light
    }
}

const CONTRAST_KEY: &str = "trade-atlas.contrast";

/// High contrast: the stored choice, else `prefers-contrast: more`.
pub fn initial_contrast(p: &Params) -> bool {
    if let Some(c) = p.contrast {
        return c;
    }
    match stored(CONTRAST_KEY).as_deref() {
        Some("more") => return true,
        Some("normal") => return false,
        _ => {}
    }
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-contrast: more)").ok().flatten())
        .is_some_and(|m| m.matches())
}

pub fn save_contrast(more: bool) {
    let _ = LocalStorage::raw().set_item(CONTRAST_KEY, if more { "more" } else { "normal" });
}

pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::raw().set_item(LANG_KEY, lang.code());
}

pub fn save_mode(mode: Mode) {
    let _ = LocalStorage::raw().set_item(THEME_KEY, mode.as_str());
}
