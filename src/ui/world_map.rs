//! The world map: a layer switch, the map canvas with zoom (wheel, pinch, buttons, keys) and pan
//! (drag, arrow keys), tooltips, linked selection, a keyboard list of the layer's items, and a
//! table alternative.
//!
//! Layer: ui. The map is drawn by `chart::map` from the layer's spec; hit tests and tooltip
//! anchors come from the `MapHit` the draw returns. Zoom and pan are a `Camera` signal.

use super::canvas_chart::{cell_at, now, paint, perf_record, selected_rows, track_width};
use super::chart_card::ChartCard;
use super::i18n;
use super::state::use_app_state;
use super::tooltip::Tooltip;
use crate::chart::map::{Camera, MapHit};
use crate::chart::{ChartSpec, Layout, View};
use crate::data::format;
use crate::spec::interact::row_entity;
use crate::spec::provenance::{facts, facts_lines, row_facts};
use crate::spec::{Built, ChartDef, CHARTS};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;

/// The map layers, in the order of the switch.
fn layers() -> Vec<&'static ChartDef> {
    CHARTS.iter().filter(|c| c.kind.is_map()).collect()
}

/// A layer's tab text: its title without the "Map:" prefix, starting with a capital.
fn tab_label(title: &str) -> String {
    let t = title.split_once([':', ':']).map_or(title, |(_, t)| t).trim();
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The map section: a layer switch above one map card.
#[component]
pub fn MapSection() -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let tabs = move || {
        let l = lang.get();
        layers()
            .into_iter()
            .map(|def| {
                let active = move || st.map_layer.get() == def.id;
                let label = tab_label(def.title.get(l));
                view! {
                    <button type="button" role="tab" class="layer-tab" aria-selected=move || active().to_string()
                        data-layer=def.id on:click=move |_| {
                            if st.map_layer.get_untracked() != def.id {
                                st.map_camera.set(None);
                                st.map_layer.set(def.id);
                            }
                        }>{label}</button>
                }
            })
            .collect_view()
    };
    let card = move || {
        let id = st.map_layer.get();
        let def = layers().into_iter().find(|d| d.id == id).unwrap_or(layers()[0]);
        view! { <ChartCard def=def/> }
    };
    view! {
        <section class="paper-section map-section" id="map" aria-labelledby="map-h">
            <header class="section-head">
                <p class="paper-num">{move || i18n::MAP_NUM.get(lang.get())}</p>
                <h2 id="map-h">{move || i18n::MAP_TITLE.get(lang.get())}</h2>
                <p class="intro">{move || i18n::MAP_INTRO.get(lang.get())}</p>
            </header>
            <div class="layer-tabs" role="tablist" aria-label=move || i18n::MAP_LAYERS.get(lang.get())>{tabs}</div>
            {card}
        </section>
    }
}

/// Multiply the zoom about a pixel (relative to the map box) and return the new camera.
fn zoomed(m: &MapHit, factor: f64, at: (f64, f64)) -> Camera {
    let fit = m.fit.zoom_at(factor, at);
    let (cx, cy) = fit.from_px((fit.width / 2.0, fit.height / 2.0));
    Camera { zoom: fit.zoom(), cx, cy }
}

fn panned(m: &MapHit, dx: f64, dy: f64) -> Camera {
    let fit = m.fit.pan(dx, dy);
    let (cx, cy) = fit.from_px((fit.width / 2.0, fit.height / 2.0));
    Camera { zoom: fit.zoom(), cx, cy }
}

/// Pointer bookkeeping for drags and pinches.
#[derive(Clone, Debug, Default)]
struct Gesture {
    /// Active pointers: id and last position.
    pointers: Vec<(i32, f64, f64)>,
    /// Whether the current press has moved enough to be a drag (not a click).
    moved: bool,
}

/// The map canvas of one layer.
#[component]
pub fn WorldMap(def: &'static ChartDef, built: Memo<Built>) -> impl IntoView {
    let st = use_app_state();
    let lang = st.lang;
    let wrap = NodeRef::<Div>::new();
    let canvas_ref = NodeRef::<Canvas>::new();
    let width = track_width(wrap);
    let hover = RwSignal::new(None::<usize>);
    let focus = RwSignal::new(None::<usize>);
    let pointer_xy = RwSignal::new((0.0f64, 0.0f64));
    let camera = st.map_camera;
    let layout = StoredValue::new(Layout::default());
    let gesture = StoredValue::new(Gesture::default());
    let error = RwSignal::new(None::<String>);
    let pointer_at = StoredValue::new(None::<f64>);
    let selected_rows = selected_rows(st, built);

    Effect::new(move |_| {
        let w = width.get();
        let Some(el) = canvas_ref.get() else { return };
        if w < 1.0 {
            return;
        }
        let theme = st.theme();
        let highlight = focus.get().or(hover.get());
        let view = View { highlight, selected: selected_rows.get(), hidden: Vec::new(), camera: camera.get() };
        built.with(|b| match paint(&el, b, &theme, &view, w) {
            None => {}
            Some(Ok((l, t0, t1))) => {
                layout.set_value(l);
                perf_record(def.id, "map-frame", t1 - t0);
                if let Some(tp) = pointer_at.get_value() {
                    pointer_at.set_value(None);
                    perf_record(def.id, "hover", t1 - tp);
                }
                let _ =
                    el.set_attribute("data-zoom", &format!("{:.3}", camera.get_untracked().map_or(1.0, |c| c.zoom)));
                error.set(None);
            }
            Some(Err(e)) => error.set(Some(e)),
        });
    });

    let map_hit = move || layout.with_value(|l| l.map.clone());
    let set_camera = move |c: Option<Camera>| camera.set(c);

    let pointerdown = move |ev: web_sys::PointerEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        gesture.update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), x, y));
            g.moved = false;
        });
        if let Some(t) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
            let _ = t.set_pointer_capture(ev.pointer_id());
        }
        if ev.pointer_type() == "touch" {
            hover.set(layout.with_value(|l| l.hit(x, y)).map(|h| h.0));
            pointer_xy.set((x, y));
        }
    };
    let pointermove = move |ev: web_sys::PointerEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let id = ev.pointer_id();
        let g = gesture.get_value();
        if let Some(&(_, px, py)) = g.pointers.iter().find(|p| p.0 == id) {
            let Some(m) = map_hit() else { return };
            if g.pointers.len() >= 2 {
                // Pinch: scale by the change in distance between the two pointers, about their midpoint.
                let other = g.pointers.iter().find(|p| p.0 != id).copied().unwrap_or((0, x, y));
                let before = ((px - other.1).powi(2) + (py - other.2).powi(2)).sqrt().max(1.0);
                let after = ((x - other.1).powi(2) + (y - other.2).powi(2)).sqrt().max(1.0);
                let mid = ((x + other.1) / 2.0, (y + other.2) / 2.0 - m.top);
                set_camera(Some(zoomed(&m, after / before, mid)));
            } else if g.moved || (x - px).abs() + (y - py).abs() > 4.0 {
                set_camera(Some(panned(&m, x - px, y - py)));
                hover.set(None);
            }
            gesture.update_value(|g| {
                g.moved = g.moved || (x - px).abs() + (y - py).abs() > 4.0;
                if let Some(p) = g.pointers.iter_mut().find(|p| p.0 == id) {
                    *p = (id, x, y);
                }
            });
            return;
        }
        let t = now();
        let hit = layout.with_value(|l| l.hit(x, y)).map(|h| h.0);
        perf_record(def.id, "map-hit", now() - t);
        if hover.get_untracked() != hit {
            // The tooltip is anchored where the pointer entered the item, so moving within a
            // country rebuilds nothing.
            pointer_xy.set((x, y));
            pointer_at.set_value(Some(t));
            hover.set(hit);
        }
    };
    let pointerup = move |ev: web_sys::PointerEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let g = gesture.get_value();
        let click = !g.moved && g.pointers.len() == 1;
        gesture.update_value(|g| g.pointers.retain(|p| p.0 != ev.pointer_id()));
        if click {
            if let Some((row, _)) = layout.with_value(|l| l.hit(x, y)) {
                let entity = built.with_untracked(|b| match b {
                    Built::Canvas { refs, extra, .. } => refs
                        .get(row)
                        .and_then(|r| row_entity(r))
                        .or_else(|| extra.get(row).and_then(|e| e.row).and_then(|r| r.row.entities.first().copied())),
                    _ => None,
                });
                if let Some(e) = entity {
                    st.selected.update(|s| *s = if *s == Some(e) { None } else { Some(e) });
                }
            }
        }
    };
    let leave = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "touch" {
            hover.set(None);
        }
    };
    let wheel = move |ev: web_sys::WheelEvent| {
        let Some(m) = map_hit() else { return };
        ev.prevent_default();
        let factor = (-ev.delta_y() * if ev.delta_mode() == 1 { 0.05 } else { 0.0015 }).exp();
        let at = (ev.offset_x() as f64, ev.offset_y() as f64 - m.top);
        set_camera(Some(zoomed(&m, factor, at)));
    };
    let zoom_button = move |factor: f64| {
        if let Some(m) = map_hit() {
            set_camera(Some(zoomed(&m, factor, (m.fit.width / 2.0, m.fit.height / 2.0))));
        }
    };
    let keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(m) = map_hit() else { return };
        let step = 60.0;
        let cam = match ev.key().as_str() {
            "ArrowLeft" => Some(panned(&m, step, 0.0)),
            "ArrowRight" => Some(panned(&m, -step, 0.0)),
            "ArrowUp" => Some(panned(&m, 0.0, step)),
            "ArrowDown" => Some(panned(&m, 0.0, -step)),
            "+" | "=" => Some(zoomed(&m, 1.5, (m.fit.width / 2.0, m.fit.height / 2.0))),
            "-" | "_" => Some(zoomed(&m, 1.0 / 1.5, (m.fit.width / 2.0, m.fit.height / 2.0))),
            "0" => {
                set_camera(None);
                ev.prevent_default();
                return;
            }
            "Escape" => {
                focus.set(None);
                hover.set(None);
                st.selected.set(None);
                return;
            }
            _ => None,
        };
        if let Some(c) = cam {
            ev.prevent_default();
            set_camera(Some(c));
        }
    };

    // The item being explored, and its tooltip.
    let current = move || focus.get().or(hover.get());
    let tip = move || {
        let row = current()?;
        let l = lang.get();
        let (head, mut main, others) = built.with(|b| {
            let Built::Canvas { extra, .. } = b else { return None };
            let head = extra.get(row).and_then(|e| e.head.clone());
            match cell_at(b, row, None, &[]) {
                Some((c, others)) => Some((head, facts(c, l), others)),
                None => extra.get(row).and_then(|e| e.row).map(|r| (head, row_facts(r.ds, r.row, l), Vec::new())),
            }
        })?;
        let mut extra_lines: Vec<String> = head.into_iter().collect();
        for c in others {
            let f = facts(c, l);
            extra_lines.push(format!("{}: {}", f.title, f.value));
            // A note on another value of the item (Shenzhen's November figure) travels with it.
            for n in f.notes {
                if !main.notes.contains(&n) {
                    main.notes.push(n);
                }
            }
        }
        let anchor = if focus.get().is_some() {
            layout.with_value(|lay| lay.map.as_ref().and_then(|m| m.anchors.get(row).copied().flatten()))
        } else {
            Some(pointer_xy.get())
        };
        let (x, y) = anchor.unwrap_or((width.get_untracked() / 2.0, 40.0));
        let w = width.get_untracked();
        Some(view! { <Tooltip facts=main extra=extra_lines x=x y=y width=w/> })
    };
    let announce = move || {
        let row = focus.get()?;
        let l = lang.get();
        built.with(|b| match cell_at(b, row, None, &[]) {
            Some((c, _)) => Some(facts_lines(&facts(c, l), l).join(". ")),
            None => match b {
                Built::Canvas { extra, .. } => {
                    extra.get(row).and_then(|e| e.row).map(|r| facts_lines(&row_facts(r.ds, r.row, l), l).join(". "))
                }
                _ => None,
            },
        })
    };
    // One focusable button per item, in the layer's order: Tab walks the map.
    let items = move || {
        let labels = built.with(|b| match b {
            Built::Canvas { spec, .. } => match spec.as_ref() {
                ChartSpec::Map(m) => m.row_labels.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        });
        labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                view! {
                    <li><button type="button" class="map-item" data-row=i.to_string()
                        on:focus=move |_| focus.set(Some(i)) on:blur=move |_| focus.set(None)
                        on:click=move |_| {
                            let entity = built.with_untracked(|b| match b {
                                Built::Canvas { refs, .. } => refs.get(i).and_then(|r| row_entity(r)),
                                _ => None,
                            });
                            if let Some(e) = entity {
                                st.selected.update(|s| *s = if *s == Some(e) { None } else { Some(e) });
                            }
                        }>{label}</button></li>
                }
            })
            .collect_view()
    };
    let t = move |x: crate::data::L| move || x.get(lang.get());
    view! {
        <div class="map-tools" role="group" aria-label=t(i18n::MAP_ZOOM)>
            <button type="button" data-testid="zoom-in" aria-label=t(i18n::ZOOM_IN) on:click=move |_| zoom_button(1.5)>"+"</button>
            <button type="button" data-testid="zoom-out" aria-label=t(i18n::ZOOM_OUT) on:click=move |_| zoom_button(1.0 / 1.5)>"−"</button>
            <button type="button" data-testid="zoom-reset" on:click=move |_| set_camera(None)>{t(i18n::ZOOM_RESET)}</button>
            <span class="map-hint">{t(i18n::MAP_HINT)}</span>
        </div>
        <div class="chart-wrap map-wrap" node_ref=wrap>
            <canvas node_ref=canvas_ref role="img" tabindex="0" aria-label=move || format!("{} {}", def.title.get(lang.get()), i18n::MAP_HINT.get(lang.get()))
                on:pointerdown=pointerdown on:pointermove=pointermove on:pointerup=pointerup
                on:pointercancel=pointerup on:pointerleave=leave on:wheel=wheel on:keydown=keydown
                on:blur=move |_| hover.set(None)></canvas>
            {tip}
            <p class="sr-only" aria-live="polite" data-testid="live">{announce}</p>
            {move || error.get().map(|e| view! { <p class="chart-error" role="alert">{i18n::CHART_ERROR.get(lang.get())}{e}</p> })}
        </div>
        <ul class="map-items" aria-label=t(i18n::MAP_ITEMS)>{items}</ul>
        <MapTable built=built/>
    }
}

/// The layer as a table: each item with its values, units and status.
#[component]
fn MapTable(built: Memo<Built>) -> impl IntoView {
    let lang = use_app_state().lang;
    let body = move || {
        let l = lang.get();
        built
            .with(|b| {
                let Built::Canvas { spec, refs, extra } = b else { return Vec::new() };
                let ChartSpec::Map(m) = spec.as_ref() else { return Vec::new() };
                m.row_labels
                    .iter()
                    .enumerate()
                    .map(|(i, label)| {
                        let head = extra.get(i).and_then(|e| e.head.clone()).unwrap_or_else(|| label.clone());
                        let values: Vec<String> = refs
                            .get(i)
                            .map(|r| {
                                r.iter()
                                    .flatten()
                                    .map(|c| {
                                        let f = facts(*c, l);
                                        let tag =
                                            if c.cell().value.as_ref().is_some_and(|v| v.status.is_supplementary()) {
                                                format!(" ({})", i18n::SUPPLEMENTARY.get(l))
                                            } else {
                                                String::new()
                                            };
                                        // The row's own label heads the table row; name only the column here,
                                        // and the row when the cell comes from another row (ASEAN's regions).
                                        let col = c.ds.columns[c.col].label.get(l);
                                        if c.row.label.get(l) == label.as_str() {
                                            format!("{col}: {}{tag}", f.value)
                                        } else {
                                            format!("{}: {}{tag}", f.title, f.value)
                                        }
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                        let values = if values.is_empty() {
                            extra
                                .get(i)
                                .and_then(|e| e.row)
                                .map(|r| vec![row_facts(r.ds, r.row, l).value])
                                .unwrap_or_default()
                        } else {
                            values
                        };
                        let src = refs
                            .get(i)
                            .and_then(|r| r.iter().flatten().next())
                            .map(|c| format::paper_section(c.row.section.unwrap_or(c.ds.section), l))
                            .or_else(|| {
                                extra
                                    .get(i)
                                    .and_then(|e| e.row)
                                    .map(|r| format::paper_section(r.row.section.unwrap_or(r.ds.section), l))
                            })
                            .unwrap_or_default();
                        (head, values.join(" · "), src)
                    })
                    .collect::<Vec<_>>()
            })
            .into_iter()
            .map(|(head, values, src)| view! { <tr><th scope="row">{head}</th><td>{values}</td><td>{src}</td></tr> })
            .collect_view()
    };
    view! {
        <details class="table-box" data-testid="map-table">
            <summary>{move || i18n::MAP_TABLE.get(lang.get())}</summary>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{move || i18n::ROW.get(lang.get())}</th>
                        <th scope="col">{move || i18n::VALUES.get(lang.get())}</th>
                        <th scope="col">{move || i18n::PAPER_SECTION.get(lang.get())}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </details>
    }
}
