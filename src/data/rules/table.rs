//! A CSV file read into a header-indexed table, with the file-level rules: a header, no column
//! twice, every row as wide as the header.
//!
//! Layer: data (shared validation rules). Pure functions over text.

use super::parse::{parse_csv, Record};
use super::Checked;

/// A CSV file: its path as shown in messages (`data/partners.csv`), header and records.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub path: String,
    pub header: Vec<String>,
    pub rows: Vec<Record>,
}

impl Table {
    /// Read CSV text; `path` names the file in messages.
    pub fn parse(path: &str, text: &str) -> Checked<Table> {
        let mut recs = parse_csv(text).map_err(|(line, msg)| format!("{path}:{line}: {msg}"))?;
        if recs.is_empty() {
            return Err(format!("{path}: no header"));
        }
        let header: Vec<String> = recs.remove(0).fields.into_iter().map(|h| h.trim().to_string()).collect();
        for (i, h) in header.iter().enumerate() {
            if header[..i].contains(h) {
                return Err(format!("{path}: column '{h}' appears twice"));
            }
        }
        for r in &recs {
            if r.fields.len() != header.len() {
                return Err(format!("{path}:{}: {} fields, the header has {}", r.line, r.fields.len(), header.len()));
            }
        }
        Ok(Table { path: path.to_string(), header, rows: recs })
    }

    /// The header must be exactly `expected`, in this order.
    pub fn expect_header(&self, expected: &[&str]) -> Checked<()> {
        if self.header.iter().map(String::as_str).eq(expected.iter().copied()) {
            Ok(())
        } else {
            Err(format!(
                "{}:1: expected the header '{}', found '{}'",
                self.path,
                expected.join(","),
                self.header.join(",")
            ))
        }
    }

    pub fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// A cell, trimmed; `None` when the column is absent or the cell empty.
    pub fn get<'a>(&self, rec: &'a Record, name: &str) -> Option<&'a str> {
        self.col(name).map(|i| rec.fields[i].trim()).filter(|s| !s.is_empty())
    }

    /// A cell that must be there: `Err("file:line: column 'name' is empty")` otherwise.
    pub fn need<'a>(&self, rec: &'a Record, name: &str) -> Checked<&'a str> {
        self.get(rec, name).ok_or_else(|| format!("{}: column '{name}' is empty", self.at(rec)))
    }

    /// `file:line` of a record, for messages.
    pub fn at(&self, rec: &Record) -> String {
        format!("{}:{}", self.path, rec.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_narrower_than_the_header_is_an_error_naming_the_line() {
        let e = Table::parse("data/x.csv", "key,label_zh,label_en\na,甲\n").unwrap_err();
        assert_eq!(e, "data/x.csv:2: 2 fields, the header has 3");
    }

    #[test]
    fn a_column_named_twice_is_an_error() {
        let e = Table::parse("data/x.csv", "key,value,value\n").unwrap_err();
        assert_eq!(e, "data/x.csv: column 'value' appears twice");
    }

    #[test]
    fn an_empty_file_has_no_header() {
        assert_eq!(Table::parse("data/x.csv", "# only a comment\n").unwrap_err(), "data/x.csv: no header");
    }

    #[test]
    fn a_broken_quote_names_the_line_and_column() {
        let e = Table::parse("data/x.csv", "key,label\na,\"x\"y\n").unwrap_err();
        assert_eq!(e, "data/x.csv:2: column 6: text after a closing quote");
    }

    #[test]
    fn a_fixed_header_is_checked_word_for_word() {
        let t = Table::parse("data/geo/x.csv", "id,lat,lon\n").unwrap();
        assert!(t.expect_header(&["id", "lat", "lon"]).is_ok());
        assert_eq!(
            t.expect_header(&["id", "lon", "lat"]).unwrap_err(),
            "data/geo/x.csv:1: expected the header 'id,lon,lat', found 'id,lat,lon'"
        );
    }

    #[test]
    fn cells_are_trimmed_and_empty_ones_are_absent() {
        let t = Table::parse("data/x.csv", "key,value\n a , \n").unwrap();
        assert_eq!(t.get(&t.rows[0], "key"), Some("a"));
        assert_eq!(t.get(&t.rows[0], "value"), None);
        assert_eq!(t.need(&t.rows[0], "value").unwrap_err(), "data/x.csv:2: column 'value' is empty");
    }
}
