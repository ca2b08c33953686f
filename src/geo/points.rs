//! Supplementary point data for the map: port and chokepoint coordinates
//! (`data/geo/ports_coords.csv`) and China–Europe Railway Express waypoints
//! (`data/geo/cr_express_waypoints.csv`), each row with its own source.
//!
//! Layer: geo. Both files are compiled in and parsed once into `OnceLock` statics; fields are
//! slices of the embedded text. The files are plain comma-separated values without quoting (the
//! `basis` column contains `"` for arc-seconds, so a field may not *start* with a quote). No
//! drawing, no UI.

use std::sync::OnceLock;

use crate::data::Lang;

/// The ports file, as compiled in.
pub const PORTS_CSV: &str = include_str!("../../data/geo/ports_coords.csv");
/// The railway waypoints file, as compiled in.
pub const WAYPOINTS_CSV: &str = include_str!("../../data/geo/cr_express_waypoints.csv");

/// A port, port area or chokepoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Port {
    /// The id used in dataset entities as `port:<id>`.
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// `table4 #1` … `table4 #20` (rank in the paper's Table 4), `container terminal`, `alt point`,
    /// `chokepoint`, `destination`, …
    pub role: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// How the coordinate was fixed (a DMS reading, a World Port Index number); `APPROXIMATE` marks estimates.
    pub basis: &'static str,
    pub source: &'static str,
}

impl Port {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.name_zh,
            Lang::En => self.name_en,
        }
    }

    /// The rank in the paper's Table 4 (top 20 ports by cargo throughput), if the role gives one.
    pub fn table4_rank(&self) -> Option<u8> {
        let rest = self.role.strip_prefix("table4 #")?;
        rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
    }

    /// Whether the coordinate is marked as an estimate.
    pub fn approximate(&self) -> bool {
        self.basis.contains("APPROXIMATE") || self.source.contains("APPROXIMATE")
    }
}

/// A point on a China–Europe Railway Express corridor.
#[derive(Debug, Clone, PartialEq)]
pub struct Waypoint {
    /// `hub` (Chinese origin hubs), `west`, `central`, `east` (the three corridors out of China),
    /// `common` (the shared route on to Europe).
    pub corridor: &'static str,
    /// Order along the corridor as written: `0` for hubs, `1`, `2`, … with `2b`, `3b` for an
    /// alternative branch at the same step.
    pub seq: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// ISO 3166-1 alpha-2 country code.
    pub country: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub source: &'static str,
}

impl Waypoint {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.name_zh,
            Lang::En => self.name_en,
        }
    }

    /// The step number of `seq` (`3b` → 3).
    pub fn step(&self) -> u32 {
        self.seq.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().unwrap_or(0)
    }

    /// The branch letter of `seq` (`3b` → `Some('b')`), `None` on the main line.
    pub fn branch(&self) -> Option<char> {
        self.seq.chars().last().filter(char::is_ascii_alphabetic)
    }

    /// Whether the coordinate is marked as approximate.
    pub fn approximate(&self) -> bool {
        self.source.contains("APPROXIMATE")
    }
}

/// Every port row, in file order.
pub fn ports() -> &'static [Port] {
    static PORTS: OnceLock<Vec<Port>> = OnceLock::new();
    PORTS.get_or_init(|| parse_ports(PORTS_CSV).unwrap_or_else(|e| panic!("data/geo/ports_coords.csv: {e}")))
}

/// A port by id (without the `port:` prefix).
pub fn port(id: &str) -> Option<&'static Port> {
    ports().iter().find(|p| p.id == id)
}

/// Every waypoint row, in file order.
pub fn waypoints() -> &'static [Waypoint] {
    static WAYPOINTS: OnceLock<Vec<Waypoint>> = OnceLock::new();
    WAYPOINTS.get_or_init(|| {
        parse_waypoints(WAYPOINTS_CSV).unwrap_or_else(|e| panic!("data/geo/cr_express_waypoints.csv: {e}"))
    })
}

/// The waypoints of one corridor, in file order.
pub fn corridor(name: &str) -> impl Iterator<Item = &'static Waypoint> + '_ {
    waypoints().iter().filter(move |w| w.corridor == name)
}

/// Splits the rows after the header, checking the header and the field count.
fn rows(text: &'static str, header: &str, n: usize) -> Result<Vec<(usize, Vec<&'static str>)>, String> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
    match lines.next() {
        Some((_, h)) if h == header => {}
        other => return Err(format!("line 1: expected the header `{header}`, found {:?}", other.map(|o| o.1))),
    }
    let mut out = Vec::new();
    for (line, l) in lines {
        if l.trim().is_empty() {
            continue;
        }
        let f: Vec<&'static str> = l.split(',').collect();
        if f.len() != n {
            return Err(format!("line {line}: {} fields, expected {n} (fields may not contain commas)", f.len()));
        }
        if f.iter().any(|s| s.starts_with('"')) {
            return Err(format!("line {line}: quoted fields are not supported"));
        }
        out.push((line, f));
    }
    Ok(out)
}

fn coord(s: &str, line: usize, what: &str, limit: f64) -> Result<f64, String> {
    let v: f64 = s.trim().parse().map_err(|_| format!("line {line}: {what} {s:?} is not a number"))?;
    if v.abs() > limit {
        return Err(format!("line {line}: {what} {v} is out of range"));
    }
    Ok(v)
}

fn parse_ports(text: &'static str) -> Result<Vec<Port>, String> {
    rows(text, "id,name_en,name_zh,role,lat,lon,basis,source", 8)?
        .into_iter()
        .map(|(line, f)| {
            Ok(Port {
                id: f[0],
                name_en: f[1],
                name_zh: f[2],
                role: f[3],
                lat: coord(f[4], line, "lat", 90.0)?,
                lon: coord(f[5], line, "lon", 180.0)?,
                basis: f[6],
                source: f[7],
            })
        })
        .collect()
}

fn parse_waypoints(text: &'static str) -> Result<Vec<Waypoint>, String> {
    rows(text, "corridor,seq,name_en,name_zh,country,lat,lon,source", 8)?
        .into_iter()
        .map(|(line, f)| {
            Ok(Waypoint {
                corridor: f[0],
                seq: f[1],
                name_en: f[2],
                name_zh: f[3],
                country: f[4],
                lat: coord(f[5], line, "lat", 90.0)?,
                lon: coord(f[6], line, "lon", 180.0)?,
                source: f[7],
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_with_a_missing_field_is_rejected_with_its_line() {
        let e = parse_ports("id,name_en,name_zh,role,lat,lon,basis,source\nx,X,甲,r,1,2,b\n").unwrap_err();
        assert!(e.starts_with("line 2:"), "{e}");
    }

    #[test]
    fn a_latitude_out_of_range_is_rejected() {
        let e = parse_ports("id,name_en,name_zh,role,lat,lon,basis,source\nx,X,甲,r,91,2,b,s\n").unwrap_err();
        assert!(e.contains("out of range"), "{e}");
    }
}
