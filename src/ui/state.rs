//! The one shared application state: a signal per field of the reader's view (`views::state`) and
//! of the page's building, read by components and written only by [`AppState::dispatch`].
//!
//! Layer: ui. `dispatch` applies an intent (`views::state::apply`), sets the signals that changed,
//! writes the address (`permalink::address`) and carries out the effects; Back and Forward load
//! the address they reach. The root element mirrors language, theme, contrast, the tour and a chart printed alone.

use crate::chart::map::Camera;
use crate::chart::{Mode, Theme};
use crate::data::{Lang, L};
use crate::geo::Centre;
use crate::permalink;
use crate::views::anchor::Anchor;
use crate::views::print::{printing, Printing};
use crate::views::search::Reveal;
use crate::views::state::{apply, centre_for, contrast_name, reading, shown_mode, Effects, Intent, ViewState};
use crate::views::Settings;
use leptos::prelude::*;

/// A signal as components see it: read only (`dispatch` and the page's building write it). The
/// signal itself, wrapped: a read-only signal made beside each would add its code per type.
pub struct Read<T: 'static>(RwSignal<T>);

impl<T> Clone for Read<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Read<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Read<T> {
    pub fn get(&self) -> T {
        self.0.get()
    }

    pub fn get_untracked(&self) -> T {
        self.0.get_untracked()
    }

    /// Set only when the value differs, so an unchanged view notifies no one.
    fn set(&self, v: T) {
        if self.0.with_untracked(|c| *c != v) {
            self.0.set(v);
        }
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: Read<Lang>,
    pub mode: Read<Mode>,
    pub contrast: Read<bool>,
    pub selected: Read<Option<&'static str>>,
    /// Charts whose reading (metric, sort) differs from their default.
    pub charts: Read<Vec<(&'static str, Settings)>>,
    pub map_layer: Read<&'static str>,
    pub map_camera: Read<Option<Camera>>,
    /// The map's centre as chosen (`None`: the language's; see [`AppState::centre`]).
    pub map_centre: Read<Option<Centre>>,
    pub tour: Read<Option<usize>>,
    pub printing: Read<bool>,
    /// The chart "Print this chart" asked for, until the printing ends.
    pub print_one: Read<Option<&'static str>>,
    pub flow_motion: Read<bool>,
    /// The map fills the screen.
    pub full_screen: Read<bool>,
    /// Parts (dataset ids, `glossary`) to build at once: a deep link's, a search's, a step's.
    pub wanted: Read<Vec<&'static str>>,
    /// Build every part of the page now (printing, find in page); never set back.
    pub build_all: Read<bool>,
    /// The map has drawn its first frame (or failed to): the sections below are built after it.
    pub first_screen: Read<bool>,
    /// A figure chosen in the search, until its chart has given its row the focus.
    pub reveal: Read<Option<Reveal>>,
    /// What the page's first address asked for but could not be understood.
    pub ignored: StoredValue<Vec<String>>,
    view: StoredValue<ViewState>,
}

/// Create the state from the page's address and the reader's preferences, provide it to the
/// tree, and follow Back and Forward.
pub fn provide_app_state() -> AppState {
    let loc = window().location();
    let (opened, ignored) = permalink::open(&loc.search().unwrap_or_default(), &super::prefs::read());
    let (v, fx) = apply(&ViewState::default(), Intent::Load(Box::new(opened)));
    let hash = loc.hash().unwrap_or_default();
    let wanted = Anchor::parse(hash.trim_start_matches('#')).and_then(|a| a.block()).into_iter().chain(fx.build);
    let st = AppState {
        lang: Read(RwSignal::new(v.lang)),
        mode: Read(RwSignal::new(v.mode)),
        contrast: Read(RwSignal::new(v.contrast)),
        selected: Read(RwSignal::new(v.selected)),
        charts: Read(RwSignal::new(v.charts.clone())),
        map_layer: Read(RwSignal::new(v.layer)),
        map_camera: Read(RwSignal::new(v.camera)),
        map_centre: Read(RwSignal::new(v.centre)),
        tour: Read(RwSignal::new(v.tour)),
        printing: Read(RwSignal::new(v.printing)),
        print_one: Read(RwSignal::new(v.print_one)),
        flow_motion: Read(RwSignal::new(v.flow_motion)),
        full_screen: Read(RwSignal::new(v.full_screen)),
        wanted: Read(RwSignal::new(wanted.collect())),
        build_all: Read(RwSignal::new(false)),
        first_screen: Read(RwSignal::new(false)),
        reveal: Read(RwSignal::new(None)),
        ignored: StoredValue::new(ignored),
        view: StoredValue::new(v),
    };
    provide_context(st);
    // Once the page is built (the search has read a `?q=` from the address): the address
    // normalised in place, and the step of a tour address scrolled to.
    Effect::new(move |_| {
        st.write_address(true);
        st.carry_out(Effects { build: None, ..fx.clone() });
    });
    super::listen(window(), &["popstate"], move |_: web_sys::Event| {
        let search = window().location().search().unwrap_or_default();
        st.dispatch(Intent::Load(Box::new(st.view.with_value(|now| permalink::read(&search, now)))));
    });
    // Only what changed is written: an attribute of the root written, even unchanged, can restyle
    // the whole page.
    Effect::new(move |_| {
        let (lang, title) = (st.lang.get(), document().title());
        let mode = shown_mode(st.mode.get(), st.printing.get()).as_str();
        let tour = st.tour.get().map(|_| "");
        let attrs = [("lang", lang.tag()), ("data-theme", mode), ("data-contrast", contrast_name(st.contrast.get()))];
        let Some(root) = document().document_element() else { return };
        let one = [("data-tour", tour), ("data-print-one", st.print_one.get())];
        let attrs = attrs.into_iter().map(|(n, v)| (n, Some(v))).chain(one);
        attrs.filter(|(n, v)| root.get_attribute(n).as_deref() != *v).for_each(|(n, v)| super::set_attr(&root, n, v));
        (title != crate::i18n::SITE_TITLE.get(lang)).then(|| document().set_title(crate::i18n::SITE_TITLE.get(lang)));
    });
    st
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Apply an intent: the next view, its signals set, its address written, its effects carried
    /// out. The only way the view changes.
    pub fn dispatch(&self, intent: Intent) -> Effects {
        let (v, fx) = self.view.with_value(|now| apply(now, intent));
        self.lang.set(v.lang);
        self.mode.set(v.mode);
        self.contrast.set(v.contrast);
        self.selected.set(v.selected);
        self.charts.set(v.charts.clone());
        self.map_layer.set(v.layer);
        self.map_camera.set(v.camera);
        self.map_centre.set(v.centre);
        self.tour.set(v.tour);
        self.printing.set(v.printing);
        self.print_one.set(v.print_one);
        self.flow_motion.set(v.flow_motion);
        self.full_screen.set(v.full_screen);
        self.view.set_value(v);
        self.write_address(fx.replace);
        self.carry_out(fx.clone());
        fx
    }

    /// Keep the address in step with the view: a new history entry, or the current one replaced.
    fn write_address(&self, replace: bool) {
        let (query, loc) = (self.view.with_value(permalink::address), window().location());
        let Ok(history) = window().history() else { return };
        if loc.search().is_ok_and(|now| now == query) {
            return;
        }
        let url = format!("{}{query}{}", loc.pathname().unwrap_or_default(), loc.hash().unwrap_or_default());
        let (null, url) = (wasm_bindgen::JsValue::NULL, Some(url.as_str()));
        let _ = if replace {
            history.replace_state_with_url(&null, "", url)
        } else {
            history.push_state_with_url(&null, "", url)
        };
    }

    /// What the browser does besides showing the view.
    fn carry_out(&self, fx: Effects) {
        if let Some(b) = fx.build.filter(|b| !self.wanted.0.with_untracked(|w| w.contains(b))) {
            self.wanted.0.update(|w| w.push(b));
        }
        if fx.build_all {
            self.build_all.set(true);
        }
        if fx.reveal.is_some() {
            self.reveal.0.set(fx.reveal);
        }
        if let Some(s) = fx.scroll {
            super::scroll_to(s.to.to_string(), s.centre, s.tile);
        }
        if let Some(f) = fx.focus {
            super::focus_later(f.id());
        }
        if let Some(s) = fx.save {
            super::prefs::save(s);
        }
        if let Ok(history) = window().history() {
            if fx.mark_entry {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::from_str("full-screen"), "", None);
            } else if fx.back {
                let _ = history.back();
            }
        }
    }

    /// What the page shows alone (`?embed=`, fixed when it opens), and whether with its controls.
    pub fn embed(&self) -> (Option<&'static str>, bool) {
        self.view.with_value(|v| (v.embed, v.controls))
    }

    /// The chart whose row a search revealed has given it the focus.
    pub fn revealed(&self) {
        self.reveal.set(None);
    }

    /// The map has drawn its first frame: the page below it is built next, in a task of its own.
    pub fn first_screen_drawn(&self) {
        if !self.first_screen.get_untracked() {
            let done = self.first_screen.0;
            gloo::timers::callback::Timeout::new(0, move || _ = done.try_set(true)).forget();
        }
    }

    /// A chart's reading (tracks the shared list).
    pub fn chart_settings(&self, def: &crate::views::ChartDef) -> Settings {
        self.charts.0.with(|c| reading(c, def))
    }

    /// The map's central meridian now (tracks the choice and the language).
    pub fn centre(&self) -> Centre {
        centre_for(self.map_centre.get(), self.lang.get())
    }

    /// A text in the reader's language (tracks the language).
    pub fn t(&self, l: L) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || l.get(lang.get())
    }

    /// What the page prints now (tracks printing, the tour and the chart asked for).
    pub fn print(&self) -> Printing {
        let embed = self.view.with_value(|v| v.embed.is_some());
        printing(self.printing.get(), self.tour.get().is_some(), embed, self.print_one.get())
    }

    /// The chart theme now (tracks the mode, printing and contrast).
    pub fn theme(&self) -> Theme {
        Theme::pick(shown_mode(self.mode.get(), self.printing.get()), self.contrast.get())
    }
}
