//! The page: masthead with language and theme switches, contents, the paper's sections,
//! glossary and the note on sources.
//!
//! Layer: ui.

use super::deferred::{AfterFirst, Deferred};
use super::glossary::Glossary;
use super::map_section::MapSection;
use super::section::PageSection;
use super::state::{provide_app_state, AppState};
use crate::data::{L, PAPER, SECTIONS};
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
    let dark = move || st.mode.get() == crate::chart::Mode::Dark;
    view! {
        <div class="switches">
            <super::tour::TourButton st=st/>
            <button type="button" class="switch" data-testid="lang-toggle" on:click=move |_| { st.dispatch(Intent::SwitchLanguage); }
                aria-label=t(i18n::SWITCH_LANG_LABEL) lang=move || lang.get().other().tag()>
                {t(i18n::SWITCH_LANG)}
            </button>
            <button type="button" class="switch" data-testid="theme-toggle" on:click=move |_| { st.dispatch(Intent::SwitchTheme); }
                aria-label=t(i18n::THEME_LABEL) aria-pressed=move || dark().to_string()>
                {move || if dark() { i18n::THEME_LIGHT } else { i18n::THEME_DARK }.get(lang.get())}
            </button>
            <CopyLink st=st/>
            <button type="button" class="switch" data-testid="print" on:click=move |_| super::print::print(st)>
                {t(i18n::PRINT)}
            </button>
            <button type="button" class="switch" data-testid="contrast-toggle" on:click=move |_| { st.dispatch(Intent::SwitchContrast); }
                aria-pressed=move || st.contrast.get().to_string() title=t(i18n::CONTRAST_LABEL)>
                {t(i18n::CONTRAST)}
            </button>
        </div>
    }
}

/// "Copy link": the address of the current view, with a short confirmation.
#[component]
fn CopyLink(st: AppState) -> impl IntoView {
    let lang = st.lang;
    let status = RwSignal::new(None::<String>);
    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
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

/// The contents bar (`views::page::contents`) and the current selection.
#[component]
fn Contents(st: AppState) -> impl IntoView {
    let lang = st.lang;
    let entries = Memo::new(move |_| crate::views::page::contents(lang.get()));
    let nav = (0..SECTIONS.len() + 1)
        .map(|i| {
            let part = move |f: fn(&crate::views::page::Entry) -> String| move || entries.with(|e| f(&e[i]));
            view! {
                <li><a href=part(|e| format!("#{}", e.to))>
                    <span class="num">{part(|e| e.num.clone())}</span>" "<span>{part(|e| e.title.clone())}</span>
                </a></li>
            }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-label=move || i18n::CONTENTS.get(lang.get())>
            <ol>{nav}</ol>
            {move || st.selected.get().map(|e| view! {
                <p class="selection" role="status" data-testid="selection">
                    {i18n::SELECTED.get(lang.get())}
                    <strong>{crate::views::entity::entity_name(e, lang.get())}</strong>
                    <button type="button" on:click=move |_| { st.dispatch(Intent::Select(None)); }
                        aria-label=i18n::CLEAR.get(lang.get())>"✕"</button>
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
    let lang = st.lang;
    (!ignored.is_empty()).then(|| {
        view! {
            <p class="url-notice" role="status" data-testid="url-notice">
                {move || i18n::URL_IGNORED.get(lang.get())}<code>{ignored}</code>
            </p>
        }
    })
}
