//! The guided tour on the page: the header's "Tour" button, the step panel (fixed to the bottom,
//! or inline in `?embed=tour`), its keys and swipes, and the printed tour, one step a page.
//!
//! Layer: ui. Wiring only: buttons, keys and swipes become intents; what they do is
//! `views::state`'s and `views::tour`'s, as are the texts and a printed step's figure.

use super::chart_card::ChartCard;
use super::state::{use_app_state, AppState};
use crate::data::float_text::fixed;
use crate::data::format::paper_section;
use crate::i18n;
use crate::views::state::{Intent, TOUR_EMBED};
use crate::views::tour::{self, Nav};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Width of a printed step's chart, in CSS pixels (the print stylesheet scales it to the page).
const PRINT_WIDTH: u32 = 720;

/// The header's "Tour" button: starts the tour at its first step, or leaves it.
#[component]
pub fn TourButton(st: AppState) -> impl IntoView {
    view! {
        <button type="button" class="switch" id="tour-start" data-testid="tour-start" on:click=move |_| { st.dispatch(Intent::TourButton); }
            aria-pressed=move || st.tour.get().is_some().to_string() title=st.t(i18n::TOUR_LABEL)>{st.t(i18n::TOUR)}</button>
    }
}

/// The tour on the full page: the panel while a step is shown, and the printed tour.
#[component]
pub fn Tour(st: AppState) -> impl IntoView {
    view! {
        <Show when=move || st.tour.get().is_some()>
            <Panel st=st embedded=false/>
        </Show>
        <TourPrint st=st/>
    }
}

/// `?embed=tour`: the step's chart alone, the step's text and navigation below it, a link to the
/// step in the full atlas, and the page height posted to the host.
#[component]
pub fn TourEmbed(controls: bool) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    super::embed::post_height(TOUR_EMBED);
    let chart = Memo::new(move |_| st.tour.get().and_then(tour::step).unwrap_or(&tour::STEPS[0]).def());
    let path = window().location().pathname().unwrap_or_default();
    let full = move || crate::permalink::back_link(&path, lang.get(), st.tour.get(), None);
    view! {
        <main class="embed tour-embed" data-embed=TOUR_EMBED>
            {move || view! { <ChartCard def=chart.get() bare=!controls level=1/> }}
            <Panel st=st embedded=true/>
            <p class="embed-link"><a href=full target="_blank" rel="noopener">{move || i18n::TOUR_BACK.get(lang.get())}</a></p>
        </main>
        <TourPrint st=st/>
    }
}

/// ←/→ step and Escape leaves, from anywhere on the page, unless the key belongs to a field, a
/// chart or the map (`views::tour::key` decides). Removed with the panel.
fn listen_keys(st: AppState, embedded: bool) {
    super::listen(window(), &["keydown"], move |e: web_sys::KeyboardEvent| {
        let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let within = |sel: &str| target.as_ref().and_then(|t| t.closest(sel).ok().flatten()).is_some();
        let at = tour::KeyAt {
            editable: within("input, select, textarea, [contenteditable]"),
            uses_arrows: within("canvas, .map-wrap, .map-items, [role=tablist], [role=listbox], [role=combobox]"),
            modifiers: e.ctrl_key() || e.alt_key() || e.meta_key() || e.shift_key(),
            handled: e.default_prevented(),
        };
        // The embedded tour has no way out: its Escape is left to the page.
        if let Some(nav) = tour::key(&e.key(), at).filter(|n| !(embedded && *n == Nav::Leave)) {
            e.prevent_default();
            st.dispatch(Intent::Tour(nav));
        }
    });
}

/// One step: where it is in the tour and the paper, its title and text, and the way on.
#[component]
fn Panel(st: AppState, embedded: bool) -> impl IntoView {
    let lang = st.lang;
    let n = Memo::new(move |_| st.tour.get().unwrap_or(1));
    let s = move || tour::step(n.get()).unwrap_or(&tour::STEPS[0]);
    let last = move || n.get() == tour::count();
    let go = move |nav: Nav| _ = st.dispatch(Intent::Tour(nav));
    listen_keys(st, embedded);
    // A sideways swipe on the panel steps (touch and pen; a mouse drag selects text).
    let start = StoredValue::new(None::<(i32, f64, f64)>);
    let down = move |e: web_sys::PointerEvent| {
        let touch = e.pointer_type() != "mouse";
        start.set_value(touch.then(|| (e.pointer_id(), e.client_x() as f64, e.client_y() as f64)));
    };
    let up = move |e: web_sys::PointerEvent| {
        let from = start.get_value().filter(|(id, _, _)| *id == e.pointer_id());
        if let Some(nav) = from.and_then(|(_, x, y)| tour::swipe(e.client_x() as f64 - x, e.client_y() as f64 - y)) {
            go(nav);
        }
        start.set_value(None);
    };
    let close = (!embedded).then(|| {
        view! {
            <button type="button" class="tour-close" data-testid="tour-close" on:click=move |_| go(Nav::Leave)
                aria-label=st.t(i18n::TOUR_LEAVE) title=st.t(i18n::TOUR_LEAVE)>"✕"</button>
        }
    });
    // On a phone the panel folds to one line (the step, its title and the arrows) so that the
    // step's chart shows above it; it stays folded from step to step until unfolded. The panel's
    // `data-folded` is the state; the stylesheet shows the button's name for it.
    let fold = (!embedded).then(|| {
        let toggle = move |ev: web_sys::MouseEvent| {
            let Some(b) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let Some(p) = b.closest(".tour-panel").ok().flatten() else { return };
            let on = p.toggle_attribute("data-folded").unwrap_or(false);
            super::set_attr(&b, "aria-expanded", Some(if on { "false" } else { "true" }));
        };
        view! {
            <button type="button" class="tour-fold" data-testid="tour-fold" aria-expanded="true" on:click=toggle>
                <span class="sr-only tour-fold-w">{st.t(i18n::TOUR_FOLD)}</span>
                <span class="sr-only tour-unfold-w">{st.t(i18n::TOUR_UNFOLD)}</span>
            </button>
        }
    });
    let width = move || format!("width:{}%", fixed(100.0 * n.get() as f64 / tour::count() as f64, 1));
    view! {
        <section class="tour-panel" class:embedded=embedded data-testid="tour" data-step=move || n.get().to_string()
            aria-labelledby="tour-title" on:pointerdown=down on:pointerup=up on:pointercancel=move |_| start.set_value(None)>
            <div class="tour-top">
                <p class="tour-where"><span class="tour-count" data-testid="tour-count">{move || tour::progress(n.get())}</span>
                    <span class="tour-section">{move || tour::where_in_paper(s(), lang.get())}</span></p>
                {fold}{close}
            </div>
            <div class="tour-bar" role="progressbar" aria-valuemin="1" aria-valuemax=tour::count().to_string()
                aria-valuenow=move || n.get().to_string() aria-valuetext=move || tour::progress(n.get())
                aria-label=st.t(i18n::TOUR_PROGRESS)><span style=width></span></div>
            <h2 class="tour-title" id="tour-title" tabindex="-1">{move || s().title.get(lang.get())}</h2>
            <p class="tour-text" data-testid="tour-text">{move || s().text.get(lang.get())}</p>
            <div class="tour-nav">
                <button type="button" class="tour-prev" data-testid="tour-prev" disabled=move || n.get() == 1
                    on:click=move |_| go(Nav::Prev)>{"← "}<span class="tour-word">{st.t(i18n::TOUR_PREV)}</span></button>
                <span class="tour-hint">{st.t(i18n::TOUR_KEYS)}</span>
                <button type="button" class="tour-next" data-testid="tour-next" disabled=move || embedded && last()
                    on:click=move |_| go(Nav::Next)><span class="tour-word">{st.t(if last() && !embedded { i18n::TOUR_FINISH } else { i18n::TOUR_NEXT })}</span>{" →"}</button>
            </div>
            <p class="sr-only" role="status" data-testid="tour-live">{move || tour::announce(s(), lang.get())}</p>
        </section>
    }
}

/// The tour as printed (while printing in the tour, or the embedded tour): every step with its
/// text and its chart, one a page. Built only while printing.
#[component]
fn TourPrint(st: AppState) -> impl IntoView {
    move || {
        (st.printing.get() && st.tour.get().is_some()).then(|| {
            let (lang, theme) = (st.lang.get_untracked(), untrack(|| st.theme()));
            let pages = tour::STEPS
                .iter()
                .map(|s| {
                    view! {
                        <section class="tour-page" data-step=s.n.to_string()>
                            <p class="tour-where">{format!("{} · {}", tour::progress(s.n), paper_section(s.section, lang))}</p>
                            <h2 class="tour-title">{s.title.get(lang)}</h2><p class="tour-text">{s.text.get(lang)}</p>
                            <div class="tour-figure" inner_html=tour::step_svg(s, lang, &theme, PRINT_WIDTH)></div>
                        </section>
                    }
                })
                .collect_view();
            view! { <div class="tour-print" data-testid="tour-print">{pages}</div> }
        })
    }
}
