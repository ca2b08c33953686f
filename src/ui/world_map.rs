//! The map canvas of one layer: zoom (wheel, pinch, buttons, keys), pan (drag, arrows), tooltips,
//! linked selection, a keyboard list of the layer's items, and a table alternative.
//!
//! Layer: ui. Wiring only: drawing through the canvas hook; camera moves, gestures, tooltips and
//! table rows are `views::interact`'s; every change of the view is an intent.

use super::canvas_hook::CanvasHook;
use super::flow_motion::{reduced_motion, MotionLayer, MotionSwitch};
use super::perf;
use super::state::{AppState, Read};
use crate::chart::map::{Camera, MapHit};
use crate::chart::{ChartSpec, View};
use crate::data::float_text::fixed;
use crate::geo::Centre;
use crate::i18n;
use crate::views::interact::camera::{opening_in, whole};
use crate::views::interact::{
    key_move, panned, table_rows, zoomed, zoomed_at_centre, CameraMove, Gesture, Press, TableRow, KEY_ZOOM,
};
use crate::views::state::Intent;
use crate::views::{Built, ChartDef};
use leptos::prelude::*;

/// What the map's event handlers share.
/// An opening view and what it was computed for: width, centre, full-screen height.
type Opened = (f64, Centre, Option<f64>, Option<Camera>);

#[derive(Clone, Copy)]
struct MapCtx {
    hook: CanvasHook,
    /// Where the pointer entered the hovered item (the tooltip's anchor).
    pointer_xy: RwSignal<(f64, f64)>,
    /// Each item's tooltip anchor in canvas pixels, as last drawn (shown on the item buttons).
    anchors: RwSignal<Vec<Option<(f64, f64)>>>,
    gesture: StoredValue<Gesture>,
    /// The view the layer opens on at its width, centre and full-screen height (`None`: the whole
    /// extent).
    opening: StoredValue<Option<Opened>>,
}

impl MapCtx {
    fn map_hit(&self) -> Option<MapHit> {
        self.hook.layout.with_value(|l| l.map.clone())
    }

    /// Move the camera (the same camera changes nothing, and writes no address).
    fn set_camera(&self, c: Option<Camera>) {
        self.hook.st.dispatch(Intent::Camera(c));
    }

    /// Show the whole extent (Reset, the `0` key): no camera, unless the layer opens closer.
    fn reset(&self) {
        let base = self.map_hit().map(|m| m.fit.zoom_to(1.0, (m.fit.width / 2.0, m.fit.height / 2.0)));
        let opening = self.opening.get_value().and_then(|(.., c)| c);
        self.set_camera(base.and_then(|b| whole(opening, &b)));
    }

    fn down(&self, ev: &web_sys::PointerEvent) {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        self.gesture.update_value(|g| g.down(ev.pointer_id(), x, y));
        if let Some(t) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
            let _ = t.set_pointer_capture(ev.pointer_id());
        }
        if ev.pointer_type() == "touch" {
            self.hook.hover.set(self.hook.hit(x, y));
            self.pointer_xy.set((x, y));
        }
    }

    fn moved(&self, ev: &web_sys::PointerEvent) {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        match (self.gesture.try_update_value(|g| g.moved(ev.pointer_id(), x, y)).flatten(), self.map_hit()) {
            (Some(Press::Pan { dx, dy }), Some(m)) => {
                self.set_camera(Some(panned(&m, dx, dy)));
                self.hook.hover.set(None);
            }
            (Some(Press::Pinch { factor, at }), Some(m)) => {
                self.set_camera(Some(zoomed(&m, factor, (at.0, at.1 - m.top))))
            }
            (Some(_), _) => {}
            (None, _) => {
                let t = perf::now();
                let hit = self.hook.hit(x, y);
                perf::record(self.hook.def.id, "map-hit", perf::now() - t);
                // The tooltip is anchored where the pointer entered the item, so moving within a
                // country rebuilds nothing.
                if self.hook.hover.get_untracked() != hit {
                    self.pointer_xy.set((x, y));
                }
                self.hook.hovered(hit, t);
            }
        }
    }

    fn up(&self, ev: &web_sys::PointerEvent) {
        let click = self.gesture.try_update_value(|g| g.up(ev.pointer_id())).unwrap_or(false);
        if let Some((row, _)) = click.then(|| self.hook.hit(ev.offset_x() as f64, ev.offset_y() as f64)).flatten() {
            self.hook.choose(row);
        }
    }

    fn wheel(&self, ev: &web_sys::WheelEvent) {
        let Some(m) = self.map_hit() else { return };
        ev.prevent_default();
        let factor = (-ev.delta_y() * if ev.delta_mode() == 1 { 0.05 } else { 0.0015 }).exp();
        self.set_camera(Some(zoomed(&m, factor, (ev.offset_x() as f64, ev.offset_y() as f64 - m.top))));
    }

    fn zoom_button(&self, factor: f64) {
        if let Some(m) = self.map_hit() {
            self.set_camera(Some(zoomed_at_centre(&m, factor)));
        }
    }

    fn key(&self, ev: &web_sys::KeyboardEvent) {
        let key = ev.key();
        if key == "Escape" {
            return self.hook.escape();
        }
        let Some(m) = self.map_hit() else { return };
        match key_move(&m, &key) {
            Some(CameraMove::To(c)) => self.set_camera(Some(c)),
            Some(CameraMove::Reset) => self.reset(),
            None => return,
        }
        ev.prevent_default();
    }
}

/// The map canvas of one layer, with its description (`desc`) after the item list, so Tab from the
/// canvas reaches the items first.
#[component]
pub fn WorldMap(def: &'static ChartDef, built: Memo<Built>, desc: AnyView) -> impl IntoView {
    let hook = CanvasHook::new(def, built, RwSignal::new(Vec::new()));
    let st = hook.st;
    // The opening view of the last width, centre and full-screen height asked (computed once for each).
    let opened = StoredValue::new(None::<Opened>);
    let opening = move |w: f64, centre: Centre, full: Option<f64>| {
        if let Some((.., c)) = opened.get_value().filter(|&(ow, oc, of, _)| ow == w && oc == centre && of == full) {
            return c;
        }
        let c = built.with_untracked(|b| match b.canvas() {
            Some((ChartSpec::Map(m), _)) if w >= 1.0 => opening_in(m, w, full, centre),
            _ => None,
        });
        opened.set_value(Some((w, centre, full, c)));
        c
    };
    let cx = MapCtx {
        hook,
        pointer_xy: RwSignal::new((0.0, 0.0)),
        anchors: RwSignal::new(Vec::new()),
        gesture: StoredValue::new(Gesture::default()),
        opening: opened,
    };
    let lang = st.lang;
    let fill = full_screen_fill(st, hook.wrap);
    hook.draw(
        move || {
            let (w, centre) = (hook.width.get(), st.centre());
            let fill = Some(fill.get()).filter(|&h| h > 0.0);
            View { camera: st.map_camera.get().or_else(|| opening(w, centre, fill)), centre, fill, ..View::default() }
        },
        move |l, v, el| {
            let anchors = l.map.as_ref().map(|m| m.anchors.clone()).unwrap_or_default();
            if cx.anchors.with_untracked(|a| *a != anchors) {
                cx.anchors.set(anchors);
            }
            let _ = el.set_attribute("data-zoom", &fixed(v.camera.map_or(1.0, |c| c.zoom), 3).to_string());
            super::static_map_drawn();
        },
    );
    let has_flows = Memo::new(move |_| built.with(Built::has_flows));
    let reduced = reduced_motion();
    // The item being explored, and its tooltip: at its anchor for the keyboard, where the pointer
    // entered it otherwise.
    let tip = move || {
        let focus = hook.focus.get();
        let row = focus.or(hook.hover.get().map(|h| h.0))?;
        let anchor = if focus.is_some() {
            cx.anchors.with(|a| a.get(row).copied().flatten())
        } else {
            Some(cx.pointer_xy.get())
        };
        hook.tip((row, None), anchor.unwrap_or((hook.width.get_untracked() / 2.0, 40.0)))
    };
    let (label, desc_id) = hook.names(i18n::MAP_HINT);
    view! {
        <div class="map-tools" role="group" aria-label=st.t(i18n::MAP_ZOOM)>
            <button type="button" data-testid="zoom-in" aria-label=st.t(i18n::ZOOM_IN) on:click=move |_| cx.zoom_button(KEY_ZOOM)>"+"</button>
            <button type="button" data-testid="zoom-out" aria-label=st.t(i18n::ZOOM_OUT) on:click=move |_| cx.zoom_button(1.0 / KEY_ZOOM)>"−"</button>
            <button type="button" data-testid="zoom-reset" on:click=move |_| cx.reset()>{st.t(i18n::ZOOM_RESET)}</button>
            // Its words follow the card's `data-full`: the stylesheet shows "Full screen" or "Leave full screen".
            <button type="button" class="full-screen" data-testid="full-screen"
                on:click=move |_| { st.dispatch(Intent::FullScreen(!st.full_screen.get_untracked())); }>
                <span class="fs-enter">{st.t(i18n::FULL_SCREEN)}</span><span class="fs-leave">{st.t(i18n::FULL_SCREEN_LEAVE)}</span>
            </button>
            <CentreSwitch st=st/>
            {move || has_flows.get().then(|| view! { <MotionSwitch st=st reduced=reduced/> })}
            <span class="map-hint hint-fine">{st.t(i18n::MAP_HINT)}</span>
            <span class="map-hint hint-touch">{st.t(i18n::MAP_HINT_TOUCH)}</span>
        </div>
        <div class="chart-wrap map-wrap" node_ref=hook.wrap>
            <canvas node_ref=hook.canvas role="img" tabindex="0" aria-label=label aria-describedby=desc_id
                on:pointerdown=move |ev| cx.down(&ev) on:pointermove=move |ev| cx.moved(&ev)
                on:pointerup=move |ev| cx.up(&ev) on:pointercancel=move |ev| cx.up(&ev) on:pointerleave=move |ev| hook.left(&ev)
                on:wheel=move |ev| cx.wheel(&ev) on:keydown=move |ev| cx.key(&ev) on:blur=move |_| hook.hover.set(None)></canvas>
            <MotionLayer st=st map=hook.canvas layout=hook.layout has_flows=has_flows near=hook.near reduced=reduced/>
            {tip}
            {hook.status()}
        </div>
        <MapItems cx=cx/>{desc}
        {map_table(built, lang)}
    }
}

/// Full screen, the height the map fills: from the top of its box to the bottom of the window
/// (measured when the window's size changes, which `ui::map_section` also announces once the page
/// has laid the card out on entering or leaving); 0 otherwise.
fn full_screen_fill(st: AppState, wrap: NodeRef<leptos::html::Div>) -> RwSignal<f64> {
    let fill = RwSignal::new(0.0);
    let measure = move || {
        let full = st.full_screen.get_untracked();
        let h = wrap.get_untracked().filter(|_| full).map_or(0.0, |w| {
            let top = w.get_bounding_client_rect().top();
            let inner = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
            (inner - top - 8.0).max(200.0).floor()
        });
        if fill.get_untracked() != h {
            fill.set(h);
        }
    };
    super::listen(window(), &["resize"], move |_: web_sys::Event| measure());
    fill
}

/// The world map's centre: the Pacific (150°E) or the Atlantic (0°).
#[component]
fn CentreSwitch(st: AppState) -> impl IntoView {
    let button = move |c: Centre, name: crate::data::L| {
        view! {
            <button type="button" data-centre=c.code() aria-pressed=move || (st.centre() == c).to_string()
                on:click=move |_| { st.dispatch(Intent::Centre(c)); }>{st.t(name)}</button>
        }
    };
    view! {
        <span class="map-centre" role="group" aria-label=st.t(i18n::MAP_CENTRE)>
            <span class="map-centre-label" aria-hidden="true">{st.t(i18n::MAP_CENTRE)}</span>
            {button(Centre::Pacific, i18n::CENTRE_PACIFIC)}
            {button(Centre::Atlantic, i18n::CENTRE_ATLANTIC)}
        </span>
    }
}

/// One button per item, in the layer's order (Tab walks the map, Enter selects), each with its
/// item's anchor on the canvas (`data-anchor="x,y"`, CSS pixels). Rebuilt only with the count.
#[component]
fn MapItems(cx: MapCtx) -> impl IntoView {
    let (lang, built) = (cx.hook.st.lang, cx.hook.built);
    let count = Memo::new(move |_| built.with(|b| b.row_labels().len()));
    let items = move || {
        (0..count.get())
            .map(|i| {
                let label = move || built.with(|b| b.row_labels().get(i).cloned().unwrap_or_default());
                let anchor = move || {
                    cx.anchors
                        .with(|a| a.get(i).copied().flatten().map(|(x, y)| format!("{},{}", fixed(x, 1), fixed(y, 1))))
                };
                view! {
                    <li><button type="button" class="map-item" data-row=i.to_string() data-anchor=anchor
                        on:focus=move |_| cx.hook.focus.set(Some(i)) on:blur=move |_| cx.hook.focus.set(None)
                        on:click=move |_| cx.hook.choose(i)>{label}</button></li>
                }
            })
            .collect_view()
    };
    view! { <ul class="map-items" aria-label=move || i18n::MAP_ITEMS.get(lang.get())>{items}</ul> }
}

/// The layer as a table: each item with its values, units and status.
fn map_table(built: Memo<Built>, lang: Read<crate::data::Lang>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let l = lang.get();
        built.with(|b| b.drawn().map(|d| table_rows(b.row_labels(), d, l)).unwrap_or_default())
    });
    let cell = move |i: usize, f: fn(&TableRow) -> String| move || rows.with(|r| r.get(i).map(f).unwrap_or_default());
    let count = Memo::new(move |_| rows.with(Vec::len));
    let body = move || {
        (0..count.get())
            .map(|i| {
                view! { <tr><th scope="row">{cell(i, |r| r.head.clone())}</th><td>{cell(i, |r| r.values.clone())}</td><td>{cell(i, |r| r.section.clone())}</td></tr> }
            })
            .collect_view()
    };
    let t = move |x: crate::data::L| move || x.get(lang.get());
    let table = move || {
        view! {
            <table>
                <thead><tr>
                    <th scope="col">{t(i18n::ROW)}</th><th scope="col">{t(i18n::VALUES)}</th>
                    <th scope="col">{t(i18n::PAPER_SECTION)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any()
    };
    super::data_table::table_box("map-table".into(), t(i18n::MAP_TABLE), table)
}
