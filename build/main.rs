//! The build script: validates `data/` and compiles it into typed statics in `$OUT_DIR`.
//!
//! A file that breaks a rule stops the build with a message naming the file, the line and the
//! column. The rules themselves live in `src/data/rules/` and `src/data/parse.rs`, included here
//! with `#[path]` and unit-tested by the library; this folder only reads files, hands their text to
//! the rules and writes what they return as Rust source.

#[path = "../src/data/parse.rs"]
#[allow(dead_code)]
mod parse;
#[path = "../src/data/rules/mod.rs"]
#[allow(dead_code)]
mod rules;

mod aliases;
mod datasets;
mod emit;
mod geo;
mod tour;

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for watched in ["data", "src/data/parse.rs", "src/data/rules", "build"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    if let Err(msg) = generate(&root.join("data"), &out) {
        eprintln!("\nerror: invalid data: {msg}\n");
        std::process::exit(1);
    }
}

/// Every generated file, or the first broken rule.
fn generate(data: &Path, out: &Path) -> rules::Checked<()> {
    let (datasets, known) = datasets::generate(data)?;
    write(&out.join("data_gen.rs"), &datasets)?;
    write(&out.join("tour_gen.rs"), &tour::generate(data, &known)?)?;
    let (points, shapes) = geo::generate(data)?;
    write(&out.join("points_gen.rs"), &points)?;
    write(&out.join("shapes_gen.rs"), &shapes)
}

fn write(path: &Path, code: &str) -> rules::Checked<()> {
    std::fs::write(path, code).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The text of a data file; `rel` is its path under `data/`.
pub fn read(data: &Path, rel: &str) -> rules::Checked<String> {
    std::fs::read_to_string(data.join(rel)).map_err(|e| format!("data/{rel}: {e}"))
}

/// A CSV file under `data/`, read into a table.
pub fn table(data: &Path, rel: &str) -> rules::Checked<rules::Table> {
    rules::Table::parse(&format!("data/{rel}"), &read(data, rel)?)
}
