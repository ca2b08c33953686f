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
    let arr = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"__atlasPerf".into()).ok());
    let Some(arr) = arr.and_then(|a| a.dyn_into::<js_sys::Array>().ok()) else { return };
    let o = js_sys::Object::new();
    for (k, v) in [("chart", chart.into()), ("kind", kind.into()), ("ms", ms.into())] {
        let _ = js_sys::Reflect::set(&o, &k.into(), &v);
    }
    arr.push(&o);
}
