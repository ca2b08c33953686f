//! The static file server for `dist/`, on tiny_http: used by `cargo xtask serve` and, on a free
//! loopback port, by the end-to-end layer of `cargo xtask test` and by `bench`.
//!
//! It answers as GitHub Pages does, so what it shows is what readers get: GET and HEAD (others get
//! 405); `/` and directories serve `index.html`; a missing file is a 404 whose body is `404.html`
//! when the directory has one; text, scripts, data and WebAssembly are sent gzip-compressed to a
//! browser that accepts it (`Accept-Encoding` negotiation, `Content-Encoding`,
//! `Vary: Accept-Encoding`; brotli too when asked for), always with a `Content-Length`. `..`
//! segments are refused (403) and resolved paths must stay inside the served directory; every
//! response carries `Cache-Control: no-cache`. Compressed bodies are cached per file (and
//! recomputed when the file changes) and prepared in the background as the server starts.
//! tiny_http reads the requests (HTTP/1.0 and 1.1, keep-alive, request bodies, HEAD without a
//! body); this module decides each answer.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Cursor};
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::SystemTime;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use crate::encoding::{self, compressible, negotiate, Encoding};
use crate::util;

/// How the server answers.
#[derive(Clone, Copy)]
pub struct Options {
    /// Print one line per request.
    pub log: bool,
    /// The content codings offered, in order of preference (`encoding::PAGES`: gzip only).
    pub offers: &'static [Encoding],
}

/// Threads answering requests (tiny_http reads each connection on a thread of its own).
const WORKERS: usize = 4;

/// Serves `dir` as GitHub Pages would (gzip), quietly: see `start_with`.
pub fn start(dir: &Path, addr: impl ToSocketAddrs) -> io::Result<SocketAddr> {
    start_with(dir, addr, Options { log: false, offers: encoding::PAGES })
}

/// Binds `addr` and serves `dir` from background threads until the process ends. Returns the bound
/// address: bind `127.0.0.1:0` to get a free port.
pub fn start_with(dir: &Path, addr: impl ToSocketAddrs, options: Options) -> io::Result<SocketAddr> {
    let site = Arc::new(Site { root: dir.canonicalize()?, options, cache: Mutex::default() });
    let server = Arc::new(Server::http(addr).map_err(io::Error::other)?);
    let local = server.server_addr().to_ip().ok_or_else(|| io::Error::other("not bound to an IP address"))?;
    let warm = Arc::clone(&site);
    thread::spawn(move || warm.prepare_all());
    for _ in 0..WORKERS {
        let (server, site) = (Arc::clone(&server), Arc::clone(&site));
        thread::spawn(move || {
            for request in server.incoming_requests() {
                answer(&site, request);
            }
        });
    }
    Ok(local)
}

/// Serves `dir` on http://127.0.0.1:`port`/ until the process is interrupted.
pub fn serve_forever(dir: &Path, port: u16, offers: &'static [Encoding]) -> util::Result {
    let addr = start_with(dir, ("127.0.0.1", port), Options { log: true, offers })
        .map_err(|e| format!("cannot serve {} on 127.0.0.1:{port}: {e}", dir.display()))?;
    let codings: Vec<&str> = offers.iter().map(|e| e.token()).collect();
    println!();
    println!("Trade Atlas is served at http://{addr}/ (Ctrl-C to stop)");
    println!("    (serving {}, compressed with {} as the browser accepts)", dir.display(), codings.join(" or "));
    println!();
    loop {
        thread::park();
    }
}

/// A file's identity for the cache: modification time and length.
type Stamp = (SystemTime, u64);
/// Compressed bodies by file and coding, each with the stamp of the file it was made from.
type Cache = HashMap<(PathBuf, Encoding), (Stamp, Arc<Vec<u8>>)>;

/// The served directory, the options, and the compressed bodies made so far.
struct Site {
    root: PathBuf,
    options: Options,
    cache: Mutex<Cache>,
}

impl Site {
    /// The body of `file` in `encoding`, from the cache when the file has not changed since.
    fn body(&self, file: &Path, encoding: Encoding) -> io::Result<Arc<Vec<u8>>> {
        let meta = fs::metadata(file)?;
        let stamp = (meta.modified()?, meta.len());
        let key = (file.to_path_buf(), encoding);
        if let Some((s, body)) = self.cache.lock().expect("cache lock").get(&key) {
            if *s == stamp {
                return Ok(Arc::clone(body));
            }
        }
        let raw = fs::read(file)?;
        if encoding == Encoding::Identity {
            return Ok(Arc::new(raw));
        }
        let body = Arc::new(encoding.encode(&raw));
        self.cache.lock().expect("cache lock").insert(key, (stamp, Arc::clone(&body)));
        Ok(body)
    }

    /// Compresses every compressible file ahead of the first request for it.
    fn prepare_all(&self) {
        let Ok(files) = util::files_under(&self.root) else { return };
        for (_, path) in files.iter().filter(|(_, p)| compressible(content_type(p))) {
            for &encoding in self.options.offers {
                let _ = self.body(path, encoding);
            }
        }
    }
}

/// The Content-Type for a file name.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

/// What to answer a request with.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Arc<Vec<u8>>,
    /// The body's content coding (`Content-Encoding` unless identity).
    encoding: Encoding,
    /// Whether the body depends on `Accept-Encoding` (`Vary: Accept-Encoding`).
    vary: bool,
    /// The methods allowed, for a 405.
    allow: Option<&'static str>,
}

impl Reply {
    /// A short plain-text answer: the status and its reason.
    fn text(status: u16) -> Self {
        let line = format!("{status} {}\n", StatusCode(status).default_reason_phrase());
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: Arc::new(line.into_bytes()),
            encoding: Encoding::Identity,
            vary: false,
            allow: None,
        }
    }

    /// The tiny_http response: the headers, and the body with its length (never chunked, as
    /// GitHub Pages sends files).
    fn response(self) -> Response<Cursor<Shared>> {
        let mut headers = vec![
            header("Content-Type", self.content_type),
            header("Cache-Control", "no-cache"),
            header("X-Content-Type-Options", "nosniff"),
        ];
        if self.encoding != Encoding::Identity {
            headers.push(header("Content-Encoding", self.encoding.token()));
        }
        if self.vary {
            headers.push(header("Vary", "Accept-Encoding"));
        }
        if let Some(allow) = self.allow {
            headers.push(header("Allow", allow));
        }
        let length = self.body.len();
        Response::new(StatusCode(self.status), headers, Cursor::new(Shared(self.body)), Some(length), None)
            .with_chunked_threshold(usize::MAX)
    }
}

/// A cached body, shared by every response that sends it.
struct Shared(Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name, value).expect("header names and values here are ASCII")
}

/// Answers one request (a client that goes away mid-answer is not our error).
fn answer(site: &Site, request: Request) {
    let reply = match request.method() {
        Method::Get | Method::Head => {
            let accept = request.headers().iter().find(|h| h.field.equiv("Accept-Encoding"));
            respond(site, request.url(), accept.map(|h| h.value.as_str()))
        }
        _ => Reply { allow: Some("GET, HEAD"), ..Reply::text(405) },
    };
    if site.options.log {
        let coding = if reply.encoding == Encoding::Identity { "" } else { reply.encoding.token() };
        println!("{} {} -> {} {coding}", request.method(), request.url(), reply.status);
    }
    let _ = request.respond(reply.response());
}

fn respond(site: &Site, target: &str, accept: Option<&str>) -> Reply {
    match resolve(&site.root, target) {
        Ok(file) => file_reply(site, 200, &file, accept),
        Err(Refusal::BadRequest) => Reply::text(400),
        Err(Refusal::Forbidden) => Reply::text(403),
        Err(Refusal::NotFound) => {
            let page = site.root.join("404.html");
            if page.is_file() {
                file_reply(site, 404, &page, accept)
            } else {
                Reply::text(404)
            }
        }
    }
}

/// `file` with `status`, in the coding negotiated for `accept` when its type is worth compressing.
fn file_reply(site: &Site, status: u16, file: &Path, accept: Option<&str>) -> Reply {
    let content_type = content_type(file);
    let vary = compressible(content_type);
    let encoding = if vary { negotiate(accept, site.options.offers) } else { Encoding::Identity };
    match site.body(file, encoding) {
        Ok(body) => Reply { status, content_type, body, encoding, vary, allow: None },
        Err(_) => Reply::text(500),
    }
}

#[derive(Debug, PartialEq)]
enum Refusal {
    BadRequest,
    Forbidden,
    NotFound,
}

/// Maps a request target to a file inside `root` (which must be canonical). Escapes are decoded as
/// URLs have them (`%20`); a `%` not followed by two hex digits stays as it is.
fn resolve(root: &Path, target: &str) -> Result<PathBuf, Refusal> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Err(Refusal::BadRequest);
    }
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().map_err(|_| Refusal::BadRequest)?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return Err(Refusal::BadRequest);
    }
    let mut file = root.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(Refusal::Forbidden),
            s => file.push(s),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    // Symlinks may point anywhere: the real path must still be inside root.
    let real = file.canonicalize().map_err(|_| Refusal::NotFound)?;
    if !real.starts_with(root) {
        return Err(Refusal::Forbidden);
    }
    if real.is_file() {
        Ok(real)
    } else {
        Err(Refusal::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;

    const INDEX: &str = "<p>home</p>";
    const NOT_FOUND: &str = "<p>not here: back to the atlas</p>";

    fn site(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("index.html"), INDEX).unwrap();
        fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        fs::write(dir.join("shot.png"), b"\x89PNG\r\n\x1a\n").unwrap();
        fs::write(dir.join("sub").join("a b.css"), "p{}").unwrap();
        dir.canonicalize().unwrap()
    }

    /// Sends `request` and returns the response's head (as text) and body (as bytes).
    fn get(addr: SocketAddr, request: &str) -> (String, Vec<u8>) {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        let end = out.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete head") + 4;
        (String::from_utf8(out[..end].to_vec()).unwrap(), out[end..].to_vec())
    }

    fn get_with(addr: SocketAddr, path: &str, accept: &str) -> (String, Vec<u8>) {
        get(addr, &format!("GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\nConnection: close\r\n\r\n"))
    }

    fn gunzip(bytes: &[u8]) -> String {
        let mut out = String::new();
        flate2::read::GzDecoder::new(bytes).read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn resolves_inside_root_only() {
        let root = site("resolve");
        assert_eq!(resolve(&root, "/"), Ok(root.join("index.html")));
        assert_eq!(resolve(&root, "/?lang=en#x"), Ok(root.join("index.html")));
        assert_eq!(resolve(&root, "/sub/a%20b.css"), Ok(root.join("sub/a b.css")));
        assert_eq!(resolve(&root, "/../etc/passwd"), Err(Refusal::Forbidden));
        assert_eq!(resolve(&root, "/sub/%2e%2e/%2E%2E/x"), Err(Refusal::Forbidden));
        assert_eq!(resolve(&root, "/nope.js"), Err(Refusal::NotFound));
        assert_eq!(resolve(&root, "relative"), Err(Refusal::BadRequest));
        assert_eq!(resolve(&root, "/%zz"), Err(Refusal::NotFound), "a stray % is a character of the name");
        assert_eq!(resolve(&root, "/%+5"), Err(Refusal::NotFound), "not an escape of byte 5");
        assert_eq!(resolve(&root, "/%ff"), Err(Refusal::BadRequest), "not UTF-8");
        assert_eq!(resolve(&root, "/index.html%00"), Err(Refusal::BadRequest));
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn serves_with_types_and_statuses() {
        let root = site("serve");
        let addr = start(&root, "127.0.0.1:0").unwrap();
        let (wasm, _) = get(addr, "GET /app_bg.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assert!(wasm.starts_with("HTTP/1.1 200 OK\r\n"), "{wasm}");
        assert!(wasm.contains("Content-Type: application/wasm\r\n"));
        assert!(wasm.contains("Cache-Control: no-cache\r\n"));
        let (head, body) = get(addr, "HEAD / HTTP/1.0\r\n\r\n");
        assert!(head.contains("Content-Type: text/html; charset=utf-8\r\n"), "{head}");
        assert!(head.contains("Content-Length: 11\r\n"), "{head}");
        assert!(body.is_empty(), "HEAD must not send a body");
        assert!(get(addr, "GET /missing HTTP/1.0\r\n\r\n").0.starts_with("HTTP/1.0 404 "));
        assert!(get(addr, "GET /../x HTTP/1.0\r\n\r\n").0.starts_with("HTTP/1.0 403 "));
        let (post, _) = get(addr, "POST / HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc");
        assert!(post.starts_with("HTTP/1.0 405 ") && post.contains("Allow: GET, HEAD\r\n"), "{post}");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_large_file_is_sent_with_its_length_not_in_chunks() {
        let root = site("large");
        let image: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
        fs::write(root.join("big.png"), &image).unwrap();
        let addr = start(&root, "127.0.0.1:0").unwrap();
        let (head, body) = get_with(addr, "/big.png", "gzip");
        assert!(head.contains("Content-Length: 100000\r\n") && !head.contains("Transfer-Encoding"), "{head}");
        assert_eq!(body, image);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn one_connection_answers_one_request_after_another() {
        let root = site("keep-alive");
        let addr = start(&root, "127.0.0.1:0").unwrap();
        let two = "GET /shot.png HTTP/1.1\r\nHost: x\r\n\r\nGET /sub/a%20b.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        let (first, rest) = get(addr, two);
        assert!(first.starts_with("HTTP/1.1 200 OK\r\n") && first.contains("Content-Type: image/png\r\n"), "{first}");
        let rest = String::from_utf8_lossy(&rest);
        assert!(rest.contains("HTTP/1.1 200 OK\r\n") && rest.contains("Content-Type: text/css"), "{rest}");
        assert!(rest.ends_with("p{}"), "{rest}");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_browser_that_accepts_gzip_gets_the_page_gzipped_with_vary() {
        let root = site("gzip");
        let addr = start(&root, "127.0.0.1:0").unwrap();
        let (head, body) = get_with(addr, "/", "gzip, deflate, br, zstd");
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(head.contains("Content-Type: text/html; charset=utf-8\r\n"), "{head}");
        assert!(head.contains("Content-Encoding: gzip\r\n"), "GitHub Pages sends gzip, not br: {head}");
        assert!(head.contains("Vary: Accept-Encoding\r\n"), "{head}");
        assert!(head.contains(&format!("Content-Length: {}\r\n", body.len())), "{head}");
        assert_eq!(gunzip(&body), INDEX);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_client_that_accepts_no_coding_gets_the_file_as_it_is_with_vary() {
        let root = site("identity");
        let addr = start(&root, "127.0.0.1:0").unwrap();
        let (head, body) = get(addr, "GET / HTTP/1.0\r\n\r\n");
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert!(head.contains("Vary: Accept-Encoding\r\n"), "the answer depends on the header: {head}");
        assert_eq!(body, INDEX.as_bytes());
        let (head, _) = get_with(addr, "/", "identity, gzip;q=0");
        assert!(!head.contains("Content-Encoding"), "{head}");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn images_are_sent_as_they_are_without_vary() {
        let root = site("png");
        let addr = start(&root, "127.0.0.1:0").unwrap();
        let (head, body) = get_with(addr, "/shot.png", "gzip, br");
        assert!(head.contains("Content-Type: image/png\r\n"), "{head}");
        assert!(!head.contains("Content-Encoding") && !head.contains("Vary"), "{head}");
        assert_eq!(body, b"\x89PNG\r\n\x1a\n");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn wasm_and_css_are_compressed_and_head_gives_the_compressed_length() {
        let root = site("head");
        let addr = start(&root, "127.0.0.1:0").unwrap();
        let (get_head, body) = get_with(addr, "/sub/a%20b.css", "gzip");
        assert!(get_head.contains("Content-Type: text/css; charset=utf-8\r\n"), "{get_head}");
        assert_eq!(gunzip(&body), "p{}");
        let (head, nothing) = get(addr, "HEAD /sub/a%20b.css HTTP/1.0\r\nAccept-Encoding: gzip\r\n\r\n");
        assert!(nothing.is_empty());
        assert!(head.contains(&format!("Content-Length: {}\r\n", body.len())), "{head}");
        let (wasm, _) = get_with(addr, "/app_bg.wasm", "gzip");
        assert!(wasm.contains("Content-Type: application/wasm\r\n") && wasm.contains("Content-Encoding: gzip\r\n"));
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_missing_path_gets_404_html_with_status_404_compressed_like_any_page() {
        let root = site("404");
        let addr = start(&root, "127.0.0.1:0").unwrap();
        let (plain, _) = get_with(addr, "/deep/link?lang=en", "gzip");
        assert!(plain.starts_with("HTTP/1.1 404 Not Found\r\n"), "{plain}");
        assert!(plain.contains("Content-Type: text/plain; charset=utf-8\r\n"), "no 404.html yet: {plain}");
        fs::write(root.join("404.html"), NOT_FOUND).unwrap();
        let (head, body) = get_with(addr, "/deep/link?lang=en", "gzip");
        assert!(head.starts_with("HTTP/1.1 404 Not Found\r\n"), "{head}");
        assert!(head.contains("Content-Type: text/html; charset=utf-8\r\n"), "{head}");
        assert!(head.contains("Content-Encoding: gzip\r\n"), "{head}");
        assert_eq!(gunzip(&body), NOT_FOUND);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn brotli_is_sent_when_offered_and_accepted() {
        let root = site("brotli");
        let addr = start_with(&root, "127.0.0.1:0", Options { log: false, offers: encoding::BROTLI_AND_GZIP }).unwrap();
        let (head, body) = get_with(addr, "/", "gzip, deflate, br");
        assert!(head.contains("Content-Encoding: br\r\n"), "{head}");
        let mut text = String::new();
        brotli::Decompressor::new(&body[..], 4096).read_to_string(&mut text).unwrap();
        assert_eq!(text, INDEX);
        let (head, body) = get_with(addr, "/", "gzip");
        assert!(head.contains("Content-Encoding: gzip\r\n"), "{head}");
        assert_eq!(gunzip(&body), INDEX);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_file_changed_while_serving_is_compressed_again() {
        let root = site("changed");
        let addr = start(&root, "127.0.0.1:0").unwrap();
        assert_eq!(gunzip(&get_with(addr, "/", "gzip").1), INDEX);
        fs::write(root.join("index.html"), "<p>rebuilt, and longer</p>").unwrap();
        assert_eq!(gunzip(&get_with(addr, "/", "gzip").1), "<p>rebuilt, and longer</p>");
        fs::remove_dir_all(&root).unwrap();
    }
}
