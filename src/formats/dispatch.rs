//! Choosing the importer for a file: by its extension, or by its first
//! characters when the extension says nothing.

use std::path::Path;

use super::{aif, argdown, kialo, tgf};
use crate::graph::{self, Diagnostic, LoadError, Loaded, Pos, Severity};

/// The formats agon reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// agon's own RON file.
    Agon,
    /// A Kialo discussion export (`.txt`).
    Kialo,
    /// AIF JSON from AIFdb or OVA (`.json`; agon's own JSON export too).
    Aif,
    /// Argdown (`.argdown`, `.ad`).
    Argdown,
    /// Trivial Graph Format (`.tgf`): an abstract argumentation framework.
    Tgf,
}

impl InputFormat {
    /// The format an extension names, if it names one.
    pub fn from_extension(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "ron" => Some(InputFormat::Agon),
            "txt" => Some(InputFormat::Kialo),
            "json" => Some(InputFormat::Aif),
            "argdown" | "ad" => Some(InputFormat::Argdown),
            "tgf" => Some(InputFormat::Tgf),
            _ => None,
        }
    }

    /// The format a text's first characters suggest.
    pub fn sniff(text: &str) -> Option<InputFormat> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if kialo::sniff(text) {
            return Some(InputFormat::Kialo);
        }
        let start = skip_comments(text);
        if start.starts_with('{') {
            return Some(InputFormat::Aif);
        }
        if start.starts_with('(') || start.starts_with("Debate") || start.starts_with("#![") {
            return Some(InputFormat::Agon);
        }
        argdown::sniff(text).then_some(InputFormat::Argdown)
    }
}

/// The text after leading whitespace and `//` or `/* */` comments.
fn skip_comments(mut s: &str) -> &str {
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix("//") {
            s = rest.find('\n').map_or("", |i| &rest[i..]);
        } else if let Some(rest) = s.strip_prefix("/*") {
            s = rest.find("*/").map_or("", |i| &rest[i + 2..]);
        } else {
            return s;
        }
    }
}

/// Loads a file of any format agon reads, from the load cache when the
/// same bytes loaded cleanly before.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let ext = InputFormat::from_extension(path);
    let Some(cache) = crate::cache::LoadCache::for_process() else {
        return load_bytes(path, &graph::read_file(path)?, ext);
    };
    let format = format!("{ext:?}");
    // The file is hashed as it streams by, unless it is unchanged since it
    // last was; it is read whole only on a miss.
    let (opened, _) = graph::open_file(path)?;
    let unreadable = |e: std::io::Error| LoadError::Unreadable {
        file: path.display().to_string(),
        message: e.to_string(),
    };
    let before = opened.metadata().map_err(unreadable)?;
    let remembered = cache.remembered_key(path, &before);
    let key = match remembered {
        Some(key) => key,
        None => {
            let cap = graph::MAX_FILE_BYTES as u64;
            match cache
                .key_of_reader(&format, opened, cap)
                .map_err(unreadable)?
            {
                Err(read) => return Err(graph::too_large(path, read)),
                Ok(key) => key,
            }
        }
    };
    // Remembered only if nothing changed the file while it was read.
    let unchanged = |key| {
        if std::fs::metadata(path).is_ok_and(|after| same_file_state(&before, &after)) {
            cache.remember_key(path, &before, key);
        }
    };
    if let Some(graph) = cache.get(key) {
        if remembered.is_none() {
            unchanged(key);
        }
        return Ok(Loaded {
            graph,
            warnings: Vec::new(),
        });
    }
    let bytes = graph::read_file(path)?;
    // Keyed by the bytes loaded, in case the file changed since it was hashed.
    let key = cache.key(&format, &bytes);
    unchanged(key);
    let loaded = load_bytes(path, &bytes, ext)?;
    // Only clean loads are kept: warnings must be shown every time.
    if loaded.warnings.is_empty() {
        cache.put(key, &loaded.graph);
    }
    Ok(loaded)
}

/// Whether two readings of a file's metadata describe the same contents.
fn same_file_state(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len()
        && a.modified().ok() == b.modified().ok()
        && crate::cache::change_time(a).ok() == crate::cache::change_time(b).ok()
}

fn load_bytes(path: &Path, bytes: &[u8], ext: Option<InputFormat>) -> Result<Loaded, LoadError> {
    let file = path.display().to_string();
    let text = graph::utf8(&file, bytes).map_err(LoadError::Invalid)?;
    load_text(&file, text, ext)
}

/// Loads text in the format given, or else the one its content suggests;
/// `file` names it in messages.
pub fn load_text(file: &str, text: &str, format: Option<InputFormat>) -> Result<Loaded, LoadError> {
    // TGF is tried last: it has no marker of its own, only a lone `#` line.
    let sniffed = || InputFormat::sniff(text).or(tgf::sniff(text).then_some(InputFormat::Tgf));
    if let Some(format) = format.or_else(sniffed) {
        return load_str_as(format, file, text).map_err(LoadError::Invalid);
    }
    Err(LoadError::Invalid(vec![Diagnostic {
        file: file.to_string(),
        pos: Pos { line: 1, col: 1 },
        severity: Severity::Error,
        message: "cannot tell this file's format: it looks like no format agon reads. agon \
                  reads .ron (its own), .txt (Kialo), .json (AIF), .argdown or .ad (Argdown) and \
                  .tgf (abstract argumentation frameworks): convert the file, or rename it with \
                  one of these extensions if it is in one of these formats (on standard input, \
                  the content alone decides)"
            .into(),
        line_text: graph::diag::line_text(text, 1),
    }]))
}

/// Loads text in a known format; `file` names it in messages.
pub fn load_str_as(format: InputFormat, file: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    match format {
        InputFormat::Agon => graph::load_str(file, text),
        InputFormat::Kialo => kialo::load_str(file, text),
        InputFormat::Aif => aif::load_str(file, text),
        InputFormat::Argdown => argdown::load_str(file, text),
        InputFormat::Tgf => tgf::load_str(file, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_extension_in_any_case() {
        let tgf = Some(InputFormat::Tgf);
        assert_eq!(InputFormat::from_extension(Path::new("x/frame.tgf")), tgf);
        assert_eq!(InputFormat::from_extension(Path::new("FRAME.TGF")), tgf);
        assert_ne!(InputFormat::from_extension(Path::new("frame.ron")), tgf);
        assert_eq!(InputFormat::from_extension(Path::new("tgf")), None);
    }
}
