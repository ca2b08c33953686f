//! The search's markup: the field with its (empty) listbox, and the results as the listbox's
//! content (the WAI-ARIA combobox pattern): one group per kind of result, labelled by its
//! heading, each result an option carrying its index in `data-i`, the query's matches in `<mark>`.
//!
//! Layer: views (search). Pure text, escaped as the static first screen is
//! (`data::format::escape_markup`), so the markup is tested natively and the UI only sets it and
//! follows the reader's keys and clicks.

use super::results::{Hit, Marked, Results};
use super::words;
use crate::data::format::escape_markup as escape;
use crate::data::Lang;
use std::fmt::Write as _;

/// The field, under it the notice that a query was shortened, its results and the "nothing found"
/// line, and the announcement, as the UI writes them once; their text and the attributes that
/// follow the search are set as it changes.
pub const FIELD: &str = concat!(
    r#"<div class="search-box" id="search-box">"#,
    r#"<input type="text" id="search-input" class="search-input" role="combobox" data-testid="search" aria-autocomplete="list" aria-controls="search-list" aria-expanded="false" autocomplete="off" spellcheck="false" enterkeyhint="search">"#,
    r#"<kbd class="search-key" aria-hidden="true">/</kbd><div class="search-drop">"#,
    r#"<p id="search-cut" class="search-cut" data-testid="search-cut" hidden></p>"#,
    r#"<div id="search-list" role="listbox" class="search-list" hidden></div>"#,
    r#"<p id="search-none" class="search-none" hidden></p></div></div>"#,
    r#"<p id="search-live" class="sr-only" aria-live="polite" data-testid="search-live"></p>"#,
);

/// The id of the option that shows result `i` (counted across groups).
pub fn option_id(i: usize) -> String {
    format!("search-opt-{i}")
}

/// A text with its matches in `<mark>`.
fn marked(m: &Marked, out: &mut String) {
    for (s, hit) in m.runs() {
        if hit {
            let _ = write!(out, "<mark>{}</mark>", escape(s));
        } else {
            out.push_str(&escape(s));
        }
    }
}

fn option(h: &Hit, i: usize, lang: Lang, out: &mut String) {
    let _ = write!(
        out,
        r#"<div role="option" id="{}" class="search-opt" aria-selected="false" data-i="{i}"><span class="so-head"><span class="so-title">"#,
        option_id(i)
    );
    marked(&h.title, out);
    out.push_str("</span>");
    if let Some(v) = &h.value {
        let _ = write!(out, r#"<span class="so-value">{}</span>"#, escape(v));
    }
    out.push_str("</span>");
    if let Some(a) = h.alt.as_ref().filter(|a| a.text != h.title.text) {
        let _ = write!(out, r#"<span class="so-alt" lang="{}">"#, lang.other().tag());
        marked(a, out);
        out.push_str("</span>");
    }
    if let Some(p) = &h.printed {
        let _ = write!(
            out,
            r#"<span class="so-printed">{} <span lang="zh-CN">{}</span></span>"#,
            escape(words::PRINTED.get(lang)),
            escape(p)
        );
    }
    if let Some(c) = &h.context {
        out.push_str(r#"<span class="so-context">"#);
        marked(c, out);
        out.push_str("</span>");
    }
    let meta: Vec<&str> = [&h.period, &h.section].into_iter().flatten().map(String::as_str).collect();
    if !meta.is_empty() {
        let _ = write!(out, r#"<span class="so-meta">{}</span>"#, escape(&meta.join(" · ")));
    }
    out.push_str("</div>");
}

/// The listbox's contents: groups of options, each group labelled by its heading and count.
pub fn listbox_html(r: &Results, lang: Lang) -> String {
    let mut out = String::new();
    let mut i = 0;
    for (gi, g) in r.groups.iter().enumerate() {
        let _ = write!(
            out,
            r#"<div role="group" class="search-group" aria-labelledby="search-g{gi}"><div role="presentation" class="search-group-name" id="search-g{gi}">{}<span class="count">{}</span></div>"#,
            escape(g.group.name().get(lang)),
            g.total
        );
        for h in &g.hits {
            option(h, i, lang, &mut out);
            i += 1;
        }
        out.push_str("</div>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listbox_holds_labelled_groups_of_options_with_the_query_marked() {
        let r = super::super::search("俄罗斯", Lang::En);
        let html = listbox_html(&r, Lang::En);
        assert!(html.starts_with(r#"<div role="group" class="search-group" aria-labelledby="search-g0"><div role="presentation" class="search-group-name" id="search-g0">Figures<span class="count">"#), "{html}");
        assert!(html.contains(r#"<div role="option" id="search-opt-0" class="search-opt" aria-selected="false" data-i="0"><span class="so-head"><span class="so-title"><mark>Russia</mark> · "#), "{html}");
        assert!(html.contains(r#"<span class="so-alt" lang="zh-CN"><mark>俄罗斯</mark> · 出口总额</span>"#), "{html}");
        assert!(
            html.contains(r#"<span class="so-printed">as printed <span lang="zh-CN">2,401.10 亿美元</span></span>"#),
            "{html}"
        );
        let options = html.matches(r#"role="option""#).count();
        assert_eq!(options, r.hits().count());
        assert!(html.contains(&format!(r#"id="{}""#, option_id(options - 1))));
    }

    #[test]
    fn data_text_is_escaped() {
        let r = super::super::search("newest and hottest sectors", Lang::En);
        let html = listbox_html(&r, Lang::En);
        assert!(html.contains("China&apos;s two <mark>newest</mark>"), "{html}");
        assert!(!html.contains("China's"), "{html}");
    }
}
