//! `agon brief`: a printable brief for one side of a thesis.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::brief::{Brief, BriefSide};
use crate::formats::Input;
use crate::graph::{Graph, NodeIx, diag};
use crate::state::StateStore;

#[derive(Debug, clap::Args)]
pub struct BriefArgs {
    /// The debate; none uses the built-in debate.
    pub file: Option<PathBuf>,
    /// The side you argue.
    #[arg(long, value_enum)]
    pub side: SideArg,
    /// The thesis to argue, by id; the first thesis when left out.
    #[arg(long, value_name = "ID")]
    pub thesis: Option<String>,
    /// Write the brief to OUT (replaced atomically) instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Leave out your saved marks and notes.
    #[arg(long)]
    pub no_state: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SideArg {
    For,
    Against,
}

pub fn run(args: BriefArgs) -> ExitCode {
    let input = Input::from_arg(args.file.as_deref());
    let graph = match crate::report::load(&input) {
        Ok(loaded) => loaded.graph,
        Err(err) => return crate::report::load_error(&err),
    };
    let thesis = match choose_thesis(&graph, args.thesis.as_deref()) {
        Ok(t) => t,
        Err(message) => {
            say!("error: {message}");
            return ExitCode::from(1);
        }
    };
    let state = if args.no_state {
        None
    } else {
        // Read only: a brief never moves or rewrites the notes file.
        let (state, warnings) = StateStore::read_only(&input, &graph);
        for w in warnings {
            say!("warning: {w}");
        }
        state
    };
    let side = match args.side {
        SideArg::For => BriefSide::For,
        SideArg::Against => BriefSide::Against,
    };
    let labels = crate::eval::grounded(&graph, &[]);
    let strength = crate::eval::strength(&graph, &[]);
    let brief = Brief::build(&graph, &labels, strength.values(), side, thesis);
    let text = Brief::to_markdown(&graph, &brief, state.as_ref());
    let status = crate::cli::output::emit(&text, args.output.as_deref(), &input);
    crate::cli::keep_until_exit(graph);
    status
}

/// The thesis named by `--thesis`, or the first one (saying so when there
/// are several). The error names the nearest thesis id, or lists them.
fn choose_thesis(graph: &Graph, wanted: Option<&str>) -> Result<NodeIx, String> {
    let theses = graph.theses();
    let ids: Vec<&str> = theses.iter().map(|&t| graph.node(t).id.as_str()).collect();
    let Some(wanted) = wanted else {
        let first = *theses.first().ok_or("the debate has no thesis")?;
        if theses.len() > 1 {
            say!(
                "note: the debate has {} theses; writing the brief for the first, \"{}\" \
                 (choose one with --thesis: {})",
                theses.len(),
                ids[0],
                ids.join(", ")
            );
        }
        return Ok(first);
    };
    if let Some(ix) = theses.iter().copied().find(|&t| graph.node(t).id == wanted) {
        return Ok(ix);
    }
    let what = match graph.by_id(wanted) {
        Some(ix) => format!(
            "\"{wanted}\" is a {}, not a thesis",
            graph.node(ix).kind.name()
        ),
        None => format!("no thesis has the id \"{wanted}\""),
    };
    Err(match diag::nearest(wanted, ids.iter().copied()) {
        Some(near) => format!("{what}; did you mean \"{near}\"?"),
        None => format!("{what}; the theses are: {}", ids.join(", ")),
    })
}
