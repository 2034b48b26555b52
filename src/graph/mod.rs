//! The argument graph: its types, loading, validation and index. Nothing
//! here knows about the terminal.

mod adjacency;
pub mod diag;
mod index;
mod load;
pub mod locate;
mod model;
mod rules;

pub use diag::{Diagnostic, Pos, Severity};
pub use index::{Graph, Index, NodeIx, Relation, Side};
pub use load::{LoadError, Loaded, load_bytes, load_path, load_str, read_file, utf8};
pub use load::{MAX_TEXT_CHARS, MAX_TITLE_CHARS};
pub use model::*;
pub use rules::{Problem, validate};

/// The debate built into agon, opened when no file is given.
pub const BUILTIN_NAME: &str = "<built-in>";
pub const BUILTIN: &str = include_str!("../../data/debate.ron");

/// The RON options every debate file is read with: optional fields may be
/// written without `Some(...)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses a debate file's text into its serde shape, without validation.
pub fn parse_ron(text: &str) -> Result<DebateFile, ron::error::SpannedError> {
    ron_options().from_str(text)
}

/// Loads the built-in debate.
pub fn builtin() -> Result<Loaded, Vec<Diagnostic>> {
    load_str(BUILTIN_NAME, BUILTIN)
}
