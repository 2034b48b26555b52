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
/// columns, each in time independent of the file's size (a file on one line
/// with thousands of problems counted each column from the line's start).
pub struct Locator<'a> {
    positions: JsonPositions,
    lines: crate::graph::diag::Lines<'a>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            positions: json_locate::locate(text),
            lines: crate::graph::diag::Lines::new(text),
        }
    }

    /// A locator that knows only the values at `paths` and the values
    /// they lie within.
    pub fn for_paths<'p>(text: &'a str, paths: impl Iterator<Item = &'p str>) -> Locator<'a> {
        let want = paths
            .flat_map(crate::graph::locate::with_enclosing)
            .map(str::to_string)
            .collect();
        Locator {
            positions: json_locate::locate_some(text, Some(&want)),
            lines: crate::graph::diag::Lines::new(text),
        }
    }

    /// The position of the value at `path`, or of the nearest enclosing
    /// value that was recorded, or the start of the file.
    pub fn pos(&self, path: &str) -> Pos {
        self.lines.pos(self.offset(path))
    }

    /// The byte offset [`Locator::pos`] stands for.
    fn offset(&self, path: &str) -> usize {
        let mut path = path;
        loop {
            if let Some(offset) = self.positions.get(path) {
                return offset;
            }
            match path.rfind(['.', '[']) {
                Some(i) if i > 0 => path = &path[..i],
                _ => return 0,
            }
        }
    }

    /// A problem with the value at `path`, placed and quoted.
    pub fn diagnostic(
        &self,
        file: &str,
        path: &str,
        severity: Severity,
        message: String,
    ) -> Diagnostic {
        self.lines
            .at_offset(file, self.offset(path), severity, message)
    }
}
