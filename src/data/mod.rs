//! The data layer: every dataset of the paper, typed, with provenance.
//!
//! The build script (`build/`) validates `data/` and generates the statics included here; `model`
//! holds the types, `parse` and `rules` the reading and validation rules the build script shares
//! with the native tests, `format` the number formatting per language, `case` letter case,
//! `registry` the look-ups, `export` one dataset as CSV and `package` all of them as a data package.
//! Nothing in this layer knows about drawing or the UI.

pub mod case;
pub mod export;
pub mod float_text;
pub mod format;
pub mod model;
pub mod package;
pub mod parse;
pub mod registry;
pub mod rules;

pub use model::*;

mod generated {
    #![allow(clippy::all)]
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/data_gen.rs"));
}

pub use generated::{ALIASES, DATASETS, FOOTNOTES, GLOSSARY, PAPER, SECTIONS, UNITS};
