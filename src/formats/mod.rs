//! Opening debate files of every format agon reads, chosen by extension
//! (or by content when the extension says nothing).

use std::path::Path;

use crate::graph::{self, LoadError, Loaded};

mod agon_json;
pub mod aif;
pub mod argdown;
mod build;
mod dispatch;
mod escape;
mod json_common;
mod json_locate;
pub mod kialo;
pub mod tgf;

/// How an importer titles a long wording (tests compare with it).
pub use build::title_and_text;
pub use dispatch::{InputFormat, load_str_as};

/// The name standard input goes by in messages (`<stdin>:3:7: error: …`).
pub const STDIN_NAME: &str = "<stdin>";

/// Where a debate comes from: a file, standard input (`-`), or the one
/// built in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Builtin,
    Stdin,
    File(std::path::PathBuf),
}

impl Input {
    /// The input a FILE argument names: `-` is standard input, none the
    /// built-in debate. (`./-` names a file called `-`.)
    pub fn from_arg(arg: Option<&Path>) -> Input {
        match arg {
            Some(p) if p.as_os_str() == "-" => Input::Stdin,
            Some(p) => Input::File(p.to_path_buf()),
            None => Input::Builtin,
        }
    }

    /// The name shown in messages and used to key saved state.
    pub fn name(&self) -> String {
        match self {
            Input::Builtin => graph::BUILTIN_NAME.to_string(),
            Input::Stdin => STDIN_NAME.to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The file's size when it is a regular file: a hint of how long it
    /// takes to load.
    pub fn file_size(&self) -> Option<u64> {
        match self {
            Input::File(p) => std::fs::metadata(p)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len()),
            Input::Builtin | Input::Stdin => None,
        }
    }

    pub fn load(&self) -> Result<Loaded, LoadError> {
        match self {
            Input::Builtin => graph::builtin().map_err(LoadError::Invalid),
            Input::Stdin => load_reader(STDIN_NAME, std::io::stdin().lock()),
            Input::File(p) => load_path(p),
        }
    }
}

pub use dispatch::load_path;

/// Loads a debate from a stream (standard input), its format told from
/// the content. Reads at most as much as agon reads from a file.
pub fn load_reader(name: &str, reader: impl std::io::Read) -> Result<Loaded, LoadError> {
    use std::io::Read;
    let limit = graph::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Unreadable {
            file: name.to_string(),
            message: e.to_string(),
        })?;
    if bytes.len() > limit {
        return Err(LoadError::Unreadable {
            file: name.to_string(),
            message: format!("it is over {limit} bytes; agon reads debates up to {limit} bytes"),
        });
    }
    let text = graph::utf8(name, &bytes).map_err(LoadError::Invalid)?;
    dispatch::load_text(name, text, None)
}
