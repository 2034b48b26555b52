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

/// Where a debate comes from: a file, or the one built in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Builtin,
    File(std::path::PathBuf),
}

impl Input {
    pub fn from_arg(arg: Option<&Path>) -> Input {
        match arg {
            Some(p) => Input::File(p.to_path_buf()),
            None => Input::Builtin,
        }
    }

    /// The name shown in messages and used to key saved state.
    pub fn name(&self) -> String {
        match self {
            Input::Builtin => graph::BUILTIN_NAME.to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    pub fn load(&self) -> Result<Loaded, LoadError> {
        match self {
            Input::Builtin => graph::builtin().map_err(LoadError::Invalid),
            Input::File(p) => load_path(p),
        }
    }
}

pub use dispatch::load_path;
