//! `data/glossary.csv`: the one list of English renderings of the paper's terms.
//!
//! Layer: data (shared validation rules). Pure functions over text.

use super::{Checked, Table};

/// One glossary row.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub zh: String,
    /// Accepted renderings, preferred first.
    pub en: Vec<String>,
    /// Whether dataset labels are checked against this entry.
    pub check: bool,
    pub note: String,
}

/// Read the glossary: every row has both terms, and `check` is `yes`, `no` or empty.
pub fn read(t: &Table) -> Checked<Vec<Entry>> {
    let mut out = Vec::new();
    for r in &t.rows {
        let at = t.at(r);
        let zh = t.get(r, "zh").ok_or_else(|| format!("{at}: no zh term"))?;
        let en = t.get(r, "en").ok_or_else(|| format!("{at}: no en term"))?;
        let check = match t.get(r, "check") {
            Some("yes") => true,
            Some("no") | None => false,
            Some(other) => return Err(format!("{at}: check must be yes or no, not '{other}'")),
        };
        out.push(Entry {
            zh: zh.to_string(),
            en: en.split('|').map(|s| s.trim().to_string()).collect(),
            check,
            note: t.get(r, "note_en").unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_are_split_and_check_must_be_yes_or_no() {
        let t = Table::parse("data/glossary.csv", "zh,en,check,note_en\n欧盟,European Union | EU,yes,\n").unwrap();
        assert_eq!(read(&t).unwrap()[0].en, ["European Union", "EU"]);
        let t = Table::parse("data/glossary.csv", "zh,en,check,note_en\n欧盟,EU,maybe,\n").unwrap();
        assert_eq!(read(&t).unwrap_err(), "data/glossary.csv:2: check must be yes or no, not 'maybe'");
    }
}
