//! `dist`: builds the release site into `dist/` with Trunk (after `setup`), then `css` compacts
//! the inline stylesheets and `publish` defers the module's fetch to after the first paint and
//! adds the CSP, `404.html` and the single-file `trade-atlas.html`; lists what was built.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::util::{self, files_under, root, run, step};

/// The built site's directory.
pub fn dist_dir() -> PathBuf {
    root().join("dist")
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
    step("compacting the inline stylesheets; fetching the module after the first paint; adding the Content-Security-Policy, 404.html and the single-file trade-atlas.html");
    crate::css::squeeze_in(&dist)?;
    crate::publish::defer_wasm_in(&dist)?;
    crate::publish::add_csp(&dist)?;
    crate::publish::write_404(&dist)?;
    crate::publish::single_file(&dist)?;
    step("dist/ holds:");
    for (name, path) in files_under(&dist)? {
        let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("    {size:>10}  {name}");
    }
    Ok(())
}
