//! Writing a debate in other formats: agon's own RON, JSON of the whole
//! graph, a Markdown outline, Graphviz DOT, AIF JSON, Argdown and a
//! self-contained HTML page. Each format is one module with one function
//! from a [`Graph`] to text.

mod agon_ron;
mod aif;
mod argdown;
mod dot;
mod html;
mod json;
mod markdown;
mod outline;

use std::fmt;
use std::path::Path;

use crate::graph::Graph;

/// The formats agon writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Ron,
    Json,
    Markdown,
    Dot,
    Aif,
    Argdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Ron,
        Format::Json,
        Format::Markdown,
        Format::Dot,
        Format::Aif,
        Format::Argdown,
        Format::Html,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Ron => "ron",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Dot => "dot",
            Format::Aif => "aif",
            Format::Argdown => "argdown",
            Format::Html => "html",
        }
    }

    /// The format an output file's extension suggests. `.json` means agon's
    /// JSON; AIF has no extension of its own, so it must be asked for.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "ron" => Some(Format::Ron),
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "dot" | "gv" => Some(Format::Dot),
            "argdown" | "ad" => Some(Format::Argdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Why a graph could not be written (only serializers can refuse).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError(pub String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ExportError {}

/// Writes the graph in `format`.
pub fn export(graph: &Graph, format: Format) -> Result<String, ExportError> {
    match format {
        Format::Ron => agon_ron::write(graph),
        Format::Json => json::write(graph),
        Format::Markdown => Ok(markdown::write(graph)),
        Format::Dot => Ok(dot::write(graph)),
        Format::Aif => aif::write(graph),
        Format::Argdown => Ok(argdown::write(graph)),
        Format::Html => Ok(html::write(graph)),
    }
}
