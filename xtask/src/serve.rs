//! A small static file server (std only) for `dist/`: used by `cargo xtask serve` and,
//! on a free loopback port, by the end-to-end layer of `cargo xtask test` and by `bench`.
//!
//! It answers as GitHub Pages does, so what it shows is what readers get: GET and HEAD; `/` and
//! directories serve `index.html`; a missing file is a 404 whose body is `404.html` when the
//! directory has one; text, scripts, data and WebAssembly are sent gzip-compressed to a browser
//! that accepts it (`Accept-Encoding` negotiation, `Content-Encoding`, `Vary: Accept-Encoding`;
//! brotli too when asked for). `..` segments are refused (403) and resolved paths must stay
//! inside the served directory; every response carries `Cache-Control: no-cache`. Compressed
//! bodies are cached per file (and recomputed when the file changes) and prepared in the
//! background as the server starts.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, SystemTime};

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

/// Serves `dir` as GitHub Pages would (gzip), quietly: see `start_with`.
pub fn start(dir: &Path, addr: impl ToSocketAddrs) -> io::Result<SocketAddr> {
    start_with(dir, addr, Options { log: false, offers: encoding::PAGES })
}

/// Binds `addr` and serves `dir` from a background thread (a thread per connection).
/// Returns the bound address: bind `127.0.0.1:0` to get a free port.
pub fn start_with(dir: &Path, addr: impl ToSocketAddrs, options: Options) -> io::Result<SocketAddr> {
    let site = Arc::new(Site { root: dir.canonicalize()?, options, cache: Mutex::default() });
    let listener = TcpListener::bind(addr)?;
    let local = listener.local_addr()?;
    let warm = Arc::clone(&site);
    thread::spawn(move || warm.prepare_all());
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = Arc::clone(&site);
            thread::spawn(move || {
                // A client that goes away mid-response is not our error.
                let _ = handle(stream, &site);
            });
        }
    });
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

struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Arc<Vec<u8>>,
    /// The body's content coding (`Content-Encoding` unless identity).
    encoding: Encoding,
    /// Whether the body depends on `Accept-Encoding` (`Vary: Accept-Encoding`).
    vary: bool,
    extra: Option<String>,
}

impl Response {
    fn text(status: &'static str) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: Arc::new(format!("{status}\n").into_bytes()),
            encoding: Encoding::Identity,
            vary: false,
            extra: None,
        }
    }

    /// The status line and headers, ending with the blank line.
    fn head(&self, close: bool) -> String {
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n",
            self.status,
            self.content_type,
            self.body.len()
        );
        if self.encoding != Encoding::Identity {
            head.push_str(&format!("Content-Encoding: {}\r\n", self.encoding.token()));
        }
        if self.vary {
            head.push_str("Vary: Accept-Encoding\r\n");
        }
        if let Some(extra) = &self.extra {
            head.push_str(extra);
        }
        head.push_str(if close { "Connection: close\r\n\r\n" } else { "Connection: keep-alive\r\n\r\n" });
        head
    }
}

const MAX_HEADER_LINES: usize = 100;

/// What the server needs of a request's head.
struct Request {
    method: String,
    target: String,
    /// The connection ends after the answer (HTTP/1.0, `Connection: close`, or a body we do not read).
    close: bool,
    accept_encoding: Option<String>,
    too_many_headers: bool,
}

/// Reads one request line and its headers; `None` when the client closed the connection.
fn read_request(reader: &mut impl BufRead) -> io::Result<Option<Request>> {
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(None);
    }
    let mut parts = request_line.split_whitespace();
    let (method, target, version) =
        (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut req = Request {
        method: method.to_string(),
        target: target.to_string(),
        close: version != "HTTP/1.1",
        accept_encoding: None,
        too_many_headers: false,
    };
    let mut has_body = false;
    let mut header_lines = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        header_lines += 1;
        if header_lines > MAX_HEADER_LINES {
            req.too_many_headers = true;
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
            match name.as_str() {
                "connection" if value.eq_ignore_ascii_case("close") => req.close = true,
                "connection" if value.eq_ignore_ascii_case("keep-alive") => req.close = false,
                "content-length" if value != "0" => has_body = true,
                "transfer-encoding" => has_body = true,
                "accept-encoding" => req.accept_encoding = Some(value.to_string()),
                _ => {}
            }
        }
    }
    // We do not read request bodies: do not reuse the stream.
    req.close |= has_body;
    Ok(Some(req))
}

fn handle(stream: TcpStream, site: &Site) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(15)))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    while let Some(req) = read_request(&mut reader)? {
        let (response, close) = if req.method.is_empty() || req.target.is_empty() || req.too_many_headers {
            (Response::text("400 Bad Request"), true)
        } else if req.method != "GET" && req.method != "HEAD" {
            let mut r = Response::text("405 Method Not Allowed");
            r.extra = Some("Allow: GET, HEAD\r\n".into());
            (r, true)
        } else {
            (respond(site, &req.target, req.accept_encoding.as_deref()), req.close)
        };
        if site.options.log {
            let coding = if response.encoding == Encoding::Identity { "" } else { response.encoding.token() };
            println!("{} {} -> {} {coding}", req.method, req.target, response.status);
        }
        writer.write_all(response.head(close).as_bytes())?;
        if req.method != "HEAD" {
            writer.write_all(&response.body)?;
        }
        writer.flush()?;
        if close {
            break;
        }
    }
    Ok(())
}

fn respond(site: &Site, target: &str, accept: Option<&str>) -> Response {
    match resolve(&site.root, target) {
        Ok(file) => file_response(site, "200 OK", &file, accept),
        Err(Refusal::BadRequest) => Response::text("400 Bad Request"),
        Err(Refusal::Forbidden) => Response::text("403 Forbidden"),
        Err(Refusal::NotFound) => {
            let page = site.root.join("404.html");
            if page.is_file() {
                file_response(site, "404 Not Found", &page, accept)
            } else {
                Response::text("404 Not Found")
            }
        }
    }
}

/// `file` with `status`, in the coding negotiated for `accept` when its type is worth compressing.
fn file_response(site: &Site, status: &'static str, file: &Path, accept: Option<&str>) -> Response {
    let content_type = content_type(file);
    let vary = compressible(content_type);
    let encoding = if vary { negotiate(accept, site.options.offers) } else { Encoding::Identity };
    match site.body(file, encoding) {
        Ok(body) => Response { status, content_type, body, encoding, vary, extra: None },
        Err(_) => Response::text("500 Internal Server Error"),
    }
}

#[derive(Debug, PartialEq)]
enum Refusal {
    BadRequest,
    Forbidden,
    NotFound,
}

/// Maps a request target to a file inside `root` (which must be canonical).
fn resolve(root: &Path, target: &str) -> Result<PathBuf, Refusal> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Err(Refusal::BadRequest);
    }
    let decoded = percent_decode(path).ok_or(Refusal::BadRequest)?;
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

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

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
        assert_eq!(resolve(&root, "/%zz"), Err(Refusal::BadRequest));
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
        assert!(head.contains("Content-Type: text/html; charset=utf-8\r\nContent-Length: 11\r\n"), "{head}");
        assert!(body.is_empty(), "HEAD must not send a body");
        assert!(get(addr, "GET /missing HTTP/1.0\r\n\r\n").0.starts_with("HTTP/1.1 404 "));
        assert!(get(addr, "GET /../x HTTP/1.0\r\n\r\n").0.starts_with("HTTP/1.1 403 "));
        assert!(get(addr, "POST / HTTP/1.0\r\n\r\n").0.starts_with("HTTP/1.1 405 "));
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
        assert!(
            wasm.contains("Content-Type: application/wasm\r\nContent-Length: ")
                && wasm.contains("Content-Encoding: gzip")
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_missing_path_gets_404_html_with_status_404_compressed_like_any_page() {
        let root = site("404");
        let addr = start(&root, "127.0.0.1:0").unwrap();
        let (plain, _) = get_with(addr, "/deep/link?lang=en", "gzip");
        assert!(plain.starts_with("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain"), "no 404.html yet: {plain}");
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
