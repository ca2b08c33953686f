//! A small static file server (std only) for `dist/`: used by `cargo xtask serve` and,
//! on a free loopback port, by the end-to-end layer of `cargo xtask test`.
//!
//! GET and HEAD; `/` and directories serve `index.html`; `..` segments are refused
//! (403) and resolved paths must stay inside the served directory; a missing file is
//! a 404 whose body is `404.html` when the directory has one (as GitHub Pages does);
//! every response carries `Cache-Control: no-cache`.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crate::util;

/// Binds `addr` and serves `dir` from a background thread (a thread per connection).
/// Returns the bound address: bind `127.0.0.1:0` to get a free port.
pub fn start(dir: &Path, addr: impl ToSocketAddrs, log: bool) -> io::Result<SocketAddr> {
    let root = Arc::new(dir.canonicalize()?);
    let listener = TcpListener::bind(addr)?;
    let local = listener.local_addr()?;
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = Arc::clone(&root);
            thread::spawn(move || {
                // A client that goes away mid-response is not our error.
                let _ = handle(stream, &root, log);
            });
        }
    });
    Ok(local)
}

/// Serves `dir` on http://127.0.0.1:`port`/ until the process is interrupted.
pub fn serve_forever(dir: &Path, port: u16) -> util::Result {
    let addr = start(dir, ("127.0.0.1", port), true)
        .map_err(|e| format!("cannot serve {} on 127.0.0.1:{port}: {e}", dir.display()))?;
    println!();
    println!("Trade Atlas is served at http://{addr}/ (Ctrl-C to stop)");
    println!("    (serving {})", dir.display());
    println!();
    loop {
        thread::park();
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
    body: Vec<u8>,
    extra: Option<String>,
}

impl Response {
    fn text(status: &'static str) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status}\n").into_bytes(),
            extra: None,
        }
    }
}

const MAX_HEADER_LINES: usize = 100;

fn handle(stream: TcpStream, root: &Path, log: bool) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(15)))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(()); // the client closed the connection
        }
        let mut parts = request_line.split_whitespace();
        let (method, target, version) =
            (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let mut close = version != "HTTP/1.1";
        let mut has_body = false;
        let mut header_lines = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            header_lines += 1;
            if header_lines > MAX_HEADER_LINES {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                let (name, value) = (name.trim().to_ascii_lowercase(), value.trim().to_ascii_lowercase());
                match name.as_str() {
                    "connection" if value == "close" => close = true,
                    "connection" if value == "keep-alive" => close = false,
                    "content-length" if value != "0" => has_body = true,
                    "transfer-encoding" => has_body = true,
                    _ => {}
                }
            }
        }
        let response = if method.is_empty() || target.is_empty() || header_lines > MAX_HEADER_LINES {
            close = true;
            Response::text("400 Bad Request")
        } else if method != "GET" && method != "HEAD" {
            close = true;
            let mut r = Response::text("405 Method Not Allowed");
            r.extra = Some("Allow: GET, HEAD\r\n".into());
            r
        } else {
            if has_body {
                close = true; // we do not read request bodies: do not reuse the stream
            }
            respond(root, target)
        };
        if log {
            println!("{method} {target} -> {}", response.status);
        }
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n",
            response.status,
            response.content_type,
            response.body.len()
        );
        if let Some(extra) = &response.extra {
            head.push_str(extra);
        }
        head.push_str(if close { "Connection: close\r\n\r\n" } else { "Connection: keep-alive\r\n\r\n" });
        writer.write_all(head.as_bytes())?;
        if method != "HEAD" {
            writer.write_all(&response.body)?;
        }
        writer.flush()?;
        if close {
            return Ok(());
        }
    }
}

fn respond(root: &Path, target: &str) -> Response {
    match resolve(root, target) {
        Ok(file) => match fs::read(&file) {
            Ok(body) => Response { status: "200 OK", content_type: content_type(&file), body, extra: None },
            Err(_) => Response::text("500 Internal Server Error"),
        },
        Err(Refusal::BadRequest) => Response::text("400 Bad Request"),
        Err(Refusal::Forbidden) => Response::text("403 Forbidden"),
        Err(Refusal::NotFound) => match fs::read(root.join("404.html")) {
            Ok(body) => Response {
                status: "404 Not Found",
                content_type: content_type(Path::new("404.html")),
                body,
                extra: None,
            },
            Err(_) => Response::text("404 Not Found"),
        },
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

    fn site(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("index.html"), "<p>home</p>").unwrap();
        fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        fs::write(dir.join("sub").join("a b.css"), "p{}").unwrap();
        dir.canonicalize().unwrap()
    }

    fn get(addr: SocketAddr, request: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
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
        let addr = start(&root, "127.0.0.1:0", false).unwrap();
        let wasm = get(addr, "GET /app_bg.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assert!(wasm.starts_with("HTTP/1.1 200 OK\r\n"), "{wasm}");
        assert!(wasm.contains("Content-Type: application/wasm\r\n"));
        assert!(wasm.contains("Cache-Control: no-cache\r\n"));
        let head = get(addr, "HEAD / HTTP/1.0\r\n\r\n");
        assert!(head.contains("Content-Type: text/html; charset=utf-8\r\nContent-Length: 11\r\n"), "{head}");
        assert!(head.ends_with("\r\n\r\n"), "HEAD must not send a body: {head}");
        assert!(get(addr, "GET /missing HTTP/1.0\r\n\r\n").starts_with("HTTP/1.1 404 "));
        assert!(get(addr, "GET /../x HTTP/1.0\r\n\r\n").starts_with("HTTP/1.1 403 "));
        assert!(get(addr, "POST / HTTP/1.0\r\n\r\n").starts_with("HTTP/1.1 405 "));
        fs::remove_dir_all(&root).unwrap();
    }
}
