//! Numbers in data notes are computed at build time, never typed in.
//!
//! Layer: data (shared validation rules). Pure functions over text.
//!
//! A note's text may hold `{=formula}` or `{=formula #N}`: the build script evaluates the formula
//! over the compiled datasets (the same formula language as derived cells; references are
//! `row:column` in the note's own dataset or `dataset:row:column` in another) and writes the result
//! with the precision of its least precise input (see [`super::figure`]), at most `N` decimals; a
//! placeholder without `#N` shows what its inputs allow (a printed figure as printed), or 2 decimals
//! when every input is exact. Both languages group thousands with a comma ("5,594.53"), the one
//! convention of every number the atlas shows (README, "The data"); a negative number takes a
//! true minus sign.

use super::figure::{Figure, Precision};
use super::parse::evaluate_in;
use super::Checked;

/// Decimals a note's number shows when its placeholder does not say and every input is exact.
pub const EXACT_DECIMALS: u8 = 2;

/// Expand every placeholder of a note text; `lookup` resolves a reference to a figure.
pub fn expand(text: &str, lookup: &mut dyn FnMut(&str) -> Result<Option<Figure>, String>) -> Checked<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{=") {
        out.push_str(&rest[..start]);
        let inner = &rest[start + 2..];
        let end = inner
            .find('}')
            .ok_or_else(|| format!("'{{={}' is not closed", inner.chars().take(20).collect::<String>()))?;
        out.push_str(&placeholder(&inner[..end], lookup)?);
        rest = &inner[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// One placeholder's number.
fn placeholder(src: &str, lookup: &mut dyn FnMut(&str) -> Result<Option<Figure>, String>) -> Checked<String> {
    let (formula, cap) = match src.rsplit_once(" #") {
        Some((f, n)) => (f.trim(), Some(n.trim().parse::<u8>().map_err(|_| format!("bad decimals in '{{={src}}}'"))?)),
        None => (src.trim(), None),
    };
    let f = evaluate_in(formula, lookup)
        .map_err(|e| format!("in '{{={src}}}': {e}"))?
        .ok_or_else(|| format!("'{{={src}}}' has no value: a cell it uses is empty"))?;
    let cap = cap.unwrap_or(if f.precision == Precision::Exact { EXACT_DECIMALS } else { u8::MAX });
    Ok(styled(&f.shown(cap)))
}

/// A plain decimal as notes write it: thousands grouped with a comma, a true minus sign.
pub fn styled(plain: &str) -> String {
    let (sign, body) = plain.strip_prefix('-').map_or(("", plain), |b| ("−", b));
    let (int, frac) = body.split_once('.').map_or((body, None), |(i, f)| (i, Some(f)));
    let sep = ',';
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::Qualifier;
    use super::*;

    /// Table 3's Vietnam, Malaysia and Indonesia, and Table 2's ASEAN, as printed.
    fn table_figures(name: &str) -> Result<Option<Figure>, String> {
        let printed = |x: f64, text: &str| Ok(Some(Figure::printed(x, text, Qualifier::Exact, false)));
        match name {
            "vietnam:exports" => printed(2297.93, "2297.93"),
            "malaysia:exports" => printed(1902.44, "1902.44"),
            "indonesia:exports" => printed(1394.16, "1394.16"),
            "regions:asean:exports" => printed(5236.74, "5236.74"),
            "empty:value" => Ok(None),
            other => Err(format!("no cell '{other}'")),
        }
    }

    #[test]
    fn a_sum_is_written_with_the_atlas_grouping_in_either_language() {
        let note = "越南、马来西亚、印尼合计 {=vietnam:exports + malaysia:exports + indonesia:exports} 亿美元";
        assert_eq!(expand(note, &mut table_figures).unwrap(), "越南、马来西亚、印尼合计 5,594.53 亿美元");
        let note = "US${=(vietnam:exports + malaysia:exports + indonesia:exports) / 10} billion";
        assert_eq!(expand(note, &mut table_figures).unwrap(), "US$559.453 billion");
    }

    #[test]
    fn a_placeholder_shows_no_more_than_its_inputs_or_its_cap() {
        let share =
            "{=(vietnam:exports + malaysia:exports + indonesia:exports) / regions:asean:exports * 100 - 100 #1}%";
        assert_eq!(expand(share, &mut table_figures).unwrap(), "6.8%");
        assert_eq!(expand("{=1 / 3}", &mut table_figures).unwrap(), "0.33", "exact inputs show two decimals");
        assert_eq!(expand("{=vietnam:exports / 10}", &mut table_figures).unwrap(), "229.793", "as printed, moved");
        assert_eq!(expand("{=0 - regions:asean:exports #0}", &mut table_figures).unwrap(), "−5,237");
    }

    #[test]
    fn broken_placeholders_are_refused_with_a_reason() {
        let e = expand("x {=vietnam:exports + 1", &mut table_figures).unwrap_err();
        assert_eq!(e, "'{=vietnam:exports + 1' is not closed");
        let e = expand("{=viet:exports}", &mut table_figures).unwrap_err();
        assert_eq!(e, "in '{=viet:exports}': no cell 'viet:exports'");
        let e = expand("{=empty:value * 2}", &mut table_figures).unwrap_err();
        assert_eq!(e, "'{=empty:value * 2}' has no value: a cell it uses is empty");
    }

    #[test]
    fn numbers_are_grouped_with_commas_and_signed_with_a_minus() {
        assert_eq!(styled("27102.57"), "27,102.57");
        assert_eq!(styled("-12"), "−12");
        assert_eq!(styled("925"), "925");
    }
}
