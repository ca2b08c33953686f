//! The native exporter (`atlas-export`): every chart as an SVG that says what it shows, every
//! dataset as CSV, and a clear message for a bad argument.

use std::path::PathBuf;
use std::process::Command;

fn exporter() -> Command {
    Command::new(env!("CARGO_BIN_EXE_atlas-export"))
}

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-export-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn every_chart_is_written_as_svg_with_its_title_and_description_and_every_dataset_as_csv() {
    let dir = out_dir("all");
    let run = exporter().args(["--out", dir.to_str().unwrap(), "--lang", "en"]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let files: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    let svgs = files.iter().filter(|f| f.ends_with(".en.svg")).count();
    let canvases = trade_atlas::views::CHARTS.iter().filter(|c| c.kind.is_canvas()).count();
    assert_eq!(svgs, canvases, "one SVG per drawn chart and map layer: {files:?}");
    assert_eq!(files.iter().filter(|f| f.ends_with(".en.csv")).count(), trade_atlas::data::DATASETS.len());

    let svg = std::fs::read_to_string(dir.join("partners-exports.en.svg")).unwrap();
    assert!(svg.contains("<title>Table 3: China&apos;s ten main trading partners</title>"), "{}", &svg[..400]);
    assert!(
        svg.contains("<desc>") && svg.contains("US$664.451 billion"),
        "the description names the leader as printed"
    );
    let csv = std::fs::read(dir.join("partners.en.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "CSV starts with a UTF-8 BOM so Excel reads it");
    assert!(String::from_utf8_lossy(&csv).contains("6644.51"), "Table 3's US value as printed");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_argument_or_language_is_refused_with_the_usage() {
    for args in [&["--colour", "red"][..], &["--lang", "fr"][..], &["--width", "wide"][..]] {
        let run = exporter().args(args).output().unwrap();
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.starts_with("error: ") && err.contains("usage: atlas-export"), "{args:?}: {err}");
    }
}
