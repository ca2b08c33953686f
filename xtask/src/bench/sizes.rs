//! The size section of `bench`: every shipped file's raw, gzip (best) and brotli
//! (quality 11, window 22) size, the totals, and the site's brotli budget.

use std::fs;
use std::path::Path;

use crate::encoding::Encoding;
use crate::util::{self, files_under, step};

/// The goal: the whole shipped site under 300 KB (300,000 bytes) brotli.
pub const BROTLI_BUDGET: u64 = 300_000;

/// One file's sizes in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, o: Sizes) {
        self.raw += o.raw;
        self.gzip += o.gzip;
        self.brotli += o.brotli;
    }
}

/// Measures `bytes` raw, gzipped and brotli-compressed.
pub fn measure(bytes: &[u8]) -> Sizes {
    Sizes {
        raw: bytes.len() as u64,
        gzip: Encoding::Gzip.encode(bytes).len() as u64,
        brotli: Encoding::Brotli.encode(bytes).len() as u64,
    }
}

/// Files that are not part of the site a reader downloads: the deep-link redirect page and the
/// single-file edition (which repeats the whole site; reported on its own line).
const NOT_SHIPPED: [&str; 2] = ["404.html", "trade-atlas.html"];

/// Prints the size table of the site in `dir` and returns the totals.
pub fn report(dir: &Path) -> util::Result<Sizes> {
    step(&format!("shipped sizes of {}", dir.display()));
    let all = files_under(dir)?;
    if let Some((_, single)) = all.iter().find(|(rel, _)| rel == "trade-atlas.html") {
        let bytes = fs::read(single).map_err(|e| format!("cannot read {}: {e}", single.display()))?;
        let s = measure(&bytes);
        println!(
            "    single-file edition trade-atlas.html: {} B raw, {} B gzip, {} B brotli (not counted below)",
            s.raw, s.gzip, s.brotli
        );
    }
    let files: Vec<_> = all.into_iter().filter(|(rel, _)| !NOT_SHIPPED.contains(&rel.as_str())).collect();
    if files.is_empty() {
        return Err(format!("{} has no files: build the site first", dir.display()));
    }
    let width = files.iter().map(|(r, _)| r.len()).max().unwrap_or(4).max(5);
    println!("    {:<width$}  {:>10}  {:>10}  {:>10}", "file", "raw", "gzip", "brotli");
    let mut total = Sizes::default();
    let mut wasm = Sizes::default();
    for (rel, path) in &files {
        let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let s = measure(&bytes);
        println!("    {rel:<width$}  {:>10}  {:>10}  {:>10}", s.raw, s.gzip, s.brotli);
        total += s;
        if rel.ends_with(".wasm") {
            wasm += s;
        }
    }
    println!("    {:<width$}  {:>10}  {:>10}  {:>10}", "total", total.raw, total.gzip, total.brotli);
    println!();
    let pct = |part: u64, whole: u64| {
        if whole == 0 {
            0.0
        } else {
            100.0 * part as f64 / whole as f64
        }
    };
    println!(
        "    wasm: {} B raw, {} B gzip, {} B brotli = {:.1}% of the site's brotli bytes",
        wasm.raw,
        wasm.gzip,
        wasm.brotli,
        pct(wasm.brotli, total.brotli)
    );
    let kb = |b: u64| b as f64 / 1000.0;
    let verdict = if total.brotli < BROTLI_BUDGET {
        format!("MET ({:.1} KB, {:.1} KB to spare)", kb(total.brotli), kb(BROTLI_BUDGET - total.brotli))
    } else {
        format!("NOT MET ({:.1} KB, {:.1} KB over)", kb(total.brotli), kb(total.brotli - BROTLI_BUDGET))
    };
    println!("    goal: the whole shipped site under {:.0} KB brotli (1 KB = 1000 B): {verdict}", kb(BROTLI_BUDGET));
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compresses_repetitive_input() {
        let s = measure(&b"trade atlas ".repeat(1000));
        assert_eq!(s.raw, 12_000);
        assert!(s.gzip < 200 && s.brotli < 100, "{s:?}");
    }
}
