//! A small JSON writer for the package's descriptor: values built in order (keys keep the order
//! they are written in, so `datapackage.json` reads top-down), printed with two-space indents.
//!
//! Layer: data. Writing only; the native tests read the output back with a real parser.

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Bool(bool),
    /// A number, already written as JSON text.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// A string value.
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// An integer value.
    pub fn int(n: i64) -> Json {
        Json::Num(n.to_string())
    }

    /// An object from (key, value) pairs, in order.
    pub fn obj<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Obj(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// An array of strings.
    pub fn strs<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Json {
        Json::Arr(items.into_iter().map(|s| Json::Str(s.into())).collect())
    }

    /// The value as JSON text, ending with a line break.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let indent = |out: &mut String, d: usize| {
            out.push('\n');
            out.push_str(&"  ".repeat(d));
        };
        match self {
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => quote(s, out),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(pairs) if pairs.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    v.write(out, depth + 1);
                }
                indent(out, depth);
                out.push(']');
            }
            Json::Obj(pairs) => {
                out.push('{');
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    quote(k, out);
                    out.push_str(": ");
                    v.write(out, depth + 1);
                }
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

/// `s` as a JSON string literal: quotes, backslashes and control characters escaped, everything
/// else (Chinese included) written as it is. The page's own JSON exports use it too
/// (`views::export::json_str`).
pub fn quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_keep_their_order_and_nest_with_two_space_indents() {
        let v = Json::obj([
            ("name", Json::str("partners")),
            ("bytes", Json::int(1234)),
            ("fields", Json::Arr(vec![Json::obj([("type", Json::str("number"))])])),
            ("empty", Json::Arr(vec![])),
            ("ok", Json::Bool(true)),
        ]);
        assert_eq!(
            v.pretty(),
            "{\n  \"name\": \"partners\",\n  \"bytes\": 1234,\n  \"fields\": [\n    {\n      \"type\": \"number\"\n    }\n  ],\n  \"empty\": [],\n  \"ok\": true\n}\n"
        );
    }

    #[test]
    fn strings_escape_quotes_backslashes_and_control_characters_and_keep_chinese() {
        assert_eq!(Json::str("a\"b\\c\n\u{1}《表 3》").pretty(), "\"a\\\"b\\\\c\\n\\u0001《表 3》\"\n");
    }
}
