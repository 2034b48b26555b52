//! `agon check`: validate files, print every problem and a summary line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::formats::Input;
use crate::graph::{Graph, Kind, LoadError};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files to check; none checks the built-in debate.
    pub files: Vec<PathBuf>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let inputs: Vec<Input> = if args.files.is_empty() {
        vec![Input::Builtin]
    } else {
        args.files.into_iter().map(Input::File).collect()
    };
    let mut status = 0u8;
    let mut stdout = std::io::stdout().lock();
    let last = inputs.len().saturating_sub(1);
    for (n, input) in inputs.into_iter().enumerate() {
        match crate::cli::load(&input) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    say!("{w}");
                }
                if args.strict && !loaded.warnings.is_empty() {
                    status = status.max(1);
                }
                let line = summary(&input.name(), &loaded.graph);
                // A closed pipe (`agon check … | head -1`): nobody reads on.
                if writeln!(stdout, "{line}").is_err() {
                    break;
                }
                if n == last {
                    crate::cli::keep_until_exit(loaded);
                }
            }
            Err(err) => {
                say!("{err}");
                status = status.max(match err {
                    LoadError::Unreadable { .. } => 2,
                    LoadError::Invalid(_) => 1,
                });
            }
        }
    }
    ExitCode::from(status)
}

/// `FILE: N nodes (T theses, C claims, E evidence, R rebuttals), S sources, U tours, L relations`
pub fn summary(name: &str, g: &Graph) -> String {
    format!(
        "{name}: {} nodes ({} theses, {} claims, {} evidence, {} rebuttals), {} sources, {} tours, {} relations",
        g.len(),
        g.count_kind(Kind::Thesis),
        g.count_kind(Kind::Claim),
        g.count_kind(Kind::Evidence),
        g.count_kind(Kind::Rebuttal),
        g.sources.len(),
        g.tours.len(),
        g.relation_count()
    )
}
