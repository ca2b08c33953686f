//! One compiled sort for every ordering in the crate: orders are computed on indices through a
//! comparison passed by reference, so the sort algorithm is compiled once rather than once per
//! comparison (a dozen copies in the WebAssembly module otherwise).
//!
//! Layer: chart (used by the views layer too). Stable: equal items keep their order.

use std::cmp::Ordering;

/// Sort indices by a comparison.
pub fn sort_indices(idx: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

/// The indices `0..n` in the order of a comparison.
pub fn ordered(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    sort_indices(&mut idx, cmp);
    idx
}

/// `items` rearranged in the order of a comparison of their indices.
pub fn reorder<T>(items: Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = ordered(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_follow_the_comparison_and_ties_keep_their_order() {
        let xs = [3.0f64, 1.0, 2.0, 1.0];
        assert_eq!(ordered(4, &|a, b| xs[a].total_cmp(&xs[b])), vec![1, 3, 2, 0]);
        assert_eq!(reorder(vec!["c", "a", "b"], &|a, b| a.cmp(b)), vec!["a", "b", "c"]);
    }
}
