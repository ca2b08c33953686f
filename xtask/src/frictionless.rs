//! The reference validator of the data package: `frictionless` from PyPI, pinned, installed by
//! `setup-test` into a virtual environment in `.tools/py` (with Debian's `python3` and
//! `python3-venv` when the machine has no Python) with its dependencies pinned by
//! `xtask/frictionless-constraints.txt`, and run by `cargo xtask test` on the package
//! that `dist` wrote into `dist/data/`: the directory's `datapackage.json` and the zip.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::util::{self, root, run, step, version_of};

/// The frictionless release the tests validate with.
pub const VERSION: &str = "5.21.0";

/// The virtual environment holding the validator.
pub fn venv_dir() -> PathBuf {
    root().join(".tools").join("py")
}

/// The validator's dependencies, pinned as resolved with VERSION (`pip freeze`).
fn constraints() -> PathBuf {
    root().join("xtask").join("frictionless-constraints.txt")
}

/// The `frictionless` command of the virtual environment.
fn frictionless() -> PathBuf {
    venv_dir().join("bin").join("frictionless")
}

/// Whether `python3 -m venv` can make an environment with pip (Debian splits it into `python3-venv`).
fn python_with_venv() -> bool {
    Command::new("python3")
        .args(["-c", "import venv, ensurepip"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Installs `frictionless` VERSION into `.tools/py` unless it is there already.
pub fn setup() -> util::Result {
    let want = format!("frictionless {VERSION}");
    if version_of(frictionless(), &["--version"]).is_some_and(|v| v.trim() == VERSION) {
        step(&format!("{want} (PyPI, in .tools/py): present, skipping"));
        return Ok(());
    }
    if !python_with_venv() {
        step("installing python3 and python3-venv (for the data package's validator)");
        run(&mut util::apt_get(&["update"]))?;
        run(&mut util::apt_get(&["install", "-y", "python3", "python3-venv"]))?;
    }
    step(&format!("installing {want} from PyPI into .tools/py (the data package's validator)"));
    let venv = venv_dir();
    if !venv.join("bin").join("pip").is_file() {
        run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    }
    run(Command::new(venv.join("bin").join("pip"))
        .args(["install", "--disable-pip-version-check", "--quiet", "--constraint"])
        .arg(constraints())
        .arg(format!("frictionless=={VERSION}")))?;
    match version_of(frictionless(), &["--version"]) {
        Some(v) if v.trim() == VERSION => Ok(()),
        got => Err(format!("after the install, .tools/py/bin/frictionless --version printed {got:?}, not {VERSION:?}")),
    }
}

/// What the validator is given: the package's descriptor in `dir`, and its zip.
fn targets(dir: &Path) -> [PathBuf; 2] {
    [dir.join("datapackage.json"), dir.join(crate::dist::DATA_ZIP)]
}

/// Runs `frictionless validate` on the package in `dir` (the descriptor, then the zip); its report
/// is printed, and any error fails.
pub fn validate(dir: &Path) -> util::Result {
    for target in targets(dir) {
        if !target.is_file() {
            return Err(format!("{} is missing: `cargo xtask dist` writes the data package", target.display()));
        }
        run(Command::new(frictionless()).arg("validate").arg(&target).current_dir(dir))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_validator_is_pinned_and_lives_in_the_projects_tools_folder() {
        assert!(VERSION.split('.').count() == 3 && VERSION.split('.').all(|p| p.parse::<u32>().is_ok()), "{VERSION}");
        assert!(frictionless().starts_with(root().join(".tools")));
        let [json, zip] = targets(Path::new("dist/data"));
        assert_eq!(json, Path::new("dist/data/datapackage.json"));
        assert_eq!(zip, Path::new("dist/data/trade-atlas-data.zip"));
    }
}
