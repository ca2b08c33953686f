//! The print edition: what the page prints and in what order. The whole atlas prints as a
//! document (a cover with the citations, the permalink, the date and the contents; every chart as
//! a numbered figure; the data tables in an appendix); "Print this chart" prints one figure alone.
//! The numbers show on paper only: on screen a chart is reached by its anchor, the search or the
//! contents bar, and a number would be one more label to read; on paper it is how a report
//! refers to a chart, and a chart printed alone keeps the edition's number.
//!
//! Layer: views. Pure: the figure numbers, the contents, the appendix's tables and the width a
//! printed figure is drawn at are decided here; `ui::print` renders them and `style/print.css`
//! lays them out on A4.

use super::data_table::{self as model, note_mark};
use super::interact::table_rows;
use super::page::cards;
use super::{page, provenance, Built, ChartDef, Settings};
use crate::chart::{Frame, Theme, View};
use crate::data::format::{escape_markup as esc, paper_section, unit_label};
use crate::data::registry::datasets_in;
use crate::data::{Dataset, Lang, Row, L, PAPER, SECTIONS};
use crate::i18n;

/// What the page prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Printing {
    /// Nothing: the page is on screen.
    No,
    /// The whole atlas as a document.
    Edition,
    /// One chart alone ("Print this chart"), by its id.
    Chart(&'static str),
    /// The page as it shows: the tour (one step a page) or an embed.
    AsShown,
}

/// What the page prints when `on`, in the tour or not, embedded or not, and with one chart asked
/// for or not.
pub fn printing(on: bool, tour: bool, embed: bool, one: Option<&'static str>) -> Printing {
    match one {
        _ if !on => Printing::No,
        _ if tour || embed => Printing::AsShown,
        Some(id) => Printing::Chart(id),
        None => Printing::Edition,
    }
}

impl Printing {
    /// Whether the chart `id` prints as a numbered figure, drawn for paper.
    pub fn figure(self, id: &str) -> bool {
        match self {
            Printing::Edition => true,
            Printing::Chart(one) => one == id,
            _ => false,
        }
    }
}

/// "Print this chart", in each chart's menu.
pub const PRINT_CHART: L = L::new("打印此图", "Print this chart");
/// The cover's headings.
pub const CITE_AS: L = L::new("引用", "Cite as");
pub const PERMALINK: L = L::new("本视图的链接", "Permalink of this view");
pub const PRINTED: L = L::new("打印日期", "Printed");
pub const APPENDIX: L = L::new("附录:数据表", "Appendix: data tables");
pub const APPENDIX_INTRO: L = L::new(
    "图中每个数据集的全部数值,按原文印刷;单位、推算值的公式与数据注释的标记同页面上的数据表。",
    "Every value of each dataset charted above, as the paper prints it; units, the formulas of derived values and the marks of data notes as in the page's data tables.",
);

/// The width of the printed page's text, in CSS pixels: A4 (210 mm) less two margins of 15 mm.
pub const PAGE_WIDTH: u32 = 680;
/// The gap between two figures side by side, in CSS pixels.
pub const GAP: u32 = 16;
/// The scale a figure prints at among the others: a chart's 11.5–12 px text prints at 7 pt, the
/// size of a figure's text in a journal, and its rows take four fifths of their height on screen.
pub const SCALE: f64 = 0.8;

/// The width a printed figure is drawn at, in CSS pixels: the map spans the page; every other
/// chart prints in one of two columns (a chart of many rows beside its dataset's next, where on
/// screen it spans the page: on paper its bars need no more room), each divided by [`SCALE`]; a
/// chart printed alone is drawn at the page's width and prints at the size it has on screen.
pub fn figure_width(def: &ChartDef, alone: bool) -> u32 {
    match (alone, def.kind.is_map()) {
        (true, _) => PAGE_WIDTH,
        (false, true) => (f64::from(PAGE_WIDTH) / SCALE) as u32,
        (false, false) => (f64::from(PAGE_WIDTH - GAP) / 2.0 / SCALE) as u32,
    }
}

/// A figure drawn for paper: the chart as its canvas shows it (`view`: the selection, hidden
/// series, the map's camera and centre), as vector graphics at the width it prints at (printed
/// `alone` or among the others), so it prints sharp at any size.
pub fn figure_svg(def: &ChartDef, built: &Built, theme: &Theme, view: &View, alone: bool) -> String {
    let Some((spec, _)) = built.canvas() else { return String::new() };
    crate::chart::svg::render_view(spec, &Frame::default(), theme, figure_width(def, alone), view).0
}

/// The charts in print order, each a figure: the map first (one figure, whichever layer it
/// shows), then every chart card of the paper's sections in page order.
fn figures() -> impl Iterator<Item = &'static ChartDef> {
    let charts = SECTIONS.iter().flat_map(|s| datasets_in(s.id)).flat_map(|ds| cards(ds.id));
    page::layers().take(1).chain(charts)
}

/// A chart's figure number (from 1): every map layer is figure 1.
pub fn figure_number(def: &ChartDef) -> Option<usize> {
    let id = if def.kind.is_map() { page::layers().next()?.id } else { def.id };
    figures().position(|d| d.id == id).map(|i| i + 1)
}

/// The number of figures.
pub fn figure_count() -> usize {
    figures().count()
}

/// A figure's label: "图 3", "Figure 3".
pub fn figure_label(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("图 {n}"),
        Lang::En => format!("Figure {n}"),
    }
}

/// The datasets whose tables the appendix prints, in page order (those with values: a dataset
/// that is only a list of events has no table). They follow the map layer's table (table 1), as
/// the charts follow the map.
pub fn appendix() -> impl Iterator<Item = &'static Dataset> {
    SECTIONS.iter().flat_map(|s| datasets_in(s.id)).filter(|ds| !ds.columns.is_empty())
}

/// Whether a dataset's table spans the appendix's two columns: three value columns or more do
/// not fit in one.
pub fn spans_page(ds: &Dataset) -> bool {
    ds.columns.len() >= 3
}

/// The number of the appendix's tables: the map layer's, then each dataset's.
pub fn table_count() -> usize {
    1 + appendix().count()
}

/// An appendix table's label: "附表 3", "Table A3".
pub fn table_label(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("附表 {n}"),
        Lang::En => format!("Table A{n}"),
    }
}

/// One line of the printed contents: the part's number as the paper gives it (empty for the
/// atlas's own parts), its title, and the figures or tables it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub num: String,
    pub title: String,
    pub holds: String,
}

/// "图 2–4" / "Figures 2–4"; "图 5" / "Figure 5" for one.
fn span(first: usize, last: usize, lang: Lang) -> String {
    match (last > first, lang) {
        (false, _) => figure_label(first, lang),
        (true, Lang::Zh) => format!("图 {first}–{last}"),
        (true, Lang::En) => format!("Figures {first}–{last}"),
    }
}

/// The printed contents: the map, the paper's sections with their figures, the glossary, the note
/// on the data and the appendix with its tables.
pub fn contents(lang: Lang) -> Vec<Line> {
    let line = |num: String, title: &str, holds: String| Line { num, title: title.into(), holds };
    let mut out = vec![line(i18n::MAP_NUM.get(lang).into(), i18n::MAP_TITLE.get(lang), figure_label(1, lang))];
    for s in SECTIONS {
        let nums: Vec<usize> = datasets_in(s.id).flat_map(|ds| cards(ds.id)).filter_map(figure_number).collect();
        let holds = match (nums.first(), nums.last()) {
            (Some(&a), Some(&b)) => span(a, b, lang),
            _ => String::new(),
        };
        out.push(line(paper_section(s.paper, lang), s.title.get(lang), holds));
    }
    out.push(line(String::new(), i18n::GLOSSARY.get(lang), String::new()));
    out.push(line(String::new(), i18n::ABOUT.get(lang), String::new()));
    let n = table_count();
    let tables = match lang {
        Lang::Zh => format!("附表 1–{n}"),
        Lang::En => format!("Tables A1–A{n}"),
    };
    out.push(line(String::new(), APPENDIX.get(lang), tables));
    out
}

/// The day the page is printed, as the reader's language writes a date.
pub fn printed_on((y, m, d): super::cite::Day, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{y} 年 {m} 月 {d} 日"),
        Lang::En => format!("{d} {} {y}", super::cite::MONTHS[(m.clamp(1, 12) - 1) as usize]),
    }
}

/// The print edition's first page, as markup: the title, the atlas's citations with the permalink
/// of the view (`link`), the date printed and the contents. (Markup rather than components: it is
/// built once a print, and as text it costs the module far less.)
pub fn cover_html(lang: Lang, link: &str, day: super::cite::Day) -> String {
    let cite = super::cite::atlas(lang, link, day);
    let lines: String = contents(lang)
        .iter()
        .map(|l| {
            let (num, title, holds) = (esc(&l.num), esc(&l.title), esc(&l.holds));
            format!("<li><span class=\"num\">{num}</span><span>{title}</span><span class=\"holds\">{holds}</span></li>")
        })
        .collect();
    let t = |l: L| esc(l.get(lang));
    format!(
        "<section class=\"print-cover\" data-testid=\"print-cover\"><h1>{}</h1><p class=\"lede\">{}</p><dl>\
         <dt>{}</dt><dd data-format=\"gbt\"><b>GB/T 7714-2015 </b>{}</dd><dd data-format=\"apa\"><b>APA </b>{}</dd>\
         <dd class=\"note\">{}</dd><dt>{}</dt><dd data-testid=\"print-link\"><a href=\"{link}\">{link}</a></dd>\
         <dt>{}</dt><dd data-testid=\"print-date\">{}</dd></dl><h2>{}</h2><ol class=\"print-contents\">{lines}</ol></section>",
        t(i18n::SITE_TITLE),
        t(i18n::SITE_SUB),
        t(CITE_AS),
        esc(&cite.gbt),
        esc(&cite.apa),
        t(PAPER.note),
        t(PERMALINK),
        t(PRINTED),
        esc(&printed_on(day, lang)),
        t(i18n::CONTENTS),
        link = esc(link),
    )
}

/// What stands for the permalink of the view in an edition's cover until it prints ([`stamp`]).
pub const LINK_SLOT: &str = "@@LINK@@";
/// The day the cover is written for at dist time, whose every form ([`day_forms`]) then becomes
/// the same form of [`DAY_SLOTS`].
const DAY_SLOT: super::cite::Day = (9999, 12, 31);
/// What stands for the year, the month, the day, the month and day with two digits, and the
/// month's English name in an edition's cover until it prints ([`stamp`]).
const DAY_SLOTS: [&str; 6] = ["@@Y@@", "@@M@@", "@@D@@", "@@MM@@", "@@DD@@", "@@MONTH@@"];

/// The ways the cover writes a day, as `slots` (`[y, m, d, mm, dd, month]`) fill them: ISO (GB/T
/// 7714), the Chinese date (APA and the date printed), APA's English date, the English date printed.
fn day_forms([y, m, d, mm, dd, month]: [&str; 6]) -> [String; 4] {
    [format!("{y}-{mm}-{dd}"), format!("{y} 年 {m} 月 {d} 日"), format!("{month} {d}, {y}"), format!("{d} {month} {y}")]
}

/// A day as the [`DAY_SLOTS`] name its parts.
fn day_parts((y, m, d): super::cite::Day) -> [String; 6] {
    let month = super::cite::MONTHS[(m.clamp(1, 12) - 1) as usize];
    [format!("{y:04}"), m.to_string(), d.to_string(), format!("{m:02}"), format!("{d:02}"), month.to_string()]
}

/// The stylesheet of the edition's cover, contents and appendix, which travels with them.
pub const EDITION_CSS: &str = include_str!("../../style/print-edition.css");

/// The print edition of one language as markup, written at dist time (`atlas-export --print`,
/// `dist/print/<lang>.html`): everything that does not depend on the reader's view. The
/// stylesheet of what follows ([`EDITION_CSS`]), the cover ([`cover_html`] with [`LINK_SLOT`] for
/// the permalink and a stand-in day, which [`stamp`] fills in when the page prints), then the
/// appendix ([`appendix_html`]). The page reads it only when it prints the whole atlas, so
/// neither the page nor the module carries its text, code or rules.
pub fn edition_html(lang: Lang) -> String {
    let written = day_parts(DAY_SLOT);
    let written = day_forms(written.each_ref().map(String::as_str));
    let cover = written
        .iter()
        .zip(day_forms(DAY_SLOTS))
        .fold(cover_html(lang, LINK_SLOT, DAY_SLOT), |c, (day, slots)| c.replace(day.as_str(), &slots));
    format!("<style>{EDITION_CSS}</style>{cover}{}", appendix_html(lang))
}

/// The name of an edition's file in `dist/print/` (without `.html`), and of the `<template>` id
/// (`print-<name>`) that carries it in the single-file edition.
pub fn edition_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// An edition's cover with the permalink of the view (`link`) and the day it prints.
pub fn stamp(cover: &str, link: &str, day: super::cite::Day) -> String {
    let parts = day_parts(day);
    DAY_SLOTS.iter().zip(&parts).fold(cover.replace(LINK_SLOT, &esc(link)), |c, (slot, part)| c.replace(slot, part))
}

/// The appendix as markup: its heading and introduction, every map layer's table in each reading
/// ([`layer_tables`]: table 1, of which the page keeps the one its view shows), then every
/// dataset's table ([`table_html`]) in page order, each labelled.
pub fn appendix_html(lang: Lang) -> String {
    let tables: String = appendix()
        .enumerate()
        .map(|(i, ds)| {
            let open = if spans_page(ds) { "<div class=\"wide\">" } else { "<div>" };
            format!("{open}{}</div>", table_html(ds, &table_label(i + 2, lang), lang))
        })
        .collect();
    format!(
        "<section class=\"print-appendix\" data-testid=\"print-appendix\"><h2>{}</h2><p>{}</p>{}{tables}</section>",
        esc(APPENDIX.get(lang)),
        esc(APPENDIX_INTRO.get(lang)),
        layer_tables(lang)
    )
}

/// Every map layer's table ([`layer_table_html`]) in each of its readings, each in a block whose
/// `data-layer` is its [`layer_key`]: printing, the page removes all but its view's (`ui::print`).
fn layer_tables(lang: Lang) -> String {
    page::layers()
        .flat_map(|def| {
            let readings = def.controls().map_or(1, |c| c.metrics.len());
            (0..readings).map(move |metric| {
                let built = super::build_with(def, lang, &Settings { metric, ..def.default_settings() });
                format!(
                    "<div class=\"wide\" data-layer=\"{}\">{}</div>",
                    layer_key(def.id, metric),
                    layer_table_html(def, &built, lang)
                )
            })
        })
        .collect()
}

/// What names a map layer's table in a reading (its index among the layer's metrics).
pub fn layer_key(id: &str, metric: usize) -> String {
    format!("{id}:{metric}")
}

/// A class attribute of the names whose flag is set (nothing when none is).
fn classes(names: &[(&str, bool)]) -> String {
    let on: Vec<&str> = names.iter().filter(|(_, on)| *on).map(|(n, _)| *n).collect();
    if on.is_empty() {
        String::new()
    } else {
        format!(" class=\"{}\"", on.join(" "))
    }
}

/// A title attribute (nothing without a text).
fn title(text: Option<String>) -> String {
    text.map(|t| format!(" title=\"{}\"", esc(&t))).unwrap_or_default()
}

/// One dataset's table as the appendix prints it, as markup: the page's data table
/// (`ui::data_table`, from the same `views::data_table` texts), its caption led by its `label`;
/// each row names its entities (`data-e`), so the view's selection is marked on it as on screen.
pub fn table_html(ds: &'static Dataset, label: &str, lang: Lang) -> String {
    let tag = || format!("<span class=\"tag\">{}</span>", esc(i18n::DERIVED.get(lang)));
    let heads: String = ds
        .columns
        .iter()
        .map(|c| {
            let unit = c.unit.map(|u| format!("<span class=\"unit\">{}</span>", esc(unit_label(u, lang))));
            format!(
                "<th scope=\"col\"{}{}>{}{}{}</th>",
                classes(&[("derived", c.expr.is_some())]),
                title(model::column_formula(ds, c, lang)),
                esc(c.label.get(lang)),
                c.expr.map(|_| tag()).unwrap_or_default(),
                unit.unwrap_or_default()
            )
        })
        .collect();
    let row = |r: &'static Row| {
        let cells: String = r
            .cells
            .iter()
            .zip(ds.columns)
            .map(|(cell, col)| {
                let status = cell.value.as_ref().map(|v| v.status);
                let marks: String = model::note_marks(ds, r, col.id)
                    .into_iter()
                    .map(|(mark, to)| format!("<a class=\"note-mark\" href=\"#{to}\">{mark}</a>"))
                    .collect();
                format!(
                    "<td{}{} data-col=\"{}\">{}{}{marks}</td>",
                    classes(&[
                        ("derived", status.is_some_and(|s| s.is_derived())),
                        ("supplementary", status.is_some_and(|s| s.is_supplementary())),
                        ("num", cell.value.is_some()),
                    ]),
                    title(model::cell_formula(ds, cell, lang)),
                    col.id,
                    esc(&model::cell_text(cell, col, lang)),
                    if model::own_tag(cell, col) { tag() } else { String::new() },
                )
            })
            .collect();
        let original = match lang {
            Lang::En => format!("<span class=\"original\" lang=\"zh-CN\">{}</span>", esc(r.label.zh)),
            Lang::Zh => String::new(),
        };
        let extra = model::row_extra(r, lang).map(|e| format!("<span class=\"extra\">{}</span>", esc(&e)));
        let source = r.source.map(|s| {
            format!(
                "<a class=\"extra\" href=\"{}\" rel=\"noreferrer noopener\" target=\"_blank\">{}</a>",
                esc(s),
                esc(i18n::SOURCE_LINK.get(lang))
            )
        });
        format!(
            "<tr data-e=\"{}\" data-row=\"{}\"><th scope=\"row\"><span class=\"label\">{}</span>{original}{}{}</th>{cells}</tr>",
            esc(&r.entities.join(" ")),
            esc(r.key),
            esc(r.label.get(lang)),
            extra.unwrap_or_default(),
            source.unwrap_or_default()
        )
    };
    let rows: String = ds.rows.iter().map(row).collect();
    format!(
        "<table data-dataset=\"{}\"><caption>{} · {}</caption><thead><tr><th scope=\"col\">{}</th>{heads}</tr></thead><tbody>{rows}</tbody></table>",
        ds.id,
        esc(label),
        esc(&model::caption(ds, lang)),
        esc(i18n::ROW.get(lang))
    )
}

/// The map layer shown as the appendix's first table, as markup: its items, their values and
/// the paper's section, captioned with its label.
pub fn layer_table_html(def: &ChartDef, built: &Built, lang: Lang) -> String {
    let rows = built.drawn().map(|d| table_rows(built.row_labels(), d, lang)).unwrap_or_default();
    let rows: String = rows
        .iter()
        .map(|r| {
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                esc(&r.head),
                esc(&r.values),
                esc(&r.section)
            )
        })
        .collect();
    let caption = format!("{} · {} · {}", table_label(1, lang), def.title.get(lang), i18n::MAP_TABLE.get(lang));
    format!(
        "<table class=\"wide\" data-chart=\"{}\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table>",
        def.id,
        esc(&caption),
        esc(i18n::ROW.get(lang)),
        esc(i18n::VALUES.get(lang)),
        esc(i18n::PAPER_SECTION.get(lang)),
    )
}

/// A map layer's source line and data notes, as markup: printed under its figure, since the page
/// prints them beside the layer's dataset's charts only.
pub fn layer_about_html(ds: &Dataset, lang: Lang) -> String {
    let notes: String = ds
        .notes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "<li class=\"{}\"><span class=\"note-num\">{}</span><span class=\"kind\">{}</span>{}</li>",
                n.kind.css(),
                note_mark(i),
                esc(n.kind.label().get(lang)),
                esc(n.text.get(lang))
            )
        })
        .collect();
    format!("<p class=\"source\">{}</p><ol class=\"print-notes\">{notes}</ol>", esc(&provenance::source_line(ds, lang)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::{build, chart, CHARTS};

    #[test]
    fn the_whole_page_prints_as_the_edition_and_a_chart_asked_for_prints_alone() {
        assert_eq!(printing(false, false, false, Some("commodities")), Printing::No);
        assert_eq!(printing(true, false, false, None), Printing::Edition);
        assert_eq!(printing(true, false, false, Some("commodities")), Printing::Chart("commodities"));
        assert_eq!(printing(true, true, false, None), Printing::AsShown, "the tour prints its steps");
        assert_eq!(printing(true, false, true, Some("commodities")), Printing::AsShown, "an embed prints as it shows");
        assert!(Printing::Edition.figure("commodities") && Printing::Chart("commodities").figure("commodities"));
        assert!(!Printing::Chart("commodities").figure("partners-exports"));
        assert!(!Printing::AsShown.figure("commodities") && !Printing::No.figure("commodities"));
    }

    #[test]
    fn figures_are_numbered_from_the_map_through_every_chart_in_page_order_without_a_gap() {
        assert_eq!(figure_number(chart("map-partners").unwrap()), Some(1));
        assert_eq!(figure_number(chart("map-ports").unwrap()), Some(1), "every layer is the map's figure");
        let n = CHARTS.iter().filter(|c| !c.kind.is_map()).count();
        assert_eq!(figure_count(), n + 1);
        let mut nums: Vec<usize> = CHARTS.iter().filter(|c| !c.kind.is_map()).filter_map(figure_number).collect();
        nums.sort_unstable();
        assert_eq!(nums, (2..=n + 1).collect::<Vec<_>>(), "each chart card once, none missing");
        // Page order: the first section's first card is figure 2, and a section's cards follow its
        // predecessor's.
        let first = datasets_in(SECTIONS[0].id).flat_map(|d| cards(d.id)).next().unwrap();
        assert_eq!(figure_number(first), Some(2));
        let first_of =
            |s: &crate::data::Section| datasets_in(s.id).flat_map(|d| cards(d.id)).filter_map(figure_number).min();
        let starts: Vec<usize> = SECTIONS.iter().filter_map(first_of).collect();
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
        assert_eq!((figure_label(3, Lang::Zh), figure_label(3, Lang::En)), ("图 3".into(), "Figure 3".into()));
    }

    #[test]
    fn the_contents_name_every_part_with_its_figures_and_the_appendix_with_its_tables() {
        let en = contents(Lang::En);
        assert_eq!(en.len(), SECTIONS.len() + 4, "the map, the sections, glossary, about, appendix");
        assert_eq!((en[0].num.as_str(), en[0].holds.as_str()), ("Map", "Figure 1"));
        assert_eq!(en[1].title, SECTIONS[0].title.en, "the full title, not the contents bar's short one");
        assert!(en[1].holds.starts_with("Figures 2–"), "{:?}", en[1]);
        assert!(en[1..=SECTIONS.len()].iter().all(|l| !l.holds.is_empty()), "every section has a figure");
        let n = table_count();
        assert_eq!(en.last().unwrap().holds, format!("Tables A1–A{n}"));
        let zh = contents(Lang::Zh);
        assert_eq!(zh[1].num, SECTIONS[0].paper);
        assert_eq!(zh.last().unwrap().holds, format!("附表 1–{n}"));
        assert_eq!(span(5, 5, Lang::En), "Figure 5");
        assert_eq!(span(2, 4, Lang::Zh), "图 2–4");
    }

    #[test]
    fn the_appendix_carries_every_dataset_with_values_once_in_page_order() {
        let ids: Vec<&str> = appendix().map(|d| d.id).collect();
        let with_values = crate::data::DATASETS.iter().filter(|d| !d.columns.is_empty()).count();
        assert_eq!(ids.len(), with_values, "no table dropped: {ids:?}");
        assert_eq!(ids[0], datasets_in(SECTIONS[0].id).find(|d| !d.columns.is_empty()).unwrap().id);
        assert_eq!((table_label(3, Lang::Zh), table_label(3, Lang::En)), ("附表 3".into(), "Table A3".into()));
        let wide = |id: &str| spans_page(crate::data::registry::dataset(id).unwrap());
        assert!(wide("commodities") && wide("partners"), "Table 1's five columns, Table 3's three");
        assert!(!wide("economies") && !wide("warehouse_top10"), "two columns or one fit half the page");
    }

    #[test]
    fn a_figure_is_drawn_for_the_width_it_prints_at() {
        let at = |id: &str, alone| figure_width(chart(id).unwrap(), alone);
        assert_eq!(at("map-partners", false), 850, "the page's 680 px at four fifths");
        assert_eq!(at("commodities", false), 415, "25 rows print in a column, as on a phone");
        assert_eq!(at("partners-exports", false), 415, "ten partners print beside another chart: (680 − 16) / 2 / 0.8");
        assert_eq!(at("partners-exports", true), PAGE_WIDTH, "printed alone, across the page");
    }

    #[test]
    fn a_printed_figure_is_the_chart_as_shown_drawn_as_vectors_at_its_printed_width() {
        let def = chart("partners-exports").unwrap();
        let b = build(def, Lang::En);
        let theme = Theme::pick(crate::chart::Mode::Light, false);
        let svg = figure_svg(def, &b, &theme, &View { selected: b.rows_with("RUS"), ..View::default() }, false);
        assert!(svg.starts_with("<svg") && svg.contains("width=\"415\""), "{}", &svg[..120]);
        assert!(svg.contains("Russia") && !svg.contains("<image"), "labels are text, nothing is a bitmap");
        let plain = figure_svg(def, &b, &theme, &View::default(), false);
        assert_ne!(svg, plain, "the selection shows as on screen");
        let tiles = chart("headline-tiles").unwrap();
        assert_eq!(
            figure_svg(tiles, &build(tiles, Lang::En), &theme, &View::default(), false),
            "",
            "tiles print as they are"
        );
    }

    #[test]
    fn the_stylesheet_prints_on_a4_at_the_figures_width_with_the_sites_title_as_the_running_head() {
        let css = include_str!("../../style/print.css");
        assert!(
            css.contains("size: A4;") && css.contains("margin: 16mm 15mm 15mm;"),
            "the page the figures are drawn for"
        );
        let text_mm = 210.0 - 2.0 * 15.0;
        assert_eq!((text_mm / 25.4 * 96.0) as u32, PAGE_WIDTH, "the text's width in CSS pixels");
        assert!(
            css.contains(&format!("grid-template-columns: 1fr 1fr; gap: 3mm {GAP}px;")),
            "two figures a row, {GAP} px apart"
        );
        for (name, lang) in [("zh", Lang::Zh), ("en", Lang::En)] {
            let head = format!("@page {name} {{ @top-left {{ content: \"{}\";", i18n::SITE_TITLE.get(lang));
            assert!(css.contains(&head), "the running head is the site's title: {head}");
        }
    }

    #[test]
    fn the_cover_carries_the_title_the_citations_the_permalink_the_date_and_the_contents() {
        let link = "https://example.org/atlas/?lang=en&layer=map-ports";
        let html = cover_html(Lang::En, link, (2026, 3, 5));
        assert!(html.starts_with("<section class=\"print-cover\""), "{html}");
        assert!(html.contains("<h1>Trade Atlas: China&apos;s foreign trade in 2023</h1>"));
        assert!(html.contains(
            "<b>GB/T 7714-2015 </b>Trade Atlas. Trade Atlas: China&apos;s foreign trade in 2023[EB/OL]. [2026-03-05]."
        ));
        assert!(html.contains("<b>APA </b>") && html.contains("Retrieved March 5, 2026"));
        let escaped = "https://example.org/atlas/?lang=en&amp;layer=map-ports";
        assert!(html.contains(&format!("<a href=\"{escaped}\">{escaped}</a>")), "the permalink, escaped");
        assert!(html.contains("<dd data-testid=\"print-date\">5 March 2026</dd>"));
        assert_eq!(html.matches("<li>").count(), contents(Lang::En).len(), "every line of the contents");
        assert!(cover_html(Lang::Zh, link, (2026, 3, 5)).contains("2026 年 3 月 5 日"));
    }

    #[test]
    fn the_map_layers_table_lists_its_items_and_its_notes_print_under_its_figure() {
        let def = chart("map-partners").unwrap();
        let html = layer_table_html(def, &build(def, Lang::En), Lang::En);
        assert!(html.contains("<caption>Table A1 · "), "{}", &html[..200]);
        assert!(html.contains("<th scope=\"row\">United States</th>"), "{html}");
        assert_eq!(html.matches("<tr><th scope=\"row\">").count(), build(def, Lang::En).row_count());
        let about = layer_about_html(def.dataset(), Lang::En);
        assert!(about.starts_with("<p class=\"source\">Source: "), "{about}");
        assert_eq!(about.matches("<li ").count(), def.dataset().notes.len());
    }

    /// An edition's cover (with its stylesheet) and its appendix, split where the appendix starts.
    fn parts(edition: &str) -> (&str, &str) {
        edition.split_at(edition.find("<section class=\"print-appendix\"").expect("an appendix"))
    }

    #[test]
    fn an_editions_cover_stamped_with_the_view_and_the_day_is_the_cover_built_for_them() {
        let link = "https://example.org/atlas/?lang=en&layer=map-ports";
        for lang in [Lang::Zh, Lang::En] {
            let edition = edition_html(lang);
            let (cover, appendix) = parts(&edition);
            assert!(cover.contains(LINK_SLOT) && !appendix.contains(LINK_SLOT));
            let style = format!("<style>{EDITION_CSS}</style>");
            assert!(cover.starts_with(&style), "the cover's and appendix's rules come with them");
            for day in [(2026, 3, 5), (2027, 12, 31), (2026, 10, 1)] {
                assert_eq!(stamp(cover, link, day), style.clone() + &cover_html(lang, link, day), "{lang:?} {day:?}");
            }
        }
    }

    #[test]
    fn an_editions_appendix_carries_each_layers_table_in_each_reading_then_every_datasets_labelled_in_order() {
        for lang in [Lang::Zh, Lang::En] {
            let edition = edition_html(lang);
            let (_, appendix) = parts(&edition);
            let mut layers = 0;
            for def in page::layers() {
                for metric in 0..def.controls().map_or(1, |c| c.metrics.len()) {
                    let built = crate::views::build_with(def, lang, &Settings { metric, ..def.default_settings() });
                    let key = layer_key(def.id, metric);
                    let table = format!(
                        "<div class=\"wide\" data-layer=\"{key}\">{}</div>",
                        layer_table_html(def, &built, lang)
                    );
                    assert_eq!(appendix.matches(&table).count(), 1, "{key}: its table, as the view shows it");
                    layers += 1;
                }
            }
            assert_eq!(
                appendix.matches(" data-layer=\"").count(),
                layers,
                "a block for each, which the page picks from"
            );
            assert_eq!(appendix.matches("<table").count(), layers + table_count() - 1, "and every dataset's");
        }
        let en = edition_html(Lang::En);
        let (_, appendix) = parts(&en);
        assert!(appendix.starts_with("<section class=\"print-appendix\" data-testid=\"print-appendix\"><h2>Appendix"));
        // With one layer's table kept, as the page keeps it: A1, A2… in order.
        let first = appendix.find("<caption>Table A2 ").unwrap();
        let captions: Vec<usize> = std::iter::once(1)
            .chain(
                appendix[first..]
                    .match_indices("<caption>Table A")
                    .map(|(i, _)| appendix[first + i + 16..].split(' ').next().unwrap().parse().unwrap()),
            )
            .collect();
        assert_eq!(captions, (1..=table_count()).collect::<Vec<_>>(), "labelled A1, A2… in order");
        let (a1, tables) =
            (appendix[..first].matches("<caption>Table A1 · ").count(), appendix[..first].matches("<table").count());
        assert_eq!(a1 + 1, tables, "every table before A2 but A2's own is a layer's A1");
        assert!(edition_html(Lang::Zh).contains("<caption>附表 2 · "));
    }

    #[test]
    fn an_appendix_table_says_what_the_pages_data_table_says() {
        let ds = crate::data::registry::dataset("commodities").unwrap();
        let en = table_html(ds, "Table A2", Lang::En);
        assert!(
            en.starts_with(&format!(
                "<table data-dataset=\"commodities\"><caption>Table A2 · {}</caption>",
                esc(&model::caption(ds, Lang::En))
            )),
            "{}",
            &en[..300]
        );
        assert_eq!(en.matches("<tr data-e=").count(), ds.rows.len(), "every row");
        assert_eq!(en.matches("<th scope=\"col\"").count(), ds.columns.len() + 1, "the row head and every column");
        let r = &ds.rows[0];
        assert!(en.contains(&format!(
            "<span class=\"label\">{}</span><span class=\"original\" lang=\"zh-CN\">{}</span>",
            esc(r.label.en),
            esc(r.label.zh)
        )));
        let (cell, col) = (&r.cells[0], &ds.columns[0]);
        assert!(
            en.contains(&format!(">{}", esc(&model::cell_text(cell, col, Lang::En)))),
            "values as the page's table prints them"
        );
        let marks: usize =
            ds.rows.iter().flat_map(|r| ds.columns.iter().map(move |c| model::note_marks(ds, r, c.id).len())).sum();
        assert_eq!(en.matches("<a class=\"note-mark\" href=\"#").count(), marks, "every cell's note marks");
        let derived = ds.columns.iter().filter(|c| c.expr.is_some()).count();
        assert!(
            derived > 0 && en.matches("<th scope=\"col\" class=\"derived\" title=\"Formula").count() == derived,
            "derived columns say so, with the formula"
        );
        let zh = table_html(ds, "附表 2", Lang::Zh);
        assert!(!zh.contains("class=\"original\""), "the Chinese label once in Chinese");
        let partners = crate::data::registry::dataset("partners").unwrap();
        let us = partners.rows.iter().find(|r| r.entities.contains(&"USA")).unwrap();
        let html = table_html(partners, "Table A3", Lang::En);
        assert!(html.contains(&format!("<tr data-e=\"USA\" data-row=\"{}\">", us.key)), "rows name their entities");
        // The page marks the selection's rows by `tr[data-e~="USA"]`: whole names, space-separated.
        assert!(partners.rows.iter().all(|r| r.entities.iter().all(|e| !e.contains([' ', '"', '\\']))));
    }

    #[test]
    fn the_date_printed_reads_as_each_language_writes_it() {
        assert_eq!(printed_on((2026, 3, 5), Lang::Zh), "2026 年 3 月 5 日");
        assert_eq!(printed_on((2026, 3, 5), Lang::En), "5 March 2026");
    }
}
