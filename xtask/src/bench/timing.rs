//! Browser timings: serves the built site on loopback and runs `tests/e2e/bench.mjs` in
//! headless Chromium (first-draw time per chart, pointer-to-redraw latency over a sweep, long tasks).

use std::path::Path;
use std::process::Command;

use crate::{serve, util};

/// Print the timing tables for the site in `dir`.
pub fn report(dir: &Path) -> util::Result {
    let script = util::root().join("tests/e2e/bench.mjs");
    if !script.exists() {
        println!("timings: skipped (tests/e2e/bench.mjs is missing)");
        return Ok(());
    }
    let addr = serve::start(dir, "127.0.0.1:0").map_err(|e| format!("cannot start the server: {e}"))?;
    util::step(&format!("browser timings against http://{addr}/ (takes a minute)"));
    util::run(
        Command::new("node")
            .arg(&script)
            .current_dir(util::root().join("tests/e2e"))
            .env("ATLAS_URL", format!("http://{addr}/"))
            .env("CHROMIUM", "/usr/bin/chromium"),
    )
}
