//! `test`: `setup-test`, then every test layer in turn — native tests, the release build, its
//! size budget, the data package's validation, end-to-end — stopping at the first failure and
//! printing a summary of each layer's outcome and wall time.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::util::{self, files_under, root, run, step};
use crate::{budget, dist, serve, setup};

enum Outcome {
    Passed,
    Skipped(String),
    Failed(String),
}

type Layer = (&'static str, fn() -> util::Result<Option<String>>);

/// Runs the layers; `Ok(Some(reason))` from a layer means it was skipped.
pub fn test() -> util::Result {
    let layers: [Layer; 6] = [
        ("setup-test (tools, browser, npm packages)", || setup::setup_test().map(|()| None)),
        ("native tests: cargo test --workspace", native),
        ("release build: trunk build --release", || dist::build().map(|()| None)),
        ("size budget: shipped brotli bytes vs xtask/budget.toml", || budget::check(&dist::dist_dir()).map(|()| None)),
        ("data package: frictionless validate dist/data", crate::frictionless::layer),
        ("end-to-end: node --test tests/e2e", end_to_end),
    ];
    let mut results: Vec<(&str, Outcome, Duration)> = Vec::new();
    let mut failed = false;
    for (name, layer) in layers {
        if failed {
            break;
        }
        step(&format!("layer: {name}"));
        let start = Instant::now();
        let outcome = match layer() {
            Ok(None) => Outcome::Passed,
            Ok(Some(reason)) => Outcome::Skipped(reason),
            Err(e) => {
                failed = true;
                Outcome::Failed(e)
            }
        };
        results.push((name, outcome, start.elapsed()));
    }
    println!();
    println!("==> test summary");
    for (name, outcome, time) in &results {
        let (word, note) = match outcome {
            Outcome::Passed => ("PASS", String::new()),
            Outcome::Skipped(why) => ("SKIP", format!("  ({why})")),
            Outcome::Failed(e) => ("FAIL", format!("\n        {e}")),
        };
        println!("    {word}  {:>7.1}s  {name}{note}", time.as_secs_f64());
    }
    for (name, _) in layers.iter().skip(results.len()) {
        println!("    ----      -     {name}  (not run)");
    }
    let total: f64 = results.iter().map(|r| r.2.as_secs_f64()).sum();
    println!("    total {total:.1}s");
    if failed {
        Err("a test layer failed (see the summary above)".into())
    } else {
        Ok(())
    }
}

fn native() -> util::Result<Option<String>> {
    run(Command::new("cargo").args(["test", "--workspace"]).current_dir(root()))?;
    Ok(None)
}

/// The *.test.mjs files under tests/e2e (not in node_modules or out), relative to the root.
fn e2e_test_files(e2e: &Path) -> util::Result<Vec<String>> {
    if !e2e.is_dir() {
        return Ok(Vec::new());
    }
    Ok(files_under(e2e)?
        .into_iter()
        .map(|(rel, _)| rel)
        .filter(|rel| rel.ends_with(".test.mjs"))
        .filter(|rel| !rel.starts_with("node_modules/") && !rel.starts_with("out/"))
        .map(|rel| format!("tests/e2e/{rel}"))
        .collect())
}

fn end_to_end() -> util::Result<Option<String>> {
    let e2e = root().join("tests").join("e2e");
    let files = e2e_test_files(&e2e)?;
    if files.is_empty() {
        let why = "tests/e2e has no *.test.mjs yet";
        println!("skipping the end-to-end tests: {why}");
        return Ok(Some(why.into()));
    }
    let addr = serve::start(&dist::dist_dir(), "127.0.0.1:0")
        .map_err(|e| format!("cannot start the static server for dist/: {e}"))?;
    let url = format!("http://{addr}/");
    println!("serving dist/ at {url} for the end-to-end suite");
    let out = e2e.join("out");
    // Each file runs in its own process; the list is explicit so every Node version
    // finds the same files.
    run(Command::new("node")
        .arg("--test")
        .args(&files)
        .env("ATLAS_URL", &url)
        .env("CHROMIUM", "/usr/bin/chromium")
        .env("ATLAS_OUT", &out)
        .env("ATLAS_DIST", dist::dist_dir())
        .current_dir(root()))?;
    Ok(None)
}
