//! The one shared application state: language, theme, the selected entity, the map, chart
//! readings, the step of the guided tour, and the figure a search asks a chart to reveal.
//!
//! Layer: ui. A `Copy` struct of signals provided once at the root; components read it with
//! `use_app_state`. Effects here mirror the state onto `<html lang>` and `data-theme`.

use super::prefs;
use crate::chart::Mode;
use crate::data::Lang;
use crate::permalink::Params;
use crate::views::DEFAULT_LAYER;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub mode: RwSignal<Mode>,
    /// Reader-side high contrast with hatch patterns.
    pub contrast: RwSignal<bool>,
    /// A country, region or port selected anywhere (ISO alpha-3, `ASEAN`, `port:<id>`…).
    pub selected: RwSignal<Option<&'static str>>,
    /// Charts whose reading (metric, sort) differs from their default.
    pub charts: RwSignal<Vec<(&'static str, crate::views::Settings)>>,
    /// The map layer shown (a `map-*` chart id).
    pub map_layer: RwSignal<&'static str>,
    /// The map's zoom and centre (`None`: the whole extent).
    pub map_camera: RwSignal<Option<crate::chart::map::Camera>>,
    /// The world map's central meridian as the reader chose it (`None`: follow the language).
    pub map_centre: RwSignal<Option<crate::geo::Centre>>,
    /// While printing, the page and its charts use the light theme (paper is white).
    pub printing: RwSignal<bool>,
    /// The address the page was opened with, parsed once (embed, controls, ignored parameters).
    pub start: StoredValue<Params>,
    /// Build every part of the page now (printing, find in page); never set back.
    pub build_all: RwSignal<bool>,
    /// The first screen is drawn: the map has drawn its first frame (or failed to). The page's
    /// sections below it are built after that (see `deferred::AfterFirst`); never set back.
    pub first_screen: RwSignal<bool>,
    /// Parts (dataset ids) to build at once: a deep link's or a search's target.
    pub wanted: RwSignal<Vec<&'static str>>,
    /// A figure chosen in the search: its chart gives the figure's row the keyboard focus (which
    /// shows the tooltip and announces it), then sets this back to `None`.
    pub reveal: RwSignal<Option<crate::views::search::Reveal>>,
    /// The step of the guided tour being shown (from 1), `None` outside the tour.
    pub tour: RwSignal<Option<usize>>,
    /// The reader asked the flows layer's arcs to move (off by default; not in the address).
    pub flow_motion: RwSignal<bool>,
}

/// Create the state from the reader's preferences and provide it to the tree.
pub fn provide_app_state() -> AppState {
    // A tour address names its step; the view the step sets is filled in.
    let p = crate::permalink::with_step_view(prefs::url_params());
    let step_block = p.tour.and_then(crate::views::tour::step).and_then(|s| crate::views::tour::view(s).block);
    let st = AppState {
        lang: RwSignal::new(prefs::initial_lang(&p)),
        mode: RwSignal::new(prefs::initial_mode(&p)),
        contrast: RwSignal::new(prefs::initial_contrast(&p)),
        selected: RwSignal::new(p.sel),
        charts: RwSignal::new(p.charts.clone()),
        map_layer: RwSignal::new(p.layer.unwrap_or(DEFAULT_LAYER)),
        map_camera: RwSignal::new(p.camera),
        map_centre: RwSignal::new(p.centre),
        tour: RwSignal::new(p.tour),
        printing: RwSignal::new(false),
        start: StoredValue::new(p),
        build_all: RwSignal::new(false),
        first_screen: RwSignal::new(false),
        wanted: RwSignal::new(hash_target().into_iter().chain(step_block).collect()),
        reveal: RwSignal::new(None),
        flow_motion: RwSignal::new(false),
    };
    provide_context(st);
    Effect::new(move |_| {
        let lang = st.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(crate::i18n::SITE_TITLE.get(lang));
    });
    Effect::new(move |_| {
        let mode = if st.printing.get() { Mode::Light } else { st.mode.get() };
        let more = st.contrast.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", mode.as_str());
            let _ = root.set_attribute("data-contrast", if more { "more" } else { "normal" });
        }
    });
    st
}

/// The dataset a `#chart-…`, `#ds-…`, `#table-…` or `#note-…` link in the address points into.
fn hash_target() -> Option<&'static str> {
    let hash = web_sys::window()?.location().hash().ok()?;
    crate::permalink::hash_dataset(hash.trim_start_matches('#'))
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// The reading of one chart (tracks the shared list).
    pub fn chart_settings(&self, def: &crate::views::ChartDef) -> crate::views::Settings {
        self.charts
            .with(|c| c.iter().find(|(id, _)| *id == def.id).map(|(_, s)| *s))
            .unwrap_or_else(|| def.default_settings())
    }

    /// Record a chart's reading; the default reading is stored as no entry at all.
    pub fn set_chart_settings(&self, def: &'static crate::views::ChartDef, s: crate::views::Settings) {
        let current = self.charts.with_untracked(|c| c.iter().find(|(id, _)| *id == def.id).map(|(_, s)| *s));
        let wanted = (s != def.default_settings()).then_some(s);
        if current != wanted {
            self.charts.update(|c| {
                c.retain(|(id, _)| *id != def.id);
                if let Some(s) = wanted {
                    c.push((def.id, s));
                }
            });
        }
    }

    /// The world map's central meridian now: the reader's choice, else their language's (tracks).
    pub fn centre(&self) -> crate::geo::Centre {
        crate::permalink::centre_for(self.map_centre.get(), self.lang.get())
    }

    /// The world map's central meridian now, without tracking (for event handlers).
    pub fn centre_untracked(&self) -> crate::geo::Centre {
        crate::permalink::centre_for(self.map_centre.get_untracked(), self.lang.get_untracked())
    }

    /// The chart theme for the current mode and contrast choice (tracks both).
    pub fn theme(&self) -> crate::chart::Theme {
        let mode = if self.printing.get() { Mode::Light } else { self.mode.get() };
        crate::chart::Theme::pick(mode, self.contrast.get())
    }

    /// The chart theme without tracking (for event handlers).
    pub fn theme_untracked(&self) -> crate::chart::Theme {
        let mode = if self.printing.get_untracked() { Mode::Light } else { self.mode.get_untracked() };
        crate::chart::Theme::pick(mode, self.contrast.get_untracked())
    }
}
