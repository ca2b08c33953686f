//! The spec layer's own words in both languages: legends, captions, statuses and tags that the
//! builders put into specs, tables and tooltips. Data text lives in `data/`; interface chrome in
//! `ui::i18n`.
//!
//! Layer: spec. Terms follow `data/glossary.csv`.

use crate::data::L;

/// Tag on a value found outside the paper.
pub const SUPPLEMENTARY: L = L::new("补充数据", "supplementary");

/// Caption of a chart's value axis: "单位:亿美元" / "Unit: US$ billion".
pub const UNIT_CAPTION: L = L::new("单位:{}", "Unit: {}");
/// A growth rate beside a value: "同比 +26.3%" / "+26.3% year on year".
pub const YEAR_ON_YEAR: L = L::new("同比 {}", "{} year on year");
/// The diagonal of Table 1's quantity-vs-value scatter.
pub const SCATTER_DIAGONAL: L = L::new("对角线:单价不变", "Diagonal: unit value unchanged");
/// The chart's own key, drawn under marks that need it.
pub const KEY_DERIVED: L = L::new(
    "浅色描边为推算值(公式见表格与提示)",
    "Light outlined marks are derived values (formula in the table and tooltip)",
);
pub const KEY_FLAGGED: L =
    L::new("※ 原文数字存在矛盾,见数据注释", "※ the paper contradicts itself here: see the data note");
pub const KEY_BOUND: L =
    L::new("箭头表示原文为“超过”或“不足”的界限值", "An arrowhead marks a bound (\"over\", \"under\" in the paper)");

/// A text with `{}` placeholders filled in order: the one way parametrised words are translated.
pub fn fill(text: L, lang: crate::data::Lang, args: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = text.get(lang);
    for a in args {
        let Some(i) = rest.find("{}") else { break };
        out.push_str(&rest[..i]);
        out.push_str(a);
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// "同比 +26.3%" / "+26.3% year on year".
pub fn year_on_year(pct: &str, lang: crate::data::Lang) -> String {
    fill(YEAR_ON_YEAR, lang, &[pct])
}

/// The localised captions a chart draws in its key.
pub fn chart_keys(lang: crate::data::Lang) -> crate::chart::Keys {
    crate::chart::Keys {
        derived: KEY_DERIVED.get(lang).to_string(),
        flagged: KEY_FLAGGED.get(lang).to_string(),
        bound: KEY_BOUND.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Lang;

    #[test]
    fn placeholders_are_filled_in_order_in_either_language() {
        assert_eq!(fill(UNIT_CAPTION, Lang::Zh, &["亿美元"]), "单位:亿美元");
        assert_eq!(year_on_year("+26.3%", Lang::En), "+26.3% year on year");
        assert_eq!(
            fill(L::new("{}—{}", "{} to {}"), Lang::En, &["a"]),
            "a to {}",
            "a missing argument leaves its slot"
        );
    }
}
