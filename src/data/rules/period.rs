//! The period rule: every period the atlas shows is stated in the paper (with the words it uses),
//! inferred by the atlas (marked, with the reason shown to readers), or not given.
//!
//! Layer: data (shared validation rules). Pure functions over text.
//!
//! A period comes with a basis (`period_basis` in a CSV, `period_basis` in `data/datasets.toml`):
//!
//! - `paper`: the Chinese period is the paper's own words;
//! - `paper: <words>`: the paper's words, when the period shown is phrased differently. Every number
//!   of the Chinese period must be among the words' numbers, and every number of the English period
//!   among the Chinese period's (so a year the paper does not give cannot slip in);
//! - `inferred`: the atlas's reading, with `period_reason_zh` and `period_reason_en`. Readers see the
//!   period followed by "(推断:…)" / "(inferred: …)";
//! - `not given`: the paper gives no date; the period cells stay empty and readers see
//!   "原文未注明时间" / "Date not given in the paper";
//! - `rows` (a dataset only): every row states its own period; the dataset's period summarises them.

use super::{Checked, Pair};

/// Where a period comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// Stated in the paper, in these words.
    Paper(String),
    /// Inferred by the atlas, for this reason.
    Inferred(Pair),
    /// The paper gives no date.
    NotGiven,
    /// Each row states its own (datasets only).
    Rows,
}

/// A period as readers see it, with its basis.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// The text shown: the period, with the reason folded in when it is inferred.
    pub text: Pair,
    pub basis: Basis,
}

/// What readers see for a period the paper does not give.
pub const NOT_GIVEN: (&str, &str) = ("原文未注明时间", "Date not given in the paper");

/// The cells of one period as written: text, basis and reason, each possibly empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodCells<'a> {
    pub text: Option<(&'a str, &'a str)>,
    pub basis: Option<&'a str>,
    pub reason: Option<(&'a str, &'a str)>,
}

/// Read one period. `at` locates it in messages; `dataset` allows the basis `rows`. `Ok(None)` when
/// nothing is written (a row then takes its dataset's period).
pub fn read(cells: &PeriodCells, at: &str, dataset: bool) -> Checked<Option<Period>> {
    let PeriodCells { text, basis, reason } = cells.clone();
    let Some(basis) = basis else {
        return match (text, reason) {
            (None, None) => Ok(None),
            (Some((zh, _)), _) => Err(format!(
                "{at}: period '{zh}' needs a basis: 'paper', 'paper: <the paper's words>', 'inferred' (with a reason) or 'not given'"
            )),
            (None, Some(_)) => Err(format!("{at}: a period reason without an inferred period")),
        };
    };
    if reason.is_some() && basis != "inferred" {
        return Err(format!("{at}: only an inferred period gives a reason"));
    }
    let need_text = || text.ok_or_else(|| format!("{at}: period basis '{basis}' needs the period in both languages"));
    let period = match basis {
        "not given" => {
            if text.is_some() {
                return Err(format!("{at}: a period not given has no text (readers see '{}')", NOT_GIVEN.0));
            }
            Period { text: (NOT_GIVEN.0.into(), NOT_GIVEN.1.into()), basis: Basis::NotGiven }
        }
        "inferred" => {
            let (zh, en) = need_text()?;
            let (why_zh, why_en) = reason
                .ok_or_else(|| format!("{at}: an inferred period needs period_reason_zh and period_reason_en"))?;
            Period {
                text: (format!("{zh}(推断:{why_zh})"), format!("{en} (inferred: {why_en})")),
                basis: Basis::Inferred((why_zh.into(), why_en.into())),
            }
        }
        "rows" if dataset => {
            let (zh, en) = need_text()?;
            Period { text: (zh.into(), en.into()), basis: Basis::Rows }
        }
        b if b == "paper" || b.starts_with("paper:") => {
            let (zh, en) = need_text()?;
            let words = b.strip_prefix("paper:").map_or(zh, str::trim);
            if words.is_empty() {
                return Err(format!("{at}: 'paper:' needs the paper's words"));
            }
            check_numbers(zh, en, words, at)?;
            Period { text: (zh.into(), en.into()), basis: Basis::Paper(words.into()) }
        }
        other => {
            let rows = if dataset { ", 'rows'" } else { "" };
            return Err(format!(
                "{at}: period basis '{other}' is not 'paper', 'paper: <words>', 'inferred', 'not given'{rows}"
            ));
        }
    };
    Ok(Some(period))
}

/// The runs of ASCII digits in a text: "2023 年 1—11 月" → ["2023", "1", "11"].
pub fn numbers(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect()
}

/// A stated period adds no number to the paper's words, and its English none to its Chinese.
fn check_numbers(zh: &str, en: &str, words: &str, at: &str) -> Checked<()> {
    let said = numbers(words);
    if let Some(n) = numbers(zh).into_iter().find(|n| !said.contains(n)) {
        return Err(format!("{at}: period '{zh}': {n} is not in the paper's words '{words}'"));
    }
    let zh_numbers = numbers(zh);
    if let Some(n) = numbers(en).into_iter().find(|n| !zh_numbers.contains(n) && !said.contains(n)) {
        return Err(format!("{at}: period_en '{en}': {n} is not in the Chinese period '{zh}'"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(
        text: Option<(&str, &str)>,
        basis: Option<&str>,
        reason: Option<(&str, &str)>,
    ) -> Checked<Option<Period>> {
        read(&PeriodCells { text, basis, reason }, "data/x.csv:2", false)
    }

    #[test]
    fn a_period_in_the_papers_words_is_stated() {
        let p = period(Some(("2023 年 1—11 月", "Jan–Nov 2023")), Some("paper"), None).unwrap().unwrap();
        assert_eq!(p.basis, Basis::Paper("2023 年 1—11 月".into()));
        let p = period(Some(("2023 年前 11 个月", "First 11 months of 2023")), Some("paper: 2023 年前 11 个月"), None);
        assert!(p.is_ok());
    }

    #[test]
    fn a_year_the_paper_does_not_give_is_refused() {
        // 五(一): "印尼中小微企业超过 6 400 万家,占全国经济近 2/3" gives no date.
        let e = period(Some(("2023 年", "2023")), Some("paper: 印尼中小微企业超过 6 400 万家"), None).unwrap_err();
        assert_eq!(
            e,
            "data/x.csv:2: period '2023 年': 2023 is not in the paper's words '印尼中小微企业超过 6 400 万家'"
        );
        let e = period(Some(("8 年内", "2015–2022")), Some("paper: 8 年内"), None).unwrap_err();
        assert_eq!(e, "data/x.csv:2: period_en '2015–2022': 2015 is not in the Chinese period '8 年内'");
    }

    #[test]
    fn a_period_with_no_basis_is_none_of_the_three_and_is_refused() {
        let e = period(Some(("约 2018 年", "About 2018")), None, None).unwrap_err();
        assert_eq!(
            e,
            "data/x.csv:2: period '约 2018 年' needs a basis: 'paper', 'paper: <the paper's words>', 'inferred' (with a reason) or 'not given'"
        );
        let e = period(Some(("2023 年", "2023")), Some("guessed"), None).unwrap_err();
        assert_eq!(e, "data/x.csv:2: period basis 'guessed' is not 'paper', 'paper: <words>', 'inferred', 'not given'");
    }

    #[test]
    fn an_inferred_period_shows_its_reason_to_readers() {
        let reason = ("原文为“5 年前”", "the paper says 'five years earlier'");
        let p = period(Some(("约 2018 年", "About 2018")), Some("inferred"), Some(reason)).unwrap().unwrap();
        assert_eq!(p.text.0, "约 2018 年(推断:原文为“5 年前”)");
        assert_eq!(p.text.1, "About 2018 (inferred: the paper says 'five years earlier')");
        let e = period(Some(("约 2018 年", "About 2018")), Some("inferred"), None).unwrap_err();
        assert_eq!(e, "data/x.csv:2: an inferred period needs period_reason_zh and period_reason_en");
    }

    #[test]
    fn a_period_not_given_says_so_and_carries_no_text() {
        let p = period(None, Some("not given"), None).unwrap().unwrap();
        assert_eq!(p.text, (NOT_GIVEN.0.to_string(), NOT_GIVEN.1.to_string()));
        let e = period(Some(("2023 年", "2023")), Some("not given"), None).unwrap_err();
        assert_eq!(e, "data/x.csv:2: a period not given has no text (readers see '原文未注明时间')");
    }

    #[test]
    fn only_a_dataset_may_leave_its_period_to_its_rows() {
        let cells = PeriodCells { text: Some(("见各行", "See each row")), basis: Some("rows"), reason: None };
        assert_eq!(read(&cells, "data/datasets.toml:9", true).unwrap().unwrap().basis, Basis::Rows);
        let e = read(&cells, "data/x.csv:2", false).unwrap_err();
        assert_eq!(e, "data/x.csv:2: period basis 'rows' is not 'paper', 'paper: <words>', 'inferred', 'not given'");
    }

    #[test]
    fn an_empty_period_is_inherited() {
        assert_eq!(period(None, None, None).unwrap(), None);
    }
}
