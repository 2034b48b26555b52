//! `agon search`: the explorer's search, from the command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use crate::formats::Input;
use crate::search::{SearchIndex, Searcher};

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// What to look for; filters such as kind:evidence, side:for and #tag may be mixed in.
    pub query: String,
    /// The debate to search; none searches the built-in debate.
    pub file: Option<PathBuf>,
    /// Print a JSON array instead of ID<TAB>KIND<TAB>TITLE lines.
    #[arg(long)]
    pub json: bool,
    /// Print at most N matches.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
}

/// One match as `--json` prints it.
#[derive(serde::Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    kind: &'static str,
    title: &'a str,
    score: i64,
    fields: Vec<&'static str>,
}

/// Exit 0 when something matched, 1 when nothing did (like grep), 2 when
/// the file cannot be read or the query has an error (an unknown filter).
pub fn run(args: SearchArgs) -> ExitCode {
    let loaded = match crate::report::load(&Input::from_arg(args.file.as_deref())) {
        Ok(l) => l,
        Err(err) => return crate::report::load_error(&err),
    };
    let index = Arc::new(SearchIndex::for_one_query(Arc::new(loaded.graph)));
    let results = Searcher::new(Arc::clone(&index)).search(&args.query, args.limit);
    for e in &results.errors {
        say!("agon search: {e}");
    }
    // A query that cannot be read is a usage error, not "nothing matched".
    if !results.errors.is_empty() {
        return ExitCode::from(2);
    }
    let graph = index.graph();
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        let hits: Vec<JsonHit> = results
            .hits
            .iter()
            .map(|h| {
                let node = graph.node(h.node);
                JsonHit {
                    id: &node.id,
                    kind: node.kind.name(),
                    title: &node.title,
                    score: h.score,
                    fields: h.fields.iter().map(|f| f.name()).collect(),
                }
            })
            .collect();
        serde_json::to_string_pretty(&hits)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{}", crate::text::json_escape_invisible(&json)))
    } else {
        results.hits.iter().try_for_each(|h| {
            let node = graph.node(h.node);
            // Tabs and line breaks inside a title would break the columns.
            writeln!(
                out,
                "{}\t{}\t{}",
                crate::text::sanitize_line(&node.id),
                node.kind.name(),
                crate::text::sanitize_line(&node.title)
            )
        })
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        say!("agon search: cannot write: {e}");
        return ExitCode::from(2);
    }
    let status = if results.hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    drop(out);
    crate::cli::keep_until_exit((results, index));
    status
}
