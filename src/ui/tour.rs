//! The guided tour on the page: the header's "Tour" button, the step panel fixed to the bottom
//! of the viewport (or inline in `?embed=tour`), its keys and swipes, and the printed tour (every
//! step with its chart, one a page).
//!
//! Layer: ui. Wiring only: what a step sets, what a key or swipe does, the progress text and the
//! announcement come from `views::tour`; the address from `permalink` through `url_sync`.

use super::chart_card::ChartCard;
use super::state::{use_app_state, AppState};
use crate::chart::{svg, Mode, View};
use crate::data::format::paper_section;
use crate::i18n;
use crate::permalink::{with_step_view, Params, TOUR_EMBED};
use crate::views::tour::{self, Nav, Step};
use crate::views::{build::frame, build_with, Built};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Width of a printed step's chart, in CSS pixels (the print stylesheet scales it to the page).
const PRINT_WIDTH: u32 = 720;

/// Enter step `n`: set the view it sets, keeping the reader's language, theme, contrast and the
/// readings of charts the tour never shows. The address follows (a new history entry).
fn go(st: AppState, n: usize) {
    let Some(s) = tour::step(n) else { return };
    let p = with_step_view(Params {
        lang: Some(st.lang.get_untracked()),
        theme: (st.mode.get_untracked() == Mode::Dark).then_some(Mode::Dark),
        contrast: Some(st.contrast.get_untracked()),
        charts: tour::readings(s, &st.charts.get_untracked()),
        tour: Some(n),
        controls: true,
        ..Params::default()
    });
    super::url_sync::set_view(&st, p);
}

/// Focus an element by id once the view has been rendered, without scrolling to it (leaving the
/// tour gives the focus back to the header's button and keeps the reader where they are).
fn focus_later(id: &'static str) {
    leptos::task::spawn_local(async move {
        gloo::timers::future::TimeoutFuture::new(0).await;
        let Some(el) = document().get_element_by_id(id) else { return };
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"preventScroll".into(), &true.into());
        if let Ok(focus) = js_sys::Reflect::get(&el, &"focus".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = focus.call1(&el, &opts);
        }
    });
}

/// Leave the tour where the reader is, and give the focus back to the header's button.
fn leave(st: AppState) {
    st.tour.set(None);
    focus_later("tour-start");
}

/// Move as the reader asked (buttons, keys, swipes).
fn step_by(st: AppState, nav: Nav, embedded: bool) {
    let Some(n) = st.tour.get_untracked() else { return };
    match tour::after(n, nav) {
        Some(next) if next != n => go(st, next),
        Some(_) => {}
        None if !embedded => leave(st),
        None => {}
    }
}

/// The header's "Tour" button: starts the tour at its first step, or leaves it.
#[component]
pub fn TourButton(st: AppState) -> impl IntoView {
    let lang = st.lang;
    let toggle = move |_| {
        if st.tour.get_untracked().is_some() {
            leave(st);
        } else {
            go(st, 1);
            focus_later("tour-title");
        }
    };
    view! {
        <button type="button" class="switch" id="tour-start" data-testid="tour-start" on:click=toggle
            aria-pressed=move || st.tour.get().is_some().to_string() title=move || i18n::TOUR_LABEL.get(lang.get())>
            {move || i18n::TOUR.get(lang.get())}
        </button>
    }
}

/// The tour on the full page: the panel while a step is shown, the printed tour, the root
/// attribute the stylesheets use, and each step's part of the page built and scrolled to.
#[component]
pub fn Tour(st: AppState) -> impl IntoView {
    Effect::new(move |_| {
        let on = st.tour.get().is_some();
        if let Some(root) = document().document_element() {
            let _ = if on { root.set_attribute("data-tour", "") } else { root.remove_attribute("data-tour") };
        }
    });
    Effect::new(move |_| {
        let Some(s) = st.tour.get().and_then(tour::step) else { return };
        let v = tour::view(s);
        if let Some(b) = v.block.filter(|b| !st.wanted.with_untracked(|w| w.contains(b))) {
            st.wanted.update(|w| w.push(b));
        }
        // After the step's view has been rendered (a map layer switched, a block built).
        leptos::task::spawn_local(async move {
            gloo::timers::future::TimeoutFuture::new(0).await;
            super::scroll_to_id(v.target);
        });
    });
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
    let card = move || view! { <ChartCard def=chart.get() bare=!controls level=1/> };
    let full = move || {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        let p = Params { lang: Some(lang.get()), tour: st.tour.get(), controls: true, ..Params::default() };
        format!("{path}{}", crate::permalink::format(&p))
    };
    view! {
        <main class="embed tour-embed" data-embed=TOUR_EMBED>
            {card}
            <Panel st=st embedded=true/>
            <p class="embed-link"><a href=full target="_blank" rel="noopener">{move || i18n::TOUR_BACK.get(lang.get())}</a></p>
        </main>
        <TourPrint st=st/>
    }
}

/// ←/→ step and Escape leaves, from anywhere on the page, unless the key belongs to a field, a
/// chart or the map (`views::tour::key` decides). Removed with the panel.
fn listen_keys(st: AppState, embedded: bool) {
    let cb = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let within = |sel: &str| target.as_ref().and_then(|t| t.closest(sel).ok().flatten()).is_some();
        let at = tour::KeyAt {
            editable: within("input, select, textarea, [contenteditable]"),
            uses_arrows: within("canvas, .map-wrap, .map-items, [role=tablist], [role=listbox], [role=combobox]"),
            modifiers: e.ctrl_key() || e.alt_key() || e.meta_key() || e.shift_key(),
            handled: e.default_prevented(),
        };
        match tour::key(&e.key(), at) {
            Some(Nav::Leave) if embedded => {}
            Some(nav) => {
                e.prevent_default();
                step_by(st, nav, embedded);
            }
            None => {}
        }
    });
    let Some(win) = web_sys::window() else { return };
    let _ = win.add_event_listener_with_callback("keydown", cb.as_ref().unchecked_ref());
    let keep = SendWrapper::new((win, cb));
    on_cleanup(move || {
        let _ = keep.0.remove_event_listener_with_callback("keydown", keep.1.as_ref().unchecked_ref());
    });
}

/// One step: where it is in the tour and the paper, its title and text, and the way on.
#[component]
fn Panel(st: AppState, embedded: bool) -> impl IntoView {
    let lang = st.lang;
    let n = Memo::new(move |_| st.tour.get().unwrap_or(1));
    let s = move || tour::step(n.get()).unwrap_or(&tour::STEPS[0]);
    let last = move || n.get() == tour::count();
    let t = move |l: crate::data::L| move || l.get(lang.get());
    listen_keys(st, embedded);
    // A sideways swipe on the panel steps (touch and pen; a mouse drag selects text).
    let start = StoredValue::new(None::<(i32, f64, f64)>);
    let down = move |e: web_sys::PointerEvent| {
        let touch = e.pointer_type() != "mouse";
        start.set_value(touch.then(|| (e.pointer_id(), e.client_x() as f64, e.client_y() as f64)));
    };
    let up = move |e: web_sys::PointerEvent| {
        if let Some((_, x, y)) = start.get_value().filter(|(id, _, _)| *id == e.pointer_id()) {
            if let Some(nav) = tour::swipe(e.client_x() as f64 - x, e.client_y() as f64 - y) {
                step_by(st, nav, embedded);
            }
        }
        start.set_value(None);
    };
    let close = (!embedded).then(|| {
        view! {
            <button type="button" class="tour-close" data-testid="tour-close" on:click=move |_| leave(st)
                aria-label=t(i18n::TOUR_LEAVE) title=t(i18n::TOUR_LEAVE)>"✕"</button>
        }
    });
    let width = move || format!("width:{:.1}%", 100.0 * n.get() as f64 / tour::count() as f64);
    view! {
        <section class="tour-panel" class:embedded=embedded data-testid="tour" data-step=move || n.get().to_string()
            aria-labelledby="tour-title" on:pointerdown=down on:pointerup=up on:pointercancel=move |_| start.set_value(None)>
            <div class="tour-top">
                <p class="tour-where">
                    <span class="tour-count" data-testid="tour-count">{move || tour::progress(n.get())}</span>
                    <span class="tour-section">{move || format!("{}{}", i18n::TOUR_SECTION.get(lang.get()), paper_section(s().section, lang.get()))}</span>
                </p>
                {close}
            </div>
            <div class="tour-bar" role="progressbar" aria-valuemin="1" aria-valuemax=tour::count().to_string()
                aria-valuenow=move || n.get().to_string() aria-valuetext=move || tour::progress(n.get())
                aria-label=t(i18n::TOUR_PROGRESS)><span style=width></span></div>
            <h2 class="tour-title" id="tour-title" tabindex="-1">{move || s().title.get(lang.get())}</h2>
            <p class="tour-text" data-testid="tour-text">{move || s().text.get(lang.get())}</p>
            <div class="tour-nav">
                <button type="button" class="tour-prev" data-testid="tour-prev" disabled=move || n.get() == 1
                    on:click=move |_| step_by(st, Nav::Prev, embedded)>{"← "}{t(i18n::TOUR_PREV)}</button>
                <span class="tour-hint">{t(i18n::TOUR_KEYS)}</span>
                <button type="button" class="tour-next" data-testid="tour-next" disabled=move || embedded && last()
                    on:click=move |_| step_by(st, Nav::Next, embedded)>
                    {move || if last() && !embedded { i18n::TOUR_FINISH.get(lang.get()) } else { i18n::TOUR_NEXT.get(lang.get()) }}
                    {" →"}
                </button>
            </div>
            <p class="sr-only" role="status" data-testid="tour-live">{move || tour::announce(s(), lang.get())}</p>
        </section>
    }
}

/// A step's chart as drawn for it (reading, selection, camera), as SVG for print.
fn step_svg(s: &Step, lang: crate::data::Lang, theme: &crate::chart::Theme) -> String {
    let def = s.def();
    let Built::Canvas { spec, drawn } = build_with(def, lang, &s.settings()) else { return String::new() };
    let view =
        View { selected: s.select.map(|e| drawn.rows_with(e)).unwrap_or_default(), camera: s.view, ..View::default() };
    svg::render_view(&spec, &frame(def, lang), theme, PRINT_WIDTH, &view).0
}

/// The tour as printed (while printing in the tour, or the embedded tour): every step with its
/// text and its chart, one a page. Built only while printing.
#[component]
fn TourPrint(st: AppState) -> impl IntoView {
    move || {
        (st.printing.get() && st.tour.get().is_some()).then(|| {
            let lang = st.lang.get_untracked();
            let theme = crate::chart::Theme::pick(Mode::Light, st.contrast.get_untracked());
            let pages = tour::STEPS
                .iter()
                .map(|s| {
                    let where_ = format!("{} · {}", tour::progress(s.n), paper_section(s.section, lang));
                    view! {
                        <section class="tour-page" data-step=s.n.to_string()>
                            <p class="tour-where">{where_}</p>
                            <h2 class="tour-title">{s.title.get(lang)}</h2>
                            <p class="tour-text">{s.text.get(lang)}</p>
                            <div class="tour-figure" inner_html=step_svg(s, lang, &theme)></div>
                        </section>
                    }
                })
                .collect_view();
            view! { <div class="tour-print" data-testid="tour-print">{pages}</div> }
        })
    }
}
