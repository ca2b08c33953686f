//! The map at first paint: the default layer in each language's default centre (Chinese: the
//! Pacific, English: the Atlantic), drawn natively by the same draw that makes the SVG exports
//! and the golden files, written into the static first screen (`crate::shell`) so that a reader
//! sees the map with the header, before the WebAssembly module has arrived.
//!
//! One drawing serves every width, theme and contrast:
//!
//! - the layer is drawn once per theme at [`REFERENCE_WIDTH`] by the live map's own draw, which
//!   rounds coordinates to whole pixels and leaves out polygons smaller than a pixel there, and its
//!   marks become a few SVG paths whose colours are CSS custom properties, one value per theme
//!   (`drawing`);
//! - the SVG is fitted into the map box exactly as the live map fits the world: the box's height
//!   follows the width by the live map's own rule (`style/static-map.css`, from the numbers here),
//!   the extent is centred in it with the same padding, lines keep their width in pixels;
//! - labels are HTML text at the live map's font size, left out or moved at the widths where the
//!   live map does (`labels`), and the legend is drawn at its fixed size under the map (`legend`).
//!
//! `twin` writes the card around it (title, controls, tools, description), inert, as the live
//! card lays them out, so the live canvas takes the static map's place without anything moving.
//!
//! Layer: between views/chart and the shell; native (the module only needs the element's id).

pub mod drawing;
pub mod labels;
pub mod legend;
pub mod twin;

use crate::chart::map::{geometry, geometry_in, MapSpec, PHONE_TALL, PHONE_WIDTH};
use crate::chart::{ChartSpec, View};
use crate::data::Lang;
use crate::geo::Centre;
use crate::views::{build_with, Built, ChartDef, DEFAULT_LAYER};
use drawing::{path_data, Mark, Palette, Shape};

/// The id of the static map's card; the app moves it into the map section and removes it when
/// the live map has drawn its first frame.
pub const ID: &str = crate::shell::STATIC_MAP_ID;

/// The width the drawing is made at: the widest the page shows the map (its card at 1280 px and
/// over), so that a desktop sees every coordinate on its own pixel.
pub const REFERENCE_WIDTH: u32 = 1166;

/// Outlines are simplified to within this many pixels of the live map's at [`REFERENCE_WIDTH`]
/// (a quarter of a pixel on a phone), borders shared by neighbours alike (`drawing::simplify_shared`):
/// the drawing is then 19 KB gzip for both languages rather than 26.
pub const SIMPLIFY_PX: f64 = 1.0;

/// The default layer and the centre each language starts in.
pub fn layer() -> &'static ChartDef {
    crate::views::chart(DEFAULT_LAYER).expect("the default layer is in the catalogue")
}

/// The map spec of the default layer in `lang`, as the app builds it at start.
pub fn spec(lang: Lang) -> MapSpec {
    let def = layer();
    match build_with(def, lang, &def.default_settings()) {
        Built::Canvas { spec, .. } => match *spec {
            ChartSpec::Map(m) => m,
            _ => panic!("{} is not a map", def.id),
        },
        _ => panic!("{} is not drawn on a canvas", def.id),
    }
}

/// The centre a language starts in (the address and the reader's choice aside).
pub fn centre(lang: Lang) -> Centre {
    crate::views::state::centre_for(None, lang)
}

/// The view the layer opens on drawn `w` wide in a view centred on `centre`, as the live map opens
/// it: the whole extent, or on a phone the framing of its items (`views::interact::camera`).
pub fn view_at(spec: &MapSpec, w: f64, centre: Centre) -> View {
    View { centre, camera: crate::views::interact::camera::opening(spec, w, centre), ..View::default() }
}

/// Where the extent is on a phone, in the fit box's pixels (`.sm-fit`: the map box 8 px in), as
/// linear rules of the box's width `F` (`100cqw`), `[left, top, width, height]` each `(a, b)` for
/// `a·F + b`: the framing of the opening view scales with the width, as the phone's map box does.
/// Fitted over the phone widths of [`labels::WIDTHS`] from 264 px (a 320 px screen's map) up, it is
/// within 1.5 px of what the live map draws ([`phone_extent`]; the map's height is rounded to a
/// pixel, so the framing is not exactly linear).
pub fn phone_rule(spec: &MapSpec, centre: Centre) -> [(f64, f64); 4] {
    let pts: Vec<(f64, [f64; 4])> =
        phone_widths().filter(|&w| w >= 264.0).map(|w| (w - 16.0, phone_extent(spec, w, centre))).collect();
    let n = pts.len() as f64;
    std::array::from_fn(|k| {
        let (sx, sy) = pts.iter().fold((0.0, 0.0), |(a, b), (x, v)| (a + x, b + v[k]));
        let (mx, my) = (sx / n, sy / n);
        let (sxy, sxx) =
            pts.iter().fold((0.0, 0.0), |(a, b), (x, v)| (a + (x - mx) * (v[k] - my), b + (x - mx) * (x - mx)));
        let a = sxy / sxx;
        (a, my - a * mx)
    })
}

/// The canvas widths of [`labels::WIDTHS`] that are a phone's.
fn phone_widths() -> impl Iterator<Item = f64> {
    labels::WIDTHS.map(f64::from).filter(|&w| w <= PHONE_WIDTH)
}

/// Where the live map's opening view puts the extent at width `w`, in the fit box's pixels:
/// `[left, top, width, height]`.
pub fn phone_extent(spec: &MapSpec, w: f64, centre: Centre) -> [f64; 4] {
    let g = geometry_in(spec, w, &view_at(spec, w, centre));
    let e = g.extent;
    [e.x0 - g.map_box.x0 - 8.0, e.y0 - g.map_box.y0 - 8.0, e.width(), e.height()]
}

/// The phone's rules for `scope`: the drawing and labels where [`phone_rule`] puts the extent.
fn phone_css(spec: &MapSpec, centre: Centre, scope: &str) -> String {
    let r = phone_rule(spec, centre);
    let len = |(a, b): (f64, f64)| format!("calc(100cqw*{a:.6} + {b:.3}px)");
    format!(
        "@container sm (max-width:{PHONE_WIDTH}.99px){{{scope} .sm-geo,{scope} .sm-labels{{transform:none;left:{};top:{};width:{};height:{}}}}}",
        len(r[0]),
        len(r[1]),
        len(r[2]),
        len(r[3])
    )
}

/// The static map of one language: the box (drawing, labels, legend) and its stylesheet.
pub struct Drawn {
    pub html: String,
    pub css: String,
}

/// The CSS class of a language's box.
pub fn scope(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => ".sm-zh",
        Lang::En => ".sm-en",
    }
}

/// Draw the default layer for `lang` in its centre, its colours numbered in `palette` (shared by
/// both languages: most colours are the same in both).
pub fn draw(lang: Lang, palette: &mut Palette) -> Result<Drawn, String> {
    let w = REFERENCE_WIDTH;
    let spec = spec(lang);
    let view = View { centre: centre(lang), ..View::default() };
    let g = geometry(&spec, f64::from(w), view.centre);
    let marks = drawing::zipped(&ChartSpec::Map(spec.clone()), w, &view)?;
    let background = palette.index(marks.first().ok_or("an empty drawing")?.colours);
    let paths = paths(&marks, g.map_box.y1 + 1.0, palette);
    let e = g.extent;
    let svg = format!(
        r#"<svg class="sm-geo" viewBox="{:.2} {:.2} {:.2} {:.2}" aria-hidden="true" focusable="false">{paths}</svg>"#,
        e.x0,
        e.y0,
        e.width(),
        e.height()
    );
    let scope = scope(lang);
    let placed = labels::labels(&spec, view.centre).ok_or("the default layer's labels need lines")?;
    let (label_html, label_css) = labels::html_and_css(&placed, scope);
    let legend = legend::legend(&spec, &view, &marks, palette)?;
    let fg = palette.index(drawing::themes().map(|t| t.fg));
    let bg = palette.index(drawing::themes().map(|t| t.bg));
    let mut css = format!(
        "{scope}{{background:var({});--fg:var({});--halo:var({});--r:{:.6};--l:{}px}}",
        Palette::var(background),
        Palette::var(fg),
        Palette::var(bg),
        e.width() / e.height(),
        legend.wide_height,
    );
    css.push_str(&legend.css(scope));
    css.push_str(&phone_css(&spec, view.centre, scope));
    css.push_str(&label_css);
    let html = format!(
        r#"<div class="sm-box {cls} l-{lang}"><div class="sm-clip"><div class="sm-fit">{svg}<div class="sm-labels">{label_html}</div></div></div>{legend}</div>"#,
        cls = &scope[1..],
        lang = lang.code(),
        legend = legend.html,
    );
    Ok(Drawn { html, css })
}

/// The map's marks (those above `bottom`, but its texts: the labels are HTML) as SVG paths, one per
/// run of marks of the same colour and kind, in the order drawn. The countries' borders (lines of
/// one pixel in the background colour, drawn over all the fills) become the fills' own stroke:
/// a border between two countries is stroked again by the later one, so it shows whole as when
/// drawn last, and the drawing carries each border once instead of twice.
fn paths(marks: &[Mark], bottom: f64, palette: &mut Palette) -> String {
    /// A mark kept for the drawing.
    struct Part<'a> {
        pts: &'a [(i32, i32)],
        colour: usize,
        /// A line's width, or none for a fill.
        stroke: Option<u32>,
        /// A fill that is a country (it carries the borders).
        country: bool,
    }
    let bg = drawing::themes().map(|t| t.bg);
    let border = palette.index(bg);
    let mut kept: Vec<Part> = Vec::new();
    let mut ocean = true;
    for m in marks.iter().skip(1) {
        let (pts, stroke) = match &m.shape {
            Shape::Fill(p) => (p, None),
            Shape::Line(p, w) => (p, Some(*w)),
            _ => continue,
        };
        if pts.iter().all(|&(_, y)| f64::from(y) > bottom) || (stroke == Some(1) && m.colours == bg) {
            continue;
        }
        // The first fill is the sea; every later one a country (or part of one).
        let country = stroke.is_none() && !std::mem::replace(&mut ocean, false);
        kept.push(Part { pts, colour: palette.index(m.colours), stroke, country });
    }
    let outlines: Vec<&[(i32, i32)]> = kept.iter().map(|k| k.pts).collect();
    let simple = drawing::simplify_shared(&outlines, SIMPLIFY_PX);
    // One path per run of parts of the same colour and kind: (its class, its data).
    let mut runs: Vec<(String, String)> = Vec::new();
    for (k, pts) in kept.iter().zip(&simple) {
        let class = match (k.stroke, k.country) {
            (None, true) => format!("f{} s{border}", k.colour),
            (None, false) => format!("f{}", k.colour),
            (Some(1), _) => format!("s{}", k.colour),
            (Some(w), _) => format!("s{} w{w}", k.colour),
        };
        match runs.last_mut() {
            Some((c, d)) if *c == class => path_data(d, pts, k.stroke.is_none()),
            _ => {
                let mut d = String::new();
                path_data(&mut d, pts, k.stroke.is_none());
                runs.push((class, d));
            }
        }
    }
    runs.iter().map(|(class, d)| format!(r#"<path class="{class}" d="{d}"/>"#)).collect()
}

/// The rules that colour the classes `html` uses: `f3` fills with colour 3, `s3` strokes with it,
/// `c3` is text in it; within `scope`.
fn colour_rules(html: &str, scope: &str) -> String {
    let mut used: Vec<(char, usize)> = Vec::new();
    for chunk in html.split("class=\"").skip(1) {
        let classes = &chunk[..chunk.find('"').unwrap_or(0)];
        for c in classes.split_whitespace() {
            let mut chars = c.chars();
            let (Some(kind @ ('f' | 's' | 'c')), Ok(i)) = (chars.next(), chars.as_str().parse::<usize>()) else {
                continue;
            };
            if !used.contains(&(kind, i)) {
                used.push((kind, i));
            }
        }
    }
    used.iter()
        .map(|&(kind, i)| {
            let prop = match kind {
                'f' => "fill",
                's' => "stroke",
                _ => "color",
            };
            format!("{scope} .{kind}{i}{{{prop}:var({})}}", Palette::var(i))
        })
        .collect()
}

/// The height of the map's box for its width, as the live map's canvas takes it: the map part
/// at the layer's aspect (a phone's: [`PHONE_TALL`]) within its limits, the padding, the legend
/// (`--l`, set per width), the whole rounded up to a pixel of a width rounded down (where
/// `round()` is known).
fn height_rule(spec: &MapSpec) -> String {
    use crate::chart::map::{aspect, MAP_HEIGHTS, PAD};
    let (lo, hi) = MAP_HEIGHTS;
    let rule = |a: f64| {
        let body =
            |w: &str| format!("clamp({lo}px,({w} - {}px)*{a:.6},{hi}px) + {}px + var(--l)", 2.0 * PAD, 2.0 * PAD);
        format!(
            ".sm-box{{height:calc({});height:round(up,calc({}),1px)}}",
            body("100cqw"),
            body("round(down,100cqw,1px)")
        )
    };
    format!("{}@container sm (max-width:{PHONE_WIDTH}.99px){{{}}}", rule(aspect(spec)), rule(PHONE_TALL))
}

/// The map at first paint for both languages: the layer switch as the app first shows it, and the
/// map's card holding a box per language (CSS shows the one of `<html lang>`).
pub fn html() -> Result<String, String> {
    let mut palette = Palette::default();
    let (zh, en) = (draw(Lang::Zh, &mut palette)?, draw(Lang::En, &mut palette)?);
    let map = format!("{}{}", zh.html, en.html);
    let style = format!(
        "{}{}{}{}{}",
        palette.css(".sm"),
        colour_rules(&map, ".sm"),
        height_rule(&spec(Lang::Zh)),
        zh.css,
        en.css
    );
    Ok(format!(
        r#"{}<div class="layer-card sm-holder">{}</div>"#,
        twin::tabs(layer().id),
        twin::card(layer(), &map, &style)
    ))
}

#[cfg(test)]
mod tests {
    use super::labels::{Spot, WIDTHS};
    use super::*;

    /// The rules of `css` that apply at a map `w` pixels wide: those outside any container query,
    /// and those inside the queries `w` meets (`min-width`, `max-width`, as written here).
    fn rules_at(css: &str, w: f64) -> String {
        let mut out = String::new();
        let mut rest = css;
        while !rest.is_empty() {
            if let Some(q) = rest.strip_prefix("@container sm ") {
                let open = q.find('{').unwrap();
                let cond = &q[..open];
                let body_start = open + 1;
                let mut depth = 1;
                let mut end = body_start;
                for (i, c) in q[body_start..].char_indices() {
                    depth += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    if depth == 0 {
                        end = body_start + i;
                        break;
                    }
                }
                let bound = |key: &str| {
                    cond.find(key).map(|i| cond[i + key.len()..].split("px").next().unwrap().parse::<f64>().unwrap())
                };
                if bound("min-width:").is_none_or(|lo| w >= lo) && bound("max-width:").is_none_or(|hi| w <= hi) {
                    out.push_str(&q[body_start..end]);
                }
                rest = &q[end + 1..];
            } else {
                let next = rest.find("@container").unwrap_or(rest.len());
                out.push_str(&rest[..next]);
                rest = &rest[next..];
            }
        }
        out
    }

    /// Where the stylesheet puts label `i` of `scope` at width `w` (the last rule wins).
    fn spot_in(css: &str, scope: &str, i: usize, w: f64) -> Spot {
        let rules = rules_at(css, w);
        let key = format!("{scope} .a{i}{{");
        let mut spot = Spot::At(0);
        for (at, _) in rules.match_indices(&key) {
            let body = &rules[at + key.len()..];
            let body = &body[..body.find('}').unwrap()];
            spot = if body.contains("display:none") {
                Spot::Out
            } else if body.contains("margin-top:-1.3em") {
                Spot::At(1)
            } else if body.contains("margin-top:1.3em") {
                Spot::At(2)
            } else {
                Spot::At(0)
            };
        }
        spot
    }

    #[test]
    fn at_every_width_each_label_shows_where_the_live_map_places_it() {
        for lang in [Lang::Zh, Lang::En] {
            let spec = spec(lang);
            let drawn = draw(lang, &mut Palette::default()).unwrap();
            let mut moved = 0;
            for w in WIDTHS.step_by(7).chain([317, 334, 339, 544, 545, 1166]) {
                let w = f64::from(w);
                let view = view_at(&spec, w, centre(lang));
                let placed = crate::chart::map::placed_labels(&spec, w, &view).unwrap();
                let g = geometry_in(&spec, w, &view);
                let fit = crate::chart::map::fit_for(&spec, w, g.map_box.height(), view.camera, view.centre);
                for (i, l) in spec.labels.iter().enumerate() {
                    let (_, y) = fit.to_px(view.centre.forward(l.lon, l.lat));
                    let want = match placed.iter().find(|p| p.text == l.text) {
                        None => Spot::Out,
                        Some(p) if (p.y - (y + g.map_box.y0)).abs() < 0.01 => Spot::At(0),
                        Some(p) if p.y < y + g.map_box.y0 => Spot::At(1),
                        Some(_) => Spot::At(2),
                    };
                    moved += usize::from(want != Spot::At(0));
                    assert_eq!(spot_in(&drawn.css, scope(lang), i, w), want, "{lang:?} label {} at {w} px", l.text);
                }
            }
            assert!(moved > 0, "{lang:?}: some label is left out or moved at some width (else this proves little)");
        }
    }

    #[test]
    fn a_label_sits_on_its_point_at_every_width() {
        let spec = spec(Lang::En);
        let labels = labels::labels(&spec, centre(Lang::En)).unwrap();
        for w in [317.0, 334.0, 640.0, 1166.0] {
            let view = view_at(&spec, w, centre(Lang::En));
            let g = geometry_in(&spec, w, &view);
            let fit = crate::chart::map::fit_for(&spec, w, g.map_box.height(), view.camera, view.centre);
            for (l, s) in labels.iter().zip(&spec.labels) {
                let (x, y) = fit.to_px(view.centre.forward(s.lon, s.lat));
                let e = g.extent;
                let (sx, sy) = (e.x0 + l.at.0 * e.width(), e.y0 + l.at.1 * e.height());
                assert!((sx - x).abs() < 0.01 && (sy - (y + g.map_box.y0)).abs() < 0.01, "{} at {w}", l.text);
            }
        }
    }

    #[test]
    fn the_box_is_as_tall_as_the_live_canvas_at_every_width() {
        for lang in [Lang::Zh, Lang::En] {
            let spec = spec(lang);
            let a: f64 = format!("{:.6}", crate::chart::map::aspect(&spec)).parse().unwrap();
            let drawn = draw(lang, &mut Palette::default()).unwrap();
            let rule = height_rule(&spec);
            assert!(rule.contains(&format!("*{a:.6},")), "{rule}");
            for w in WIDTHS {
                let w = f64::from(w);
                // --l as the stylesheet sets it at this width.
                let rules = rules_at(&drawn.css, w);
                let l: f64 = rules.rsplit("--l:").next().unwrap().split("px").next().unwrap().parse().unwrap();
                let (lo, hi) = crate::chart::map::MAP_HEIGHTS;
                let ratio = if w <= PHONE_WIDTH { PHONE_TALL } else { a };
                assert!(rule.contains(&format!("*{ratio:.6},")), "{rule}");
                let css_height = (((w - 16.0) * ratio).clamp(lo, hi) + 16.0 + l).ceil();
                assert_eq!(css_height, geometry(&spec, w, centre(lang)).height, "{lang:?} at {w} px");
            }
        }
    }

    #[test]
    fn on_a_phone_the_drawing_is_where_the_live_map_opens_at_every_width() {
        for lang in [Lang::Zh, Lang::En] {
            let (spec, c) = (spec(lang), centre(lang));
            let rule = phone_rule(&spec, c);
            let css = draw(lang, &mut Palette::default()).unwrap().css;
            assert!(css.contains(&format!("width:calc(100cqw*{:.6} + {:.3}px)", rule[2].0, rule[2].1)), "{css}");
            for w in phone_widths() {
                let live = phone_extent(&spec, w, c);
                assert!(
                    live[2] > 2.0 * (w - 16.0),
                    "{lang:?} at {w} px: the phone opens closer than the world ({live:?})"
                );
                for (k, (a, b)) in rule.iter().enumerate() {
                    let css = a * (w - 16.0) + b;
                    // Screens narrower than 320 px (maps under 264) meet the pan's bound at the top.
                    let within = if w >= 264.0 { 1.5 } else { 4.0 };
                    assert!(
                        (css - live[k]).abs() < within,
                        "{lang:?} at {w} px, side {k}: CSS {css:.2}, live {:.2}",
                        live[k]
                    );
                }
            }
            assert_eq!(view_at(&spec, PHONE_WIDTH + 1.0, c).camera, None, "wider, the whole world");
        }
    }

    #[test]
    fn every_colour_used_has_a_value_in_every_theme() {
        let page = html().unwrap();
        let style = &page[page.find("<style>").unwrap()..page.find("</style>").unwrap()];
        let rules = colour_rules(&page, ".sm");
        assert!(rules.contains(".sm .f1{fill:var(--sm1)}"), "the sea: {rules}");
        let vars: Vec<&str> =
            style.split("var(").skip(1).map(|v| &v[..v.find(')').unwrap()]).filter(|v| v.starts_with("--sm")).collect();
        assert!(vars.len() > 20, "{vars:?}");
        for var in vars {
            assert_eq!(style.matches(&format!("{var}:#")).count(), 4, "{var} in the four themes");
        }
    }

    #[test]
    fn the_drawing_keeps_every_country_and_draws_each_border_once() {
        let (spec, view) = (spec(Lang::Zh), View { centre: centre(Lang::Zh), ..View::default() });
        let marks = drawing::zipped(&ChartSpec::Map(spec), REFERENCE_WIDTH, &view).unwrap();
        let fills: Vec<&Vec<(i32, i32)>> =
            marks.iter().filter_map(|m| if let Shape::Fill(p) = &m.shape { Some(p) } else { None }).collect();
        let kept = fills.len() - 1;
        let d = draw(Lang::Zh, &mut Palette::default()).unwrap();
        let svg = &d.html[..d.html.find("</svg>").unwrap()];
        let countries: usize = svg.split("<path class=\"f").skip(2).map(|p| p.matches('z').count()).sum();
        assert_eq!(countries, kept, "one closed subpath per country polygon the live map fills");
        let points = |d: &str| d.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).count() / 2;
        let written: usize = svg.split(" d=\"").skip(2).map(|p| points(&p[..p.find('"').unwrap()])).sum();
        let drawn: usize = fills.iter().skip(1).map(|p| p.len()).sum();
        assert!(written < drawn, "the outlines are simplified: {written} points written (lines too), {drawn} filled");
        let borders = marks
            .iter()
            .filter(|m| matches!(m.shape, Shape::Line(_, 1)) && m.colours == drawing::themes().map(|t| t.bg))
            .count();
        assert!(borders > 100, "the live draw strokes the borders separately ({borders} lines)");
        assert!(!svg.contains(&format!(r#"class="s{}""#, 0)), "no separate border lines: the fills carry them");
    }

    #[test]
    fn the_page_decides_with_the_app_s_default_layer() {
        let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
        assert!(
            index.contains(&format!("(k === 'layer' && v === '{DEFAULT_LAYER}')")),
            "index.html's script names the default layer"
        );
        assert_eq!(centre(Lang::Zh), Centre::Pacific);
        assert_eq!(centre(Lang::En), Centre::Atlantic);
    }
}
