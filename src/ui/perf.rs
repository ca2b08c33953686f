//! Timings for the benchmark: milliseconds since navigation, and records pushed to
//! `window.__atlasPerf` when (and only when) a benchmark has installed that array.
//!
//! Layer: ui.

use wasm_bindgen::JsCast;

/// Milliseconds since navigation start.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Report a timing to `window.__atlasPerf` when a benchmark has installed that array.
pub fn record(chart: &str, kind: &str, ms: f64) {
    let Some(win) = web_sys::window() else { return };
    let Ok(arr) = js_sys::Reflect::get(&win, &"__atlasPerf".into()) else { return };
    if let Ok(arr) = arr.dyn_into::<js_sys::Array>() {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"chart".into(), &chart.into());
        let _ = js_sys::Reflect::set(&o, &"kind".into(), &kind.into());
        let _ = js_sys::Reflect::set(&o, &"ms".into(), &ms.into());
        arr.push(&o);
    }
}
