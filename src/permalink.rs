//! The view in the URL: parsing and formatting the query string, as pure functions.
//!
//! Layer: between data and ui (no DOM). Unknown or malformed parameters are collected so the
//! UI can mention them; they never stop the page.
//!
//! A search (`?q=russia`) is an invitation, not a view: [`search_query`] reads it once, when the
//! page opens, and the search opens with it; [`parse`] accepts it but keeps nothing, so the
//! address is rewritten without it at once (in place, not as a history entry), Back and Forward
//! never step through searches, and "Copy link" gives the view the reader has reached.

use crate::chart::Mode;
use crate::data::{Lang, DATASETS};
use crate::views::{chart, tour, Settings, SortKey, CHARTS};

/// The `embed=` value that shows the guided tour rather than one chart.
pub const TOUR_EMBED: &str = "tour";

/// What a query string asks for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Params {
    pub lang: Option<Lang>,
    pub theme: Option<Mode>,
    /// High contrast on (`hc=1`) or off (`hc=0`).
    pub contrast: Option<bool>,
    /// The selected entity (a country code, region or port present in the data).
    pub sel: Option<&'static str>,
    /// Charts whose reading differs from the default: (chart id, settings).
    pub charts: Vec<(&'static str, Settings)>,
    /// Show one chart alone, for an `<iframe>`.
    pub embed: Option<&'static str>,
    /// In an embed, whether to show the reading controls and menu (`controls=0` hides them).
    pub controls: bool,
    /// The map layer (`layer=map-ports`).
    pub layer: Option<&'static str>,
    /// The map's zoom and centre in projected units (`view=2.5,1.4,0.6`).
    pub camera: Option<crate::chart::map::Camera>,
    /// The world map's central meridian, when the reader chose one (`centre=pacific`); without
    /// it the map follows the language (Pacific for Chinese, Atlantic for English).
    pub centre: Option<crate::geo::Centre>,
    /// The step of the guided tour being shown (`tour=3`, from 1).
    pub tour: Option<usize>,
    /// Parameters that were not understood, as `key=value` for a notice.
    pub ignored: Vec<String>,
}

impl Params {
    /// The settings a chart should start with: from the address, else its default.
    pub fn settings_for(&self, id: &str) -> Option<Settings> {
        self.charts.iter().find(|(c, _)| *c == id).map(|(_, s)| *s)
    }
}

fn sort_name(k: SortKey) -> &'static str {
    match k {
        SortKey::Paper => "paper",
        SortKey::Value => "value",
        SortKey::Growth => "growth",
        SortKey::Name => "name",
    }
}

/// An entity code as the data spells it, if any row carries it.
pub fn known_entity(code: &str) -> Option<&'static str> {
    DATASETS.iter().flat_map(|d| d.rows.iter()).flat_map(|r| r.entities.iter()).find(|e| **e == code).copied()
}

/// Whether a camera is one the address accepts: a zoom within the map's bounds and a centre on the
/// projected world. A `const fn`, so the tour's cameras are checked at compile time.
pub const fn camera_in_bounds(zoom: f64, cx: f64, cy: f64) -> bool {
    zoom >= crate::geo::MIN_ZOOM && zoom <= crate::geo::MAX_ZOOM && cx.abs() <= 4.0 && cy.abs() <= 2.0
}

/// `view=<zoom>,<x>,<y>`: a zoom within the map's bounds and a centre on the projected world.
fn parse_camera(v: &str) -> Option<crate::chart::map::Camera> {
    let mut it = v.split(',').map(|s| decimal(s.trim()));
    let (zoom, cx, cy) = (it.next()??, it.next()??, it.next()??);
    if it.next().is_some() {
        return None;
    }
    camera_in_bounds(zoom, cx, cy).then_some(crate::chart::map::Camera { zoom, cx, cy })
}

/// A plain decimal as the address writes it (`-1.25`, `3`, `.5`): an optional sign, then at
/// most 15 digits with at most one point. The digits make an exact integer that one division
/// by an exact power of ten rounds once, so the value is the nearest `f64`, as `str::parse`
/// gives (whose general reader, with its table of powers of five, adds some 17 KB to the
/// module). Anything else (exponents, `inf`, `NaN`, stray characters) is `None`.
fn decimal(s: &str) -> Option<f64> {
    let (negative, digits) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (mut mantissa, mut count, mut scale, mut point) = (0u64, 0u32, 0i32, false);
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
                scale += i32::from(point);
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if count == 0 || count > 15 {
        return None;
    }
    const TEN_TO: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let x = mantissa as f64 / TEN_TO[scale as usize];
    Some(if negative { -x } else { x })
}

/// `tour=<n>`: a step of the tour.
fn parse_step(v: &str) -> Option<usize> {
    v.parse().ok().filter(|n| tour::step(*n).is_some())
}

/// `chart=<id>:<metric>:<sort>`, validated against the chart's controls.
fn parse_chart(v: &str) -> Option<(&'static str, Settings)> {
    let mut parts = v.split(':');
    let def = chart(parts.next()?)?;
    let controls = def.controls()?;
    let metric: usize = parts.next()?.parse().ok()?;
    if metric >= controls.metrics.len().max(1) {
        return None;
    }
    let sort_s = parts.next()?;
    let sort = *controls.sorts.iter().find(|k| sort_name(**k) == sort_s)?;
    if parts.next().is_some() {
        return None;
    }
    Some((def.id, Settings { metric, sort }))
}

/// Decode `%XX` escapes and `+`; invalid escapes are kept as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parse `?lang=en&theme=dark` (with or without the leading `?`).
pub fn parse(query: &str) -> Params {
    let mut p = Params { controls: true, ..Params::default() };
    for pair in query.trim_start_matches('?').split('&').filter(|s| !s.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (decode(k), decode(v));
        match (k.as_str(), v.as_str()) {
            ("lang", code) if Lang::from_code(code).is_some() => p.lang = Lang::from_code(code),
            ("theme", name) if Mode::from_name(name).is_some() => p.theme = Mode::from_name(name),
            ("hc", "1") => p.contrast = Some(true),
            ("hc", "0") => p.contrast = Some(false),
            ("controls", "0") => p.controls = false,
            ("controls", "1") => p.controls = true,
            ("sel", code) if known_entity(code).is_some() => p.sel = known_entity(code),
            ("embed", id) if CHARTS.iter().any(|c| c.id == id) => p.embed = chart(id).map(|c| c.id),
            ("embed", TOUR_EMBED) => p.embed = Some(TOUR_EMBED),
            ("tour", n) if parse_step(n).is_some() => p.tour = parse_step(n),
            ("layer", id) if chart(id).is_some_and(|c| c.kind.is_map()) => p.layer = chart(id).map(|c| c.id),
            ("view", v) if parse_camera(v).is_some() => p.camera = parse_camera(v),
            ("centre", c) if crate::geo::Centre::from_code(c).is_some() => p.centre = crate::geo::Centre::from_code(c),
            // Read by `search_query` when the page opens; not part of the view.
            ("q", _) => {}
            ("chart", spec) if parse_chart(spec).is_some() => {
                let (id, s) = parse_chart(spec).expect("checked");
                p.charts.retain(|(c, _)| *c != id);
                p.charts.push((id, s));
            }
            _ => p.ignored.push(format!("{k}={v}").chars().take(60).collect()),
        }
    }
    // `controls` only means something for an embedded chart.
    if p.embed.is_none() {
        p.controls = true;
    }
    // The embedded tour starts at its first step.
    if p.embed == Some(TOUR_EMBED) && p.tour.is_none() {
        p.tour = Some(1);
    }
    p
}

/// The view an address asks for, with what its tour step sets filled in: a tour address names
/// only its step (`?tour=3`), and the step's selection, map layer and camera and its chart's
/// reading are implied. What the address does give wins (a reader's change during the tour).
pub fn with_step_view(mut p: Params) -> Params {
    let Some(s) = p.tour.and_then(tour::step) else { return p };
    let v = tour::view(s);
    p.sel = p.sel.or(v.selected);
    if s.is_map() {
        p.layer = p.layer.or(Some(v.layer));
        p.camera = p.camera.or(v.camera);
        p.centre = p.centre.or(v.centre);
    }
    if let Some((id, set)) = v.reading {
        if !p.charts.iter().any(|(c, _)| *c == id) {
            p.charts.push((id, set));
        }
    }
    p
}

/// The inverse of [`with_step_view`] for writing an address: what the tour step implies is left
/// out. (Clearing a step's selection, layer, camera or reading during the tour cannot be written
/// as an absence, so the step's own comes back with the address.)
pub fn without_step_view(mut p: Params) -> Params {
    let Some(s) = p.tour.and_then(tour::step) else { return p };
    let v = tour::view(s);
    if p.sel == v.selected {
        p.sel = None;
    }
    if s.is_map() {
        if p.layer.unwrap_or(crate::views::DEFAULT_LAYER) == v.layer {
            p.layer = None;
        }
        if p.camera == v.camera {
            p.camera = None;
        }
        if v.centre.is_some() && p.centre == v.centre {
            p.centre = None;
        }
    }
    if let Some(r) = v.reading {
        p.charts.retain(|c| *c != r);
    }
    p
}

/// The search an address opens with (`?q=TEU`): decoded, trimmed and cut to the search field's
/// limit (`views::search::limit`), with whether it was cut; `None` when there is none or it is
/// blank.
pub fn search_query(query: &str) -> Option<(String, bool)> {
    let q = query.trim_start_matches('?').split('&').filter_map(|p| p.strip_prefix("q=")).next_back()?;
    let q = decode(q);
    let (q, cut) = crate::views::search::limit(q.trim());
    (!q.is_empty()).then(|| (q.to_string(), cut))
}

/// A number with at most three decimals, without trailing zeros.
fn round3(x: f64) -> String {
    let s = format!("{:.3}", (x * 1000.0).round() / 1000.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Percent-encode what is not safe in a query value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b':' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The dataset a fragment points into: `chart-<chart id>`, `ds-<dataset>`, `table-<dataset>` or
/// `note-<dataset>-<note>`; `None` for sections, the map and anything unknown.
pub fn hash_dataset(fragment: &str) -> Option<&'static str> {
    if let Some(id) = fragment.strip_prefix("chart-") {
        return chart(id).filter(|c| !c.kind.is_map()).map(|c| c.dataset);
    }
    let rest = fragment.strip_prefix("ds-").or_else(|| fragment.strip_prefix("table-"));
    if let Some(ds) = rest {
        return DATASETS.iter().find(|d| d.id == ds).map(|d| d.id);
    }
    let note = fragment.strip_prefix("note-")?;
    // Dataset ids are snake_case, so the dataset is the id before the first '-'.
    let (ds, _) = note.split_once('-')?;
    DATASETS.iter().find(|d| d.id == ds).map(|d| d.id)
}

/// The world map's central meridian a reader starts with: their choice, else the one maps in
/// their language are usually drawn with (Pacific for Chinese, Atlantic for English).
pub fn centre_for(chosen: Option<crate::geo::Centre>, lang: Lang) -> crate::geo::Centre {
    chosen.unwrap_or(match lang {
        Lang::Zh => crate::geo::Centre::Pacific,
        Lang::En => crate::geo::Centre::Atlantic,
    })
}

/// The address of one chart alone, for an `<iframe>`: its id, language and (dark) theme.
pub fn embed_query(chart: &'static str, lang: Lang, theme: Mode) -> String {
    format(&Params {
        embed: Some(chart),
        lang: Some(lang),
        theme: (theme == Mode::Dark).then_some(Mode::Dark),
        controls: true,
        ..Params::default()
    })
}

/// Format the parameters back into a query string (empty when there is nothing to say).
pub fn format(p: &Params) -> String {
    let mut parts = Vec::new();
    // An embed's address leads with the chart it shows.
    if let Some(e) = p.embed {
        parts.push(format!("embed={}", encode(e)));
    }
    if let Some(l) = p.lang {
        parts.push(format!("lang={}", l.code()));
    }
    if let Some(m) = p.theme {
        parts.push(format!("theme={}", m.as_str()));
    }
    if let Some(c) = p.contrast {
        parts.push(format!("hc={}", if c { 1 } else { 0 }));
    }
    if p.embed.is_some() && !p.controls {
        parts.push("controls=0".into());
    }
    if let Some(n) = p.tour {
        parts.push(format!("tour={n}"));
    }
    if let Some(s) = p.sel {
        parts.push(format!("sel={}", encode(s)));
    }
    if let Some(l) = p.layer {
        parts.push(format!("layer={l}"));
    }
    if let Some(c) = p.centre {
        parts.push(format!("centre={}", c.code()));
    }
    if let Some(c) = p.camera {
        parts.push(format!("view={},{},{}", round3(c.zoom), round3(c.cx), round3(c.cy)));
    }
    for (id, s) in &p.charts {
        parts.push(format!("chart={}:{}:{}", encode(id), s.metric, sort_name(s.sort)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_links_name_the_dataset_block_to_build_first() {
        assert_eq!(hash_dataset("chart-partners-exports"), Some("partners"));
        assert_eq!(hash_dataset("ds-ports"), Some("ports"));
        assert_eq!(hash_dataset("table-port_totals"), Some("port_totals"));
        let note = DATASETS.iter().find(|d| !d.notes.is_empty()).unwrap();
        assert_eq!(hash_dataset(&format!("note-{}-{}", note.id, note.notes[0].id)), Some(note.id));
        assert_eq!(hash_dataset("chart-map-partners"), None, "the map is always built");
        assert_eq!(hash_dataset("trade"), None, "a section heading is always built");
        assert_eq!(hash_dataset("chart-nope"), None);
    }

    #[test]
    fn every_view_round_trips_through_the_address() {
        let charts = vec![
            ("commodities", Settings { metric: 3, sort: SortKey::Value }),
            ("ports-jan-nov", Settings { metric: 1, sort: SortKey::Name }),
        ];
        for lang in [None, Some(Lang::Zh), Some(Lang::En)] {
            for theme in [None, Some(Mode::Light), Some(Mode::Dark)] {
                for (sel, centre) in [
                    (None, None),
                    (Some("RUS"), Some(crate::geo::Centre::Pacific)),
                    (Some("port:shanghai"), Some(crate::geo::Centre::Atlantic)),
                    (Some("ASEAN"), None),
                ] {
                    for embed in [None, Some("partners-exports")] {
                        let p = Params {
                            lang,
                            theme,
                            contrast: Some(true),
                            sel: sel.and_then(known_entity),
                            charts: charts.clone(),
                            embed,
                            controls: embed.is_none(),
                            layer: Some("map-ports"),
                            camera: Some(crate::chart::map::Camera { zoom: 2.5, cx: 1.25, cy: -0.5 }),
                            centre,
                            tour: embed.is_none().then_some(3),
                            ignored: vec![],
                        };
                        assert_eq!(parse(&format(&p)), p, "{}", format(&p));
                    }
                }
            }
        }
    }

    #[test]
    fn the_map_follows_the_language_until_the_reader_chooses_a_centre() {
        use crate::geo::Centre;
        assert_eq!(centre_for(None, Lang::Zh), Centre::Pacific);
        assert_eq!(centre_for(None, Lang::En), Centre::Atlantic);
        assert_eq!(centre_for(Some(Centre::Pacific), Lang::En), Centre::Pacific);
        assert_eq!(parse("?centre=pacific").centre, Some(Centre::Pacific));
        assert_eq!(parse("?centre=mars").ignored, vec!["centre=mars".to_string()]);
    }

    #[test]
    fn unknown_charts_entities_and_readings_are_ignored() {
        let p = parse(
            "?sel=XXX&chart=nosuch:0:paper&chart=commodities:9:paper&chart=commodities:0:upside&embed=nope&sel=RUS",
        );
        assert_eq!(p.sel, Some("RUS"));
        assert!(p.charts.is_empty());
        assert_eq!(p.embed, None);
        assert_eq!(p.ignored.len(), 5, "{:?}", p.ignored);
    }

    #[test]
    fn unknown_and_malformed_parameters_are_ignored_not_fatal() {
        let p = parse("?lang=fr&theme=dark&%E4%B8%AD=1&x&%zz=%");
        assert_eq!(p.lang, None);
        assert_eq!(p.theme, Some(Mode::Dark));
        assert_eq!(p.ignored.len(), 4, "{:?}", p.ignored);
        assert!(p.ignored.contains(&"中=1".to_string()));
    }

    #[test]
    fn a_search_in_the_address_opens_the_search_but_is_never_kept() {
        let asked = |q: &str| Some((q.to_string(), false));
        assert_eq!(search_query("?q=TEU"), asked("TEU"));
        assert_eq!(search_query("?lang=en&q=%E4%BF%84%E7%BD%97%E6%96%AF"), asked("俄罗斯"));
        assert_eq!(search_query("?q=electric+cars"), asked("electric cars"));
        assert_eq!(search_query("?q=+&lang=en"), None, "blank");
        assert_eq!(search_query("?lang=en"), None);
        let long = "%E5%9B%BD".repeat(crate::views::search::MAX_CHARS + 1);
        assert_eq!(
            search_query(&format!("?q={long}")),
            Some(("国".repeat(crate::views::search::MAX_CHARS), true)),
            "cut to the field's limit, and said so"
        );
        let p = parse("?lang=en&q=TEU");
        assert!(p.ignored.is_empty(), "understood: no notice");
        assert_eq!(format(&p), "?lang=en", "but not part of the view the address keeps");
    }

    #[test]
    fn thousands_of_random_addresses_parse_without_panicking_and_normalise() {
        // A property test: random mixes of meaningful fragments and junk never panic, and
        // formatting what was understood and parsing it again gives the same view.
        const PIECES: &[&str] = &[
            "lang=",
            "en",
            "zh",
            "theme=",
            "dark",
            "hc=",
            "1",
            "sel=",
            "RUS",
            "USA",
            "port:shanghai",
            "chart=",
            "commodities:",
            "3:",
            "value",
            "partners-exports:0:growth",
            "embed=",
            "tour",
            "tour=",
            "12",
            "99",
            "controls=0",
            "&",
            "=",
            "%",
            "%E4%B8%AD",
            "+",
            "?",
            "#",
            "中",
            ":",
            "\u{0}",
            "~",
            "%zz",
            "x",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let n = (next() % 12) as usize;
            let s: String = (0..n).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
            let p = parse(&s);
            let again = parse(&format(&p));
            assert_eq!(Params { ignored: vec![], ..p.clone() }, Params { ignored: vec![], ..again.clone() }, "{s:?}");
            assert!(again.ignored.is_empty(), "a formatted address is fully understood: {s:?}");
        }
    }

    #[test]
    fn a_tour_step_is_its_own_address_and_implies_the_view_it_sets() {
        for s in tour::STEPS {
            let start = Params { lang: Some(Lang::En), tour: Some(s.n), controls: true, ..Params::default() };
            let full = with_step_view(start.clone());
            let v = tour::view(s);
            assert_eq!(full.sel, v.selected, "step {}", s.n);
            assert_eq!(full.charts, v.reading.into_iter().collect::<Vec<_>>(), "step {}", s.n);
            if s.is_map() {
                assert_eq!((full.layer, full.camera), (Some(s.chart), s.view), "step {}", s.n);
            } else {
                assert_eq!((full.layer, full.camera), (None, None), "step {}: the default map", s.n);
            }
            let address = format(&without_step_view(full.clone()));
            assert_eq!(address, format!("?lang=en&tour={}", s.n), "what the step sets is implied");
            assert_eq!(with_step_view(parse(&address)), full, "step {}", s.n);
        }
    }

    #[test]
    fn a_change_made_during_the_tour_stays_in_the_address() {
        let s = tour::STEPS.iter().find(|s| s.is_map() && s.select.is_some()).expect("a map step with a selection");
        let mut p = with_step_view(Params { tour: Some(s.n), controls: true, ..Params::default() });
        p.sel = Some("USA").filter(|u| Some(*u) != s.select).or(Some("RUS"));
        p.charts.push(("ports-jan-nov", Settings { metric: 1, sort: SortKey::Name }));
        let address = format(&without_step_view(p.clone()));
        assert!(address.contains("sel=") && address.contains("chart=ports-jan-nov:1:name"), "{address}");
        assert_eq!(with_step_view(parse(&address)), p);
    }

    #[test]
    fn the_embedded_tour_starts_at_step_one_and_unknown_steps_are_ignored() {
        let p = parse("?embed=tour&lang=zh");
        assert_eq!((p.embed, p.tour), (Some(TOUR_EMBED), Some(1)));
        assert_eq!(format(&p), "?embed=tour&lang=zh&tour=1");
        let p = parse(&format!("?tour=0&tour={}&tour=x", tour::count() + 1));
        assert_eq!((p.tour, p.ignored.len()), (None, 3));
        assert_eq!(parse("?tour=2").tour, Some(2));
        assert!(chart(TOUR_EMBED).is_none(), "no chart is called 'tour'");
    }

    #[test]
    fn address_decimals_read_as_the_standard_reader_reads_them() {
        for t in ["0", "1", "-1", "+2", "1.5", "-0.125", ".5", "5.", "3.141", "-3.999", "12.345678901234", "0.1", "0.3"]
        {
            assert_eq!(decimal(t), t.parse::<f64>().ok(), "{t}");
        }
        // Every value the address writes (three decimals) over the camera's whole range.
        for i in -4000..=4000 {
            let t = round3(f64::from(i) / 1000.0);
            assert_eq!(decimal(&t), Some(t.parse::<f64>().unwrap()), "{t}");
        }
        for bad in ["", "-", ".", "1.2.3", "1e3", "inf", "NaN", "1,5", " 1", "--1", "0x10", "1234567890123456"] {
            assert_eq!(decimal(bad), None, "{bad:?}");
        }
        assert_eq!(parse_camera("2, -1.5,0.25").map(|c| (c.zoom, c.cx, c.cy)), Some((2.0, -1.5, 0.25)));
        assert!(
            parse_camera("2,1e0,0").is_none() && parse_camera("2,0").is_none() && parse_camera("2,0,0,0").is_none()
        );
    }

    #[test]
    fn cameras_outside_the_maps_bounds_are_refused() {
        assert!(camera_in_bounds(1.0, 0.0, 0.0) && camera_in_bounds(12.0, -4.0, 2.0));
        assert!(
            !camera_in_bounds(0.5, 0.0, 0.0)
                && !camera_in_bounds(2.0, 4.5, 0.0)
                && !camera_in_bounds(f64::NAN, 0.0, 0.0)
        );
    }
}
