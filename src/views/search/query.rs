//! What the reader typed, read into terms that must all match: each term with its alternatives
//! (the words themselves, the names an alias stands for, the words a misspelling is near); and the
//! score of an entry, where Chinese run together ("俄罗斯出口") may be found in pieces ("俄罗斯"
//! in the row, "出口" in the column).
//!
//! Layer: views (search). Pure functions over the index.

use super::fold::{contains, edit_distance, find, fold, is_cjk, may_start};
use super::index::{Entry, Field, Index};
use super::work;

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
    /// The term has Chinese in it and is short enough to be split: it may be found in pieces.
    pub pieces: bool,
    /// For each text of the index, how well the best alternative matches it (0: not at all).
    by_text: Vec<f32>,
    /// A term found in pieces: where its characters begin (and its length)…
    starts: Vec<usize>,
    /// …and for each text of the index, for each of its characters `i`, the furthest `j` for
    /// which the characters `i..j` are in the text (`starts.len() - 1` a text).
    reach: Vec<u8>,
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

/// The most terms a query is read into; the words after them are not read. Each term is looked
/// for in every text of the index, so this bounds a query's work however much is typed.
pub const MAX_TERMS: usize = 8;
/// The most alternatives a term has (itself, the names of its alias, near words and theirs):
/// more than any word of the atlas brings (16), few enough to bound a term's work.
pub const MAX_ALTS: usize = 24;
/// The most characters of a query's Chinese terms that are split to be found in pieces, all its
/// terms together: a longer term, or one past this many characters, is found whole or not at all.
/// (A term split asks each text of the index about its runs, at most twice per character: the
/// costliest part of a query.)
pub const MAX_SPLIT: usize = 24;

/// The words of a folded query as byte ranges (one space between words, none around them).
fn word_ranges(folded: &str) -> Vec<(usize, usize)> {
    work::add(folded.len());
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in folded.as_bytes().iter().chain([&b' ']).enumerate() {
        if c == b' ' {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    out
}

impl Query {
    /// Read `raw` against `index`: the longest aliases first (they may span words: "electric
    /// cars"), then each word alone; a term already read is not read again, and reading stops
    /// after [`MAX_TERMS`] terms, or at a term that matches nowhere (then nothing is found).
    /// Besides folding the text once, each word costs a few alias lookups: the work grows with
    /// the length of the query only that much.
    pub fn parse(index: &Index, raw: &str) -> Query {
        let folded = fold(raw);
        let words = word_ranges(&folded);
        let text = |i: usize, j: usize| &folded[words[i].0..words[j - 1].1];
        let mut terms: Vec<Term> = Vec::new();
        let mut to_split = MAX_SPLIT;
        let mut i = 0;
        while i < words.len() && terms.len() < MAX_TERMS {
            let longest = (i + index.alias_words).min(words.len());
            let (taken, names) =
                (i + 1..=longest).rev().find_map(|j| index.alias(text(i, j)).map(|n| (j - i, n))).unwrap_or((1, &[]));
            let literal = text(i, i + taken);
            i += taken;
            if terms.iter().any(|t| *t.alts[0].text == *literal) {
                continue;
            }
            let mut alts = vec![Alt { text: literal.into(), factor: 1.0 }];
            push_names(&mut alts, names, ALIAS);
            if taken == 1 {
                near_words(index, literal, &mut alts);
            }
            let chars = literal.chars().count();
            let pieces = (4..=to_split).contains(&chars) && literal.chars().any(is_cjk);
            let (mut starts, mut reach) = (Vec::new(), Vec::new());
            if pieces {
                to_split -= chars;
                starts = char_starts(literal);
                reach = reach_in_texts(index, literal, &starts);
            }
            let term = Term { pieces, by_text: by_text(index, &alts), alts, starts, reach };
            let nowhere = !term.pieces && term.by_text.iter().all(|&q| q == 0.0);
            terms.push(term);
            if nowhere {
                break;
            }
        }
        let phrase = match terms.len() > 1 {
            true => by_text(index, &[Alt { text: text(0, i).into(), factor: 1.0 }]),
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
        let best = |table: &[f32]| {
            work::add(e.fields.len() + index.context_of(e).len());
            fields().map(|f| table[f.text as usize] * f32::from(f.weight)).fold(0.0, f32::max)
        };
        // Words found side by side, as typed ("table 3"), count once more.
        let mut total = if self.phrase.is_empty() { 0.0 } else { best(&self.phrase) };
        for t in &self.terms {
            let mut s = best(&t.by_text);
            if s == 0.0 && t.pieces {
                // The furthest run from each character found in a field of the entry.
                let n = t.starts.len() - 1;
                let reach = |i: usize| {
                    work::add(e.fields.len() + index.context_of(e).len());
                    fields().map(|f| usize::from(t.reach[f.text as usize * n + i])).max().unwrap_or(i)
                };
                if reach(0) < 2 {
                    return None;
                }
                let pieces = split_by(&t.alts[0].text, &t.starts, &(0..n).map(reach).collect::<Vec<_>>());
                if pieces.is_empty() {
                    return None;
                }
                let piece = |p: &str| {
                    let q = |f: &Field| quality(index.text(f), p).map(|q| q * PIECES * f32::from(f.weight));
                    fields().filter_map(q).fold(0.0, f32::max) * p.chars().count() as f32
                };
                // A piece that comes again ("中国中国…") is scored once.
                let mut scored: Vec<(&str, f32)> = Vec::new();
                for p in &pieces {
                    let v = match scored.iter().find(|(q, _)| q == p) {
                        Some(&(_, v)) => v,
                        None => piece(p),
                    };
                    scored.push((p, v));
                }
                s = scored.iter().map(|(_, v)| v).sum::<f32>() / t.alts[0].text.chars().count() as f32;
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
            if t.pieces && find(hay, &t.alts[0].text).is_none() {
                out.extend(split(&t.alts[0].text, |p| contains(hay, p)).into_iter().map(Box::from));
            }
        }
        out
    }
}

/// Add `names` not there yet, up to [`MAX_ALTS`] alternatives.
fn push_names(alts: &mut Vec<Alt>, names: &[Box<str>], factor: f32) {
    for n in names {
        if alts.len() < MAX_ALTS && !alts.iter().any(|a| a.text == *n) {
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
    for w in index.words.split_terminator(' ') {
        if alts.len() >= MAX_ALTS {
            return;
        }
        if alts.iter().any(|a| *a.text == *w) {
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

/// Where the characters of `term` begin, and its length.
fn char_starts(term: &str) -> Vec<usize> {
    (0..=term.len()).filter(|&i| term.is_char_boundary(i)).collect()
}

/// For each of `n` characters `i`, the furthest `j` for which `has(i, j)` accepts the characters
/// `i..j`, pushed to `out`. `has` is asked at most twice per character: a run accepted has every
/// part of it accepted, so the furthest run from a character never ends before the one from the
/// character before.
fn runs_found(n: usize, has: &dyn Fn(usize, usize) -> bool, out: &mut Vec<usize>) {
    let mut j = 0;
    for i in 0..n {
        j = j.max(i);
        while j < n && has(i, j + 1) {
            j += 1;
        }
        out.push(j);
    }
}

/// For each text of the index in turn, [`runs_found`] there for `term` (its characters beginning
/// at `b`): `b.len() - 1` bytes a text. A run is looked for only when each of its characters is
/// in the text (each character looked for once a text).
fn reach_in_texts(index: &Index, term: &str, b: &[usize]) -> Vec<u8> {
    let n = b.len() - 1;
    let char_at = |i: usize| &term[b[i]..b[i + 1]];
    // Where each character of the term first comes.
    let first: Vec<usize> = (0..n).map(|i| (0..i).find(|&k| char_at(k) == char_at(i)).unwrap_or(i)).collect();
    let (mut reach, mut runs, mut present) = (Vec::with_capacity(index.texts.len() * n), Vec::new(), Vec::new());
    for t in index.texts.iter() {
        // An ASCII text holds none of the term's other characters: it is not searched for them.
        work::add(t.len());
        let ascii = t.is_ascii();
        present.clear();
        for (i, &k) in first.iter().enumerate() {
            let c = char_at(i);
            present.push(if k < i { present[k] } else { (!ascii || c.is_ascii()) && contains(t, c) });
        }
        let has =
            |i: usize, j: usize| present[i..j].iter().all(|&p| p) && (j == i + 1 || contains(t, &term[b[i]..b[j]]));
        runs.clear();
        runs_found(n, &has, &mut runs);
        reach.extend(runs.iter().map(|&j| j as u8));
    }
    reach
}

/// Split `term` (its characters beginning at `b`) into runs of two or more characters, each within
/// `reach` of where it begins, the longest first run first; empty when there is no such split.
fn split_by<'t>(term: &'t str, b: &[usize], reach: &[usize]) -> Vec<&'t str> {
    let n = b.len() - 1;
    // next[i]: where the first run of a split of the characters from i ends, the furthest that
    // leaves a split of the rest (n ends the term). `ends` holds the places a split goes on from,
    // furthest first; those beyond what one character reaches are beyond what any before it
    // reaches (reach never shrinks along the term).
    let mut next: Vec<Option<usize>> = vec![None; n + 1];
    next[n] = Some(n);
    let mut ends = vec![n];
    let mut k = 0;
    for i in (0..n.saturating_sub(1)).rev() {
        while ends.get(k).is_some_and(|&e| e > reach[i]) {
            k += 1;
        }
        if let Some(&e) = ends.get(k).filter(|&&e| e >= i + 2) {
            next[i] = Some(e);
            ends.push(i);
        }
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

/// Split a Chinese term of four to [`MAX_SPLIT`] characters into runs of two or more that `has`
/// accepts, the longest first run first ("俄罗斯出口" → "俄罗斯", "出口"); empty when there is no
/// such split. `has` is asked at most twice per character.
fn split(term: &str, has: impl Fn(&str) -> bool) -> Vec<&str> {
    if !(4..=MAX_SPLIT).contains(&term.chars().take(MAX_SPLIT + 1).count()) {
        return Vec::new();
    }
    let b = char_starts(term);
    if !has(&term[..b[2]]) {
        return Vec::new();
    }
    let mut reach = Vec::new();
    runs_found(b.len() - 1, &|i, j| has(&term[b[i]..b[j]]), &mut reach);
    split_by(term, &b, &reach)
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
    fn a_split_asks_about_at_most_two_runs_per_character() {
        let asked = std::cell::Cell::new(0);
        let has = |p: &str| {
            asked.set(asked.get() + 1);
            ["中国", "国中"].iter().any(|f| f.contains(p))
        };
        let term = "中国".repeat(MAX_SPLIT / 2);
        assert_eq!(split(&term, has).len(), MAX_SPLIT / 2, "中国 + 中国 + …");
        assert!(asked.get() <= 2 * MAX_SPLIT + 1, "{} questions for {MAX_SPLIT} characters", asked.get());
        asked.set(0);
        assert!(split(&"中国".repeat(MAX_SPLIT), has).is_empty(), "past the limit: not split");
        assert_eq!(asked.get(), 0);
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
