//! Shared helpers: the repository paths, the tool PATH, and `run`, which echoes a
//! command, runs it and turns a failure into a clear error message.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Every xtask step returns this; the error is a message for the user.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in a subdirectory of the workspace")
        .to_path_buf()
}

/// The project-local npm prefix for tools (binaryen's wasm-opt).
pub fn npm_tools_dir() -> PathBuf {
    root().join(".tools").join("npm")
}

/// The directory holding the npm tools' executables.
pub fn npm_bin_dir() -> PathBuf {
    npm_tools_dir().join("node_modules").join(".bin")
}

/// Cargo's bin directory (`$CARGO_HOME/bin`, by default `~/.cargo/bin`).
pub fn cargo_bin_dir() -> PathBuf {
    let home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// Puts the project's npm tools and cargo's bin directory in front of PATH for this
/// process and every child, so Trunk finds the wasm-bindgen and wasm-opt it wants.
pub fn prepend_tool_dirs_to_path() {
    let mut dirs = vec![npm_bin_dir(), cargo_bin_dir()];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    let joined: OsString = env::join_paths(dirs).expect("PATH entries contain no separator");
    env::set_var("PATH", joined);
}

/// The command as a shell-like line, with the environment it sets.
pub fn describe(cmd: &Command) -> String {
    let mut parts: Vec<String> = cmd
        .get_envs()
        .filter_map(|(k, v)| v.map(|v| format!("{}={}", k.to_string_lossy(), v.to_string_lossy())))
        .collect();
    parts.push(cmd.get_program().to_string_lossy().into_owned());
    parts.extend(cmd.get_args().map(|a| {
        let a = a.to_string_lossy();
        if a.contains(' ') {
            format!("'{a}'")
        } else {
            a.into_owned()
        }
    }));
    let mut line = parts.join(" ");
    if let Some(dir) = cmd.get_current_dir() {
        line.push_str(&format!("   (in {})", dir.display()));
    }
    line
}

/// Echoes and runs `cmd`, inheriting stdio; fails unless it exits successfully.
pub fn run(cmd: &mut Command) -> Result {
    let line = describe(cmd);
    println!("$ {line}");
    let status = cmd.status().map_err(|e| {
        format!(
            "could not start `{}`: {e} (is it installed? `cargo xtask setup` installs the tools)",
            cmd.get_program().to_string_lossy()
        )
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("command failed ({status}): {line}"))
    }
}

/// First line of `program --version` (or other args), if it runs and succeeds.
pub fn version_of(program: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Some(text.lines().next().unwrap_or("").trim().to_string())
}

/// Whether `program` is found on PATH (or is an existing path).
pub fn on_path(program: &str) -> bool {
    if program.contains('/') {
        return Path::new(program).is_file();
    }
    env::var_os("PATH").map(|p| env::split_paths(&p).any(|d| d.join(program).is_file())).unwrap_or(false)
}

/// The version of `package` recorded in the root Cargo.lock.
pub fn lock_version(package: &str) -> Result<String> {
    let lock_path = root().join("Cargo.lock");
    let lock = fs::read_to_string(&lock_path).map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            if let Some(v) =
                lines.next().and_then(|l| l.trim().strip_prefix("version = \"")).and_then(|v| v.strip_suffix('"'))
            {
                return Ok(v.to_string());
            }
        }
    }
    Err(format!("{package} is not in {}", lock_path.display()))
}

/// Prints a step heading.
pub fn step(msg: &str) {
    println!("==> {msg}");
}

/// Every regular file under `dir`, recursively, sorted, as (path relative to `dir`, full
/// path). Hidden entries (a name starting with `.`, such as Trunk's `.stage/`) are left out.
pub fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result {
        let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| e.to_string())?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                walk(base, &path, out)?;
            } else if path.is_file() {
                let rel = path.strip_prefix(base).unwrap_or(&path);
                out.push((rel.to_string_lossy().replace('\\', "/"), path));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// Takes the value of `--name VALUE` or `--name=VALUE` out of `args`.
pub fn take_option(args: &mut Vec<String>, name: &str) -> Result<Option<String>> {
    let prefix = format!("{name}=");
    if let Some(i) = args.iter().position(|a| a == name) {
        if i + 1 >= args.len() {
            return Err(format!("{name} needs a value"));
        }
        let value = args.remove(i + 1);
        args.remove(i);
        return Ok(Some(value));
    }
    if let Some(i) = args.iter().position(|a| a.starts_with(&prefix)) {
        let value = args.remove(i)[prefix.len()..].to_string();
        return Ok(Some(value));
    }
    Ok(None)
}

/// Takes `--name` out of `args`; whether it was there.
pub fn take_flag(args: &mut Vec<String>, name: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != name);
    args.len() != before
}

/// Fails if any argument is left over.
pub fn no_more_args(command: &str, args: &[String]) -> Result {
    if args.is_empty() {
        Ok(())
    } else {
        Err(format!("`cargo xtask {command}` does not take {}; see `cargo xtask help`", args.join(" ")))
    }
}

/// `apt-get ARGS`, non-interactive, through `sudo` when not root and sudo is there (the test setup's
/// Debian installs: browsers, xvfb, python3-venv).
pub fn apt_get(args: &[&str]) -> Command {
    let is_root = version_of("id", &["-u"]).as_deref() == Some("0");
    let mut cmd = if !is_root && on_path("sudo") {
        let mut c = Command::new("sudo");
        c.arg("apt-get");
        c
    } else {
        Command::new("apt-get")
    };
    cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    cmd
}
