//! Number and label formatting for each language.
//!
//! Layer: data. Chinese shows figures as the paper prints them (万/亿 units, the paper's decimals),
//! with thousands separators. English moves the decimal point to billion/million units exactly,
//! on the printed digits, so nothing is rounded. Pure functions, unit-tested here.

use super::float_text::fixed;
use super::model::{Lang, Qualifier, Unit, Value};
use crate::float::Within;

/// Insert thousands separators into the integer part of a plain decimal string.
pub fn group_thousands(text: &str) -> String {
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Move the decimal point of a plain decimal string by `shift` places (positive: right),
/// keeping every printed digit: ("6644.51", −1) → "664.451"; ("4440", −2) → "44.40".
pub fn shift_decimal(text: &str, shift: i8) -> String {
    if shift == 0 {
        return text.to_string();
    }
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits: String = format!("{int}{frac}");
    let mut point = int.len() as i64 + shift as i64;
    let mut digits = digits;
    if point <= 0 {
        digits = "0".repeat((1 - point) as usize) + &digits;
        point = 1;
    }
    while (digits.len() as i64) < point {
        digits.push('0');
    }
    let (i, f) = digits.split_at(point as usize);
    let i = i.trim_start_matches('0');
    let i = if i.is_empty() { "0" } else { i };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push_str(i);
    if !f.is_empty() {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The printed digits in the reader's language: shifted for English, grouped in both.
/// Fractions ("1/3") stay as printed; ranges keep both ends.
pub fn number_text(text: &str, unit: Option<&Unit>, lang: Lang) -> String {
    let shift = match (lang, unit) {
        (Lang::En, Some(u)) => u.en_shift,
        _ => 0,
    };
    if text.contains('/') {
        return text.to_string();
    }
    if let Some((lo, hi)) = text.split_once('~') {
        let sep = if lang == Lang::En { "–" } else { "~" };
        return format!("{}{sep}{}", number_text(lo, unit, lang), number_text(hi, unit, lang));
    }
    let shifted = shift_decimal(text, shift);
    minus(&group_thousands(&shifted))
}

/// Replace an ASCII hyphen-minus sign with a true minus sign.
fn minus(s: &str) -> String {
    match s.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => s.to_string(),
    }
}

/// How many decimals a label keeps: one from 10 up, two below, never more than were printed.
/// This is the one precision rule for labels on charts and maps (what a reader can take in at a
/// glance); tooltips, tables and exports keep the value exactly as printed.
pub fn label_decimals(x: f64, printed_decimals: usize) -> usize {
    let readable = if x.abs() >= 10.0 { 1 } else { 2 };
    printed_decimals.min(readable)
}

/// A number rounded to `decimals`, with thousands separators and a true minus sign.
pub fn rounded(x: f64, decimals: usize) -> String {
    let s = fixed(x, decimals).to_string();
    let s = if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') { s[1..].to_string() } else { s };
    minus(&group_thousands(&s))
}

/// A unit as a label carries it: "亿美元"; "US$… bn", "… mn TEU" (short forms of billion,
/// million and trillion).
pub fn with_short_unit(num: &str, unit: Option<&Unit>, lang: Lang) -> String {
    let long = with_unit(num, unit, lang);
    if lang == Lang::Zh {
        return long;
    }
    long.replace(" trillion", " tn").replace(" billion", " bn").replace(" million", " mn")
}

/// A figure as a chart or map label: the label precision (see [`label_decimals`]), its unit in
/// short form, and a bound as a sign ("≈", ">", "<"). Fractions and ranges stay as printed.
pub fn label(v: &Value, unit: Option<&Unit>, lang: Lang) -> String {
    let sign = match v.qual {
        Qualifier::Exact => "",
        Qualifier::Over => ">",
        Qualifier::Under => "<",
        Qualifier::About | Qualifier::Nearly => "≈",
    };
    let printed = number_text(v.text, unit, lang);
    let num = if v.text.contains('/') || v.text.contains('~') {
        printed
    } else {
        let shift = if lang == Lang::En { unit.map_or(0, |u| u.en_shift) } else { 0 };
        let x = v.x * 10f64.powi(shift as i32);
        let printed_decimals = printed.split_once('.').map_or(0, |(_, f)| f.len());
        rounded(x, label_decimals(x, printed_decimals))
    };
    format!("{sign}{}", with_short_unit(&num, unit, lang))
}

/// The qualifier as worded in the reader's language.
pub fn qualifier(q: Qualifier, lang: Lang) -> &'static str {
    match (q, lang) {
        (Qualifier::Exact, _) => "",
        (Qualifier::Over, Lang::Zh) => "超过",
        (Qualifier::Over, Lang::En) => "over",
        (Qualifier::About, Lang::Zh) => "约",
        (Qualifier::About, Lang::En) => "about",
        (Qualifier::Nearly, Lang::Zh) => "近",
        (Qualifier::Nearly, Lang::En) => "nearly",
        (Qualifier::Under, Lang::Zh) => "不足",
        (Qualifier::Under, Lang::En) => "under",
    }
}

/// Text escaped for markup (HTML or XML), element content and quoted attribute values alike:
/// the static first screen, the search's listbox and the title and description of SVG exports.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A number with its unit: "6,644.51 亿美元" / "US$664.451 billion", "−11.6%".
pub fn with_unit(num: &str, unit: Option<&Unit>, lang: Lang) -> String {
    let Some(u) = unit else {
        return num.to_string();
    };
    match lang {
        Lang::Zh => {
            if u.id == "pct" {
                format!("{num}%")
            } else {
                format!("{num} {}", u.zh)
            }
        }
        Lang::En => {
            if u.id == "pct" {
                format!("{num}%")
            } else if u.id == "rank" {
                // "No. 7", as English writes a place in a ranking ("7 rank" does not read).
                format!("No. {num}")
            } else if let Some(rest) = u.en.strip_prefix("US$ ") {
                format!("US${num} {rest}")
            } else if u.en == "US$" {
                format!("US${num}")
            } else {
                format!("{num} {}", u.en)
            }
        }
    }
}

/// A figure with its qualifier before it: "超过70%" in Chinese, "over 70%" in English.
pub fn qualified(q: Qualifier, body: String, lang: Lang) -> String {
    let q = qualifier(q, lang);
    match (q.is_empty(), lang) {
        (true, _) => body,
        (false, Lang::Zh) => format!("{q}{body}"),
        (false, Lang::En) => format!("{q} {body}"),
    }
}

/// A value in full: qualifier, digits and unit, in the reader's language.
pub fn value(v: &Value, unit: Option<&Unit>, lang: Lang) -> String {
    let num = number_text(v.text, unit, lang);
    qualified(v.qual, with_unit(&num, unit, lang), lang)
}

/// A growth rate with an explicit sign: "+26.3%", "−11.6%", "0.0%".
pub fn signed_pct(v: &Value, lang: Lang) -> String {
    let num = number_text(v.text, None, lang);
    // "over 30%" reads better than "over +30%": a worded bound carries its own direction.
    let sign = if v.x > 0.0 && !num.starts_with('−') && v.qual == Qualifier::Exact { "+" } else { "" };
    qualified(v.qual, format!("{sign}{num}%"), lang)
}

/// The unit as a reader sees it in an axis title or table header.
pub fn unit_label(unit: &Unit, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => unit.zh,
        Lang::En => unit.en,
    }
}

/// A tick label for an axis: trims needless decimals, groups thousands.
pub fn tick(x: f64, step: f64) -> String {
    let decimals = if step >= 1.0 { 0 } else { (-step.log10()).ceil().within(0.0, 6.0) as usize };
    let s = fixed(x, decimals).to_string();
    let s = if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') { s[1..].to_string() } else { s };
    minus(&group_thousands(&s))
}

/// The paper's section number in the reader's language: "一(四)2" → "§1.4.2" in English; the
/// unnumbered parts are named ("引言" → "Introduction", "摘要" → "Abstract"); a list joined by "、"
/// stays a list.
pub fn paper_section(s: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return s.to_string();
    }
    s.split('、').map(numbered_section).collect::<Vec<_>>().join(", ")
}

fn numbered_section(s: &str) -> String {
    match s.trim() {
        "引言" => return "Introduction".into(),
        "摘要" => return "Abstract".into(),
        _ => {}
    }
    let mut out = String::from("§");
    let mut after_close = false;
    for c in s.chars() {
        let digit = "一二三四五六七八九十".chars().position(|d| d == c);
        match (c, digit) {
            (_, Some(d)) => {
                out.push_str(&(d + 1).to_string());
                after_close = false;
            }
            ('(' | '（', _) => out.push('.'),
            (')' | '）', _) => after_close = true,
            ('0'..='9', _) => {
                if after_close {
                    out.push('.');
                    after_close = false;
                }
                out.push(c);
            }
            ('、' | ',', _) => {
                out.push_str(", §");
                after_close = false;
            }
            ('—' | '–' | '-', _) => {
                out.push('–');
                after_close = false;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Status;

    fn unit(id: &'static str, zh: &'static str, en: &'static str, en_shift: i8) -> Unit {
        Unit { id, zh, en, en_shift }
    }

    fn v(text: &'static str, x: f64, qual: Qualifier) -> Value {
        Value { x, hi: None, text, qual, status: Status::Stated, expr: None }
    }

    #[test]
    fn thousands_are_grouped_in_the_integer_part_only() {
        assert_eq!(group_thousands("1978660513"), "1,978,660,513");
        assert_eq!(group_thousands("6644.51"), "6,644.51");
        assert_eq!(group_thousands("-28340"), "-28,340");
        assert_eq!(group_thousands("155.1119"), "155.1119");
        assert_eq!(group_thousands("100"), "100");
    }

    #[test]
    fn english_units_move_the_point_without_rounding() {
        assert_eq!(shift_decimal("6644.51", -1), "664.451");
        assert_eq!(shift_decimal("4440", -2), "44.40");
        assert_eq!(shift_decimal("1.7", 4), "17000");
        assert_eq!(shift_decimal("2.492", 2), "249.2");
        assert_eq!(shift_decimal("0.5", -1), "0.05");
        assert_eq!(shift_decimal("-5.5", -2), "-0.055");
        assert_eq!(shift_decimal("863.4497", -2), "8.634497");
    }

    #[test]
    fn values_read_as_the_paper_prints_them_in_chinese() {
        let usd = unit("usd_100m", "亿美元", "US$ billion", -1);
        assert_eq!(value(&v("6644.51", 6644.51, Qualifier::Exact), Some(&usd), Lang::Zh), "6,644.51 亿美元");
        assert_eq!(value(&v("6644.51", 6644.51, Qualifier::Exact), Some(&usd), Lang::En), "US$664.451 billion");
        let pct = unit("pct", "%", "%", 0);
        assert_eq!(value(&v("70", 70.0, Qualifier::Over), Some(&pct), Lang::Zh), "超过70%");
        assert_eq!(value(&v("70", 70.0, Qualifier::Over), Some(&pct), Lang::En), "over 70%");
        let teu = unit("teu_10k", "万 TEU", "million TEU", -2);
        assert_eq!(value(&v("4440", 4440.0, Qualifier::Exact), Some(&teu), Lang::En), "44.40 million TEU");
        let days = unit("days", "天", "days", 0);
        let range = Value { hi: Some(15.0), ..v("10~15", 10.0, Qualifier::Exact) };
        assert_eq!(value(&range, Some(&days), Lang::En), "10–15 days");
        assert_eq!(value(&range, Some(&days), Lang::Zh), "10~15 天");
        let rank = unit("rank", "位", "rank", 0);
        assert_eq!(value(&v("7", 7.0, Qualifier::Exact), Some(&rank), Lang::Zh), "7 位");
        assert_eq!(value(&v("7", 7.0, Qualifier::Exact), Some(&rank), Lang::En), "No. 7", "a place in a ranking");
    }

    #[test]
    fn growth_rates_carry_a_sign() {
        assert_eq!(signed_pct(&v("26.3", 26.3, Qualifier::Exact), Lang::En), "+26.3%");
        assert_eq!(signed_pct(&v("-11.6", -11.6, Qualifier::Exact), Lang::En), "−11.6%");
        assert_eq!(signed_pct(&v("12.0", 12.0, Qualifier::Exact), Lang::Zh), "+12.0%");
        assert_eq!(signed_pct(&v("30", 30.0, Qualifier::Over), Lang::En), "over 30%");
        assert_eq!(signed_pct(&v("30", 30.0, Qualifier::Over), Lang::Zh), "超过30%");
    }

    fn fig(x: f64, text: &'static str) -> Value {
        Value { x, hi: None, text, qual: Qualifier::Exact, status: crate::data::Status::Stated, expr: None }
    }

    fn u(id: &str) -> &'static Unit {
        crate::data::registry::unit(id).unwrap()
    }

    #[test]
    fn labels_round_to_one_decimal_from_ten_and_carry_a_short_unit() {
        let us = fig(6644.51, "6644.51");
        assert_eq!(label(&us, Some(u("usd_100m")), Lang::Zh), "6,644.5 亿美元");
        assert_eq!(label(&us, Some(u("usd_100m")), Lang::En), "US$664.5 bn");
        let ru = fig(2401.10, "2401.10");
        assert_eq!(label(&ru, Some(u("usd_100m")), Lang::En), "US$240.1 bn");
        let sh = fig(4440.0, "4440");
        assert_eq!(label(&sh, Some(u("teu_10k")), Lang::En), "44.4 mn TEU", "two printed places → one");
        assert_eq!(label(&sh, Some(u("teu_10k")), Lang::Zh), "4,440 万 TEU", "no decimals were printed");
    }

    #[test]
    fn labels_below_ten_keep_two_decimals_and_never_invent_one() {
        assert_eq!(label(&fig(3.382, "3.382"), Some(u("usd_tn")), Lang::En), "US$3.38 tn");
        assert_eq!(label(&fig(5.0, "5"), Some(u("pct")), Lang::Zh), "5%");
        assert_eq!(label(&fig(-11.64, "-11.64"), Some(u("pct")), Lang::En), "−11.6%");
    }

    #[test]
    fn bounds_become_signs_and_fractions_and_ranges_stay_as_printed() {
        let over = Value { qual: Qualifier::Over, ..fig(200.0, "200") };
        assert_eq!(label(&over, Some(u("warehouses")), Lang::En), ">200 warehouses");
        let about = Value { qual: Qualifier::About, ..fig(14.0, "14") };
        assert_eq!(label(&about, Some(u("pct")), Lang::En), "≈14%");
        assert_eq!(label(&fig(0.3333, "1/3"), None, Lang::En), "1/3");
        let range = Value { hi: Some(15.0), ..fig(10.0, "10~15") };
        assert_eq!(label(&range, Some(u("days")), Lang::En), "10–15 days");
    }

    #[test]
    fn ticks_drop_needless_decimals() {
        assert_eq!(tick(2000.0, 1000.0), "2,000");
        assert_eq!(tick(0.5, 0.5), "0.5");
        assert_eq!(tick(-10.0, 5.0), "−10");
        assert_eq!(tick(-0.0, 5.0), "0");
    }

    #[test]
    fn section_numbers_translate_to_decimal_outline() {
        assert_eq!(paper_section("一(四)2", Lang::En), "§1.4.2");
        assert_eq!(paper_section("二(四)", Lang::En), "§2.4");
        assert_eq!(paper_section("四(一)、五(三)", Lang::En), "§4.1, §5.3");
        assert_eq!(paper_section("三(四)—三(五)", Lang::En), "§3.4–3.5");
        assert_eq!(paper_section("一(四)2", Lang::Zh), "一(四)2");
        assert_eq!(paper_section("引言", Lang::En), "Introduction");
        assert_eq!(paper_section("引言、一(四)—五(三)", Lang::En), "Introduction, §1.4–5.3");
    }
}
