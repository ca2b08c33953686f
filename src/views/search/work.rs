//! A count of the matcher's work, so native tests can bound it without timing it: each elementary
//! step adds to the count — a character folded, a byte of a text scanned or compared while finding
//! a needle, a cell of an edit distance, an alias key compared, a field scored, a highlight placed.
//!
//! Layer: views (search). Counted in the library's own tests only (per thread, as tests run in
//! parallel); in every other build [`add`] does nothing and costs nothing.

#[cfg(test)]
thread_local! {
    static WORK: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Count `n` steps of work.
#[inline(always)]
pub fn add(n: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps counted on this thread since the last call, and a fresh count.
#[cfg(test)]
pub fn take() -> u64 {
    WORK.with(|w| w.replace(0))
}
