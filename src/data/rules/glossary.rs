//! `data/glossary.csv`: the one list of English renderings of the paper's terms.
//!
//! Layer: data (shared validation rules). Pure functions over text. What readers see (`en`) and
//! what the label check looks for (`match`) are separate columns: a stem such as "lighthouse
//! factor" may match labels but is never shown.

use super::{Checked, Table};

/// One glossary row.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub zh: String,
    /// The renderings readers see, preferred first.
    pub en: Vec<String>,
    /// The stems the label check looks for (the renderings when the file gives none).
    pub matches: Vec<String>,
    /// Whether dataset labels are checked against this entry.
    pub check: bool,
    pub note: String,
}

fn split(list: &str) -> Vec<String> {
    list.split('|').map(|s| s.trim().to_string()).collect()
}

/// Read the glossary: every row has both terms, `check` is `yes`, `no` or empty, no rendering is
/// empty and no term appears twice.
pub fn read(t: &Table) -> Checked<Vec<Entry>> {
    t.expect_header(&["zh", "en", "match", "check", "note_en"])?;
    let mut out: Vec<Entry> = Vec::new();
    for r in &t.rows {
        let at = t.at(r);
        let zh = t.get(r, "zh").ok_or_else(|| format!("{at}: no zh term"))?;
        let en = split(t.get(r, "en").ok_or_else(|| format!("{at}: no en term"))?);
        let check = match t.get(r, "check") {
            Some("yes") => true,
            Some("no") | None => false,
            Some(other) => return Err(format!("{at}: check must be yes or no, not '{other}'")),
        };
        let matches = t.get(r, "match").map_or_else(|| en.clone(), split);
        if en.iter().chain(&matches).any(String::is_empty) {
            return Err(format!("{at}: an empty rendering between '|'"));
        }
        if out.iter().any(|e| e.zh == zh) {
            return Err(format!("{at}: '{zh}' appears twice"));
        }
        out.push(Entry { zh: zh.to_string(), en, matches, check, note: t.get(r, "note_en").unwrap_or("").to_string() });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary(rows: &str) -> Checked<Vec<Entry>> {
        read(&Table::parse("data/glossary.csv", &format!("zh,en,match,check,note_en\n{rows}"))?)
    }

    #[test]
    fn what_readers_see_and_what_the_check_matches_are_apart() {
        let g =
            glossary("灯塔工厂,lighthouse factory,lighthouse factor,yes,\n欧盟,European Union | EU,,yes,\n").unwrap();
        assert_eq!(
            (g[0].en.as_slice(), g[0].matches.as_slice()),
            (&["lighthouse factory".to_string()][..], &["lighthouse factor".to_string()][..])
        );
        assert_eq!(g[1].matches, ["European Union", "EU"], "no match column: the renderings themselves");
    }

    #[test]
    fn check_must_be_yes_or_no_and_terms_are_unique() {
        assert_eq!(
            glossary("欧盟,EU,,maybe,\n").unwrap_err(),
            "data/glossary.csv:2: check must be yes or no, not 'maybe'"
        );
        assert_eq!(
            glossary("欧盟,EU,,yes,\n欧盟,EU,,yes,\n").unwrap_err(),
            "data/glossary.csv:3: '欧盟' appears twice"
        );
        assert_eq!(glossary("欧盟,EU|,,yes,\n").unwrap_err(), "data/glossary.csv:2: an empty rendering between '|'");
    }
}
