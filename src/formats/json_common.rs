//! Reading JSON files: syntax errors with their line and column, and
//! positions of values for later problems.

use serde_json::Value;

use super::build;
use super::json_locate::{self, JsonPositions};
use crate::graph::{Diagnostic, Pos, Severity};

/// Parses JSON text, or reports where and why it is not JSON.
pub fn parse(file: &str, text: &str) -> Result<Value, Vec<Diagnostic>> {
    serde_json::from_str(text).map_err(|e| vec![syntax_error(file, text, &e)])
}

/// serde_json's error at its own line and column, without the position
/// repeated in the message, and with a hint when the file is cut short.
pub fn syntax_error(file: &str, text: &str, e: &serde_json::Error) -> Diagnostic {
    let pos = Pos {
        line: e.line().max(1),
        col: e.column().max(1),
    };
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let hint = if e.is_eof() {
        "; the file ends too early: check for a missing `}`, `]` or `\"`"
    } else {
        ""
    };
    build::diagnostic(file, text, pos, Severity::Error, format!("{message}{hint}"))
}

/// Finds where values stand: paths to byte offsets, offsets to lines and
/// columns. Lines are looked up by binary search, so reporting many
/// positions in a large file stays fast.
pub struct Locator<'a> {
    text: &'a str,
    positions: JsonPositions,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator {
            text,
            positions: json_locate::locate(text),
            line_starts,
        }
    }

    /// The position of the value at `path`, or of the nearest enclosing
    /// value that was recorded, or the start of the file.
    pub fn pos(&self, path: &str) -> Pos {
        let mut path = path;
        loop {
            if let Some(offset) = self.positions.get(path) {
                return self.pos_of_offset(offset);
            }
            match path.rfind(['.', '[']) {
                Some(i) if i > 0 => path = &path[..i],
                _ => return Pos { line: 1, col: 1 },
            }
        }
    }

    fn pos_of_offset(&self, offset: usize) -> Pos {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Pos { line, col }
    }
}
