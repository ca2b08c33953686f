//! Look-ups over the compiled datasets: by id, row, column and note.
//!
//! Layer: data. Read-only helpers on the generated statics.

use super::model::{Cell, Column, Dataset, Note, Row, Unit};
use super::{DATASETS, SECTIONS, UNITS};

/// A dataset by id. Every id used by the chart catalogue is checked by a native test.
pub fn dataset(id: &str) -> Option<&'static Dataset> {
    DATASETS.iter().find(|d| d.id == id)
}

/// A unit by id.
pub fn unit(id: &str) -> Option<&'static Unit> {
    UNITS.iter().copied().find(|u| u.id == id)
}

/// The datasets of one page section, in catalogue order.
pub fn datasets_in(page: &str) -> impl Iterator<Item = &'static Dataset> + '_ {
    DATASETS.iter().filter(move |d| d.page == page)
}

/// A page section by id.
pub fn section(id: &str) -> Option<&'static super::model::Section> {
    SECTIONS.iter().find(|s| s.id == id)
}

impl Dataset {
    pub fn row(&self, key: &str) -> Option<&'static Row> {
        self.rows.iter().find(|r| r.key == key)
    }

    pub fn column_index(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }

    pub fn column(&self, id: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn note(&self, id: &str) -> Option<&'static Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// Notes that concern a whole dataset (marked `*`).
    pub fn dataset_notes(&self) -> impl Iterator<Item = &'static Note> {
        self.notes.iter().filter(|n| n.cells.contains(&"*"))
    }

    /// Notes that mark one cell (or its whole row).
    pub fn cell_notes<'a>(&'a self, row: &'a str, col: &'a str) -> impl Iterator<Item = &'static Note> + 'a {
        self.notes.iter().filter(move |n| {
            n.cells.iter().any(|c| match c.split_once(':') {
                Some((r, c)) => r == row && c == col,
                None => *c == row,
            })
        })
    }
}

impl Row {
    pub fn cell(&self, ds: &Dataset, col: &str) -> Option<&'static Cell> {
        ds.column_index(col).and_then(|i| self.cells.get(i))
    }
}
