//! A chart's menu: PNG at 2× (with title, legend and source), copy image, SVG from the same
//! draw function, CSV and JSON of the data shown, the chart printed alone, and citation text.
//!
//! Layer: ui.

use super::download;
use super::state::use_app_state;
use crate::chart::svg;
use crate::data::L;
use crate::i18n;
use crate::views::anchor::Anchor;
use crate::views::build::frame;
use crate::views::cite::{citations, Citations};
use crate::views::export::{chart_csv, chart_json, cite, description, file_stem};
use crate::views::print::PRINT_CHART;
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
        crate::chart::View { centre: untrack(|| self.st.centre()), ..Default::default() }
    }

    fn report(&self, r: Result<(), String>, ok: L) {
        let l = self.st.lang.get_untracked();
        self.status.set(Some(match r {
            Ok(()) => ok.get(l).to_string(),
            Err(e) => format!("{}{e}", i18n::EXPORT_FAILED.get(l)),
        }));
    }

    fn png(self, copy: bool) {
        let (l, theme, def, view) = (self.st.lang.get_untracked(), untrack(|| self.st.theme()), self.def, self.view());
        let Built::Canvas { spec, .. } = self.built.get_untracked() else { return };
        let name = format!("{}.png", file_stem(def, l));
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

    /// Save a file of the chart: its image as SVG (titled and described as the view it draws), or
    /// the data it shows as CSV or JSON.
    fn save(&self, ext: &'static str) {
        let (l, s) = (self.st.lang.get_untracked(), self.settings.get_untracked());
        let (mime, text) = match ext {
            "csv" => ("text/csv;charset=utf-8", chart_csv(self.def, l, &s)),
            "json" => ("application/json", chart_json(self.def, l, &s)),
            _ => ("image/svg+xml", self.built.with_untracked(|b| self.svg(b, l))),
        };
        let name = format!("{}.{ext}", file_stem(self.def, l));
        self.report(download::save_text(&name, mime, &text), i18n::SAVED);
    }

    fn svg(&self, built: &Built, l: crate::data::Lang) -> String {
        let Some((spec, _)) = built.canvas() else { return String::new() };
        let about = description(self.def, built, l);
        let about = svg::About { title: self.def.title.get(l), desc: &about };
        let theme = untrack(|| self.st.theme());
        svg::render_about(spec, &frame(self.def, l), &theme, EXPORT_WIDTH as u32, &self.view(), Some(about)).0
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
    let status = RwSignal::new(None::<String>);
    let ex = Exports { st, def, built, settings, status };
    // The items are built when the menu is first opened (a click on its summary builds them before
    // the menu shows; `toggle` covers any other way): a card costs one summary until then.
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
                    <button type="button" data-action="png" on:click=move |_| ex.png(false)>{st.t(i18n::PNG)}</button>
                    <button type="button" data-action="copy-png" on:click=move |_| ex.png(true)>{st.t(i18n::COPY_PNG)}</button>
                    <button type="button" data-action="svg" on:click=move |_| ex.save("svg")>"SVG"</button>
                })}
                <button type="button" data-action="csv" on:click=move |_| ex.save("csv")>"CSV"</button>
                <button type="button" data-action="json" on:click=move |_| ex.save("json")>"JSON"</button>
                <button type="button" data-action="print" on:click=move |_| super::print::print_chart(st, def)>{st.t(PRINT_CHART)}</button>
                {panel(ex, "cite", i18n::CITE, move || cite_panel(ex).into_any())}
                {panel(ex, "embed", i18n::EMBED, move || embed_panel(ex).into_any())}
            }
        })
    };
    view! {
        <details class="menu" data-testid="chart-menu" on:toggle=move |_| open()>
            <summary aria-label=st.t(i18n::MENU_LABEL) title=st.t(i18n::MENU_LABEL) on:click=move |_| open()>
                <span aria-hidden="true">"⤓"</span><span class="menu-word">{st.t(i18n::MENU)}</span>
            </summary>
            <div class="menu-items" role="group" aria-label=st.t(i18n::MENU_LABEL)>
                {items}
                <p class="menu-status" role="status" aria-live="polite">{move || status.get()}</p>
            </div>
        </details>
    }
}

/// A button that shows or hides a panel of the menu.
fn panel(
    ex: Exports,
    action: &'static str,
    label: L,
    body: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let (lang, open) = (ex.st.lang, RwSignal::new(false));
    view! {
        <button type="button" data-action=action aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|v| *v = !*v)>{move || label.get(lang.get())}</button>
        {move || open.get().then(&body)}
    }
}

/// "Cite": the citation of the chart's view in plain text, GB/T 7714-2015, APA and BibTeX, each
/// with the permalink of the exact view and today's date (the reader's browser's), and a copy button.
fn cite_panel(ex: Exports) -> impl IntoView {
    let lang = ex.st.lang;
    let copy_text = move || i18n::COPY_TEXT.get(lang.get());
    let text = move || cite(ex.def, lang.get(), &page_link(ex.def));
    let formats = move || {
        let d = js_sys::Date::new_0();
        citations(ex.def, lang.get(), &page_link(ex.def), (d.get_full_year(), d.get_month() + 1, d.get_date()))
    };
    let block = move |name: &'static str, pick: fn(&Citations) -> String| {
        view! {
            <p class="cite-format">{name}</p><pre class="cite-text" data-format=name>{move || pick(&formats())}</pre>
            <button type="button" on:click=move |_| ex.copy(pick(&untrack(formats)))>{copy_text}</button>
        }
    };
    view! {
        <div class="cite">
            <p class="cite-text" data-testid="cite-text">{text}</p>
            <button type="button" on:click=move |_| ex.copy(untrack(text))>{copy_text}</button>
            {block("GB/T 7714-2015", |c| c.gbt.clone())}
            {block("APA", |c| c.apa.clone())}
            {block("BibTeX", |c| c.bibtex.clone())}
        </div>
    }
}

/// "Embed": the `<iframe>` snippet and the host page's script, with a copy button.
fn embed_panel(ex: Exports) -> impl IntoView {
    let (lang, mode) = (ex.st.lang, ex.st.mode);
    let snippet = move || embed_snippet(ex.def, lang.get(), mode.get());
    view! {
        <div class="cite">
            <p class="cite-text">{move || i18n::EMBED_HINT.get(lang.get())}</p>
            <textarea readonly rows="4" data-testid="embed-code">{snippet}</textarea>
            <textarea readonly rows="3" data-testid="embed-script">{HOST_SCRIPT}</textarea>
            <button type="button" on:click=move |_| ex.copy(format!("{}\n{HOST_SCRIPT}", untrack(snippet)))>
                {move || i18n::COPY_TEXT.get(lang.get())}
            </button>
        </div>
    }
}
