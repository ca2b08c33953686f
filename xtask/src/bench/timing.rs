//! The browser figures of `bench`: serves each build on loopback with gzip (as GitHub Pages does)
//! and runs `tests/e2e/bench.mjs` in headless Chromium against all of them in one run, interleaving
//! the builds so both see the same machine; `phone` runs `tests/e2e/bench-phone.mjs` (a throttled
//! phone's first paint, the map first seen and first interactive) the same way; `charts` runs
//! `tests/e2e/bench-charts.mjs` (per-chart first-draw and hover timings, map frames) against one
//! build.

use std::path::Path;
use std::process::Command;

use crate::{serve, util};

/// Prints the browser table for `builds` (label, directory), one column per build.
pub fn report(builds: &[(&str, &Path)]) -> util::Result {
    let spec = serve_all(builds)?;
    util::step(&format!("browser figures against {spec} (takes several minutes)"));
    util::run(node("bench.mjs").env("ATLAS_BENCH_BUILDS", spec))
}

/// Prints the phone profile's table for `builds`, one column per build.
pub fn phone(builds: &[(&str, &Path)]) -> util::Result {
    let spec = serve_all(builds)?;
    util::step(&format!("the phone profile against {spec} (takes a minute or two)"));
    util::run(node("bench-phone.mjs").env("ATLAS_BENCH_BUILDS", spec))
}

/// Serves each build on a free loopback port (gzip, as GitHub Pages): space-separated `label=url`
/// pairs, as the scripts read them (they turn `_` in a label back into a space).
fn serve_all(builds: &[(&str, &Path)]) -> util::Result<String> {
    let mut spec = Vec::new();
    for (label, dir) in builds {
        let addr = serve::start(dir, "127.0.0.1:0").map_err(|e| format!("cannot start the server: {e}"))?;
        spec.push(format!("{}=http://{addr}/", label.replace(' ', "_")));
    }
    Ok(spec.join(" "))
}

/// Prints the per-chart timing tables for the site in `dir`.
pub fn charts(dir: &Path) -> util::Result {
    let addr = serve::start(dir, "127.0.0.1:0").map_err(|e| format!("cannot start the server: {e}"))?;
    util::step(&format!("per-chart timings against http://{addr}/ (takes a few minutes)"));
    util::run(node("bench-charts.mjs").env("ATLAS_URL", format!("http://{addr}/")))
}

/// `node tests/e2e/<script>` in tests/e2e with Debian's Chromium for Playwright and Lighthouse.
fn node(script: &str) -> Command {
    let dir = util::root().join("tests").join("e2e");
    let mut cmd = Command::new("node");
    cmd.arg(dir.join(script))
        .current_dir(&dir)
        .env("CHROMIUM", "/usr/bin/chromium")
        .env("CHROME_PATH", "/usr/bin/chromium");
    cmd
}
