//! The command line: one subcommand per capability. Each subcommand's
//! arguments and behaviour live in its own module.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// Prints a line to standard error like `eprintln!`, except that a closed
/// stderr (`agon check … 2>&1 | head -1`) is no reason to panic, and that
/// ids and names quoted from a data file never carry escapes to the terminal.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = crate::text::sanitize_text(&format!($($arg)*));
        let _ = writeln!(std::io::stderr(), "{line}");
    }};
}

mod brief;
mod check;
mod config;
mod eval;
mod export;
mod output;
mod search;
pub(crate) mod semantics;
mod tour;
pub use check::summary as check_summary;

const EXAMPLES: &str = "\
Examples:
  agon                                   explore the built-in debate
  agon my.ron                            explore a debate file (RON, Kialo, AIF, Argdown, TGF)
  agon check my.ron                      validate it: every problem as FILE:LINE:COL
  agon check --json my.ron               the same as JSON, for editors and scripts
  agon search \"morale\" my.ron            search titles, texts, quotes and sources
  agon export --format ron -o my.ron     an editable copy of the built-in debate
  agon export my.ron -o class.html       one web page: outline, search, tours as slides
  curl -s URL | agon check -             read a debate from standard input
  agon config --default                  a commented configuration to start from
  agon man > agon.1                      the manual page

FILE may be - for standard input, in every command.";

/// agon — explore an argument map in the terminal.
///
/// With no command, opens the explorer on FILE (or on the built-in debate).
#[derive(Debug, Parser)]
#[command(
    name = "agon",
    version,
    about,
    args_conflicts_with_subcommands = true,
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Read every file afresh, without agon's load cache (kept in
    /// $XDG_CACHE_HOME/agon), and store nothing in it.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// When to use colour: auto (unless NO_COLOR is set; help and errors
    /// only on a terminal), always (even under NO_COLOR), never.
    #[arg(long, global = true, value_name = "WHEN", default_value_t = clap::ColorChoice::Auto)]
    pub color: clap::ColorChoice,
    #[cfg(feature = "tui")]
    #[command(flatten)]
    pub explore: crate::tui::ExploreArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate debate files and print a summary of each.
    Check(check::CheckArgs),
    /// Write a printable Markdown brief for one side of a thesis.
    ///
    /// Your points strongest first (by DF-QuAD strength) with their
    /// evidence, the opposing points still to answer, most dangerous first,
    /// with the rebuttals in the map, and your saved marks and notes.
    Brief(brief::BriefArgs),
    /// List the debate's tours, a tour's steps, or write a tour as a handout.
    ///
    /// `agon tour` lists tours (ID, steps, title); `agon tour ID` lists its
    /// steps; `agon tour ID --markdown` writes the classroom handout. The
    /// debate is given with --file (the built-in debate when left out).
    Tour(tour::TourArgs),
    /// Search titles, text, quotes, tags and sources; print the best matches.
    ///
    /// Exits 0 when something matches, 1 when nothing does, 2 on a bad query (an unknown filter).
    Search(search::SearchArgs),
    /// Print each node's label under a semantics (grounded: in, out or undec), optionally as if some nodes were withdrawn.
    ///
    /// --semantics preferred or stable prints skeptical (in every extension),
    /// credulous (in some) or rejected (in none); strength prints the DF-QuAD
    /// strength from 0 to 1, which counts supports as well as attacks.
    Eval(eval::EvalArgs),
    /// Write a debate in another format: ron, json, markdown, dot, aif, argdown or html.
    Export(export::ExportArgs),
    /// Show where the configuration file is and whether it reads; --default
    /// prints a commented configuration with every default.
    Config(config::ConfigArgs),
    /// Print the manual page (roff), generated from these definitions.
    ///
    /// `agon man | man -l -` reads it; `agon man > agon.1` installs it.
    Man,
    /// Print shell completions for SHELL.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

impl Cli {
    /// Parses the process's arguments. `--color` is read first, so that
    /// clap's own help and usage errors follow it as the explorer does.
    pub fn from_env() -> Cli {
        use clap::FromArgMatches;
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let matches = Cli::command()
            .color(color_arg(&args))
            .get_matches_from(&args);
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }
}

/// The last `--color WHEN` or `--color=WHEN` before `--`; auto when there
/// is none (a bad WHEN is then reported by clap).
fn color_arg(args: &[std::ffi::OsString]) -> clap::ColorChoice {
    use clap::ValueEnum;
    let mut choice = clap::ColorChoice::Auto;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--color") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(c) = value.and_then(|v| clap::ColorChoice::from_str(&v, false).ok()) {
            choice = c;
        }
    }
    choice
}

/// Runs the command line; returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    if cli.no_cache {
        crate::cache::disable();
    }
    match cli.command {
        #[cfg(feature = "tui")]
        None => crate::tui::run(cli.explore, cli.color),
        #[cfg(not(feature = "tui"))]
        None => {
            eprintln!(
                "agon: this build has no explorer (built without the `tui` feature); use agon check, search, eval, brief, tour or export"
            );
            ExitCode::from(2)
        }
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Brief(args)) => brief::run(args),
        Some(Command::Tour(args)) => tour::run(args),
        Some(Command::Search(args)) => search::run(args),
        Some(Command::Eval(args)) => eval::run(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Man) => man(),
        Some(Command::Config(args)) => config::run(args),
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "agon", &mut script);
            output::to_stdout(&script)
        }
    }
}

fn man() -> ExitCode {
    let page = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    if let Err(e) = page.render(&mut out) {
        eprintln!("agon man: cannot render the page: {e}");
        return ExitCode::from(1);
    }
    output::emit(
        &String::from_utf8_lossy(&out),
        None,
        &crate::formats::Input::Builtin,
    )
}

/// An optional input file argument: the built-in debate when absent.
pub type FileArg = Option<PathBuf>;

/// Ends a command's use of what it loaded without freeing it: the process
/// is about to exit, and the system takes the memory back at once, where
/// freeing a big graph piece by piece takes a noticeable part of a second.
pub fn keep_until_exit<T>(value: T) {
    std::mem::forget(value);
}
