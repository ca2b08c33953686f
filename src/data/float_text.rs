//! A float as text, without the standard library's float formatting.
//!
//! Layer: data. The standard library's float formatting (shortest and exact, with its tables and
//! big-number arithmetic) is about 14 KB of the page's module, 4 KB of its brotli download. The
//! atlas needs two kinds of float text, and gets both without it:
//!
//! - [`fixed`]: a fixed number of decimals, by exact binary arithmetic in a few hundred bytes. The
//!   text is `format!("{x:.N}")`'s, digit for digit: the decimal nearest to the float's exact
//!   binary value, a tie going to the even digit, the sign of a negative zero kept. The tests
//!   compare the two over 200,000 random floats and every cent up to 300.
//! - [`shortest`]: the shortest text that reads back as the same float (a value in full, in the
//!   CSV and JSON exports). Natively it is `format!("{x}")`; in the browser it is the JavaScript
//!   engine's own `Number#toString`, with its exponent form written out as plain decimals, as
//!   Rust writes them. Both give the shortest digits nearest to the float, so the two texts are
//!   the same but where two shortest texts are equally near (JavaScript takes the even digit,
//!   Rust the one further from zero). That needs a float whose exact binary value has one decimal
//!   more than its shortest text, and no value of the atlas is one: a test checks every value.
//!
//! No code that reaches the page's module may format an `f64` with `{}`, `{:?}` or `{:.N}`: one
//! such use brings the whole of the standard library's float formatting back.

use std::fmt;

/// The most decimals [`fixed`] writes; more are clamped to it.
pub const MAX_DECIMALS: usize = 17;

/// `x` with `decimals` digits after the point (none and no point for 0): see the module's note.
pub fn fixed(x: f64, decimals: usize) -> Fixed {
    Fixed { x, decimals: decimals.min(MAX_DECIMALS) }
}

/// `x` with at most `decimals` decimals and no trailing zeros ("12", "9.35", "0.5"), never "-0".
pub fn trimmed(x: f64, decimals: usize) -> String {
    let s = fixed(x, decimals).to_string();
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { &s };
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// The shortest decimal text that reads back as `x`, as `format!("{x}")` writes it: plain
/// decimals, never an exponent ("0.0000001", "1000000000000000000000"), "-0" for a negative zero.
/// (In the browser, see the module's note on equally near texts.)
pub fn shortest(x: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if !x.is_finite() || x == 0.0 {
            return fixed(x, 0).to_string();
        }
        let js: String = js_sys::Number::from(x).to_string_with_radix(10).map(String::from).unwrap_or_default();
        plain_decimal(&js)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{x}")
    }
}

/// A JavaScript number's text with its exponent ("1.5e-7", "2e+21") written out as plain
/// decimals ("0.00000015", "2000000000000000000000"); any other text is returned as it is.
pub fn plain_decimal(js: &str) -> String {
    let Some((mantissa, exp)) = js.split_once('e') else { return js.to_string() };
    let Ok(exp) = exp.parse::<i32>() else { return js.to_string() };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // The point sits after `point` digits of `digits` (negative: before it, with zeros between).
    let point = int.len() as i32 + exp;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{body}")
}

/// A float to be written with a fixed number of decimals; made by [`fixed`].
#[derive(Clone, Copy)]
pub struct Fixed {
    x: f64,
    decimals: usize,
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.x;
        if x.is_nan() {
            return f.write_str("NaN");
        }
        if x.is_sign_negative() {
            f.write_str("-")?;
        }
        if x.is_infinite() {
            return f.write_str("inf");
        }
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1 << 52) - 1);
        // |x| = m × 2^e exactly.
        let (m, e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
        let mut digits = [b'0'; MAX_DECIMALS];
        let digits = &mut digits[..self.decimals];
        let int = if e >= 0 {
            if e > 11 {
                // At least 2^64: no fraction, more digits than a u64 holds.
                write_big_integer(f, m, e as u32)?;
                return write_fraction(f, digits);
            }
            m << e
        } else {
            let k = (-e) as u32;
            if k >= 125 {
                // Below 2^-72: every decimal up to the seventeenth is 0 and the rest rounds down.
                0
            } else {
                let mask = (1u128 << k) - 1;
                let mut rest = u128::from(m) & mask;
                for d in digits.iter_mut() {
                    // rest × 10, as shifts: keeps the compiler's 128-bit multiply out.
                    rest = (rest << 3) + (rest << 1);
                    *d = b'0' + (rest >> k) as u8;
                    rest &= mask;
                }
                let half = 1u128 << (k - 1);
                let last_odd = match digits.last() {
                    Some(d) => d % 2 == 1,
                    None => (u128::from(m) >> k) % 2 == 1,
                };
                let int = (u128::from(m) >> k) as u64;
                if rest > half || (rest == half && last_odd) {
                    round_up(int, digits)
                } else {
                    int
                }
            }
        };
        write!(f, "{int}")?;
        write_fraction(f, digits)
    }
}

/// Add one unit in the last place to `int.digits`, carrying into the integer part.
fn round_up(int: u64, digits: &mut [u8]) -> u64 {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return int;
        }
    }
    int + 1
}

fn write_fraction(f: &mut fmt::Formatter<'_>, digits: &[u8]) -> fmt::Result {
    if digits.is_empty() {
        return Ok(());
    }
    f.write_str(".")?;
    // Only ASCII digits were written into `digits`.
    f.write_str(std::str::from_utf8(digits).map_err(|_| fmt::Error)?)
}

/// `m × 2^e` in decimal, by doubling a number held in base-10⁹ limbs (least significant first).
fn write_big_integer(f: &mut fmt::Formatter<'_>, m: u64, e: u32) -> fmt::Result {
    const BASE: u64 = 1_000_000_000;
    let mut limbs = vec![m % BASE, (m / BASE) % BASE, m / BASE / BASE];
    for _ in 0..e {
        let mut carry = 0;
        for l in limbs.iter_mut() {
            let v = *l * 2 + carry;
            *l = v % BASE;
            carry = v / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut limbs = limbs.iter().rev();
    if let Some(top) = limbs.next() {
        write!(f, "{top}")?;
    }
    for l in limbs {
        write!(f, "{l:09}")?;
    }
    Ok(())
}

/// How many decimals the exact binary value of `x` has (0.375 has 3, 0.1 has 55, 12.0 has 0).
#[cfg(test)]
fn exact_decimals(x: f64) -> u32 {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    if m == 0 {
        return 0;
    }
    // x = m × 2^e = odd × 2^(e + trailing zeros): 2^-k has exactly k decimals.
    (-(e + m.trailing_zeros() as i32)).max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where JavaScript's shortest text and Rust's may differ: `x` halfway between two shortest texts.
    fn equally_near(x: f64) -> bool {
        let text = format!("{x}");
        let decimals = text.split_once('.').map_or(0, |(_, f)| f.len()) as u32;
        exact_decimals(x) == decimals + 1
    }

    #[test]
    fn exact_decimals_counts_the_binary_values_decimals() {
        assert_eq!(exact_decimals(0.375), 3);
        assert_eq!(exact_decimals(12.0), 0);
        assert_eq!(exact_decimals(0.1), 55);
        assert_eq!(exact_decimals(-0.5), 1);
        // The ties found between V8 and Rust: 1 + 2^-17 is 1.00000762939453125 (17 decimals),
        // and its shortest texts 1.0000076293945312 and …313 have 16.
        assert!(equally_near(1.0 + 2f64.powi(-17)));
        assert!(equally_near(-(30198693710398.0 + 0.0625)));
        assert!(!equally_near(2.0 / 3.0));
    }

    #[test]
    fn every_value_the_exports_write_in_full_has_one_nearest_shortest_text() {
        let mut checked = 0;
        for ds in crate::data::DATASETS {
            for row in ds.rows {
                for v in row.cells.iter().filter_map(|c| c.value.as_ref()) {
                    for x in std::iter::once(v.x).chain(v.hi) {
                        assert!(!equally_near(x), "{}/{}: {x} is halfway between two shortest texts", ds.id, row.key);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 400, "only {checked} values");
    }

    /// A small deterministic generator (xorshift64*), so a failure names a reproducible float.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
    }

    fn same(x: f64, d: usize) {
        assert_eq!(fixed(x, d).to_string(), format!("{x:.d$}"), "{x:e} ({:#x}) at {d} decimals", x.to_bits());
    }

    #[test]
    fn matches_the_standard_library_on_the_values_a_reader_sees() {
        for x in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 9.95, 9.995, 99.5, 229.8, 6644.51, 33.4] {
            for d in 0..=6 {
                same(x, d);
            }
        }
        // Printed figures and the ratios derived from them, at the decimals the atlas uses.
        for cents in 0..30_000u32 {
            let x = f64::from(cents) / 100.0;
            for d in 0..=3 {
                same(x, d);
                same(-x, d);
            }
            same(x / 7.0, 3);
            same(x * 1.0e6, 1);
        }
    }

    #[test]
    fn ties_go_to_the_even_digit_on_the_exact_binary_value() {
        assert_eq!(fixed(0.125, 2).to_string(), "0.12");
        assert_eq!(fixed(0.375, 2).to_string(), "0.38");
        assert_eq!(fixed(2.5, 0).to_string(), "2");
        assert_eq!(fixed(3.5, 0).to_string(), "4");
        // 1.005 is stored as 1.00499999999999989…: it rounds down.
        assert_eq!(fixed(1.005, 2).to_string(), "1.00");
        assert_eq!(fixed(9.9999, 3).to_string(), "10.000");
        assert_eq!(fixed(-0.0004, 3).to_string(), "-0.000");
    }

    #[test]
    fn trimmed_drops_trailing_zeros_and_the_sign_of_zero() {
        assert_eq!(trimmed(12.0, 3), "12");
        assert_eq!(trimmed(9.35, 3), "9.35");
        assert_eq!(trimmed(0.5, 3), "0.5");
        assert_eq!(trimmed(100.0, 0), "100");
        assert_eq!(trimmed(-0.0001, 3), "0");
        assert_eq!(trimmed(-1.25, 1), "-1.2");
        assert_eq!(trimmed(2.0 / 3.0, 3), "0.667");
    }

    #[test]
    fn exponent_forms_are_written_out_as_plain_decimals() {
        for (js, rust) in [
            ("1e-7", 1e-7),
            ("1.5e-7", 1.5e-7),
            ("-2.25e-10", -2.25e-10),
            ("1e+21", 1e21),
            ("1.2345e+22", 1.2345e22),
            ("-5e+300", -5e300),
            ("5e-324", 5e-324),
        ] {
            assert_eq!(plain_decimal(js), format!("{rust}"), "{js}");
        }
        for plain in ["0.1", "229.8", "-6644.51", "1000000", "NaN"] {
            assert_eq!(plain_decimal(plain), plain);
        }
        assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn special_and_extreme_values() {
        assert_eq!(fixed(f64::NAN, 2).to_string(), "NaN");
        assert_eq!(fixed(f64::INFINITY, 2).to_string(), "inf");
        assert_eq!(fixed(f64::NEG_INFINITY, 0).to_string(), "-inf");
        for x in [f64::MAX, f64::MIN, f64::MIN_POSITIVE, 5e-324, 1e300, 2f64.powi(64), 2f64.powi(63) * 1.5, 1e21] {
            for d in [0, 1, 3, 17] {
                same(x, d);
            }
        }
        assert_eq!(fixed(1.0, 40).to_string(), format!("{:.17}", 1.0), "clamped to 17 decimals");
    }

    #[test]
    fn matches_the_standard_library_on_200_000_random_floats() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for i in 0..200_000u32 {
            let bits = rng.next();
            // Half over every float, half over the magnitudes a chart meets (1e-6 to 1e9).
            let x = if i % 2 == 0 {
                f64::from_bits(bits)
            } else {
                let unit = (bits >> 11) as f64 / (1u64 << 53) as f64;
                10f64.powf(unit * 15.0 - 6.0)
            };
            if x.is_finite() {
                same(x, (bits % 8) as usize);
            }
        }
    }
}
