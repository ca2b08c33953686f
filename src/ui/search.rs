//! The search in the header: a combobox (the WAI-ARIA pattern: an input with a listbox of grouped
//! options, Up/Down/Enter/Escape, results announced politely), reached from anywhere with `/` or
//! Ctrl/⌘+K, and opened by `?q=` in the address once the first screen has painted.
//!
//! Layer: ui. Wiring only: the index, matching, ranking, grouping, the listbox's markup and what
//! choosing a result does all come from `views::search`. The index is built the first time the
//! reader reaches for the search, never for the first screen. The field's elements are written
//! once and kept in step with the state by effects, with one listener for all their events: the
//! least code in the module for a part of the page every reader carries.

use super::state::{use_app_state, AppState};
use crate::views::search::{self, html, plan, words, Plan, Results};
use crate::views::{ChartDef, Settings};
use gloo::timers::future::TimeoutFuture;
use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The field, under it the notice that a query was shortened, its results and the "nothing
/// found" line, and the announcement. Text and attributes that follow the state are set by
/// [`SearchCtx::sync`].
const SKELETON: &str = concat!(
    r#"<div class="search-box" id="search-box">"#,
    r#"<input type="text" id="search-input" class="search-input" role="combobox" data-testid="search" aria-autocomplete="list" aria-controls="search-list" aria-expanded="false" autocomplete="off" spellcheck="false" enterkeyhint="search">"#,
    r#"<kbd class="search-key" aria-hidden="true">/</kbd><div class="search-drop">"#,
    r#"<p id="search-cut" class="search-cut" data-testid="search-cut" hidden></p>"#,
    r#"<div id="search-list" role="listbox" class="search-list" hidden></div>"#,
    r#"<p id="search-none" class="search-none" hidden></p></div></div>"#,
    r#"<p id="search-live" class="sr-only" aria-live="polite" data-testid="search-live"></p>"#,
);

/// The events the field listens to, all on its wrapper.
const EVENTS: [&str; 7] = ["input", "keydown", "focusin", "focusout", "mousedown", "mousemove", "click"];

fn element(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

fn input() -> Option<web_sys::HtmlInputElement> {
    element("search-input")?.dyn_into().ok()
}

/// Call a method of an element with one options object: `{ key: value }`.
fn call_with(el: &web_sys::Element, method: &str, key: &str, value: JsValue) {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &key.into(), &value);
    if let Ok(f) = js_sys::Reflect::get(el, &method.into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = f.call1(el, &opts);
    }
}

/// Focus an element without scrolling to it (the caller has scrolled already).
pub fn focus_quietly(el: &web_sys::Element) {
    call_with(el, "focus", "preventScroll", JsValue::TRUE);
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
    /// What the reader typed, pasted or linked was cut to the search's limit.
    cut: RwSignal<bool>,
}

impl SearchCtx {
    /// Whether the listbox is shown: open, with something typed and something found.
    fn shown(&self) -> bool {
        self.open.get() && self.typed() && self.results.with(|r| !r.is_empty())
    }

    fn typed(&self) -> bool {
        self.text.with(|t| !t.trim().is_empty())
    }

    fn count(&self) -> usize {
        self.results.with_untracked(|r| r.hits().count())
    }

    /// Take what the reader typed, pasted or linked: cut to the search's limit (saying so when it
    /// is cut), and search for it.
    fn take(&self, typed: &str, cut: bool) {
        let (text, shortened) = search::limit(typed);
        self.cut.set(cut || shortened);
        self.search(text.to_string());
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
        let n = self.count() as isize;
        let key = ev.key();
        match key.as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                let d = if key == "ArrowDown" { 1 } else { -1 };
                if !self.open.get_untracked() {
                    self.open.set(true);
                } else if n > 0 {
                    let i = self.active.get_untracked().map_or(if d > 0 { 0 } else { n - 1 }, |i| i as isize + d);
                    self.active.set(Some(i.rem_euclid(n) as usize));
                }
            }
            "Enter" if self.open.get_untracked() && n > 0 => {
                ev.prevent_default();
                self.choose(self.active.get_untracked().unwrap_or(0));
            }
            "Escape" => {
                ev.prevent_default();
                if self.open.get_untracked() {
                    self.close();
                } else {
                    self.take("", false);
                }
            }
            "Tab" => self.close(),
            _ => {}
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
                self.take(&input().map(|i| i.value()).unwrap_or_default(), false);
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

    /// Choose a result: carry out what `views::search::plan` decides.
    fn choose(&self, i: usize) {
        let Some(target) = self.results.with_untracked(|r| r.hits().nth(i).map(|h| h.target)) else { return };
        let st = self.st;
        let current = |d: &ChartDef| -> Settings {
            st.charts
                .with_untracked(|c| c.iter().find(|(id, _)| *id == d.id).map(|(_, s)| *s))
                .unwrap_or(d.default_settings())
        };
        let p = plan(&target, &current, st.map_layer.get_untracked());
        self.close();
        // A revealed bar or tile takes the focus itself; otherwise the field lets it go.
        if p.reveal.is_none() && p.tile.is_none() {
            // Later, not inside this event: the blur's own event comes to the same listener.
            leptos::task::spawn_local(async {
                if let Some(field) = input() {
                    let _ = field.blur();
                }
            });
        }
        carry_out(st, p);
    }

    /// Keep the elements in step with the state: the field's attributes and text in the reader's
    /// language, the listbox shown or hidden, the announcement.
    fn sync(&self) {
        let lang = self.st.lang.get();
        let (shown, typed, open) = (self.shown(), self.typed(), self.open.get());
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
        set(&field, "aria-expanded", Some(if shown { "true" } else { "false" }));
        set(&list, "aria-label", Some(words::RESULTS.get(lang)));
        set(&list, "hidden", (!shown).then_some(""));
        set(&none, "hidden", (shown || !open || !typed).then_some(""));
        none.set_text_content(Some(words::NONE.get(lang)));
        let cut = open && self.cut.get();
        set(&notice, "hidden", (!cut).then_some(""));
        notice.set_text_content(cut.then(|| search::limit::shortened(lang)).as_deref());
        set(&field, "aria-describedby", cut.then_some("search-cut"));
        let said =
            (open && typed).then(|| search::limit::announcement(self.results.with(|r| r.summary(lang)), cut, lang));
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

/// Set the state a plan asks for, then scroll to its target once it is built.
fn carry_out(st: AppState, p: Plan) {
    if let Some(layer) = p.layer.filter(|l| st.map_layer.get_untracked() != *l) {
        st.map_camera.set(None);
        st.map_layer.set(layer);
    }
    if let Some((def, s)) = p.reading {
        st.set_chart_settings(def, s);
    }
    if let Some(code) = p.select.filter(|c| st.selected.get_untracked() != Some(*c)) {
        st.selected.set(Some(code));
    }
    if let Some(ds) = p.build.filter(|ds| !st.wanted.with_untracked(|w| w.contains(ds))) {
        st.wanted.update(|w| w.push(ds));
    }
    if p.reveal.is_some() {
        st.reveal.set(p.reveal);
    }
    leptos::task::spawn_local(scroll_to(p.scroll, p.tile));
}

/// Wait for the element (its part of the page is being built), bring it to the middle of the
/// window and keep it there while the parts around it settle; then focus a tile if asked.
async fn scroll_to(id: String, tile: Option<(&'static str, &'static str)>) {
    let mut el = None;
    for _ in 0..100 {
        el = element(&id);
        if el.is_some() {
            break;
        }
        TimeoutFuture::new(30).await;
    }
    let Some(el) = el else { return };
    let middle = || call_with(&el, "scrollIntoView", "block", "center".into());
    middle();
    let mut top = el.get_bounding_client_rect().top();
    for _ in 0..6 {
        TimeoutFuture::new(60).await;
        let now = el.get_bounding_client_rect().top();
        if (now - top).abs() > 2.0 {
            middle();
            top = el.get_bounding_client_rect().top();
        }
    }
    if let Some((chart, row)) = tile {
        if let Ok(Some(t)) = document().query_selector(&format!("#chart-{chart} .tile[data-row=\"{row}\"]")) {
            focus_quietly(&t);
        }
    }
}

/// Listen on `target` for `events` with `f` until the owner is cleaned up.
fn listen(target: web_sys::EventTarget, events: &'static [&'static str], f: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    for e in events {
        let _ = target.add_event_listener_with_callback(e, cb.as_ref().unchecked_ref());
    }
    let keep = SendWrapper::new((target, cb));
    on_cleanup(move || {
        for e in events {
            let _ = keep.0.remove_event_listener_with_callback(e, keep.1.as_ref().unchecked_ref());
        }
    });
}

/// `/` (outside a text field) and Ctrl/⌘+K reach for the search from anywhere.
fn shortcut(cx: SearchCtx, ev: web_sys::Event) {
    let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
    let key = ev.key();
    let typing = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || t.is_content_editable());
    let modified = ev.ctrl_key() || ev.meta_key();
    if (modified && key.eq_ignore_ascii_case("k")) || (key == "/" && !modified && !ev.alt_key() && !typing) {
        ev.prevent_default();
        cx.activate();
    }
}

/// `?q=` in the address: open the search with it once the first screen has painted. The address
/// is read when the field is made, before the first effects rewrite it without the search.
fn start_from_address(cx: SearchCtx, q: Option<(String, bool)>) {
    let Some((q, cut)) = q else { return };
    leptos::task::spawn_local(async move {
        TimeoutFuture::new(200).await;
        cx.take(&q, cut);
        cx.open.set(true);
        if let Some(field) = input() {
            focus_quietly(&field);
        }
    });
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
    let asked = StoredValue::new(crate::permalink::search_query(&window().location().search().unwrap_or_default()));
    Effect::new(move |_| {
        let Some(w) = wrap.get() else { return };
        w.set_inner_html(SKELETON);
        listen(w.into(), &EVENTS, move |ev| cx.event(ev));
        listen(window().into(), &["keydown"], move |ev| shortcut(cx, ev));
        start_from_address(cx, asked.get_value());
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
