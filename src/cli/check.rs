//! `agon check`: validate files, print every problem and a summary line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::formats::Input;
use crate::graph::{Graph, Kind, LoadError};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files to check (`-` reads standard input); none checks the built-in debate.
    pub files: Vec<PathBuf>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// Print one JSON document on standard output instead: for each file its
    /// status, its summary and every diagnostic with line and column.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let inputs: Vec<Input> = if args.files.is_empty() {
        vec![Input::Builtin]
    } else {
        args.files
            .iter()
            .map(|f| Input::from_arg(Some(f)))
            .collect()
    };
    let mut status = 0u8;
    let mut reports = Vec::new();
    let last = inputs.len().saturating_sub(1);
    for (n, input) in inputs.into_iter().enumerate() {
        let result = crate::report::load(&input);
        status = status.max(match &result {
            Ok(loaded) if args.strict && !loaded.warnings.is_empty() => 1,
            Ok(_) => 0,
            Err(err) => err.exit_code(),
        });
        if args.json {
            reports.push(json::file_report(&input.name(), &result));
        } else if !print_result(&input.name(), &result) {
            // A closed pipe (`agon check … | head -1`): nobody reads on.
            break;
        }
        if n == last {
            crate::cli::keep_until_exit(result);
        }
    }
    if args.json {
        let doc = serde_json::json!({ "files": reports });
        println!("{doc:#}");
    }
    ExitCode::from(status)
}

/// Prints one file's problems and summary; false once stdout is closed.
fn print_result(name: &str, result: &Result<crate::graph::Loaded, LoadError>) -> bool {
    match result {
        Ok(loaded) => {
            for w in &loaded.warnings {
                say!("{w}");
            }
            writeln!(std::io::stdout(), "{}", summary(name, &loaded.graph)).is_ok()
        }
        Err(err) => {
            say!("{err}");
            true
        }
    }
}

/// The JSON form of a check, for editors and scripts.
mod json {
    use serde_json::{Value, json};

    use crate::graph::{Diagnostic, Graph, Kind, LoadError, Loaded, Severity};

    /// `{file, status: valid|invalid|unreadable, summary|null, diagnostics: [...]}`
    pub fn file_report(name: &str, result: &Result<Loaded, LoadError>) -> Value {
        let (status, summary, diagnostics) = match result {
            Ok(l) => (
                "valid",
                summary(&l.graph),
                l.warnings.iter().map(diag).collect(),
            ),
            Err(LoadError::Invalid(diags)) => {
                ("invalid", Value::Null, diags.iter().map(diag).collect())
            }
            Err(LoadError::Unreadable { file, message }) => (
                "unreadable",
                Value::Null,
                vec![json!({
                    "file": file,
                    "line": Value::Null,
                    "column": Value::Null,
                    "severity": "error",
                    "message": format!("cannot read the file: {message}"),
                })],
            ),
        };
        json!({ "file": name, "status": status, "summary": summary, "diagnostics": diagnostics })
    }

    fn diag(d: &Diagnostic) -> Value {
        json!({
            "file": d.file,
            "line": d.pos.line,
            "column": d.pos.col,
            "severity": match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            "message": d.message,
        })
    }

    fn summary(g: &Graph) -> Value {
        json!({
            "nodes": g.len(),
            "theses": g.count_kind(Kind::Thesis),
            "claims": g.count_kind(Kind::Claim),
            "evidence": g.count_kind(Kind::Evidence),
            "rebuttals": g.count_kind(Kind::Rebuttal),
            "sources": g.sources.len(),
            "tours": g.tours.len(),
            "relations": g.relation_count(),
        })
    }
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
