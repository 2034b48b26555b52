//! `agon export`: write a debate (of any format agon reads) in another
//! format, to standard output or atomically to a file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::export::{self, Format};
use crate::formats::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Ron,
    Json,
    Markdown,
    Dot,
    Aif,
    Argdown,
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Ron => Format::Ron,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Dot => Format::Dot,
            FormatArg::Aif => Format::Aif,
            FormatArg::Argdown => Format::Argdown,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The debate to export (any format agon reads); none exports the built-in debate.
    pub file: Option<PathBuf>,
    /// The format to write; without it, guessed from OUT's extension.
    #[arg(long, short, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to OUT (atomically) instead of standard output.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

pub fn run(args: ExportArgs) -> ExitCode {
    let format = match (args.format, &args.output) {
        (Some(f), _) => Format::from(f),
        (None, Some(out)) => match Format::from_extension(out) {
            Some(f) => f,
            None => {
                return usage(&format!(
                    "cannot tell the format from \"{}\"; say which with --format",
                    out.display()
                ));
            }
        },
        (None, None) => {
            return usage(
                "say which format to write with --format (ron, json, markdown, dot, aif, argdown or html)",
            );
        }
    };
    let input = Input::from_arg(args.file.as_deref());
    let loaded = match crate::report::load(&input) {
        Ok(l) => l,
        Err(err) => return crate::report::load_error(&err),
    };
    for w in &loaded.warnings {
        say!("{w}");
    }
    let text = match export::export(&loaded.graph, format) {
        Ok(t) => t,
        Err(e) => {
            say!("agon export: {e}");
            return ExitCode::from(1);
        }
    };
    let result = match &args.output {
        None => std::io::stdout().lock().write_all(text.as_bytes()),
        Some(out) => {
            if let Some(input_path) = &args.file
                && same_file(input_path, out)
            {
                return usage(&format!(
                    "refusing to overwrite the input file \"{}\"; choose another output",
                    out.display()
                ));
            }
            crate::state::write_atomic(out, text.as_bytes())
        }
    };
    crate::cli::keep_until_exit((loaded, text));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`agon export … | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let target = args
                .output
                .as_ref()
                .map_or("standard output".to_string(), |p| p.display().to_string());
            say!("agon export: cannot write {target}: {e}");
            ExitCode::from(2)
        }
    }
}

fn usage(message: &str) -> ExitCode {
    say!("agon export: {message}");
    ExitCode::from(2)
}

/// Whether two paths name the same existing file (also through links).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b || same_inode(&a, &b),
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}
