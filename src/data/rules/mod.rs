//! The rules every file under `data/` must follow, shared by the build script and the native tests.
//!
//! Layer: data. `build/main.rs` includes this folder (and `../parse.rs`) with `#[path]`, reads the
//! files, and turns what these functions return into the app's typed statics; a broken rule stops
//! the build with the message these functions give, naming the file, the line and the column. The
//! library compiles the same module so that each rule has unit tests with malformed fixtures. Pure
//! functions over text: no file system, no drawing, no UI.

// Siblings of this folder in both homes: `crate::data::parse` in the library, `crate::parse` in the
// build script.
use super::parse;

pub mod aliases;
#[cfg(not(target_arch = "wasm32"))]
pub mod catalogue;
pub mod countries;
pub mod dataset;
pub mod figure;
pub mod footnotes;
pub mod geo;
pub mod glossary;
pub mod notes;
pub mod period;
pub mod table;
pub mod tour;
pub mod units;

pub use table::Table;

/// A rule's verdict: the value, or a message naming file, line and column.
pub type Checked<T> = Result<T, String>;

/// A text in both languages, as read from a file.
pub type Pair = (String, String);
