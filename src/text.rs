//! Making text from data files safe to draw and easy to measure.

use unicode_width::UnicodeWidthStr;

/// Removes control characters and terminal escape sequences from one line of
/// text; tabs and newlines become single spaces.
pub fn sanitize_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 control introducer for CSI: skip its parameters like ESC [.
            '\u{9b}' => skip_csi(&mut chars),
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push(' '),
            c if c.is_control() || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters that draw nothing yet change what a terminal shows: bidi
/// marks and overrides that reorder the text around them, and zero-width
/// characters that hide words inside others.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200b}'..='\u{200f}' // zero-width space, joiners, LRM, RLM
        | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{061c}' // Arabic letter mark
        | '\u{180e}' // Mongolian vowel separator
        | '\u{feff}' // zero-width no-break space (byte-order mark)
        | '\u{fff9}'..='\u{fffb}' // interlinear annotation
    )
}

/// JSON as serde_json writes it, with every character a terminal would act
/// on or hide written as a `\u` escape: C1 controls, DEL, line and paragraph
/// separators, bidi and zero-width marks. serde_json escapes only C0. Such
/// characters can stand only inside JSON strings, where the escape means the
/// same character, so readers get the same data.
pub fn json_escape_invisible(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}') || is_invisible(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Like [`sanitize_line`] but keeps paragraph breaks (`\n`) for wrapping.
pub fn sanitize_text(s: &str) -> String {
    s.split('\n')
        .map(sanitize_line)
        .collect::<Vec<_>>()
        .join("\n")
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        // OSC, DCS, APC, PM, SOS: run until BEL or ESC \.
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Display width in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Greedy word wrap to `max` cells per line, measuring wide characters;
/// words longer than a line are broken. Paragraph breaks are kept.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split_whitespace() {
            let w = width(word);
            if used > 0 && used + 1 + w > max {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if w > max {
                for c in word.chars() {
                    let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if used + cw > max && used > 0 {
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                    }
                    line.push(c);
                    used += cw;
                }
                continue;
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(word);
            used += w;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_controls_and_escapes() {
        assert_eq!(sanitize_line("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize_line("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(sanitize_line("bell\u{7}\u{0}tab\there"), "belltab here");
        assert_eq!(sanitize_line("\u{202e}evil"), "evil");
        for hidden in [
            '\u{200b}', '\u{200d}', '\u{feff}', '\u{200f}', '\u{061c}', '\u{2066}',
        ] {
            assert_eq!(
                sanitize_line(&format!("ad{hidden}min")),
                "admin",
                "{hidden:?}"
            );
        }
        assert_eq!(
            sanitize_line("one\u{2028}two\u{2029}three\u{85}"),
            "one two three "
        );
        assert_eq!(sanitize_text("a\u{2028}b\nc"), "a b\nc");
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw() {
        let raw = serde_json::to_string("a\u{9b}2J\u{85}b\u{2028}c\u{202e}d\u{7f}").unwrap();
        let safe = json_escape_invisible(&raw);
        assert_eq!(safe, r#""a\u009b2J\u0085b\u2028c\u202ed\u007f""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        let orig: String = serde_json::from_str(&raw).unwrap();
        assert_eq!(back, orig, "the escapes mean the same text");
    }

    #[test]
    fn measures_and_wraps_wide_characters() {
        assert_eq!(width("日本語"), 6);
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        for line in wrap("日本語 テキスト 😀😀😀 word", 6) {
            assert!(width(&line) <= 6, "{line:?} is wider than 6");
        }
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
    }
}
