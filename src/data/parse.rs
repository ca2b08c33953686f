//! Reading the data files: CSV records, printed cell values and derivation formulas.
//!
//! Layer: data. Pure functions over strings, no dependencies beyond `std`. `build.rs` includes this
//! file to validate `data/*.csv` at build time; the app uses the formula tokenizer to show
//! formulas in the reader's language. Nothing here may touch the UI or the drawing code.

/// One CSV record with the 1-based line on which it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Parse CSV text (RFC 4180 quoting; lines starting with `#` and blank lines are skipped).
pub fn parse_csv(text: &str) -> Result<Vec<Record>, (usize, String)> {
    let mut records = Vec::new();
    let mut line_no = 0usize;
    let mut lines = text.lines().peekable();
    while let Some(raw) = lines.next() {
        line_no += 1;
        let start = line_no;
        let trimmed = raw.trim_end_matches('\r');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut in_quotes = false;
        let mut current = trimmed.to_string();
        loop {
            let mut chars = current.chars().peekable();
            while let Some(c) = chars.next() {
                if in_quotes {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            field.push('"');
                        } else {
                            in_quotes = false;
                        }
                    } else {
                        field.push(c);
                    }
                } else if c == '"' {
                    if !field.is_empty() {
                        return Err((line_no, "a quote may only open a field".into()));
                    }
                    in_quotes = true;
                } else if c == ',' {
                    fields.push(std::mem::take(&mut field));
                } else {
                    field.push(c);
                }
            }
            if in_quotes {
                match lines.next() {
                    Some(next) => {
                        line_no += 1;
                        field.push('\n');
                        current = next.trim_end_matches('\r').to_string();
                    }
                    None => return Err((start, "unterminated quoted field".into())),
                }
            } else {
                break;
            }
        }
        fields.push(field);
        records.push(Record { line: start, fields });
    }
    Ok(records)
}

/// How a printed figure is qualified in the paper's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// As printed, no qualifier.
    Exact,
    /// 超过 / 逾 / 以上: "over".
    Over,
    /// 约 / 左右: "about".
    About,
    /// 近 / 几近: "nearly".
    Nearly,
    /// 不足: "under".
    Under,
}

impl Qualifier {
    /// The keyword used in the CSV files.
    pub fn keyword(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::Over => "over",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::Under => "under",
        }
    }
}

/// A cell as written in a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub enum CellText {
    /// Not given in the paper.
    Empty,
    /// A printed figure.
    Number {
        /// Value (a fraction such as 1/3 is divided out; a range gives its low end).
        x: f64,
        /// High end of a printed range such as "10~15".
        hi: Option<f64>,
        /// The figure as printed, without qualifier ("6644.51", "1/3", "10~15").
        text: String,
        qual: Qualifier,
    },
    /// A derived value: a formula over other cells, written "=…", optionally ending in
    /// " #N" to round the result to N decimals.
    Formula(String, Option<u8>),
}

/// Read one decimal literal as printed: optional sign, digits, optional fraction.
fn parse_decimal(s: &str) -> Option<f64> {
    let body = s.strip_prefix('-').unwrap_or(s);
    if body.is_empty() {
        return None;
    }
    let mut parts = body.splitn(2, '.');
    let int = parts.next()?;
    let frac = parts.next();
    let digits_ok = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok(int) || frac.is_some_and(|f| !digits_ok(f)) {
        return None;
    }
    s.parse::<f64>().ok()
}

/// Parse one cell. Numbers must be written plainly (no thousands separators, no spaces inside):
/// the PDF's split digits are joined when the file is written, so "1 978" here is an error.
pub fn parse_cell(raw: &str) -> Result<CellText, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(CellText::Empty);
    }
    if let Some(f) = s.strip_prefix('=') {
        let (f, decimals) = match f.rsplit_once(" #") {
            Some((expr, d)) => {
                (expr.trim(), Some(d.trim().parse::<u8>().map_err(|_| format!("bad decimals in '{raw}'"))?))
            }
            None => (f.trim(), None),
        };
        tokenize(f)?;
        return Ok(CellText::Formula(f.to_string(), decimals));
    }
    let (qual, rest) = [Qualifier::Over, Qualifier::About, Qualifier::Nearly, Qualifier::Under]
        .iter()
        .find_map(|q| s.strip_prefix(q.keyword()).and_then(|r| r.strip_prefix(' ')).map(|r| (*q, r.trim())))
        .unwrap_or((Qualifier::Exact, s));
    let bad = || format!("cannot read '{raw}' as a printed figure");
    if let Some((lo, hi)) = rest.split_once('~') {
        let lo_v = parse_decimal(lo).ok_or_else(bad)?;
        let hi_v = parse_decimal(hi).ok_or_else(bad)?;
        if hi_v < lo_v {
            return Err(format!("range '{raw}' runs backwards"));
        }
        return Ok(CellText::Number { x: lo_v, hi: Some(hi_v), text: rest.to_string(), qual });
    }
    if let Some((num, den)) = rest.split_once('/') {
        let n = parse_decimal(num).ok_or_else(bad)?;
        let d = parse_decimal(den).ok_or_else(bad)?;
        if d == 0.0 {
            return Err(format!("'{raw}' divides by zero"));
        }
        return Ok(CellText::Number { x: n / d, hi: None, text: rest.to_string(), qual });
    }
    let x = parse_decimal(rest).ok_or_else(bad)?;
    Ok(CellText::Number { x, hi: None, text: rest.to_string(), qual })
}

/// Number of digits after the decimal point of a printed figure ("2.80" → 2, "1/3" → 0).
pub fn decimals_of(text: &str) -> u8 {
    match text.split_once('.') {
        Some((_, frac)) => frac.bytes().take_while(u8::is_ascii_digit).count() as u8,
        None => 0,
    }
}

/// A token of a derivation formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Num(f64, String),
    /// A reference: `column` (same row) or `row:column`.
    Ref(String),
    Op(char),
    Open,
    Close,
}

/// Split a formula into tokens.
pub fn tokenize(src: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            let v = s.parse::<f64>().map_err(|_| format!("bad number '{s}' in formula '{src}'"))?;
            out.push(Token::Num(v, s));
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == ':') {
                i += 1;
            }
            out.push(Token::Ref(chars[start..i].iter().collect()));
        } else if "+-*/".contains(c) {
            out.push(Token::Op(c));
            i += 1;
        } else if c == '(' {
            out.push(Token::Open);
            i += 1;
        } else if c == ')' {
            out.push(Token::Close);
            i += 1;
        } else {
            return Err(format!("unexpected '{c}' in formula '{src}'"));
        }
    }
    if out.is_empty() {
        return Err("empty formula".into());
    }
    Ok(out)
}

/// Evaluate a formula. `lookup` resolves a reference to a value, `None` when the cell is empty
/// or unknown (which makes the whole formula unavailable, reported as `Ok(None)`), or an error
/// for a reference that does not exist at all.
pub fn evaluate(src: &str, lookup: &mut dyn FnMut(&str) -> Result<Option<f64>, String>) -> Result<Option<f64>, String> {
    let tokens = tokenize(src)?;
    let mut pos = 0;
    let v = expr(&tokens, &mut pos, lookup, src)?;
    if pos != tokens.len() {
        return Err(format!("unexpected trailing input in formula '{src}'"));
    }
    Ok(v)
}

type Lookup<'a> = &'a mut dyn FnMut(&str) -> Result<Option<f64>, String>;

fn expr(t: &[Token], pos: &mut usize, lookup: Lookup, src: &str) -> Result<Option<f64>, String> {
    let mut acc = term(t, pos, lookup, src)?;
    while let Some(Token::Op(op @ ('+' | '-'))) = t.get(*pos) {
        *pos += 1;
        let rhs = term(t, pos, lookup, src)?;
        acc = match (acc, rhs) {
            (Some(a), Some(b)) => Some(if *op == '+' { a + b } else { a - b }),
            _ => None,
        };
    }
    Ok(acc)
}

fn term(t: &[Token], pos: &mut usize, lookup: Lookup, src: &str) -> Result<Option<f64>, String> {
    let mut acc = factor(t, pos, lookup, src)?;
    while let Some(Token::Op(op @ ('*' | '/'))) = t.get(*pos) {
        *pos += 1;
        let rhs = factor(t, pos, lookup, src)?;
        acc = match (acc, rhs) {
            (Some(a), Some(b)) if *op == '*' => Some(a * b),
            (Some(a), Some(b)) => (b != 0.0).then(|| a / b),
            _ => None,
        };
    }
    Ok(acc)
}

fn factor(t: &[Token], pos: &mut usize, lookup: Lookup, src: &str) -> Result<Option<f64>, String> {
    match t.get(*pos) {
        Some(Token::Num(v, _)) => {
            *pos += 1;
            Ok(Some(*v))
        }
        Some(Token::Ref(name)) => {
            *pos += 1;
            lookup(name)
        }
        Some(Token::Op('-')) => {
            *pos += 1;
            Ok(factor(t, pos, lookup, src)?.map(|v| -v))
        }
        Some(Token::Open) => {
            *pos += 1;
            let v = expr(t, pos, lookup, src)?;
            if t.get(*pos) != Some(&Token::Close) {
                return Err(format!("missing ')' in formula '{src}'"));
            }
            *pos += 1;
            Ok(v)
        }
        _ => Err(format!("formula '{src}' is incomplete")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(s: &str) -> (f64, Option<f64>, String, Qualifier) {
        match parse_cell(s).unwrap() {
            CellText::Number { x, hi, text, qual } => (x, hi, text, qual),
            other => panic!("expected a number from {s:?}, got {other:?}"),
        }
    }

    #[test]
    fn printed_figures_keep_their_text_and_qualifier() {
        assert_eq!(number("6644.51"), (6644.51, None, "6644.51".into(), Qualifier::Exact));
        assert_eq!(number("-11.6").0, -11.6);
        assert_eq!(number("over 70").3, Qualifier::Over);
        assert_eq!(number("about 2600").0, 2600.0);
        assert_eq!(number("nearly 18").3, Qualifier::Nearly);
        assert_eq!(number("10~15"), (10.0, Some(15.0), "10~15".into(), Qualifier::Exact));
        let third = number("over 1/3");
        assert!((third.0 - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(third.2, "1/3");
    }

    #[test]
    fn split_pdf_digits_are_rejected_not_guessed() {
        assert!(parse_cell("1 978 660 513").is_err());
        assert!(parse_cell("2. 8").is_err());
        assert!(parse_cell("6,644.51").is_err());
        assert!(parse_cell("15~10").is_err());
        assert!(parse_cell("1/0").is_err());
    }

    #[test]
    fn formula_cells_may_name_their_decimals() {
        assert_eq!(
            parse_cell("=a:value - b:value #0").unwrap(),
            CellText::Formula("a:value - b:value".into(), Some(0))
        );
        assert_eq!(parse_cell("=x * 2").unwrap(), CellText::Formula("x * 2".into(), None));
        assert!(parse_cell("=x #two").is_err());
    }

    #[test]
    fn empty_cells_are_not_zero() {
        assert_eq!(parse_cell("  ").unwrap(), CellText::Empty);
    }

    #[test]
    fn decimals_are_counted_as_printed() {
        assert_eq!(decimals_of("2.80"), 2);
        assert_eq!(decimals_of("4440"), 0);
        assert_eq!(decimals_of("155.1119"), 4);
    }

    #[test]
    fn csv_handles_quotes_comments_and_reports_lines() {
        let text = "# comment\nkey,label\na,\"x, y\"\n\nb,\"say \"\"hi\"\"\"\n";
        let recs = parse_csv(text).unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1].fields, vec!["a", "x, y"]);
        assert_eq!(recs[1].line, 3);
        assert_eq!(recs[2].fields[1], "say \"hi\"");
        assert_eq!(parse_csv("a,\"open\n").unwrap_err().0, 1);
    }

    #[test]
    fn formulas_follow_arithmetic_precedence() {
        let mut look = |name: &str| -> Result<Option<f64>, String> {
            match name {
                "amount_yoy" => Ok(Some(-8.3)),
                "qty_yoy" => Ok(Some(36.2)),
                "missing" => Ok(None),
                other => Err(format!("no column {other}")),
            }
        };
        let steel = evaluate("(1 + amount_yoy / 100) / (1 + qty_yoy / 100) * 100 - 100", &mut look).unwrap().unwrap();
        assert!((steel - (-32.672)).abs() < 1e-3, "steel unit value change was {steel}");
        assert_eq!(evaluate("2 + 3 * 4", &mut look).unwrap(), Some(14.0));
        assert_eq!(evaluate("-(2 - 5)", &mut look).unwrap(), Some(3.0));
        assert_eq!(evaluate("missing + 1", &mut look).unwrap(), None);
        assert!(evaluate("nosuch + 1", &mut look).is_err());
        assert!(evaluate("(1 + 2", &mut look).is_err());
        assert!(evaluate("1 +", &mut look).is_err());
    }
}
