//! The inert twins of what surrounds the live map: the layer tabs, and the map's card (title and
//! menu, reading switch, map tools, the map's box, description and table) with the same elements
//! and classes as the app's, in both languages, so that every box is where the app's will be.
//! The twins are `inert` (not focusable, not in the accessibility tree): the app's own controls
//! replace them.
//!
//! Layer: static map (native). The texts are the app's (`i18n`, the catalogue, `views::describe`).

use crate::data::format::escape_markup as escape;
use crate::data::{Lang, L};
use crate::i18n;
use crate::shell::{both, both_l};
use crate::views::describe::{describe, Focus};
use crate::views::page::{metric_label, tab_label};
use crate::views::words::desc;
use crate::views::{build_with, ChartDef, CHARTS};

/// The layer switch as the app first shows it (the default layer chosen).
pub fn tabs(chosen: &str) -> String {
    let tabs: String = CHARTS
        .iter()
        .filter(|c| c.kind.is_map())
        .map(|def| {
            let label = both(&tab_label(def, Lang::Zh), &tab_label(def, Lang::En));
            let on = def.id == chosen;
            format!(
                r#"<button type="button" class="layer-tab" role="tab" aria-selected="{on}" tabindex="-1">{label}</button>"#
            )
        })
        .collect();
    format!(r#"<div class="layer-tabs sm-tabs" role="tablist" inert aria-hidden="true">{tabs}</div>"#)
}

/// One `<select>` per language with the chart's readings, the first chosen.
fn metric_switch(def: &ChartDef) -> String {
    let Some(c) = def.controls().filter(|c| c.metrics.len() > 1) else { return String::new() };
    let select = |lang: Lang, class: &str| {
        let options: String = (0..c.metrics.len())
            .map(|i| {
                let sel = if i == 0 { " selected" } else { "" };
                format!(r#"<option value="{i}"{sel}>{}</option>"#, escape(&metric_label(def, c, i, lang)))
            })
            .collect();
        format!(r#"<select class="{class}" tabindex="-1">{options}</select>"#)
    };
    format!(
        r#"<div class="controls"><label class="control"><span>{}</span>{}{}</label></div>"#,
        both_l(i18n::METRIC),
        select(Lang::Zh, "l-zh"),
        select(Lang::En, "l-en")
    )
}

/// The map tools: zoom, reset, full screen, the centre switch (each language's own centre pressed) and the hint.
fn tools() -> String {
    let button = |text: String| format!(r#"<button type="button" tabindex="-1">{text}</button>"#);
    let centre = |lang: Lang, class: &str| {
        let own = super::centre(lang);
        let b = |c: crate::geo::Centre, name: L| {
            format!(
                r#"<button type="button" tabindex="-1" aria-pressed="{}">{}</button>"#,
                c == own,
                escape(name.get(lang))
            )
        };
        format!(
            r#"<span class="map-centre {class}"><span class="map-centre-label">{}</span>{}{}</span>"#,
            escape(i18n::MAP_CENTRE.get(lang)),
            b(crate::geo::Centre::Pacific, i18n::CENTRE_PACIFIC),
            b(crate::geo::Centre::Atlantic, i18n::CENTRE_ATLANTIC)
        )
    };
    format!(
        r#"<div class="map-tools">{}{}{}{}{}{}<span class="map-hint hint-fine">{}</span><span class="map-hint hint-touch">{}</span></div>"#,
        button("+".into()),
        button("−".into()),
        button(both_l(i18n::ZOOM_RESET)),
        button(both_l(i18n::FULL_SCREEN)),
        centre(Lang::Zh, "l-zh"),
        centre(Lang::En, "l-en"),
        both_l(i18n::MAP_HINT),
        both_l(i18n::MAP_HINT_TOUCH)
    )
}

/// What the layer shows, in words, as the app describes it at start (nothing selected).
fn description(def: &ChartDef) -> String {
    let text =
        |lang: Lang| describe(def, &build_with(def, lang, &def.default_settings()), lang, Focus::default()).text();
    format!(
        r#"<details class="chart-desc" open><summary>{}</summary><p>{}</p></details>"#,
        both_l(desc::LABEL),
        both(&text(Lang::Zh), &text(Lang::En))
    )
}

/// The map's card around `map` (the map's box) and `style` (its stylesheet, first, so that the
/// parser has it before the box it lays out), as the app lays it out. The chart menu is a plain
/// box here, not a `<details>`: the parser may yield, and the page paint, between `<details>` and
/// its `<summary>`, and an empty `<details>` shows the browser's own "Details" summary, wider or
/// narrower than the menu's, which moves the right-aligned menu when the summary arrives.
pub fn card(def: &ChartDef, map: &str, style: &str) -> String {
    format!(
        concat!(
            r#"<figure class="card wide" id="{id}" inert aria-hidden="true"><style>{style}</style>"#,
            r#"<figcaption><h3 class="card-title">{title}</h3><div class="menu"><div class="menu-summary">"#,
            r#"<span aria-hidden="true">⤓</span><span class="menu-word">{menu}</span></div></div></figcaption>"#,
            r#"{controls}{tools}<div class="chart-wrap map-wrap sm">{map}</div><ul class="map-items"></ul>{desc}"#,
            r#"<details class="table-box"><summary>{table}</summary></details></figure>"#
        ),
        id = super::ID,
        title = both_l(def.title),
        menu = both_l(i18n::MENU),
        controls = metric_switch(def),
        tools = tools(),
        desc = description(def),
        table = both_l(i18n::MAP_TABLE),
        map = map,
        style = style,
    )
}
