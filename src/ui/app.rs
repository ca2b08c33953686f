//! The page: masthead with language and theme switches, contents, the paper's sections,
//! glossary and the note on sources.
//!
//! Layer: ui.

use super::glossary::Glossary;
use super::i18n;
use super::prefs;
use super::section::PageSection;
use super::state::provide_app_state;
use crate::chart::Mode;
use crate::data::format::paper_section;
use crate::data::{Lang, PAPER, SECTIONS};
use leptos::prelude::*;

/// The whole atlas.
#[component]
pub fn App() -> impl IntoView {
    let st = provide_app_state();
    super::url_sync::start(st);
    super::print::install(st);
    let lang = st.lang;
    let params = prefs::url_params();
    if let Some(def) = params.embed.and_then(crate::spec::chart) {
        return view! { <super::embed::EmbedView def=def controls=params.controls/> }.into_any();
    }
    let t = move |l: crate::data::L| move || l.get(lang.get());
    let toggle_lang = move |_| {
        let next = if lang.get_untracked() == Lang::Zh { Lang::En } else { Lang::Zh };
        lang.set(next);
        prefs::save_lang(next);
    };
    let toggle_mode = move |_| {
        let next = if st.mode.get_untracked() == Mode::Dark { Mode::Light } else { Mode::Dark };
        st.mode.set(next);
        prefs::save_mode(next);
    };
    let toggle_contrast = move |_| {
        let next = !st.contrast.get_untracked();
        st.contrast.set(next);
        prefs::save_contrast(next);
    };
    let link_status = RwSignal::new(None::<String>);
    let copy_link = move |_| {
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        leptos::task::spawn_local(async move {
            let l = lang.get_untracked();
            let msg = match super::download::copy_text(&href).await {
                Ok(()) => i18n::COPIED.get(l).to_string(),
                Err(e) => format!("{}{e}", i18n::EXPORT_FAILED.get(l)),
            };
            link_status.set(Some(msg));
            // The confirmation gives way to the button's label again after a moment.
            gloo::timers::callback::Timeout::new(2500, move || link_status.set(None)).forget();
        });
    };
    let mode_text = move || {
        let l = lang.get();
        if st.mode.get() == Mode::Dark {
            i18n::THEME_LIGHT.get(l)
        } else {
            i18n::THEME_DARK.get(l)
        }
    };
    let nav = SECTIONS
        .iter()
        .map(|s| {
            let href = format!("#{}", s.id);
            view! {
                <li><a href=href>
                    <span class="num">{move || paper_section(s.paper, lang.get()).replace('§', "")}</span>
                    " "
                    <span>{move || short_title(s.title.get(lang.get()))}</span>
                </a></li>
            }
        })
        .collect_view();
    view! {
        <a class="skip" href="#main">{t(i18n::SKIP)}</a>
        <header class="masthead">
            <div class="masthead-inner">
                <div class="brand">
                    <h1>{t(i18n::SITE_TITLE)}</h1>
                    <p class="lede">{t(i18n::SITE_SUB)}</p>
                </div>
                <div class="switches">
                    <button type="button" class="switch" data-testid="lang-toggle" on:click=toggle_lang
                        aria-label=t(i18n::SWITCH_LANG_LABEL)
                        lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }>
                        {t(i18n::SWITCH_LANG)}
                    </button>
                    <button type="button" class="switch" data-testid="theme-toggle" on:click=toggle_mode
                        aria-label=t(i18n::THEME_LABEL)
                        aria-pressed=move || (st.mode.get() == Mode::Dark).to_string()>
                        {mode_text}
                    </button>
                    <button type="button" class="switch" data-testid="copy-link" on:click=copy_link>
                        {move || link_status.get().unwrap_or_else(|| i18n::COPY_LINK.get(lang.get()).to_string())}
                    </button>
                    <button type="button" class="switch" data-testid="print" on:click=move |_| super::print::print()>
                        {t(i18n::PRINT)}
                    </button>
                    <button type="button" class="switch" data-testid="contrast-toggle" on:click=toggle_contrast
                        aria-pressed=move || st.contrast.get().to_string() title=t(i18n::CONTRAST_LABEL)>
                        {t(i18n::CONTRAST)}
                    </button>
                </div>
            </div>
            <nav class="toc" aria-label=t(i18n::CONTENTS)>
                <ol>
                    <li><a href="#map"><span class="num">"◎"</span>" "<span>{t(i18n::MAP_NAV)}</span></a></li>
                    {nav}
                </ol>
                {move || st.selected.get().map(|e| view! {
                    <p class="selection" role="status" data-testid="selection">
                        {i18n::SELECTED.get(lang.get())}
                        <strong>{entity_label(e, lang.get())}</strong>
                        <button type="button" on:click=move |_| st.selected.set(None)
                            aria-label=i18n::CLEAR.get(lang.get())>"✕"</button>
                    </p>
                })}
            </nav>
        </header>
        // What the first address asked for but could not be understood (the address is cleaned
        // right after, so read it once).
        {(!params.ignored.is_empty()).then(|| {
            let ignored = params.ignored.join(" & ");
            view! {
                <p class="url-notice" role="status" data-testid="url-notice">
                    {move || i18n::URL_IGNORED.get(lang.get())}<code>{ignored}</code>
                </p>
            }
        })}
        <main id="main">
            <super::world_map::MapSection/>
            {SECTIONS.iter().map(|s| view! { <PageSection section=s/> }).collect_view()}
            <Glossary/>
            <section class="about" id="about">
                <h2>{t(i18n::ABOUT)}</h2>
                <p>{move || PAPER.note.get(lang.get())}</p>
                <p>{move || about_text(lang.get())}</p>
            </section>
        </main>
    }
    .into_any()
}

/// A reader-facing name for an entity code: the label of the first row that carries it.
fn entity_label(code: &str, lang: Lang) -> String {
    crate::data::DATASETS
        .iter()
        .flat_map(|d| d.rows.iter())
        .find(|r| r.entities.first() == Some(&code))
        .map_or_else(|| code.to_string(), |r| r.label.get(lang).to_string())
}

/// The section title shortened for the contents bar (text before the first comma).
fn short_title(s: &str) -> String {
    let cut = s.find([',', ',', ':', ':']).unwrap_or(s.len());
    s[..cut].to_string()
}

fn about_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "所有数字均来自论文全文(PDF 提取),以原文印刷的数字与单位录入 data/ 目录下的 CSV 文件,构建时校验并编入页面;推算值标明公式,论文以外的补充数据标明来源。原文自相矛盾之处保留原数并附数据注释。地图边界来自 Natural Earth(公有领域),经 npm 包 world-atlas 2.0.2(ISC 许可)提供,为示意性质;航线与班列通道为示意线。本页面完全在浏览器中运行,不向任何其他网站发出请求。",
        Lang::En => "Every number comes from the paper's full text (extracted from a PDF) and is kept, as printed and in the printed unit, in the CSV files under data/, validated at build time and compiled into the page. Derived values carry their formula; supplementary data from outside the paper names its source. Where the paper contradicts itself the printed value is kept and a data note says so. Map boundaries come from Natural Earth (public domain) via the npm package world-atlas 2.0.2 (ISC licence) and are schematic; sea lanes and railway corridors are schematic lines. The page runs entirely in your browser and makes no request to any other site.",
    }
}
