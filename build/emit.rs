//! Rust literals for the generated statics: strings, bilingual texts, numbers, options.

use crate::parse::Qualifier;
use crate::rules::Pair;

/// A string literal.
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// `L::new(zh, en)`.
pub fn l_lit(zh: &str, en: &str) -> String {
    format!("L::new({}, {})", lit(zh), lit(en))
}

/// `Some(L::new(..))` or `None`.
pub fn opt_pair(p: &Option<Pair>) -> String {
    p.as_ref().map_or("None".into(), |(zh, en)| format!("Some({})", l_lit(zh, en)))
}

/// `Some("..")` or `None`.
pub fn opt_str(s: Option<&str>) -> String {
    s.map_or("None".into(), |s| format!("Some({})", lit(s)))
}

/// `&["a", "b"]`-style list contents: `"a", "b"`.
pub fn str_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    items.into_iter().map(|s| lit(s.as_ref())).collect::<Vec<_>>().join(", ")
}

/// An `f64` literal that always reads as a float.
pub fn f64_lit(x: f64) -> String {
    let s = format!("{x:?}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

pub fn qual_lit(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "Qualifier::Exact",
        Qualifier::Over => "Qualifier::Over",
        Qualifier::About => "Qualifier::About",
        Qualifier::Nearly => "Qualifier::Nearly",
        Qualifier::Under => "Qualifier::Under",
    }
}

/// The static name of a unit: `U_USD_100M`.
pub fn unit_ident(id: &str) -> String {
    format!("U_{}", id.to_ascii_uppercase())
}
