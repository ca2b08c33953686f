//! `data/footnotes.csv`: the paper's footnotes that cite a source (①–④), with their dates, and the
//! marks by which datasets and rows cite them.
//!
//! Layer: data (shared validation rules). Pure functions over text.

use super::{Checked, Pair, Table};

/// One footnote of the paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    /// The circled number as printed: `①`.
    pub mark: String,
    /// The cited article's title as printed, and its English rendering.
    pub title: Pair,
    pub publisher: Pair,
    /// The part of the article cited, when the footnote names one.
    pub part: Option<Pair>,
    /// `YYYY-MM-DD`.
    pub iso_date: String,
    /// The date as readers see it: "2024 年 1 月 12 日", "12 Jan 2024".
    pub date: Pair,
}

/// The circled numbers a footnote mark may be.
pub const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩";

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A date `YYYY-MM-DD` as readers see it in each language.
pub fn date(iso: &str) -> Option<Pair> {
    let mut it = iso.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (u32, usize, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let days = [31, if y % 4 == 0 { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || !(1..=days[m - 1]).contains(&d) {
        return None;
    }
    Some((format!("{y} 年 {m} 月 {d} 日"), format!("{d} {} {y}", MONTHS[m - 1])))
}

/// Read the footnotes: a single circled mark each, once; a title, publisher and valid date on
/// every row.
pub fn read(t: &Table) -> Checked<Vec<Footnote>> {
    t.expect_header(&["mark", "title_zh", "title_en", "publisher_zh", "publisher_en", "part_zh", "part_en", "date"])?;
    let mut out: Vec<Footnote> = Vec::new();
    for r in &t.rows {
        let at = t.at(r);
        let mark = t.need(r, "mark")?;
        if mark.chars().count() != 1 || !CIRCLED.contains(mark) {
            return Err(format!("{at}: column 'mark': '{mark}' is not a circled number such as ①"));
        }
        if out.iter().any(|f| f.mark == mark) {
            return Err(format!("{at}: column 'mark': '{mark}' appears twice"));
        }
        let pair = |name: &str| -> Checked<Pair> {
            Ok((t.need(r, &format!("{name}_zh"))?.to_string(), t.need(r, &format!("{name}_en"))?.to_string()))
        };
        let part = match (t.get(r, "part_zh"), t.get(r, "part_en")) {
            (Some(z), Some(e)) => Some((z.to_string(), e.to_string())),
            (None, None) => None,
            _ => return Err(format!("{at}: part_zh and part_en must both be given or both empty")),
        };
        let iso = t.need(r, "date")?;
        let shown =
            date(iso).ok_or_else(|| format!("{at}: column 'date': '{iso}' is not a date written YYYY-MM-DD"))?;
        out.push(Footnote {
            mark: mark.to_string(),
            title: pair("title")?,
            publisher: pair("publisher")?,
            part,
            iso_date: iso.to_string(),
            date: shown,
        });
    }
    Ok(out)
}

/// The circled marks a citation such as `[5] ① ②` names, each checked against the footnotes;
/// bracketed references (`[5]`, the paper's reference list) are checked for form only.
pub fn marks<'a>(cite: &'a str, footnotes: &[Footnote], at: &str) -> Checked<Vec<&'a str>> {
    let mut out = Vec::new();
    for token in cite.split_whitespace() {
        let bracketed = token
            .split_inclusive(']')
            .all(|r| r.strip_prefix('[').and_then(|r| r.strip_suffix(']')).is_some_and(|n| n.parse::<u8>().is_ok()));
        if bracketed {
            continue;
        }
        if !footnotes.iter().any(|f| f.mark == token) {
            return Err(format!(
                "{at}: footnote '{token}' is neither a reference like [5] nor a mark of data/footnotes.csv"
            ));
        }
        out.push(token);
    }
    Ok(out)
}

/// The marks a row cites: its own `footnote` cell when its file has that column (`row` is then
/// `Some`, possibly empty), each mark also cited by the dataset; else all of the dataset's.
pub fn cited<'a>(row: Option<&'a str>, dataset: &'a str, footnotes: &[Footnote], at: &str) -> Checked<Vec<&'a str>> {
    let own = marks(dataset, footnotes, at)?;
    match row {
        None => Ok(own),
        Some(cite) => {
            let marks = marks(cite, footnotes, at)?;
            match marks.iter().find(|m| !own.contains(m)) {
                Some(m) => Err(format!("{at}: footnote '{m}' is not among the dataset's footnotes '{dataset}'")),
                None => Ok(marks),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "mark,title_zh,title_en,publisher_zh,publisher_en,part_zh,part_en,date\n";

    fn footnotes(rows: &str) -> Checked<Vec<Footnote>> {
        read(&Table::parse("data/footnotes.csv", &format!("{HEAD}{rows}"))?)
    }

    #[test]
    fn a_footnote_reads_its_date_in_both_languages() {
        let f =
            footnotes("①,集装箱运价透视,Container freight rates,德路里公众号,Drewry (WeChat),,,2024-01-12\n").unwrap();
        assert_eq!(f[0].date, ("2024 年 1 月 12 日".to_string(), "12 Jan 2024".to_string()));
        assert_eq!(f[0].part, None);
    }

    #[test]
    fn a_date_that_does_not_exist_is_refused() {
        let e = footnotes("②,t,t,p,p,,,2023-02-29\n").unwrap_err();
        assert_eq!(e, "data/footnotes.csv:2: column 'date': '2023-02-29' is not a date written YYYY-MM-DD");
        assert!(date("2024-02-29").is_some() && date("2024-1-12").is_none());
    }

    #[test]
    fn a_mark_must_be_one_circled_number() {
        let e = footnotes("1,t,t,p,p,,,2024-01-12\n").unwrap_err();
        assert_eq!(e, "data/footnotes.csv:2: column 'mark': '1' is not a circled number such as ①");
    }

    #[test]
    fn citations_name_known_marks_or_bracketed_references() {
        let f = footnotes("①,t,t,p,p,,,2024-01-12\n②,t,t,p,p,,,2024-01-19\n").unwrap();
        assert_eq!(marks("[5] ① ②", &f, "x").unwrap(), ["①", "②"]);
        assert_eq!(marks("[8][9]", &f, "x").unwrap(), Vec::<&str>::new());
        assert_eq!(cited(Some("①"), "[5] ① ②", &f, "x").unwrap(), ["①"]);
        assert_eq!(cited(Some(""), "[5] ① ②", &f, "x").unwrap(), Vec::<&str>::new());
        assert_eq!(cited(None, "①", &f, "x").unwrap(), ["①"]);
        let e = cited(Some("②"), "①", &f, "data/shipping.csv:5").unwrap_err();
        assert_eq!(e, "data/shipping.csv:5: footnote '②' is not among the dataset's footnotes '①'");
        let e = marks("③", &f, "data/datasets.toml:9").unwrap_err();
        assert_eq!(
            e,
            "data/datasets.toml:9: footnote '③' is neither a reference like [5] nor a mark of data/footnotes.csv"
        );
    }
}
