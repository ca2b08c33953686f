//! The page: masthead with language and theme switches, contents, the paper's sections,
//! glossary and the note on sources.
//!
//! Layer: ui.

use super::deferred::{AfterFirst, Deferred};
use super::glossary::Glossary;
use super::map_section::MapSection;
use super::prefs;
use super::section::PageSection;
use super::state::{provide_app_state, AppState};
use crate::data::format::paper_section;
use crate::data::{Lang, L, PAPER, SECTIONS};
use crate::i18n;
use leptos::prelude::*;

/// The whole atlas (or, for `?embed=<chart>`, one chart alone; for `?embed=tour`, the tour).
#[component]
pub fn App() -> impl IntoView {
    let st = provide_app_state();
    super::url_sync::start(st);
    super::print::install(st);
    super::print::install_find(st);
    let (embed, controls) = st.start.with_value(|p| (p.embed, p.controls));
    if embed == Some(crate::permalink::TOUR_EMBED) {
        return view! { <super::tour::TourEmbed controls=controls/> }.into_any();
    }
    if let Some(def) = embed.and_then(crate::views::chart) {
        return view! { <super::embed::EmbedView def=def controls=controls/> }.into_any();
    }
    let lang = st.lang;
    view! {
        <a class="skip" href="#main">{move || i18n::SKIP.get(lang.get())}</a>
        <header class="masthead">
            <div class="masthead-inner">
                <div class="brand">
                    <h1>{move || i18n::SITE_TITLE.get(lang.get())}</h1>
                    <p class="lede">{move || i18n::SITE_SUB.get(lang.get())}</p>
                </div>
                <super::search::Search/>
                <Switches st=st/>
            </div>
            <Contents st=st/>
        </header>
        <UrlNotice st=st/>
        <main id="main">
            <MapSection/>
            <AfterFirst>
                {SECTIONS.iter().map(|s| view! { <PageSection section=s/> }).collect_view()}
                <Deferred key="glossary" reserve=1600><Glossary/></Deferred>
                <section class="about" id="about">
                    <h2>{move || i18n::ABOUT.get(lang.get())}</h2>
                    <p>{move || PAPER.note.get(lang.get())}</p>
                    <p>{move || i18n::ABOUT_TEXT.get(lang.get())}</p>
                    <p><a href=crate::data::package::LINK download="trade-atlas-data.zip" data-testid="download-data">
                        {move || i18n::DOWNLOAD_DATA.get(lang.get())}</a>{move || i18n::DOWNLOAD_DATA_NOTE.get(lang.get())}</p>
                </section>
            </AfterFirst>
        </main>
        <super::tour::Tour st=st/>
    }
    .into_any()
}

/// The masthead's switches: tour, language, theme, copy link, print, contrast.
#[component]
fn Switches(st: AppState) -> impl IntoView {
    let lang = st.lang;
    let t = move |l: L| move || l.get(lang.get());
    let toggle_lang = move |_| {
        let next = lang.get_untracked().other();
        // A map that follows the language changes its centre with it: its zoom and pan, in the
        // old centre's coordinates, give way to the whole map.
        if st.map_centre.get_untracked().is_none() && st.map_camera.get_untracked().is_some() {
            st.map_camera.set(None);
        }
        lang.set(next);
        prefs::save_lang(next);
    };
    let toggle_mode = move |_| {
        let next = st.mode.get_untracked().other();
        st.mode.set(next);
        prefs::save_mode(next);
    };
    let toggle_contrast = move |_| {
        let next = !st.contrast.get_untracked();
        st.contrast.set(next);
        prefs::save_contrast(next);
    };
    let mode_text = move || {
        let next = if st.mode.get() == crate::chart::Mode::Dark { i18n::THEME_LIGHT } else { i18n::THEME_DARK };
        next.get(lang.get())
    };
    view! {
        <div class="switches">
            <super::tour::TourButton st=st/>
            <button type="button" class="switch" data-testid="lang-toggle" on:click=toggle_lang
                aria-label=t(i18n::SWITCH_LANG_LABEL) lang=move || lang.get().other().tag()>
                {t(i18n::SWITCH_LANG)}
            </button>
            <button type="button" class="switch" data-testid="theme-toggle" on:click=toggle_mode
                aria-label=t(i18n::THEME_LABEL)
                aria-pressed=move || (st.mode.get() == crate::chart::Mode::Dark).to_string()>
                {mode_text}
            </button>
            <CopyLink lang=lang/>
            <button type="button" class="switch" data-testid="print" on:click=move |_| super::print::print(st)>
                {t(i18n::PRINT)}
            </button>
            <button type="button" class="switch" data-testid="contrast-toggle" on:click=toggle_contrast
                aria-pressed=move || st.contrast.get().to_string() title=t(i18n::CONTRAST_LABEL)>
                {t(i18n::CONTRAST)}
            </button>
        </div>
    }
}

/// "Copy link": the address of the current view, with a short confirmation.
#[component]
fn CopyLink(lang: RwSignal<Lang>) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let copy = move |_| {
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        leptos::task::spawn_local(async move {
            let l = lang.get_untracked();
            let msg = match super::download::copy_text(&href).await {
                Ok(()) => i18n::COPIED.get(l).to_string(),
                Err(e) => format!("{}{e}", i18n::EXPORT_FAILED.get(l)),
            };
            status.set(Some(msg));
            // The confirmation gives way to the button's label again after a moment.
            gloo::timers::callback::Timeout::new(2500, move || status.set(None)).forget();
        });
    };
    view! {
        <button type="button" class="switch" data-testid="copy-link" on:click=copy>
            {move || status.get().unwrap_or_else(|| i18n::COPY_LINK.get(lang.get()).to_string())}
        </button>
    }
}

/// The contents bar: the map and the paper's sections, and the current selection.
#[component]
fn Contents(st: AppState) -> impl IntoView {
    let lang = st.lang;
    let nav = SECTIONS
        .iter()
        .map(|s| {
            view! {
                <li><a href=format!("#{}", s.id)>
                    <span class="num">{move || paper_section(s.paper, lang.get()).replace('§', "")}</span>
                    " "
                    <span>{move || crate::shell::short_title(s.title.get(lang.get())).to_string()}</span>
                </a></li>
            }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-label=move || i18n::CONTENTS.get(lang.get())>
            <ol>
                <li><a href="#map"><span class="num">"◎"</span>" "<span>{move || i18n::MAP_NAV.get(lang.get())}</span></a></li>
                {nav}
            </ol>
            {move || st.selected.get().map(|e| view! {
                <p class="selection" role="status" data-testid="selection">
                    {i18n::SELECTED.get(lang.get())}
                    <strong>{crate::views::entity::entity_name(e, lang.get())}</strong>
                    <button type="button" on:click=move |_| st.selected.set(None)
                        aria-label=i18n::CLEAR.get(lang.get())>"✕"</button>
                </p>
            })}
        </nav>
    }
}

/// What the first address asked for but could not be understood (the address is cleaned right
/// after, so it is read from the start state).
#[component]
fn UrlNotice(st: AppState) -> impl IntoView {
    let ignored = st.start.with_value(|p| p.ignored.join(" & "));
    let lang = st.lang;
    (!ignored.is_empty()).then(|| {
        view! {
            <p class="url-notice" role="status" data-testid="url-notice">
                {move || i18n::URL_IGNORED.get(lang.get())}<code>{ignored}</code>
            </p>
        }
    })
}
