//! The argument graph: its types, loading, validation and index.

mod model;

pub use model::*;

/// The RON options every debate file is read with: optional fields may be
/// written without `Some(...)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses a debate file's text into its serde shape, without validation.
pub fn parse_ron(text: &str) -> Result<DebateFile, ron::error::SpannedError> {
    ron_options().from_str(text)
}
