//! The search in the header: a combobox (the WAI-ARIA pattern: an input with a listbox of grouped
//! options, Up/Down/Enter/Escape, results announced politely), reached from anywhere with `/` or
//! Ctrl/⌘+K, and opened by `?q=` in the address once the first screen has painted.
//!
//! Layer: ui. Wiring only: the index, matching, ranking, grouping, the listbox's markup, what each
//! key does (`views::search::combobox`) and what taking a result does (an intent) all come from
//! `views`. The index is built the first time the reader reaches for the search, never for the
//! first screen. The field's elements are written once and kept in step with the state by
//! effects, with one listener for all their events: the least code in the module for a part of
//! the page every reader carries.

use super::state::{use_app_state, AppState};
use super::{call_with, element, focus_quietly};
use crate::views::search::combobox::{self, Move};
use crate::views::search::{self, html, words, Results};
use crate::views::state::Intent;
use gloo::timers::future::TimeoutFuture;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The field, its results, the "nothing found" line and the announcement. Text and attributes
/// that follow the state are set by [`SearchCtx::sync`].
const SKELETON: &str = concat!(
    r#"<div class="search-box" id="search-box">"#,
    r#"<input type="text" id="search-input" class="search-input" role="combobox" data-testid="search" aria-autocomplete="list" aria-controls="search-list" aria-expanded="false" autocomplete="off" spellcheck="false" enterkeyhint="search">"#,
    r#"<kbd class="search-key" aria-hidden="true">/</kbd>"#,
    r#"<div id="search-list" role="listbox" class="search-list" hidden></div>"#,
    r#"<p id="search-none" class="search-none" hidden></p></div>"#,
    r#"<p id="search-live" class="sr-only" aria-live="polite" data-testid="search-live"></p>"#,
);

/// The events the field listens to, all on its wrapper.
const EVENTS: [&str; 7] = ["input", "keydown", "focusin", "focusout", "mousedown", "mousemove", "click"];

fn input() -> Option<web_sys::HtmlInputElement> {
    element("search-input")?.dyn_into().ok()
}

/// Set or remove an attribute.
fn set(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// What the search's handlers share.
#[derive(Clone, Copy)]
struct SearchCtx {
    st: AppState,
    text: RwSignal<String>,
    results: RwSignal<Results>,
    open: RwSignal<bool>,
    /// The option reached by the arrow keys, as an index into the shown results.
    active: RwSignal<Option<usize>>,
    /// Pinned to the top of the window while the header is scrolled away.
    floating: RwSignal<bool>,
}

impl SearchCtx {
    /// Whether the listbox is shown (tracks).
    fn shown(&self) -> bool {
        self.text.with(|t| combobox::shown(self.open.get(), t, self.results.with(|r| !r.is_empty())))
    }

    /// Search for `text` (building the index on first use).
    fn search(&self, text: String) {
        let r = if text.trim().is_empty() {
            Results::default()
        } else {
            search::search(&text, self.st.lang.get_untracked())
        };
        self.text.set(text);
        self.results.set(r);
        self.active.set(None);
    }

    fn close(&self) {
        self.open.set(false);
        self.active.set(None);
        self.floating.set(false);
    }

    /// Reach for the search: pin it to the top when the header is out of sight, focus it and
    /// select what is typed.
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
            Move::Clear => self.search(String::new()),
            Move::Stay => {}
        }
    }

    /// One listener for every event of the field and its listbox.
    fn event(&self, ev: web_sys::Event) {
        let option = || -> Option<usize> {
            let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
            el.closest("[role=option]").ok()??.get_attribute("data-i")?.parse().ok()
        };
        match ev.type_().as_str() {
            "input" => {
                self.search(input().map(|i| i.value()).unwrap_or_default());
                self.open.set(true);
            }
            "keydown" => {
                if let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                    self.key(k);
                }
            }
            "focusin" => {
                // The first time the reader reaches for the search, its index is built.
                search::index();
                self.open.set(self.text.with_untracked(|t| !t.trim().is_empty()));
            }
            "focusout" => self.close(),
            // A press on the listbox keeps the focus in the field.
            "mousedown" if option().is_some() => ev.prevent_default(),
            "mousemove" => {
                if let Some(i) = option().filter(|i| self.active.get_untracked() != Some(*i)) {
                    self.active.set(Some(i));
                }
            }
            "click" => {
                if let Some(i) = option() {
                    self.choose(i);
                }
            }
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

    /// Keep the elements in step with the state: the field's attributes and text in the reader's
    /// language, the listbox shown or hidden, the announcement.
    fn sync(&self) {
        let lang = self.st.lang.get();
        let (shown, open) = (self.shown(), self.open.get());
        let typed = self.text.with(|t| !t.trim().is_empty());
        let (Some(field), Some(list), Some(none), Some(live), Some(wrap)) =
            (input(), element("search-list"), element("search-none"), element("search-live"), element("search-box"))
        else {
            return;
        };
        set(&field, "aria-label", Some(words::LABEL.get(lang)));
        set(&field, "placeholder", Some(words::PLACEHOLDER.get(lang)));
        set(&field, "aria-expanded", Some(if shown { "true" } else { "false" }));
        set(&list, "aria-label", Some(words::RESULTS.get(lang)));
        set(&list, "hidden", (!shown).then_some(""));
        set(&none, "hidden", (shown || !open || !typed).then_some(""));
        none.set_text_content(Some(words::NONE.get(lang)));
        let said = (open && typed).then(|| self.results.with(|r| r.summary(lang)));
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
        let Some(Ok(options)) = element("search-list").map(|l| l.query_selector_all("[role=option]")) else { return };
        for el in (0..options.length()).filter_map(|i| options.item(i)?.dyn_into::<web_sys::Element>().ok()) {
            let on = active.as_deref() == Some(el.id().as_str());
            set(&el, "aria-selected", Some(if on { "true" } else { "false" }));
            if on {
                call_with(&el, "scrollIntoView", "block", "nearest".into());
            }
        }
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
    };
    let wrap = NodeRef::<Div>::new();
    // Read when the field is made, before the first effects rewrite the address without it.
    let asked = StoredValue::new(crate::permalink::search_query(&window().location().search().unwrap_or_default()));
    Effect::new(move |_| {
        let Some(w) = wrap.get() else { return };
        w.set_inner_html(SKELETON);
        super::listen(w, &EVENTS, move |ev| cx.event(ev));
        super::listen(window(), &["keydown"], move |ev| shortcut(cx, ev));
        // `?q=` in the address: the search opens with it once the first screen has painted.
        let Some(q) = asked.get_value() else { return };
        leptos::task::spawn_local(async move {
            TimeoutFuture::new(200).await;
            cx.search(q);
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
