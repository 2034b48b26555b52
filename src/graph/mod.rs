//! The argument graph: its written form (`model`), the loaded [`Graph`]
//! (`debate`) and its index, reading a file (`load`) and the rules it must
//! follow (`rules`). Nothing here knows about the terminal.

mod adjacency;
mod debate;
pub mod diag;
pub mod diff;
mod index;
mod load;
pub mod locate;
mod model;
mod rules;

pub use debate::Graph;
pub use diag::{Diagnostic, Pos, Severity};
pub use index::Index;
pub use load::MAX_FILE_BYTES;
pub use load::{
    LoadError, Loaded, load_bytes, load_path, load_str, open_file, parse_ron, read_file,
    ron_options, too_large, utf8,
};
pub use model::*;
pub use rules::{MAX_TEXT_CHARS, MAX_TITLE_CHARS, Problem, validate};

/// The debate built into agon, opened when no file is given.
pub const BUILTIN_NAME: &str = "<built-in>";
pub const BUILTIN: &str = include_str!("../../data/debate.ron");

/// Loads the built-in debate.
pub fn builtin() -> Result<Loaded, Vec<Diagnostic>> {
    load_str(BUILTIN_NAME, BUILTIN)
}
