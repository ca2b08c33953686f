//! The precision rule: a derived value shows no more precision than its least precise input.
//!
//! Layer: data (shared validation rules). Pure arithmetic, no dependencies.
//!
//! The rule, applied to every derived cell and every number a data note computes:
//!
//! - a printed figure is as precise as its last printed digit: `863.4497` has four decimals and seven
//!   significant figures, `-13` none and two; a whole-number count of things (a unit marked `count`
//!   in `data/units.csv`: factories, firms, sailings…) printed without a qualifier is exact, and so
//!   is every number written in a formula (`1`, `100`);
//! - sums and differences keep the fewest decimals of their terms; products, quotients and powers
//!   keep the fewest significant figures of their factors;
//! - the value is shown with the decimals that precision allows, never fewer than none (integer
//!   digits are not zeroed) and never more than the cap the catalogue gives (`decimals`, `#N`);
//! - a value computed from an "about" or "nearly" figure is itself "about". Bounds ("over 100") and
//!   ranges ("10~15") cannot enter a formula.
//!
//! The shown text is for reading; the value itself keeps full precision (CSV and JSON exports give
//! it in full).

use super::parse::{decimals_of, Arith, Qualifier};

/// How precise a number is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Precision {
    /// No rounding in it: a count, or a number written in a formula.
    Exact,
    /// Known to this many decimals (negative: to tens, hundreds…).
    Decimals(i32),
    /// Known to this many significant figures.
    Significant(i32),
}

/// A number with its precision and whether it is approximate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub x: f64,
    pub precision: Precision,
    /// Computed from (or printed as) an "about" or "nearly" figure.
    pub about: bool,
}

/// Significant figures of a printed number: every digit after the leading zeros ("0.083" → 2,
/// "1810" → 4, "-13" → 2, "0" → 1).
pub fn significant_of(text: &str) -> i32 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let kept = digits.trim_start_matches('0').len();
    kept.max(1) as i32
}

/// The power of ten of a number's leading digit (`863.4` → 2, `0.13` → −1); 0 for zero.
fn magnitude(x: f64) -> i32 {
    if x == 0.0 || !x.is_finite() {
        0
    } else {
        x.abs().log10().floor() as i32
    }
}

impl Figure {
    /// A printed figure. `count` says the cell's unit counts things.
    pub fn printed(x: f64, text: &str, qual: Qualifier, count: bool) -> Figure {
        let whole = !text.contains('.') && !text.contains('/');
        let precision = if (count && whole && qual == Qualifier::Exact) || text.contains('/') {
            Precision::Exact
        } else {
            Precision::Decimals(i32::from(decimals_of(text)))
        };
        Figure { x, precision, about: matches!(qual, Qualifier::About | Qualifier::Nearly) }
    }

    /// Decimals the value is known to; `None` when exact.
    pub fn decimals(&self) -> Option<i32> {
        match self.precision {
            Precision::Exact => None,
            Precision::Decimals(d) => Some(d),
            Precision::Significant(s) => Some(s - 1 - magnitude(self.x)),
        }
    }

    /// Significant figures the value is known to; `None` when exact.
    pub fn significant(&self) -> Option<i32> {
        match self.precision {
            Precision::Exact => None,
            Precision::Decimals(d) => Some((d + magnitude(self.x) + 1).max(1)),
            Precision::Significant(s) => Some(s),
        }
    }

    /// The decimals to show: what the precision allows, at least 0, at most `cap` (an exact whole
    /// number shows none).
    pub fn shown_decimals(&self, cap: u8) -> u8 {
        match self.decimals() {
            None if self.x.fract() == 0.0 => 0,
            None => cap,
            Some(d) => d.clamp(0, i32::from(cap)) as u8,
        }
    }

    /// The value as shown: rounded to [`Figure::shown_decimals`], never "-0".
    pub fn shown(&self, cap: u8) -> String {
        fixed(self.x, self.shown_decimals(cap))
    }

    fn sum(self, other: Figure, x: f64) -> Figure {
        let precision = match (self.decimals(), other.decimals()) {
            (None, None) => Precision::Exact,
            (a, b) => Precision::Decimals(a.unwrap_or(i32::MAX).min(b.unwrap_or(i32::MAX))),
        };
        Figure { x, precision, about: self.about || other.about }
    }

    fn product(self, other: Figure, x: f64) -> Figure {
        let precision = match (self.significant(), other.significant()) {
            (None, None) => Precision::Exact,
            (a, b) => Precision::Significant(a.unwrap_or(i32::MAX).min(b.unwrap_or(i32::MAX))),
        };
        Figure { x, precision, about: self.about || other.about }
    }
}

impl Arith for Figure {
    fn constant(x: f64) -> Figure {
        Figure { x, precision: Precision::Exact, about: false }
    }
    fn add(self, other: Figure) -> Figure {
        self.sum(other, self.x + other.x)
    }
    fn sub(self, other: Figure) -> Figure {
        self.sum(other, self.x - other.x)
    }
    fn mul(self, other: Figure) -> Figure {
        self.product(other, self.x * other.x)
    }
    fn div(self, other: Figure) -> Option<Figure> {
        (other.x != 0.0).then(|| self.product(other, self.x / other.x))
    }
    fn neg(self) -> Figure {
        Figure { x: -self.x, ..self }
    }
    fn pow(self, other: Figure) -> Option<Figure> {
        Some(self.x.powf(other.x)).filter(|v| v.is_finite()).map(|x| self.product(other, x))
    }
}

/// A number with fixed decimals, never "-0".
pub fn fixed(x: f64, decimals: u8) -> String {
    let s = format!("{:.*}", decimals as usize, x);
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::evaluate_in;
    use super::*;

    /// Evaluate a formula over printed figures named `a`, `b`, `c`.
    fn eval(src: &str, inputs: &[(&str, f64, &str, Qualifier, bool)]) -> Figure {
        let mut look = |name: &str| -> Result<Option<Figure>, String> {
            let (_, x, text, q, count) = inputs.iter().find(|i| i.0 == name).ok_or("no such input")?;
            Ok(Some(Figure::printed(*x, text, *q, *count)))
        };
        evaluate_in(src, &mut look).unwrap().unwrap()
    }

    const E: Qualifier = Qualifier::Exact;

    #[test]
    fn a_whole_number_growth_rate_leaves_no_decimals_on_an_implied_earlier_value() {
        // Los Angeles: 863.4497 (10⁴ TEU) in 2023, −13 %: the 2022 value is known to whole units at best.
        let f = eval("a / (1 + b / 100)", &[("a", 863.4497, "863.4497", E, false), ("b", -13.0, "-13", E, false)]);
        assert!((f.x - 992.4709).abs() < 1e-3, "the value itself keeps full precision: {}", f.x);
        assert_eq!(f.shown(4), "992");
    }

    #[test]
    fn an_implied_surplus_keeps_no_more_than_its_inputs_allow() {
        // 8 232.2 at −1.7 %: three significant figures from the rate, shown to whole units.
        let f = eval("a / (1 + b / 100)", &[("a", 8232.2, "8232.2", E, false), ("b", -1.7, "-1.7", E, false)]);
        assert_eq!(f.shown(3), "8375");
        // 5.94 trillion at −5.0 %: three significant figures, two decimals.
        let f = eval("a / (1 + b / 100)", &[("a", 5.94, "5.94", E, false), ("b", -5.0, "-5.0", E, false)]);
        assert_eq!(f.shown(3), "6.25");
    }

    #[test]
    fn sums_keep_the_fewest_decimals_of_their_terms() {
        let f = eval(
            "a + b + c",
            &[
                ("a", 2297.93, "2297.93", E, false),
                ("b", 1902.44, "1902.44", E, false),
                ("c", 1394.16, "1394.16", E, false),
            ],
        );
        assert_eq!(f.shown(4), "5594.53");
        let f = eval("a - b", &[("a", 2.38, "2.38", E, false), ("b", 1.8, "1.8", E, false)]);
        assert_eq!(f.shown(4), "0.6");
    }

    #[test]
    fn counts_are_exact_so_a_share_of_counts_keeps_the_cap() {
        // 62 of 153 lighthouse factories.
        let f = eval("a / b * 100", &[("a", 62.0, "62", E, true), ("b", 153.0, "153", E, true)]);
        assert_eq!(f.precision, Precision::Exact);
        assert_eq!(f.shown(1), "40.5");
        // An exact whole number shows no decimals whatever the cap.
        assert_eq!(Figure::printed(77.0, "77", E, true).shown(2), "77");
        // The same numbers as measurements would support only two significant figures.
        let g = eval("a / b * 100", &[("a", 62.0, "62", E, false), ("b", 153.0, "153", E, false)]);
        assert_eq!(g.shown(1), "41");
    }

    #[test]
    fn a_value_from_an_about_figure_is_about() {
        let f =
            eval("a / (1 + b / 100)", &[("a", 268.0, "268", Qualifier::About, true), ("b", 56.72, "56.72", E, false)]);
        assert!(f.about);
        assert_eq!(f.shown(0), "171");
        let g = eval("a ^ (1 / 7)", &[("a", 43.0, "43", Qualifier::Nearly, false)]);
        assert!(g.about);
    }

    #[test]
    fn significant_figures_count_every_digit_after_leading_zeros() {
        assert_eq!(significant_of("0.083"), 2);
        assert_eq!(significant_of("1810"), 4);
        assert_eq!(significant_of("-13"), 2);
        assert_eq!(significant_of("0"), 1);
        assert_eq!(Figure::printed(-0.13, "-0.13", E, false).significant(), Some(2));
    }

    #[test]
    fn rounding_never_shows_minus_zero() {
        assert_eq!(fixed(-0.0004, 2), "0.00");
        assert_eq!(fixed(-2.5, 0), "-2");
    }
}
