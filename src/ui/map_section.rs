//! The map section: its heading and intro, the layer switch, and the chosen layer's card.
//!
//! Layer: ui. Layers and tab labels are `views::page`'s; choosing one is an intent. A card is built
//! the first time its layer is chosen and then kept off the page while another shows: switching
//! back costs no rebuild and grows no memory (a rebuilt card left ~3.5 KB of subscriptions).

use super::chart_card::ChartCard;
use super::state::{use_app_state, AppState};
use crate::i18n;
use crate::views::anchor::Anchor;
use crate::views::page::{layer_after, layers, tab_label, tab_scroll};
use crate::views::state::Intent;
use crate::views::ChartDef;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};

/// The id of the element that shows the chosen layer's card (the tabs' panel).
const PANEL: &str = "map-layer-panel";

/// The arrows, Home and End move between the tabs and choose the one they reach (the WAI-ARIA
/// tabs pattern with automatic activation; only the chosen tab is in the Tab order).
fn tab_key(st: crate::ui::AppState, ev: &web_sys::KeyboardEvent) {
    let Some(next) = layer_after(st.map_layer.get_untracked(), &ev.key()) else { return };
    ev.prevent_default();
    st.dispatch(Intent::Layer(next.id));
    if let Some(tab) = super::element(&Anchor::Tab(next.id).to_string()) {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(tab).focus();
    }
}

/// The map section: a layer switch above one map card.
#[component]
pub fn MapSection() -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    // Built once; a language switch changes only their text.
    let tabs = layers()
        .map(|def| {
            let active = move || st.map_layer.get() == def.id;
            view! {
                <button type="button" role="tab" class="layer-tab" id=Anchor::Tab(def.id).to_string() aria-controls=PANEL
                    aria-selected=move || active().to_string() tabindex=move || if active() { "0" } else { "-1" }
                    data-layer=def.id on:click=move |_| { st.dispatch(Intent::Layer(def.id)); }>{move || tab_label(def, lang.get())}</button>
            }
        })
        .collect_view();
    // The cards built so far, each under its own owner (a child of this section's), the one
    // shown mounted in `holder`.
    let section = Owner::current().expect("the map section has an owner");
    let holder = NodeRef::<leptos::html::Div>::new();
    let kept: StoredValue<Vec<Kept>, LocalStorage> = StoredValue::new_local(Vec::new());
    Effect::new(move |first: Option<()>| {
        let _ = st.map_layer.get();
        let Some(el) = holder.get() else { return };
        let section = section.clone();
        let el = send_wrapper::SendWrapper::new(el);
        // The layer chosen when the card is shown (a later choice may come before a deferred show).
        let shown = move || {
            let id = st.map_layer.get_untracked();
            let def = layers().find(|d| d.id == id).or_else(|| layers().next()).expect("the map has layers");
            kept.update_value(|cards| show(cards, def, &el, &section));
        };
        if first.is_none() {
            // At start, in tasks of their own after the page's frame is built: the world's shapes
            // are unpacked, then projected for the map's centre, then the card is built. The
            // page's first tasks stay short (the holder keeps a screen's height meanwhile, so
            // nothing moves).
            let centre = untrack(|| st.centre());
            let jobs: [Box<dyn FnOnce()>; 3] = [
                Box::new(|| _ = crate::geo::shapes::countries()),
                Box::new(move || _ = centre.paths()),
                Box::new(shown),
            ];
            super::deferred::in_turn(jobs);
        } else {
            shown();
        }
    });
    // On a phone the tabs scroll sideways: keep the chosen one in view (a permalink or the tour
    // may choose a layer far along the row), without scrolling the page.
    let strip = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |first: Option<()>| {
        let id = st.map_layer.get();
        // At start with the first layer there is nothing to bring into view (and reading the
        // layout now would force one while the page is being built).
        if first.is_none() && layers().next().is_some_and(|d| d.id == id) {
            return;
        }
        let (Some(strip), Some(tab)) = (strip.get(), super::element(&Anchor::Tab(id).to_string())) else { return };
        let tab: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(tab);
        if let Some(x) = tab_scroll(tab.offset_left(), tab.offset_width(), strip.scroll_left(), strip.client_width()) {
            strip.set_scroll_left(x);
        }
    });
    full_screen(st, holder);
    view! {
        <section class="paper-section map-section" id="map" aria-labelledby="map-h">
            <header class="section-head">
                <p class="paper-num">{st.t(i18n::MAP_NUM)}</p><h2 id="map-h">{st.t(i18n::MAP_TITLE)}</h2><p class="intro">{st.t(i18n::MAP_INTRO)}</p>
            </header>
            <div class="layer-tabs" node_ref=strip on:keydown=move |ev| tab_key(st, &ev) role="tablist" aria-label=move || i18n::MAP_LAYERS.get(lang.get())>{tabs}</div>
            <div class="layer-card" id=PANEL role="tabpanel" node_ref=holder
                aria-labelledby=move || Anchor::Tab(st.map_layer.get()).to_string()></div>
        </section>
    }
}

/// A built layer card, kept while another layer is shown.
struct Kept {
    id: &'static str,
    state: AnyViewState,
    mounted: bool,
    /// Keeps the card's effects and signals alive (cleaned up with the section).
    _owner: Owner,
}

/// Mount the card of `def` in `el` (building it the first time) and take the others off the page.
fn show(cards: &mut Vec<Kept>, def: &'static ChartDef, el: &web_sys::HtmlDivElement, section: &Owner) {
    for c in cards.iter_mut().filter(|c| c.mounted && c.id != def.id) {
        c.state.unmount();
        c.mounted = false;
    }
    if !cards.iter().any(|c| c.id == def.id) {
        let (owner, t0) = (section.child(), super::perf::now());
        // Built untracked: the effect that shows cards follows the layer alone.
        let state = owner.with(|| untrack(|| view! { <ChartCard def=def/> }.into_any().build()));
        super::perf::record(def.id, "card-build", super::perf::now() - t0);
        cards.push(Kept { id: def.id, state, mounted: false, _owner: owner });
    }
    let Some(card) = cards.iter_mut().find(|c| c.id == def.id) else { return };
    if !card.mounted {
        card.state.mount(el, None);
        card.mounted = true;
    }
}

/// The map full screen: the layer's card fills the screen (the Fullscreen API where the browser
/// has it, and always a fixed overlay, `.map-full`); Escape leaves, as does the browser leaving
/// full screen. Every change goes through the state: Back leaves too (`views::state`).
fn full_screen(st: AppState, holder: NodeRef<leptos::html::Div>) {
    Effect::new(move |was: Option<bool>| {
        let on = st.full_screen.get();
        let Some(el) = holder.get() else { return on };
        let el: &web_sys::Element = &el;
        super::set_attr(el, "data-full", on.then_some(""));
        let doc = document();
        if on && doc.fullscreen_enabled() && doc.fullscreen_element().is_none() {
            // Refused without a reader's gesture (a Forward to it): the overlay stays.
            let _ = el.request_fullscreen();
        } else if !on && doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
        // The map measures the height it fills on a resize: after this frame's layout, one comes.
        if was.is_some_and(|w| w != on) {
            super::after_frame(|| {
                let _ = web_sys::Event::new("resize").map(|e| window().dispatch_event(&e));
            });
        }
        on
    });
    // Escape (over the overlay), or the browser leaving its own full screen (its Escape, Back).
    super::listen(document(), &["keydown", "fullscreenchange"], move |ev: web_sys::Event| {
        let leave = match wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(&ev) {
            Some(k) => k.key() == "Escape",
            None => document().fullscreen_element().is_none(),
        };
        if leave && st.full_screen.get_untracked() {
            ev.prevent_default();
            st.dispatch(Intent::FullScreen(false));
        }
    });
}
