//! `dist`: builds the release site into `dist/` with Trunk (after `setup`), then `css` compacts
//! the inline stylesheets and `publish` defers the module's fetch to after the first paint and
//! adds the CSP, `404.html` and the single-file `trade-atlas.html`; the native `atlas-export`
//! writes the data package into `dist/data/` and the print edition's cover and appendix into
//! `dist/print/`; lists what was built.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::util::{self, files_under, root, run, step};

/// The built site's directory.
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// The data package's zip, in [`data_dir`] (the page's link is `data::package::LINK`).
pub const DATA_ZIP: &str = "trade-atlas-data.zip";

/// The data package's directory in the built site: `datapackage.json`, one CSV per dataset and
/// their zip, downloaded only when a reader asks for them (not part of the page's size budget).
pub fn data_dir() -> PathBuf {
    dist_dir().join("data")
}

/// The print edition's directory in the built site: `<lang>.html`, the cover and the appendix of
/// each language (`views::print::edition_html`), read by the page only when it prints the whole atlas.
pub fn print_dir() -> PathBuf {
    dist_dir().join("print")
}

/// `setup`, then the release build.
pub fn dist() -> util::Result {
    crate::setup::setup()?;
    build()
}

/// The release build alone (the tools must already be installed).
pub fn build() -> util::Result {
    step("building the release site with Trunk (Trunk.toml: public_url ./, dist dist/)");
    run(Command::new("trunk").args(["build", "--release"]).current_dir(root()))?;
    let dist = dist_dir();
    step("writing the print edition's cover and appendix into dist/print/ (the native atlas-export: zh.html, en.html)");
    let print = print_dir();
    run(Command::new("cargo")
        .args(["run", "--quiet", "--bin", "atlas-export", "--", "--print"])
        .arg(&print)
        .current_dir(root()))?;
    step("compacting the inline stylesheets; fetching the module after the first paint; adding the Content-Security-Policy, 404.html and the single-file trade-atlas.html");
    crate::css::squeeze_in(&dist)?;
    crate::css::squeeze_print(&print)?;
    crate::publish::defer_wasm_in(&dist)?;
    crate::publish::add_csp(&dist, &print)?;
    crate::publish::write_404(&dist)?;
    step("writing the data package into dist/data/ (the native atlas-export: datapackage.json, a CSV per dataset, the zip)");
    let data = data_dir();
    if data.is_dir() {
        fs::remove_dir_all(&data).map_err(|e| format!("cannot clear {}: {e}", data.display()))?;
    }
    run(Command::new("cargo")
        .args(["run", "--quiet", "--bin", "atlas-export", "--", "--package"])
        .arg(&data)
        .current_dir(root()))?;
    // After the package and the edition: the single file carries its own copy of both.
    crate::publish::single_file(&dist, &data.join(DATA_ZIP), &print)?;
    step("dist/ holds:");
    for (name, path) in files_under(&dist)? {
        let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("    {size:>10}  {name}");
    }
    Ok(())
}
