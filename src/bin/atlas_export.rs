//! Native exporter: every chart as SVG (with its title and description, as the app's download),
//! every dataset as CSV, from the same library the app uses.
//!
//! `cargo run --bin atlas-export -- --out exports [--lang zh|en] [--theme light|dark] [--width 720]`

use std::path::PathBuf;
use trade_atlas::chart::View;
use trade_atlas::chart::{svg, Mode, Theme};
use trade_atlas::data::{export, Lang, DATASETS};
use trade_atlas::views::export::description;
use trade_atlas::views::{build, build::frame, Built, CHARTS};

fn main() {
    let mut out = PathBuf::from("exports");
    let mut langs = vec![Lang::Zh, Lang::En];
    let mut mode = Mode::Light;
    let mut width = 720u32;
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
            "--width" => width = val().parse().unwrap_or_else(|_| usage("--width takes a number of pixels")),
            "--help" | "-h" => usage(""),
            other => usage(&format!("unknown argument {other}")),
        }
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

fn usage(msg: &str) -> ! {
    if !msg.is_empty() {
        eprintln!("error: {msg}");
    }
    eprintln!("usage: atlas-export [--out DIR] [--lang zh|en] [--theme light|dark] [--width PX]");
    std::process::exit(if msg.is_empty() { 0 } else { 2 });
}
