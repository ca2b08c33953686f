//! Colours and type for charts, shared with the CSS tokens in `style/tokens.css`.
//!
//! Layer: chart. Pure values; no drawing here. The palette is Okabe–Ito (safe for the common
//! forms of colour blindness); growth uses blue for rises and vermillion for falls, which stay
//! distinct under deuteranopia and protanopia.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// CSS hex notation.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Mix towards `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Mode {
    #[default]
    Light,
    Dark,
}

impl Mode {
    /// The name used in addresses, storage and `data-theme`: `light` or `dark`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Light => "light",
            Mode::Dark => "dark",
        }
    }

    /// The mode of a name (`light`, `dark`); `None` for anything else.
    pub fn from_name(name: &str) -> Option<Mode> {
        [Mode::Light, Mode::Dark].into_iter().find(|m| m.as_str() == name)
    }

    /// The other mode (what the switch offers).
    pub fn other(self) -> Mode {
        match self {
            Mode::Light => Mode::Dark,
            Mode::Dark => Mode::Light,
        }
    }
}

/// Everything a draw function needs to know about appearance.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub mode: Mode,
    pub bg: Rgb,
    pub fg: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    pub rise: Rgb,
    pub fall: Rgb,
    pub note: Rgb,
    pub series: [Rgb; 6],
    /// CSS font stack with CJK fonts first, so canvas text renders Chinese glyphs.
    pub font: &'static str,
    /// Reader-side high-contrast mode: stronger colours and hatch patterns that tell series
    /// (and falls from rises) apart without colour.
    pub patterns: bool,
}

/// The font stack shared by the CSS and the canvas.
pub const FONT_STACK: &str =
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif";

impl Theme {
    pub fn light() -> Theme {
        Theme {
            mode: Mode::Light,
            bg: Rgb(0xff, 0xff, 0xff),
            fg: Rgb(0x1d, 0x23, 0x2b),
            muted: Rgb(0x5b, 0x64, 0x70),
            grid: Rgb(0xe3, 0xe6, 0xea),
            axis: Rgb(0x8a, 0x93, 0x9e),
            rise: Rgb(0x00, 0x72, 0xb2),
            fall: Rgb(0xd5, 0x5e, 0x00),
            note: Rgb(0xb0, 0x3a, 0x2e),
            series: [
                Rgb(0x00, 0x72, 0xb2),
                Rgb(0xe6, 0x9f, 0x00),
                Rgb(0x00, 0x9e, 0x73),
                Rgb(0xcc, 0x79, 0xa7),
                Rgb(0x56, 0xb4, 0xe9),
                Rgb(0xd5, 0x5e, 0x00),
            ],
            font: FONT_STACK,
            patterns: false,
        }
    }

    pub fn dark() -> Theme {
        Theme {
            mode: Mode::Dark,
            bg: Rgb(0x16, 0x1b, 0x22),
            fg: Rgb(0xe6, 0xe9, 0xed),
            muted: Rgb(0xa3, 0xab, 0xb5),
            grid: Rgb(0x2c, 0x33, 0x3d),
            axis: Rgb(0x6b, 0x75, 0x80),
            rise: Rgb(0x56, 0xb4, 0xe9),
            fall: Rgb(0xf0, 0x8a, 0x4b),
            note: Rgb(0xff, 0x8a, 0x7a),
            series: [
                Rgb(0x56, 0xb4, 0xe9),
                Rgb(0xe6, 0x9f, 0x00),
                Rgb(0x2e, 0xc4, 0x9a),
                Rgb(0xe0, 0x98, 0xc0),
                Rgb(0x9c, 0xd3, 0xf5),
                Rgb(0xf0, 0x8a, 0x4b),
            ],
            font: FONT_STACK,
            patterns: false,
        }
    }

    pub fn for_mode(mode: Mode) -> Theme {
        match mode {
            Mode::Light => Theme::light(),
            Mode::Dark => Theme::dark(),
        }
    }

    /// The high-contrast variant: text and axes at full contrast, darker (light) or brighter
    /// (dark) marks, and hatch patterns on.
    pub fn high_contrast(mode: Mode) -> Theme {
        let base = Theme::for_mode(mode);
        let (fg, muted, grid, axis) = match mode {
            Mode::Light => (Rgb(0, 0, 0), Rgb(0x26, 0x26, 0x26), Rgb(0xb0, 0xb0, 0xb0), Rgb(0, 0, 0)),
            Mode::Dark => (Rgb(0xff, 0xff, 0xff), Rgb(0xe0, 0xe0, 0xe0), Rgb(0x6a, 0x6a, 0x6a), Rgb(0xff, 0xff, 0xff)),
        };
        let bg = match mode {
            Mode::Light => Rgb(0xff, 0xff, 0xff),
            Mode::Dark => Rgb(0, 0, 0),
        };
        let toward = if mode == Mode::Light { Rgb(0, 0, 0) } else { Rgb(0xff, 0xff, 0xff) };
        Theme {
            bg,
            fg,
            muted,
            grid,
            axis,
            rise: base.rise.mix(toward, 0.25),
            fall: base.fall.mix(toward, 0.25),
            series: base.series.map(|c| c.mix(toward, 0.25)),
            patterns: true,
            ..base
        }
    }

    /// The theme for a mode and the reader's contrast choice.
    pub fn pick(mode: Mode, high_contrast: bool) -> Theme {
        if high_contrast {
            Theme::high_contrast(mode)
        } else {
            Theme::for_mode(mode)
        }
    }

    /// A colour faded towards the background (for dimmed items).
    pub fn faded(&self, c: Rgb) -> Rgb {
        c.mix(self.bg, 0.7)
    }

    /// The fill for a derived value: the series colour, lightened.
    pub fn derived_fill(&self, c: Rgb) -> Rgb {
        c.mix(self.bg, 0.55)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance per WCAG 2.
    fn luminance(c: Rgb) -> f64 {
        let ch = |v: u8| {
            let s = v as f64 / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }

    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// Deuteranopia simulation (Viénot, Brettel & Mollon 1999) in linear RGB.
    fn deuteranope(c: Rgb) -> (f64, f64, f64) {
        let lin = |v: u8| {
            let s = v as f64 / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        let (r, g, b) = (lin(c.0), lin(c.1), lin(c.2));
        (0.29275 * r + 0.70725 * g, 0.29275 * r + 0.70725 * g, -0.02234 * r + 0.02234 * g + b)
    }

    #[test]
    fn text_colours_meet_wcag_aa_on_both_backgrounds() {
        for t in [Theme::light(), Theme::dark()] {
            assert!(contrast(t.fg, t.bg) >= 7.0, "{:?} body text", t.mode);
            assert!(contrast(t.muted, t.bg) >= 4.5, "{:?} muted text", t.mode);
        }
    }

    #[test]
    fn rises_and_falls_stay_distinct_for_deuteranopes() {
        for t in [Theme::light(), Theme::dark()] {
            let (a, b) = (deuteranope(t.rise), deuteranope(t.fall));
            let dist = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt();
            assert!(dist > 0.25, "{:?}: rise/fall too close under deuteranopia ({dist:.3})", t.mode);
        }
    }

    #[test]
    fn high_contrast_text_reaches_aaa() {
        for mode in [Mode::Light, Mode::Dark] {
            let t = Theme::high_contrast(mode);
            assert!(contrast(t.fg, t.bg) >= 15.0);
            assert!(contrast(t.muted, t.bg) >= 7.0);
            assert!(t.patterns);
        }
    }

    #[test]
    fn hex_and_mix_are_exact_at_the_ends() {
        let c = Rgb(0x00, 0x72, 0xb2);
        assert_eq!(c.hex(), "#0072b2");
        assert_eq!(c.mix(Rgb(255, 255, 255), 0.0), c);
        assert_eq!(c.mix(Rgb(255, 255, 255), 1.0), Rgb(255, 255, 255));
    }
}
