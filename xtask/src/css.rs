//! The inline stylesheets of `dist/index.html` without their comments and layout whitespace: the
//! page's first response is what the first paint waits for, and every byte of it counts. Nothing
//! inside a quoted string changes, and a space that can separate two tokens (`a :hover`,
//! `calc(1px + 2px)`) stays one space.

use std::fs;
use std::path::Path;

use crate::util;

/// `css` without comments, each run of whitespace as one space, and no space around `{`, `}`,
/// `;` and `,`. Quoted strings are copied as they are.
pub fn squeeze(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                flush_space(&mut out, &mut space, c);
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            out.push(e);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            _ => {
                flush_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Write the pending space before `next`, unless a delimiter on either side makes it useless.
fn flush_space(out: &mut String, space: &mut bool, next: char) {
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
    if std::mem::take(space) && !out.is_empty() && !tight(next) && !out.ends_with(tight) {
        out.push(' ');
    }
}

/// Every `<style>` body of `html`, squeezed.
pub fn squeeze_styles(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<style>") {
        let body = &rest[i + "<style>".len()..];
        let Some(end) = body.find("</style>") else { break };
        out.push_str(&rest[..i + "<style>".len()]);
        out.push_str(&squeeze(&body[..end]));
        rest = &body[end..];
    }
    out.push_str(rest);
    out
}

/// Squeeze the inline stylesheets of `dist/index.html`.
pub fn squeeze_in(dist: &Path) -> util::Result {
    let path = dist.join("index.html");
    let html = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    fs::write(&path, squeeze_styles(&html)).map_err(|e| format!("{}: {e}", path.display()))
}

/// Squeeze the stylesheet of each print edition in `print` (`dist/print/<lang>.html`).
pub fn squeeze_print(print: &Path) -> util::Result {
    for (_, path) in util::files_under(print)? {
        let html = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        fs::write(&path, squeeze_styles(&html)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_layout_whitespace_go() {
        let css = "/* tokens */\n:root {\n  --a: #fff; /* paper */\n  --b: 1px;\n}\n\n.x, .y { color: red; }\n";
        assert_eq!(squeeze(css), ":root{--a: #fff;--b: 1px;}.x,.y{color: red;}");
    }

    #[test]
    fn spaces_that_separate_tokens_stay() {
        assert_eq!(squeeze("a :hover { }"), "a :hover{}", "a descendant combinator before a pseudo-class");
        assert_eq!(squeeze("p{top:calc(100%  +\n 6px)}"), "p{top:calc(100% + 6px)}");
        assert_eq!(squeeze(".a > .b  .c{}"), ".a > .b .c{}");
        assert_eq!(squeeze("@media print {\n  .a { x: y }\n}"), "@media print{.a{x: y}}");
    }

    #[test]
    fn strings_are_copied_as_they_are() {
        let css = "p { grid-template-areas: \"brand  search\" 'a /* b */ c'; content: \"\\\"  \"; }";
        assert_eq!(squeeze(css), "p{grid-template-areas: \"brand  search\" 'a /* b */ c';content: \"\\\"  \";}");
    }

    #[test]
    fn only_style_bodies_change() {
        let html = "<p>a  b</p><style>\n p { x: y; }\n</style><script> a  b </script><style>q{}</style>";
        assert_eq!(squeeze_styles(html), "<p>a  b</p><style>p{x: y;}</style><script> a  b </script><style>q{}</style>");
        assert_eq!(squeeze_styles("<style>p{}"), "<style>p{}", "an unclosed style is left alone");
    }
}
