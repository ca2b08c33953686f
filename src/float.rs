//! `within`: `f64::clamp` without its panic message.
//!
//! Layer: shared by every layer. `f64::clamp` asserts `min <= max` with a message that formats
//! both bounds with `{:?}`, and that one use brings the standard library's whole float formatting
//! (about 4 KB of brotli) into the page's module; see `data::float_text`. `within` gives the same
//! result for ordered bounds and for NaN (which stays NaN), and never panics: with `lo > hi` a
//! value below `lo` gives `lo`, any other gives at most `hi`.

/// A float held between two bounds.
pub trait Within {
    /// `self` held between `lo` and `hi`, as `f64::clamp` holds it.
    fn within(self, lo: f64, hi: f64) -> f64;
}

impl Within for f64 {
    fn within(self, lo: f64, hi: f64) -> f64 {
        if self < lo {
            lo
        } else if self > hi {
            hi
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Within;

    #[test]
    fn holds_a_value_as_clamp_does() {
        for x in [-3.0, -1.0, -0.5, 0.0, 0.25, 1.0, 7.0, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(x.within(-1.0, 1.0), x.clamp(-1.0, 1.0), "{x}");
        }
        assert!(f64::NAN.within(0.0, 1.0).is_nan());
        assert_eq!(5.0.within(2.0, 1.0), 1.0, "reversed bounds do not panic");
    }
}
