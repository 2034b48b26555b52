//! The command line: one subcommand per capability. Each subcommand's
//! arguments and behaviour live in its own module.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

mod check;
mod export;
pub use check::summary as check_summary;

/// agon — explore an argument map in the terminal.
///
/// With no command, opens the explorer on FILE (or on the built-in debate).
#[derive(Debug, Parser)]
#[command(name = "agon", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub explore: crate::tui::ExploreArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate debate files and print a summary of each.
    Check(check::CheckArgs),
    /// Write a debate in another format: ron, json, markdown, dot, aif or argdown.
    Export(export::ExportArgs),
    /// Print shell completions for SHELL.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Runs the command line; returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => crate::tui::run(cli.explore),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "agon", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

/// An optional input file argument: the built-in debate when absent.
pub type FileArg = Option<PathBuf>;

/// Prints a load error the same way everywhere and returns its exit status.
pub fn report_load_error(err: &crate::graph::LoadError) -> ExitCode {
    eprintln!("{err}");
    ExitCode::from(err.exit_code())
}
