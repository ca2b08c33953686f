//! Names of the entities rows link to (countries, groups, ports, provinces, regions), for the
//! selection chip and anything else that names a selected entity.
//!
//! Layer: views.

use crate::data::{Lang, DATASETS};
use crate::geo;

/// A reader-facing name for an entity code: a country's name on the map (ISO alpha-3), else the
/// label of a row that stands for the entity alone (ASEAN's row of Table 2, a port's row of
/// Table 4), else of the first row that carries it, else the code itself.
pub fn entity_name(code: &str, lang: Lang) -> String {
    if let Some(c) = geo::by_a3(code) {
        return c.name(lang).to_string();
    }
    let rows = || DATASETS.iter().flat_map(|d| d.rows.iter());
    rows()
        .find(|r| r.entities == [code])
        .or_else(|| rows().find(|r| r.entities.contains(&code)))
        .map_or_else(|| code.to_string(), |r| r.label.get(lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_named_as_on_the_map_not_by_an_event_that_mentions_them() {
        // The timeline's "The US begins raising interest rates" also carries USA.
        assert_eq!(entity_name("USA", Lang::En), "United States");
        assert_eq!(entity_name("USA", Lang::Zh), "美国");
        assert_eq!(entity_name("RUS", Lang::Zh), "俄罗斯");
    }

    #[test]
    fn groups_and_ports_are_named_by_the_row_that_stands_for_them() {
        assert_eq!(entity_name("ASEAN", Lang::Zh), "东盟");
        let shanghai = DATASETS.iter().find(|d| d.id == "ports").unwrap().rows[0].entities[0];
        assert_eq!(entity_name(shanghai, Lang::Zh), "上海港");
        assert_eq!(entity_name("nope", Lang::En), "nope");
    }
}
