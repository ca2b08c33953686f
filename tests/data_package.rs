//! `atlas-export --package DIR`: the data package written as files and as a zip that opens, holds
//! exactly those files, and comes out byte for byte the same from the same data.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::path::PathBuf;
use std::process::Command;

fn write_package(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-package-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let run = Command::new(env!("CARGO_BIN_EXE_atlas-export")).arg("--package").arg(&dir).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(said.contains("datapackage.json") && said.contains("trade-atlas-data.zip"), "{said}");
    dir
}

#[test]
fn the_zip_opens_and_holds_the_descriptor_and_every_csv_as_written() {
    let dir = write_package("zip");
    let files = trade_atlas::data::package::files();
    for (name, text) in &files {
        assert_eq!(&std::fs::read_to_string(dir.join(name)).unwrap(), text, "{name} as the library makes it");
    }
    let mut zip = zip::ZipArchive::new(std::fs::File::open(dir.join("trade-atlas-data.zip")).unwrap()).unwrap();
    let names: Vec<String> = (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().unwrap().to_string()).collect();
    let expected: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), expected.len(), "{names:?}");
    assert!(expected.iter().all(|n| names.iter().any(|m| m == n)), "{names:?}");
    assert_eq!(names[0], "datapackage.json", "the descriptor comes first, at the root");
    for (name, text) in &files {
        let mut entry = zip.by_name(name).unwrap();
        assert_eq!(entry.compression(), zip::CompressionMethod::Deflated, "{name}");
        let mut got = String::new();
        entry.read_to_string(&mut got).unwrap();
        assert_eq!(&got, text, "{name} in the zip");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_same_data_gives_the_same_zip() {
    let (a, b) = (write_package("again-a"), write_package("again-b"));
    let read = |d: &PathBuf| std::fs::read(d.join("trade-atlas-data.zip")).unwrap();
    assert!(read(&a) == read(&b), "two runs wrote different zips");
    let _ = std::fs::remove_dir_all(&a);
    let _ = std::fs::remove_dir_all(&b);
}
