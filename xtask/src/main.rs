//! `cargo xtask <command>`: the project's commands (setup, dist, serve, test, bench, geo).
//! This file parses the command line and dispatches; each command lives in its module.

mod bench;
mod budget;
mod css;
mod dist;
mod encoding;
mod frictionless;
mod geo;
mod publish;
mod serve;
mod setup;
mod test;
mod util;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const COMMANDS: [(&str, &str); 13] = [
    ("setup", "install what is missing: wasm32 target, trunk, wasm-bindgen-cli, wasm-opt (npm binaryen), crates"),
    ("setup-test", "setup, plus chromium, chromedriver, Noto CJK fonts, poppler-utils, the e2e npm packages and the data package validator"),
    ("dist", "setup, then build the release site into dist/ (with 404.html for GitHub Pages and the data package in dist/data/)"),
    ("serve [--port 8080]", "dist, then serve dist/ on http://127.0.0.1:8080/ gzip-compressed as GitHub Pages does"),
    ("      [--brotli]", "offer brotli before gzip, as hosts with brotli do"),
    ("test", "setup-test, then native tests, release build, size budget, data package validation, end-to-end tests"),
    ("bench", "dist, then sizes (raw/gzip/brotli vs xtask/budget.toml), first paint, Lighthouse, switch/hover cost, memory, DOM"),
    ("      [--dir PATH]", "measure the site built in PATH instead of building dist/"),
    ("      [--compare BEFORE]", "measure the build in BEFORE in the same run, as a \"before\" column"),
    ("      [--charts]", "also time every chart's first draw and hover redraw, the map's frames, native hit tests"),
    ("      [--phone]", "sizes and a throttled phone's first paint, map first seen and interactive, bytes (no other figures)"),
    ("geo", "regenerate data/geo/countries.txt (world map) from npm world-atlas and i18n-iso-countries"),
    ("help", "this list"),
];

fn help() {
    println!("Trade Atlas tasks. Usage: cargo xtask <command>\n");
    for (name, what) in COMMANDS {
        println!("  {name:<24} {what}");
    }
}

fn main() -> ExitCode {
    util::prepend_tool_dirs_to_path();
    // Paths given on the command line are relative to where the user stands.
    let cwd = std::env::current_dir().unwrap_or_else(|_| util::root());
    if let Err(e) = std::env::set_current_dir(util::root()) {
        eprintln!("xtask: error: cannot enter the workspace root: {e}");
        return ExitCode::FAILURE;
    }
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let command = if args.is_empty() { "help".to_string() } else { args.remove(0) };
    match dispatch(&command, args, &cwd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask {command}: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(command: &str, mut args: Vec<String>, cwd: &Path) -> util::Result {
    match command {
        "setup" => {
            util::no_more_args(command, &args)?;
            setup::setup()
        }
        "setup-test" => {
            util::no_more_args(command, &args)?;
            setup::setup_test()
        }
        "dist" => {
            util::no_more_args(command, &args)?;
            dist::dist()
        }
        "serve" => {
            let port = match util::take_option(&mut args, "--port")? {
                Some(p) => p.parse::<u16>().map_err(|_| format!("--port {p}: not a port number"))?,
                None => 8080,
            };
            let offers =
                if util::take_flag(&mut args, "--brotli") { encoding::BROTLI_AND_GZIP } else { encoding::PAGES };
            // Hidden: serve another directory without building.
            let dir = site_dir(&mut args, cwd)?;
            util::no_more_args(command, &args)?;
            serve::serve_forever(&dir, port, offers)
        }
        "test" => {
            util::no_more_args(command, &args)?;
            test::test()
        }
        "bench" => {
            let before = match util::take_option(&mut args, "--compare")? {
                Some(d) => Some(existing_dir("--compare", cwd.join(d))?),
                None => None,
            };
            let charts = util::take_flag(&mut args, "--charts");
            let phone = util::take_flag(&mut args, "--phone");
            let dir = site_dir(&mut args, cwd)?;
            util::no_more_args(command, &args)?;
            setup::setup_test()?;
            bench::bench(&bench::Plan { dir: &dir, before: before.as_deref(), charts, phone })
        }
        "geo" => {
            util::no_more_args(command, &args)?;
            geo::geo()
        }
        "help" | "--help" | "-h" => {
            help();
            Ok(())
        }
        other => {
            help();
            Err(format!("unknown command `{other}`"))
        }
    }
}

/// The `--dir PATH` option (a site built before, not rebuilt), or else `dist/` freshly built by `dist`.
fn site_dir(args: &mut Vec<String>, cwd: &Path) -> util::Result<PathBuf> {
    match util::take_option(args, "--dir")? {
        Some(dir) => existing_dir("--dir", cwd.join(dir)),
        None => {
            dist::dist()?;
            Ok(dist::dist_dir())
        }
    }
}

/// `dir` when it is a directory with an `index.html`, else an error naming `option`.
fn existing_dir(option: &str, dir: PathBuf) -> util::Result<PathBuf> {
    if dir.join("index.html").is_file() {
        Ok(dir)
    } else {
        Err(format!("{option} {}: not a built site (no index.html there)", dir.display()))
    }
}
