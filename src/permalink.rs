//! The view in the URL: the codec between a [`ViewState`] and the address's query string
//! ([`address`], [`read`], [`open`]), and the links the page gives out (embeds, a chart's place,
//! the way back from an embed), as pure functions.
//!
//! Layer: between views and ui (no DOM). Only what differs from the default goes into the
//! address. Unknown or malformed parameters are collected so the UI can mention them; they never
//! stop the page.
//!
//! A search (`?q=russia`) is an invitation, not a view: [`search_query`] reads it once, when the
//! page opens, and the search opens with it; [`parse`] accepts it but keeps nothing, so the
//! address is rewritten without it at once (in place, not as a history entry), Back and Forward
//! never step through searches, and "Copy link" gives the view the reader has reached.

use crate::chart::Mode;
use crate::data::{Lang, DATASETS};
use crate::views::anchor::Anchor;
use crate::views::state::{Prefs, ViewState};
use crate::views::{chart, tour, ChartDef, Settings, SortKey, CHARTS, DEFAULT_LAYER};

pub use crate::views::state::TOUR_EMBED;

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

/// The value of one hexadecimal digit.
fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decode `%XX` escapes (exactly two hexadecimal digits) and `+`; anything else after a `%` is
/// kept as written, and bytes that are not UTF-8 become U+FFFD. (The `percent-encoding` crate
/// decodes the same, but it and its encoder cost the module 1,490 B raw, about 0.3 KB brotli.)
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes[i..] {
            [b'%', h, l, ..] => hex(h).zip(hex(l)).map(|(h, l)| h << 4 | l),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 2;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
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
    crate::data::float_text::trimmed((x * 1000.0).round() / 1000.0, 3)
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

/// The view's parameters, everything that differs from the default.
fn params(v: &ViewState) -> Params {
    Params {
        lang: Some(v.lang),
        theme: (v.mode == Mode::Dark).then_some(Mode::Dark),
        contrast: v.contrast.then_some(true),
        sel: v.selected,
        charts: v.charts.clone(),
        embed: v.embed,
        controls: v.controls,
        layer: Some(v.layer).filter(|l| *l != DEFAULT_LAYER),
        camera: v.camera,
        centre: v.centre,
        tour: v.tour,
        ignored: Vec::new(),
    }
}

/// The address of a view: its query string (empty when there is nothing to say). A tour step's
/// address names the step alone; what the step sets is implied.
pub fn address(v: &ViewState) -> String {
    format(&without_step_view(params(v)))
}

/// The view of an address's parameters, with `base`'s language when the address names none and
/// what the address never holds (printing, the flows' motion, the embed) from `base`.
fn view_of(p: Params, base: &ViewState) -> ViewState {
    let reader_centre = p.centre;
    let p = with_step_view(p);
    ViewState {
        lang: p.lang.unwrap_or(base.lang),
        mode: p.theme.unwrap_or(Mode::Light),
        contrast: p.contrast.unwrap_or(false),
        selected: p.sel,
        charts: p.charts,
        layer: p.layer.unwrap_or(DEFAULT_LAYER),
        camera: p.camera,
        centre: p.centre,
        reader_centre,
        tour: p.tour,
        ..base.clone()
    }
}

/// The view of an address the browser moved to (Back, Forward) from the view `now`.
pub fn read(query: &str, now: &ViewState) -> ViewState {
    view_of(parse(query), now)
}

/// The first view of the page: its address, and the reader's preferences where the address says
/// nothing of language, theme or contrast; with what the address asked for but was not understood.
pub fn open(query: &str, prefs: &Prefs) -> (ViewState, Vec<String>) {
    let mut p = parse(query);
    let base = ViewState { lang: prefs.lang(p.lang), embed: p.embed, controls: p.controls, ..ViewState::default() };
    let (mode, contrast) = (prefs.mode(p.theme, p.lang), prefs.contrast(p.contrast));
    let ignored = std::mem::take(&mut p.ignored);
    (ViewState { mode, contrast, ..view_of(p, &base) }, ignored)
}

/// A text inside a double-quoted attribute: its `"` written as `&quot;` (the snippet is read as
/// text too, so nothing else is escaped: an address's `&` before a parameter name is plain text).
fn attribute(s: &str) -> String {
    s.replace('"', "&quot;")
}

/// The `<iframe>` snippet of one chart alone, in the reader's language and (dark) theme; `page`
/// is the atlas's address without query or fragment.
pub fn embed_snippet(page: &str, def: &ChartDef, lang: Lang, theme: Mode) -> String {
    let query = format(&Params {
        embed: Some(def.id),
        lang: Some(lang),
        theme: (theme == Mode::Dark).then_some(Mode::Dark),
        controls: true,
        ..Params::default()
    });
    format!(
        r#"<iframe src="{}" title="{}" data-trade-atlas style="width:100%;height:560px;border:0" loading="lazy"></iframe>"#,
        attribute(&format!("{page}{query}")),
        attribute(def.title.get(lang))
    )
}

/// The address of a place on the page: `href` (the page's whole address) with its fragment
/// replaced by the place's.
pub fn link_to(href: &str, at: Anchor) -> String {
    format!("{}#{at}", href.split('#').next().unwrap_or(""))
}

/// The way from an embed back to the full atlas in the reader's language: `path` with the tour's
/// step when it is one, and the place of the chart.
pub fn back_link(path: &str, lang: Lang, tour: Option<usize>, at: Option<Anchor>) -> String {
    let query = format(&Params { lang: Some(lang), tour, controls: true, ..Params::default() });
    let at = at.map(|a| format!("#{a}")).unwrap_or_default();
    format!("{path}{query}{at}")
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
    fn a_centre_is_read_by_its_name() {
        use crate::geo::Centre;
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

    use crate::geo::Centre;
    use crate::views::state::{apply, Intent};
    use crate::views::{search::Target, CellRef};

    #[test]
    fn only_what_differs_from_the_default_goes_into_the_address() {
        let zh = ViewState::default();
        assert_eq!(address(&zh), "?lang=zh", "the language is always named (it decides the map's centre)");
        let mut v = ViewState { lang: Lang::En, mode: Mode::Light, contrast: false, ..zh.clone() };
        assert_eq!(address(&v), "?lang=en");
        v.charts = vec![("commodities", Settings { metric: 3, sort: SortKey::Value })];
        v.layer = DEFAULT_LAYER;
        (v.mode, v.contrast) = (Mode::Dark, true);
        assert_eq!(address(&v), "?lang=en&theme=dark&hc=1&chart=commodities:3:value");
        let (v, _) =
            apply(&v, Intent::Reading(chart("commodities").unwrap(), chart("commodities").unwrap().default_settings()));
        assert_eq!(address(&v), "?lang=en&theme=dark&hc=1", "a reading set back to the default leaves the address");
    }

    #[test]
    fn the_first_view_takes_the_address_before_the_readers_preferences() {
        let prefs = Prefs { lang: Some(Lang::Zh), mode: Some(Mode::Dark), contrast: Some(true), ..Prefs::default() };
        let (v, ignored) = open("?lang=en&sel=RUS&x=1", &prefs);
        assert_eq!((v.lang, v.mode, v.contrast, v.selected), (Lang::En, Mode::Light, true, Some("RUS")));
        assert_eq!(ignored, ["x=1"]);
        let (v, _) = open("", &prefs);
        assert_eq!((v.lang, v.mode), (Lang::Zh, Mode::Dark));
        let (v, _) = open("?embed=partners-exports&controls=0", &prefs);
        assert_eq!((v.embed, v.controls), (Some("partners-exports"), false));
        assert_eq!(address(&v), "?embed=partners-exports&lang=zh&theme=dark&hc=1&controls=0");
    }

    #[test]
    fn back_and_forward_keep_what_the_address_never_holds() {
        let now = ViewState {
            printing: true,
            flow_motion: true,
            embed: Some(TOUR_EMBED),
            lang: Lang::En,
            ..ViewState::default()
        };
        let v = read("?tour=4", &now);
        assert_eq!(
            (v.printing, v.flow_motion, v.embed, v.lang, v.tour),
            (true, true, Some(TOUR_EMBED), Lang::En, Some(4))
        );
        assert_eq!(read("?lang=zh&centre=pacific", &now).reader_centre, Some(Centre::Pacific));
    }

    /// Views a reader can reach: every step of the tour and a walk of changes from a few addresses.
    fn reachable() -> Vec<ViewState> {
        let commodities = chart("commodities").unwrap();
        let russia = CellRef::find("partners", "russia", "exports").unwrap();
        let changes = || {
            [
                Intent::SwitchLanguage,
                Intent::SwitchTheme,
                Intent::SwitchContrast,
                Intent::Choose("RUS"),
                Intent::Select(Some("port:shanghai")),
                Intent::Reading(commodities, Settings { metric: 3, sort: SortKey::Value }),
                Intent::Layer("map-ports"),
                Intent::Centre(Centre::Pacific),
                Intent::Camera(Some(crate::chart::map::Camera { zoom: 2.25, cx: -0.75, cy: 0.125 })),
                Intent::TourButton,
                Intent::Tour(crate::views::tour::Nav::Next),
                Intent::TakeResult(Target::Figure(russia)),
                Intent::TakeResult(Target::Place("USA")),
                Intent::Centre(Centre::Atlantic),
                Intent::Tour(crate::views::tour::Nav::Leave),
            ]
        };
        let mut out = Vec::new();
        for start in ["", "?lang=en", "?embed=tour&lang=en", "?lang=zh&tour=7&centre=pacific"] {
            let mut v = open(start, &Prefs::default()).0;
            for (i, intent) in changes().into_iter().cycle().take(60).enumerate() {
                v = apply(&v, intent).0;
                if i % 7 == 0 {
                    v = apply(&v, Intent::Select(None)).0;
                }
                out.push(v.clone());
            }
        }
        out.extend(
            tour::STEPS
                .iter()
                .map(|s| apply(&open("?lang=en&centre=pacific", &Prefs::default()).0, Intent::TourStep(s.n)).0),
        );
        out
    }

    #[test]
    fn for_any_reachable_view_address_then_view_then_address_is_stable() {
        for v in reachable() {
            let a = address(&v);
            let back = read(&a, &v);
            assert_eq!(address(&back), a, "{v:?}");
            assert!(parse(&a).ignored.is_empty(), "an address the page writes is fully understood: {a}");
            if v.tour.is_none() {
                assert_eq!(back, ViewState { reader_centre: v.centre, ..v.clone() }, "{a}");
            }
        }
    }

    #[test]
    fn escapes_are_exactly_two_hexadecimal_digits_and_anything_else_is_kept_as_written() {
        assert_eq!(decode("%E4%BF%84+x%2b"), "俄 x+");
        assert_eq!(decode("%41%4a%4A"), "AJJ");
        for kept in ["%-1", "%4", "%", "%zz", "%4g", "100%", "%\u{0}1"] {
            assert_eq!(decode(kept), kept, "{kept:?}");
        }
        assert_eq!(decode("%+5"), "% 5", "a sign is no digit (and + is a space)");
        assert_eq!(decode("%%41"), "%A");
        assert_eq!(decode("%E4%BF"), "\u{fffd}", "a cut character is replaced, not dropped");
        assert_eq!(parse("?sel=%2BRUS").ignored, ["sel=+RUS"], "%2B is a plus, not a space");
    }

    #[test]
    fn links_given_out_name_the_chart_its_place_and_the_way_back() {
        let def = chart("partners-exports").unwrap();
        let snippet = embed_snippet("https://x.org/atlas/", def, Lang::En, Mode::Dark);
        assert!(
            snippet.starts_with(
                r#"<iframe src="https://x.org/atlas/?embed=partners-exports&lang=en&theme=dark" title="Table 3"#
            ),
            "{snippet}"
        );
        assert!(
            snippet.ends_with(r#"data-trade-atlas style="width:100%;height:560px;border:0" loading="lazy"></iframe>"#)
        );
        assert_eq!(attribute(r#"the "new three""#), "the &quot;new three&quot;");
        let at = Anchor::Chart(def.id);
        assert_eq!(link_to("https://x.org/a/?lang=en#map", at), "https://x.org/a/?lang=en#chart-partners-exports");
        assert_eq!(back_link("/a/", Lang::Zh, None, Some(at)), "/a/?lang=zh#chart-partners-exports");
        assert_eq!(back_link("/a/", Lang::En, Some(3), None), "/a/?lang=en&tour=3");
    }
}
