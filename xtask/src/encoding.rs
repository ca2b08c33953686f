//! Content codings: which one a request accepts (`negotiate`, RFC 9110 §12.5.3), which bodies are
//! worth compressing, and the compressors (gzip level 9; brotli quality 11, window 22) shared by the
//! static server and the size report of `bench`.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

/// A content coding the server can send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    /// The token in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Identity => "identity",
            Encoding::Gzip => "gzip",
            Encoding::Brotli => "br",
        }
    }

    /// `bytes` in this coding.
    pub fn encode(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Encoding::Identity => bytes.to_vec(),
            Encoding::Gzip => {
                let mut gz = GzEncoder::new(Vec::new(), Compression::best());
                gz.write_all(bytes).expect("writing to memory");
                gz.finish().expect("writing to memory")
            }
            Encoding::Brotli => {
                let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
                let mut out = Vec::new();
                brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
                out
            }
        }
    }
}

/// What GitHub Pages sends: gzip when the browser accepts it, else the file as it is.
pub const PAGES: &[Encoding] = &[Encoding::Gzip];
/// Brotli first, then gzip (what hosts with brotli send).
pub const BROTLI_AND_GZIP: &[Encoding] = &[Encoding::Brotli, Encoding::Gzip];

/// The coding to send for a request's `Accept-Encoding` value (`None`: the header is absent), given
/// the codings the server `offers` in order of preference. The highest quality value wins; a tie goes
/// to the server's order, and identity comes last (unnamed, it loses to any coding the client accepts). `q=0` refuses a coding; `*` stands for every
/// coding not named. Without the header, or when nothing offered is acceptable, the body goes as it is.
pub fn negotiate(accept: Option<&str>, offers: &[Encoding]) -> Encoding {
    let Some(accept) = accept else { return Encoding::Identity };
    let entries: Vec<(String, f32)> = accept.split(',').filter_map(parse_entry).collect();
    let quality = |e: Encoding| -> f32 {
        let named = entries.iter().find(|(t, _)| t == e.token() || (e == Encoding::Gzip && t == "x-gzip"));
        let star = entries.iter().find(|(t, _)| t == "*");
        match (named, star) {
            (Some((_, q)), _) | (None, Some((_, q))) => *q,
            // Identity, unnamed, is acceptable (unless `*;q=0`) but yields to any coding asked for.
            (None, None) if e == Encoding::Identity => f32::MIN_POSITIVE,
            (None, None) => 0.0,
        }
    };
    let mut best = (Encoding::Identity, 0.0f32);
    for &e in offers.iter().chain([Encoding::Identity].iter()) {
        let q = quality(e);
        if q > best.1 {
            best = (e, q);
        }
    }
    best.0
}

/// One `coding;q=value` entry, lower-cased; `None` for an empty or malformed entry.
fn parse_entry(entry: &str) -> Option<(String, f32)> {
    let mut parts = entry.split(';');
    let token = parts.next()?.trim().to_ascii_lowercase();
    if token.is_empty() {
        return None;
    }
    let mut q = 1.0;
    for param in parts {
        if let Some((k, v)) = param.split_once('=') {
            if k.trim().eq_ignore_ascii_case("q") {
                q = v.trim().parse::<f32>().ok().filter(|q| (0.0..=1.0).contains(q))?;
            }
        }
    }
    Some((token, q))
}

/// Whether a body of this Content-Type is worth compressing (text, scripts, data, WebAssembly, SVG);
/// images, fonts and PDFs are compressed already.
pub fn compressible(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    essence.starts_with("text/")
        || matches!(
            essence,
            "application/javascript"
                | "application/json"
                | "application/manifest+json"
                | "application/wasm"
                | "application/xml"
                | "image/svg+xml"
                | "image/x-icon"
        )
}

#[cfg(test)]
mod tests {
    use super::Encoding::{Brotli, Gzip, Identity};
    use super::*;

    #[test]
    fn a_browser_that_accepts_gzip_gets_gzip_from_a_pages_like_server() {
        assert_eq!(negotiate(Some("gzip, deflate, br, zstd"), PAGES), Gzip);
    }

    #[test]
    fn a_browser_that_accepts_brotli_gets_brotli_when_the_server_offers_it_first() {
        assert_eq!(negotiate(Some("gzip, deflate, br, zstd"), BROTLI_AND_GZIP), Brotli);
        assert_eq!(negotiate(Some("gzip"), BROTLI_AND_GZIP), Gzip);
    }

    #[test]
    fn no_header_or_an_empty_one_means_the_body_goes_as_it_is() {
        assert_eq!(negotiate(None, BROTLI_AND_GZIP), Identity);
        assert_eq!(negotiate(Some(""), BROTLI_AND_GZIP), Identity);
        assert_eq!(negotiate(Some("identity"), BROTLI_AND_GZIP), Identity);
    }

    #[test]
    fn quality_values_outrank_the_servers_order_and_zero_refuses() {
        assert_eq!(negotiate(Some("br;q=0.5, gzip;q=0.9"), BROTLI_AND_GZIP), Gzip);
        assert_eq!(negotiate(Some("br;q=0, gzip"), BROTLI_AND_GZIP), Gzip);
        assert_eq!(negotiate(Some("gzip;q=0"), PAGES), Identity);
        assert_eq!(negotiate(Some("GZIP;Q=1.0"), PAGES), Gzip, "tokens and parameters are case-insensitive");
        assert_eq!(negotiate(Some("x-gzip"), PAGES), Gzip, "x-gzip is gzip");
        assert_eq!(negotiate(Some("identity;q=1, gzip;q=0.5"), PAGES), Identity, "identity asked for first");
    }

    #[test]
    fn a_wildcard_stands_for_every_coding_not_named() {
        assert_eq!(negotiate(Some("*"), BROTLI_AND_GZIP), Brotli);
        assert_eq!(negotiate(Some("br;q=0, *;q=0.5"), BROTLI_AND_GZIP), Gzip);
        assert_eq!(negotiate(Some("*;q=0"), PAGES), Identity, "nothing acceptable: sent as it is");
    }

    #[test]
    fn malformed_entries_are_ignored() {
        assert_eq!(negotiate(Some("gzip;q=abc, , br;q=2"), BROTLI_AND_GZIP), Identity);
        assert_eq!(negotiate(Some(",gzip;q=0.8;level=1,"), PAGES), Gzip);
    }

    #[test]
    fn text_scripts_data_and_wasm_are_compressed_but_images_are_not() {
        for t in ["text/html; charset=utf-8", "text/javascript; charset=utf-8", "application/wasm", "image/svg+xml"] {
            assert!(compressible(t), "{t}");
        }
        for t in ["image/png", "image/jpeg", "font/woff2", "application/pdf", "application/octet-stream"] {
            assert!(!compressible(t), "{t}");
        }
    }

    #[test]
    fn both_codings_shrink_repetitive_input() {
        let input = b"trade atlas ".repeat(1000);
        assert!(Gzip.encode(&input).len() < 200);
        assert!(Brotli.encode(&input).len() < 100);
        assert_eq!(Identity.encode(&input), input);
    }
}
