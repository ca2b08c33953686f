//! The whole dataset as a Frictionless Data Package (Data Package v1 with Table Schema): one plain
//! CSV per dataset (UTF-8, a header row, no comment lines) and `datapackage.json`, which describes
//! each resource and each of its fields (type, unit, status and formula, the paper's section,
//! period, cited agency, footnotes and data notes) and names the package's sources and licences.
//!
//! Layer: data. Pure text, built natively when the site is published (`atlas-export --package
//! DIR`, run by `cargo xtask dist`, which also zips it): the page links to the files and never
//! calls this code, so none of it is in the WebAssembly module. `fields` makes a resource's
//! columns, `json` writes the descriptor.

pub mod fields;
pub mod json;

use fields::{fields, Field};
use json::Json;

use super::export::field as csv_field;
use super::format::paper_section;
use super::{Dataset, Footnote, Lang, NoteKind, DATASETS, PAPER};

/// The descriptor's file name, as the specification requires it.
pub const DESCRIPTOR: &str = "datapackage.json";

/// The zip of the whole package.
pub const ZIP: &str = "trade-atlas-data.zip";

/// Where the page links to the zip, relative to the page: `cargo xtask dist` writes the package
/// into `dist/data/`.
pub const LINK: &str = "data/trade-atlas-data.zip";

/// The package's name in the descriptor.
pub const NAME: &str = "trade-atlas-data";

/// A resource's CSV file name.
pub fn csv_name(ds: &Dataset) -> String {
    format!("{}.csv", ds.id)
}

/// A dataset as a plain CSV: a header row, then one line per row (RFC 4180 quoting, CRLF).
pub fn csv(ds: &'static Dataset) -> String {
    table(&fields(ds))
}

fn table(fields: &[Field]) -> String {
    let line = |cells: Vec<&str>| cells.into_iter().map(csv_field).collect::<Vec<_>>().join(",") + "\r\n";
    let mut out = line(fields.iter().map(|f| f.name.as_str()).collect());
    let rows = fields.first().map_or(0, |f| f.cells.len());
    for i in 0..rows {
        out.push_str(&line(fields.iter().map(|f| f.cells[i].as_str()).collect()));
    }
    out
}

/// Every file of the package, the descriptor first: (file name, text).
pub fn files() -> Vec<(String, String)> {
    let csvs: Vec<(&'static Dataset, String)> = DATASETS.iter().map(|ds| (ds, csv(ds))).collect();
    let descriptor = descriptor(&csvs);
    let mut out = vec![(DESCRIPTOR.to_string(), descriptor)];
    out.extend(csvs.into_iter().map(|(ds, text)| (csv_name(ds), text)));
    out
}

/// `datapackage.json` for these CSV texts (their sizes are part of it).
pub fn descriptor(csvs: &[(&'static Dataset, String)]) -> String {
    let paper = PAPER.title;
    Json::obj([
        ("profile", Json::str("tabular-data-package")),
        ("name", Json::str(NAME)),
        (
            "title",
            Json::str(
                "Trade Atlas: China's foreign trade in 2023, every dataset (外贸新质生产力:2023 年中国外贸图集,全部数据)",
            ),
        ),
        ("description", Json::str(PACKAGE_DESCRIPTION.both())),
        (
            "keywords",
            Json::strs([
                "China",
                "foreign trade",
                "2023",
                "trading partners",
                "container ports",
                "shipbuilding",
                "China–Europe Railway Express",
                "cross-border e-commerce",
                "overseas warehouses",
                "外贸新质生产力",
                "中国外贸",
            ]),
        ),
        ("licenses", Json::Arr(vec![licence()])),
        ("sources", Json::Arr(package_sources())),
        (
            "paper",
            Json::obj([("title", both(paper.zh, paper.en)), ("note", both(PAPER.note.zh, PAPER.note.en))]),
        ),
        ("resources", Json::Arr(csvs.iter().map(|(ds, text)| resource(ds, text)).collect())),
    ])
    .pretty()
}

fn both(zh: &str, en: &str) -> Json {
    Json::obj([("zh", Json::str(zh)), ("en", Json::str(en))])
}

const PACKAGE_DESCRIPTION: L2Static = L2Static {
    en: "Every table and figure of the paper 《外贸新质生产力》 (New quality productive forces in foreign trade), \
         as the Trade Atlas shows them: one CSV per dataset (UTF-8, comma-separated, a header row). Values are the \
         digits the paper prints, in the unit it prints them in; each value field names its unit and the English \
         rendering the atlas uses (with the power of ten between the two). A qualifier (over, about, nearly, under) \
         is in the column <column>_qualifier, so a number column holds only numbers; a column where the paper \
         prints a range (10~15) or a fraction (1/3) is text. An empty cell means the paper gives no figure. Derived \
         values are computed by the atlas from printed figures, given in full precision, and carry their formula \
         (the field's formula, or the column <column>_formula). Supplementary rows come from public sources outside \
         the paper, named in the column source. Each resource gives the paper's section (一(四)2 is §1.4.2), table \
         or figure, the agency the paper cites, the period and its data notes: where the paper contradicts itself, \
         the printed value is kept and a note says so.",
    zh: "论文《外贸新质生产力》的全部表格与数字,与外贸新质生产力图集所示一致:每个数据集一个 CSV 文件(UTF-8,逗号分隔,\
         首行为列名)。数值为原文印刷的数字,单位为原文单位;每个数值字段注明其单位及图集英文版所用的单位(及两者相差的 10 \
         的幂)。限定词(超过、约、近、不足)单列于 <列名>_qualifier,数值列只含数字;原文印有范围(10~15)或分数(1/3)的列为\
         文本。空单元格表示原文未给出。推算值由图集根据原文数字计算,给出完整精度并附公式(字段的 formula 或 \
         <列名>_formula 列)。补充数据来自论文以外的公开来源,见 source 列。每个资源注明论文章节、表或图、原文引用的机构、\
         时段与数据注释:原文自相矛盾之处保留原数,并以注释说明。",
};

/// A text in both languages known at compile time.
struct L2Static {
    en: &'static str,
    zh: &'static str,
}

impl L2Static {
    fn both(&self) -> String {
        format!("{}\n\n{}", self.en, self.zh)
    }
}

/// The package's licence: the project's own (its data files are part of it).
fn licence() -> Json {
    Json::obj([
        ("name", Json::str("MIT")),
        ("path", Json::str("https://opensource.org/licenses/MIT")),
        (
            "title",
            Json::str(
                "MIT, the Trade Atlas project's licence, for its compilation of the paper's figures (these files, the \
                 English renderings, the derived values and the data notes). The figures are the paper's, cited as \
                 its sources say; the paper's text states no licence.",
            ),
        ),
    ])
}

/// The package's sources: the paper, the supplementary sources, and the map the entity codes are
/// drawn on.
fn package_sources() -> Vec<Json> {
    let mut out = vec![Json::obj([(
        "title",
        Json::str(format!(
            "《{0}》 ({1}): the paper, source of every stated figure; its text carries no author, journal or licence \
             details (论文《{0}》:每个原文数值的出处;原文不含作者与刊物信息)",
            PAPER.title.zh, PAPER.title.en
        )),
    )])];
    out.extend(supplementary_sources(DATASETS.iter().flat_map(|d| d.rows.iter().filter_map(|r| r.source))));
    out.push(Json::obj([
        (
            "title",
            Json::str(
                "Natural Earth 1:110m country boundaries (public domain) via the npm package world-atlas 2.0.2 (ISC \
                 licence): the atlas's map, on which the entity codes are drawn; the boundaries themselves are not in \
                 this package",
            ),
        ),
        ("path", Json::str("https://www.naturalearthdata.com/")),
    ]));
    out
}

/// One source per distinct address, in order of first use.
fn supplementary_sources(urls: impl Iterator<Item = &'static str>) -> Vec<Json> {
    let mut seen: Vec<&str> = Vec::new();
    for u in urls {
        if !seen.contains(&u) {
            seen.push(u);
        }
    }
    seen.into_iter()
        .map(|u| {
            let host = u.split("://").nth(1).unwrap_or(u).split('/').next().unwrap_or(u);
            Json::obj([
                ("title", Json::str(format!("Supplementary data outside the paper: {host} (补充数据,论文以外)"))),
                ("path", Json::str(u)),
            ])
        })
        .collect()
}

/// "§1.4.2, Table 3 (表 3)" / "一(四)2 · 表 3".
fn locator(ds: &Dataset, lang: Lang) -> String {
    let sec = paper_section(ds.section, lang);
    match (ds.table, ds.figure, lang) {
        (Some(t), _, Lang::En) => format!("{sec}, Table {t} (表 {t})"),
        (Some(t), _, Lang::Zh) => format!("{sec} · 表 {t}"),
        (None, Some(f), Lang::En) => format!("{sec}, Figure {f} (图 {f})"),
        (None, Some(f), Lang::Zh) => format!("{sec} · 图 {f}"),
        (None, None, _) => sec,
    }
}

fn footnote_source(f: &Footnote) -> Json {
    let part_en = f.part.map_or(String::new(), |p| format!(", {}", p.en));
    let part_zh = f.part.map_or(String::new(), |p| format!(",{}", p.zh));
    Json::obj([
        (
            "title",
            Json::str(format!(
                "Footnote {} of the paper: {}, '{}' ({}){part_en}, {} (脚注{}:{}《{}》{part_zh},{})",
                f.mark,
                f.publisher.en,
                f.title.en,
                f.title.zh,
                f.date.en,
                f.mark,
                f.publisher.zh,
                f.title.zh,
                f.date.zh
            )),
        ),
        ("date", Json::str(f.iso_date)),
    ])
}

/// A resource's sources: the paper at the dataset's place (or, for supplementary data, the
/// addresses of its rows), then the paper's footnotes its figures come from.
fn resource_sources(ds: &'static Dataset) -> Vec<Json> {
    let mut out = Vec::new();
    if ds.supplementary {
        out.extend(supplementary_sources(ds.rows.iter().filter_map(|r| r.source)));
    } else {
        out.push(Json::obj([(
            "title",
            Json::str(format!(
                "《{}》 ({}), {}; cited agency: {} (《{}》{};原文引用:{})",
                PAPER.title.zh,
                PAPER.title.en,
                locator(ds, Lang::En),
                ds.agency.en,
                PAPER.title.zh,
                locator(ds, Lang::Zh),
                ds.agency.zh
            )),
        )]));
    }
    let mut cited: Vec<&Footnote> = ds.footnotes.to_vec();
    for f in ds.rows.iter().flat_map(|r| r.footnotes) {
        if !cited.iter().any(|c| c.mark == f.mark) {
            cited.push(f);
        }
    }
    out.extend(cited.into_iter().map(footnote_source));
    out
}

fn note_kind(k: NoteKind) -> &'static str {
    match k {
        NoteKind::Inconsistency => "inconsistency",
        NoteKind::Misprint => "misprint",
        NoteKind::Caveat => "caveat",
        NoteKind::Method => "method",
    }
}

/// One dataset's resource descriptor; `text` is its CSV.
fn resource(ds: &'static Dataset, text: &str) -> Json {
    let fields = fields(ds);
    let mut pairs: Vec<(String, Json)> = vec![
        ("profile".into(), Json::str("tabular-data-resource")),
        ("name".into(), Json::str(ds.id)),
        ("path".into(), Json::str(csv_name(ds))),
        ("title".into(), Json::str(format!("{} ({})", ds.title.en, ds.title.zh))),
        ("description".into(), Json::str(format!("{}\n\n{}", ds.caption.en, ds.caption.zh))),
        ("format".into(), Json::str("csv")),
        ("mediatype".into(), Json::str("text/csv")),
        ("encoding".into(), Json::str("utf-8")),
        ("bytes".into(), Json::int(text.len() as i64)),
        ("sources".into(), Json::Arr(resource_sources(ds))),
        (
            "schema".into(),
            Json::obj([
                ("fields", Json::Arr(fields.iter().map(Field::descriptor).collect())),
                ("primaryKey", Json::strs(["key"])),
                ("missingValues", Json::strs([""])),
            ]),
        ),
        ("paperSection".into(), Json::str(ds.section)),
        ("paperSectionEn".into(), Json::str(paper_section(ds.section, Lang::En))),
    ];
    if let Some(t) = ds.table {
        pairs.push(("paperTable".into(), Json::int(t as i64)));
    }
    if let Some(f) = ds.figure {
        pairs.push(("paperFigure".into(), Json::int(f as i64)));
    }
    if !ds.footnote.is_empty() {
        pairs.push(("paperMarks".into(), Json::str(ds.footnote)));
    }
    pairs.extend([
        ("citedAgency".into(), both(ds.agency.zh, ds.agency.en)),
        (
            "period".into(),
            Json::obj([
                ("zh", Json::str(ds.period.zh)),
                ("en", Json::str(ds.period.en)),
                ("basis", Json::str(fields::basis_word(ds.period_basis))),
            ]),
        ),
        ("supplementary".into(), Json::Bool(ds.supplementary)),
        (
            "notes".into(),
            Json::Arr(
                ds.notes
                    .iter()
                    .map(|n| {
                        Json::obj([
                            ("id", Json::str(n.id)),
                            ("kind", Json::str(note_kind(n.kind))),
                            ("cells", Json::strs(n.cells.iter().copied())),
                            ("zh", Json::str(n.text.zh)),
                            ("en", Json::str(n.text.en)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ]);
    Json::Obj(pairs)
}

#[cfg(test)]
mod tests;
