//! The map's colours, from the theme: land, ocean, and what each `Paint` becomes.
//!
//! Layer: chart.

use super::Paint;
use crate::chart::theme::{Rgb, Theme};
use crate::float::Within;

/// The colour of a paint in a theme.
pub fn paint(th: &Theme, p: Paint) -> Rgb {
    let land = land(th);
    match p {
        Paint::Ramp(t) => land.mix(th.series[0], 0.25 + 0.75 * t.within(0.0, 1.0)),
        Paint::Diverge(t) => {
            let t = t.within(-1.0, 1.0);
            if t >= 0.0 {
                land.mix(th.rise, 0.25 + 0.75 * t)
            } else {
                land.mix(th.fall, 0.25 + 0.75 * -t)
            }
        }
        Paint::Series(i) => th.series[i % th.series.len()],
        Paint::Home => th.fg.mix(th.bg, 0.55),
    }
}

/// Countries without data.
pub fn land(th: &Theme) -> Rgb {
    th.grid.mix(th.bg, 0.15)
}

pub fn ocean(th: &Theme) -> Rgb {
    th.bg.mix(th.series[4], 0.10)
}
