//! Citations of a chart's view in the formats researchers use: GB/T 7714-2015 (the Chinese
//! national standard), APA (7th edition) and a BibTeX entry, each with the permalink of the exact
//! view and the date it was accessed.
//!
//! Layer: views. Pure text; the UI supplies the address and today's date. The paper's text carries
//! no author or journal details, so neither the atlas nor these citations add any.

use super::provenance::locator;
use super::ChartDef;
use crate::data::{Lang, PAPER};

/// A day as year, month and day.
pub type Day = (u32, u32, u32);

/// One view's citations.
#[derive(Clone, Debug, PartialEq)]
pub struct Citations {
    /// GB/T 7714-2015, an online resource ([EB/OL]).
    pub gbt: String,
    pub apa: String,
    pub bibtex: String,
}

/// The months' English names.
pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Escape text for a BibTeX field value (braces and the characters TeX treats specially).
fn bib(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => format!("\\{c}"),
            c => c.to_string(),
        })
        .collect()
}

/// The citations of a chart's view at `link` (its permalink), accessed on `day`.
pub fn citations(def: &ChartDef, lang: Lang, link: &str, day: Day) -> Citations {
    let ds = def.dataset();
    let source = Some((locator(ds, lang), locator(ds, Lang::En)));
    cite(def.id, def.title.get(lang), source, lang, link, day)
}

/// The citations of the whole atlas in the view at `link`, accessed (printed) on `day`: the
/// print edition's cover. The data's source is the paper as a whole.
pub fn atlas(lang: Lang, link: &str, day: Day) -> Citations {
    cite("atlas", crate::i18n::SITE_TITLE.get(lang), None, lang, link, day)
}

/// The citations of a work of the atlas (`id` for the BibTeX key) titled `title`, whose data comes
/// from the paper at `source` (as the reader's language and as English say it; `None`: the paper).
fn cite(id: &str, title: &str, source: Option<(String, String)>, lang: Lang, link: &str, day: Day) -> Citations {
    let (y, m, d) = day;
    let iso = format!("{y:04}-{m:02}-{d:02}");
    let (here, en) = source.unwrap_or_default();
    let gbt = match lang {
        Lang::Zh => {
            format!("外贸新质生产力图集. {title}[EB/OL]. [{iso}]. {link}. 数据来源:《{}》{here}.", PAPER.title.zh)
        }
        Lang::En => {
            let at = if here.is_empty() { here } else { format!(", {here}") };
            format!(
                "Trade Atlas. {title}[EB/OL]. [{iso}]. {link}. Data: 《{}》 ({}){at}.",
                PAPER.title.zh, PAPER.title.en
            )
        }
    };
    let month = MONTHS[(m.clamp(1, 12) - 1) as usize];
    let apa = match lang {
        Lang::Zh => {
            format!("外贸新质生产力图集. (无日期). {title} [数据可视化]. 检索于 {y} 年 {m} 月 {d} 日, 来自 {link}")
        }
        Lang::En => {
            format!("Trade Atlas. (n.d.). {title} [Data visualization]. Retrieved {month} {d}, {y}, from {link}")
        }
    };
    let at = if en.is_empty() { en } else { format!(", {en}") };
    let bibtex = format!(
        "@misc{{tradeatlas-{id},\n  title = {{{t}}},\n  author = {{{{Trade Atlas}}}},\n  howpublished = {{\\url{{{link}}}}},\n  urldate = {{{iso}}},\n  note = {{{note}}}\n}}",
        t = bib(title),
        note = bib(&format!("{}: 《{}》 ({}){at}", if lang == Lang::Zh { "数据" } else { "Data" }, PAPER.title.zh, PAPER.title.en)),
    );
    Citations { gbt, apa, bibtex }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::chart;

    const LINK: &str = "https://example.org/atlas/?lang=en&sel=RUS#chart-partners-exports";

    #[test]
    fn gbt_7714_marks_an_online_resource_with_its_access_date_and_address() {
        let c = citations(chart("partners-exports").unwrap(), Lang::Zh, LINK, (2026, 11, 29));
        assert!(c.gbt.starts_with("外贸新质生产力图集. "), "{}", c.gbt);
        assert!(
            c.gbt.contains("[EB/OL]. [2026-11-29]. https://example.org/atlas/?lang=en&sel=RUS#chart-partners-exports"),
            "{}",
            c.gbt
        );
        assert!(c.gbt.contains("《外贸新质生产力》一(四)2 · 表 3"), "{}", c.gbt);
    }

    #[test]
    fn apa_says_when_it_was_retrieved_and_what_kind_of_work_it_is() {
        let c = citations(chart("partners-exports").unwrap(), Lang::En, LINK, (2026, 3, 5));
        assert!(c.apa.starts_with("Trade Atlas. (n.d.). Table 3"), "{}", c.apa);
        assert!(c.apa.contains("[Data visualization]. Retrieved March 5, 2026, from https://"), "{}", c.apa);
    }

    #[test]
    fn the_bibtex_entry_is_balanced_and_escapes_what_tex_would_read() {
        let c = citations(chart("partners-exports").unwrap(), Lang::En, LINK, (2026, 11, 29));
        assert!(c.bibtex.starts_with("@misc{tradeatlas-partners-exports,"), "{}", c.bibtex);
        assert!(c.bibtex.contains("urldate = {2026-11-29}"), "{}", c.bibtex);
        assert!(c.bibtex.contains("\\url{https://example.org/atlas/?lang=en&sel=RUS#chart-partners-exports}"));
        assert_eq!(
            c.bibtex.matches('{').count() - c.bibtex.matches("\\{").count(),
            c.bibtex.matches('}').count() - c.bibtex.matches("\\}").count(),
            "braces balance: {}",
            c.bibtex
        );
        assert_eq!(bib("50% & $1_000 #2"), "50\\% \\& \\$1\\_000 \\#2");
    }

    #[test]
    fn the_atlas_is_cited_as_a_whole_with_the_paper_as_its_source() {
        let link = "https://example.org/atlas/?lang=en";
        let en = atlas(Lang::En, link, (2026, 3, 5));
        assert_eq!(
            en.gbt,
            "Trade Atlas. Trade Atlas: China's foreign trade in 2023[EB/OL]. [2026-03-05]. https://example.org/atlas/?lang=en. \
             Data: 《外贸新质生产力》 (New quality productive forces in foreign trade)."
        );
        assert!(en
            .apa
            .ends_with("[Data visualization]. Retrieved March 5, 2026, from https://example.org/atlas/?lang=en"));
        let zh = atlas(Lang::Zh, link, (2026, 3, 5));
        assert!(
            zh.gbt.starts_with("外贸新质生产力图集. 外贸新质生产力:2023 年中国外贸图集[EB/OL]. [2026-03-05]. "),
            "{}",
            zh.gbt
        );
        assert!(zh.gbt.ends_with("数据来源:《外贸新质生产力》."), "{}", zh.gbt);
        assert!(zh.apa.contains("检索于 2026 年 3 月 5 日"), "{}", zh.apa);
    }
}
