//! The interactive explorer.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ExploreArgs {
    /// The debate to open; none opens the built-in debate.
    pub file: Option<PathBuf>,
}

pub fn run(args: ExploreArgs) -> ExitCode {
    let input = crate::formats::Input::from_arg(args.file.as_deref());
    match input.load() {
        Ok(loaded) => {
            println!(
                "{}",
                crate::cli::check_summary(&input.name(), &loaded.graph)
            );
            ExitCode::SUCCESS
        }
        Err(err) => crate::cli::report_load_error(&err),
    }
}
