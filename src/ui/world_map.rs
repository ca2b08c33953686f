//! The map canvas of one layer: zoom (wheel, pinch, buttons, keys) and pan (drag, arrow keys),
//! tooltips, linked selection, a keyboard list of the layer's items, and a table alternative.
//!
//! Layer: ui. Wiring only. The map is drawn by `chart::map`; hit tests and tooltip anchors come
//! from the `MapHit` the draw returns; camera moves, gestures, tooltips and table rows are
//! decided by `views::interact`.

use super::chart_card::{desc_id, ChartDescription};
use super::deferred::track_near;
use super::drawing::{paint, selected_rows, tip_view, DrawInputs};
use super::flow_motion::{reduced_motion, MotionLayer, MotionSwitch};
use super::perf;
use super::size::track_width;
use super::state::{use_app_state, AppState};
use crate::chart::map::{Camera, MapHit};
use crate::chart::{ChartSpec, Layout, View};
use crate::geo::Centre;
use crate::i18n;
use crate::views::interact::{
    announce, key_move, panned, should_draw, table_rows, toggled, zoomed, zoomed_at_centre, CameraMove, Gesture, Press,
    TableRow, KEY_ZOOM,
};
use crate::views::{Built, ChartDef};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;

/// What the map's event handlers share.
#[derive(Clone, Copy)]
struct MapCtx {
    st: AppState,
    def: &'static ChartDef,
    built: Memo<Built>,
    hover: RwSignal<Option<usize>>,
    focus: RwSignal<Option<usize>>,
    /// Where the pointer entered the hovered item (the tooltip's anchor).
    pointer_xy: RwSignal<(f64, f64)>,
    layout: StoredValue<Layout>,
    /// Each item's tooltip anchor in canvas pixels, as last drawn (shown on the item buttons).
    anchors: RwSignal<Vec<Option<(f64, f64)>>>,
    gesture: StoredValue<Gesture>,
    /// When the pointer last changed the hovered item (for the benchmark's redraw latency).
    pointer_at: StoredValue<Option<f64>>,
}

impl MapCtx {
    fn map_hit(&self) -> Option<MapHit> {
        self.layout.with_value(|l| l.map.clone())
    }

    fn row_at(&self, x: f64, y: f64) -> Option<usize> {
        self.layout.with_value(|l| l.hit(x, y)).map(|h| h.0)
    }

    fn set_camera(&self, c: Option<Camera>) {
        if self.st.map_camera.get_untracked() != c {
            self.st.map_camera.set(c);
        }
    }

    /// Select (or unselect) the entity a row stands for.
    fn choose(&self, row: usize) {
        let entity = self.built.with_untracked(|b| match b {
            Built::Canvas { drawn, .. } => drawn.entity_of(row),
            _ => None,
        });
        if let Some(e) = entity {
            self.st.selected.set(toggled(self.st.selected.get_untracked(), e));
        }
    }

    fn down(&self, ev: &web_sys::PointerEvent) {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        self.gesture.update_value(|g| g.down(ev.pointer_id(), x, y));
        if let Some(t) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
            let _ = t.set_pointer_capture(ev.pointer_id());
        }
        if ev.pointer_type() == "touch" {
            self.hover.set(self.row_at(x, y));
            self.pointer_xy.set((x, y));
        }
    }

    fn moved(&self, ev: &web_sys::PointerEvent) {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let mut press = None;
        self.gesture.update_value(|g| press = g.moved(ev.pointer_id(), x, y));
        match (press, self.map_hit()) {
            (Some(Press::Pan { dx, dy }), Some(m)) => {
                self.set_camera(Some(panned(&m, dx, dy)));
                self.hover.set(None);
            }
            (Some(Press::Pinch { factor, at }), Some(m)) => {
                self.set_camera(Some(zoomed(&m, factor, (at.0, at.1 - m.top))));
            }
            (Some(_), _) => {}
            (None, _) => self.hovered(x, y),
        }
    }

    fn hovered(&self, x: f64, y: f64) {
        let t = perf::now();
        let hit = self.row_at(x, y);
        perf::record(self.def.id, "map-hit", perf::now() - t);
        if self.hover.get_untracked() != hit {
            // The tooltip is anchored where the pointer entered the item, so moving within a
            // country rebuilds nothing.
            self.pointer_xy.set((x, y));
            self.pointer_at.set_value(Some(t));
            self.hover.set(hit);
        }
    }

    fn up(&self, ev: &web_sys::PointerEvent) {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let mut click = false;
        self.gesture.update_value(|g| click = g.up(ev.pointer_id()));
        if click {
            if let Some(row) = self.row_at(x, y) {
                self.choose(row);
            }
        }
    }

    fn wheel(&self, ev: &web_sys::WheelEvent) {
        let Some(m) = self.map_hit() else { return };
        ev.prevent_default();
        let factor = (-ev.delta_y() * if ev.delta_mode() == 1 { 0.05 } else { 0.0015 }).exp();
        let at = (ev.offset_x() as f64, ev.offset_y() as f64 - m.top);
        self.set_camera(Some(zoomed(&m, factor, at)));
    }

    fn zoom_button(&self, factor: f64) {
        if let Some(m) = self.map_hit() {
            self.set_camera(Some(zoomed_at_centre(&m, factor)));
        }
    }

    fn key(&self, ev: &web_sys::KeyboardEvent) {
        let key = ev.key();
        if key == "Escape" {
            self.focus.set(None);
            self.hover.set(None);
            self.st.selected.set(None);
            return;
        }
        let Some(m) = self.map_hit() else { return };
        match key_move(&m, &key) {
            Some(CameraMove::To(c)) => self.set_camera(Some(c)),
            Some(CameraMove::Reset) => self.set_camera(None),
            None => return,
        }
        ev.prevent_default();
    }
}

/// Draw when built; afterwards redraw when what the map shows changes, if it is near the
/// viewport (else when it comes back). Records the benchmark's timings.
fn draw_effect(
    cx: MapCtx,
    canvas_ref: NodeRef<Canvas>,
    (width, near): (RwSignal<f64>, RwSignal<bool>),
    error: RwSignal<Option<String>>,
) {
    let selected = selected_rows(cx.st, cx.built);
    let last = StoredValue::new(None::<DrawInputs>);
    Effect::new(move |_| {
        let w = width.get();
        let Some(el) = canvas_ref.get() else { return };
        if w < 1.0 {
            return;
        }
        let mut now = DrawInputs::read(&cx.st, cx.def.id, w);
        now.highlight = cx.focus.get().or(cx.hover.get());
        now.camera = cx.st.map_camera.get();
        now.centre = cx.st.centre();
        let near = near.get() || cx.st.printing.get();
        if !last.with_value(|l| should_draw(l.as_ref(), &now, near)) {
            return;
        }
        let theme = cx.st.theme_untracked();
        let (camera, centre) = (now.camera, now.centre);
        let selected = selected.get_untracked();
        let view = View { highlight: now.highlight, selected, hidden: Vec::new(), camera, centre };
        last.set_value(Some(now));
        cx.built.with_untracked(|b| match paint(&el, b, &theme, &view, w) {
            None => {}
            Some(Ok((l, t0, t1))) => {
                let anchors = l.map.as_ref().map(|m| m.anchors.clone()).unwrap_or_default();
                if cx.anchors.with_untracked(|a| *a != anchors) {
                    cx.anchors.set(anchors);
                }
                cx.layout.set_value(l);
                perf::record(cx.def.id, "map-frame", t1 - t0);
                if let Some(tp) = cx.pointer_at.get_value() {
                    cx.pointer_at.set_value(None);
                    perf::record(cx.def.id, "hover", t1 - tp);
                }
                let _ = el.set_attribute("data-zoom", &format!("{:.3}", camera.map_or(1.0, |c| c.zoom)));
                super::static_map_drawn();
                error.set(None);
            }
            Some(Err(e)) => error.set(Some(e)),
        });
        // The first screen is drawn: the page below it is built next, in a task of its own.
        if !cx.st.first_screen.get_untracked() {
            let st = cx.st;
            gloo::timers::callback::Timeout::new(0, move || {
                st.first_screen.try_set(true);
            })
            .forget();
        }
    });
}

/// The map canvas of one layer, with the description of the layer under it (also the canvas's
/// accessible description; after the item list, so Tab from the canvas reaches the items first).
#[component]
pub fn WorldMap(def: &'static ChartDef, built: Memo<Built>, desc: Memo<String>) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let wrap = NodeRef::<Div>::new();
    let canvas_ref = NodeRef::<Canvas>::new();
    let width = track_width(wrap);
    let error = RwSignal::new(None::<String>);
    let cx = MapCtx {
        st,
        def,
        built,
        hover: RwSignal::new(None),
        focus: RwSignal::new(None),
        pointer_xy: RwSignal::new((0.0, 0.0)),
        layout: StoredValue::new(Layout::default()),
        anchors: RwSignal::new(Vec::new()),
        gesture: StoredValue::new(Gesture::default()),
        pointer_at: StoredValue::new(None),
    };
    let near = track_near(wrap);
    draw_effect(cx, canvas_ref, (width, near), error);
    let has_flows = Memo::new(move |_| {
        built.with(|b| matches!(b, Built::Canvas { spec, .. } if matches!(spec.as_ref(), ChartSpec::Map(m) if !m.flows.is_empty())))
    });
    let reduced = reduced_motion();

    // The item being explored, and its tooltip: at its anchor for the keyboard, where the pointer
    // entered it otherwise.
    let tip = move || {
        let row = cx.focus.get().or(cx.hover.get())?;
        let anchor = if cx.focus.get().is_some() {
            cx.layout.with_value(|lay| lay.map.as_ref().and_then(|m| m.anchors.get(row).copied().flatten()))
        } else {
            Some(cx.pointer_xy.get())
        };
        let w = width.get_untracked();
        let (x, y) = anchor.unwrap_or((w / 2.0, 40.0));
        built.with(|b| tip_view(b, (row, None), &[], lang.get(), (x, y, w)))
    };
    let announce = move || {
        let row = cx.focus.get()?;
        built.with(|b| match b {
            Built::Canvas { drawn, .. } => announce(drawn, row, &[], lang.get()),
            _ => None,
        })
    };
    let t = move |x: crate::data::L| move || x.get(lang.get());
    let label = move || format!("{} {}", def.title.get(lang.get()), i18n::MAP_HINT.get(lang.get()));
    view! {
        <div class="map-tools" role="group" aria-label=t(i18n::MAP_ZOOM)>
            <button type="button" data-testid="zoom-in" aria-label=t(i18n::ZOOM_IN) on:click=move |_| cx.zoom_button(KEY_ZOOM)>"+"</button>
            <button type="button" data-testid="zoom-out" aria-label=t(i18n::ZOOM_OUT) on:click=move |_| cx.zoom_button(1.0 / KEY_ZOOM)>"−"</button>
            <button type="button" data-testid="zoom-reset" on:click=move |_| cx.set_camera(None)>{t(i18n::ZOOM_RESET)}</button>
            <CentreSwitch st=st/>
            {move || has_flows.get().then(|| view! { <MotionSwitch st=st reduced=reduced/> })}
            <span class="map-hint">{t(i18n::MAP_HINT)}</span>
        </div>
        <div class="chart-wrap map-wrap" node_ref=wrap>
            <canvas node_ref=canvas_ref role="img" tabindex="0" aria-label=label aria-describedby=desc_id(def)
                on:pointerdown=move |ev| cx.down(&ev) on:pointermove=move |ev| cx.moved(&ev)
                on:pointerup=move |ev| cx.up(&ev) on:pointercancel=move |ev| cx.up(&ev)
                on:pointerleave=move |ev: web_sys::PointerEvent| if ev.pointer_type() != "touch" { cx.hover.set(None) }
                on:wheel=move |ev| cx.wheel(&ev) on:keydown=move |ev| cx.key(&ev)
                on:blur=move |_| cx.hover.set(None)></canvas>
            <MotionLayer st=st map=canvas_ref layout=cx.layout has_flows=has_flows near=near reduced=reduced/>
            {tip}
            <p class="sr-only" aria-live="polite" data-testid="live">{announce}</p>
            {move || error.get().map(|e| view! { <p class="chart-error" role="alert">{i18n::CHART_ERROR.get(lang.get())}{e}</p> })}
        </div>
        <MapItems cx=cx/>
        <ChartDescription def=def text=desc/>
        <MapTable built=built/>
    }
}

/// The world map's centre: the Pacific (150°E) or the Atlantic (0°). Choosing one keeps it (in
/// the address too) and shows the whole map again.
#[component]
fn CentreSwitch(st: AppState) -> impl IntoView {
    let lang = st.lang;
    let button = move |c: Centre, name: crate::data::L| {
        let pressed = move || (st.centre() == c).to_string();
        let choose = move |_| {
            if st.centre_untracked() != c || st.map_centre.get_untracked().is_none() {
                st.map_camera.set(None);
                st.map_centre.set(Some(c));
            }
        };
        view! {
            <button type="button" data-centre=c.code() aria-pressed=pressed on:click=choose>{move || name.get(lang.get())}</button>
        }
    };
    view! {
        <span class="map-centre" role="group" aria-label=move || i18n::MAP_CENTRE.get(lang.get())>
            <span class="map-centre-label" aria-hidden="true">{move || i18n::MAP_CENTRE.get(lang.get())}</span>
            {button(Centre::Pacific, i18n::CENTRE_PACIFIC)}
            {button(Centre::Atlantic, i18n::CENTRE_ATLANTIC)}
        </span>
    }
}

/// The row labels of a built map layer.
fn row_labels(b: &Built) -> Vec<String> {
    match b {
        Built::Canvas { spec, .. } => match spec.as_ref() {
            ChartSpec::Map(m) => m.row_labels.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// One focusable button per item, in the layer's order: Tab walks the map, Enter selects. Each
/// carries its item's anchor on the canvas (`data-anchor="x,y"`, CSS pixels), where its tooltip
/// points and where a pointer reaches it. The buttons are built once per layer; a language switch
/// changes only their text.
#[component]
fn MapItems(cx: MapCtx) -> impl IntoView {
    let lang = cx.st.lang;
    // Rebuilt only when the number of items changes (another reading of the layer).
    let count = Memo::new(move |_| cx.built.with(|b| row_labels(b).len()));
    let items = move || {
        (0..count.get())
            .map(|i| {
                let label = move || cx.built.with(|b| row_labels(b).get(i).cloned().unwrap_or_default());
                let anchor =
                    move || cx.anchors.with(|a| a.get(i).copied().flatten().map(|(x, y)| format!("{x:.1},{y:.1}")));
                view! {
                    <li><button type="button" class="map-item" data-row=i.to_string() data-anchor=anchor
                        on:focus=move |_| cx.focus.set(Some(i)) on:blur=move |_| cx.focus.set(None)
                        on:click=move |_| cx.choose(i)>{label}</button></li>
                }
            })
            .collect_view()
    };
    view! { <ul class="map-items" aria-label=move || i18n::MAP_ITEMS.get(lang.get())>{items}</ul> }
}

/// The layer as a table: each item with its values, units and status. Built the first time it is
/// opened (or when the whole page is asked for); a language switch then changes only text.
#[component]
fn MapTable(built: Memo<Built>) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let rows = Memo::new(move |_| {
        let l = lang.get();
        built.with(|b| match b {
            Built::Canvas { drawn, .. } => table_rows(&row_labels(b), drawn, l),
            _ => Vec::new(),
        })
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
    let opened = RwSignal::new(false);
    let shown = Memo::new(move |_| opened.get() || st.build_all.get());
    let t = move |x: crate::data::L| move || x.get(lang.get());
    view! {
        <details class="table-box" data-testid="map-table" on:toggle=move |_| opened.set(true)>
            <summary>{t(i18n::MAP_TABLE)}</summary>
            <div class="table-scroll">
                {move || shown.get().then(|| view! {
                    <table>
                        <thead><tr>
                            <th scope="col">{t(i18n::ROW)}</th>
                            <th scope="col">{t(i18n::VALUES)}</th>
                            <th scope="col">{t(i18n::PAPER_SECTION)}</th>
                        </tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                })}
            </div>
        </details>
    }
}
