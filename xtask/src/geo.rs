//! `geo`: regenerates `data/geo/countries.txt`, the atlas's world geometry.
//!
//! Reads the npm package world-atlas (Natural Earth 1:110m countries as TopoJSON; a few small places
//! from the 1:50m file) and i18n-iso-countries (alpha-3 codes, English and Chinese names), both
//! installed into `.tools/npm` at pinned versions. The TopoJSON arcs are decoded (quantization
//! transform, delta coding, `~i` reversal), snapped to a 0.01° grid and simplified **per arc**, so
//! neighbours keep identical borders. Rings that cross the antimeridian (Russia, Fiji) are cut at
//! ±180° so they can be drawn in a plane. The file format is described in `data/geo/README.md`;
//! `src/geo/shapes.rs` decodes it.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use std::process::Command;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::bench::sizes::measure;
use crate::util::{self, npm_tools_dir, root, run, step};

pub const WORLD_ATLAS_VERSION: &str = "2.0.2";
pub const I18N_COUNTRIES_VERSION: &str = "7.14.0";

/// Grid units per degree: coordinates are stored as integer hundredths of a degree.
const GRID: i32 = 100;
/// Douglas–Peucker tolerance in grid units (0.01°): points closer than this to the simplified
/// line are dropped. 0.02° is under a pixel even at the 12× zoom limit of a 1200-px-wide map (Natural
/// Earth 1:110m is itself about 0.1° accurate, so this removes little: about 4% of the points).
const TOLERANCE: f64 = 2.0;

/// Dropped features: Antarctica (no trade of its own; it would take a fifth of the map's height).
const DROP: [&str; 1] = ["010"];

/// Places taken from the 1:50m file because they vanish at 1:110m, and why each matters.
const FROM_50M: [(&str, &str); 17] = [
    ("702", "Singapore: ASEAN member and a dataset entity"),
    ("344", "Hong Kong: a major partner of China in customs statistics"),
    ("446", "Macao: shown beside Hong Kong"),
    ("048", "Bahrain: region middle_east"),
    ("470", "Malta: EU-27"),
    ("028", "Antigua and Barbuda: region latin_america"),
    ("052", "Barbados: region latin_america"),
    ("212", "Dominica: region latin_america"),
    ("308", "Grenada: region latin_america"),
    ("659", "Saint Kitts and Nevis: region latin_america"),
    ("662", "Saint Lucia: region latin_america"),
    ("670", "Saint Vincent and the Grenadines: region latin_america"),
    ("132", "Cabo Verde: region africa"),
    ("174", "Comoros: region africa"),
    ("480", "Mauritius: region africa"),
    ("678", "Sao Tome and Principe: region africa"),
    ("690", "Seychelles: region africa"),
];

/// Features without an ISO code in world-atlas: (world-atlas name, synthetic id in the ISO
/// user-assigned range 900–999, English name, Chinese name, the country whose data colour they take).
const UNNAMED: [(&str, &str, &str, &str, &str); 3] = [
    ("N. Cyprus", "901", "Northern Cyprus", "北塞浦路斯", "CYP"),
    ("Somaliland", "902", "Somaliland", "索马里兰", "SOM"),
    ("Kosovo", "903", "Kosovo", "科索沃", "SRB"),
];

/// Name overrides by alpha-3: (English, Chinese); an empty string keeps the package's name.
/// English: the short common name where i18n-iso-countries gives a formal one first.
/// Chinese: the atlas's convention for Taiwan, Hong Kong and Macao (as in China's customs
/// statistics), and the territory's name for Western Sahara.
const NAME_OVERRIDES: [(&str, &str, &str); 25] = [
    ("USA", "United States", ""),
    ("RUS", "Russia", ""),
    ("TZA", "Tanzania", ""),
    ("COD", "DR Congo", ""),
    ("COG", "Republic of the Congo", ""),
    ("LAO", "Laos", ""),
    ("KOR", "South Korea", ""),
    ("IRN", "Iran", ""),
    ("SYR", "Syria", ""),
    ("MDA", "Moldova", ""),
    ("BRN", "Brunei", ""),
    ("FLK", "Falkland Islands", ""),
    ("CZE", "Czechia", ""),
    ("PSE", "Palestine", ""),
    ("GMB", "Gambia", ""),
    ("CHN", "China", ""),
    ("TUR", "Türkiye", ""),
    ("CIV", "Côte d'Ivoire", ""),
    ("MKD", "North Macedonia", ""),
    ("CPV", "Cabo Verde", ""),
    ("STP", "São Tomé and Príncipe", ""),
    ("ESH", "", "西撒哈拉"),
    ("TWN", "Taiwan, China", "中国台湾"),
    ("HKG", "Hong Kong, China", "中国香港"),
    ("MAC", "Macao, China", "中国澳门"),
];

type Pt = (i32, i32);

/// One output feature.
struct Feature {
    num: String,
    a3: Option<String>,
    en: String,
    zh: String,
    flags: Vec<String>,
    /// Rings as arc references (`i` forward, `!i` = `-i-1` reversed), TopoJSON style.
    rings: Vec<Vec<i64>>,
}

pub fn geo() -> util::Result {
    ensure_packages()?;
    let modules = npm_tools_dir().join("node_modules");
    let topo110 = Topology::read(&modules.join("world-atlas/countries-110m.json"))?;
    let topo50 = Topology::read(&modules.join("world-atlas/countries-50m.json"))?;
    let names = Names::read(&modules.join("i18n-iso-countries"))?;

    step("checking which small places are missing at 1:110m");
    let ids110: Vec<&str> = topo110.geoms.iter().filter_map(|g| g.id.as_deref()).collect();
    for (num, why) in FROM_50M {
        if ids110.contains(&num) {
            return Err(format!("{num} ({why}) is in the 1:110m file now: remove it from FROM_50M"));
        }
        println!("    {num} not in 1:110m, taken from 1:50m ({why})");
    }

    // All arcs of both files, snapped to the grid; the 1:50m arcs follow the 1:110m ones.
    let offset50 = topo110.arcs.len() as i64;
    let mut arcs: Vec<Vec<Pt>> = topo110.arcs.iter().chain(topo50.arcs.iter()).map(|a| snap(a)).collect();

    let mut features = Vec::new();
    for g in &topo110.geoms {
        if g.id.as_deref().is_some_and(|id| DROP.contains(&id)) {
            continue;
        }
        features.push(feature(g, 0, &names, false)?);
    }
    features.sort_by(|a, b| a.num.cmp(&b.num));
    for (num, _) in FROM_50M {
        let g = topo50
            .geoms
            .iter()
            .find(|g| g.id.as_deref() == Some(num))
            .ok_or_else(|| format!("{num} is not in countries-50m.json"))?;
        features.push(feature(g, offset50, &names, true)?);
    }

    step(&format!("simplifying arcs (Douglas–Peucker, tolerance {:.2}°)", TOLERANCE / GRID as f64));
    let before: usize = used_points(&arcs, &features);
    let (simplified, dropped_rings) = simplify_topology(&arcs, &mut features);
    arcs = simplified;
    let after: usize = used_points(&arcs, &features);
    println!("    ring points (stitched) {before} → {after}; {dropped_rings} rings dropped (collapsed on the grid)");

    step("cutting rings that cross the antimeridian");
    cut_antimeridian_rings(&mut arcs, &mut features)?;

    let (arcs, features) = prune(arcs, features);
    validate(&arcs, &features)?;

    let text = write_text(&arcs, &features);
    let dir = root().join("data").join("geo");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join("countries.txt");
    fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;

    let t = measure(text.as_bytes());
    step(&format!("wrote {} ({} countries, {} arcs)", path.display(), features.len(), arcs.len()));
    println!("    {:<34} {:>8} {:>8} {:>8}", "bytes", "raw", "gzip", "brotli");
    println!("    {:<34} {:>8} {:>8} {:>8}", "countries.txt", t.raw, t.gzip, t.brotli);
    if t.raw > 60_000 {
        return Err(format!("countries.txt is {} bytes: over the 60 KB budget; raise TOLERANCE", t.raw));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// npm packages

fn ensure_packages() -> util::Result {
    let modules = npm_tools_dir().join("node_modules");
    let wanted = [("world-atlas", WORLD_ATLAS_VERSION), ("i18n-iso-countries", I18N_COUNTRIES_VERSION)];
    let installed = |name: &str, version: &str| {
        read_json::<Package>(&modules.join(name).join("package.json")).is_ok_and(|p| p.version == version)
    };
    if wanted.iter().all(|(n, v)| installed(n, v)) {
        step(&format!(
            "npm world-atlas@{WORLD_ATLAS_VERSION} and i18n-iso-countries@{I18N_COUNTRIES_VERSION} (in .tools/npm): present, skipping"
        ));
        return Ok(());
    }
    step("installing the map's npm packages into .tools/npm");
    fs::create_dir_all(npm_tools_dir()).map_err(|e| format!("cannot create .tools/npm: {e}"))?;
    run(Command::new("npm")
        .arg("install")
        .arg("--prefix")
        .arg(npm_tools_dir())
        .args(wanted.iter().map(|(n, v)| format!("{n}@{v}")))
        .args(["--save-exact", "--no-audit", "--no-fund"])
        .current_dir(root()))?;
    match wanted.iter().find(|(n, v)| !installed(n, v)) {
        None => Ok(()),
        Some((n, v)) => Err(format!("after the npm install, {n}@{v} is not in {}", modules.display())),
    }
}

// ---------------------------------------------------------------------------------------------
// Names

struct Names {
    /// numeric → (alpha-2, alpha-3)
    codes: HashMap<String, (String, String)>,
    en: HashMap<String, String>,
    zh: HashMap<String, String>,
}

/// A `package.json`, for its version.
#[derive(Deserialize)]
struct Package {
    version: String,
}

/// i18n-iso-countries `langs/<lang>.json`: alpha-2 → a name, or several with the usual one first.
#[derive(Deserialize)]
struct LangFile {
    countries: HashMap<String, OneOrMore>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMore {
    One(String),
    More(Vec<String>),
}

impl OneOrMore {
    fn first(self) -> Option<String> {
        match self {
            OneOrMore::One(s) => Some(s),
            OneOrMore::More(v) => v.into_iter().next(),
        }
    }
}

impl Names {
    fn read(dir: &Path) -> util::Result<Names> {
        // codes.json: rows of [alpha-2, alpha-3, numeric, …].
        let rows: Vec<Vec<String>> = read_json(&dir.join("codes.json"))?;
        let codes = rows
            .into_iter()
            .filter_map(|row| match row.as_slice() {
                [a2, a3, num, ..] => Some((num.clone(), (a2.clone(), a3.clone()))),
                _ => None,
            })
            .collect();
        let lang = |file: &str| -> util::Result<HashMap<String, String>> {
            let l: LangFile = read_json(&dir.join("langs").join(file))?;
            Ok(l.countries.into_iter().filter_map(|(k, v)| Some((k, v.first()?))).collect())
        };
        Ok(Names { codes, en: lang("en.json")?, zh: lang("zh.json")? })
    }
}

/// Reads and deserialises a JSON file; the error names the file.
fn read_json<T: DeserializeOwned>(path: &Path) -> util::Result<T> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn feature(g: &Geom, offset: i64, names: &Names, from_50m: bool) -> util::Result<Feature> {
    let shift = |r: i64| if r >= 0 { r + offset } else { r - offset };
    let rings: Vec<Vec<i64>> =
        g.polygons.iter().flatten().map(|ring| ring.iter().map(|&r| shift(r)).collect()).collect();
    let mut flags = Vec::new();
    if from_50m {
        flags.push("50m".to_string());
    }
    let Some(id) = g.id.as_deref() else {
        let (_, num, en, zh, shade) = UNNAMED
            .iter()
            .find(|u| u.0 == g.name)
            .ok_or_else(|| format!("feature `{}` has no id and no entry in UNNAMED", g.name))?;
        flags.push(format!("as={shade}"));
        return Ok(Feature { num: num.to_string(), a3: None, en: en.to_string(), zh: zh.to_string(), flags, rings });
    };
    let (a2, a3) = names.codes.get(id).ok_or_else(|| format!("id {id} ({}) is not in codes.json", g.name))?;
    let mut en = names.en.get(a2).cloned().ok_or_else(|| format!("no English name for {a2}"))?;
    let mut zh = names.zh.get(a2).cloned().ok_or_else(|| format!("no Chinese name for {a2}"))?;
    if let Some((_, e, z)) = NAME_OVERRIDES.iter().find(|o| o.0 == a3) {
        if !e.is_empty() {
            en = e.to_string();
        }
        if !z.is_empty() {
            zh = z.to_string();
        }
    }
    if id == "158" {
        // The paper's convention: China's figures include Taiwan (中国(含台湾地区)).
        flags.push("tw".to_string());
        flags.push("as=CHN".to_string());
    }
    for s in [&en, &zh] {
        if s.contains('|') || s.contains('\n') {
            return Err(format!("name {s:?} contains a separator"));
        }
    }
    Ok(Feature { num: id.to_string(), a3: Some(a3.clone()), en, zh, flags, rings })
}

// ---------------------------------------------------------------------------------------------
// Geometry

fn snap(arc: &[(f64, f64)]) -> Vec<Pt> {
    let g = GRID as f64;
    let mut out: Vec<Pt> = Vec::with_capacity(arc.len());
    for &(x, y) in arc {
        let p = ((x * g).round() as i32, (y * g).round() as i32);
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    if out.len() == 1 {
        out.push(out[0]);
    }
    out
}

fn arc_points(arcs: &[Vec<Pt>], r: i64) -> Vec<Pt> {
    if r >= 0 {
        arcs[r as usize].clone()
    } else {
        arcs[(!r) as usize].iter().rev().copied().collect()
    }
}

/// The ring's points: the arcs joined, each after the first without its first point.
fn stitch(arcs: &[Vec<Pt>], refs: &[i64]) -> Vec<Pt> {
    let mut pts = Vec::new();
    for &r in refs {
        let a = arc_points(arcs, r);
        let skip = usize::from(!pts.is_empty());
        pts.extend_from_slice(&a[skip..]);
    }
    pts
}

fn area2(ring: &[Pt]) -> i64 {
    ring.windows(2).map(|w| w[0].0 as i64 * w[1].1 as i64 - w[1].0 as i64 * w[0].1 as i64).sum()
}

fn ring_ok(ring: &[Pt]) -> bool {
    ring.len() >= 4 && ring.first() == ring.last() && area2(ring) != 0
}

fn used_points(arcs: &[Vec<Pt>], features: &[Feature]) -> usize {
    features.iter().flat_map(|f| &f.rings).map(|r| stitch(arcs, r).len()).sum()
}

fn seg_dist(p: Pt, a: Pt, b: Pt) -> f64 {
    let (px, py, ax, ay, bx, by) = (p.0 as f64, p.1 as f64, a.0 as f64, a.1 as f64, b.0 as f64, b.1 as f64);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0) };
    ((px - ax - t * dx).powi(2) + (py - ay - t * dy).powi(2)).sqrt()
}

/// Douglas–Peucker keeping both ends.
fn douglas_peucker(pts: &[Pt], tol: f64) -> Vec<Pt> {
    if pts.len() <= 2 {
        return pts.to_vec();
    }
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[pts.len() - 1] = true;
    let mut stack = vec![(0usize, pts.len() - 1)];
    while let Some((i, j)) = stack.pop() {
        let (mut best, mut at) = (0.0f64, 0usize);
        for k in i + 1..j {
            let d = seg_dist(pts[k], pts[i], pts[j]);
            if d > best {
                best = d;
                at = k;
            }
        }
        if at != 0 && best > tol {
            keep[at] = true;
            stack.push((i, at));
            stack.push((at, j));
        }
    }
    pts.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

/// Simplifies every arc; an arc of a ring that would become invalid (fewer than 4 points or no
/// area) is kept whole. Rings still invalid after that (tiny islets collapsed onto the grid) are
/// dropped. Returns the arcs and the number of dropped rings.
fn simplify_topology(arcs: &[Vec<Pt>], features: &mut [Feature]) -> (Vec<Vec<Pt>>, usize) {
    let mut whole = vec![false; arcs.len()];
    loop {
        let out: Vec<Vec<Pt>> =
            arcs.iter().zip(&whole).map(|(a, &w)| if w { a.clone() } else { douglas_peucker(a, TOLERANCE) }).collect();
        let mut changed = false;
        for f in features.iter() {
            for ring in &f.rings {
                if !ring_ok(&stitch(&out, ring)) {
                    for &r in ring {
                        let i = if r >= 0 { r as usize } else { (!r) as usize };
                        changed |= !whole[i];
                        whole[i] = true;
                    }
                }
            }
        }
        if !changed {
            let mut dropped = 0;
            for f in features.iter_mut() {
                let n = f.rings.len();
                f.rings.retain(|ring| {
                    let ok = ring_ok(&stitch(&out, ring));
                    if !ok {
                        println!("    dropped a ring of {} ({}): {:?}", f.en, f.num, stitch(arcs, ring));
                    }
                    ok
                });
                dropped += n - f.rings.len();
            }
            return (out, dropped);
        }
    }
}

/// Replaces each ring that jumps across ±180° by its pieces on either side, each a new closed arc.
fn cut_antimeridian_rings(arcs: &mut Vec<Vec<Pt>>, features: &mut [Feature]) -> util::Result {
    let half = 180 * GRID;
    for f in features.iter_mut() {
        let mut rings = Vec::new();
        for ring in std::mem::take(&mut f.rings) {
            let pts = stitch(arcs, &ring);
            if !pts.windows(2).any(|w| (w[1].0 - w[0].0).abs() > half) {
                rings.push(ring);
                continue;
            }
            let pieces = cut_ring(&pts, half)?;
            println!("    {} ({}): a ring of {} points cut into {} pieces", f.en, f.num, pts.len(), pieces.len());
            for p in pieces {
                arcs.push(p);
                rings.push(vec![arcs.len() as i64 - 1]);
            }
        }
        f.rings = rings;
    }
    Ok(())
}

fn cut_ring(pts: &[Pt], half: i32) -> util::Result<Vec<Vec<Pt>>> {
    // Unwrap the longitudes so consecutive points never jump by more than 180°.
    let mut u: Vec<(f64, f64)> = Vec::with_capacity(pts.len());
    let mut shift = 0i32;
    for (k, p) in pts.iter().enumerate() {
        if k > 0 {
            let dx = p.0 - pts[k - 1].0;
            if dx > half {
                shift -= 2 * half;
            } else if dx < -half {
                shift += 2 * half;
            }
        }
        u.push(((p.0 + shift) as f64, p.1 as f64));
    }
    if shift != 0 {
        return Err("a ring winds around a pole (like Antarctica's): cannot cut it in the plane".into());
    }
    let min = u.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let max = u.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let width = 2.0 * half as f64;
    let mut pieces = Vec::new();
    // Bands [-180 + 360k, 180 + 360k] that the ring touches.
    let k0 = ((min + half as f64) / width).floor() as i32;
    let k1 = ((max + half as f64) / width).ceil() as i32;
    for k in k0..k1 {
        let lo = -(half as f64) + width * k as f64;
        let hi = lo + width;
        let mut piece = clip(&u, |p| p.0 >= lo, lo);
        piece = clip(&piece, |p| p.0 <= hi, hi);
        let mut ring: Vec<Pt> = Vec::new();
        for p in piece {
            let q = ((p.0 - width * k as f64).round() as i32, p.1.round() as i32);
            if ring.last() != Some(&q) {
                ring.push(q);
            }
        }
        if let Some(&first) = ring.first() {
            if ring.last() != Some(&first) {
                ring.push(first);
            }
        }
        if ring_ok(&ring) {
            pieces.push(ring);
        }
    }
    Ok(pieces)
}

/// Sutherland–Hodgman against the half-plane `inside`, bounded by the meridian `x = line`.
/// Input and output are closed rings (first point repeated last).
fn clip(ring: &[(f64, f64)], inside: impl Fn(&(f64, f64)) -> bool, line: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    if ring.len() < 2 {
        return out;
    }
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ia, ib) = (inside(&a), inside(&b));
        if ia {
            out.push(a);
        }
        if ia != ib {
            let t = (line - a.0) / (b.0 - a.0);
            out.push((line, a.1 + t * (b.1 - a.1)));
        }
    }
    if let Some(&first) = out.first() {
        out.push(first);
    }
    out
}

/// Keeps only the arcs some ring uses, renumbered in order of first use.
fn prune(arcs: Vec<Vec<Pt>>, mut features: Vec<Feature>) -> (Vec<Vec<Pt>>, Vec<Feature>) {
    let mut map: HashMap<usize, i64> = HashMap::new();
    let mut out = Vec::new();
    for f in &mut features {
        for ring in &mut f.rings {
            for r in ring.iter_mut() {
                let (i, rev) = if *r >= 0 { (*r as usize, false) } else { ((!*r) as usize, true) };
                let j = *map.entry(i).or_insert_with(|| {
                    out.push(arcs[i].clone());
                    out.len() as i64 - 1
                });
                *r = if rev { !j } else { j };
            }
        }
    }
    (out, features)
}

fn validate(arcs: &[Vec<Pt>], features: &[Feature]) -> util::Result {
    let mut seen = BTreeMap::new();
    for f in features {
        if f.rings.is_empty() {
            return Err(format!("{} ({}) has no ring left", f.en, f.num));
        }
        if let Some(prev) = seen.insert(f.num.clone(), f.en.clone()) {
            return Err(format!("id {} is used twice ({prev}, {})", f.num, f.en));
        }
        for ring in &f.rings {
            let pts = stitch(arcs, ring);
            if !ring_ok(&pts) {
                return Err(format!("{} ({}): an invalid ring {pts:?}", f.en, f.num));
            }
            if pts.windows(2).any(|w| (w[1].0 - w[0].0).abs() > 180 * GRID) {
                return Err(format!("{} ({}): a ring still crosses the antimeridian", f.en, f.num));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Output

/// Google's encoded-polyline character coding of one signed integer (zig-zag, 5-bit groups,
/// `0x20` continuation, offset 63), so every character is in `?`..=`~`.
fn push_polyline(out: &mut String, v: i32) {
    let mut z = ((v << 1) ^ (v >> 31)) as u32;
    while z >= 0x20 {
        out.push(char::from((0x20 | (z & 0x1f)) as u8 + 63));
        z >>= 5;
    }
    out.push(char::from(z as u8 + 63));
}

fn write_text(arcs: &[Vec<Pt>], features: &[Feature]) -> String {
    let extra: Vec<&str> = FROM_50M.iter().map(|(n, _)| *n).collect();
    let mut s = String::new();
    s.push_str("# GENERATED by `cargo xtask geo` (xtask/src/geo.rs): do not edit.\n");
    s.push_str(&format!(
        "# Source: npm world-atlas@{WORLD_ATLAS_VERSION} countries-110m.json (Natural Earth 1:110m admin-0 countries, public domain; package ISC),\n"
    ));
    s.push_str(&format!("#   plus countries-50m.json (1:50m) for {} (missing at 1:110m).\n", extra.join(" ")));
    s.push_str(&format!(
        "# Names: npm i18n-iso-countries@{I18N_COUNTRIES_VERSION} (MIT) codes.json, langs/en.json, langs/zh.json, with the overrides in xtask/src/geo.rs.\n"
    ));
    s.push_str(&format!(
        "# Antarctica (010) dropped. Coordinates on a 1/{GRID}° grid, Douglas-Peucker {:.2}° per shared arc, cut at ±180°.\n",
        TOLERANCE / GRID as f64
    ));
    s.push_str("# Format (data/geo/README.md): `grid G`, `arcs N` + N lines of encoded-polyline (lon,lat) deltas,\n");
    s.push_str("# `countries M` + M lines `num|alpha3|name_en|name_zh|flags|rings` (rings `;`-separated arc indices, -i-1 = arc i reversed).\n");
    s.push_str(&format!("grid {GRID}\n"));
    s.push_str(&format!("arcs {}\n", arcs.len()));
    for a in arcs {
        let mut prev = (0, 0);
        for &p in a {
            push_polyline(&mut s, p.0 - prev.0);
            push_polyline(&mut s, p.1 - prev.1);
            prev = p;
        }
        s.push('\n');
    }
    s.push_str(&format!("countries {}\n", features.len()));
    for f in features {
        let rings: Vec<String> =
            f.rings.iter().map(|r| r.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")).collect();
        s.push_str(&format!(
            "{}|{}|{}|{}|{}|{}\n",
            f.num,
            f.a3.as_deref().unwrap_or(""),
            f.en,
            f.zh,
            f.flags.join(","),
            rings.join(";")
        ));
    }
    s
}

// ---------------------------------------------------------------------------------------------
// TopoJSON

struct Geom {
    id: Option<String>,
    name: String,
    /// Polygons → rings → arc references.
    polygons: Vec<Vec<Vec<i64>>>,
}

struct Topology {
    /// Arcs in lon/lat degrees.
    arcs: Vec<Vec<(f64, f64)>>,
    geoms: Vec<Geom>,
}

/// The parts of a quantized TopoJSON file that `geo` reads.
#[derive(Deserialize)]
struct TopoFile {
    transform: Transform,
    /// Delta-encoded quantized positions.
    arcs: Vec<Vec<[f64; 2]>>,
    objects: Objects,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Objects {
    countries: Collection,
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<RawGeom>,
}

#[derive(Deserialize)]
struct RawGeom {
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    #[serde(default)]
    properties: Properties,
    arcs: serde_json::Value,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: String,
}

impl Topology {
    fn read(path: &Path) -> util::Result<Topology> {
        let file: TopoFile = read_json(path)?;
        Topology::from_file(file).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn from_file(file: TopoFile) -> util::Result<Topology> {
        let ([sx, sy], [tx, ty]) = (file.transform.scale, file.transform.translate);
        let arcs = file
            .arcs
            .iter()
            .map(|arc| {
                let (mut qx, mut qy) = (0f64, 0f64);
                arc.iter()
                    .map(|&[dx, dy]| {
                        qx += dx;
                        qy += dy;
                        (qx * sx + tx, qy * sy + ty)
                    })
                    .collect()
            })
            .collect();
        let geoms = file.objects.countries.geometries.into_iter().map(Geom::from_raw).collect::<Result<_, _>>()?;
        Ok(Topology { arcs, geoms })
    }
}

impl Geom {
    fn from_raw(g: RawGeom) -> util::Result<Geom> {
        let name = g.properties.name;
        let bad = |e: serde_json::Error| format!("{name}: arcs of a {}: {e}", g.kind);
        let polygons = match g.kind.as_str() {
            "Polygon" => vec![serde_json::from_value(g.arcs).map_err(bad)?],
            "MultiPolygon" => serde_json::from_value(g.arcs).map_err(bad)?,
            other => return Err(format!("{name}: unexpected geometry type {other:?}")),
        };
        Ok(Geom { id: g.id, name, polygons })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quantized_topology_is_decoded_into_degrees_with_polygons_and_multipolygons() {
        let json = r#"{"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[-180,-90]},
            "arcs":[[[0,0],[2,4],[-1,0]],[[10,10],[1,1]]],
            "objects":{"countries":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","id":"004","properties":{"name":"A"},"arcs":[[0,-2]]},
              {"type":"MultiPolygon","properties":{"name":"B"},"arcs":[[[1]],[[0]]]}]}}}"#;
        let t = Topology::from_file(serde_json::from_str(json).unwrap()).unwrap();
        assert_eq!(t.arcs[0], vec![(-180.0, -90.0), (-179.0, -89.0), (-179.5, -89.0)]);
        assert_eq!(t.arcs[1], vec![(-175.0, -87.5), (-174.5, -87.25)]);
        assert_eq!((t.geoms[0].id.as_deref(), t.geoms[0].name.as_str()), (Some("004"), "A"));
        assert_eq!(t.geoms[0].polygons, vec![vec![vec![0, -2]]]);
        assert_eq!((t.geoms[1].id.as_deref(), t.geoms[1].polygons.len()), (None, 2));
    }

    #[test]
    fn a_geometry_of_another_type_is_refused_by_name() {
        let raw: RawGeom = serde_json::from_str(r#"{"type":"Point","properties":{"name":"X"},"arcs":[]}"#).unwrap();
        assert_eq!(Geom::from_raw(raw).err().unwrap(), "X: unexpected geometry type \"Point\"");
    }

    #[test]
    fn polyline_coding_matches_googles_example() {
        // Google's documented example: -179.9832104 at precision 1e5 encodes as `` `~oia@ ``.
        let mut s = String::new();
        push_polyline(&mut s, -17998321);
        assert_eq!(s, "`~oia@");
    }

    #[test]
    fn a_ring_across_the_antimeridian_is_cut_into_two_closed_pieces() {
        let h = 180 * GRID;
        let ring = vec![(h - 100, 0), (-h + 100, 0), (-h + 100, 100), (h - 100, 100), (h - 100, 0)];
        let pieces = cut_ring(&ring, h).unwrap();
        assert_eq!(pieces.len(), 2);
        for p in &pieces {
            assert!(ring_ok(p), "{p:?}");
            assert!(p.iter().all(|q| q.0.abs() <= h));
        }
    }

    #[test]
    fn douglas_peucker_keeps_the_ends_and_the_corner() {
        let pts = vec![(0, 0), (5, 1), (10, 0), (10, 10)];
        assert_eq!(douglas_peucker(&pts, 2.0), vec![(0, 0), (10, 0), (10, 10)]);
    }
}
