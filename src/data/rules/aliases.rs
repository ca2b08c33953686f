//! `data/aliases.csv`: the words readers type for places and glossary terms ("USA", "美", "EV",
//! "B&R"), which the search expands into the names of what they stand for.
//!
//! Layer: data (shared validation rules). Pure functions over text: the build script hands in the
//! entity codes the data's rows carry and the glossary's terms, so an alias can only name what
//! the atlas holds.

use super::{Checked, Table};

/// One alias row.
#[derive(Debug, Clone, PartialEq)]
pub struct AliasRow {
    /// As readers type it.
    pub alias: String,
    /// Entity codes it finds (`USA`, `port:shanghai`).
    pub entities: Vec<String>,
    /// Glossary terms it finds, by their Chinese.
    pub terms: Vec<String>,
}

/// Read the aliases: every row has an alias and at least one target, each target an entity the
/// data carries or a glossary term (the Chinese of `data/glossary.csv`), no alias twice (ignoring
/// case and surrounding space).
pub fn read(t: &Table, entities: &[&str], terms: &[&str]) -> Checked<Vec<AliasRow>> {
    t.expect_header(&["alias", "targets", "note"])?;
    let mut out: Vec<AliasRow> = Vec::new();
    for r in &t.rows {
        let at = t.at(r);
        let alias = t.need(r, "alias")?;
        if out.iter().any(|a| a.alias.to_lowercase() == alias.to_lowercase()) {
            return Err(format!("{at}: column 'alias': '{alias}' appears twice"));
        }
        let mut row = AliasRow { alias: alias.to_string(), entities: Vec::new(), terms: Vec::new() };
        for target in t.need(r, "targets")?.split('|').map(str::trim) {
            if target.is_empty() {
                return Err(format!("{at}: column 'targets': an empty target between '|'"));
            } else if entities.contains(&target) {
                row.entities.push(target.to_string());
            } else if terms.contains(&target) {
                row.terms.push(target.to_string());
            } else {
                return Err(format!(
                    "{at}: column 'targets': '{target}' is neither an entity the data carries nor a glossary term"
                ));
            }
        }
        out.push(row);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTITIES: &[&str] = &["USA", "EU", "BRI", "port:shanghai"];
    const TERMS: &[&str] = &["一带一路", "标箱"];

    fn aliases(rows: &str) -> Checked<Vec<AliasRow>> {
        read(&Table::parse("data/aliases.csv", &format!("alias,targets,note\n{rows}"))?, ENTITIES, TERMS)
    }

    #[test]
    fn an_alias_finds_entities_and_glossary_terms() {
        let a = aliases("B&R,BRI|一带一路,\nTEU, 标箱 ,\n").unwrap();
        assert_eq!(
            a[0],
            AliasRow { alias: "B&R".into(), entities: vec!["BRI".into()], terms: vec!["一带一路".into()] }
        );
        assert_eq!(a[1].terms, ["标箱"], "targets are trimmed");
    }

    #[test]
    fn an_alias_naming_something_the_atlas_does_not_hold_fails_with_line_and_column() {
        assert_eq!(
            aliases("US,USA,\nMars,MRS,\n").unwrap_err(),
            "data/aliases.csv:3: column 'targets': 'MRS' is neither an entity the data carries nor a glossary term"
        );
        assert_eq!(
            aliases("EV,新能源汽车,\n").unwrap_err(),
            "data/aliases.csv:2: column 'targets': '新能源汽车' is neither an entity the data carries nor a glossary term"
        );
    }

    #[test]
    fn malformed_rows_fail_with_line_and_column() {
        assert_eq!(aliases("US,,\n").unwrap_err(), "data/aliases.csv:2: column 'targets' is empty");
        assert_eq!(aliases(",USA,\n").unwrap_err(), "data/aliases.csv:2: column 'alias' is empty");
        assert_eq!(
            aliases("US,USA|,\n").unwrap_err(),
            "data/aliases.csv:2: column 'targets': an empty target between '|'"
        );
        assert_eq!(
            aliases("US,USA,\nus,USA,\n").unwrap_err(),
            "data/aliases.csv:3: column 'alias': 'us' appears twice"
        );
        assert_eq!(
            read(&Table::parse("data/aliases.csv", "alias,target\nUS,USA\n").unwrap(), ENTITIES, TERMS).unwrap_err(),
            "data/aliases.csv:1: expected the header 'alias,targets,note', found 'alias,target'"
        );
    }
}
