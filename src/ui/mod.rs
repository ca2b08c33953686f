//! The UI layer: thin Leptos components over the data, spec and chart layers.
//!
//! Layer: ui (browser only). State lives in signals (`state`); specs are built in memos and
//! drawn in effects (`canvas_chart`); tooltips, tables, notes and controls are DOM so their
//! text is crisp, selectable and accessible.

mod app;
mod canvas_chart;
mod chart_card;
mod chart_menu;
mod controls;
mod data_table;
mod deferred;
mod download;
mod drawing;
mod embed;
mod glossary;
mod list;
mod map_section;
mod notes;
mod perf;
mod prefs;
mod print;
mod section;
mod size;
mod state;
mod tiles;
mod tooltip;
mod url_sync;
mod world_map;

pub use app::App;
pub use state::{provide_app_state, use_app_state, AppState};

/// Replace the static first screen (`crate::shell`, in `index.html`) with the app, in one step.
pub fn mount() {
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
    scroll_to_hash();
}

/// The page is built after load, so the browser could not honour `#section` links itself.
fn scroll_to_hash() {
    let Some(win) = web_sys::window() else { return };
    let hash = win.location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    if let Some(el) = win.document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}
