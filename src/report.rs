//! How a command that could not load its debate says so: shared by the
//! subcommands and the explorer, which otherwise know nothing of each other.

use std::process::ExitCode;

use crate::graph::LoadError;

/// Prints a load error the same way everywhere and returns its exit status.
pub fn load_error(err: &LoadError) -> ExitCode {
    eprintln!("{err}");
    ExitCode::from(err.exit_code())
}
