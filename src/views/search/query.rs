//! What the reader typed, read into terms that must all match: each term with its alternatives
//! (the words themselves, the names an alias stands for, the words a misspelling is near); and the
//! score of an entry, where Chinese run together ("俄罗斯出口") may be found in pieces ("俄罗斯"
//! in the row, "出口" in the column).
//!
//! Layer: views (search). Pure functions over the index.

use super::fold::{contains, edit_distance, find, fold, is_cjk, may_start};
use super::index::{Entry, Field, Index};

/// One way a term may be found, and how much a match through it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Alt {
    pub text: Box<str>,
    pub factor: f32,
}

/// One term of the query: found when any alternative is, or (Chinese) when the term splits into
/// runs each found in the entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub alts: Vec<Alt>,
    /// The term has Chinese in it, so it may be split.
    pub cjk: bool,
    /// For each text of the index, how well the best alternative matches it (0: not at all).
    by_text: Vec<f32>,
}

/// A query read against the index.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
    /// For each text of the index, how well the whole query matches it as typed, when it has more
    /// than one term ("table 3").
    phrase: Vec<f32>,
}

/// For each text of the index, the best match of any of `alts`.
fn by_text(index: &Index, alts: &[Alt]) -> Vec<f32> {
    let best = |t: &str| alts.iter().filter_map(|a| quality(t, &a.text).map(|q| q * a.factor)).fold(0.0, f32::max);
    index.texts.iter().map(|t| best(t)).collect()
}

/// How much a match through an alias, a one-edit or a two-edit correction counts.
const ALIAS: f32 = 0.9;
const NEAR_1: f32 = 0.7;
const NEAR_2: f32 = 0.55;
/// How much a Chinese term found only in pieces counts.
const PIECES: f32 = 0.8;

impl Query {
    /// Read `raw` against `index`: the longest aliases first (they may span words: "electric
    /// cars"), then each word alone.
    pub fn parse(index: &Index, raw: &str) -> Query {
        let folded = fold(raw);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let mut terms = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (taken, names) = (i + 1..=words.len())
                .rev()
                .find_map(|j| index.alias(&words[i..j].join(" ")).map(|n| (j - i, n)))
                .unwrap_or((1, &[]));
            let literal = words[i..i + taken].join(" ");
            let mut alts = vec![Alt { text: literal.as_str().into(), factor: 1.0 }];
            push_names(&mut alts, names, ALIAS);
            if taken == 1 {
                near_words(index, &literal, &mut alts);
            }
            terms.push(Term { cjk: literal.chars().any(is_cjk), by_text: by_text(index, &alts), alts });
            i += taken;
        }
        let phrase = match terms.len() > 1 {
            true => by_text(index, &[Alt { text: words.join(" ").into(), factor: 1.0 }]),
            false => Vec::new(),
        };
        Query { terms, phrase }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The entry's score: the sum over terms of each term's best match, or `None` when a term
    /// matches nowhere in the entry.
    pub fn score(&self, index: &Index, e: &Entry) -> Option<f32> {
        let fields = || e.fields.iter().chain(index.context_of(e));
        let best = |table: &[f32]| fields().map(|f| table[f.text as usize] * f32::from(f.weight)).fold(0.0, f32::max);
        // Words found side by side, as typed ("table 3"), count once more.
        let mut total = if self.phrase.is_empty() { 0.0 } else { best(&self.phrase) };
        for t in &self.terms {
            let mut s = best(&t.by_text);
            if s == 0.0 && t.cjk {
                let pieces = split(&t.alts[0].text, |p| fields().any(|f| contains(index.text(f), p)));
                if pieces.is_empty() {
                    return None;
                }
                let piece = |p: &str| {
                    let q = |f: &Field| quality(index.text(f), p).map(|q| q * PIECES * f32::from(f.weight));
                    fields().filter_map(q).fold(0.0, f32::max) * p.chars().count() as f32
                };
                s = pieces.iter().map(|p| piece(p)).sum::<f32>() / t.alts[0].text.chars().count() as f32;
            }
            if s == 0.0 {
                return None;
            }
            total += s;
        }
        Some(total)
    }

    /// Every text a highlight looks for in a folded text: each alternative, and the runs a
    /// Chinese term splits into there when it is not there whole.
    pub fn needles(&self, hay: &str) -> Vec<Box<str>> {
        let mut out: Vec<Box<str>> = Vec::new();
        for t in &self.terms {
            out.extend(t.alts.iter().map(|a| a.text.clone()));
            if t.cjk && find(hay, &t.alts[0].text).is_none() {
                out.extend(split(&t.alts[0].text, |p| contains(hay, p)).into_iter().map(Box::from));
            }
        }
        out
    }
}

fn push_names(alts: &mut Vec<Alt>, names: &[Box<str>], factor: f32) {
    for n in names {
        if !alts.iter().any(|a| a.text == *n) {
            alts.push(Alt { text: n.clone(), factor });
        }
    }
}

/// How well folded `needle` matches folded `hay`: the whole of it, its start, a word's start, or
/// (Chinese) inside; `None` when it is not there.
fn quality(hay: &str, needle: &str) -> Option<f32> {
    let at = find(hay, needle)?;
    let q = if hay.len() == needle.len() {
        1.0
    } else if at == 0 {
        0.9
    } else if may_start(hay, at, false) {
        0.75
    } else {
        0.6
    };
    // Digits that stop inside a longer number ("3" in "3179.99") count half.
    let cut = needle.ends_with(|c: char| c.is_ascii_digit())
        && hay[at + needle.len()..].starts_with(|c: char| c.is_ascii_digit() || c == '.');
    Some(if cut { q / 2.0 } else { q })
}

/// The words of the index a Latin word of four letters or more may be a misspelling of (one edit
/// from four letters, two from eight), when the index has no word beginning with it; an alias
/// among them brings its names too.
fn near_words(index: &Index, word: &str, alts: &mut Vec<Alt>) {
    if word.len() < 4
        || !word.bytes().all(|b| b.is_ascii_lowercase())
        || index.texts.iter().any(|t| find(t, word).is_some())
    {
        return;
    }
    let max = if word.len() >= 8 { 2 } else { 1 };
    let texts = index.texts.iter().map(|t| &**t).chain(index.aliases.iter().map(|(a, _)| &**a));
    for w in texts.flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic())) {
        if w.len() < 3 || alts.iter().any(|a| *a.text == *w) {
            continue;
        }
        let Some(d) = edit_distance(word, w, max) else { continue };
        let factor = if d <= 1 { NEAR_1 } else { NEAR_2 };
        alts.push(Alt { text: w.into(), factor });
        if let Some(names) = index.alias(w) {
            push_names(alts, names, factor * ALIAS);
        }
    }
}

/// Split a Chinese term of four characters or more into runs of two or more that `has` accepts,
/// the longest first run first ("俄罗斯出口" → "俄罗斯", "出口"); empty when there is no such split.
fn split(term: &str, has: impl Fn(&str) -> bool) -> Vec<&str> {
    let b: Vec<usize> = term.char_indices().map(|(i, _)| i).chain([term.len()]).collect();
    let n = b.len() - 1;
    if n < 4 || !has(&term[..b[2]]) {
        return Vec::new();
    }
    // next[i]: where the first run of a split of the chars from i ends (n ends the term).
    let mut next: Vec<Option<usize>> = vec![None; n + 1];
    next[n] = Some(n);
    for i in (0..n.saturating_sub(1)).rev() {
        next[i] = (i + 2..=n).rev().find(|&j| next[j].is_some() && has(&term[b[i]..b[j]]));
    }
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(j) = next[i] else { return Vec::new() };
        pieces.push(&term[b[i]..b[j]]);
        i = j;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_run_together_splits_into_the_longest_runs_the_atlas_names() {
        let fields = ["俄罗斯", "出口", "进口", "上海港", "港口城市"];
        let has = |p: &str| fields.iter().any(|f| f.contains(p));
        assert_eq!(split("俄罗斯出口", has), ["俄罗斯", "出口"]);
        assert_eq!(split("上海港口", has), ["上海", "港口"], "not 上海港 + 口: every run has two characters");
        assert!(split("俄罗斯", has).is_empty(), "three characters are found whole or not at all");
        assert!(split("俄罗斯火星", has).is_empty(), "a run found nowhere");
        assert!(split("海外上海", has).is_empty(), "no single characters: 海 + 外 are not runs");
    }

    #[test]
    fn a_match_counts_most_for_the_whole_field_then_its_start_then_a_word() {
        assert_eq!(quality("russia", "russia"), Some(1.0));
        assert_eq!(quality("russia exports", "russia"), Some(0.9));
        assert_eq!(quality("exports to russia", "russia"), Some(0.75));
        assert_eq!(quality("对俄罗斯出口", "俄罗斯"), Some(0.6));
        assert_eq!(quality("prussia", "russia"), None);
        assert_eq!(quality("table 3", "3"), Some(0.75));
        assert_eq!(quality("3179.99", "3"), Some(0.45), "a number's first digit is not the number");
    }
}
