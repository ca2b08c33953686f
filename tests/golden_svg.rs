//! Golden SVG snapshots: every canvas chart of the catalogue, in both languages, drawn through
//! the same draw functions the browser uses, via the atlas's SVG backend (`chart::svg_backend`).
//!
//! On a mismatch the new drawing is written beside the golden file as `*-changed.svg` and the
//! test fails; review it and run with `UPDATE_GOLDEN=1` to accept. A missing golden file is
//! written only under `UPDATE_GOLDEN=1`; otherwise it is an error.

use std::path::PathBuf;
use trade_atlas::chart::map::Camera;
use trade_atlas::chart::{svg, Mode, Theme, View};
use trade_atlas::data::Lang;
use trade_atlas::geo::Centre;
use trade_atlas::views::{build, build::frame, build_with, Built, Settings, SortKey, CHARTS};

const WIDTH: u32 = 640;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Plotters writes integer coordinates; normalise line endings and trailing space only.
fn normalise(svg: &str) -> String {
    svg.lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
}

/// Compare a drawing with its golden file; on a mismatch write `*-changed.svg` beside it (or,
/// under `UPDATE_GOLDEN=1`, accept it) and record the failure.
fn check(name: &str, doc: &str, failures: &mut Vec<String>) {
    let update = std::env::var("UPDATE_GOLDEN").is_ok();
    let doc = normalise(doc);
    let path = golden_dir().join(name);
    let changed = golden_dir().join(name.replace(".svg", "-changed.svg"));
    match std::fs::read_to_string(&path) {
        Ok(old) if old == doc => {
            let _ = std::fs::remove_file(&changed);
        }
        Ok(_) | Err(_) if update => std::fs::write(&path, &doc).unwrap(),
        Ok(_) => {
            std::fs::write(&changed, &doc).unwrap();
            failures.push(format!("{name} differs (see {})", changed.display()));
        }
        Err(_) => failures.push(format!("{name} has no golden file (run with UPDATE_GOLDEN=1)")),
    }
}

#[test]
fn every_canvas_chart_matches_its_golden_svg_in_both_languages() {
    let mut failures = Vec::new();
    let mut count = 0;
    for def in CHARTS {
        for lang in [Lang::Zh, Lang::En] {
            let Built::Canvas { spec, .. } = build(def, lang) else { continue };
            let (doc, layout) = svg::render(&spec, &frame(def, lang), &Theme::light(), WIDTH);
            let map_marks =
                layout.map.as_ref().is_some_and(|m| m.country_row.iter().any(Option::is_some) || !m.lines.is_empty());
            assert!(!layout.items.is_empty() || map_marks, "{} ({lang:?}) drew no marks", def.id);
            check(&format!("{}.{}.svg", def.id, lang.code()), &doc, &mut failures);
            count += 1;
        }
    }
    assert!(count >= 40, "expected every canvas chart in two languages, drew {count}");
    assert!(failures.is_empty(), "golden mismatches:\n{}", failures.join("\n"));
}

/// One drawing of a chart beyond the default reading.
struct Variant {
    name: &'static str,
    chart: &'static str,
    lang: Lang,
    theme: Theme,
    settings: Option<Settings>,
    width: u32,
    view: View,
}

fn variants() -> Vec<Variant> {
    let base = |name, chart, lang| Variant {
        name,
        chart,
        lang,
        theme: Theme::light(),
        settings: None,
        width: WIDTH,
        view: View::default(),
    };
    vec![
        // The dark theme, with a highlighted and a selected row.
        Variant {
            theme: Theme::dark(),
            view: View { highlight: Some(3), selected: vec![0], ..View::default() },
            ..base("dark", "partners-exports", Lang::En)
        },
        // High contrast: hatched series.
        Variant { theme: Theme::high_contrast(Mode::Light), ..base("hc", "headline-growth", Lang::Zh) },
        Variant { theme: Theme::high_contrast(Mode::Dark), ..base("hc-dark", "new-three-growth", Lang::En) },
        // A metric switch and a sort: Table 1 by the derived unit-value change, largest first.
        Variant {
            settings: Some(Settings { metric: 3, sort: SortKey::Value }),
            ..base("unit-value", "commodities", Lang::En)
        },
        // A phone's width.
        Variant { width: 360, ..base("narrow", "ports-jan-nov", Lang::Zh) },
        Variant { width: 360, ..base("narrow", "map-routes", Lang::En) },
        // The Pacific-centred view (150°E), as world maps published in China are drawn.
        Variant { view: View { centre: Centre::Pacific, ..View::default() }, ..base("pacific", "map-flows", Lang::Zh) },
        Variant {
            view: View { centre: Centre::Pacific, ..View::default() },
            ..base("pacific", "map-routes", Lang::En)
        },
        // A map layer zoomed in on East Asia, a row hidden from view behind a highlight.
        Variant {
            view: View { camera: Some(Camera { zoom: 3.0, cx: 1.6, cy: 0.55 }), highlight: Some(1), ..View::default() },
            ..base("zoom", "map-partners", Lang::Zh)
        },
    ]
}

#[test]
fn readings_themes_widths_and_zoom_match_their_golden_svgs() {
    let mut failures = Vec::new();
    for v in variants() {
        let def = trade_atlas::views::chart(v.chart).unwrap();
        let settings = v.settings.unwrap_or_else(|| def.default_settings());
        let Built::Canvas { spec, .. } = build_with(def, v.lang, &settings) else { panic!("{} is drawn", v.chart) };
        let (doc, layout) = svg::render_view(&spec, &frame(def, v.lang), &v.theme, v.width, &v.view);
        assert!(layout.width as u32 == v.width, "{} drawn at {}", v.name, layout.width);
        check(&format!("{}.{}.{}.svg", v.chart, v.name, v.lang.code()), &doc, &mut failures);
    }
    assert!(failures.is_empty(), "golden mismatches:\n{}", failures.join("\n"));
}

#[test]
fn exported_svgs_carry_title_and_source() {
    for def in CHARTS {
        let Built::Canvas { spec, .. } = build(def, Lang::En) else { continue };
        let (doc, _) = svg::render(&spec, &frame(def, Lang::En), &Theme::light(), WIDTH);
        assert!(doc.contains("Source: "), "{} has no source line", def.id);
        let first_word = def.title.en.split_whitespace().next().unwrap();
        assert!(doc.contains(first_word), "{} lacks its title", def.id);
    }
}

#[test]
fn table_3_svg_shows_every_partner_and_value() {
    let def = trade_atlas::views::chart("partners-exports").unwrap();
    let Built::Canvas { spec, .. } = build(def, Lang::Zh) else { panic!("canvas chart") };
    let (doc, layout) = svg::render(&spec, &frame(def, Lang::Zh), &Theme::light(), WIDTH);
    // Bar ends carry the label rule's precision and the unit; tooltips and tables keep the
    // printed digits.
    for (name, value) in [
        ("美国", "6,644.5 亿美元"),
        ("日本", "3,180.0 亿美元"),
        ("韩国", "3,107.4 亿美元"),
        ("俄罗斯", "2,401.1 亿美元"),
        ("越南", "2,297.9 亿美元"),
        ("澳大利亚", "2,292.0 亿美元"),
        ("德国", "2,067.8 亿美元"),
        ("马来西亚", "1,902.4 亿美元"),
        ("巴西", "1,815.3 亿美元"),
        ("印尼", "1,394.2 亿美元"),
    ] {
        assert!(doc.contains(&format!("\n{name}\n")), "missing label {name}");
        assert!(doc.contains(value), "missing value {value}");
    }
    assert_eq!(layout.items.len(), 10);
    // Bars are drawn in the paper's order, longest first.
    let widths: Vec<f64> = layout.items.iter().map(|it| it.rect.width()).collect();
    assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
}

/// The text boxes are the layout's own estimates (`chart::text::width`, the same estimate that
/// placed them), so this checks the placement arithmetic at a phone's width (label columns, caption
/// shifts, value labels beside their marks), not how wide a font draws the glyphs.
#[test]
fn narrow_charts_place_every_estimated_text_box_and_every_mark_inside_the_canvas() {
    for def in CHARTS {
        for lang in [Lang::Zh, Lang::En] {
            let Built::Canvas { spec, .. } = build(def, lang) else { continue };
            let (_, layout) = svg::render(&spec, &frame(def, lang), &Theme::light(), 360);
            assert!(!layout.texts.is_empty(), "{} ({lang:?}) drew no text", def.id);
            for t in &layout.texts {
                // Text widths are estimates; half a pixel of slack for rounding.
                assert!(
                    t.x0 >= -0.5 && t.x1 <= 360.5,
                    "{} ({lang:?}) has a label outside the canvas at 360 px: {t:?}",
                    def.id
                );
            }
            for it in &layout.items {
                assert!(it.rect.x0 >= 0.0 && it.rect.x1 <= 360.0, "{} ({lang:?}) mark outside: {:?}", def.id, it.rect);
            }
        }
    }
}
