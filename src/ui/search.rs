//! The search in the header: a combobox (an input with a listbox of grouped options, results
//! announced politely), reached with `/` or Ctrl/⌘+K, opened by `?q=` once the page has painted.
//!
//! Layer: ui. Wiring only: index, ranking, markup, keys (`views::search::combobox`) and taking a
//! result (an intent) are `views`'. The index is built when the reader first reaches for the
//! search. The elements are written once, kept in step by effects, with one listener for all.

use super::state::{use_app_state, AppState};
use super::{call_with, element, focus_quietly, set_attr as set};
use crate::views::search::combobox::{self, Move};
use crate::views::search::{self, html, words, Results};
use crate::views::state::Intent;
use gloo::timers::future::TimeoutFuture;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The events the field listens to, all on its wrapper.
const EVENTS: [&str; 6] = ["input", "focusin", "focusout", "mousedown", "mousemove", "click"];

fn input() -> Option<web_sys::HtmlInputElement> {
    element("search-input")?.dyn_into().ok()
}

/// What the search's handlers share.
#[derive(Clone, Copy)]
struct SearchCtx {
    st: AppState,
    text: RwSignal<String>,
    results: RwSignal<Results>,
    open: RwSignal<bool>,
    /// The option reached by the arrow keys (an index into the shown results).
    active: RwSignal<Option<usize>>,
    /// Pinned to the top of the window while the header is scrolled away.
    floating: RwSignal<bool>,
    /// What the reader typed, pasted or linked was cut to the search's limit.
    cut: RwSignal<bool>,
}

impl SearchCtx {
    /// Take what the reader typed, pasted or linked: cut to the search's limit (saying so when it
    /// is cut), and search for it.
    fn take(&self, typed: &str, cut: bool) {
        let (text, shortened) = search::limit(typed);
        self.cut.set(cut || shortened);
        self.search(text.to_string());
    }

    /// Search for `text` (building the index on first use).
    fn search(&self, text: String) {
        let lang = self.st.lang.get_untracked();
        self.results.set(if text.trim().is_empty() { Results::default() } else { search::search(&text, lang) });
        self.text.set(text);
        self.active.set(None);
    }

    fn close(&self) {
        self.open.set(false);
        self.active.set(None);
        self.floating.set(false);
    }

    /// Reach for the search: pinned to the top when the header is out of sight, focused, selected.
    fn activate(&self) {
        // Measured on the place the field keeps in the header (the box itself may be pinned).
        let (Some(field), Some(place)) = (input(), element("search-box").and_then(|b| b.parent_element())) else {
            return;
        };
        let r = place.get_bounding_client_rect();
        let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        self.floating.set(r.bottom() < 0.0 || r.top() > height);
        focus_quietly(&field);
        field.select();
    }

    fn key(&self, ev: &web_sys::KeyboardEvent) {
        let n = self.results.with_untracked(|r| r.hits().count());
        let Some(m) = combobox::key(&ev.key(), self.open.get_untracked(), self.active.get_untracked(), n) else {
            return;
        };
        if !m.keeps_default() {
            ev.prevent_default();
        }
        match m {
            Move::Open => self.open.set(true),
            Move::Active(i) => self.active.set(Some(i)),
            Move::Choose(i) => self.choose(i),
            Move::Close | Move::Leave => self.close(),
            Move::Clear => self.take("", false),
            Move::Stay => {}
        }
    }

    /// One listener for every event of the field and its listbox but the keys.
    fn event(&self, ev: web_sys::Event) {
        let el = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let option =
            el.and_then(|el| el.closest("[role=option]").ok()??.get_attribute("data-i")?.parse::<usize>().ok());
        match (ev.type_().as_str(), option) {
            ("input", _) => {
                self.take(&input().map(|i| i.value()).unwrap_or_default(), false);
                self.open.set(true);
            }
            // The first time the reader reaches for the search, its index is built.
            ("focusin", _) => {
                search::index();
                self.open.set(self.text.with_untracked(|t| !t.trim().is_empty()));
            }
            ("focusout", _) => self.close(),
            // A press on the listbox keeps the focus in the field.
            ("mousedown", Some(_)) => ev.prevent_default(),
            ("mousemove", Some(i)) if self.active.get_untracked() != Some(i) => self.active.set(Some(i)),
            ("click", Some(i)) => self.choose(i),
            _ => {}
        }
    }

    /// Take a result: the view changes as `views::state` decides for it.
    fn choose(&self, i: usize) {
        let Some(target) = self.results.with_untracked(|r| r.hits().nth(i).map(|h| h.target)) else { return };
        self.close();
        let fx = self.st.dispatch(Intent::TakeResult(target));
        // A revealed bar or tile takes the focus itself; otherwise the field lets it go (later,
        // not inside this event: the blur's own event comes to the same listener).
        if fx.reveal.is_none() && fx.scroll.is_none_or(|s| s.tile.is_none()) {
            leptos::task::spawn_local(async {
                if let Some(field) = input() {
                    let _ = field.blur();
                }
            });
        }
    }

    /// Keep the elements in step: the field's words and text, the listbox shown, the announcement.
    fn sync(&self) {
        let lang = self.st.lang.get();
        let found = self.results.with(|r| !r.is_empty());
        let shows = self.text.with(|t| combobox::shows(self.open.get(), t, found));
        let (Some(field), Some(list), Some(none), Some(live), Some(wrap), Some(notice)) = (
            input(),
            element("search-list"),
            element("search-none"),
            element("search-live"),
            element("search-box"),
            element("search-cut"),
        ) else {
            return;
        };
        set(&field, "aria-label", Some(words::LABEL.get(lang)));
        set(&field, "placeholder", Some(words::PLACEHOLDER.get(lang)));
        set(&field, "aria-expanded", Some(if shows.list { "true" } else { "false" }));
        set(&list, "aria-label", Some(words::RESULTS.get(lang)));
        set(&list, "hidden", (!shows.list).then_some(""));
        set(&none, "hidden", (!shows.none).then_some(""));
        none.set_text_content(Some(words::NONE.get(lang)));
        let cut = self.open.get() && self.cut.get();
        set(&notice, "hidden", (!cut).then_some(""));
        notice.set_text_content(cut.then(|| search::limit::shortened(lang)).as_deref());
        set(&field, "aria-describedby", cut.then_some("search-cut"));
        let said =
            shows.summary.then(|| search::limit::announcement(self.results.with(|r| r.summary(lang)), cut, lang));
        live.set_text_content(said.as_deref());
        set(&wrap, "class", Some(if self.floating.get() { "search-box floating" } else { "search-box" }));
        let text = self.text.get();
        if field.value() != text {
            field.set_value(&text);
        }
    }

    /// Mark the active option (and keep it in view); name it as the field's active descendant.
    fn mark_active(&self, active: Option<usize>) {
        let active = active.map(html::option_id);
        if let Some(field) = input() {
            set(&field, "aria-activedescendant", active.as_deref());
        }
        let Some(list) = element("search-list") else { return };
        super::each(&list, "[role=option]", |el| {
            let on = active.as_deref() == Some(el.id().as_str());
            set(&el, "aria-selected", Some(if on { "true" } else { "false" }));
            if on {
                call_with(&el, "scrollIntoView", "block", "nearest".into());
            }
        });
    }
}

/// `/` (outside a text field) and Ctrl/⌘+K reach for the search from anywhere.
fn shortcut(cx: SearchCtx, ev: web_sys::KeyboardEvent) {
    let typing = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || t.is_content_editable());
    if combobox::shortcut(&ev.key(), ev.ctrl_key() || ev.meta_key(), ev.alt_key(), typing) {
        ev.prevent_default();
        cx.activate();
    }
}

/// The search field, its results and their announcement.
#[component]
pub fn Search() -> impl IntoView {
    let st = use_app_state();
    let cx = SearchCtx {
        st,
        text: RwSignal::new(String::new()),
        results: RwSignal::new(Results::default()),
        open: RwSignal::new(false),
        active: RwSignal::new(None),
        floating: RwSignal::new(false),
        cut: RwSignal::new(false),
    };
    let wrap = NodeRef::<Div>::new();
    // Read when the field is made, before the first effects rewrite the address without it.
    let asked = StoredValue::new(crate::permalink::search_query(&window().location().search().unwrap_or_default()));
    Effect::new(move |_| {
        let Some(w) = wrap.get() else { return };
        w.set_inner_html(html::FIELD);
        super::listen(w.clone(), &EVENTS, move |ev| cx.event(ev));
        super::listen(w, &["keydown"], move |ev| cx.key(&ev));
        super::listen(window(), &["keydown"], move |ev| shortcut(cx, ev));
        // `?q=` in the address: the search opens with it once the first screen has painted.
        let Some((q, cut)) = asked.get_value() else { return };
        leptos::task::spawn_local(async move {
            TimeoutFuture::new(200).await;
            cx.take(&q, cut);
            cx.open.set(true);
            if let Some(field) = input() {
                focus_quietly(&field);
            }
        });
    });
    // The results follow the language; the listbox follows the results.
    Effect::new(move |prev: Option<crate::data::Lang>| {
        let lang = st.lang.get();
        if prev.is_some_and(|p| p != lang) && cx.text.with_untracked(|t| !t.trim().is_empty()) {
            cx.search(cx.text.get_untracked());
        }
        lang
    });
    Effect::new(move |_| {
        let markup = cx.results.with(|r| html::listbox_html(r, st.lang.get_untracked()));
        if let Some(list) = element("search-list") {
            list.set_inner_html(&markup);
        }
        cx.mark_active(cx.active.get_untracked());
    });
    Effect::new(move |_| {
        cx.sync();
        cx.mark_active(cx.active.get());
    });
    view! { <div class="search" role="search" node_ref=wrap></div> }
}
