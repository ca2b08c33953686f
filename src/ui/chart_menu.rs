//! A chart's menu: PNG at 2× (with title, legend and source), copy image, SVG from the same
//! draw function, CSV and JSON of the data shown, and citation text.
//!
//! Layer: ui.

use super::download;
use super::state::use_app_state;
use crate::chart::svg;
use crate::i18n;
use crate::views::anchor::Anchor;
use crate::views::build::frame;
use crate::views::cite::{citations, Citations};
use crate::views::export::{chart_csv, chart_json, cite, description, file_stem};
use crate::views::{Built, ChartDef, Settings};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Width of exported images in CSS pixels.
const EXPORT_WIDTH: f64 = 760.0;

/// The script a host page adds once so embedded frames follow their chart's height.
pub const HOST_SCRIPT: &str = "<script>addEventListener('message',function(e){var d=e.data;if(!d||d.type!=='trade-atlas:height')return;document.querySelectorAll('iframe[data-trade-atlas]').forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+'px';});});</script>";

/// The `<iframe>` snippet for a chart, in the reader's language and theme.
fn embed_snippet(def: &'static ChartDef, lang: crate::data::Lang, mode: crate::chart::Mode) -> String {
    let loc = window().location();
    let page = format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default());
    crate::permalink::embed_snippet(&page, def, lang, mode)
}

/// The address of the chart's place in the page as it is now.
fn page_link(def: &ChartDef) -> String {
    crate::permalink::link_to(&window().location().href().unwrap_or_default(), Anchor::Chart(def.id))
}

/// Exports of one chart, shared by the menu's buttons.
#[derive(Clone, Copy)]
struct Exports {
    st: super::state::AppState,
    def: &'static ChartDef,
    built: Memo<Built>,
    settings: Memo<Settings>,
    status: RwSignal<Option<String>>,
}

impl Exports {
    /// What an export shows besides the chart: for a map, the reader's centre (Pacific or
    /// Atlantic) at the whole extent.
    fn view(&self) -> crate::chart::View {
        crate::chart::View { centre: self.st.centre_untracked(), ..Default::default() }
    }

    fn report(&self, r: Result<(), String>, ok: crate::data::L) {
        let l = self.st.lang.get_untracked();
        self.status.set(Some(match r {
            Ok(()) => ok.get(l).to_string(),
            Err(e) => format!("{}{e}", i18n::EXPORT_FAILED.get(l)),
        }));
    }

    fn png(self, copy: bool) {
        let l = self.st.lang.get_untracked();
        let theme = self.st.theme_untracked();
        let Built::Canvas { spec, .. } = self.built.get_untracked() else { return };
        let name = format!("{}.png", file_stem(self.def, l));
        let def = self.def;
        let view = self.view();
        spawn_local(async move {
            let result = async {
                let c = download::render_png_canvas(&spec, &frame(def, l), &theme, EXPORT_WIDTH, 2.0, &view)?;
                let blob = download::png_blob(&c).await?;
                if copy {
                    download::copy_png(&blob).await
                } else {
                    download::save_blob(&name, &blob)
                }
            }
            .await;
            self.report(result, if copy { i18n::COPIED } else { i18n::SAVED });
        });
    }

    fn svg(&self) {
        let l = self.st.lang.get_untracked();
        let theme = self.st.theme_untracked();
        let built = self.built.get_untracked();
        let Built::Canvas { spec, .. } = &built else { return };
        // The file says what it shows: the title and the description of the view it draws.
        let about = description(self.def, &built, l);
        let about = svg::About { title: self.def.title.get(l), desc: &about };
        let (doc, _) =
            svg::render_about(spec, &frame(self.def, l), &theme, EXPORT_WIDTH as u32, &self.view(), Some(about));
        self.report(
            download::save_text(&format!("{}.svg", file_stem(self.def, l)), "image/svg+xml", &doc),
            i18n::SAVED,
        );
    }

    fn csv(&self) {
        let l = self.st.lang.get_untracked();
        let text = chart_csv(self.def, l, &self.settings.get_untracked());
        let name = format!("{}.csv", file_stem(self.def, l));
        self.report(download::save_text(&name, "text/csv;charset=utf-8", &text), i18n::SAVED);
    }

    fn json(&self) {
        let l = self.st.lang.get_untracked();
        let text = chart_json(self.def, l, &self.settings.get_untracked());
        let name = format!("{}.json", file_stem(self.def, l));
        self.report(download::save_text(&name, "application/json", &text), i18n::SAVED);
    }

    /// Copy a text and confirm (or say why not).
    fn copy(self, text: String) {
        spawn_local(async move { self.report(download::copy_text(&text).await, i18n::COPIED) });
    }
}

/// The menu of one chart.
#[component]
pub fn ChartMenu(def: &'static ChartDef, built: Memo<Built>, settings: Memo<Settings>) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let status = RwSignal::new(None::<String>);
    let ex = Exports { st, def, built, settings, status };
    let t = move |l: crate::data::L| move || l.get(lang.get());
    // The items are built when the menu is first opened (a click on its summary builds them before
    // the menu shows; `toggle` covers any other way of opening it): a page of cards then costs
    // one summary each until a reader asks for an export.
    let opened = RwSignal::new(false);
    let open = move || {
        if !opened.get_untracked() {
            opened.set(true);
        }
    };
    let items = move || {
        opened.get().then(|| {
            view! {
                {def.kind.is_canvas().then(|| view! {
                    <button type="button" data-action="png" on:click=move |_| ex.png(false)>{t(i18n::PNG)}</button>
                    <button type="button" data-action="copy-png" on:click=move |_| ex.png(true)>{t(i18n::COPY_PNG)}</button>
                    <button type="button" data-action="svg" on:click=move |_| ex.svg()>"SVG"</button>
                })}
                <button type="button" data-action="csv" on:click=move |_| ex.csv()>"CSV"</button>
                <button type="button" data-action="json" on:click=move |_| ex.json()>"JSON"</button>
                <CitePanel ex=ex/>
                <EmbedPanel ex=ex/>
            }
        })
    };
    view! {
        <details class="menu" data-testid="chart-menu" on:toggle=move |_| open()>
            <summary aria-label=t(i18n::MENU_LABEL) title=t(i18n::MENU_LABEL) on:click=move |_| open()>
                <span aria-hidden="true">"⤓"</span><span class="menu-word">{t(i18n::MENU)}</span>
            </summary>
            <div class="menu-items" role="group" aria-label=t(i18n::MENU_LABEL)>
                {items}
                <p class="menu-status" role="status" aria-live="polite">{move || status.get()}</p>
            </div>
        </details>
    }
}

/// Today, as the reader's browser has it (the access date of a citation).
fn today() -> crate::views::cite::Day {
    let d = js_sys::Date::new_0();
    (d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// "Cite": the citation of the chart's view in plain text, GB/T 7714-2015, APA and BibTeX, each
/// with the permalink of the exact view and today's date, and a copy button.
#[component]
fn CitePanel(ex: Exports) -> impl IntoView {
    let lang = ex.st.lang;
    let open = RwSignal::new(false);
    let t = move |l: crate::data::L| move || l.get(lang.get());
    let text = move || cite(ex.def, lang.get(), &page_link(ex.def));
    let formats = move || citations(ex.def, lang.get(), &page_link(ex.def), today());
    let block = move |name: &'static str, pick: fn(&Citations) -> String| {
        view! {
            <p class="cite-format">{name}</p>
            <pre class="cite-text" data-format=name>{move || pick(&formats())}</pre>
            <button type="button" on:click=move |_| ex.copy(pick(&formats()))>{t(i18n::COPY_TEXT)}</button>
        }
    };
    view! {
        <button type="button" data-action="cite" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|v| *v = !*v)>{t(i18n::CITE)}</button>
        {move || open.get().then(|| view! {
            <div class="cite">
                <p class="cite-text" data-testid="cite-text">{text}</p>
                <button type="button" on:click=move |_| ex.copy(cite(ex.def, lang.get_untracked(), &page_link(ex.def)))>
                    {t(i18n::COPY_TEXT)}
                </button>
                {block("GB/T 7714-2015", |c| c.gbt.clone())}
                {block("APA", |c| c.apa.clone())}
                {block("BibTeX", |c| c.bibtex.clone())}
            </div>
        })}
    }
}

/// "Embed": the `<iframe>` snippet and the host page's script, with a copy button.
#[component]
fn EmbedPanel(ex: Exports) -> impl IntoView {
    let (lang, mode) = (ex.st.lang, ex.st.mode);
    let open = RwSignal::new(false);
    let t = move |l: crate::data::L| move || l.get(lang.get());
    let snippet = move || embed_snippet(ex.def, lang.get(), mode.get());
    let copy = move |_| {
        ex.copy(format!("{}\n{}", embed_snippet(ex.def, lang.get_untracked(), mode.get_untracked()), HOST_SCRIPT))
    };
    view! {
        <button type="button" data-action="embed" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|v| *v = !*v)>{t(i18n::EMBED)}</button>
        {move || open.get().then(|| view! {
            <div class="cite">
                <p class="cite-text">{t(i18n::EMBED_HINT)}</p>
                <textarea readonly rows="4" data-testid="embed-code">{snippet}</textarea>
                <textarea readonly rows="3" data-testid="embed-script">{HOST_SCRIPT}</textarea>
                <button type="button" on:click=copy>{t(i18n::COPY_TEXT)}</button>
            </div>
        })}
    }
}
