//! Rows that scroll sideways (the header's switches, the contents bar, the map's layer tabs): on
//! which sides there is more to scroll to, for the fade that says so.
//!
//! Layer: views. `ui::scroll_rows` measures the row and writes the answer as `data-more`.

/// Pixels of overflow too few to call "more" (rounding of a row that just fits).
const SLACK: f64 = 2.0;

/// The sides of a row with more beyond its edge, as `data-more` names them: `start`, `end` or
/// `both`; `None` when the whole row shows. `left` is how far it is scrolled, `shown` its visible
/// width and `whole` its content's width (CSS pixels; left to right).
pub fn more(left: f64, shown: f64, whole: f64) -> Option<&'static str> {
    let before = left > SLACK;
    let after = left + shown < whole - SLACK;
    match (before, after) {
        (false, false) => None,
        (true, false) => Some("start"),
        (false, true) => Some("end"),
        (true, true) => Some("both"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_that_fits_says_nothing_and_one_that_overflows_names_the_sides_with_more() {
        assert_eq!(more(0.0, 390.0, 390.0), None);
        assert_eq!(more(0.0, 390.0, 391.5), None, "a pixel and a half is rounding");
        assert_eq!(more(0.0, 350.0, 700.0), Some("end"));
        assert_eq!(more(120.0, 350.0, 700.0), Some("both"));
        assert_eq!(more(350.0, 350.0, 700.0), Some("start"));
        assert_eq!(more(349.2, 350.0, 700.0), Some("start"), "scrolled to the end within a pixel");
    }
}
