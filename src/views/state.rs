//! The reader's view as one value, and the one rule book for changing it.
//!
//! Layer: views. Pure: no Leptos, no DOM. A [`ViewState`] holds everything a reader can change
//! (language, theme, contrast, selection, chart readings, the map's layer, centre and camera, the
//! tour's step, printing, the flows' motion); an [`Intent`] is anything a reader or the address
//! asks for; [`apply`] gives the next state and the [`Effects`] the browser is to carry out (build
//! a part of the page, scroll to it, focus, reveal a figure, remember a choice, and whether the
//! address replaces the current history entry). `permalink` writes a state as an address and reads
//! one back; `ui::state` keeps a signal per field and writes them only through its `dispatch`.

use super::anchor::Anchor;
use super::interact::toggled;
use super::print::{printing, Printing};
use super::search::{plan, Reveal, Target};
use super::tour::{self, Nav, Step};
use super::{ChartDef, Settings, DEFAULT_LAYER};
use crate::chart::map::Camera;
use crate::chart::{Mode, Theme};
use crate::data::Lang;
use crate::geo::Centre;

/// The `embed=` value that shows the guided tour rather than one chart.
pub const TOUR_EMBED: &str = "tour";

/// Everything a reader can change about what the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    pub lang: Lang,
    /// The reader's theme (printing shows the light one whatever this is: see [`ViewState::theme`]).
    pub mode: Mode,
    /// High contrast with hatch patterns.
    pub contrast: bool,
    /// A country, region or port selected everywhere (ISO alpha-3, `ASEAN`, `port:<id>`…).
    pub selected: Option<&'static str>,
    /// The charts whose reading (metric, sort) differs from their default, and only those.
    pub charts: Vec<(&'static str, Settings)>,
    /// The map layer shown (a `map-*` chart id).
    pub layer: &'static str,
    /// The map's zoom and position (`None`: the whole extent).
    pub camera: Option<Camera>,
    /// The map's central meridian as chosen (`None`: the language's, see [`centre_for`]).
    pub centre: Option<Centre>,
    /// The centre the reader chose (or their address gave). A tour step that frames a camera of
    /// its own shows the centre that camera is written for; the steps after it return to this.
    pub reader_centre: Option<Centre>,
    /// The step of the guided tour shown (from 1), `None` outside the tour.
    pub tour: Option<usize>,
    /// The page is being printed.
    pub printing: bool,
    /// The chart "Print this chart" asked for, until the printing ends (`None`: the whole page).
    pub print_one: Option<&'static str>,
    /// The reader set the flows layer's arcs moving (never in the address).
    pub flow_motion: bool,
    /// The map fills the screen (never in the address: Back leaves it, as it leaves a page).
    pub full_screen: bool,
    /// One chart alone (`?embed=`), or the tour ([`TOUR_EMBED`]); fixed when the page opens.
    pub embed: Option<&'static str>,
    /// In an embed, whether its reading controls and menu show; fixed when the page opens.
    pub controls: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            lang: Lang::Zh,
            mode: Mode::Light,
            contrast: false,
            selected: None,
            charts: Vec::new(),
            layer: DEFAULT_LAYER,
            camera: None,
            centre: None,
            reader_centre: None,
            tour: None,
            printing: false,
            print_one: None,
            flow_motion: false,
            full_screen: false,
            embed: None,
            controls: true,
        }
    }
}

/// The world map's central meridian: the one chosen, else the one maps in the reader's language
/// are usually drawn with (Pacific for Chinese, Atlantic for English).
pub fn centre_for(chosen: Option<Centre>, lang: Lang) -> Centre {
    chosen.unwrap_or(match lang {
        Lang::Zh => Centre::Pacific,
        Lang::En => Centre::Atlantic,
    })
}

/// The theme the page shows: the reader's, except while printing (paper is white).
pub fn shown_mode(mode: Mode, printing: bool) -> Mode {
    if printing {
        Mode::Light
    } else {
        mode
    }
}

/// A chart's reading among the readings that differ from their default: its own, else its default.
pub fn reading(charts: &[(&'static str, Settings)], def: &ChartDef) -> Settings {
    charts.iter().find(|(id, _)| *id == def.id).map_or_else(|| def.default_settings(), |(_, s)| *s)
}

impl ViewState {
    /// A chart's reading: the reader's, else the chart's default.
    pub fn settings(&self, def: &ChartDef) -> Settings {
        reading(&self.charts, def)
    }

    /// Record a chart's reading; the default reading is kept as no entry at all.
    fn set_reading(&mut self, def: &ChartDef, s: Settings) {
        match self.charts.iter().position(|(id, _)| *id == def.id) {
            Some(i) if s == def.default_settings() => {
                self.charts.remove(i);
            }
            Some(i) => self.charts[i].1 = s,
            None if s != def.default_settings() => self.charts.push((def.id, s)),
            None => {}
        }
    }

    /// The map's central meridian now.
    pub fn map_centre(&self) -> Centre {
        centre_for(self.centre, self.lang)
    }

    /// The theme charts are drawn in.
    pub fn theme(&self) -> Theme {
        Theme::pick(shown_mode(self.mode, self.printing), self.contrast)
    }

    /// The tour step shown.
    pub fn step(&self) -> Option<&'static Step> {
        self.tour.and_then(tour::step)
    }

    /// What the page prints (nothing while it is not printed).
    pub fn print(&self) -> Printing {
        printing(self.printing, self.tour.is_some(), self.embed.is_some(), self.print_one)
    }

    /// Whether the page is the embedded tour (which has no way out of the tour).
    pub fn embedded_tour(&self) -> bool {
        self.embed == Some(TOUR_EMBED)
    }
}

/// What the reader's storage and browser say, for the first view when the address does not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefs {
    /// The language the reader chose on an earlier visit.
    pub lang: Option<Lang>,
    /// The browser's language.
    pub browser: Lang,
    /// The theme the reader chose on an earlier visit.
    pub mode: Option<Mode>,
    /// The system asks for dark pages (`prefers-color-scheme: dark`).
    pub dark: bool,
    /// High contrast as the reader chose it on an earlier visit.
    pub contrast: Option<bool>,
    /// The system asks for more contrast (`prefers-contrast: more`).
    pub more_contrast: bool,
}

impl Prefs {
    /// The language to start in: the address's, then the reader's stored choice, then the browser's.
    pub fn lang(&self, address: Option<Lang>) -> Lang {
        address.or(self.lang).unwrap_or(self.browser)
    }

    /// The theme to start in: the address's; an address that names a language but no theme is a
    /// permalink of a light view (a permalink omits the light theme), whatever this reader's own
    /// preference; then the stored choice, then the system's.
    pub fn mode(&self, theme: Option<Mode>, lang: Option<Lang>) -> Mode {
        theme.or(lang.map(|_| Mode::Light)).or(self.mode).unwrap_or(if self.dark { Mode::Dark } else { Mode::Light })
    }

    /// High contrast: the address's, then the stored choice, then the system's.
    pub fn contrast(&self, address: Option<bool>) -> bool {
        address.or(self.contrast).unwrap_or(self.more_contrast)
    }
}

/// Anything a reader, or the address, can ask of the view.
#[derive(Clone, Debug)]
pub enum Intent {
    /// Show the view of an address (the page opening, Back, Forward), as `permalink::read` gives it.
    Load(Box<ViewState>),
    SwitchLanguage,
    SwitchTheme,
    SwitchContrast,
    /// Select an entity everywhere, or clear the selection.
    Select(Option<&'static str>),
    /// Choose the entity a chart row or map item stands for: choosing the selected one clears it.
    Choose(&'static str),
    /// Show a chart in a reading.
    Reading(&'static ChartDef, Settings),
    /// Show a map layer.
    Layer(&'static str),
    /// Centre the map on a meridian.
    Centre(Centre),
    /// Zoom or pan the map (`None`: the whole extent).
    Camera(Option<Camera>),
    /// Show a step of the tour.
    TourStep(usize),
    /// Move through the tour (buttons, keys, swipes).
    Tour(Nav),
    /// The header's "Tour" button: start the tour, or leave it.
    TourButton,
    /// Take a result of the search.
    TakeResult(Target),
    /// The page is being printed, or no longer.
    Print(bool),
    /// Print one chart alone ("Print this chart"), or the whole page (the print button, the
    /// browser's print keys).
    PrintChart(Option<&'static str>),
    /// Build every part of the page: find in page searches only what is built, and printing
    /// prints it.
    BuildEverything,
    /// Set the flows moving, or stop them.
    FlowMotion,
    /// Show the map full screen, or leave it (its button, Escape, the browser leaving full screen).
    FullScreen(bool),
}

/// An element to bring into view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scroll {
    pub to: Anchor,
    /// To the middle of the window (a search result), else to the top (a tour step's chart).
    pub centre: bool,
    /// Then focus this tile (chart id, row key), which shows its tooltip.
    pub tile: Option<(&'static str, &'static str)>,
}

/// An element to give the keyboard focus to, without scrolling to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The step's title, when the tour starts.
    TourTitle,
    /// The header's "Tour" button, when the tour is left.
    TourButton,
}

impl Focus {
    /// The id of the element that takes the focus.
    pub fn id(self) -> &'static str {
        match self {
            Focus::TourTitle => "tour-title",
            Focus::TourButton => "tour-start",
        }
    }
}

/// A choice to remember for the reader's next visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Lang(Lang),
    Mode(Mode),
    Contrast(bool),
}

/// Where a choice is kept: its storage key.
pub const LANG_KEY: &str = "trade-atlas.lang";
pub const THEME_KEY: &str = "trade-atlas.theme";
pub const CONTRAST_KEY: &str = "trade-atlas.contrast";

/// High contrast's name in storage and on the root element: `more` or `normal`.
pub fn contrast_name(more: bool) -> &'static str {
    if more {
        "more"
    } else {
        "normal"
    }
}

impl Saved {
    /// The storage key and value that keep the choice.
    pub fn entry(self) -> (&'static str, &'static str) {
        match self {
            Saved::Lang(l) => (LANG_KEY, l.code()),
            Saved::Mode(m) => (THEME_KEY, m.as_str()),
            Saved::Contrast(more) => (CONTRAST_KEY, contrast_name(more)),
        }
    }
}

impl Prefs {
    /// The preferences from what storage holds under each key (`stored`) and what the browser says.
    pub fn read(stored: impl Fn(&str) -> Option<String>, browser: &str, dark: bool, more_contrast: bool) -> Prefs {
        Prefs {
            lang: stored(LANG_KEY).and_then(|c| Lang::from_code(&c)),
            browser: Lang::from_tag(browser),
            mode: stored(THEME_KEY).and_then(|n| Mode::from_name(&n)),
            dark,
            contrast: stored(CONTRAST_KEY).and_then(|c| [true, false].into_iter().find(|m| contrast_name(*m) == c)),
            more_contrast,
        }
    }
}

/// What the browser does after a change of the view (besides showing it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Effects {
    /// The address follows the view by replacing the current history entry (an address the
    /// browser moved to, normalised) rather than adding one (a reader's change).
    pub replace: bool,
    /// A part of the page to build at once: a dataset block, or the glossary.
    pub build: Option<&'static str>,
    /// Build every part of the page (printing, find in page).
    pub build_all: bool,
    pub scroll: Option<Scroll>,
    pub focus: Option<Focus>,
    /// A figure whose chart row takes the keyboard focus (showing its tooltip).
    pub reveal: Option<Reveal>,
    pub save: Option<Saved>,
    /// A history entry of the same address to add: full screen is a place Back leaves.
    pub mark_entry: bool,
    /// Go back one history entry (the one [`Effects::mark_entry`] added).
    pub back: bool,
}

/// Enter step `n` of the tour: the view it sets, keeping the reader's language, theme, contrast,
/// centre (unless the step frames its own camera) and the readings of charts the tour never shows.
fn enter(now: &ViewState, next: &mut ViewState, n: usize) {
    let Some(s) = tour::step(n) else { return };
    let v = tour::view(s);
    next.selected = v.selected;
    next.charts = tour::readings(s, &now.charts);
    next.layer = v.layer;
    next.camera = v.camera;
    next.centre = v.centre.or(now.reader_centre);
    next.tour = Some(n);
}

/// Leave the tour where the reader is: the view stays (its centre becomes the reader's). The
/// embedded tour has no way out.
fn leave(next: &mut ViewState, fx: &mut Effects) {
    if next.embedded_tour() {
        return;
    }
    next.tour = None;
    next.reader_centre = next.centre;
    fx.focus = Some(Focus::TourButton);
}

/// The view after `intent`, and what the browser is to do about it.
pub fn apply(now: &ViewState, intent: Intent) -> (ViewState, Effects) {
    let mut next = now.clone();
    let mut fx = Effects::default();
    // Whether the intent sets the camera itself; otherwise a new layer or centre shows the whole map.
    let mut sets_camera = false;
    match intent {
        Intent::Load(v) => {
            next = *v;
            // An address the browser moved to (Back, Forward) shows the page, not the map alone.
            next.full_screen = false;
            fx.replace = true;
            sets_camera = true;
        }
        Intent::SwitchLanguage => {
            next.lang = now.lang.other();
            fx.save = Some(Saved::Lang(next.lang));
        }
        Intent::SwitchTheme => {
            next.mode = now.mode.other();
            fx.save = Some(Saved::Mode(next.mode));
        }
        Intent::SwitchContrast => {
            next.contrast = !now.contrast;
            fx.save = Some(Saved::Contrast(next.contrast));
        }
        Intent::Select(e) => next.selected = e,
        Intent::Choose(e) => next.selected = toggled(now.selected, e),
        Intent::Reading(def, s) => next.set_reading(def, s),
        Intent::Layer(id) => next.layer = id,
        Intent::Centre(c) if now.centre != Some(c) => {
            // A chosen centre shows the whole map, even where it is the language's already.
            (next.centre, next.reader_centre, next.camera) = (Some(c), Some(c), None);
        }
        Intent::Centre(_) => {}
        Intent::Camera(c) => {
            next.camera = c;
            sets_camera = true;
        }
        Intent::TourStep(n) => {
            enter(now, &mut next, n);
            sets_camera = true;
        }
        Intent::Tour(nav) => {
            let Some(n) = now.tour else { return (next, fx) };
            match tour::after(n, nav) {
                Some(m) if m != n => {
                    enter(now, &mut next, m);
                    sets_camera = true;
                }
                None => leave(&mut next, &mut fx),
                Some(_) => {}
            }
        }
        Intent::TourButton if now.tour.is_some() => leave(&mut next, &mut fx),
        Intent::TourButton => {
            enter(now, &mut next, 1);
            sets_camera = true;
            fx.focus = Some(Focus::TourTitle);
        }
        Intent::TakeResult(t) => {
            let p = plan(&t, &|d| now.settings(d), now.layer);
            next.layer = p.layer.unwrap_or(now.layer);
            if let Some((def, s)) = p.reading {
                next.set_reading(def, s);
            }
            next.selected = p.select.or(now.selected);
            (fx.build, fx.reveal) = (p.build, p.reveal);
            fx.scroll = Some(Scroll { to: p.scroll, centre: true, tile: p.tile });
        }
        Intent::Print(on) => {
            next.printing = on;
            // One chart printed needs nothing else built; after printing the page prints whole.
            fx.build_all = on && now.print_one.is_none();
            next.print_one = now.print_one.filter(|_| on);
        }
        Intent::PrintChart(one) => next.print_one = one,
        Intent::BuildEverything => fx.build_all = true,
        Intent::FlowMotion => next.flow_motion = !now.flow_motion,
        Intent::FullScreen(on) if on != now.full_screen => {
            next.full_screen = on;
            (fx.mark_entry, fx.back) = (on, !on);
        }
        Intent::FullScreen(_) => {}
    }
    // The camera is in the units of one layer's fit on one centre: another shows the whole map.
    if !sets_camera && (next.layer != now.layer || next.map_centre() != now.map_centre()) {
        next.camera = None;
    }
    // A step comes into view, its part of the page built first.
    if let Some(v) = next.step().filter(|_| next.tour != now.tour).map(tour::view) {
        fx.build = fx.build.or(v.block);
        fx.scroll = Some(Scroll { to: v.target, centre: false, tile: None });
    }
    (next, fx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::{chart, SortKey};

    fn english() -> ViewState {
        ViewState { lang: Lang::En, ..ViewState::default() }
    }

    /// Apply intents in turn, keeping the last effects.
    fn after(start: ViewState, intents: impl IntoIterator<Item = Intent>) -> (ViewState, Effects) {
        intents.into_iter().fold((start, Effects::default()), |(s, _), i| apply(&s, i))
    }

    fn zoomed_step() -> &'static Step {
        tour::STEPS.iter().find(|s| s.view.is_some()).expect("a step with its own camera")
    }

    #[test]
    fn a_tour_step_without_a_centre_of_its_own_keeps_the_centre_the_reader_chose() {
        // Tried as a new user would: the English page, "the Pacific", then the tour.
        let pacific = after(english(), [Intent::Centre(Centre::Pacific)]).0;
        for s in tour::STEPS.iter().filter(|s| s.view.is_none()) {
            let (v, _) = apply(&pacific, Intent::TourStep(s.n));
            assert_eq!((v.centre, v.map_centre()), (Some(Centre::Pacific), Centre::Pacific), "step {}", s.n);
        }
        let (v, _) = apply(&pacific, Intent::TourButton);
        assert_eq!((v.tour, v.map_centre()), (Some(1), Centre::Pacific), "the header button starts the same way");
    }

    #[test]
    fn full_screen_is_a_place_back_leaves_and_no_address_holds() {
        let (full, fx) = apply(&english(), Intent::FullScreen(true));
        assert!(full.full_screen && fx.mark_entry && !fx.back, "entering adds a history entry");
        assert_eq!(crate::permalink::address(&full), crate::permalink::address(&english()), "the address is the same");
        let (again, fx) = apply(&full, Intent::FullScreen(true));
        assert!(again.full_screen && !fx.mark_entry, "entering twice adds nothing");
        let (left, fx) = apply(&full, Intent::FullScreen(false));
        assert!(!left.full_screen && fx.back && !fx.mark_entry, "Escape or the button goes back over that entry");
        let back = crate::permalink::read(&crate::permalink::address(&full), &full);
        assert!(!apply(&full, Intent::Load(Box::new(back))).0.full_screen, "Back (the browser moving) leaves it");
        let zoomed = apply(&full, Intent::Layer("map-ports")).0;
        assert!(zoomed.full_screen, "another layer stays full screen");
        assert!(!apply(&english(), Intent::FullScreen(false)).1.back, "leaving when not in it goes nowhere");
    }

    #[test]
    fn a_step_that_frames_its_own_camera_shows_its_centre_and_the_next_step_returns_to_the_readers() {
        let z = zoomed_step();
        let pacific = after(english(), [Intent::Centre(Centre::Pacific)]).0;
        let (at, _) = apply(&pacific, Intent::TourStep(z.n));
        assert_eq!((at.map_centre(), at.camera), (Centre::Atlantic, z.view), "the camera is in Atlantic units");
        let plain = tour::STEPS.iter().find(|s| s.view.is_none() && s.n != z.n).unwrap();
        let (back, _) = apply(&at, Intent::TourStep(plain.n));
        assert_eq!(back.map_centre(), Centre::Pacific);
        // A Chinese reader who never chose one follows the language again.
        let (zh, _) = after(ViewState::default(), [Intent::TourStep(z.n), Intent::TourStep(plain.n)]);
        assert_eq!((zh.centre, zh.map_centre()), (None, Centre::Pacific));
    }

    #[test]
    fn a_new_layer_or_centre_shows_the_whole_map_and_so_does_a_language_the_map_follows() {
        let cam = Some(Camera { zoom: 2.0, cx: 0.5, cy: 0.25 });
        let zoomed = after(english(), [Intent::Camera(cam)]).0;
        assert_eq!(zoomed.camera, cam, "a camera move sets it");
        assert_eq!(apply(&zoomed, Intent::Layer("map-ports")).0.camera, None, "another layer");
        assert_eq!(apply(&zoomed, Intent::Layer(DEFAULT_LAYER)).0.camera, cam, "the same layer: nothing moves");
        assert_eq!(apply(&zoomed, Intent::Centre(Centre::Pacific)).0.camera, None, "another centre");
        assert_eq!(apply(&zoomed, Intent::Centre(Centre::Atlantic)).0.camera, None, "a centre chosen shows it whole");
        assert_eq!(apply(&zoomed, Intent::SwitchLanguage).0.camera, None, "the map follows the language");
        let chosen = after(english(), [Intent::Centre(Centre::Atlantic), Intent::Camera(cam)]).0;
        assert_eq!(apply(&chosen, Intent::SwitchLanguage).0.camera, cam, "a chosen centre stays, and the camera");
        assert_eq!(apply(&chosen, Intent::Select(Some("RUS"))).0.camera, cam);
        let z = zoomed_step();
        assert_eq!(apply(&english(), Intent::TourStep(z.n)).0.camera, z.view, "a step sets its own");
    }

    #[test]
    fn the_default_reading_is_kept_as_no_entry() {
        let def = chart("commodities").unwrap();
        let other = Settings { metric: 1, sort: SortKey::Value };
        let (v, _) = apply(&english(), Intent::Reading(def, other));
        assert_eq!((v.charts.clone(), v.settings(def)), (vec![("commodities", other)], other));
        let again = Settings { metric: 2, ..other };
        assert_eq!(apply(&v, Intent::Reading(def, again)).0.charts, vec![("commodities", again)], "replaced");
        let (back, _) = apply(&v, Intent::Reading(def, def.default_settings()));
        assert!(back.charts.is_empty());
        assert!(apply(&english(), Intent::Reading(def, def.default_settings())).0.charts.is_empty());
    }

    #[test]
    fn choosing_the_selected_entity_clears_it_and_select_sets_or_clears_directly() {
        let (v, _) = apply(&english(), Intent::Choose("RUS"));
        assert_eq!(v.selected, Some("RUS"));
        assert_eq!(apply(&v, Intent::Choose("RUS")).0.selected, None);
        assert_eq!(apply(&v, Intent::Choose("USA")).0.selected, Some("USA"));
        assert_eq!(apply(&v, Intent::Select(None)).0.selected, None);
    }

    #[test]
    fn entering_a_step_builds_its_block_and_scrolls_its_chart_to_the_top() {
        let s = tour::STEPS.iter().find(|s| !s.is_map()).unwrap();
        let (v, fx) = apply(&english(), Intent::TourStep(s.n));
        assert_eq!((v.tour, v.selected, v.layer), (Some(s.n), s.select, DEFAULT_LAYER));
        assert_eq!(fx.build, Some(s.def().dataset));
        assert_eq!(fx.scroll, Some(Scroll { to: Anchor::Chart(s.chart), centre: false, tile: None }));
        assert!(!fx.replace, "a new history entry");
        assert_eq!(apply(&v, Intent::Select(Some("RUS"))).1.scroll, None, "a change within the step scrolls nowhere");
    }

    #[test]
    fn the_tour_button_starts_at_the_first_step_and_leaves_where_the_reader_is() {
        let (v, fx) = apply(&english(), Intent::TourButton);
        assert_eq!((v.tour, fx.focus), (Some(1), Some(Focus::TourTitle)));
        let (left, fx) = apply(&v, Intent::TourButton);
        assert_eq!((left.tour, fx.focus, fx.scroll), (None, Some(Focus::TourButton), None));
        assert_eq!(ViewState { tour: Some(1), ..left }, v, "the view stays");
    }

    #[test]
    fn moving_past_the_ends_finishes_or_stays_and_the_embedded_tour_is_never_left() {
        let last = tour::count();
        let at = |n| apply(&english(), Intent::TourStep(n)).0;
        assert_eq!(apply(&at(1), Intent::Tour(Nav::Prev)).0.tour, Some(1));
        assert_eq!(apply(&at(1), Intent::Tour(Nav::Next)).0.tour, Some(2));
        assert_eq!(apply(&at(last), Intent::Tour(Nav::Next)).0.tour, None, "Finish");
        assert_eq!(apply(&at(2), Intent::Tour(Nav::Leave)).1.focus, Some(Focus::TourButton));
        let embedded = ViewState { embed: Some(TOUR_EMBED), ..english() };
        let v = apply(&embedded, Intent::TourStep(last)).0;
        assert_eq!(apply(&v, Intent::Tour(Nav::Next)).0.tour, Some(last));
        assert_eq!(apply(&v, Intent::Tour(Nav::Leave)).0.tour, Some(last));
        assert_eq!(apply(&english(), Intent::Tour(Nav::Next)).0.tour, None, "outside the tour nothing moves");
    }

    #[test]
    fn a_search_result_selects_switches_and_scrolls_to_the_middle_with_the_figure_revealed() {
        let cell = crate::views::CellRef::find("partners", "russia", "exports").unwrap();
        let (v, fx) = apply(&english(), Intent::TakeResult(Target::Figure(cell)));
        assert_eq!(v.selected, Some("RUS"));
        assert_eq!(fx.build, Some("partners"));
        assert_eq!(fx.scroll.map(|s| (s.to, s.centre)), Some((Anchor::Chart("partners-exports"), true)));
        assert_eq!(fx.reveal.map(|r| r.chart), Some("partners-exports"));
        let zoomed = after(english(), [Intent::Camera(Some(Camera { zoom: 2.0, cx: 0.0, cy: 0.0 }))]).0;
        let (v, fx) = apply(&zoomed, Intent::TakeResult(Target::Place("port:shanghai")));
        assert_eq!((v.layer, v.camera, v.selected), ("map-ports", None, Some("port:shanghai")));
        assert_eq!(fx.scroll.map(|s| s.to), Some(Anchor::Section("map")));
    }

    #[test]
    fn printing_draws_light_builds_everything_and_ends_in_the_readers_theme() {
        let dark = ViewState { mode: Mode::Dark, ..english() };
        let (p, fx) = apply(&dark, Intent::Print(true));
        assert!(fx.build_all);
        assert_eq!(p.theme(), Theme::pick(Mode::Light, false));
        assert_eq!(apply(&p, Intent::Print(false)).0.theme(), Theme::pick(Mode::Dark, false));
        assert!(apply(&dark, Intent::BuildEverything).1.build_all);
    }

    #[test]
    fn print_this_chart_prints_it_alone_without_building_the_page_until_the_printing_ends() {
        let (v, _) = apply(&english(), Intent::PrintChart(Some("commodities")));
        assert_eq!(v.print(), Printing::No, "asked for, not yet printing");
        let (p, fx) = apply(&v, Intent::Print(true));
        assert_eq!((p.print(), fx.build_all), (Printing::Chart("commodities"), false));
        let (after, _) = apply(&p, Intent::Print(false));
        assert_eq!((after.print_one, after.print()), (None, Printing::No));
        assert_eq!(apply(&after, Intent::Print(true)).0.print(), Printing::Edition, "the next print is the page's");
        let whole = apply(&v, Intent::PrintChart(None)).0;
        assert_eq!(apply(&whole, Intent::Print(true)).0.print(), Printing::Edition, "the print keys print the page");
        let tour = apply(&v, Intent::TourStep(2)).0;
        assert_eq!(apply(&tour, Intent::Print(true)).0.print(), Printing::AsShown, "the tour prints its steps");
    }

    #[test]
    fn switches_flip_and_are_remembered() {
        let (v, fx) = apply(&english(), Intent::SwitchLanguage);
        assert_eq!((v.lang, fx.save), (Lang::Zh, Some(Saved::Lang(Lang::Zh))));
        let (v, fx) = apply(&v, Intent::SwitchTheme);
        assert_eq!((v.mode, fx.save), (Mode::Dark, Some(Saved::Mode(Mode::Dark))));
        let (v, fx) = apply(&v, Intent::SwitchContrast);
        assert_eq!((v.contrast, fx.save), (true, Some(Saved::Contrast(true))));
        assert!(apply(&v, Intent::FlowMotion).0.flow_motion);
    }

    #[test]
    fn the_first_view_takes_the_address_then_the_stored_choice_then_the_browser() {
        let p = Prefs { browser: Lang::En, dark: true, more_contrast: true, ..Prefs::default() };
        assert_eq!((p.lang(None), p.mode(None, None), p.contrast(None)), (Lang::En, Mode::Dark, true));
        let stored = Prefs { lang: Some(Lang::Zh), mode: Some(Mode::Light), contrast: Some(false), ..p.clone() };
        assert_eq!((stored.lang(None), stored.mode(None, None), stored.contrast(None)), (Lang::Zh, Mode::Light, false));
        assert_eq!(stored.lang(Some(Lang::En)), Lang::En);
        assert_eq!(stored.mode(Some(Mode::Dark), None), Mode::Dark);
        assert!(stored.contrast(Some(true)));
        assert_eq!(p.mode(None, Some(Lang::En)), Mode::Light, "a permalink without a theme is a light view");
    }

    #[test]
    fn a_choice_kept_in_storage_reads_back_as_it_was_and_anything_else_as_nothing() {
        let mut kept = std::collections::HashMap::new();
        for s in [Saved::Lang(Lang::En), Saved::Mode(Mode::Dark), Saved::Contrast(true)] {
            let (k, v) = s.entry();
            kept.insert(k.to_string(), v.to_string());
        }
        let p = Prefs::read(|k| kept.get(k).cloned(), "zh-CN", false, false);
        assert_eq!((p.lang, p.mode, p.contrast, p.browser), (Some(Lang::En), Some(Mode::Dark), Some(true), Lang::Zh));
        let junk = Prefs::read(|_| Some("junk".into()), "en-GB", true, true);
        assert_eq!((junk.lang, junk.mode, junk.contrast), (None, None, None));
        assert_eq!((junk.browser, junk.dark, junk.more_contrast), (Lang::En, true, true));
        assert_eq!(Saved::Contrast(false).entry(), (CONTRAST_KEY, "normal"));
    }

    #[test]
    fn the_map_follows_the_language_until_the_reader_chooses_a_centre() {
        assert_eq!(centre_for(None, Lang::Zh), Centre::Pacific);
        assert_eq!(centre_for(None, Lang::En), Centre::Atlantic);
        assert_eq!(centre_for(Some(Centre::Pacific), Lang::En), Centre::Pacific);
    }
}
