//! `bench`: measurements of the built site: the shipped sizes (`sizes`) and browser timings
//! (`timing`: first draw and hover redraw of every chart in headless Chromium).

pub mod sizes;
mod timing;

use std::path::Path;

use crate::util;

/// Runs every bench section against the site in `dir` (normally `dist/`).
pub fn bench(dir: &Path) -> util::Result {
    sizes::report(dir)?;
    timing::report(dir)?;
    Ok(())
}
