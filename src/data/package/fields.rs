//! The columns of one dataset in the package: each field's Table Schema descriptor (name, type,
//! title, description, constraints and the atlas's own properties) together with its cells, so a
//! resource's CSV and its schema are written from one list and cannot disagree.
//!
//! Layer: data. Values are the paper's printed digits in the printed unit; a qualifier, a row's own
//! unit, a cell's status and formula each get a column of their own, so a number column holds
//! only numbers.

use super::json::Json;
use crate::data::format::paper_section;
use crate::data::{Dataset, Lang, PeriodBasis, Qualifier, Row, Status, Value, L};

/// The Table Schema type of a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    String,
    Number,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::String => "string",
            Kind::Number => "number",
        }
    }
}

/// One column of a resource: its descriptor and its cells (one per row, "" for none).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    /// What the column holds: `key`, `label`, `entity`, `group`, `measure`, `value`, `unit`,
    /// `qualifier`, `status`, `formula`, `detail`, `period`, `period_basis`, `section`, `agency`,
    /// `footnotes`, `notes` or `source`.
    pub role: &'static str,
    /// For a value's companion column (unit, qualifier, status, formula): the value column's name.
    pub of: Option<&'static str>,
    pub kind: Kind,
    pub title: String,
    pub description: L2,
    pub constraints: Vec<(&'static str, Json)>,
    /// The atlas's own properties of the field (unit, status, formula…), after the standard ones.
    pub extra: Vec<(&'static str, Json)>,
    pub cells: Vec<String>,
}

/// A text in English and Chinese, made at run time.
#[derive(Clone, Debug, PartialEq)]
pub struct L2 {
    pub en: String,
    pub zh: String,
}

impl L2 {
    fn new(en: impl Into<String>, zh: impl Into<String>) -> L2 {
        L2 { en: en.into(), zh: zh.into() }
    }

    /// English, a blank line, then Chinese: how the package writes every description.
    pub fn both(&self) -> String {
        format!("{}\n\n{}", self.en, self.zh)
    }
}

impl Field {
    fn new(name: impl Into<String>, role: &'static str, title: &str, description: L2, cells: Vec<String>) -> Field {
        Field {
            name: name.into(),
            role,
            of: None,
            kind: Kind::String,
            title: title.to_string(),
            description,
            constraints: Vec::new(),
            extra: Vec::new(),
            cells,
        }
    }

    /// The field's Table Schema descriptor.
    pub fn descriptor(&self) -> Json {
        let mut pairs = vec![
            ("name".to_string(), Json::str(&self.name)),
            ("type".into(), Json::str(self.kind.name())),
            ("title".into(), Json::str(&self.title)),
            ("description".into(), Json::str(self.description.both())),
        ];
        if !self.constraints.is_empty() {
            pairs.push(("constraints".into(), Json::obj(self.constraints.clone())));
        }
        pairs.push(("role".into(), Json::str(self.role)));
        if let Some(of) = self.of {
            pairs.push(("of".into(), Json::str(of)));
        }
        pairs.extend(self.extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
        Json::Obj(pairs)
    }
}

/// The word for a status, as the status columns write it.
pub fn status_word(s: Status) -> &'static str {
    match s {
        Status::Stated => "stated",
        Status::Derived => "derived",
        Status::Supplementary => "supplementary",
        Status::SupplementaryDerived => "supplementary-derived",
    }
}

/// The word for where a period comes from.
pub fn basis_word(b: PeriodBasis) -> &'static str {
    match b {
        PeriodBasis::Paper => "paper",
        PeriodBasis::Inferred => "inferred",
        PeriodBasis::NotGiven => "not given",
        PeriodBasis::Rows => "rows",
    }
}

const QUALIFIERS: [Qualifier; 4] = [Qualifier::Over, Qualifier::About, Qualifier::Nearly, Qualifier::Under];
const STATUSES: [Status; 4] = [Status::Stated, Status::Derived, Status::Supplementary, Status::SupplementaryDerived];

fn enum_of(words: impl IntoIterator<Item = &'static str>) -> Vec<(&'static str, Json)> {
    vec![("enum", Json::strs(words))]
}

/// A value as the package writes it: a derived value in full (the atlas shows it rounded to the
/// precision of its least precise input), a printed one exactly as printed.
pub fn value_text(v: &Value) -> String {
    if v.status.is_derived() {
        crate::data::float_text::shortest(v.x)
    } else {
        v.text.to_string()
    }
}

/// Every column of `ds`, in the order the CSV writes them.
pub fn fields(ds: &'static Dataset) -> Vec<Field> {
    let rows = ds.rows;
    let col = |f: &dyn Fn(&Row) -> String| rows.iter().map(f).collect::<Vec<_>>();
    let mut out = vec![
        Field {
            constraints: vec![("required", Json::Bool(true)), ("unique", Json::Bool(true))],
            ..Field::new(
                "key",
                "key",
                "Key (行标识)",
                L2::new(
                    "The row's identifier in this dataset, as in the atlas's data files and addresses.",
                    "本数据集内的行标识,与图集的数据文件及链接中的一致。",
                ),
                col(&|r| r.key.to_string()),
            )
        },
        Field::new(
            "label_zh",
            "label",
            "Label in Chinese (中文名称)",
            L2::new("The row's label in Chinese, as in the paper.", "行名称(中文),依原文。"),
            col(&|r| r.label.zh.to_string()),
        ),
        Field::new(
            "label_en",
            "label",
            "Label in English (英文名称)",
            L2::new(
                "The row's label in English: the atlas's translation, with the renderings of its glossary.",
                "行名称(英文):图集的译文,译名依术语表。",
            ),
            col(&|r| r.label.en.to_string()),
        ),
    ];
    if rows.iter().any(|r| !r.entities.is_empty()) {
        out.push(Field::new(
            "entity",
            "entity",
            "Entity (对象代码)",
            L2::new(
                "What the row is about, as codes: ISO 3166-1 alpha-3 for a country (WLD for the world), ASEAN, EU, \
                 BRI (the Belt and Road partner countries), port:<id>, prov:<id> (a province or municipality), \
                 region:<id>; several are separated by ';'. The atlas selects and maps rows by these codes.",
                "行所指对象的代码:国家用 ISO 3166-1 三字母代码(WLD 为全球),ASEAN、EU、BRI(“一带一路”共建国家),\
                 port:<id>(港口)、prov:<id>(省或直辖市)、region:<id>(地区);多个代码以“;”分隔。图集据此联动选择并上图。",
            ),
            col(&|r| r.entities.join(";")),
        ));
    }
    out.extend(text_pair(
        rows,
        "group",
        "Group (分组)",
        |r| r.group,
        L2::new("The group the row belongs to, as the atlas shows it.", "行所属的分组,与图集所示一致。"),
    ));
    out.extend(text_pair(
        rows,
        "measure",
        "Measure (指标)",
        |r| r.measure,
        L2::new(
            "What the row's figures measure, where rows measure different things.",
            "各行数字的指标口径(各行口径不同时给出)。",
        ),
    ));
    for i in 0..ds.columns.len() {
        out.extend(value_fields(ds, i));
    }
    out.extend(text_pair(
        rows,
        "detail",
        "Detail (说明)",
        |r| r.detail,
        L2::new("A detail the paper or the atlas gives about the row.", "原文或图集对该行的补充说明。"),
    ));
    out.extend(row_provenance(ds));
    out
}

/// `<name>_zh` and `<name>_en`, when any row has the text.
fn text_pair(
    rows: &'static [Row],
    name: &'static str,
    title: &str,
    get: fn(&Row) -> Option<L>,
    desc: L2,
) -> Vec<Field> {
    if !rows.iter().any(|r| get(r).is_some()) {
        return Vec::new();
    }
    [(Lang::Zh, "in Chinese", "中文"), (Lang::En, "in English", "英文")]
        .into_iter()
        .map(|(lang, en, zh)| {
            Field::new(
                format!("{name}_{}", lang.code()),
                name,
                &format!("{title}, {en}"),
                L2::new(format!("{} ({en})", desc.en), format!("{}({zh})", desc.zh)),
                rows.iter().map(|r| get(r).map_or(String::new(), |t| t.get(lang).to_string())).collect(),
            )
        })
        .collect()
}

/// The value column `i` and its companions: the row's own unit, the qualifier, the status and
/// the formula, each only when the column needs it.
fn value_fields(ds: &'static Dataset, i: usize) -> Vec<Field> {
    let c = &ds.columns[i];
    let id = c.id;
    let values: Vec<Option<&Value>> = ds.rows.iter().map(|r| r.cells[i].value.as_ref()).collect();
    let given = || values.iter().flatten();
    let textual = given().any(|v| v.hi.is_some() || v.text.contains('/'));
    let qualified = given().any(|v| v.qual != Qualifier::Exact);
    let mut statuses: Vec<Status> = Vec::new();
    for v in given() {
        if !statuses.contains(&v.status) {
            statuses.push(v.status);
        }
    }
    let exprs: Vec<&str> = given().filter_map(|v| v.expr).collect();
    // One status for the whole column (and one formula, when derived): said once, in the schema.
    let uniform = statuses.len() <= 1 && exprs.windows(2).all(|w| w[0] == w[1]);

    let mut en = c.label.en.to_string();
    let mut zh = c.label.zh.to_string();
    let mut extra: Vec<(&'static str, Json)> = Vec::new();
    match c.unit {
        Some(u) => {
            en.push_str(&format!(", in {}", u.zh));
            zh.push_str(&format!(",单位:{}", u.zh));
            if u.en_shift != 0 {
                en.push_str(&format!(" (the English edition shows {}: the printed number × 10^{})", u.en, u.en_shift));
            } else if u.en != u.zh {
                en.push_str(&format!(" ({} in English)", u.en));
            }
            extra.extend([
                ("unit", Json::str(u.zh)),
                ("unitEn", Json::str(u.en)),
                ("unitEnShift", Json::int(u.en_shift as i64)),
            ]);
        }
        None => {
            en.push_str(&format!(", in the unit printed for each row (column {id}_unit)"));
            zh.push_str(&format!(",单位见各行({id}_unit 列)"));
        }
    }
    en.push('.');
    zh.push('。');
    if uniform {
        let status = statuses.first().copied().unwrap_or(Status::Stated);
        extra.push(("status", Json::str(status_word(status))));
        match exprs.first() {
            Some(e) => {
                en.push_str(&format!(
                    " Derived by the atlas: {e}; given in full precision (the atlas shows it rounded to the precision of its least precise input)."
                ));
                zh.push_str(&format!("图集推算值:{e};此处为完整精度(图集按其最不精确的输入取舍显示)。"));
                extra.push(("formula", Json::str(*e)));
            }
            None if status.is_supplementary() => {
                en.push_str(" Supplementary: from public sources outside the paper (column source).");
                zh.push_str("补充数据:来自论文以外的公开来源(source 列)。");
            }
            None => {
                en.push_str(" As printed in the paper.");
                zh.push_str("原文数值。");
            }
        }
    } else {
        en.push_str(&format!(" Stated, derived or supplementary by row: see {id}_status."));
        zh.push_str(&format!("各行为原文数值、推算值或补充数据,见 {id}_status 列。"));
    }
    if textual {
        en.push_str(" Kept as text: the paper prints a range (low~high) or a fraction (a/b) here.");
        zh.push_str("本列为文本:原文在此印有范围(低~高)或分数(a/b)。");
    }
    if qualified {
        en.push_str(&format!(" A qualifier (over, about, nearly, under) is in {id}_qualifier."));
        zh.push_str(&format!("限定词(超过、约、近、不足)见 {id}_qualifier 列。"));
    }
    if c.unit.is_none() {
        let mut units: Vec<Json> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for u in ds.rows.iter().filter(|r| r.cells[i].value.is_some()).filter_map(|r| r.cells[i].unit) {
            if !seen.contains(&u.zh) {
                seen.push(u.zh);
                units.push(Json::obj([
                    ("unit", Json::str(u.zh)),
                    ("unitEn", Json::str(u.en)),
                    ("unitEnShift", Json::int(u.en_shift as i64)),
                ]));
            }
        }
        extra.push(("units", Json::Arr(units)));
    }
    let mut out = vec![Field {
        kind: if textual { Kind::String } else { Kind::Number },
        extra,
        ..Field::new(
            id,
            "value",
            &format!("{} ({})", c.label.en, c.label.zh),
            L2::new(en, zh),
            values.iter().map(|v| v.map_or(String::new(), value_text)).collect(),
        )
    }];
    let companion = |suffix: &str, role: &'static str, title: &str, desc: L2, cells: Vec<String>| Field {
        of: Some(id),
        ..Field::new(format!("{id}_{suffix}"), role, &format!("{} ({}): {title}", c.label.en, c.label.zh), desc, cells)
    };
    if c.unit.is_none() {
        out.push(companion(
            "unit",
            "unit",
            "unit",
            L2::new(
                format!("The unit of {id} in this row, as printed in the paper (the field {id} lists each with its English rendering)."),
                format!("{id} 在该行的单位(原文);{id} 字段列出各单位及其英文。"),
            ),
            ds.rows
                .iter()
                .map(|r| match (&r.cells[i].value, r.cells[i].unit) {
                    (Some(_), Some(u)) => u.zh.to_string(),
                    _ => String::new(),
                })
                .collect(),
        ));
    }
    if qualified {
        out.push(Field {
            constraints: enum_of(QUALIFIERS.map(Qualifier::keyword)),
            ..companion(
                "qualifier",
                "qualifier",
                "qualifier",
                L2::new(
                    format!("How {id} is qualified where it is printed: over (超过/逾/以上), about (约/左右), nearly (近), under (不足); empty when it is exact."),
                    format!("{id} 印刷时的限定词:over(超过/逾/以上)、about(约/左右)、nearly(近)、under(不足);精确数字为空。"),
                ),
                values.iter().map(|v| v.map_or(String::new(), |v| v.qual.keyword().to_string())).collect(),
            )
        });
    }
    if !uniform {
        out.push(Field {
            constraints: enum_of(STATUSES.map(status_word)),
            ..companion(
                "status",
                "status",
                "status",
                L2::new(
                    format!("Where {id} comes from: stated (printed in the paper), derived (computed by the atlas; formula in {id}_formula), supplementary (outside the paper; see source) or supplementary-derived."),
                    format!("{id} 的来源:stated(原文数值)、derived(图集推算,公式见 {id}_formula)、supplementary(论文以外,见 source)或 supplementary-derived(由补充数据推算)。"),
                ),
                values.iter().map(|v| v.map_or(String::new(), |v| status_word(v.status).to_string())).collect(),
            )
        });
        if !exprs.is_empty() {
            out.push(companion(
                "formula",
                "formula",
                "formula",
                L2::new(
                    format!("The formula of a derived {id}, over this row's columns (row:column names another row)."),
                    format!("推算的 {id} 的公式,以本行各列计算(row:column 指另一行)。"),
                ),
                values.iter().map(|v| v.and_then(|v| v.expr).unwrap_or("").to_string()).collect(),
            ));
        }
    }
    out
}

/// Where each row's figures come from, when rows differ from the dataset: period, section,
/// cited agency, footnotes, data notes and (for supplementary data) the source address.
fn row_provenance(ds: &'static Dataset) -> Vec<Field> {
    let rows = ds.rows;
    let mut out = Vec::new();
    if rows.iter().any(|r| r.period.is_some()) {
        for lang in [Lang::Zh, Lang::En] {
            let (en, zh) = if lang == Lang::Zh { ("in Chinese", "中文") } else { ("in English", "英文") };
            out.push(Field::new(
                format!("period_{}", lang.code()),
                "period",
                &format!("Period (时段), {en}"),
                L2::new(
                    format!("The period of the row's figures ({en}); an inferred period gives its reason."),
                    format!("该行数字的时段({zh});推断的时段附理由。"),
                ),
                rows.iter().map(|r| r.period.unwrap_or(ds.period).get(lang).to_string()).collect(),
            ));
        }
        out.push(Field {
            constraints: enum_of(["paper", "inferred", "not given"]),
            ..Field::new(
                "period_basis",
                "period_basis",
                "Period basis (时段依据)",
                L2::new(
                    "Where the period comes from: paper (stated in the paper), inferred (by the atlas, with the reason in the period), not given (the paper gives no date).",
                    "时段的依据:paper(原文所述)、inferred(图集推断,理由见时段)、not given(原文未注明时间)。",
                ),
                rows.iter()
                    .map(|r| basis_word(r.period_basis.unwrap_or(ds.period_basis)).to_string())
                    .collect(),
            )
        });
    }
    if rows.iter().any(|r| r.section.is_some()) {
        out.push(Field::new(
            "section",
            "section",
            "Section of the paper (论文章节)",
            L2::new(
                format!(
                    "The paper's section the row's figures come from, numbered as in the paper ({} is {}).",
                    ds.section,
                    paper_section(ds.section, Lang::En)
                ),
                "该行数字所在的论文章节,按原文编号。",
            ),
            rows.iter().map(|r| r.section.unwrap_or(ds.section).to_string()).collect(),
        ));
    }
    if rows.iter().any(|r| r.agency.is_some()) {
        for lang in [Lang::Zh, Lang::En] {
            let (en, zh) = if lang == Lang::Zh { ("in Chinese", "中文") } else { ("in English", "英文") };
            out.push(Field::new(
                format!("agency_{}", lang.code()),
                "agency",
                &format!("Cited agency (原文引用), {en}"),
                L2::new(
                    format!("The source the paper cites for the row's figures ({en})."),
                    format!("原文为该行数字引用的来源({zh})。"),
                ),
                rows.iter().map(|r| r.agency.unwrap_or(ds.agency).get(lang).to_string()).collect(),
            ));
        }
    }
    if rows.iter().any(|r| !r.footnotes.is_empty()) {
        out.push(Field::new(
            "footnotes",
            "footnotes",
            "Footnotes (脚注)",
            L2::new(
                "The paper's footnotes (①…) the row's figures come from, separated by ';'; each is among the resource's sources.",
                "该行数字所出自的原文脚注(①…),以“;”分隔;各脚注列于本资源的 sources。",
            ),
            rows.iter().map(|r| r.footnotes.iter().map(|f| f.mark).collect::<Vec<_>>().join(";")).collect(),
        ));
    }
    if rows.iter().any(|r| !r.notes.is_empty()) {
        out.push(Field::new(
            "notes",
            "notes",
            "Data notes (数据注释)",
            L2::new(
                "The data notes that concern the row, by id, separated by ';'; their texts are in the resource's notes.",
                "涉及该行的数据注释编号,以“;”分隔;注释全文见本资源的 notes。",
            ),
            rows.iter().map(|r| r.notes.join(";")).collect(),
        ));
    }
    if ds.supplementary || rows.iter().any(|r| r.source.is_some()) {
        out.push(Field::new(
            "source",
            "source",
            "Source (来源)",
            L2::new(
                "Where the row's supplementary figures were found: an address outside the paper.",
                "该行补充数据的出处:论文以外的网址。",
            ),
            rows.iter().map(|r| r.source.unwrap_or("").to_string()).collect(),
        ));
    }
    out
}
