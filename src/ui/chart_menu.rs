//! A chart's menu: PNG at 2× (with title, legend and source), copy image, SVG from the same
//! draw function, CSV and JSON of the data shown, and citation text.
//!
//! Layer: ui.

use super::download;
use super::i18n;
use super::state::use_app_state;
use crate::chart::svg;
use crate::spec::build::frame;
use crate::spec::export::{chart_csv, chart_json, cite, file_stem};
use crate::spec::{Built, ChartDef, Settings};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Width of exported images in CSS pixels.
const EXPORT_WIDTH: f64 = 760.0;

/// The script a host page adds once so embedded frames follow their chart's height.
pub const HOST_SCRIPT: &str = "<script>addEventListener('message',function(e){var d=e.data;if(!d||d.type!=='trade-atlas:height')return;document.querySelectorAll('iframe[data-trade-atlas]').forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+'px';});});</script>";

/// The `<iframe>` snippet for a chart, in the reader's language and theme.
fn embed_snippet(def: &ChartDef, lang: crate::data::Lang, dark: bool) -> String {
    let loc = web_sys::window().map(|w| w.location());
    let origin = loc.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    let path = loc.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let lang_tag = if lang == crate::data::Lang::Zh { "zh" } else { "en" };
    let theme = if dark { "&theme=dark" } else { "" };
    format!(
        "<iframe src=\"{origin}{path}?embed={}&lang={lang_tag}{theme}\" title=\"{}\" data-trade-atlas style=\"width:100%;height:560px;border:0\" loading=\"lazy\"></iframe>",
        def.id,
        def.title.get(lang).replace('"', "&quot;")
    )
}

fn page_link(def: &ChartDef) -> String {
    let loc = web_sys::window().map(|w| w.location());
    let base = loc.and_then(|l| l.href().ok()).unwrap_or_default();
    let base = base.split('#').next().unwrap_or("").to_string();
    format!("{base}#chart-{}", def.id)
}

/// The menu of one chart.
#[component]
pub fn ChartMenu(def: &'static ChartDef, built: Memo<Built>, settings: RwSignal<Settings>) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let status = RwSignal::new(None::<String>);
    let show_cite = RwSignal::new(false);
    let show_embed = RwSignal::new(false);
    let t = move |l: crate::data::L| move || l.get(lang.get());
    let report = move |r: Result<(), String>, ok: crate::data::L| {
        let l = lang.get_untracked();
        status.set(Some(match r {
            Ok(()) => ok.get(l).to_string(),
            Err(e) => format!("{}{e}", i18n::EXPORT_FAILED.get(l)),
        }));
    };
    let png = move |copy: bool| {
        let l = lang.get_untracked();
        let theme = st.theme_untracked();
        let Built::Canvas { spec, .. } = built.get_untracked() else { return };
        let name = format!("{}.png", file_stem(def, l));
        spawn_local(async move {
            let result = async {
                let c = download::render_png_canvas(&spec, &frame(def, l), &theme, EXPORT_WIDTH, 2.0)?;
                let blob = download::png_blob(&c).await?;
                if copy {
                    download::copy_png(&blob).await
                } else {
                    download::save_blob(&name, &blob)
                }
            }
            .await;
            report(result, if copy { i18n::COPIED } else { i18n::SAVED });
        });
    };
    let svg_dl = move |_| {
        let l = lang.get_untracked();
        let theme = st.theme_untracked();
        let Built::Canvas { spec, .. } = built.get_untracked() else { return };
        let (doc, _) = svg::render(&spec, &frame(def, l), &theme, EXPORT_WIDTH as u32);
        report(download::save_text(&format!("{}.svg", file_stem(def, l)), "image/svg+xml", &doc), i18n::SAVED);
    };
    let csv_dl = move |_| {
        let l = lang.get_untracked();
        let text = chart_csv(def, l, &settings.get_untracked());
        report(
            download::save_text(&format!("{}.csv", file_stem(def, l)), "text/csv;charset=utf-8", &text),
            i18n::SAVED,
        );
    };
    let json_dl = move |_| {
        let l = lang.get_untracked();
        let text = chart_json(def, l, &settings.get_untracked());
        report(download::save_text(&format!("{}.json", file_stem(def, l)), "application/json", &text), i18n::SAVED);
    };
    let cite_text = move || cite(def, lang.get(), &page_link(def));
    let copy_cite = move |_| {
        let text = cite(def, lang.get_untracked(), &page_link(def));
        spawn_local(async move { report(download::copy_text(&text).await, i18n::COPIED) });
    };
    let image = def.kind.is_canvas();
    let snippet = move || embed_snippet(def, lang.get(), st.mode.get() == crate::chart::Mode::Dark);
    let copy_embed = move |_| {
        let text = format!(
            "{}\n{}",
            embed_snippet(def, lang.get_untracked(), st.mode.get_untracked() == crate::chart::Mode::Dark),
            HOST_SCRIPT
        );
        spawn_local(async move { report(download::copy_text(&text).await, i18n::COPIED) });
    };
    view! {
        <details class="menu" data-testid="chart-menu">
            <summary aria-label=t(i18n::MENU_LABEL) title=t(i18n::MENU_LABEL)>
                <span aria-hidden="true">"⤓"</span><span class="menu-word">{t(i18n::MENU)}</span>
            </summary>
            <div class="menu-items" role="group" aria-label=t(i18n::MENU_LABEL)>
                {image.then(|| view! {
                    <button type="button" data-action="png" on:click=move |_| png(false)>{t(i18n::PNG)}</button>
                    <button type="button" data-action="copy-png" on:click=move |_| png(true)>{t(i18n::COPY_PNG)}</button>
                    <button type="button" data-action="svg" on:click=svg_dl>"SVG"</button>
                })}
                <button type="button" data-action="csv" on:click=csv_dl>"CSV"</button>
                <button type="button" data-action="json" on:click=json_dl>"JSON"</button>
                <button type="button" data-action="cite" aria-expanded=move || show_cite.get().to_string()
                    on:click=move |_| show_cite.update(|v| *v = !*v)>{t(i18n::CITE)}</button>
                <button type="button" data-action="embed" aria-expanded=move || show_embed.get().to_string()
                    on:click=move |_| show_embed.update(|v| *v = !*v)>{t(i18n::EMBED)}</button>
                {move || show_embed.get().then(|| view! {
                    <div class="cite">
                        <p class="cite-text">{t(i18n::EMBED_HINT)}</p>
                        <textarea readonly rows="4" data-testid="embed-code">{snippet}</textarea>
                        <textarea readonly rows="3" data-testid="embed-script">{HOST_SCRIPT}</textarea>
                        <button type="button" on:click=copy_embed>{t(i18n::COPY_TEXT)}</button>
                    </div>
                })}
                {move || show_cite.get().then(|| view! {
                    <div class="cite">
                        <p class="cite-text" data-testid="cite-text">{cite_text}</p>
                        <button type="button" on:click=copy_cite>{t(i18n::COPY_TEXT)}</button>
                    </div>
                })}
                <p class="menu-status" role="status" aria-live="polite">{move || status.get()}</p>
            </div>
        </details>
    }
}
