//! After the Trunk build: a Content-Security-Policy for `index.html` (allowing the print
//! edition's stylesheet too), a `404.html` that sends deep links back to the atlas, and
//! `trade-atlas.html`, one file with the CSS, JS and wasm inlined (and the data package's zip and
//! the print editions) that opens from `file://` with no network.

use std::fs;
use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::util;

/// `'sha256-…'` of an inline script or style, as CSP expects it.
pub fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The policy: nothing from anywhere by default; scripts from this origin plus the hashed inline
/// loader; WebAssembly compilation; the hashed inline stylesheets (inline style attributes are
/// used for tooltip positions and canvas heights); images from this origin and data: URIs
/// (favicon).
pub fn policy(script_hashes: &[String], style_hashes: &[String], same_origin: bool) -> String {
    let own = if same_origin { "'self' " } else { "" };
    let style_elems = if style_hashes.is_empty() { "'none'".to_string() } else { style_hashes.join(" ") };
    format!(
        "default-src 'none'; script-src {own}{} 'wasm-unsafe-eval'; style-src-elem {style_elems}; style-src-attr 'unsafe-inline'; img-src {own}data: blob:; connect-src {}; base-uri 'none'; form-action 'none'",
        script_hashes.join(" "),
        if same_origin { "'self'" } else { "'none'" },
    )
}

/// Every `<tag ...>…</tag>` body in `html`, in order.
fn bodies<'a>(html: &'a str, open_prefix: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(open_prefix) {
        let after = &rest[i..];
        let Some(gt) = after.find('>') else { break };
        let body = &after[gt + 1..];
        let Some(end) = body.find(close) else { break };
        out.push(&body[..end]);
        rest = &body[end..];
    }
    out
}

fn insert_meta(html: &str, policy: &str) -> util::Result<String> {
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n  ");
    let at = html.find("<meta name=\"viewport\"").ok_or("index.html has no viewport meta to place the CSP before")?;
    Ok(format!("{}{meta}{}", &html[..at], &html[at..]))
}

/// Start fetching the WebAssembly module once the first screen is painted (the page's
/// `window.atlasFirstPaint`, from its pre-paint script) rather than while the HTML is parsed:
/// Trunk's `<link rel="preload">` of the module is removed and its loader waits for the paint.
/// The first screen (static HTML with inline stylesheets) needs nothing from the module, and on a
/// slow network the module's 370 KB no longer compete with the page the first paint waits for.
pub fn defer_wasm(html: &str) -> Result<String, String> {
    const INIT: &str = "const wasm = await init(";
    if html.contains("await window.atlasFirstPaint;") {
        return Ok(html.to_string());
    }
    let mut out = html.to_string();
    let preload = out
        .match_indices("<link rel=\"preload\"")
        .map(|(i, _)| i)
        .find(|&i| out[i..].split('>').next().is_some_and(|tag| tag.contains("application/wasm")));
    if let Some(i) = preload {
        let end = i + out[i..].find('>').ok_or("index.html: an unclosed preload link")? + 1;
        out.replace_range(i..end, "");
    }
    drop_redundant_glue_preload(&mut out);
    let at = out.find(INIT).ok_or("index.html: Trunk's loader (\"const wasm = await init(\") was not found")?;
    out.insert_str(at, "await window.atlasFirstPaint;\n");
    Ok(out)
}

/// Remove Trunk's `<link rel="modulepreload">` of the JS glue when the loader that imports the
/// glue comes earlier in the document: the import has started the fetch by the time the parser
/// reaches the link, so the link fetches nothing sooner. It did harm: in Firefox ESR the second
/// request raced the import's and fired an `error` event on the link in about one same-address
/// reload in ten (the module itself loaded), which error reporters count as a failure.
fn drop_redundant_glue_preload(html: &mut String) {
    let Some(i) = html.find("<link rel=\"modulepreload\"") else { return };
    let Some(len) = html[i..].find('>').map(|e| e + 1) else { return };
    let tag = &html[i..i + len];
    let Some(href) = tag.split("href=\"").nth(1).and_then(|r| r.split('"').next()) else { return };
    let imported_before = [format!("from '{href}'"), format!("from \"{href}\"")]
        .iter()
        .filter_map(|needle| html.find(needle.as_str()))
        .any(|at| at < i);
    if imported_before {
        let end = i + len + usize::from(html[i + len..].starts_with('\n'));
        html.replace_range(i..end, "");
    }
}

/// Fetch the module after the first paint ([`defer_wasm`]) in `dist/index.html`.
pub fn defer_wasm_in(dist: &Path) -> util::Result {
    let path = dist.join("index.html");
    let html = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    fs::write(&path, defer_wasm(&html)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// The hashes of the print editions' stylesheets (`print/<lang>.html`), which the page puts in
/// itself while it prints.
fn print_style_hashes(print: &Path) -> util::Result<Vec<String>> {
    let mut out = Vec::new();
    for (_, path) in util::files_under(print)? {
        let html = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.extend(bodies(&html, "<style", "</style>").into_iter().map(csp_hash));
    }
    out.dedup();
    Ok(out)
}

/// Add the CSP to `dist/index.html`: its own inline scripts and stylesheets by hash, and the
/// print editions' (in `print`).
pub fn add_csp(dist: &Path, print: &Path) -> util::Result {
    let path = dist.join("index.html");
    let html = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if html.contains("Content-Security-Policy") {
        return Ok(());
    }
    let scripts: Vec<String> = bodies(&html, "<script", "</script>").into_iter().map(csp_hash).collect();
    let mut styles: Vec<String> = bodies(&html, "<style", "</style>").into_iter().map(csp_hash).collect();
    styles.extend(print_style_hashes(print)?);
    let html = insert_meta(&html, &policy(&scripts, &styles, true))?;
    fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))
}

/// The script of `404.html`. It tries the ancestors of the missing path, nearest first, and goes to
/// the first that serves the atlas, keeping the query and hash. Every candidate is a path of this
/// origin: the address is split into its non-empty segments (so repeated slashes collapse and
/// `//other.host/…` can never become a protocol-relative URL), each candidate is `/` + segments + `/`
/// and checked against `location.origin`, and fetches are `mode: 'same-origin'`. The fallback link
/// (shown when no ancestor serves the atlas) is the first segment's directory or `/`.
const NOT_FOUND_SCRIPT: &str = concat!(
    "(function(){",
    "var q=location.search+location.hash;",
    "var segs=location.pathname.split(/\\/+/).filter(function(s){return s&&s!=='.'&&s!=='..';});",
    "segs.pop();",
    "function own(n){var p='/'+segs.slice(0,n).map(function(s){return s+'/';}).join('');",
    "var u=new URL(p,location.origin);return u.origin===location.origin?u.pathname:'/';}",
    "function show(){document.querySelector('#go a').href=own(Math.min(1,segs.length));",
    "document.getElementById('go').hidden=false;}",
    "function tryAt(n){if(n<0){show();return;}var base=own(n);",
    "fetch(base,{cache:'no-store',mode:'same-origin'})",
    // The body is read even of a failed probe, so moving on never aborts a request in flight.
    ".then(function(r){return r.text().then(function(t){return r.ok?t:'';});})",
    ".then(function(t){if(t.indexOf('trade-atlas-app')>=0){location.replace(base+q);}else{tryAt(n-1);}})",
    ".catch(function(){tryAt(n-1);});}",
    "tryAt(segs.length);",
    "})();"
);

/// The whole `404.html`, its policy allowing exactly its one inline script (by hash).
pub fn not_found_page() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src {}; connect-src 'self'; style-src-attr 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>Trade Atlas · 页面不存在 · Page not found</title>\n</head>\n<body style=\"font-family:sans-serif;max-width:36rem;margin:20vh auto;text-align:center\">\n  <p>正在返回图集… · Taking you back to the atlas…</p>\n  <p id=\"go\" hidden><a href=\"/\">外贸新质生产力图集 · Trade Atlas</a></p>\n  <script>{NOT_FOUND_SCRIPT}</script>\n</body>\n</html>\n",
        csp_hash(NOT_FOUND_SCRIPT)
    )
}

/// Writes `dist/404.html` (GitHub Pages serves it for any missing path): see `NOT_FOUND_SCRIPT`.
pub fn write_404(dist: &Path) -> util::Result {
    fs::write(dist.join("404.html"), not_found_page()).map_err(|e| format!("dist/404.html: {e}"))
}

/// `index.html` (its stylesheets are already inline: `<link data-trunk rel="inline">`) with the
/// Trunk loader lines replaced by `@@LOADER@@`, and the paths of the JS glue and the wasm it loaded.
struct Inlined {
    html: String,
    glue: String,
    wasm: String,
}

fn inline_index(index: &str) -> util::Result<Inlined> {
    let mut out = String::new();
    let (mut glue, mut wasm) = (None, None);
    for line in index.lines() {
        let t = line.trim();
        if t.starts_with("<meta http-equiv=\"Content-Security-Policy\"") {
            continue;
        }
        if t.starts_with("<link rel=\"stylesheet\"") {
            return Err("index.html links a stylesheet: index.html should inline it (rel=\"inline\")".into());
        }
        if t.starts_with("<link rel=\"modulepreload\"") {
            // The preload links share a line; drop them, keep anything after.
            if let Some(i) = t.find("</head>") {
                out.push_str(&t[i..]);
                out.push('\n');
            }
            continue;
        }
        if t.starts_with("import init") {
            let from = t.split('\'').nth(1).ok_or("cannot read the loader's import")?;
            glue = Some(from.trim_start_matches("./").to_string());
            continue;
        }
        if t.starts_with("const wasm = await init") {
            let from = t.split('\'').nth(1).ok_or("cannot read the wasm path")?;
            wasm = Some(from.trim_start_matches("./").to_string());
            out.push_str("@@LOADER@@\n");
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    let glue = glue.ok_or("index.html has no Trunk loader import")?;
    let wasm = wasm.ok_or("index.html has no wasm path")?;
    Ok(Inlined { html: out, glue, wasm })
}

/// The module script's body: the JS glue without its exports, and the wasm as base64.
fn loader(dist: &Path, glue: &str, wasm: &str) -> util::Result<String> {
    let js = fs::read_to_string(dist.join(glue)).map_err(|e| format!("{glue}: {e}"))?;
    // Inline module scripts export nothing; keep the definitions, drop the export syntax.
    let js = js.replace("export class ", "class ").replace("export function ", "function ");
    let js = js.lines().filter(|l| !l.starts_with("export {")).collect::<Vec<_>>().join("\n");
    let bytes = fs::read(dist.join(wasm)).map_err(|e| format!("{wasm}: {e}"))?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    Ok(format!(
        "{js}\nconst bindings = {{}};\nconst bytes = Uint8Array.from(atob(\"{b64}\"), (c) => c.charCodeAt(0));\nawait __wbg_init({{ module_or_path: bytes }});"
    ))
}

/// Write `dist/trade-atlas.html`: the JS glue and the wasm (base64) in one module script, preloads
/// removed, and a CSP with hashes of exactly its inline scripts and stylesheets; the data package's
/// zip in a meta and the print edition of each language (from `print`) in a `<template>`.
pub fn single_file(dist: &Path, zip: &Path, print: &Path) -> util::Result {
    let index = fs::read_to_string(dist.join("index.html")).map_err(|e| format!("dist/index.html: {e}"))?;
    let page = inline_index(&index)?;
    let mut style_hashes: Vec<String> = bodies(&page.html, "<style", "</style>").into_iter().map(csp_hash).collect();
    style_hashes.extend(print_style_hashes(print)?);
    // Replace the whole module script body (loader lines plus Trunk's event dispatch).
    let html = page.html.replace("@@LOADER@@", &loader(dist, &page.glue, &page.wasm)?);
    let scripts: Vec<String> = bodies(&html, "<script", "</script>").into_iter().map(csp_hash).collect();
    let html = insert_meta(&html, &policy(&scripts, &style_hashes, false))?;
    let zip = fs::read(zip).map_err(|e| format!("{}: {e} (the data package is written first)", zip.display()))?;
    let html = html.replacen(
        "<meta name=\"generator\" content=\"trade-atlas-app\">",
        &format!(
            "<meta name=\"generator\" content=\"trade-atlas-app\">\n  <meta name=\"trade-atlas-single\" content=\"1\">\n  {}{}",
            data_meta(&zip),
            print_templates(print)?
        ),
        1,
    );
    fs::write(dist.join("trade-atlas.html"), html).map_err(|e| format!("dist/trade-atlas.html: {e}"))
}

/// The print edition of each language (`print/<lang>.html`) in a `<template id="print-<lang>">`:
/// a copy of the atlas opened from a file cannot fetch it, so the app takes it from here
/// (`ui::print`). Inert until then; its stylesheet is allowed by hash, as on the site.
fn print_templates(print: &Path) -> util::Result<String> {
    let mut out = String::new();
    for lang in ["zh", "en"] {
        let path = print.join(format!("{lang}.html"));
        let html = fs::read_to_string(&path)
            .map_err(|e| format!("{}: {e} (the print edition is written first)", path.display()))?;
        if html.contains("<script") || html.contains("</template") {
            return Err(format!("{}: the print edition holds a script or a template's end", path.display()));
        }
        out.push_str(&format!("\n  <template id=\"print-{lang}\">{html}</template>"));
    }
    Ok(out)
}

/// The data package's zip as a `data:` URL in a `<meta>`: a copy of the atlas opened from a file has
/// no `data/` folder beside it, so its "Download all data" link takes the zip from here (the app
/// reads this meta, `ui::app`). Not a script, so the page's policy needs no hash for it.
fn data_meta(zip: &[u8]) -> String {
    use base64::Engine;
    format!(
        "<meta name=\"trade-atlas-data\" content=\"data:application/zip;base64,{}\">",
        base64::engine::general_purpose::STANDARD.encode(zip)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_single_files_data_meta_carries_the_zip_itself() {
        use base64::Engine;
        let zip = b"PK\x03\x04 a zip's first bytes";
        let meta = data_meta(zip);
        let url = meta.split("content=\"").nth(1).and_then(|r| r.strip_suffix("\">")).unwrap();
        let b64 = url.strip_prefix("data:application/zip;base64,").unwrap();
        assert_eq!(base64::engine::general_purpose::STANDARD.decode(b64).unwrap(), zip);
        assert!(!b64.contains(['"', '<', '&']), "nothing to escape in the attribute");
    }

    const TRUNK_HEAD: &str = concat!(
        "<link rel=\"modulepreload\" href=\"./a.js\" crossorigin=\"anonymous\">\n",
        "<link rel=\"preload\" href=\"./a_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">",
        "<link rel=\"preload\" href=\"./font.woff2\" as=\"font\">\n",
        "<script type=\"module\">\nimport init, * as bindings from './a.js';\n",
        "const wasm = await init({ module_or_path: './a_bg.wasm' });\n</script>"
    );

    #[test]
    fn the_glues_preload_goes_when_the_loader_importing_it_comes_first() {
        let loader = "<script type=\"module\">\nimport init, * as bindings from './a.js';\nconst wasm = await init({ module_or_path: './a_bg.wasm' });\n</script>\n";
        let html =
            defer_wasm(&format!("{loader}<link rel=\"modulepreload\" href=\"./a.js\" integrity=\"sha384-x\">\n<body>"))
                .unwrap();
        assert!(!html.contains("modulepreload"), "{html}");
        assert!(html.contains("from './a.js'") && html.ends_with("</script>\n<body>"), "{html}");
    }

    #[test]
    fn the_module_is_fetched_after_the_first_paint_and_only_its_preload_goes() {
        let html = defer_wasm(TRUNK_HEAD).unwrap();
        assert!(!html.contains("a_bg.wasm\" crossorigin"), "the module's preload is gone: {html}");
        assert!(
            html.contains("rel=\"modulepreload\" href=\"./a.js\""),
            "the glue stays preloaded where the loader comes later"
        );
        assert!(html.contains("href=\"./font.woff2\""), "other preloads stay");
        assert!(
            html.contains("await window.atlasFirstPaint;\nconst wasm = await init({ module_or_path: './a_bg.wasm' })")
        );
        assert_eq!(defer_wasm(&html).unwrap(), html, "a second pass changes nothing");
        let e = defer_wasm("<script type=\"module\">init()</script>").unwrap_err();
        assert!(e.contains("Trunk's loader"), "{e}");
    }

    #[test]
    fn csp_hashes_match_the_known_value_for_an_empty_script() {
        assert_eq!(csp_hash(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    }

    #[test]
    fn the_policy_allows_only_what_a_static_wasm_page_needs() {
        let p = policy(&["'sha256-x'".into()], &["'sha256-s'".into(), "'sha256-t'".into()], true);
        assert!(p.starts_with("default-src 'none';"));
        assert!(p.contains("script-src 'self' 'sha256-x' 'wasm-unsafe-eval'"));
        assert!(p.contains("style-src-elem 'sha256-s' 'sha256-t';"), "only the inline stylesheets: {p}");
        assert!(policy(&[], &[], false).contains("style-src-elem 'none';"));
        assert!(!p.contains("unsafe-eval'") || p.contains("wasm-unsafe-eval"));
        assert!(!p.contains("http"), "no other origin is allowed: {p}");
    }

    #[test]
    fn the_404_pages_policy_allows_exactly_its_script() {
        let page = not_found_page();
        let scripts = bodies(&page, "<script", "</script>");
        assert_eq!(scripts, vec![NOT_FOUND_SCRIPT]);
        assert!(page.contains(&format!("script-src {};", csp_hash(scripts[0]))), "{page}");
        assert!(page.contains("default-src 'none'") && page.contains("connect-src 'self'"));
    }

    #[test]
    fn the_404_script_builds_its_paths_from_non_empty_segments_of_this_origin_only() {
        // Regression: it used to join `location.pathname.split('/')` as it came, so `//evil.example/x`
        // made it fetch `//evil.example/` (protocol-relative: another origin).
        assert!(
            NOT_FOUND_SCRIPT.contains(".split(/\\/+/).filter(function(s){return s&&"),
            "empty segments are dropped"
        );
        assert!(NOT_FOUND_SCRIPT.contains("u.origin===location.origin"), "candidates are checked against the origin");
        assert!(NOT_FOUND_SCRIPT.contains("mode:'same-origin'"), "fetches cannot leave the origin");
        assert!(!NOT_FOUND_SCRIPT.contains("</script"), "the script cannot end its element early");
    }

    #[test]
    fn the_single_file_finds_the_loader_and_refuses_an_external_stylesheet() {
        let page = inline_index(&format!("<style>p{{}}</style>\n{TRUNK_HEAD}")).unwrap();
        assert_eq!((page.glue.as_str(), page.wasm.as_str()), ("a.js", "a_bg.wasm"));
        assert!(page.html.contains("<style>p{}</style>") && page.html.contains("@@LOADER@@"), "{}", page.html);
        assert!(!page.html.contains("modulepreload"), "{}", page.html);
        let e = inline_index("<link rel=\"stylesheet\" href=\"./a.css\">").err().unwrap();
        assert!(e.to_string().contains("rel=\"inline\""), "{e}");
    }

    #[test]
    fn inline_bodies_are_found_in_order() {
        let html = "<script type=\"module\">a()</script><p></p><script>b()</script>";
        assert_eq!(bodies(html, "<script", "</script>"), vec!["a()", "b()"]);
    }
}
