//! Trade Atlas: China's 2023 foreign trade as described in the paper 外贸新质生产力.
//!
//! The data flows one way:
//!
//! ```text
//! data/*.csv + data/datasets.toml   (build.rs validates and bakes them)
//!         ▼
//! data   typed records + provenance, number formatting
//!         ▼
//! chart  pure drawing on any plotters backend; returns a Layout for hit-testing
//!         ▼
//! ui     thin Leptos components (browser only)
//! ```

pub mod chart;
pub mod data;
pub mod geo;
pub mod i18n;
pub mod permalink;
pub mod shell;
pub mod spec;
#[cfg(target_arch = "wasm32")]
pub mod ui;
