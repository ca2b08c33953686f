//! The page: masthead with the search and the switches, contents, the map, the paper's sections,
//! glossary and the note on sources (or, embedded, one chart or the tour alone).
//!
//! Layer: ui.

use super::deferred::{AfterFirst, Deferred};
use super::glossary::Glossary;
use super::map_section::MapSection;
use super::section::PageSection;
use super::state::{provide_app_state, AppState};
use crate::data::{PAPER, SECTIONS};
use crate::i18n;
use crate::views::state::{Intent, TOUR_EMBED};
use leptos::prelude::*;

/// The whole atlas (or, for `?embed=<chart>`, one chart alone; for `?embed=tour`, the tour).
#[component]
pub fn App() -> impl IntoView {
    let st = provide_app_state();
    super::print::install(st);
    let (embed, controls) = st.embed();
    if embed == Some(TOUR_EMBED) {
        return view! { <super::tour::TourEmbed controls=controls/> }.into_any();
    }
    if let Some(def) = embed.and_then(crate::views::chart) {
        return view! { <super::embed::EmbedView def=def controls=controls/> }.into_any();
    }
    view! {
        <a class="skip" href="#main">{st.t(i18n::SKIP)}</a>
        <header class="masthead">
            <div class="masthead-inner">
                <div class="brand"><h1>{st.t(i18n::SITE_TITLE)}</h1><p class="lede">{st.t(i18n::SITE_SUB)}</p></div>
                <super::search::Search/><Switches st=st/>
            </div>
            <Contents st=st/>
        </header>
        <UrlNotice st=st/>
        <main id="main">
            <super::print::Cover/>
            <MapSection/>
            <AfterFirst>
                {SECTIONS.iter().map(|s| view! { <PageSection section=s/> }).collect_view()}
                <Deferred key="glossary" reserve=1600><Glossary/></Deferred>
                <section class="about" id="about">
                    <h2>{st.t(i18n::ABOUT)}</h2><p>{st.t(PAPER.note)}</p><p>{st.t(i18n::ABOUT_TEXT)}</p>
                    <p><a href=data_link() download="trade-atlas-data.zip" data-testid="download-data">
                        {st.t(i18n::DOWNLOAD_DATA)}</a>{st.t(i18n::DOWNLOAD_DATA_NOTE)}</p>
                </section>
            </AfterFirst>
            <super::print::Appendix/>
        </main>
        <super::tour::Tour st=st/>
    }
    .into_any()
}

/// Where "Download all data" points: the package's zip beside the page, or, in the single-file
/// edition (which has no `data/` folder beside it), the copy of the zip it carries in a
/// `<meta name="trade-atlas-data">` (written by `cargo xtask dist`).
fn data_link() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=\"trade-atlas-data\"]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|url| url.starts_with("data:application/zip;base64,"))
        .unwrap_or_else(|| crate::data::package::LINK.to_string())
}

/// The masthead's switches: tour, language, theme, copy link, print, contrast.
#[component]
fn Switches(st: AppState) -> impl IntoView {
    let dark = move || st.mode.get() == crate::chart::Mode::Dark;
    let go = move |i: fn() -> Intent| move |_| _ = st.dispatch(i());
    view! {
        <div class="switches">
            <super::tour::TourButton st=st/>
            <button type="button" class="switch" data-testid="lang-toggle" on:click=go(|| Intent::SwitchLanguage)
                aria-label=st.t(i18n::SWITCH_LANG_LABEL) lang=move || st.lang.get().other().tag()>{st.t(i18n::SWITCH_LANG)}</button>
            <button type="button" class="switch" data-testid="theme-toggle" on:click=go(|| Intent::SwitchTheme)
                aria-label=st.t(i18n::THEME_LABEL) aria-pressed=move || dark().to_string()>
                {move || if dark() { i18n::THEME_LIGHT } else { i18n::THEME_DARK }.get(st.lang.get())}
            </button>
            <CopyLink st=st/>
            <button type="button" class="switch" data-testid="print" on:click=move |_| super::print::print(st)>{st.t(i18n::PRINT)}</button>
            <button type="button" class="switch" data-testid="contrast-toggle" on:click=go(|| Intent::SwitchContrast)
                aria-pressed=move || st.contrast.get().to_string() title=st.t(i18n::CONTRAST_LABEL)>{st.t(i18n::CONTRAST)}</button>
        </div>
    }
}

/// "Copy link": the address of the current view, with a short confirmation.
#[component]
fn CopyLink(st: AppState) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
        leptos::task::spawn_local(async move {
            let l = st.lang.get_untracked();
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
            {move || status.get().unwrap_or_else(|| st.t(i18n::COPY_LINK)().to_string())}
        </button>
    }
}

/// The contents bar (`views::page::contents`) and the current selection.
#[component]
fn Contents(st: AppState) -> impl IntoView {
    let lang = st.lang;
    let nav = move || {
        let entry = |e: crate::views::page::Entry| {
            view! { <li><a href=format!("#{}", e.to)><span class="num">{e.num}</span>" "<span>{e.title}</span></a></li> }
        };
        crate::views::page::contents(lang.get()).into_iter().map(entry).collect_view()
    };
    view! {
        <nav class="toc" aria-label=st.t(i18n::CONTENTS)>
            <ol>{nav}</ol>
            {move || st.selected.get().map(|e| view! {
                <p class="selection" role="status" data-testid="selection">
                    {i18n::SELECTED.get(lang.get())}<strong>{crate::views::entity::entity_name(e, lang.get())}</strong>
                    <button type="button" on:click=move |_| _ = st.dispatch(Intent::Select(None)) aria-label=i18n::CLEAR.get(lang.get())>"✕"</button>
                </p>
            })}
        </nav>
    }
}

/// What the first address asked for but could not be understood (the address is cleaned right
/// after, so the state keeps it).
#[component]
fn UrlNotice(st: AppState) -> impl IntoView {
    let ignored = st.ignored.with_value(|i| i.join(" & "));
    (!ignored.is_empty()).then(|| {
        view! { <p class="url-notice" role="status" data-testid="url-notice">{st.t(i18n::URL_IGNORED)}<code>{ignored}</code></p> }
    })
}
