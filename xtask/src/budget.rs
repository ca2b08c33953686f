//! The size budget: `xtask/budget.toml` holds the most brotli bytes the shipped site may weigh;
//! `cargo xtask test` measures the release build right after building it and fails above it.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::bench::sizes::{self, bytes};
use crate::util::{self, step};

/// The budget file's contents.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The most bytes the shipped files may weigh together, each compressed with brotli.
    pub max_brotli_bytes: u64,
}

/// Where the budget is written.
pub fn path() -> PathBuf {
    util::root().join("xtask").join("budget.toml")
}

/// Reads `xtask/budget.toml`.
pub fn read() -> util::Result<Budget> {
    let path = path();
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses the budget file's text.
pub fn parse(text: &str) -> Result<Budget, String> {
    toml::from_str(text).map_err(|e| e.message().to_string())
}

/// The verdict on a shipped brotli total: `Ok` with a line saying how much is left, or `Err` with a
/// message giving the figures, the excess and what to do.
pub fn verdict(total_brotli: u64, budget: &Budget) -> Result<String, String> {
    let max = budget.max_brotli_bytes;
    if total_brotli <= max {
        Ok(format!(
            "size budget: the shipped brotli total {} B is within the budget of {} B ({} B to spare; xtask/budget.toml)",
            bytes(total_brotli),
            bytes(max),
            bytes(max - total_brotli)
        ))
    } else {
        Err(format!(
            "size budget exceeded: the shipped brotli total is {} B, over the budget of {} B by {} B \
             (xtask/budget.toml). Make the site smaller (`cargo xtask bench` lists every file), or raise \
             the budget in a commit that says why.",
            bytes(total_brotli),
            bytes(max),
            bytes(total_brotli - max)
        ))
    }
}

/// Prints the verdict on a shipped brotli total without failing (the bench reports, the test layer
/// judges).
pub fn report(total_brotli: u64) -> util::Result {
    match verdict(total_brotli, &read()?) {
        Ok(line) | Err(line) => println!("    {line}"),
    }
    Ok(())
}

/// The first entry of the standard library's table of cached powers of ten (Grisu), as it lies in a
/// module's data: present exactly when the module carries the standard library's float formatting.
const FLOAT_FORMATTING: [u8; 8] = 0xe61a_cf03_3d1a_45df_u64.to_le_bytes();

/// `Err` with what to do when `module` (a built `.wasm`) carries the standard library's float
/// formatting, which one `{}`, `{:?}` or `{:.N}` on an `f64` (or one `f64::clamp`) brings back:
/// about 8 KB of brotli.
pub fn no_float_formatting(name: &str, module: &[u8]) -> Result<(), String> {
    if module.windows(FLOAT_FORMATTING.len()).any(|w| w == FLOAT_FORMATTING) {
        Err(format!(
            "{name} carries the standard library's float formatting (about 8 KB of brotli): some code that \
             reaches the page formats an f64 with {{}}, {{:?}} or {{:.N}}, or calls f64::clamp. Use \
             data::float_text (fixed, trimmed, shortest) and float::Within instead."
        ))
    } else {
        Ok(())
    }
}

/// Measures the built site in `dir`, prints its files and fails when the total is over budget or
/// the module carries the standard library's float formatting.
pub fn check(dir: &Path) -> util::Result {
    let budget = read()?;
    for entry in fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?.path();
        if path.extension().is_some_and(|x| x == "wasm") {
            let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            no_float_formatting(&path.display().to_string(), &bytes)?;
        }
    }
    step(&format!("measuring {} against the size budget", dir.display()));
    let files = sizes::shipped(dir)?;
    for (name, s) in &files {
        println!("    {name:<48} {:>10} B brotli", bytes(s.brotli));
    }
    let line = verdict(sizes::total(&files).brotli, &budget)?;
    println!("    {line}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUDGET: Budget = Budget { max_brotli_bytes: 335_000 };

    #[test]
    fn a_site_under_or_at_the_budget_passes_and_says_what_is_left() {
        assert_eq!(
            verdict(323_456, &BUDGET).unwrap(),
            "size budget: the shipped brotli total 323,456 B is within the budget of 335,000 B (11,544 B to spare; xtask/budget.toml)"
        );
        assert!(verdict(335_000, &BUDGET).is_ok(), "exactly the budget is allowed");
    }

    #[test]
    fn a_module_with_the_float_formatting_table_fails_and_says_what_to_use() {
        let mut module = vec![0u8; 64];
        assert!(no_float_formatting("m.wasm", &module).is_ok());
        module.splice(20..20, 0xe61a_cf03_3d1a_45df_u64.to_le_bytes());
        let e = no_float_formatting("m.wasm", &module).unwrap_err();
        assert!(e.starts_with("m.wasm carries the standard library's float formatting"), "{e}");
        assert!(e.contains("data::float_text") && e.contains("float::Within"), "{e}");
    }

    #[test]
    fn a_site_over_the_budget_fails_with_the_figures() {
        let e = verdict(340_001, &BUDGET).unwrap_err();
        assert!(
            e.starts_with(
                "size budget exceeded: the shipped brotli total is 340,001 B, over the budget of 335,000 B by 5,001 B"
            ),
            "{e}"
        );
        assert!(e.contains("xtask/budget.toml"), "{e}");
    }

    #[test]
    fn the_budget_file_is_read_with_underscores_and_comments_and_nothing_else() {
        assert_eq!(parse("# a comment\nmax_brotli_bytes = 335_000\n"), Ok(Budget { max_brotli_bytes: 335_000 }));
        assert!(parse("max_brotli_bytes = \"335 KB\"\n").is_err());
        assert!(parse("max_brotli_byte = 335000\n").unwrap_err().contains("unknown field"));
        assert!(parse("").is_err(), "the budget must be given");
    }

    /// The figure as the budget file's history writes it: kilobytes of 1000 B, decimals only
    /// where needed (`367.5 KB`, `333 KB`).
    fn in_kb(bytes: u64) -> String {
        let kb = format!("{}.{:03}", bytes / 1000, bytes % 1000);
        format!("{} KB", kb.trim_end_matches('0').trim_end_matches('.'))
    }

    #[test]
    fn kilobytes_are_written_with_the_decimals_they_need() {
        assert_eq!(in_kb(367_500), "367.5 KB");
        assert_eq!(in_kb(333_000), "333 KB");
        assert_eq!(in_kb(392_850), "392.85 KB");
    }

    #[test]
    fn the_repositorys_budget_reads_and_its_history_records_the_current_figure() {
        let text = fs::read_to_string(path()).unwrap();
        let b = parse(&text).unwrap();
        let history: Vec<&str> =
            text.lines().filter_map(|l| l.strip_prefix('#')).flat_map(str::split_whitespace).collect();
        let history = history.join(" ");
        let figure = in_kb(b.max_brotli_bytes);
        assert!(
            history.contains(&figure),
            "xtask/budget.toml sets {} B, but its history never names {figure}: say in the file why the budget moved",
            bytes(b.max_brotli_bytes)
        );
    }
}
