//! `test`: `setup-test`, then every test layer in turn — native tests, the release build, its
//! size budget, the data package's validation, end-to-end — stopping at the first failure and
//! printing a summary of each layer's outcome and wall time. The end-to-end layer runs the
//! Chromium suite and, beside it, the reader's walk in Firefox ESR and in WebKitGTK (one lane
//! after the other).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::util::{self, files_under, root, run, step};
use crate::{budget, dist, serve, setup};

/// What a layer that did not fail reports.
enum Done {
    /// Passed, with lines to print under it in the summary.
    Passed(Vec<String>),
    /// Skipped, and why.
    Skipped(String),
}

enum Outcome {
    Passed(Vec<String>),
    Skipped(String),
    Failed(String),
}

type Layer = (&'static str, fn() -> util::Result<Done>);

const PASSED: Done = Done::Passed(Vec::new());

/// Runs the layers.
pub fn test() -> util::Result {
    let layers: [Layer; 6] = [
        ("setup-test (tools, browsers, npm packages)", || setup::setup_test().map(|()| PASSED)),
        ("native tests: cargo test --workspace", native),
        ("release build: trunk build --release", || dist::build().map(|()| PASSED)),
        ("size budget: shipped brotli bytes vs xtask/budget.toml", || {
            budget::check(&dist::dist_dir()).map(|()| PASSED)
        }),
        ("data package: frictionless validate dist/data", || {
            crate::frictionless::validate(&dist::data_dir()).map(|()| PASSED)
        }),
        ("end-to-end: node --test tests/e2e in Chromium; the walk in Firefox and WebKit beside it", end_to_end),
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
            Ok(Done::Passed(lines)) => Outcome::Passed(lines),
            Ok(Done::Skipped(reason)) => Outcome::Skipped(reason),
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
            Outcome::Passed(lines) => ("PASS", lines.iter().map(|l| format!("\n              {l}")).collect()),
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

fn native() -> util::Result<Done> {
    run(Command::new("cargo").args(["test", "--workspace"]).current_dir(root()))?;
    Ok(PASSED)
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

/// The engines the reader's walk (tests/e2e/walk.test.mjs) runs in as lanes of their own; the
/// Chromium suite runs it too, with the rest of its files.
const LANES: [(&str, &str); 2] = [("firefox", "Firefox ESR"), ("webkit", "WebKitGTK")];

/// A lane's outcome: its name, whether it passed, its wall time and its log.
struct Lane {
    name: &'static str,
    passed: bool,
    time: Duration,
    log: PathBuf,
}

/// Runs the walk in each engine of LANES in turn, each with its output in out/lane-<engine>.log.
fn run_lanes(out: &Path) -> util::Result<Vec<Lane>> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut lanes = Vec::new();
    for (engine, name) in LANES {
        let log = out.join(format!("lane-{engine}.log"));
        let file = File::create(&log).map_err(|e| format!("cannot write {}: {e}", log.display()))?;
        let err = file.try_clone().map_err(|e| format!("cannot write {}: {e}", log.display()))?;
        let start = Instant::now();
        let status = Command::new("node")
            .args(["--test", "tests/e2e/walk.test.mjs"])
            .env("ATLAS_ENGINE", engine)
            .env("ATLAS_DIST", dist::dist_dir())
            .env("ATLAS_OUT", out)
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(file)
            .stderr(err)
            .status()
            .map_err(|e| format!("could not start node for the {name} lane: {e}"))?;
        lanes.push(Lane { name, passed: status.success(), time: start.elapsed(), log });
    }
    Ok(lanes)
}

fn end_to_end() -> util::Result<Done> {
    let e2e = root().join("tests").join("e2e");
    let files = e2e_test_files(&e2e)?;
    if files.is_empty() {
        let why = "tests/e2e has no *.test.mjs yet";
        println!("skipping the end-to-end tests: {why}");
        return Ok(Done::Skipped(why.into()));
    }
    let addr = serve::start(&dist::dist_dir(), "127.0.0.1:0")
        .map_err(|e| format!("cannot start the static server for dist/: {e}"))?;
    let url = format!("http://{addr}/");
    println!("serving dist/ at {url} for the end-to-end suite");
    let out = e2e.join("out");
    // The other engines' lanes serve dist/ themselves and run beside the Chromium suite. On two
    // cores they slow the files that run at the same time, but by less than their own time
    // (measured: 167 s of lanes; the Chromium files beside them took at most 88 s longer).
    println!(
        "running the reader's walk in {} beside the Chromium suite (logs in {})",
        LANES.map(|(_, name)| name).join(" and then "),
        out.display()
    );
    let lanes_out = out.clone();
    let lanes = thread::spawn(move || run_lanes(&lanes_out));
    // Each file runs in its own process; the list is explicit so every Node version
    // finds the same files.
    let chromium = run(Command::new("node")
        .arg("--test")
        .args(&files)
        .env("ATLAS_URL", &url)
        .env("ATLAS_ENGINE", "chromium")
        .env("CHROMIUM", "/usr/bin/chromium")
        .env("ATLAS_OUT", &out)
        .env("ATLAS_DIST", dist::dist_dir())
        .current_dir(root()));
    let lanes = lanes.join().map_err(|_| "the lanes' thread panicked".to_string())??;
    let mut lines = Vec::new();
    let mut failed = Vec::new();
    for lane in &lanes {
        let word = if lane.passed { "passed" } else { "FAILED" };
        lines.push(format!(
            "{} lane {word} in {:.1}s (log: {})",
            lane.name,
            lane.time.as_secs_f64(),
            lane.log.display()
        ));
        if !lane.passed {
            println!("\n==> the {} lane failed; its log, {}:", lane.name, lane.log.display());
            println!("{}", std::fs::read_to_string(&lane.log).unwrap_or_default());
            failed.push(lane.name);
        }
    }
    match (chromium, failed.is_empty()) {
        (Ok(()), true) => Ok(Done::Passed(lines)),
        (Ok(()), false) => {
            Err(format!("the {} lane failed\n        {}", failed.join(" and "), lines.join("\n        ")))
        }
        (Err(e), _) => Err(format!("{e}\n        {}", lines.join("\n        "))),
    }
}
