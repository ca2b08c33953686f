//! `data/tour.csv`: the guided tour through the paper's argument, one step a row.
//!
//! Layer: data (shared validation rules). Pure functions over text. A step names a view the atlas
//! can already show (a chart or map layer, its reading and sort, a selection, a map camera), the
//! paper's section and two or three sentences in each language. What the data files know is
//! checked here, with the file, line and column: the row's shape, the step numbers, the sort
//! names, the camera's syntax, the selected entity (it must be one the data carries) and the
//! section (one the data cites). What only the chart catalogue knows — which charts exist, which
//! readings and sorts each offers, which are map layers — is Rust code, so [`assertions`] writes it
//! as compile-time assertions that the generated file carries: a step naming an unknown chart or
//! reading stops the build with the same kind of message.

use std::collections::BTreeSet;

use super::{Checked, Pair, Table};

/// The columns of `data/tour.csv`, in order.
pub const HEADER: &[&str] =
    &["step", "chart", "metric", "sort", "select", "view", "section", "title_zh", "title_en", "text_zh", "text_en"];

/// The sort names a step may give, with the `SortKey` variant each stands for.
pub const SORTS: &[(&str, &str)] = &[("paper", "Paper"), ("value", "Value"), ("growth", "Growth"), ("name", "Name")];

/// How many steps a tour has.
pub const STEPS: std::ops::RangeInclusive<usize> = 8..=13;

/// Where the look-ups of the compile-time assertions live.
const CATALOGUE: &str = "crate::views::catalog";

/// What the other data files hold that a step may name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    /// Every entity code a row of a dataset carries (`RUS`, `BRI`, `port:shanghai`…).
    pub entities: BTreeSet<String>,
    /// Every section of the paper the data cites (`一(四)2`, `三(四)—三(五)`…), one per entry.
    pub sections: Vec<String>,
}

impl Known {
    /// Record the sections of a citation such as `一(二)、一(四)` (parts are separated by `、`).
    pub fn cite(&mut self, sections: &str) {
        for part in sections.split('、').map(str::trim).filter(|p| !p.is_empty()) {
            if !self.sections.iter().any(|s| s == part) {
                self.sections.push(part.to_string());
            }
        }
    }

    /// A part of a step's section is cited when the data cites it, or a subsection of it
    /// (`一(四)` stands above `一(四)2`, `三` above `三(四)`).
    fn cites(&self, part: &str) -> bool {
        let below = |rest: &str| rest.starts_with(|c: char| c == '(' || c.is_ascii_digit());
        self.sections.iter().any(|s| s == part || s.strip_prefix(part).is_some_and(below))
    }
}

/// One step as read from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct StepDecl {
    /// The line of the row, for the messages of the compile-time assertions.
    pub line: usize,
    /// 1, 2, 3… in file order.
    pub step: usize,
    pub chart: String,
    /// A reading the chart offers (a metric id); `None` for its first.
    pub metric: Option<String>,
    /// The `SortKey` variant (`Value`); `None` for the chart's first sort.
    pub sort: Option<&'static str>,
    pub select: Option<String>,
    /// Map camera: zoom and centre in projected units, as in the address's `view=`.
    pub view: Option<(f64, f64, f64)>,
    pub section: String,
    pub title: Pair,
    pub text: Pair,
}

/// Whether `s` is an id made of `extra` and lowercase ASCII letters and digits.
fn is_id(s: &str, extra: char) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == extra)
}

/// Sentences in a text: its full stops, question and exclamation marks (Chinese or Latin) that end
/// the text or are followed by a space.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| match chars[i] {
            '。' => true,
            '.' | '!' | '?' => chars.get(i + 1).is_none_or(|c| c.is_whitespace()),
            _ => false,
        })
        .count()
}

/// `zoom,x,y`: three finite numbers.
fn camera(v: &str) -> Option<(f64, f64, f64)> {
    let n: Vec<f64> = v.split(',').map(|s| s.trim().parse::<f64>()).collect::<Result<_, _>>().ok()?;
    match n[..] {
        [z, x, y] if n.iter().all(|v| v.is_finite()) => Some((z, x, y)),
        _ => None,
    }
}

/// A text in both languages, each one to three sentences.
fn texts(t: &Table, r: &super::parse::Record, prefix: &str, sentences_too: bool) -> Checked<Pair> {
    let at = t.at(r);
    let mut out = Vec::new();
    for lang in ["zh", "en"] {
        let col = format!("{prefix}_{lang}");
        let text = t.need(r, &col)?;
        let n = sentences(text);
        if sentences_too && !(1..=3).contains(&n) {
            return Err(format!(
                "{at}: column '{col}': {n} sentences; a step says what its view shows in one to three"
            ));
        }
        out.push(text.to_string());
    }
    let en = out.pop().expect("two texts");
    Ok((out.pop().expect("two texts"), en))
}

/// Read one row: every column but the ones only the catalogue can check.
fn step(t: &Table, r: &super::parse::Record, n: usize, known: &Known) -> Checked<StepDecl> {
    let at = t.at(r);
    let col = |name: &str| format!("{at}: column '{name}'");
    let number = t.need(r, "step")?;
    if number.parse::<usize>().ok() != Some(n) {
        return Err(format!(
            "{}: expected step {n}, found '{number}' (steps are numbered 1, 2, 3… in order)",
            col("step")
        ));
    }
    let chart = t.need(r, "chart")?;
    if !is_id(chart, '-') {
        return Err(format!("{}: '{chart}' is not a chart id (lowercase letters, digits and '-')", col("chart")));
    }
    let metric = t.get(r, "metric");
    if let Some(m) = metric.filter(|m| !is_id(m, '_')) {
        return Err(format!("{}: '{m}' is not a reading id (lowercase letters, digits and '_')", col("metric")));
    }
    let sort = match t.get(r, "sort") {
        None => None,
        Some(s) => Some(SORTS.iter().find(|(name, _)| *name == s).map(|(_, v)| *v).ok_or_else(|| {
            let names: Vec<&str> = SORTS.iter().map(|(n, _)| *n).collect();
            format!("{}: '{s}' is not one of {}", col("sort"), names.join(", "))
        })?),
    };
    let select = t.get(r, "select");
    if let Some(e) = select.filter(|e| !known.entities.contains(*e)) {
        return Err(format!("{}: unknown entity '{e}' (no row of data/ carries it)", col("select")));
    }
    let view = match t.get(r, "view") {
        None => None,
        Some(v) => Some(camera(v).ok_or_else(|| format!("{}: '{v}' is not zoom,x,y (three numbers)", col("view")))?),
    };
    let section = t.need(r, "section")?;
    if let Some(p) = section.split('、').map(str::trim).find(|p| !known.cites(p)) {
        return Err(format!("{}: '{p}' is not a section of the paper that the data cites", col("section")));
    }
    Ok(StepDecl {
        line: r.line,
        step: n,
        chart: chart.to_string(),
        metric: metric.map(str::to_string),
        sort,
        select: select.map(str::to_string),
        view,
        section: section.to_string(),
        title: texts(t, r, "title", false)?,
        text: texts(t, r, "text", true)?,
    })
}

/// Read the tour: the header as [`HEADER`], every row a valid step, 8 to 12 steps.
pub fn read(t: &Table, known: &Known) -> Checked<Vec<StepDecl>> {
    t.expect_header(HEADER)?;
    let steps = t.rows.iter().enumerate().map(|(i, r)| step(t, r, i + 1, known)).collect::<Checked<Vec<_>>>()?;
    if !STEPS.contains(&steps.len()) {
        return Err(format!("{}: {} steps; a tour has {} to {}", t.path, steps.len(), STEPS.start(), STEPS.end()));
    }
    Ok(steps)
}

/// The compile-time assertions of what only the chart catalogue knows, one `const _` per check,
/// each failing with `file:line: column '…': …`. A check that depends on the chart existing is
/// written so that an unknown chart fails only its own assertion.
pub fn assertions(path: &str, steps: &[StepDecl]) -> String {
    let mut out = String::new();
    let mut check = |cond: String, msg: String| out += &format!("const _: () = assert!({cond}, {msg:?});\n");
    for s in steps {
        let at = format!("{path}:{}", s.line);
        let c = &s.chart;
        let known = format!("{CATALOGUE}::has_chart({c:?})");
        let given = |cond: String| format!("!{known} || {cond}");
        check(known.clone(), format!("{at}: column 'chart': unknown chart '{c}'"));
        check(
            given(format!("{CATALOGUE}::is_drawn({c:?})")),
            format!("{at}: column 'chart': '{c}' is tiles or a list; a step shows a drawn chart or a map layer"),
        );
        if let Some(m) = &s.metric {
            check(
                given(format!("{CATALOGUE}::has_reading({c:?}, {m:?})")),
                format!("{at}: column 'metric': chart '{c}' has no reading '{m}'"),
            );
        }
        if let Some(k) = s.sort {
            let name = SORTS.iter().find(|(_, v)| *v == k).map_or(k, |(n, _)| *n);
            check(
                given(format!("{CATALOGUE}::has_sort({c:?}, crate::views::SortKey::{k})")),
                format!("{at}: column 'sort': chart '{c}' offers no sort '{name}'"),
            );
        }
        if let Some((z, x, y)) = s.view {
            check(
                given(format!("{CATALOGUE}::is_map({c:?})")),
                format!("{at}: column 'view': chart '{c}' is not a map layer"),
            );
            check(
                format!("crate::permalink::camera_in_bounds({z:?}, {x:?}, {y:?})"),
                format!("{at}: column 'view': the zoom must be within the map's bounds and the centre on the world"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "step,chart,metric,sort,select,view,section,title_zh,title_en,text_zh,text_en\n";
    const ROW: &str =
        "map-flows,,,RUS,\"2,0.9,0.4\",一(四)2,标题,A title,第一句。第二句。,One sentence. Another one.\n";

    fn known() -> Known {
        let mut k = Known { entities: ["RUS", "USA", "port:shanghai"].map(String::from).into(), ..Known::default() };
        k.cite("一(二)、一(四)2");
        k.cite("三(四)—三(五)");
        k
    }

    fn tour(rows: &str) -> Checked<Vec<StepDecl>> {
        read(&Table::parse("data/tour.csv", &format!("{HEAD}{rows}"))?, &known())
    }

    /// `n` valid rows numbered from 1.
    fn valid(n: usize) -> String {
        (1..=n).map(|i| format!("{i},{ROW}")).collect()
    }

    #[test]
    fn a_valid_tour_reads_every_column() {
        let steps = tour(&valid(8)).unwrap();
        assert_eq!(steps.len(), 8);
        let s = &steps[2];
        assert_eq!((s.line, s.step, s.chart.as_str(), s.select.as_deref()), (4, 3, "map-flows", Some("RUS")));
        assert_eq!((s.metric.as_deref(), s.sort, s.view), (None, None, Some((2.0, 0.9, 0.4))));
        assert_eq!(s.text, ("第一句。第二句。".to_string(), "One sentence. Another one.".to_string()));
    }

    #[test]
    fn malformed_rows_fail_naming_file_line_and_column() {
        let cases = [
            (
                "1,map-flows,,,,,一(四)2,t,t,一。,One.\n3,map-flows,,,,,一(四)2,t,t,一。,One.\n",
                "data/tour.csv:3: column 'step': expected step 2, found '3' (steps are numbered 1, 2, 3… in order)",
            ),
            (
                "1,Map Flows,,,,,一(四)2,t,t,一。,One.\n",
                "data/tour.csv:2: column 'chart': 'Map Flows' is not a chart id (lowercase letters, digits and '-')",
            ),
            (
                "1,commodities,qty-yoy,,,,一(四)2,t,t,一。,One.\n",
                "data/tour.csv:2: column 'metric': 'qty-yoy' is not a reading id (lowercase letters, digits and '_')",
            ),
            (
                "1,commodities,,upside,,,一(四)2,t,t,一。,One.\n",
                "data/tour.csv:2: column 'sort': 'upside' is not one of paper, value, growth, name",
            ),
            (
                "1,map-flows,,,XXX,,一(四)2,t,t,一。,One.\n",
                "data/tour.csv:2: column 'select': unknown entity 'XXX' (no row of data/ carries it)",
            ),
            (
                "1,map-flows,,,,\"2,x\",一(四)2,t,t,一。,One.\n",
                "data/tour.csv:2: column 'view': '2,x' is not zoom,x,y (three numbers)",
            ),
            (
                "1,map-flows,,,,,一(九),t,t,一。,One.\n",
                "data/tour.csv:2: column 'section': '一(九)' is not a section of the paper that the data cites",
            ),
            ("1,map-flows,,,,,一(四)2,t,,一。,One.\n", "data/tour.csv:2: column 'title_en' is empty"),
            (
                "1,map-flows,,,,,一(四)2,t,t,一。二。三。四。,One.\n",
                "data/tour.csv:2: column 'text_zh': 4 sentences; a step says what its view shows in one to three",
            ),
            (
                "1,map-flows,,,,,一(四)2,t,t,一。,no full stop\n",
                "data/tour.csv:2: column 'text_en': 0 sentences; a step says what its view shows in one to three",
            ),
            ("1,map-flows,,,,\n", "data/tour.csv:2: 6 fields, the header has 11"),
        ];
        for (rows, want) in cases {
            assert_eq!(tour(rows).unwrap_err(), want, "{rows}");
        }
        assert_eq!(tour(&valid(7)).unwrap_err(), "data/tour.csv: 7 steps; a tour has 8 to 13");
        assert_eq!(tour(&valid(14)).unwrap_err(), "data/tour.csv: 14 steps; a tour has 8 to 13");
        let e = read(&Table::parse("data/tour.csv", "step,chart\n").unwrap(), &known()).unwrap_err();
        assert!(e.starts_with("data/tour.csv:1: expected the header 'step,chart,metric,"), "{e}");
    }

    #[test]
    fn a_section_is_one_the_data_cites_or_a_section_above_it() {
        let with = |section: &str| tour(&valid(8).replacen("一(四)2", section, 1)).map(|s| s[0].section.clone());
        assert_eq!(with("一(四)").unwrap(), "一(四)", "the section above 一(四)2");
        assert_eq!(with("一").unwrap(), "一");
        assert_eq!(with("一(二)、三(四)—三(五)").unwrap(), "一(二)、三(四)—三(五)");
        assert!(with("一(四").is_err(), "not a whole section");
        assert!(with("一(四)22").is_err());
    }

    #[test]
    fn sentences_end_with_a_stop_at_the_end_or_before_a_space() {
        assert_eq!(sentences("US$5.94 trillion, down 5.0%. Exports fell."), 2);
        assert_eq!(sentences("增长 29.9%;广东增长 33.7%。其他。"), 2);
        assert_eq!(sentences("No stop"), 0);
    }

    #[test]
    fn the_generator_writes_one_compile_time_assertion_per_catalogue_check() {
        let mut steps = tour(&valid(8)).unwrap();
        steps[1].chart = "nope".into();
        steps[2].metric = Some("qty_yoy".into());
        steps[2].sort = Some("Value");
        let code = assertions("data/tour.csv", &steps[1..3]);
        let lines: Vec<&str> = code.lines().collect();
        assert_eq!(
            lines[0],
            r#"const _: () = assert!(crate::views::catalog::has_chart("nope"), "data/tour.csv:3: column 'chart': unknown chart 'nope'");"#
        );
        assert_eq!(
            lines[1],
            r#"const _: () = assert!(!crate::views::catalog::has_chart("nope") || crate::views::catalog::is_drawn("nope"), "data/tour.csv:3: column 'chart': 'nope' is tiles or a list; a step shows a drawn chart or a map layer");"#
        );
        assert!(lines[2].contains(
            r#"crate::views::catalog::is_map("nope"), "data/tour.csv:3: column 'view': chart 'nope' is not a map layer""#
        ));
        assert_eq!(
            lines[3],
            r#"const _: () = assert!(crate::permalink::camera_in_bounds(2.0, 0.9, 0.4), "data/tour.csv:3: column 'view': the zoom must be within the map's bounds and the centre on the world");"#
        );
        assert!(code.contains(r#"has_reading("map-flows", "qty_yoy"), "data/tour.csv:4: column 'metric': chart 'map-flows' has no reading 'qty_yoy'");"#));
        assert!(code.contains(r#"has_sort("map-flows", crate::views::SortKey::Value), "data/tour.csv:4: column 'sort': chart 'map-flows' offers no sort 'value'");"#));
        assert_eq!(lines.len(), 4 + 6);
    }
}
