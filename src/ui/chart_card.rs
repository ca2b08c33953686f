//! A chart card: title, reading controls, the chart (canvas, tiles or list), the sentences that
//! say what it shows (`views::describe`), and its menu; printed, a numbered figure drawn for paper.
//!
//! Layer: ui. The reading lives in the shared state; the spec is rebuilt in a memo.

use super::canvas_chart::CanvasChart;
use super::chart_menu::ChartMenu;
use super::controls::ChartControls;
use super::list::ListView;
use super::state::use_app_state;
use super::tiles::TilesView;
use super::world_map::WorldMap;
use crate::chart::View;
use crate::views::anchor::Anchor;
use crate::views::describe::{describe, Focus};
use crate::views::words::desc;
use crate::views::{build_with, print, Built, ChartDef, Kind};
use leptos::prelude::*;

/// A heading of the given level (1 to 4; 3 for any other) with a class.
pub fn heading(level: u8, class: &'static str, text: impl IntoView + 'static) -> AnyView {
    match level {
        1 => view! { <h1 class=class>{text}</h1> }.into_any(),
        2 => view! { <h2 class=class>{text}</h2> }.into_any(),
        4 => view! { <h4 class=class>{text}</h4> }.into_any(),
        _ => view! { <h3 class=class>{text}</h3> }.into_any(),
    }
}

/// What the chart shows, in words, under it (open, collapsible): the canvas's description.
#[component]
fn ChartDescription(def: &'static ChartDef, text: Memo<String>) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <details class="chart-desc" open>
            <summary>{move || desc::LABEL.get(lang.get())}</summary>
            <p id=Anchor::Desc(def.id).to_string() data-testid="chart-desc">{move || text.get()}</p>
        </details>
    }
}

/// A canvas chart as printed (`views::print::figure_svg`): drawn as vector graphics at its printed
/// width, as the canvas shows it; a map layer with its source line and data notes, which the
/// page prints beside its dataset's charts.
#[component]
fn PaperFigure(def: &'static ChartDef, built: Memo<Built>, hidden: RwSignal<Vec<usize>>) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang.get_untracked();
    let svg = built.with(|b| {
        let map = def.kind.is_map();
        let view = View {
            selected: st.selected.get().map(|e| b.rows_with(e)).unwrap_or_default(),
            hidden: hidden.get(),
            camera: st.map_camera.get().filter(|_| map),
            centre: st.centre(),
            ..View::default()
        };
        print::figure_svg(def, b, &st.theme(), &view, st.print() == print::Printing::Chart(def.id))
    });
    let about = if def.kind.is_map() { print::layer_about_html(def.dataset(), lang) } else { String::new() };
    view! { <div class="print-fig" inner_html=svg + &about></div> }
}

/// One chart of the catalogue.
#[component]
pub fn ChartCard(
    def: &'static ChartDef,
    /// Hide the reading controls and the menu (embeds with `controls=0`).
    #[prop(optional)]
    bare: bool,
    /// The level of the card's title (`views::page::card_level`; 1 when the card is the page).
    #[prop(optional)]
    level: u8,
) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    // The reading lives in the shared state (the address, Back and Forward); the card keeps no copy.
    let settings = Memo::new(move |_| st.chart_settings(def));
    let built = Memo::new(move |_| build_with(def, lang.get(), &settings.get()));
    // Series hidden from the legend: the canvas draws without them and the description leaves them out.
    let hidden = RwSignal::new(Vec::<usize>::new());
    let text = Memo::new(move |_| {
        let (l, selected) = (lang.get(), st.selected.get());
        hidden.with(|h| built.with(|b| describe(def, b, l, Focus { selected, hidden: h }).text()))
    });
    // The map places its description under its canvas and item list, before its table.
    let desc = view! { <ChartDescription def=def text=text/> }.into_any();
    let (body, below) = match def.kind {
        Kind::Map(_) => (view! { <WorldMap def=def built=built desc=desc/> }.into_any(), None),
        k if k.is_canvas() => (view! { <CanvasChart def=def built=built hidden=hidden/> }.into_any(), Some(desc)),
        Kind::Tiles { .. } => (view! { <TilesView built=built/> }.into_any(), Some(desc)),
        _ => (view! { <ListView built=built/> }.into_any(), Some(desc)),
    };
    let wide = built.with_untracked(|b| crate::views::page::wide(def, b));
    // Printed, the card is a numbered figure and a canvas chart is drawn for paper.
    let figure = Memo::new(move |_| st.print().figure(def.id));
    let num = print::figure_number(def);
    let title = view! {
        {move || figure.get().then(|| num.map(|n| view! { <span class="fig-num">{print::figure_label(n, lang.get())}</span>" " }))}
        {move || def.title.get(lang.get())}
    };
    let paper = def
        .kind
        .is_canvas()
        .then_some(move || figure.get().then(|| view! { <PaperFigure def=def built=built hidden=hidden/> }));
    let controls =
        def.controls().filter(|_| !bare).map(|c| view! { <ChartControls def=def controls=c settings=settings/> });
    let menu = (!bare).then(|| view! { <ChartMenu def=def built=built settings=settings/> });
    view! {
        <figure class="card" class:wide=wide class:tiles=!def.kind.is_canvas() data-chart=def.id id=Anchor::Chart(def.id).to_string()>
            <figcaption>{heading(level, "card-title", title)}{menu}</figcaption>
            {controls}{body}{paper}{below}
        </figure>
    }
}
