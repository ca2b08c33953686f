//! `ALIASES` in `data_gen.rs`: `data/aliases.csv`, checked against the entities the compiled
//! datasets carry and the glossary's terms, as statics of `src/data/model.rs`'s `Alias`.

use crate::emit::{lit, str_list};
use crate::rules::{aliases, glossary, Checked};
use std::path::Path;

/// The `ALIASES` static; `entities` are the codes the data's rows carry.
pub fn generate(data: &Path, entities: &[&str], glossary: &[glossary::Entry]) -> Checked<String> {
    let terms: Vec<&str> = glossary.iter().map(|g| g.zh.as_str()).collect();
    let rows = aliases::read(&crate::table(data, "aliases.csv")?, entities, &terms)?;
    let mut out = String::from("pub static ALIASES: &[Alias] = &[\n");
    for a in &rows {
        out += &format!(
            "  Alias {{ text: {}, entities: &[{}], terms: &[{}] }},\n",
            lit(&a.alias),
            str_list(&a.entities),
            str_list(&a.terms)
        );
    }
    Ok(out + "];\n")
}
