//! The size section of `bench` (and the measuring behind the budget check): every shipped file's raw,
//! gzip (level 9) and brotli (quality 11, window 22) size and the totals, for one build or two side by
//! side. It knows nothing of the budget: `budget` reads these figures, not the other way round.

use std::fs;
use std::path::Path;
use std::thread;

use crate::encoding::Encoding;
use crate::util::{self, files_under, step};

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

/// The data package's folder: downloaded only when a reader asks for it (reported on its own line).
const ON_DEMAND: &str = "data/";

/// The print edition's folder (`<lang>.html`: the cover and the appendix): read only when a reader
/// prints the whole atlas, in the reader's language; not part of the load (reported on its own line).
const ON_PRINT: &str = "print/";

/// The shipped files of a built site, each measured (files in parallel), sorted by name.
pub fn shipped(dir: &Path) -> util::Result<Vec<(String, Sizes)>> {
    let files: Vec<_> = files_under(dir)?
        .into_iter()
        .filter(|(rel, _)| {
            !NOT_SHIPPED.contains(&rel.as_str()) && !rel.starts_with(ON_DEMAND) && !rel.starts_with(ON_PRINT)
        })
        .collect();
    if files.is_empty() {
        return Err(format!("{} has no files: build the site first", dir.display()));
    }
    thread::scope(|s| {
        let jobs: Vec<_> = files
            .iter()
            .map(|(rel, path)| {
                s.spawn(move || {
                    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    Ok((rel.clone(), measure(&bytes)))
                })
            })
            .collect();
        jobs.into_iter().map(|j| j.join().expect("a measuring thread panicked")).collect()
    })
}

/// The sum of the files' sizes.
pub fn total(files: &[(String, Sizes)]) -> Sizes {
    let mut t = Sizes::default();
    for (_, s) in files {
        t += *s;
    }
    t
}

/// A file name with Trunk's content hash replaced by `*`, so the same file of two builds pairs up:
/// `trade-atlas-3f2a…9c_bg.wasm` → `trade-atlas-*_bg.wasm`.
pub fn without_hash(name: &str) -> String {
    let mut out = String::new();
    let mut rest = name;
    while let Some(i) = rest.find('-') {
        out.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        let ends = rest[hex..].is_empty() || rest[hex..].starts_with(['.', '_', '-']);
        if hex >= 8 && ends {
            out.push('*');
            rest = &rest[hex..];
        }
    }
    out.push_str(rest);
    out
}

/// A number of bytes with thousands separators.
pub fn bytes(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Prints the size table of each build (one, or before and after side by side) and returns the total
/// of the last one. `builds` are (label, directory).
pub fn report(builds: &[(&str, &Path)]) -> util::Result<Sizes> {
    let mut measured = Vec::new();
    for (label, dir) in builds {
        step(&format!("shipped sizes of {label}: {}", dir.display()));
        let files = shipped(dir)?;
        if let Ok(single) = fs::read(dir.join("trade-atlas.html")) {
            let s = measure(&single);
            println!(
                "    single-file edition trade-atlas.html: {} B raw, {} B gzip, {} B brotli (not counted below)",
                bytes(s.raw),
                bytes(s.gzip),
                bytes(s.brotli)
            );
        }
        if let Ok(data) = files_under(&dir.join(ON_DEMAND)) {
            let size = |p: &Path| fs::metadata(p).map_or(0, |m| m.len());
            let (zip, rest): (Vec<_>, Vec<_>) = data.iter().partition(|(rel, _)| rel.ends_with(".zip"));
            println!(
                "    data package {ON_DEMAND}: {} files, {} B; its zip {} B (on demand, not counted below)",
                rest.len(),
                bytes(rest.iter().map(|(_, p)| size(p)).sum()),
                bytes(zip.iter().map(|(_, p)| size(p)).sum())
            );
        }
        if let Ok(print) = files_under(&dir.join(ON_PRINT)) {
            for (rel, path) in print {
                let s = measure(&fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?);
                println!(
                    "    print edition {ON_PRINT}{rel}: {} B raw, {} B brotli (read when a reader prints, in its language; not counted below)",
                    bytes(s.raw),
                    bytes(s.brotli)
                );
            }
        }
        measured.push((*label, files));
    }
    print_table(&measured);
    let (_, last) = measured.last().expect("at least one build");
    Ok(total(last))
}

/// One row per file name (hashes ignored), with raw / gzip / brotli per build.
fn print_table(builds: &[(&str, Vec<(String, Sizes)>)]) {
    let mut names: Vec<String> = Vec::new();
    for (_, files) in builds {
        for (rel, _) in files {
            let n = without_hash(rel);
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names.sort();
    let width = names.iter().map(String::len).max().unwrap_or(4).max(5);
    let cell = |s: Option<Sizes>| match s {
        Some(s) => format!("{:>10} {:>10} {:>10}", bytes(s.raw), bytes(s.gzip), bytes(s.brotli)),
        None => format!("{:>10} {:>10} {:>10}", "—", "—", "—"),
    };
    let mut header = format!("    {:<width$}", "file (bytes)");
    let mut sub = format!("    {:<width$}", "");
    for (label, _) in builds {
        header.push_str(&format!("  {label:^32}"));
        sub.push_str(&format!("  {:>10} {:>10} {:>10}", "raw", "gzip", "brotli"));
    }
    println!("{header}\n{sub}");
    for name in &names {
        let mut line = format!("    {name:<width$}");
        for (_, files) in builds {
            let matching: Vec<(String, Sizes)> =
                files.iter().filter(|(rel, _)| &without_hash(rel) == name).cloned().collect();
            line.push_str(&format!("  {}", cell((!matching.is_empty()).then(|| total(&matching)))));
        }
        println!("{line}");
    }
    let mut line = format!("    {:<width$}", "total");
    for (_, files) in builds {
        line.push_str(&format!("  {}", cell(Some(total(files)))));
    }
    println!("{line}");
    if let [(_, before), (_, after)] = builds {
        let (b, a) = (total(before).brotli as i64, total(after).brotli as i64);
        let pct = if b == 0 { 0.0 } else { 100.0 * (a - b) as f64 / b as f64 };
        println!("    brotli total: {} B → {} B ({:+} B, {pct:+.1}%)", bytes(b as u64), bytes(a as u64), a - b);
    }
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

    #[test]
    fn trunks_content_hashes_are_left_out_of_file_names() {
        assert_eq!(without_hash("trade-atlas-4b1f0c2d9e8a7b6c_bg.wasm"), "trade-atlas-*_bg.wasm");
        assert_eq!(without_hash("trade-atlas-4b1f0c2d9e8a7b6c.js"), "trade-atlas-*.js");
        assert_eq!(without_hash("tokens-0123456789abcdef.css"), "tokens-*.css");
        assert_eq!(without_hash("index.html"), "index.html");
        assert_eq!(without_hash("trade-atlas.html"), "trade-atlas.html", "a word is not a hash");
        assert_eq!(without_hash("a-deadbeefcafe-b.txt"), "a-*-b.txt");
    }

    #[test]
    fn the_data_package_the_print_edition_and_the_single_file_do_not_count_as_shipped() {
        let dir = std::env::temp_dir().join(format!("atlas-sizes-{}", std::process::id()));
        fs::create_dir_all(dir.join("data")).unwrap();
        fs::create_dir_all(dir.join("print")).unwrap();
        let files =
            ["index.html", "trade-atlas.html", "404.html", "data/datapackage.json", "data/trade-atlas-data.zip"];
        for f in files.into_iter().chain(["print/en.html", "print/zh.html"]) {
            fs::write(dir.join(f), "x").unwrap();
        }
        let names: Vec<String> = shipped(&dir).unwrap().into_iter().map(|(n, _)| n).collect();
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(names, ["index.html"]);
    }

    #[test]
    fn byte_counts_carry_thousands_separators() {
        assert_eq!(bytes(0), "0");
        assert_eq!(bytes(999), "999");
        assert_eq!(bytes(335_000), "335,000");
        assert_eq!(bytes(1_234_567), "1,234,567");
    }
}
