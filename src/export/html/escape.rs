//! Turning data-file text into HTML that can only ever be text.

use crate::text::sanitize_line;

/// One line of text for element content: control characters and terminal
/// escapes removed, then `& < > " '` escaped.
pub fn text(s: &str) -> String {
    escape(&sanitize_line(s))
}

/// A double-quoted attribute value (the same escaping covers both).
pub fn attr(s: &str) -> String {
    text(s)
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An id as it appears in a URL fragment (`#tour-ID/1`): every byte but
/// the unreserved ASCII characters percent-encoded, which the page's script
/// decodes with `decodeURIComponent`.
pub fn fragment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The address when it is an http or https URL that can be a link as it
/// stands (no spaces or control characters); other schemes (`javascript:`,
/// `data:`) never become links.
pub fn web_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (web && clean).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            text("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn control_characters_and_escapes_are_removed() {
        assert_eq!(text("a\u{1b}[31mb\u{7}c"), "abc");
    }

    #[test]
    fn fragments_encode_everything_but_unreserved() {
        assert_eq!(fragment("a b/é\"<"), "a%20b%2F%C3%A9%22%3C");
        assert_eq!(fragment("tour-1.x_y~"), "tour-1.x_y~");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            web_url("https://example.org/a?b=1"),
            Some("https://example.org/a?b=1")
        );
        assert_eq!(web_url("HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("data:text/html,<script>"), None);
        assert_eq!(web_url("https://a b"), None);
        assert_eq!(web_url("ht"), None);
    }
}
