//! Trade Atlas: China's 2023 foreign trade as described in the paper 外贸新质生产力.
//!
//! The data flows one way, down this map of the crate:
//!
//! ```text
//! data/*.csv, data/datasets.toml, data/geo/*   the paper's tables, notes, glossary, map data
//!         ▼  build/ (build script): validates every file with data::rules, fails with file:line:col
//! data       typed statics + provenance; number formatting and the rounding rule (data::format)
//! geo        country shapes, projections, the Pacific/Atlantic cut, fit, zoom, hit testing
//!         ▼
//! views      the catalogue of views and their builders: a dataset + a reading + a language
//!            → a drawable ChartSpec / MapSpec with a reference from every mark to its cell;
//!            views::interact decides tooltips, tables, selection, camera and gestures
//! i18n       interface strings in both languages        permalink  the view ⇄ the address
//! float      f64 helpers that keep the standard library's float formatting out of the module
//!         ▼
//! chart      pure drawing of a spec on any plotters backend (canvas, SVG); returns a Layout
//!            for hit tests; chart::map draws the world map in named passes
//!         ▼
//! shell      the static first screen written into index.html (native, checked by a test), with
//!            static_map: the default map layer drawn for the first paint
//! ui         Leptos components, browser only: signals, effects and wiring, no decisions
//! ```
//!
//! Everything above `ui` is native code with native tests; `ui` compiles only for wasm32.

pub mod chart;
pub mod data;
pub mod float;
pub mod geo;
pub mod i18n;
pub mod permalink;
pub mod shell;
pub mod static_map;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod views;
