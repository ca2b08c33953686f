//! `bench`: measurements of the built site. Today one section, the shipped sizes
//! (`sizes`); browser timing benchmarks will be a second section beside it.

mod sizes;

use std::path::Path;

use crate::util;

/// Runs every bench section against the site in `dir` (normally `dist/`).
pub fn bench(dir: &Path) -> util::Result {
    sizes::report(dir)?;
    Ok(())
}
