//! How a command that could not load its debate says so: shared by the
//! subcommands and the explorer, which otherwise know nothing of each other.

use std::process::ExitCode;

use crate::graph::LoadError;

/// Prints a load error the same way everywhere and returns its exit status.
pub fn load_error(err: &LoadError) -> ExitCode {
    // Not eprintln!, which panics when stderr is a closed pipe; and the
    // file's name may carry escapes.
    use std::io::Write;
    let text = crate::text::sanitize_text(&err.to_string());
    let _ = writeln!(std::io::stderr(), "{text}");
    ExitCode::from(err.exit_code())
}
