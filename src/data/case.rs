//! Letter case for the scripts the atlas writes and a reader may type: Latin (with the accented
//! letters of Latin-1 and Latin Extended-A), Greek and Cyrillic. Chinese has no case; any other
//! character is left as it is. The standard library's case conversions carry tables for the
//! whole of Unicode (about 33 KB of the module) that these few simple pairs do not need.
//!
//! Layer: data. Pure functions; the tests compare them with the standard library.

/// The small letter of `c`, or `c` when it has none here.
pub fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        0x130 => 0x69,
        0x100..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x178 => 0xFF,
        0x400..=0x40F => u + 0x50,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// The capital of `c`, or `c` when it has none here (`ß` keeps its form: its capital is two
/// letters).
pub fn upper(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3CB | 0x430..=0x44F => u - 0x20,
        0x131 => 0x49,
        0x3C2 => 0x3A3,
        0xFF => 0x178,
        0x101..=0x137 | 0x14B..=0x177 if !u.is_multiple_of(2) => u - 1,
        0x13A..=0x148 | 0x17A..=0x17E if u.is_multiple_of(2) => u - 1,
        0x450..=0x45F => u - 0x50,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Whether `c` is a capital here.
pub fn is_upper(c: char) -> bool {
    lower(c) != c
}

/// `s` in small letters.
pub fn lower_str(s: &str) -> String {
    s.chars().map(lower).collect()
}

/// `s` with its first letter made a capital.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| std::iter::once(upper(c)).chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard library's mapping when it is one character, else `c` itself.
    fn single(c: char, mut mapped: impl Iterator<Item = char>) -> char {
        match (mapped.next(), mapped.next()) {
            (Some(x), None) => x,
            _ => c,
        }
    }

    fn std_lower(c: char) -> char {
        single(c, c.to_lowercase())
    }

    fn std_upper(c: char) -> char {
        single(c, c.to_uppercase())
    }

    /// Greek letters with accents or other marks (and the signs around them): left as they are.
    fn greek_with_marks(c: char) -> bool {
        matches!(c as u32, 0x370..=0x390 | 0x3AC..=0x3B0 | 0x3CC..=0x3CF)
    }

    #[test]
    fn the_scripts_handled_case_as_the_standard_library_does() {
        let handled = (0x20..0x17F).chain(0x370..0x3D0).chain(0x400..0x460).filter_map(char::from_u32);
        for c in handled.filter(|&c| !greek_with_marks(c)) {
            // İ lower-cases to "i̇" (two characters) in full; its simple small letter is i.
            let small = if c == 'İ' { 'i' } else { std_lower(c) };
            assert_eq!(lower(c), small, "lower({c}) U+{:04X}", c as u32);
            // µ (the micro sign) has the Greek capital Μ in Unicode; it is not a letter here.
            let capital = if c == 'µ' { c } else { std_upper(c) };
            assert_eq!(upper(c), capital, "upper({c}) U+{:04X}", c as u32);
        }
    }

    #[test]
    fn nothing_else_changes_and_nothing_maps_wrongly() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let (l, u) = (lower(c), upper(c));
            assert!(l == c || l == std_lower(c) || c == 'İ', "lower({c}) U+{:04X} = {l}", c as u32);
            assert!(u == c || u == std_upper(c), "upper({c}) U+{:04X} = {u}", c as u32);
        }
        assert_eq!(lower('中'), '中');
        assert_eq!(upper('ß'), 'ß', "its capital is two letters: kept");
    }

    #[test]
    fn words_and_sentences() {
        assert_eq!(lower_str("Türkiye, ÉCOLE, Россия"), "türkiye, école, россия");
        assert_eq!(capitalise("ten main partners"), "Ten main partners");
        assert_eq!(capitalise("élan"), "Élan");
        assert_eq!(capitalise(""), "");
        assert!(is_upper('A') && is_upper('Ж') && !is_upper('a') && !is_upper('1') && !is_upper('中'));
    }
}
