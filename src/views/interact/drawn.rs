//! The cells behind a drawn chart or map layer, row by row: which cell a pointer or key reaches,
//! which rows carry an entity, and which entity a row selects.
//!
//! Layer: views. Built once per spec; the UI asks it questions and never walks the references
//! itself.

use crate::views::{CellRef, RowExtra, RowRef};

/// Per drawn row: the cell behind each series (`None` where the row draws nothing for it), plus
/// what a row without cells stands for (a market named in a list, a route's heading).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Drawn {
    cells: Vec<Vec<Option<CellRef>>>,
    extra: Vec<RowExtra>,
}

impl Drawn {
    /// Rows of cells; `extra` may be shorter (rows without extras get the default).
    pub fn new(cells: Vec<Vec<Option<CellRef>>>, mut extra: Vec<RowExtra>) -> Drawn {
        extra.resize(cells.len().max(extra.len()), RowExtra::default());
        Drawn { cells, extra }
    }

    /// Rows of cells and nothing else.
    pub fn from_cells(cells: Vec<Vec<Option<CellRef>>>) -> Drawn {
        Drawn::new(cells, Vec::new())
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The cells of every row, in drawing order.
    pub fn rows(&self) -> &[Vec<Option<CellRef>>] {
        &self.cells
    }

    /// The cells of one row (empty for a row without cells or out of range).
    pub fn row(&self, row: usize) -> &[Option<CellRef>] {
        self.cells.get(row).map_or(&[], Vec::as_slice)
    }

    /// The tooltip heading of a row that has one (a route's full name).
    pub fn head(&self, row: usize) -> Option<&str> {
        self.extra.get(row).and_then(|e| e.head.as_deref())
    }

    /// The dataset row a cell-less row stands for.
    pub fn row_ref(&self, row: usize) -> Option<RowRef> {
        self.extra.get(row).and_then(|e| e.row)
    }

    /// The cell behind a row (and series), falling back to the row's first visible cell; the
    /// other visible cells of the row come second. Hidden series are never reported.
    pub fn cell_at(&self, row: usize, series: Option<usize>, hidden: &[usize]) -> Option<(CellRef, Vec<CellRef>)> {
        let r = self.cells.get(row)?;
        let visible = |j: &usize| !hidden.contains(j) && r.get(*j).is_some_and(Option::is_some);
        let s = series.filter(visible).or_else(|| (0..r.len()).find(visible))?;
        let main = r[s]?;
        let others = (0..r.len()).filter(|j| *j != s && visible(j)).filter_map(|j| r[j]).collect();
        Some((main, others))
    }

    /// Rows that contain the entity (what a linked selection lights up).
    pub fn rows_with(&self, entity: &str) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| {
                self.cells[i].iter().flatten().any(|c| c.row.entities.contains(&entity))
                    || self.row_ref(i).is_some_and(|r| r.row.entities.contains(&entity))
            })
            .collect()
    }

    /// The entity a row selects: the first entity of its cells' rows, else of the dataset row it
    /// stands for. Pointer, touch and keyboard all ask this one question.
    pub fn entity_of(&self, row: usize) -> Option<&'static str> {
        self.row(row)
            .iter()
            .flatten()
            .find_map(|c| c.row.entities.first().copied())
            .or_else(|| self.row_ref(row).and_then(|r| r.row.entities.first().copied()))
    }
}

/// The drawn cells of a canvas chart of the catalogue, built in `lang` (for tests).
#[cfg(test)]
pub(crate) fn drawn_of(id: &str, lang: crate::data::Lang) -> Drawn {
    match crate::views::build(crate::views::chart(id).unwrap(), lang) {
        crate::views::Built::Canvas { drawn, .. } => drawn,
        _ => panic!("{id} is a canvas chart"),
    }
}

#[cfg(test)]
mod tests {
    use super::drawn_of as drawn;
    use crate::data::Lang;

    #[test]
    fn a_selected_country_is_found_in_every_chart_that_shows_it() {
        let d = drawn("partners-exports", Lang::Zh);
        assert_eq!(d.rows_with("RUS"), vec![3]);
        assert_eq!(d.entity_of(0), Some("USA"));
        let d = drawn("economies-change", Lang::En);
        assert_eq!(d.rows_with("USA").len(), 1);
        assert!(d.rows_with("RUS").is_empty());
    }

    #[test]
    fn a_row_without_cells_selects_the_entity_of_the_row_it_stands_for() {
        // The e-commerce layer's fastest-growing markets have no figure, only a named row: the
        // keyboard path once selected nothing for them while a click worked.
        let d = drawn("map-ecommerce", Lang::En);
        let i = (0..d.len()).find(|&i| d.row(i).iter().all(Option::is_none)).expect("a cell-less market");
        let want = d.row_ref(i).unwrap().row.entities[0];
        assert_eq!(d.entity_of(i), Some(want));
        assert!(d.rows_with(want).contains(&i));
    }

    #[test]
    fn a_hidden_series_is_never_reported_and_the_row_falls_back_to_a_visible_one() {
        // The headline dumbbell draws two series per row: growth in yuan and in dollars.
        let d = drawn("headline-growth", Lang::En);
        let (yuan, dollar) = (d.row(0)[0].unwrap(), d.row(0)[1].unwrap());
        assert_eq!(d.cell_at(0, Some(1), &[]), Some((dollar, vec![yuan])));
        assert_eq!(d.cell_at(0, Some(0), &[0]), Some((dollar, vec![])), "series 0 is hidden");
        assert_eq!(d.cell_at(0, None, &[]), Some((yuan, vec![dollar])));
        assert!(d.cell_at(999, None, &[]).is_none());
    }
}
