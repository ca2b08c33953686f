//! `setup` and `setup-test`: idempotent installs of the toolchain the build and the
//! tests need. Each step says what it does and skips when the right version is present.

use std::path::Path;
use std::process::Command;

use crate::util::{self, lock_version, npm_bin_dir, npm_tools_dir, root, run, step, version_of};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132.0.0";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Makes `cargo install` of the tools take minutes instead of a quarter of an hour.
const FAST_INSTALL_ENV: [(&str, &str); 2] =
    [("CARGO_PROFILE_RELEASE_LTO", "false"), ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")];

/// Everything needed to build the site.
pub fn setup() -> util::Result {
    wasm_target()?;
    trunk()?;
    wasm_bindgen_cli()?;
    wasm_opt()?;
    step("fetching the crates (Trunk.toml builds offline)");
    run(Command::new("cargo").args(["fetch", "--locked"]).current_dir(root()))
}

/// Everything in `setup`, plus the browsers, fonts and poppler for the tests and the
/// end-to-end suite's npm packages.
pub fn setup_test() -> util::Result {
    setup()?;
    browser_packages()?;
    crate::frictionless::setup()?;
    e2e_packages()
}

fn wasm_target() -> util::Result {
    let list = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    if list.is_some_and(|l| l.lines().any(|t| t.trim() == WASM_TARGET)) {
        step(&format!("rust target {WASM_TARGET}: present, skipping"));
        return Ok(());
    }
    step(&format!("adding the rust target {WASM_TARGET}"));
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn trunk() -> util::Result {
    let want = format!("trunk {TRUNK_VERSION}");
    if version_of("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
        step(&format!("{want}: present, skipping"));
        return Ok(());
    }
    step(&format!("installing {want} (about 5 minutes)"));
    run(Command::new("cargo")
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked", "--force"])
        .envs(FAST_INSTALL_ENV))?;
    match version_of("trunk", &["--version"]) {
        Some(v) if v == want => Ok(()),
        got => Err(format!("after the install, `trunk --version` printed {got:?}, not {want:?}")),
    }
}

/// The wasm-bindgen version of Cargo.lock; the CLI and the test runner must match it.
pub fn wasm_bindgen_version() -> util::Result<String> {
    lock_version("wasm-bindgen")
}

/// Whether both the CLI and the test runner on PATH print `version`.
pub fn wasm_bindgen_cli_matches(version: &str) -> bool {
    ["wasm-bindgen", "wasm-bindgen-test-runner"]
        .iter()
        .all(|tool| version_of(tool, &["--version"]) == Some(format!("{tool} {version}")))
}

fn wasm_bindgen_cli() -> util::Result {
    let version = wasm_bindgen_version()?;
    if wasm_bindgen_cli_matches(&version) {
        step(&format!("wasm-bindgen-cli {version} (wasm-bindgen, wasm-bindgen-test-runner): present, skipping"));
        return Ok(());
    }
    step(&format!("installing wasm-bindgen-cli {version} (the version in Cargo.lock)"));
    let install = |locked: bool| {
        let mut cmd = Command::new("cargo");
        cmd.args(["install", "wasm-bindgen-cli", "--version", &version, "--force"]).envs(FAST_INSTALL_ENV);
        if locked {
            cmd.arg("--locked");
        }
        run(&mut cmd)
    };
    if let Err(e) = install(true) {
        println!("{e}\n    the --locked install failed; trying again without --locked");
        install(false)?;
    }
    if wasm_bindgen_cli_matches(&version) {
        Ok(())
    } else {
        Err(format!("after the install, wasm-bindgen or wasm-bindgen-test-runner on PATH is not version {version}"))
    }
}

fn wasm_opt() -> util::Result {
    let wasm_opt = npm_bin_dir().join("wasm-opt");
    let major = BINARYEN_VERSION.split('.').next().unwrap_or(BINARYEN_VERSION);
    let want = format!("wasm-opt version {major}");
    let matches = |v: Option<String>| v.is_some_and(|v| v == want || v.starts_with(&format!("{want} ")));
    if matches(version_of(&wasm_opt, &["--version"])) {
        step(&format!("{want} (npm binaryen, in .tools/npm): present, skipping"));
        return Ok(());
    }
    step(&format!("installing wasm-opt from npm binaryen@{BINARYEN_VERSION} into .tools/npm"));
    std::fs::create_dir_all(npm_tools_dir()).map_err(|e| format!("cannot create .tools/npm: {e}"))?;
    run(Command::new("npm")
        .arg("install")
        .arg("--prefix")
        .arg(npm_tools_dir())
        .arg(format!("binaryen@{BINARYEN_VERSION}"))
        .args(["--no-audit", "--no-fund"])
        .current_dir(root()))?;
    let got = version_of(&wasm_opt, &["--version"]);
    if matches(got.clone()) {
        Ok(())
    } else {
        Err(format!("after the npm install, {} --version printed {got:?}, not {want:?}", wasm_opt.display()))
    }
}

fn has_cjk_font() -> bool {
    Command::new("fc-list")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .is_some_and(|o| String::from_utf8_lossy(&o.stdout).to_lowercase().contains("noto sans cjk"))
}

/// The MiniBrowser that WebKitWebDriver drives (Debian's libwebkit2gtk-4.1-0 ships it under the
/// architecture's library directory), if installed.
fn minibrowser() -> Option<std::path::PathBuf> {
    let lib = Path::new("/usr/lib");
    std::fs::read_dir(lib)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("webkit2gtk-4.1").join("MiniBrowser"))
        .find(|p| p.is_file())
}

/// What the test layers need from Debian: each thing checked, and the package that brings it.
fn debian_needs() -> Vec<(&'static str, bool, &'static str)> {
    let file = |p: &str| Path::new(p).is_file();
    vec![
        ("/usr/bin/chromium", file("/usr/bin/chromium"), "chromium"),
        ("/usr/bin/chromedriver", file("/usr/bin/chromedriver"), "chromium-driver"),
        ("the Noto Sans CJK font", has_cjk_font(), "fonts-noto-cjk"),
        ("/usr/bin/pdftotext", file("/usr/bin/pdftotext"), "poppler-utils"),
        ("/usr/bin/firefox-esr", file("/usr/bin/firefox-esr"), "firefox-esr"),
        ("/usr/bin/WebKitWebDriver", file("/usr/bin/WebKitWebDriver"), "webkit2gtk-driver"),
        ("WebKitGTK's MiniBrowser", minibrowser().is_some(), "webkit2gtk-driver"),
        ("/usr/bin/xvfb-run", file("/usr/bin/xvfb-run"), "xvfb"),
        ("/usr/bin/xauth (for xvfb-run)", file("/usr/bin/xauth"), "xauth"),
    ]
}

/// The browsers (Chromium, Firefox ESR, WebKitGTK with its WebDriver and a virtual display),
/// fonts and poppler, from Debian: only the packages of what is missing.
fn browser_packages() -> util::Result {
    let needs = debian_needs();
    let missing: Vec<&str> = needs.iter().filter(|(_, present, _)| !present).map(|(what, _, _)| *what).collect();
    if missing.is_empty() {
        step("chromium, chromedriver, firefox-esr, WebKitWebDriver, xvfb, Noto CJK fonts, poppler-utils: present, skipping");
        return Ok(());
    }
    let mut packages: Vec<&str> = needs.iter().filter(|(_, present, _)| !present).map(|(_, _, pkg)| *pkg).collect();
    packages.dedup();
    step(&format!("installing {} (missing: {})", packages.join(" "), missing.join(", ")));
    run(&mut util::apt_get(&["update"]))?;
    let mut install = util::apt_get(&["install", "-y"]);
    install.args(&packages);
    run(&mut install)?;
    let still: Vec<&str> =
        debian_needs().into_iter().filter(|(_, present, _)| !present).map(|(what, _, _)| what).collect();
    if still.is_empty() {
        Ok(())
    } else {
        Err(format!("after installing {}, still missing: {}", packages.join(" "), still.join(", ")))
    }
}

fn e2e_packages() -> util::Result {
    let dir = root().join("tests").join("e2e");
    let lock = dir.join("package-lock.json");
    if !lock.is_file() {
        step("tests/e2e has no package-lock.json: no npm packages to install");
        return Ok(());
    }
    // npm keeps a copy of the lock in node_modules; newer than the lock and
    // package.json means the install is current.
    let mtime = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let installed = mtime(&dir.join("node_modules").join(".package-lock.json"));
    let current = installed
        .is_some_and(|i| [lock.clone(), dir.join("package.json")].iter().all(|p| mtime(p).is_none_or(|t| t <= i)));
    if current {
        step("tests/e2e npm packages: installed and current, skipping");
        return Ok(());
    }
    step("installing the end-to-end suite's npm packages (npm ci in tests/e2e)");
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir))
}
