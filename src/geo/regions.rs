//! Country groups as ISO alpha-3 lists (ASEAN, EU-27, the overseas-warehouse data's emerging
//! regions) and the reading of dataset entities (`CHN`, `ASEAN`, `region:africa`, `port:shanghai`).
//!
//! Layer: geo. Plain constants and pure functions; definitions and sources are in
//! `data/SOURCES.md` ("Map geometry" → "Country groups"). No drawing, no UI.

use super::shapes::Country;
use crate::data::Lang;

/// ASEAN's ten member states.
pub const ASEAN: [&str; 10] = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"];

/// The European Union's 27 member states (since the UK left on 31 January 2020).
pub const EU27: [&str; 27] = [
    "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA",
    "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
];

/// The Middle East as usually defined: the West Asian states from Türkiye and Iran to the
/// Arabian peninsula, with Cyprus and Egypt (Egypt is also in [`AFRICA`]).
pub const MIDDLE_EAST: [&str; 17] = [
    "BHR", "CYP", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "OMN", "PSE", "QAT", "SAU", "SYR", "TUR", "ARE",
    "YEM",
];

/// Latin America and the Caribbean: the 33 sovereign states of the UN M49 region (the members of
/// CELAC), plus Puerto Rico and the Falkland Islands, the two M49 territories of the region drawn
/// separately at 1:110m. (French Guiana is part of France's shape at this scale.)
pub const LATIN_AMERICA: [&str; 35] = [
    "MEX", // North America
    "BLZ", "CRI", "SLV", "GTM", "HND", "NIC", "PAN", // Central America
    "ARG", "BOL", "BRA", "CHL", "COL", "ECU", "GUY", "PRY", "PER", "SUR", "URY", "VEN", // South America
    "ATG", "BHS", "BRB", "CUB", "DMA", "DOM", "GRD", "HTI", "JAM", "KNA", "LCA", "VCT", "TTO", // Caribbean
    "PRI", "FLK", // territories
];

/// Africa: the 54 sovereign states of the UN M49 region (the African Union's 55 members less the
/// Sahrawi Republic, which China does not recognise), plus Western Sahara as a territory.
pub const AFRICA: [&str; 55] = [
    "DZA", "EGY", "LBY", "MAR", "SDN", "TUN", "ESH", // Northern Africa
    "BEN", "BFA", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "MLI", "MRT", "NER", "NGA", "SEN", "SLE",
    "TGO", // Western Africa
    "AGO", "CMR", "CAF", "TCD", "COG", "COD", "GNQ", "GAB", "STP", // Middle Africa
    "BDI", "COM", "DJI", "ERI", "ETH", "KEN", "MDG", "MWI", "MUS", "MOZ", "RWA", "SYC", "SOM", "SSD", "TZA", "UGA",
    "ZMB", "ZWE", // Eastern Africa
    "BWA", "SWZ", "LSO", "NAM", "ZAF", // Southern Africa
];

/// A named group of countries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// The id after `region:` in the datasets, or the bare entity (`ASEAN`, `EU`).
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub members: &'static [&'static str],
}

impl Region {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.name_zh,
            Lang::En => self.name_en,
        }
    }

    /// Whether a map feature belongs, by its data code (so Somaliland counts with Somalia and
    /// Northern Cyprus with Cyprus).
    pub fn contains(&self, c: &Country) -> bool {
        c.data_a3().is_some_and(|a3| self.members.contains(&a3))
    }
}

/// Every group: the two blocs the datasets name directly, then the overseas-warehouse regions.
pub const REGIONS: [Region; 6] = [
    Region { id: "ASEAN", name_zh: "东盟", name_en: "ASEAN", members: &ASEAN },
    Region { id: "EU", name_zh: "欧盟", name_en: "European Union", members: &EU27 },
    Region { id: "southeast_asia", name_zh: "东南亚", name_en: "Southeast Asia", members: &ASEAN },
    Region { id: "middle_east", name_zh: "中东", name_en: "Middle East", members: &MIDDLE_EAST },
    Region { id: "latin_america", name_zh: "拉美", name_en: "Latin America", members: &LATIN_AMERICA },
    Region { id: "africa", name_zh: "非洲", name_en: "Africa", members: &AFRICA },
];

/// A group by id (`ASEAN`, `EU`, or a `region:` id with or without the prefix).
pub fn region(id: &str) -> Option<&'static Region> {
    let id = id.strip_prefix("region:").unwrap_or(id);
    REGIONS.iter().find(|r| r.id == id)
}

/// What a dataset row's entity refers to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entity<'a> {
    /// An ISO alpha-3 country code.
    Country(&'a str),
    /// ASEAN, EU or a `region:` group.
    Group(&'static Region),
    /// `WLD`: the whole world.
    World,
    /// `BRI`: the Belt and Road countries (no fixed member list on the map).
    BeltAndRoad,
    /// `port:<id>`: a point in `data/geo/ports_coords.csv`.
    Port(&'a str),
    /// `prov:<id>`: a Chinese province (no provincial geometry in this atlas).
    Province(&'a str),
    /// Anything else (an unknown `region:` id, a malformed code).
    Unknown(&'a str),
}

/// Classifies one entity of a row (rows list several as separate entries, e.g. `AUS` and `NZL`).
pub fn entity(e: &str) -> Entity<'_> {
    if let Some(id) = e.strip_prefix("port:") {
        return Entity::Port(id);
    }
    if let Some(id) = e.strip_prefix("prov:") {
        return Entity::Province(id);
    }
    match e {
        "WLD" => Entity::World,
        "BRI" => Entity::BeltAndRoad,
        _ => {
            if let Some(r) = region(e).filter(|_| e.starts_with("region:") || e == "ASEAN" || e == "EU") {
                Entity::Group(r)
            } else if e.len() == 3 && e.bytes().all(|b| b.is_ascii_uppercase()) {
                Entity::Country(e)
            } else {
                Entity::Unknown(e)
            }
        }
    }
}

/// The alpha-3 codes an entity covers on the map: itself, a group's members, or none.
pub fn entity_countries(e: &str) -> Vec<&str> {
    match entity(e) {
        Entity::Country(a3) => vec![a3],
        Entity::Group(r) => r.members.to_vec(),
        _ => Vec::new(),
    }
}
