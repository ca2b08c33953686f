//! `dist`: builds the release site into `dist/` with Trunk (after `setup`), adds
//! `404.html` for GitHub Pages deep links, and lists what was built.

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
    fs::copy(dist.join("index.html"), dist.join("404.html"))
        .map_err(|e| format!("cannot copy dist/index.html to dist/404.html: {e}"))?;
    step("dist/ holds:");
    for (name, path) in files_under(&dist)? {
        let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("    {size:>10}  {name}");
    }
    Ok(())
}
