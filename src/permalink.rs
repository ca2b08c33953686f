//! The view in the URL: parsing and formatting the query string, as pure functions.
//!
//! Layer: between data and ui (no DOM). Unknown or malformed parameters are collected so the
//! UI can mention them; they never stop the page.

use crate::chart::Mode;
use crate::data::Lang;

/// What a query string asks for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Params {
    pub lang: Option<Lang>,
    pub theme: Option<Mode>,
    /// Parameters that were not understood, as `key=value` for a notice.
    pub ignored: Vec<String>,
}

/// Decode `%XX` escapes and `+`; invalid escapes are kept as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parse `?lang=en&theme=dark` (with or without the leading `?`).
pub fn parse(query: &str) -> Params {
    let mut p = Params::default();
    for pair in query.trim_start_matches('?').split('&').filter(|s| !s.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (decode(k), decode(v));
        match (k.as_str(), v.as_str()) {
            ("lang", "zh") => p.lang = Some(Lang::Zh),
            ("lang", "en") => p.lang = Some(Lang::En),
            ("theme", "dark") => p.theme = Some(Mode::Dark),
            ("theme", "light") => p.theme = Some(Mode::Light),
            _ => p.ignored.push(format!("{k}={v}").chars().take(60).collect()),
        }
    }
    p
}

/// Format the parameters back into a query string (empty when there is nothing to say).
pub fn format(p: &Params) -> String {
    let mut parts = Vec::new();
    if let Some(l) = p.lang {
        parts.push(format!("lang={}", if l == Lang::Zh { "zh" } else { "en" }));
    }
    if let Some(m) = p.theme {
        parts.push(format!("theme={}", if m == Mode::Dark { "dark" } else { "light" }));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_and_theme_round_trip() {
        for lang in [None, Some(Lang::Zh), Some(Lang::En)] {
            for theme in [None, Some(Mode::Light), Some(Mode::Dark)] {
                let p = Params { lang, theme, ignored: vec![] };
                assert_eq!(parse(&format(&p)), p);
            }
        }
    }

    #[test]
    fn unknown_and_malformed_parameters_are_ignored_not_fatal() {
        let p = parse("?lang=fr&theme=dark&%E4%B8%AD=1&x&%zz=%");
        assert_eq!(p.lang, None);
        assert_eq!(p.theme, Some(Mode::Dark));
        assert_eq!(p.ignored.len(), 4, "{:?}", p.ignored);
        assert!(p.ignored.contains(&"中=1".to_string()));
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5000 {
            let len = (seed % 40) as usize;
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ['%', '&', '=', '?', 'a', 'l', 'n', 'g', 'e', '1', 'F', '中', '+', '#'][(seed % 14) as usize]
                })
                .collect();
            let _ = parse(&s);
        }
    }
}
