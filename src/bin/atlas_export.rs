//! Native exporter: every chart as SVG (with its title and description, as the app's download),
//! every dataset as CSV, from the same library the app uses; or, with `--package DIR`, the whole
//! dataset as a Frictionless Data Package (`datapackage.json` beside one CSV per dataset) and its
//! zip, as `cargo xtask dist` publishes it in `dist/data/`; or, with `--print DIR`, the print
//! edition's markup in each language (`views::print::edition_html`: the cover and the appendix,
//! which the page reads from `dist/print/` only when it prints the whole atlas).
//!
//! `cargo run --bin atlas-export -- --out exports [--lang zh|en] [--theme light|dark] [--width 720]`
//! `cargo run --bin atlas-export -- --package dist/data`
//! `cargo run --bin atlas-export -- --print dist/print`

use std::path::{Path, PathBuf};
use trade_atlas::chart::View;
use trade_atlas::chart::{svg, Mode, Theme};
use trade_atlas::data::{export, package, Lang, DATASETS};
use trade_atlas::views::export::description;
use trade_atlas::views::{build, build::frame, Built, CHARTS};

fn main() {
    let mut out = PathBuf::from("exports");
    let mut langs = vec![Lang::Zh, Lang::En];
    let mut mode = Mode::Light;
    let mut width = 720u32;
    let mut package_dir = None;
    let mut print_dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| usage(&format!("{a} needs a value")));
        match a.as_str() {
            "--out" => out = PathBuf::from(val()),
            "--lang" => {
                langs = match val().as_str() {
                    "zh" => vec![Lang::Zh],
                    "en" => vec![Lang::En],
                    other => usage(&format!("unknown language {other}")),
                }
            }
            "--theme" => {
                mode = match val().as_str() {
                    "light" => Mode::Light,
                    "dark" => Mode::Dark,
                    other => usage(&format!("unknown theme {other}")),
                }
            }
            "--package" => package_dir = Some(PathBuf::from(val())),
            "--print" => print_dir = Some(PathBuf::from(val())),
            "--width" => width = val().parse().unwrap_or_else(|_| usage("--width takes a number of pixels")),
            "--help" | "-h" => usage(""),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    if let Some(dir) = print_dir {
        write_print(&dir);
        return;
    }
    if let Some(dir) = package_dir {
        write_package(&dir);
        return;
    }
    std::fs::create_dir_all(&out).unwrap_or_else(|e| usage(&format!("cannot create {}: {e}", out.display())));
    let theme = Theme::for_mode(mode);
    let mut n = 0;
    for def in CHARTS {
        for &lang in &langs {
            let built = build(def, lang);
            if let Built::Canvas { spec, .. } = &built {
                // As the app's SVG download: the file says what it shows, in <title> and <desc>.
                let desc = description(def, &built, lang);
                let about = svg::About { title: def.title.get(lang), desc: &desc };
                let (doc, _) = svg::render_about(spec, &frame(def, lang), &theme, width, &View::default(), Some(about));
                let tag = if lang == Lang::Zh { "zh" } else { "en" };
                std::fs::write(out.join(format!("{}.{tag}.svg", def.id)), doc).expect("write svg");
                n += 1;
            }
        }
    }
    for ds in DATASETS {
        for &lang in &langs {
            let tag = if lang == Lang::Zh { "zh" } else { "en" };
            std::fs::write(out.join(format!("{}.{tag}.csv", ds.id)), export::csv(ds, lang)).expect("write csv");
        }
    }
    println!("wrote {n} SVG charts and {} CSV files to {}", DATASETS.len() * langs.len(), out.display());
}

/// Writes the print edition of each language into `dir` as `<lang>.html` (`zh.html`, `en.html`).
fn write_print(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| usage(&format!("cannot create {}: {e}", dir.display())));
    for lang in [Lang::Zh, Lang::En] {
        let path = dir.join(format!("{}.html", trade_atlas::views::print::edition_file(lang)));
        let html = trade_atlas::views::print::edition_html(lang);
        std::fs::write(&path, &html).unwrap_or_else(|e| usage(&format!("cannot write {}: {e}", path.display())));
        println!("wrote the {lang:?} print edition to {} ({} B)", path.display(), html.len());
    }
}

/// Writes the data package's files into `dir`, then their zip beside them.
fn write_package(dir: &Path) {
    let fail = |what: String| -> ! {
        eprintln!("error: {what}");
        std::process::exit(1)
    };
    std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(format!("cannot create {}: {e}", dir.display())));
    let files = package::files();
    for (name, text) in &files {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| fail(format!("cannot write {}: {e}", path.display())));
    }
    let zip = dir.join(package::ZIP);
    write_zip(&zip, &files).unwrap_or_else(|e| fail(format!("cannot write {}: {e}", zip.display())));
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let total: u64 = files.iter().map(|(n, _)| size(&dir.join(n))).sum();
    println!(
        "wrote the data package to {}: {} and {} CSV files ({total} B), and {} ({} B)",
        dir.display(),
        package::DESCRIPTOR,
        files.len() - 1,
        package::ZIP,
        size(&zip)
    );
}

/// The package's files in one zip, at its root as the specification places them (deflated, with
/// a fixed date so the same data gives the same bytes).
#[cfg(not(target_arch = "wasm32"))]
fn write_zip(path: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path)?);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, text) in files {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.finish()?;
    Ok(())
}

/// The exporter is a native program; built for the web it has no zip writer.
#[cfg(target_arch = "wasm32")]
fn write_zip(_: &Path, _: &[(String, String)]) -> std::io::Result<()> {
    Err(std::io::Error::other("the zip is written by the native build"))
}

fn usage(msg: &str) -> ! {
    if !msg.is_empty() {
        eprintln!("error: {msg}");
    }
    eprintln!("usage: atlas-export [--out DIR] [--lang zh|en] [--theme light|dark] [--width PX]");
    eprintln!("       atlas-export --package DIR   (the data package: datapackage.json, one CSV per dataset, the zip)");
    eprintln!("       atlas-export --print DIR     (the print edition's cover and appendix, zh.html and en.html)");
    std::process::exit(if msg.is_empty() { 0 } else { 2 });
}
