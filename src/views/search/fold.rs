//! Text folded for matching: lower case, full-width forms as half-width (ＴＥＵ → teu, ＵＳＡ →
//! usa), punctuation dropped; one space between Latin words and none around Chinese (which is
//! written without spaces, so "2023 年" and "2023年", "一带 一路" and "一带一路" fold alike);
//! digits keep their decimal point and lose their thousands separators ("6,644.51" → "6644.51").
//!
//! Layer: views (search). Pure functions over text, used on both sides: the index folds what the
//! atlas holds, the query folds what the reader types, and highlighting folds a displayed text
//! with a map back to its original bytes.

use super::work;

/// Whether a character belongs to a script written without spaces between words (Chinese,
/// Japanese kana, Korean syllables).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x2FDF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Whether a (folded) character is part of a word: letters, digits and ideographs; never
/// punctuation, symbols or spaces.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_cjk(c) || matches!(c as u32, 0xC0..=0x24F | 0x370..=0x52F) && c != '×' && c != '÷'
}

/// One character as matching sees it: full-width forms as ASCII, the ideographic space as a
/// space, small letters (`data::case`: Latin, Greek and Cyrillic).
fn fold_char(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    crate::data::case::lower(c)
}

/// Fold `s` into `out`; with `src`, record for every byte pushed the original byte range it
/// comes from (a space stands for the separator before the next character).
fn fold_into(s: &str, out: &mut String, mut src: Option<&mut Vec<(u32, u32)>>) {
    work::add(s.len());
    let mut chars = s.char_indices().map(|(i, c)| (i, i + c.len_utf8(), fold_char(c))).peekable();
    let mut gap = false;
    let mut prev: Option<char> = None;
    while let Some((start, end, c)) = chars.next() {
        let next = chars.peek().map(|&(_, _, n)| n);
        let between_digits = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        if between_digits && c == ',' && !gap {
            continue; // a thousands separator
        }
        if !(is_word(c) || between_digits && c == '.' && !gap) {
            gap = prev.is_some();
            continue;
        }
        if gap && prev.is_some_and(|p| !is_cjk(p)) && !is_cjk(c) {
            out.push(' ');
            if let Some(m) = src.as_deref_mut() {
                m.push((start as u32, start as u32));
            }
        }
        gap = false;
        out.push(c);
        if let Some(m) = src.as_deref_mut() {
            m.extend(std::iter::repeat_n((start as u32, end as u32), c.len_utf8()));
        }
        prev = Some(c);
    }
}

/// `s` folded for matching.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, None);
    out
}

/// A displayed text folded, with the way back to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapped {
    pub text: String,
    /// For every byte of `text`, the byte range of the original it comes from.
    src: Vec<(u32, u32)>,
}

impl Mapped {
    pub fn new(s: &str) -> Mapped {
        let (mut text, mut src) = (String::with_capacity(s.len()), Vec::with_capacity(s.len()));
        fold_into(s, &mut text, Some(&mut src));
        Mapped { text, src }
    }

    /// The original byte range of the folded bytes `a..b` (`a < b`).
    pub fn original(&self, a: usize, b: usize) -> (usize, usize) {
        (self.src[a].0 as usize, self.src[b - 1].1 as usize)
    }
}

/// Whether a match may begin at byte `at` of folded `hay`: at a word's start (after a space, or
/// where Chinese meets Latin or digits meet letters), or anywhere for a Chinese needle.
pub fn may_start(hay: &str, at: usize, needle_cjk: bool) -> bool {
    let Some(c) = hay[at..].chars().next() else { return false };
    let Some(p) = hay[..at].chars().next_back() else { return true };
    needle_cjk || p == ' ' || is_cjk(p) != is_cjk(c) || p.is_ascii_digit() != c.is_ascii_digit()
}

/// Where folded `needle` first occurs in folded `hay` at a place [`may_start`] allows.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    find_from(hay, needle, 0)
}

/// [`find`], from byte `from` of `hay` on.
pub fn find_from(hay: &str, needle: &str, mut from: usize) -> Option<usize> {
    let cjk = needle.chars().next().is_some_and(is_cjk);
    while let Some(at) = position(hay.as_bytes(), needle.as_bytes(), from) {
        if may_start(hay, at, cjk) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether folded `needle` occurs anywhere in `hay`.
pub fn contains(hay: &str, needle: &str) -> bool {
    position(hay.as_bytes(), needle.as_bytes(), 0).is_some()
}

/// Where `needle` first occurs in `hay` from byte `from` on: a plain scan for its first byte,
/// quicker than a general string search on the short texts of the index. (A match always begins
/// on a character: UTF-8's first bytes never equal its continuation bytes.) Its work is at most
/// the bytes of `hay` times those of `needle`, and nothing when the needle is the longer.
fn position(hay: &[u8], needle: &[u8], mut from: usize) -> Option<usize> {
    work::add(1);
    let (&first, rest) = needle.split_first()?;
    while from + needle.len() <= hay.len() {
        let window = &hay[from..=hay.len() - needle.len()];
        let Some(skip) = window.iter().position(|&b| b == first) else {
            work::add(window.len());
            return None;
        };
        work::add(skip + needle.len());
        from += skip;
        if hay[from + 1..].starts_with(rest) {
            return Some(from);
        }
        from += 1;
    }
    None
}

/// Edit distance between two ASCII words of under 32 letters, or `None` when it exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    work::add(1);
    if a.len().abs_diff(b.len()) > max || b.len() >= 32 {
        return None;
    }
    let mut row = [0usize; 32];
    (0..=b.len()).for_each(|j| row[j] = j);
    for (i, &ca) in a.iter().enumerate() {
        work::add(b.len());
        let mut diag = row[0];
        row[0] = i + 1;
        let mut best = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
            best = best.min(next);
        }
        if best > max {
            return None;
        }
    }
    Some(row[b.len()]).filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_width_punctuation_and_spacing_fold_away() {
        assert_eq!(fold("ＴＥＵ"), "teu");
        assert_eq!(fold("Ｂ＆Ｒ"), fold("B&R"));
        assert_eq!(fold("B&R"), "b r");
        assert_eq!(fold("“一带一路”沿线国家"), "一带一路沿线国家");
        assert_eq!(fold("一带　一路"), "一带一路", "an ideographic space");
        assert_eq!(fold("2023 年 1—11 月"), "2023年1 11月");
        assert_eq!(fold("  China–Europe Railway   Express "), "china europe railway express");
        assert_eq!(fold("US$664.451 billion"), "us 664.451 billion");
    }

    #[test]
    fn numbers_keep_their_decimal_point_and_lose_thousands_separators() {
        assert_eq!(fold("6,644.51 亿美元"), "6644.51亿美元");
        assert_eq!(fold("−11.6%"), "11.6");
        assert_eq!(fold("end. 2023"), "end 2023", "a full stop is not a decimal point");
        assert_eq!(fold("1, 2"), "1 2", "a comma and a space separate numbers");
    }

    #[test]
    fn a_folded_display_text_maps_back_to_its_original_bytes() {
        let m = Mapped::new("Ｒｕｓｓｉａ · Exports");
        let at = find(&m.text, "russia").unwrap();
        let (a, b) = m.original(at, at + "russia".len());
        assert_eq!(&"Ｒｕｓｓｉａ · Exports"[a..b], "Ｒｕｓｓｉａ");
        let at = find(&m.text, "exports").unwrap();
        let (a, b) = m.original(at, at + 7);
        assert_eq!(&"Ｒｕｓｓｉａ · Exports"[a..b], "Exports");
    }

    #[test]
    fn latin_matches_begin_at_words_and_chinese_matches_anywhere() {
        assert_eq!(find("russia", "us"), None, "not inside a word");
        assert_eq!(find("the us market", "us"), Some(4));
        assert_eq!(find("对俄罗斯出口", "俄罗斯"), Some(3));
        assert_eq!(find("2023年", "年"), Some(4));
        assert_eq!(find("美元2023", "2023"), Some(6), "digits after Chinese begin a word");
    }

    #[test]
    fn edit_distance_stops_at_the_limit() {
        assert_eq!(edit_distance("rusia", "russia", 1), Some(1));
        assert_eq!(edit_distance("germnay", "germany", 2), Some(2));
        assert_eq!(edit_distance("port", "export", 1), None);
        assert_eq!(edit_distance("china", "china", 1), Some(0));
    }
}
