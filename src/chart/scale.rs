//! Linear scales and "nice" ticks.
//!
//! Layer: chart. Pure maths with unit tests beside it.

/// A linear map from a data domain to a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { d0: domain.0, d1: domain.1, r0: range.0, r1: range.1 }
    }

    /// Data → pixels.
    pub fn at(&self, x: f64) -> f64 {
        if self.d1 == self.d0 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (x - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }

    /// Pixels → data.
    pub fn invert(&self, px: f64) -> f64 {
        if self.r1 == self.r0 {
            return self.d0;
        }
        self.d0 + (px - self.r0) / (self.r1 - self.r0) * (self.d1 - self.d0)
    }
}

/// A step of 1, 2 or 5 × 10^k close to `span / count`.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if span.is_nan() || span <= 0.0 || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let m = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// Extend `(lo, hi)` to multiples of a nice step; returns the domain and the ticks.
/// The domain always includes zero (bars start at zero).
pub fn nice_domain(lo: f64, hi: f64, count: usize) -> ((f64, f64), Vec<f64>) {
    let lo = lo.min(0.0);
    let hi = hi.max(0.0);
    let (lo, hi) = if lo == hi { (0.0, 1.0) } else { (lo, hi) };
    let step = nice_step(hi - lo, count);
    let d0 = (lo / step).floor() * step;
    let d1 = (hi / step).ceil() * step;
    let n = ((d1 - d0) / step).round() as i64;
    let ticks = (0..=n).map(|i| clean(d0 + i as f64 * step)).collect();
    ((clean(d0), clean(d1)), ticks)
}

/// Round away floating-point noise (0.30000000000000004 → 0.3).
fn clean(x: f64) -> f64 {
    let r = (x * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(6644.51, 5), 2000.0);
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(0.9, 3), 0.5);
    }

    #[test]
    fn domains_cover_the_data_and_zero() {
        let ((d0, d1), ticks) = nice_domain(-13.5, 26.3, 5);
        assert!(d0 <= -13.5 && d1 >= 26.3);
        assert!(ticks.contains(&0.0));
        assert_eq!(ticks.first(), Some(&d0));
        assert_eq!(ticks.last(), Some(&d1));
        let ((p0, _), _) = nice_domain(120.0, 4440.0, 5);
        assert_eq!(p0, 0.0);
    }

    #[test]
    fn linear_scale_round_trips() {
        let s = Linear::new((0.0, 100.0), (50.0, 450.0));
        assert_eq!(s.at(25.0), 150.0);
        assert_eq!(s.invert(150.0), 25.0);
        let flat = Linear::new((3.0, 3.0), (0.0, 10.0));
        assert_eq!(flat.at(3.0), 5.0);
    }
}
