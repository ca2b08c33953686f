//! Supplementary point data for the map: port and chokepoint coordinates, China–Europe Railway
//! Express waypoints and the corridors drawn through them, the schematic sea lanes, and the
//! hand-placed label anchors.
//!
//! Layer: geo. The build script checks `data/geo/ports_coords.csv`, `cr_express_waypoints.csv`,
//! `corridors.csv`, `sea_routes.csv` and `label_anchors.csv` (rules in `data::rules::geo`) and
//! compiles them into the statics below, keeping only the fields the app uses; nothing is parsed at
//! run time. No drawing, no UI.

use crate::data::{Lang, L};

/// A port, port area or chokepoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Port {
    /// The id used in dataset entities as `port:<id>`.
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// The rank in the paper's Table 4 (top 20 ports by container throughput), from the row's
    /// role `table4 #N`.
    pub table4_rank: Option<u8>,
    /// The file marks the coordinate `APPROXIMATE` (an estimate, not source-verified).
    pub approximate: bool,
}

impl Port {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.name_zh,
            Lang::En => self.name_en,
        }
    }

    /// The rank in the paper's Table 4, if the port is one of its twenty.
    pub fn table4_rank(&self) -> Option<u8> {
        self.table4_rank
    }

    /// Whether the coordinate is marked as an estimate.
    pub fn approximate(&self) -> bool {
        self.approximate
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
}

/// A railway corridor as the map draws it: its name and its lines through the waypoints.
#[derive(Debug, Clone, PartialEq)]
pub struct Corridor {
    pub id: &'static str,
    pub name: L,
    /// Each line as indices into [`waypoints`].
    pub lines: &'static [&'static [u16]],
}

impl Corridor {
    /// Each line as (lon, lat) points.
    pub fn line_points(&self) -> impl Iterator<Item = Vec<(f64, f64)>> + '_ {
        self.lines.iter().map(|l| {
            l.iter()
                .map(|&i| {
                    let w = &WAYPOINTS[usize::from(i)];
                    (w.lon, w.lat)
                })
                .collect()
        })
    }
}

/// A schematic sea lane, in parts split at the antimeridian.
#[derive(Debug, Clone, PartialEq)]
pub struct SeaRoute {
    pub id: &'static str,
    /// Each part as (lon, lat) points.
    pub parts: &'static [&'static [(f64, f64)]],
}

/// A hand-placed label point for a country whose shape is long or scattered.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelAnchor {
    pub a3: &'static str,
    pub lon: f64,
    pub lat: f64,
}

mod generated {
    #![allow(clippy::all)]
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/points_gen.rs"));
}

use generated::{CORRIDORS, LABEL_ANCHORS, PORTS, SEA_ROUTES, WAYPOINTS};

/// Every port row, in file order.
pub fn ports() -> &'static [Port] {
    PORTS
}

/// A port by id (without the `port:` prefix).
pub fn port(id: &str) -> Option<&'static Port> {
    PORTS.iter().find(|p| p.id == id)
}

/// Every waypoint row, in file order.
pub fn waypoints() -> &'static [Waypoint] {
    WAYPOINTS
}

/// The waypoints of one corridor, in file order.
pub fn corridor(name: &str) -> impl Iterator<Item = &'static Waypoint> + '_ {
    WAYPOINTS.iter().filter(move |w| w.corridor == name)
}

/// The railway corridors, in file order.
pub fn corridors() -> &'static [Corridor] {
    CORRIDORS
}

/// A sea lane by id (`suez`, `cape`, `pacific`).
pub fn sea_route(id: &str) -> Option<&'static SeaRoute> {
    SEA_ROUTES.iter().find(|r| r.id == id)
}

/// The hand-placed label point of a country, by alpha-3 code.
pub fn label_anchor(a3: &str) -> Option<(f64, f64)> {
    LABEL_ANCHORS.iter().find(|a| a.a3 == a3).map(|a| (a.lon, a.lat))
}
