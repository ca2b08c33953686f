//! The map's point and line files under `data/geo/`: ports and chokepoints, railway waypoints, the
//! railway corridors drawn through them, the schematic sea lanes, and hand-placed label anchors.
//!
//! Layer: data (shared validation rules). Pure functions over text; each reader returns only the
//! fields the app uses (the `basis` and `source` columns are checked, then left behind).

use super::{Checked, Pair, Table};

/// A port, port area or chokepoint (`ports_coords.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct PortRow {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
    pub lat: f64,
    pub lon: f64,
    /// `N` for a role written `table4 #N`: the port's rank in the paper's Table 4.
    pub table4_rank: Option<u8>,
    /// The basis or source marks the coordinate `APPROXIMATE`.
    pub approximate: bool,
}

/// A China–Europe Railway Express waypoint (`cr_express_waypoints.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct WaypointRow {
    pub corridor: String,
    pub seq: String,
    pub name_en: String,
    pub name_zh: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

/// A railway corridor as drawn (`corridors.csv`): its name and its lines, each a list of indices
/// into the waypoints.
#[derive(Debug, Clone, PartialEq)]
pub struct CorridorRow {
    pub id: String,
    pub name: Pair,
    pub lines: Vec<Vec<usize>>,
}

/// A schematic sea lane (`sea_routes.csv`): its parts (split at the antimeridian) as (lon, lat).
#[derive(Debug, Clone, PartialEq)]
pub struct SeaRoute {
    pub id: String,
    pub parts: Vec<Vec<(f64, f64)>>,
}

/// A hand-placed label point (`label_anchors.csv`) for a country whose bounding-box centre falls badly.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub a3: String,
    pub lon: f64,
    pub lat: f64,
}

/// The corridors a waypoint may belong to.
pub const WAYPOINT_CORRIDORS: [&str; 5] = ["hub", "west", "central", "east", "common"];

/// A latitude or longitude cell: a decimal number within ±`limit`.
fn coordinate(t: &Table, r: &super::parse::Record, col: &str, limit: f64) -> Checked<f64> {
    let s = t.need(r, col)?;
    let at = t.at(r);
    let v: f64 = s.parse().map_err(|_| format!("{at}: column '{col}': '{s}' is not a number"))?;
    if !v.is_finite() || v.abs() > limit {
        return Err(format!("{at}: column '{col}': {s} is out of range (−{limit} to {limit})"));
    }
    Ok(v)
}

/// An id: lower-case ascii letters, digits and `_`.
fn id_cell<'a>(t: &Table, r: &'a super::parse::Record, col: &str) -> Checked<&'a str> {
    let id = t.need(r, col)?;
    if id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        Ok(id)
    } else {
        Err(format!("{}: column '{col}': '{id}' must be lower-case ascii, digits or _", t.at(r)))
    }
}

/// `ports_coords.csv`: unique ids, both names, a role, a coordinate and a source on every row; the
/// Table 4 ranks 1–20 once each at most.
pub fn ports(t: &Table) -> Checked<Vec<PortRow>> {
    t.expect_header(&["id", "name_en", "name_zh", "role", "lat", "lon", "basis", "source"])?;
    let mut out: Vec<PortRow> = Vec::new();
    for r in &t.rows {
        let at = t.at(r);
        let id = id_cell(t, r, "id")?;
        if out.iter().any(|p| p.id == id) {
            return Err(format!("{at}: column 'id': '{id}' appears twice"));
        }
        let role = t.need(r, "role")?;
        let table4_rank = match role.strip_prefix("table4 #") {
            Some(rest) => {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                match digits.parse::<u8>() {
                    Ok(n) if (1..=20).contains(&n) => Some(n),
                    _ => return Err(format!("{at}: column 'role': '{role}' names no Table 4 rank from 1 to 20")),
                }
            }
            None => None,
        };
        if let Some(n) = table4_rank.filter(|n| out.iter().any(|p| p.table4_rank == Some(*n))) {
            return Err(format!("{at}: column 'role': Table 4 rank {n} appears twice"));
        }
        let (basis, source) = (t.get(r, "basis").unwrap_or(""), t.need(r, "source")?);
        out.push(PortRow {
            id: id.to_string(),
            name_en: t.need(r, "name_en")?.to_string(),
            name_zh: t.need(r, "name_zh")?.to_string(),
            lat: coordinate(t, r, "lat", 90.0)?,
            lon: coordinate(t, r, "lon", 180.0)?,
            table4_rank,
            approximate: basis.contains("APPROXIMATE") || source.contains("APPROXIMATE"),
        });
    }
    Ok(out)
}

/// `cr_express_waypoints.csv`: a known corridor, a step (`0` for hubs, else digits with an optional
/// branch letter), a unique English name (corridors name their stops by it), an ISO alpha-2 country,
/// a coordinate and a source on every row.
pub fn waypoints(t: &Table) -> Checked<Vec<WaypointRow>> {
    t.expect_header(&["corridor", "seq", "name_en", "name_zh", "country", "lat", "lon", "source"])?;
    let mut out: Vec<WaypointRow> = Vec::new();
    for r in &t.rows {
        let at = t.at(r);
        let corridor = t.need(r, "corridor")?;
        if !WAYPOINT_CORRIDORS.contains(&corridor) {
            return Err(format!(
                "{at}: column 'corridor': '{corridor}' is not one of {}",
                WAYPOINT_CORRIDORS.join(", ")
            ));
        }
        let seq = t.need(r, "seq")?;
        let digits = seq.trim_end_matches(|c: char| c.is_ascii_lowercase());
        let branch_len = seq.len() - digits.len();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || branch_len > 1 {
            return Err(format!("{at}: column 'seq': '{seq}' is not a step such as 3 or 3b"));
        }
        if (corridor == "hub") != (seq == "0") {
            return Err(format!("{at}: column 'seq': hubs, and only hubs, are step 0"));
        }
        let name_en = t.need(r, "name_en")?;
        if out.iter().any(|w| w.name_en == name_en) {
            return Err(format!("{at}: column 'name_en': '{name_en}' appears twice"));
        }
        let country = t.need(r, "country")?;
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!("{at}: column 'country': '{country}' is not an ISO alpha-2 code"));
        }
        t.need(r, "source")?;
        out.push(WaypointRow {
            corridor: corridor.to_string(),
            seq: seq.to_string(),
            name_en: name_en.to_string(),
            name_zh: t.need(r, "name_zh")?.to_string(),
            country: country.to_string(),
            lat: coordinate(t, r, "lat", 90.0)?,
            lon: coordinate(t, r, "lon", 180.0)?,
        });
    }
    Ok(out)
}

/// `corridors.csv`: each row is one line of a corridor, its stops the waypoints' English names
/// separated by ` > `. A corridor's first row names it in both languages; its further rows follow
/// directly and leave the names empty.
pub fn corridors(t: &Table, waypoints: &[WaypointRow]) -> Checked<Vec<CorridorRow>> {
    t.expect_header(&["corridor", "name_zh", "name_en", "stops"])?;
    let mut out: Vec<CorridorRow> = Vec::new();
    for r in &t.rows {
        let at = t.at(r);
        let id = id_cell(t, r, "corridor")?;
        let mut line = Vec::new();
        for stop in t.need(r, "stops")?.split(" > ").map(str::trim) {
            let i = waypoints
                .iter()
                .position(|w| w.name_en == stop)
                .ok_or_else(|| format!("{at}: column 'stops': '{stop}' is not a waypoint's name_en"))?;
            line.push(i);
        }
        if line.len() < 2 {
            return Err(format!("{at}: column 'stops': a line needs at least two stops"));
        }
        let name = match (t.get(r, "name_zh"), t.get(r, "name_en")) {
            (Some(zh), Some(en)) => Some((zh.to_string(), en.to_string())),
            (None, None) => None,
            _ => return Err(format!("{at}: name_zh and name_en must both be given or both empty")),
        };
        let seen = out.iter().any(|c| c.id == id);
        match (out.last_mut(), name) {
            (Some(last), None) if last.id == id => last.lines.push(line),
            (_, None) => return Err(format!("{at}: the first line of corridor '{id}' must name it")),
            (_, Some(_)) if seen => {
                return Err(format!("{at}: corridor '{id}' is named twice; its lines must follow one another"))
            }
            (_, Some(name)) => out.push(CorridorRow { id: id.to_string(), name, lines: vec![line] }),
        }
    }
    Ok(out)
}

/// `sea_routes.csv`: a route's rows are contiguous with rising `seq`; `part` starts at 1 and steps
/// by one (a new part begins where a lane crosses the antimeridian); every part has two points or
/// more. A row whose source is `ports_coords.csv <id>` sits on that port's coordinate, unless the
/// source says `(offshore)`.
pub fn sea_routes(t: &Table, ports: &[PortRow]) -> Checked<Vec<SeaRoute>> {
    t.expect_header(&["route", "part", "seq", "name", "lat", "lon", "source"])?;
    let mut out: Vec<SeaRoute> = Vec::new();
    let mut last_seq = 0u32;
    for r in &t.rows {
        let at = t.at(r);
        let id = id_cell(t, r, "route")?;
        let number = |col: &str| -> Checked<u32> {
            let s = t.need(r, col)?;
            s.parse().map_err(|_| format!("{at}: column '{col}': '{s}' is not a whole number"))
        };
        let (part, seq) = (number("part")?, number("seq")?);
        let (lat, lon) = (coordinate(t, r, "lat", 90.0)?, coordinate(t, r, "lon", 180.0)?);
        t.need(r, "name")?;
        check_port_source(t.need(r, "source")?, lat, lon, ports, &at)?;
        match out.last_mut() {
            Some(route) if route.id == id => {
                if seq <= last_seq {
                    return Err(format!("{at}: column 'seq': {seq} does not follow {last_seq}"));
                }
                match part as usize {
                    p if p == route.parts.len() => route.parts.last_mut().expect("a route has a part").push((lon, lat)),
                    p if p == route.parts.len() + 1 => route.parts.push(vec![(lon, lat)]),
                    _ => return Err(format!("{at}: column 'part': {part} does not follow {}", route.parts.len())),
                }
            }
            _ => {
                if out.iter().any(|s| s.id == id) {
                    return Err(format!("{at}: route '{id}' appears twice; its rows must follow one another"));
                }
                if part != 1 {
                    return Err(format!("{at}: column 'part': a route starts with part 1"));
                }
                out.push(SeaRoute { id: id.to_string(), parts: vec![vec![(lon, lat)]] });
            }
        }
        last_seq = seq;
    }
    if let Some(s) = out.iter().find(|s| s.parts.iter().any(|p| p.len() < 2)) {
        return Err(format!("{}: route '{}' has a part with fewer than two points", t.path, s.id));
    }
    Ok(out)
}

fn check_port_source(source: &str, lat: f64, lon: f64, ports: &[PortRow], at: &str) -> Checked<()> {
    let Some(rest) = source.strip_prefix("ports_coords.csv ") else { return Ok(()) };
    let id = rest.split_whitespace().next().unwrap_or("");
    let p = ports.iter().find(|p| p.id == id).ok_or_else(|| format!("{at}: column 'source': no port '{id}'"))?;
    if !rest.contains("(offshore)") && ((p.lat - lat).abs() > 1e-3 || (p.lon - lon).abs() > 1e-3) {
        return Err(format!(
            "{at}: column 'source': ({lat}, {lon}) is not port '{id}' at ({}, {}); mark it (offshore) if it is meant",
            p.lat, p.lon
        ));
    }
    Ok(())
}

/// A country's bounds in degrees as (west, south, east, north), by alpha-3 code.
pub type BoundsOf<'a> = &'a dyn Fn(&str) -> Option<(f64, f64, f64, f64)>;

/// `label_anchors.csv`: one row per country code, the point inside that country's bounds, with a
/// reason.
pub fn anchors(t: &Table, bounds_of: BoundsOf) -> Checked<Vec<Anchor>> {
    t.expect_header(&["a3", "lon", "lat", "why"])?;
    let mut out: Vec<Anchor> = Vec::new();
    for r in &t.rows {
        let at = t.at(r);
        let a3 = t.need(r, "a3")?;
        let (w, s, e, n) = bounds_of(a3).ok_or_else(|| format!("{at}: column 'a3': '{a3}' is not on the map"))?;
        if out.iter().any(|a| a.a3 == a3) {
            return Err(format!("{at}: column 'a3': '{a3}' appears twice"));
        }
        let (lon, lat) = (coordinate(t, r, "lon", 180.0)?, coordinate(t, r, "lat", 90.0)?);
        if !(w..=e).contains(&lon) || !(s..=n).contains(&lat) {
            return Err(format!("{at}: ({lon}, {lat}) lies outside {a3}'s bounds ({w}, {s}) – ({e}, {n})"));
        }
        t.need(r, "why")?;
        out.push(Anchor { a3: a3.to_string(), lon, lat });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORTS_HEAD: &str = "id,name_en,name_zh,role,lat,lon,basis,source\n";
    const WAY_HEAD: &str = "corridor,seq,name_en,name_zh,country,lat,lon,source\n";

    fn table(path: &str, text: &str) -> Table {
        Table::parse(path, text).unwrap()
    }

    fn ports_of(rows: &str) -> Checked<Vec<PortRow>> {
        ports(&table("data/geo/ports_coords.csv", &format!("{PORTS_HEAD}{rows}")))
    }

    #[test]
    fn a_port_keeps_only_what_the_map_uses() {
        let p = ports_of("nansha,Nansha,南沙,table4 #5 / x,22.65,113.67,APPROXIMATE (estimate),GeoNames\n").unwrap();
        assert_eq!(
            p[0],
            PortRow {
                id: "nansha".into(),
                name_en: "Nansha".into(),
                name_zh: "南沙".into(),
                lat: 22.65,
                lon: 113.67,
                table4_rank: Some(5),
                approximate: true
            }
        );
    }

    #[test]
    fn a_latitude_out_of_range_names_line_and_column() {
        let e = ports_of("x,X,甲,r,91,2,b,s\n").unwrap_err();
        assert_eq!(e, "data/geo/ports_coords.csv:2: column 'lat': 91 is out of range (−90 to 90)");
    }

    #[test]
    fn a_row_with_a_missing_field_names_its_line() {
        let e = Table::parse("data/geo/ports_coords.csv", &format!("{PORTS_HEAD}x,X,甲,r,1,2,b\n")).unwrap_err();
        assert_eq!(e, "data/geo/ports_coords.csv:2: 7 fields, the header has 8");
    }

    #[test]
    fn a_port_without_a_source_is_rejected() {
        let e = ports_of("x,X,甲,r,1,2,b,\n").unwrap_err();
        assert_eq!(e, "data/geo/ports_coords.csv:2: column 'source' is empty");
    }

    #[test]
    fn a_table_4_rank_is_taken_once() {
        let e = ports_of("a,A,甲,table4 #1,1,2,b,s\nb,B,乙,table4 #1,1,2,b,s\n").unwrap_err();
        assert_eq!(e, "data/geo/ports_coords.csv:3: column 'role': Table 4 rank 1 appears twice");
    }

    #[test]
    fn a_misspelt_header_is_rejected() {
        let e =
            ports(&table("data/geo/ports_coords.csv", "id,name_en,name_zh,role,lon,lat,basis,source\n")).unwrap_err();
        assert!(e.starts_with("data/geo/ports_coords.csv:1: expected the header 'id,name_en,"), "{e}");
    }

    fn stations() -> Vec<WaypointRow> {
        let text = format!(
            "{WAY_HEAD}hub,0,Xi'an,西安,CN,34.2,108.9,g\nwest,1,Urumqi,乌鲁木齐,CN,43.8,87.6,g\nwest,3b,Khorgos (KZ side),霍尔果斯,KZ,44.2,80.4,g\n"
        );
        waypoints(&table("data/geo/cr_express_waypoints.csv", &text)).unwrap()
    }

    #[test]
    fn waypoints_check_their_step_and_country() {
        assert_eq!(stations()[2].seq, "3b");
        let e = waypoints(&table("data/geo/w.csv", &format!("{WAY_HEAD}west,0,A,甲,CN,1,2,g\n"))).unwrap_err();
        assert_eq!(e, "data/geo/w.csv:2: column 'seq': hubs, and only hubs, are step 0");
        let e = waypoints(&table("data/geo/w.csv", &format!("{WAY_HEAD}west,2,A,甲,China,1,2,g\n"))).unwrap_err();
        assert_eq!(e, "data/geo/w.csv:2: column 'country': 'China' is not an ISO alpha-2 code");
        let e = waypoints(&table("data/geo/w.csv", &format!("{WAY_HEAD}north,2,A,甲,CN,1,2,g\n"))).unwrap_err();
        assert_eq!(e, "data/geo/w.csv:2: column 'corridor': 'north' is not one of hub, west, central, east, common");
    }

    const CORR_HEAD: &str = "corridor,name_zh,name_en,stops\n";

    #[test]
    fn a_corridor_gathers_its_lines_under_its_first_row() {
        let text = format!("{CORR_HEAD}west,西,West,Xi'an > Urumqi\nwest,,,Urumqi > Khorgos (KZ side)\n");
        let c = corridors(&table("data/geo/corridors.csv", &text), &stations()).unwrap();
        assert_eq!(
            c,
            [CorridorRow {
                id: "west".into(),
                name: ("西".into(), "West".into()),
                lines: vec![vec![0, 1], vec![1, 2]]
            }]
        );
    }

    #[test]
    fn a_corridor_stop_must_be_a_waypoint_named_exactly() {
        let text = format!("{CORR_HEAD}west,西,West,Xi'an > Khorgos\n");
        let e = corridors(&table("data/geo/corridors.csv", &text), &stations()).unwrap_err();
        assert_eq!(e, "data/geo/corridors.csv:2: column 'stops': 'Khorgos' is not a waypoint's name_en");
        let text = format!("{CORR_HEAD}west,,,Xi'an > Urumqi\n");
        let e = corridors(&table("data/geo/corridors.csv", &text), &stations()).unwrap_err();
        assert_eq!(e, "data/geo/corridors.csv:2: the first line of corridor 'west' must name it");
    }

    const SEA_HEAD: &str = "route,part,seq,name,lat,lon,source\n";

    fn port_la() -> Vec<PortRow> {
        ports_of("port_los_angeles,Port of Los Angeles,洛杉矶港,destination,33.73,-118.2625,x,WPI\n").unwrap()
    }

    #[test]
    fn a_sea_lane_splits_into_parts_at_the_antimeridian() {
        let text = format!(
            "{SEA_HEAD}pacific,1,1,A,31,121,schematic\npacific,1,2,B,42,180,schematic\npacific,2,3,C,42,-180,schematic\npacific,2,4,LA,33.73,-118.2625,ports_coords.csv port_los_angeles\n"
        );
        let s = sea_routes(&table("data/geo/sea_routes.csv", &text), &port_la()).unwrap();
        assert_eq!(s[0].parts, vec![vec![(121.0, 31.0), (180.0, 42.0)], vec![(-180.0, 42.0), (-118.2625, 33.73)]]);
    }

    #[test]
    fn a_sea_lane_point_said_to_be_a_port_must_be_there() {
        let text =
            format!("{SEA_HEAD}p,1,1,A,31,121,schematic\np,1,2,LA,33.5,-118.2625,ports_coords.csv port_los_angeles\n");
        let e = sea_routes(&table("data/geo/sea_routes.csv", &text), &port_la()).unwrap_err();
        assert_eq!(
            e,
            "data/geo/sea_routes.csv:3: column 'source': (33.5, -118.2625) is not port 'port_los_angeles' at (33.73, -118.2625); mark it (offshore) if it is meant"
        );
        let offshore = text.replace("port_los_angeles\n", "port_los_angeles (offshore)\n");
        assert!(sea_routes(&table("data/geo/sea_routes.csv", &offshore), &port_la()).is_ok());
    }

    #[test]
    fn a_sea_lane_that_skips_a_part_or_goes_backwards_is_rejected() {
        let text = format!("{SEA_HEAD}p,1,1,A,1,1,s\np,3,2,B,2,2,s\n");
        let e = sea_routes(&table("data/geo/sea_routes.csv", &text), &[]).unwrap_err();
        assert_eq!(e, "data/geo/sea_routes.csv:3: column 'part': 3 does not follow 1");
        let text = format!("{SEA_HEAD}p,1,2,A,1,1,s\np,1,2,B,2,2,s\n");
        let e = sea_routes(&table("data/geo/sea_routes.csv", &text), &[]).unwrap_err();
        assert_eq!(e, "data/geo/sea_routes.csv:3: column 'seq': 2 does not follow 2");
        let text = format!("{SEA_HEAD}p,1,1,A,1,1,s\n");
        let e = sea_routes(&table("data/geo/sea_routes.csv", &text), &[]).unwrap_err();
        assert_eq!(e, "data/geo/sea_routes.csv: route 'p' has a part with fewer than two points");
    }

    #[test]
    fn a_label_anchor_must_fall_inside_its_country() {
        let bounds = |a3: &str| (a3 == "FRA").then_some((-5.0, 42.0, 8.0, 51.0));
        let t = table("data/geo/label_anchors.csv", "a3,lon,lat,why\nFRA,2.5,46.6,Corsica and the mainland\n");
        assert_eq!(anchors(&t, &bounds).unwrap(), [Anchor { a3: "FRA".into(), lon: 2.5, lat: 46.6 }]);
        let t = table("data/geo/label_anchors.csv", "a3,lon,lat,why\nFRA,12.5,46.6,x\n");
        assert_eq!(
            anchors(&t, &bounds).unwrap_err(),
            "data/geo/label_anchors.csv:2: (12.5, 46.6) lies outside FRA's bounds (-5, 42) – (8, 51)"
        );
        let t = table("data/geo/label_anchors.csv", "a3,lon,lat,why\nFRX,2.5,46.6,x\n");
        assert_eq!(
            anchors(&t, &bounds).unwrap_err(),
            "data/geo/label_anchors.csv:2: column 'a3': 'FRX' is not on the map"
        );
    }
}
