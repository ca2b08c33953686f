//! Text measurement and wrapping, identical on every backend.
//!
//! Layer: chart. Widths are estimated from character classes rather than measured, so the same
//! spec lays out the same way on canvas and in SVG (and golden SVGs stay font-independent).
//! The estimates err wide for Latin text so labels are not clipped.

/// Estimated advance of one character, in ems.
fn advance(c: char) -> f64 {
    match c {
        ' ' => 0.30,
        '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'l' | 'j' => 0.30,
        '(' | ')' | '[' | ']' | '-' | 'f' | 't' | 'r' => 0.38,
        '0'..='9' => 0.58,
        'm' | 'w' => 0.86,
        'M' | 'W' => 0.92,
        'a'..='z' => 0.56,
        'A'..='Z' => 0.68,
        '%' | '$' | '+' | '−' | '–' | '~' | '=' => 0.62,
        _ if (c as u32) >= 0x2E80 => 1.0,
        _ => 0.62,
    }
}

/// Estimated width in pixels of `s` at font size `size`.
pub fn width(s: &str, size: f64) -> f64 {
    s.chars().map(advance).sum::<f64>() * size
}

fn is_cjk(c: char) -> bool {
    (c as u32) >= 0x2E80
}

/// Break text into lines no wider than `max` pixels; CJK text may break between any two
/// characters, Latin text at spaces. At most `max_lines` lines; the last is ellipsised.
pub fn wrap(s: &str, size: f64, max: f64, max_lines: usize) -> Vec<String> {
    if width(s, size) <= max || max_lines == 0 {
        return vec![s.to_string()];
    }
    // Tokens: a CJK character alone, or a run of non-space non-CJK characters with its trailing space.
    let mut tokens: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if is_cjk(c) {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            tokens.push(c.to_string());
        } else if c == ' ' {
            cur.push(c);
            tokens.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for tok in tokens {
        let candidate = format!("{line}{tok}");
        if width(candidate.trim_end(), size) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = tok;
        }
    }
    if !line.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.len() > max_lines {
        let mut kept: Vec<String> = lines[..max_lines].to_vec();
        let last = kept.last_mut().unwrap();
        *last = ellipsis(&format!("{last} {}", lines[max_lines..].join(" ")), size, max);
        return kept;
    }
    lines.into_iter().map(|l| if width(&l, size) > max { ellipsis(&l, size, max) } else { l }).collect()
}

/// Shorten `s` with a trailing ellipsis to fit `max` pixels.
pub fn ellipsis(s: &str, size: f64, max: f64) -> String {
    if width(s, size) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if width(&out, size) + advance(c) * size + width("…", size) > max {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_are_one_em_wide() {
        assert_eq!(width("美国", 12.0), 24.0);
    }

    #[test]
    fn latin_text_wraps_at_spaces() {
        let lines = wrap("Mechanical and electrical products", 12.0, 120.0, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 12.0) <= 120.0), "{lines:?}");
        assert_eq!(lines.join(" "), "Mechanical and electrical products");
    }

    #[test]
    fn chinese_text_wraps_between_characters() {
        let lines = wrap("贵金属或包贵金属的首饰", 12.0, 60.0, 3);
        assert_eq!(lines, vec!["贵金属或包", "贵金属的首", "饰"]);
    }

    #[test]
    fn overflowing_lines_end_in_an_ellipsis() {
        let lines = wrap("Jewellery of or clad with precious metal", 12.0, 80.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(width(&lines[1], 12.0) <= 80.0);
    }
}
