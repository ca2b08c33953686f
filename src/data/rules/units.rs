//! `data/units.csv`: every unit as the paper prints it, its English rendering and the decimal
//! shift between the two.
//!
//! Layer: data (shared validation rules). Pure functions over text.

use super::{Checked, Table};

/// One unit row.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub shift: i8,
    /// The unit counts things (factories, firms, sailings): a whole number in it is exact.
    pub count: bool,
}

/// Read and check the units table: lower-case ids, both renderings, an integer shift, `count`
/// `yes` or `no`, no id twice.
pub fn read(t: &Table) -> Checked<Vec<UnitRow>> {
    let mut units: Vec<UnitRow> = Vec::new();
    for r in &t.rows {
        let at = t.at(r);
        let f = |n: &str| t.get(r, n).map(str::to_string);
        let id = f("id").ok_or_else(|| format!("{at}: unit without id"))?;
        if !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return Err(format!("{at}: unit id '{id}' must be lower-case ascii"));
        }
        let zh = f("zh").ok_or_else(|| format!("{at}: unit '{id}' has no zh"))?;
        let en = f("en").ok_or_else(|| format!("{at}: unit '{id}' has no en"))?;
        let shift = f("en_shift")
            .and_then(|s| s.parse::<i8>().ok())
            .ok_or_else(|| format!("{at}: unit '{id}' needs an integer en_shift"))?;
        let count = match t.get(r, "count") {
            Some("yes") => true,
            Some("no") => false,
            other => return Err(format!("{at}: column 'count': '{}' is not yes or no", other.unwrap_or(""))),
        };
        if units.iter().any(|u| u.id == id) {
            return Err(format!("{at}: unit id '{id}' appears twice"));
        }
        units.push(UnitRow { id, zh, en, shift, count });
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Checked<Vec<UnitRow>> {
        read(&Table::parse("data/units.csv", text)?)
    }

    #[test]
    fn a_unit_reads_its_renderings_and_shift() {
        let u = units("id,zh,en,en_shift,count\nusd_100m,亿美元,US$ billion,-1,no\nfirms,家,firms,0,yes\n").unwrap();
        let usd =
            UnitRow {
                id: "usd_100m".into(), zh: "亿美元".into(), en: "US$ billion".into(), shift: -1, count: false
            };
        assert_eq!(u[0], usd);
        assert!(u[1].count);
    }

    #[test]
    fn a_unit_without_a_numeric_shift_is_rejected() {
        let e = units("id,zh,en,en_shift,count\npct,%,%,none,no\n").unwrap_err();
        assert_eq!(e, "data/units.csv:2: unit 'pct' needs an integer en_shift");
    }

    #[test]
    fn a_unit_id_twice_is_rejected_at_its_second_line() {
        let e = units("id,zh,en,en_shift,count\npct,%,%,0,no\npct,%,%,0,no\n").unwrap_err();
        assert_eq!(e, "data/units.csv:3: unit id 'pct' appears twice");
    }

    #[test]
    fn count_must_say_yes_or_no() {
        let e = units("id,zh,en,en_shift,count\nfirms,家,firms,0,\n").unwrap_err();
        assert_eq!(e, "data/units.csv:2: column 'count': '' is not yes or no");
    }

    #[test]
    fn upper_case_ids_are_rejected() {
        let e = units("id,zh,en,en_shift,count\nPct,%,%,0,no\n").unwrap_err();
        assert_eq!(e, "data/units.csv:2: unit id 'Pct' must be lower-case ascii");
    }
}
