//! Reading the data files: CSV records, printed cell values and derivation formulas.
//!
//! Layer: data. Pure functions over strings, no dependencies beyond `std`. The build script
//! (`build/main.rs`) includes this file to read `data/*.csv` at build time; the app uses the
//! formula tokenizer to show formulas in the reader's language. Nothing here may touch the UI or
//! the drawing code.

/// One CSV record with the 1-based line on which it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Parse CSV text (RFC 4180 quoting; lines starting with `#` and blank lines are skipped).
///
/// A field that starts with `"` is quoted: it may hold commas, line breaks and doubled quotes, and
/// only a comma or the end of the line may follow its closing quote. A `"` inside an unquoted field
/// is an ordinary character (the coordinate files write arc-seconds as `30°37'36"N`). Errors give the
/// 1-based line and the character column.
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
        // Inside a quoted field; just after a quoted field's closing quote.
        let (mut in_quotes, mut closed) = (false, false);
        let mut current = trimmed.to_string();
        loop {
            let mut chars = current.chars().enumerate().peekable();
            while let Some((col, c)) = chars.next() {
                if in_quotes {
                    if c != '"' {
                        field.push(c);
                    } else if chars.peek().map(|p| p.1) == Some('"') {
                        chars.next();
                        field.push('"');
                    } else {
                        in_quotes = false;
                        closed = true;
                    }
                } else if c == ',' {
                    fields.push(std::mem::take(&mut field));
                    closed = false;
                } else if closed {
                    return Err((line_no, format!("column {}: text after a closing quote", col + 1)));
                } else if c == '"' && field.is_empty() {
                    in_quotes = true;
                } else {
                    field.push(c);
                }
            }
            if !in_quotes {
                break;
            }
            match lines.next() {
                Some(next) => {
                    line_no += 1;
                    field.push('\n');
                    current = next.trim_end_matches('\r').to_string();
                }
                None => return Err((start, "unterminated quoted field".into())),
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
    /// A number as written (digits with at most one point); read as a value only when a formula
    /// is evaluated, so showing a formula in words needs no number reader.
    Num(String),
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
            if s.matches('.').count() > 1 {
                return Err(format!("bad number '{s}' in formula '{src}'"));
            }
            out.push(Token::Num(s));
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == ':') {
                i += 1;
            }
            out.push(Token::Ref(chars[start..i].iter().collect()));
        } else if "+-*/^".contains(c) {
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

/// The arithmetic a formula is evaluated in: plain numbers (`f64`, for recomputing a value) or
/// figures that carry their precision and qualifier (`rules::figure::Figure`, at build time). Both
/// go through the one parser below, so a formula means the same thing everywhere.
pub trait Arith: Copy {
    /// A number written in the formula itself (`1`, `100`): exact.
    fn constant(x: f64) -> Self;
    fn add(self, other: Self) -> Self;
    fn sub(self, other: Self) -> Self;
    fn mul(self, other: Self) -> Self;
    /// `None` when dividing by zero.
    fn div(self, other: Self) -> Option<Self>;
    fn neg(self) -> Self;
    /// `None` when the power is not a real number.
    fn pow(self, other: Self) -> Option<Self>;
}

impl Arith for f64 {
    fn constant(x: f64) -> f64 {
        x
    }
    fn add(self, other: f64) -> f64 {
        self + other
    }
    fn sub(self, other: f64) -> f64 {
        self - other
    }
    fn mul(self, other: f64) -> f64 {
        self * other
    }
    fn div(self, other: f64) -> Option<f64> {
        (other != 0.0).then(|| self / other)
    }
    fn neg(self) -> f64 {
        -self
    }
    fn pow(self, other: f64) -> Option<f64> {
        Some(self.powf(other)).filter(|v| v.is_finite())
    }
}

/// Evaluate a formula in plain numbers. `lookup` resolves a reference to a value, `None` when the
/// cell is empty or unknown (which makes the whole formula unavailable, reported as `Ok(None)`), or
/// an error for a reference that does not exist at all.
pub fn evaluate(src: &str, lookup: &mut dyn FnMut(&str) -> Result<Option<f64>, String>) -> Result<Option<f64>, String> {
    evaluate_in(src, lookup)
}

/// Evaluate a formula in any [`Arith`]: `+ - * /`, `^` (power, binding tightest, right to left),
/// unary minus and parentheses, with the usual precedence.
pub fn evaluate_in<T: Arith>(
    src: &str,
    lookup: &mut dyn FnMut(&str) -> Result<Option<T>, String>,
) -> Result<Option<T>, String> {
    let tokens = tokenize(src)?;
    let mut p = Parser { t: &tokens, pos: 0, lookup, src };
    let v = p.expr()?;
    if p.pos != tokens.len() {
        return Err(format!("unexpected trailing input in formula '{src}'"));
    }
    Ok(v)
}

struct Parser<'a, T> {
    t: &'a [Token],
    pos: usize,
    lookup: &'a mut dyn FnMut(&str) -> Result<Option<T>, String>,
    src: &'a str,
}

impl<T: Arith> Parser<'_, T> {
    fn op(&self) -> Option<char> {
        match self.t.get(self.pos) {
            Some(Token::Op(c)) => Some(*c),
            _ => None,
        }
    }

    fn expr(&mut self) -> Result<Option<T>, String> {
        let mut acc = self.term()?;
        while let Some(op @ ('+' | '-')) = self.op() {
            self.pos += 1;
            let rhs = self.term()?;
            acc = match (acc, rhs) {
                (Some(a), Some(b)) if op == '+' => Some(a.add(b)),
                (Some(a), Some(b)) => Some(a.sub(b)),
                _ => None,
            };
        }
        Ok(acc)
    }

    fn term(&mut self) -> Result<Option<T>, String> {
        let mut acc = self.unary()?;
        while let Some(op @ ('*' | '/')) = self.op() {
            self.pos += 1;
            let rhs = self.unary()?;
            acc = match (acc, rhs) {
                (Some(a), Some(b)) if op == '*' => Some(a.mul(b)),
                (Some(a), Some(b)) => a.div(b),
                _ => None,
            };
        }
        Ok(acc)
    }

    fn unary(&mut self) -> Result<Option<T>, String> {
        if self.op() == Some('-') {
            self.pos += 1;
            return Ok(self.unary()?.map(T::neg));
        }
        let base = self.atom()?;
        if self.op() != Some('^') {
            return Ok(base);
        }
        self.pos += 1;
        let exp = self.unary()?;
        Ok(match (base, exp) {
            (Some(b), Some(e)) => b.pow(e),
            _ => None,
        })
    }

    fn atom(&mut self) -> Result<Option<T>, String> {
        let src = self.src;
        match self.t.get(self.pos) {
            Some(Token::Num(s)) => {
                self.pos += 1;
                let v = s.parse::<f64>().map_err(|_| format!("bad number '{s}' in formula '{src}'"))?;
                Ok(Some(T::constant(v)))
            }
            Some(Token::Ref(name)) => {
                self.pos += 1;
                (self.lookup)(name)
            }
            Some(Token::Open) => {
                self.pos += 1;
                let v = self.expr()?;
                if self.t.get(self.pos) != Some(&Token::Close) {
                    return Err(format!("missing ')' in formula '{src}'"));
                }
                self.pos += 1;
                Ok(v)
            }
            _ => Err(format!("formula '{src}' is incomplete")),
        }
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
    fn formula_numbers_keep_their_text_and_at_most_one_point() {
        assert_eq!(
            tokenize("1.50 * a").unwrap(),
            vec![Token::Num("1.50".into()), Token::Op('*'), Token::Ref("a".into())],
            "the number as written (a formula shown in words keeps it)"
        );
        assert!(tokenize("1.2.3 + a").unwrap_err().contains("bad number '1.2.3'"));
        let mut none = |_: &str| -> Result<Option<f64>, String> { Ok(None) };
        assert_eq!(evaluate(".5 * 4", &mut none).unwrap(), Some(2.0));
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
    fn a_quote_inside_an_unquoted_field_is_an_ordinary_character() {
        let recs = parse_csv("id,basis\nx,30°37'36\"N 122°03'54\"E\n").unwrap();
        assert_eq!(recs[1].fields[1], "30°37'36\"N 122°03'54\"E");
        assert_eq!(parse_csv("a,\"x\"y\n").unwrap_err(), (1, "column 6: text after a closing quote".into()));
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

    #[test]
    fn powers_bind_tighter_than_signs_and_run_right_to_left() {
        let mut none = |name: &str| -> Result<Option<f64>, String> { Err(format!("no column {name}")) };
        assert_eq!(evaluate("2 ^ 3 ^ 2", &mut none).unwrap(), Some(512.0));
        assert_eq!(evaluate("-2 ^ 2", &mut none).unwrap(), Some(-4.0));
        assert_eq!(evaluate("2 ^ -1", &mut none).unwrap(), Some(0.5));
        let cagr = evaluate("(44 ^ (1 / 7) - 1) * 100", &mut none).unwrap().unwrap();
        assert!((cagr - 71.7).abs() < 0.05, "{cagr}");
        assert_eq!(evaluate("(0 - 8) ^ 0.5", &mut none).unwrap(), None, "no real root");
        assert_eq!(evaluate("1 / 0", &mut none).unwrap(), None);
    }
}
