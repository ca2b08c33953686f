//! The legend under the static map: the marks and texts the live draw puts under the map box, at
//! their own size (a legend does not scale with the map), in its wide form and, below the width
//! where its caption no longer fits beside the ramp, in its narrow form.
//!
//! Layer: static map (native).

use super::drawing::{zipped, Mark, Palette, Shape};
use super::labels::WIDTHS;
use crate::chart::map::{geometry, MapSpec};
use crate::chart::{ChartSpec, View};
use crate::data::format::escape_markup as escape;

/// The legend: its HTML, its height when wide, and when narrow (the widest narrow width and the
/// height there).
pub struct Legend {
    pub html: String,
    pub wide_height: f64,
    pub narrow: Option<(u32, f64)>,
}

impl Legend {
    /// The rules that switch to the narrow form, scoped to `scope`.
    pub fn css(&self, scope: &str) -> String {
        match self.narrow {
            Some((to, h)) => format!(
                "@container sm (max-width:{to}.99px){{{scope}{{--l:{h}px}}{scope} .sm-lw{{display:none}}{scope} .sm-ln{{display:block}}}}"
            ),
            None => String::new(),
        }
    }
}

/// The legend's marks in a drawing whose map box ends at `bottom`, as HTML with its colours
/// from `palette`: the ramp's rectangles in one SVG, the texts positioned over it.
fn part(marks: &[Mark], bottom: f64, palette: &mut Palette, class: &str) -> String {
    let top = (bottom + 10.0).round() as i32;
    let (mut shapes, mut texts, mut right, mut low) = (String::new(), String::new(), 0, 0);
    for m in marks.iter().skip(1) {
        match &m.shape {
            Shape::Rect(x, y, w, h) if f64::from(*y) > bottom => {
                let c = palette.index(m.colours);
                shapes.push_str(&format!(r#"<path class="f{c}" d="M{x} {}h{w}v{h}h-{w}z"/>"#, y - top));
                right = right.max(x + w);
                low = low.max(y - top + h);
            }
            Shape::Text { x, y, anchor, size, bold, text } if f64::from(*y) > bottom => {
                let c = palette.index(m.colours);
                let align = match anchor.as_str() {
                    "end" => " e",
                    "middle" => " m",
                    _ => "",
                };
                let weight = if *bold { ";font-weight:700" } else { "" };
                texts.push_str(&format!(
                    r#"<span class="c{c}{align}" style="left:{x}px;top:{}px;font-size:{size}px{weight}">{}</span>"#,
                    y - top,
                    escape(text)
                ));
            }
            _ => {}
        }
    }
    format!(
        r#"<div class="{class}"><svg width="{right}" height="{low}" aria-hidden="true" focusable="false">{shapes}</svg>{texts}</div>"#
    )
}

/// The legend of `spec` in `view`, from `wide` (the drawing at the reference width) and, when the
/// legend changes form within [`WIDTHS`], a drawing at the widest width of its narrow form.
pub fn legend(spec: &MapSpec, view: &View, wide: &[Mark], palette: &mut Palette) -> Result<Legend, String> {
    let reference = f64::from(super::REFERENCE_WIDTH);
    let g = geometry(spec, reference, view.centre);
    let heights: Vec<(u32, f64)> = WIDTHS.map(|w| (w, geometry(spec, f64::from(w), view.centre).legend)).collect();
    // The widths where the legend is not in its wide form must all lie below those where it is.
    let narrow: Vec<&(u32, f64)> = heights.iter().filter(|(_, h)| *h != g.legend).collect();
    let narrow = match narrow.last() {
        None => None,
        Some(&&(to, h)) => {
            if narrow.iter().any(|(_, x)| *x != h) || heights.iter().any(|(w, x)| *w < to && *x == g.legend) {
                return Err("the legend takes more than two forms across the widths".into());
            }
            Some((to, h))
        }
    };
    let mut html = format!(r#"<div class="sm-legend">{}"#, part(wide, g.map_box.y1, palette, "sm-lw"));
    if let Some((to, _)) = narrow {
        let marks = zipped(&ChartSpec::Map(spec.clone()), to, view)?;
        let gn = geometry(spec, f64::from(to), view.centre);
        html.push_str(&part(&marks, gn.map_box.y1, palette, "sm-ln"));
    }
    html.push_str("</div>");
    let css_colours = palette.0.len();
    let _ = css_colours;
    Ok(Legend { html, wide_height: g.legend, narrow })
}
