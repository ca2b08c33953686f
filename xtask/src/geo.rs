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
use std::io::Write;
use std::path::Path;
use std::process::Command;

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
    let bin = encode_binary(&arcs, &features);
    let dir = root().join("data").join("geo");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join("countries.txt");
    fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;

    let t = measure(text.as_bytes());
    let b = measure(&bin);
    step(&format!("wrote {} ({} countries, {} arcs)", path.display(), features.len(), arcs.len()));
    println!("    {:<34} {:>8} {:>8} {:>8}", "bytes", "raw", "gzip", "brotli");
    println!("    {:<34} {:>8} {:>8} {:>8}", "countries.txt (written)", t.0, t.1, t.2);
    println!("    {:<34} {:>8} {:>8} {:>8}", "same content as binary varints", b.0, b.1, b.2);
    if t.0 > 60_000 {
        return Err(format!("countries.txt is {} bytes: over the 60 KB budget; raise TOLERANCE", t.0));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// npm packages

fn ensure_packages() -> util::Result {
    let modules = npm_tools_dir().join("node_modules");
    let wanted = [("world-atlas", WORLD_ATLAS_VERSION), ("i18n-iso-countries", I18N_COUNTRIES_VERSION)];
    let installed = |name: &str, version: &str| {
        fs::read_to_string(modules.join(name).join("package.json"))
            .ok()
            .and_then(|t| Json::parse(&t).ok())
            .is_some_and(|j| j.get("version").and_then(Json::as_str) == Some(version))
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

impl Names {
    fn read(dir: &Path) -> util::Result<Names> {
        let codes_json = read_json(&dir.join("codes.json"))?;
        let mut codes = HashMap::new();
        for row in codes_json.as_array().ok_or("codes.json: not an array")? {
            let cell = |i: usize| row.index(i).and_then(Json::as_str).map(str::to_string);
            if let (Some(a2), Some(a3), Some(num)) = (cell(0), cell(1), cell(2)) {
                codes.insert(num, (a2, a3));
            }
        }
        let lang = |file: &str| -> util::Result<HashMap<String, String>> {
            let j = read_json(&dir.join("langs").join(file))?;
            let obj = j.get("countries").and_then(Json::as_object).ok_or(format!("{file}: no countries"))?;
            Ok(obj
                .iter()
                .filter_map(|(k, v)| {
                    let name = v.as_str().or_else(|| v.index(0).and_then(Json::as_str))?;
                    Some((k.clone(), name.to_string()))
                })
                .collect())
        };
        Ok(Names { codes, en: lang("en.json")?, zh: lang("zh.json")? })
    }
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

/// The same content as LEB128 zig-zag varints, only to measure what a binary file would save.
fn encode_binary(arcs: &[Vec<Pt>], features: &[Feature]) -> Vec<u8> {
    fn var(out: &mut Vec<u8>, v: i64) {
        let mut z = ((v << 1) ^ (v >> 63)) as u64;
        while z >= 0x80 {
            out.push((z as u8) | 0x80);
            z >>= 7;
        }
        out.push(z as u8);
    }
    fn string(out: &mut Vec<u8>, s: &str) {
        var(out, s.len() as i64);
        out.extend_from_slice(s.as_bytes());
    }
    let mut out = Vec::new();
    // The same header comment as the text file.
    let header: String =
        write_text(&[], &[]).lines().take_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    out.extend_from_slice(header.as_bytes());
    var(&mut out, arcs.len() as i64);
    for a in arcs {
        var(&mut out, a.len() as i64);
        let mut prev = (0, 0);
        for &p in a {
            var(&mut out, (p.0 - prev.0) as i64);
            var(&mut out, (p.1 - prev.1) as i64);
            prev = p;
        }
    }
    var(&mut out, features.len() as i64);
    for f in features {
        for s in [f.num.as_str(), f.a3.as_deref().unwrap_or(""), &f.en, &f.zh, &f.flags.join(",")] {
            string(&mut out, s);
        }
        var(&mut out, f.rings.len() as i64);
        for r in &f.rings {
            var(&mut out, r.len() as i64);
            for &i in r {
                var(&mut out, i);
            }
        }
    }
    out
}

/// (raw, gzip -9, brotli q11) sizes in bytes.
fn measure(bytes: &[u8]) -> (usize, usize, usize) {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("writing to memory");
    let gzip = gz.finish().expect("writing to memory").len();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    let mut br = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).expect("writing to memory");
    (bytes.len(), gzip, br.len())
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

impl Topology {
    fn read(path: &Path) -> util::Result<Topology> {
        let j = read_json(path)?;
        let err = |what: &str| format!("{}: {what}", path.display());
        let t = j.get("transform").ok_or_else(|| err("no transform (not a quantized topology)"))?;
        let pair = |k: &str| -> util::Result<(f64, f64)> {
            let a = t.get(k).ok_or_else(|| err(&format!("no transform.{k}")))?;
            match (a.index(0).and_then(Json::as_f64), a.index(1).and_then(Json::as_f64)) {
                (Some(x), Some(y)) => Ok((x, y)),
                _ => Err(err(&format!("transform.{k} is not a pair"))),
            }
        };
        let (sx, sy) = pair("scale")?;
        let (tx, ty) = pair("translate")?;
        let mut arcs = Vec::new();
        for arc in j.get("arcs").and_then(Json::as_array).ok_or_else(|| err("no arcs"))? {
            // Delta-encoded quantized positions.
            let (mut qx, mut qy) = (0f64, 0f64);
            let mut pts = Vec::new();
            for p in arc.as_array().ok_or_else(|| err("an arc is not an array"))? {
                qx += p.index(0).and_then(Json::as_f64).ok_or_else(|| err("bad position"))?;
                qy += p.index(1).and_then(Json::as_f64).ok_or_else(|| err("bad position"))?;
                pts.push((qx * sx + tx, qy * sy + ty));
            }
            arcs.push(pts);
        }
        let geometries = j
            .get("objects")
            .and_then(|o| o.get("countries"))
            .and_then(|c| c.get("geometries"))
            .and_then(Json::as_array)
            .ok_or_else(|| err("no objects.countries.geometries"))?;
        let mut geoms = Vec::new();
        for g in geometries {
            let name = g.get("properties").and_then(|p| p.get("name")).and_then(Json::as_str).unwrap_or("").to_string();
            let id = g.get("id").and_then(Json::as_str).map(str::to_string);
            let ty = g.get("type").and_then(Json::as_str).unwrap_or("");
            let a = g.get("arcs").ok_or_else(|| err(&format!("{name}: no arcs")))?;
            let rings = |poly: &Json| -> util::Result<Vec<Vec<i64>>> {
                poly.as_array()
                    .ok_or_else(|| err("polygon is not an array"))?
                    .iter()
                    .map(|ring| {
                        ring.as_array()
                            .ok_or_else(|| err("ring is not an array"))?
                            .iter()
                            .map(|i| i.as_f64().map(|f| f as i64).ok_or_else(|| err("arc index")))
                            .collect()
                    })
                    .collect()
            };
            let polygons = match ty {
                "Polygon" => vec![rings(a)?],
                "MultiPolygon" => {
                    a.as_array().ok_or_else(|| err("bad MultiPolygon"))?.iter().map(rings).collect::<Result<_, _>>()?
                }
                other => return Err(err(&format!("{name}: unexpected geometry type {other:?}"))),
            };
            geoms.push(Geom { id, name, polygons });
        }
        Ok(Topology { arcs, geoms })
    }
}

// ---------------------------------------------------------------------------------------------
// A small JSON reader (the xtask has no JSON dependency).

#[derive(Debug)]
enum Json {
    /// `true`, `false` or `null` (the geometry needs none of them).
    Literal,
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

fn read_json(path: &Path) -> util::Result<Json> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Json::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

impl Json {
    fn parse(text: &str) -> Result<Json, String> {
        let mut p = JsonParser { s: text.as_bytes(), i: 0 };
        let v = p.value()?;
        p.ws();
        if p.i != p.s.len() {
            return Err(format!("trailing characters at byte {}", p.i));
        }
        Ok(v)
    }
    fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    fn index(&self, i: usize) -> Option<&Json> {
        self.as_array()?.get(i)
    }
    fn as_object(&self) -> Option<&Vec<(String, Json)>> {
        match self {
            Json::Obj(o) => Some(o),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }
}

struct JsonParser<'a> {
    s: &'a [u8],
    i: usize,
}

impl JsonParser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }
    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("JSON: {what} at byte {}", self.i))
    }
    fn eat(&mut self, lit: &str) -> Result<(), String> {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            Ok(())
        } else {
            self.err(&format!("expected {lit}"))
        }
    }
    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.s.get(self.i) {
            None => self.err("unexpected end"),
            Some(b'{') => {
                self.i += 1;
                let mut obj = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Json::Obj(obj));
                }
                loop {
                    self.ws();
                    let k = self.string()?;
                    self.ws();
                    self.eat(":")?;
                    let v = self.value()?;
                    obj.push((k, v));
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Json::Obj(obj));
                        }
                        _ => return self.err("expected , or }"),
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut arr = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Json::Arr(arr));
                }
                loop {
                    arr.push(self.value()?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Json::Arr(arr));
                        }
                        _ => return self.err("expected , or ]"),
                    }
                }
            }
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b't') => self.eat("true").map(|_| Json::Literal),
            Some(b'f') => self.eat("false").map(|_| Json::Literal),
            Some(b'n') => self.eat("null").map(|_| Json::Literal),
            Some(_) => {
                let start = self.i;
                while self.i < self.s.len() && matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
                t.parse::<f64>().map(Json::Num).or_else(|_| self.err("bad number"))
            }
        }
    }
    fn string(&mut self) -> Result<String, String> {
        self.eat("\"")?;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(&c) = self.s.get(self.i) else { return self.err("unterminated string") };
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).or_else(|_| self.err("invalid UTF-8")),
                b'\\' => {
                    let Some(&e) = self.s.get(self.i) else { return self.err("bad escape") };
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                self.eat("\\u")?;
                                let low = self.hex4()?;
                                code = 0x10000 + ((code - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3ff);
                            }
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => return self.err("bad escape"),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(c),
            }
        }
    }
    fn hex4(&mut self) -> Result<u32, String> {
        let h = self.s.get(self.i..self.i + 4).and_then(|h| std::str::from_utf8(h).ok());
        let v = h.and_then(|h| u32::from_str_radix(h, 16).ok());
        self.i += 4;
        v.map_or_else(|| self.err("bad \\u escape"), Ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_reads_nested_values_and_escapes() {
        let j = Json::parse(r#"{"a":[1,-2.5e1,{"b":"x\u00e9\"y"}],"c":true,"d":null}"#).unwrap();
        assert_eq!(j.get("a").and_then(|a| a.index(1)).and_then(Json::as_f64), Some(-25.0));
        assert_eq!(j.get("a").and_then(|a| a.index(2)).and_then(|o| o.get("b")).and_then(Json::as_str), Some("xé\"y"));
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
