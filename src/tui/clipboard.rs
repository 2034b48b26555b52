//! Copying to the clipboard by OSC 52: the terminal (or tmux, or the
//! terminal at the far end of SSH) puts the text on the user's clipboard,
//! so no clipboard daemon or display server is needed. What is copied
//! comes from the data, so it is sanitised before it is encoded.

use base64::Engine;

use crate::graph::{Graph, NodeIx, Source};
use crate::text::{sanitize_line, sanitize_text};

/// What `y` copies for a node: evidence as its quote with the citation,
/// anything else as its title and text.
pub fn node_text(graph: &Graph, ix: NodeIx) -> String {
    let node = graph.node(ix);
    match &node.quote {
        Some(quote) => {
            let mut cite: Vec<String> = Vec::new();
            match graph.source_of(ix) {
                Some(src) => cite.extend(source_fields(src)),
                None => cite.extend(node.source.iter().map(|id| sanitize_line(id))),
            }
            cite.extend(node.locator.iter().map(|l| sanitize_line(l)));
            let mut out = format!("“{}”", sanitize_text(quote.trim()));
            if !cite.is_empty() {
                out.push_str(&format!("\n— {}", cite.join(", ")));
            }
            out
        }
        None => {
            let mut out = sanitize_line(&node.title);
            if let Some(text) = &node.text {
                out.push_str("\n\n");
                out.push_str(&sanitize_text(text.trim()));
            }
            out
        }
    }
}

/// What `y` copies for a source: its citation, URL and note.
pub fn source_text(src: &Source) -> String {
    let mut out = source_fields(src).join(", ");
    for extra in [&src.url, &src.note].into_iter().flatten() {
        out.push('\n');
        out.push_str(&sanitize_text(extra.trim()));
    }
    out
}

/// A citation's fields in the order a reference list gives them: author,
/// title, outlet, date.
fn source_fields(src: &Source) -> Vec<String> {
    let title = Some(format!("“{}”", src.title));
    [&src.author, &title, &src.outlet, &src.date]
        .into_iter()
        .flatten()
        .map(|f| sanitize_line(f))
        .filter(|f| !f.is_empty())
        .collect()
}

/// The escape sequence that sets the clipboard to `text`: OSC 52 with the
/// text in base64, ended by BEL (which tmux and older terminals accept
/// where they do not accept ST). Control characters other than line
/// breaks are removed first, so nothing from the data reaches the
/// terminal as a command even after it is pasted.
pub fn osc52(text: &str) -> String {
    let clean = sanitize_text(text);
    let encoded = base64::engine::general_purpose::STANDARD.encode(clean.as_bytes());
    format!("\u{1b}]52;c;{encoded}\u{7}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_encodes_sanitised_text_exactly() {
        assert_eq!(osc52("hi"), "\u{1b}]52;c;aGk=\u{7}");
        // An escape sequence and a bell in the data do not survive.
        assert_eq!(osc52("a\u{1b}[31mb\u{7}\nc"), osc52("ab\nc"));
        assert_eq!(osc52("ab\nc"), "\u{1b}]52;c;YWIKYw==\u{7}");
    }
}
