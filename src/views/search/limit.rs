//! How long a query may be: the search field and the address (`?q=`) hold at most [`MAX_CHARS`]
//! characters, and a reader who pastes or links more is told that the query was shortened.
//!
//! Layer: views (search). Pure functions; the field and `permalink::search_query` both cut with
//! [`limit`].

use crate::data::Lang;
use crate::views::words::fill;

/// The most characters (Unicode scalar values) a query holds, typed, pasted or from the address.
pub const MAX_CHARS: usize = 100;

/// `text` cut to [`MAX_CHARS`] characters on a character boundary, and whether anything was cut.
pub fn limit(text: &str) -> (&str, bool) {
    match text.char_indices().nth(MAX_CHARS) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}

/// What the reader is told beside the field when the query was shortened.
pub fn shortened(lang: Lang) -> String {
    fill(crate::i18n::SEARCH_SHORTENED, lang, &[&MAX_CHARS.to_string()])
}

/// What the search's live region says: the results' summary, after the notice when the query
/// was shortened.
pub fn announcement(summary: String, cut: bool, lang: Lang) -> String {
    if !cut {
        return summary;
    }
    let mut said = shortened(lang);
    said.push(' ');
    said.push_str(&summary);
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_cut_at_the_limit_on_a_character_boundary_and_says_so() {
        let a = "a".repeat(MAX_CHARS);
        assert_eq!(limit(&a), (a.as_str(), false), "exactly the limit is kept whole");
        assert_eq!(limit(&format!("{a}b")), (a.as_str(), true));
        assert_eq!(limit(""), ("", false));
        let guo = "国".repeat(MAX_CHARS + 1);
        let (kept, cut) = limit(&guo);
        assert!(cut);
        assert_eq!(kept.chars().count(), MAX_CHARS, "characters are counted, not bytes");
        assert_eq!(kept.len(), 3 * MAX_CHARS);
        let marks = "e\u{301}".repeat(MAX_CHARS);
        assert_eq!(limit(&marks).0, "e\u{301}".repeat(MAX_CHARS / 2), "a combining mark is a character");
        let odd = format!("{}🚢🚢", "x".repeat(MAX_CHARS - 1));
        assert_eq!(limit(&odd), (&odd[..odd.len() - 4], true), "never inside a four-byte character");
    }

    #[test]
    fn a_shortened_query_is_told_in_both_languages_before_the_results() {
        assert_eq!(shortened(Lang::En), "Too long for the search: only its first 100 characters are kept.");
        assert_eq!(shortened(Lang::Zh), "搜索内容过长,只保留了前 100 个字符。");
        assert_eq!(announcement("1 result: 1 figure".into(), false, Lang::En), "1 result: 1 figure");
        assert_eq!(
            announcement("没有找到结果。".into(), true, Lang::Zh),
            "搜索内容过长,只保留了前 100 个字符。 没有找到结果。"
        );
    }
}
