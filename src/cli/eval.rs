//! `agon eval`: the grounded label of every node (or its acceptance or
//! strength under another semantics), optionally under a what-if, as text
//! or JSON.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::semantics::{self, Choice};
use crate::eval::{Answer, Evaluation, Why, suspend_analysis, why};
use crate::formats::Input;
use crate::graph::{Graph, NodeIx, diag};
use crate::text::sanitize_line;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The debate to evaluate (RON or .tgf); none evaluates the built-in debate.
    pub file: Option<PathBuf>,
    /// Evaluate as if node ID were withdrawn: it attacks nothing. Repeatable.
    #[arg(long, value_name = "ID")]
    pub suspend: Vec<String>,
    /// Evaluate on the sources alone: suspend every node marked
    /// `origin: Analysis` (the map's own reasoning) at once.
    #[arg(long)]
    pub sources_only: bool,
    /// Print JSON: every node's id, grounded label and the ids that explain
    /// it, and its preferred, stable and strength values whatever
    /// --semantics says. Explaining an undecided node searches the tangle of
    /// cycles behind it, so on large tangled frameworks this is far slower
    /// than plain text.
    #[arg(long)]
    pub json: bool,
    /// What to print for each node: grounded (in|out|undec), preferred or
    /// stable (skeptical|credulous|rejected), or strength (0.0000 to 1.0000).
    #[arg(long, value_enum, default_value_t, value_name = "SEMANTICS")]
    pub semantics: Choice,
}

pub fn run(args: EvalArgs) -> ExitCode {
    let loaded = match crate::report::load(&Input::from_arg(args.file.as_deref())) {
        Ok(loaded) => loaded,
        Err(err) => return crate::report::load_error(&err),
    };
    let graph = &loaded.graph;
    let suspended = match resolve(graph, &args.suspend) {
        Ok(s) => s,
        Err(messages) => {
            for m in messages {
                say!("error: {m}");
            }
            return ExitCode::from(1);
        }
    };
    let mut eval = Evaluation::new(graph);
    eval.suspend_all(suspended);
    if args.sources_only {
        suspend_analysis(graph, &mut eval);
    }
    // Every semantics sees the same what-if.
    let flags: Vec<bool> = graph.indices().map(|ix| eval.is_suspended(ix)).collect();
    let mut order: Vec<NodeIx> = graph.indices().collect();
    order.sort_by(|&a, &b| graph.node(a).id.cmp(&graph.node(b).id));
    let out = io::stdout().lock();
    let written = if args.json {
        write_json(
            out,
            graph,
            &eval,
            &order,
            &semantics::All::new(graph, &flags),
        )
    } else if args.semantics == Choice::Grounded {
        write_text(out, graph, &eval, &order)
    } else {
        semantics::write_text(out, graph, args.semantics, &flags, &order)
    };
    let status = match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`agon eval | head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say!("error: cannot write the output: {e}");
            ExitCode::from(2)
        }
    };
    crate::cli::keep_until_exit(eval);
    crate::cli::keep_until_exit(loaded);
    status
}

/// The nodes named by `--suspend`, or one message per id that names none.
fn resolve(graph: &Graph, ids: &[String]) -> Result<Vec<NodeIx>, Vec<String>> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for id in ids {
        match graph.by_id(id) {
            Some(ix) => found.push(ix),
            None => {
                let hint = diag::nearest(id, graph.nodes.iter().map(|n| n.id.as_str()))
                    .map(|n| format!("; did you mean \"{}\"?", sanitize_line(n)))
                    .unwrap_or_default();
                errors.push(format!(
                    "--suspend: no node has id \"{}\"{hint}",
                    sanitize_line(id)
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// `ID<TAB>LABEL` per line. Ids are sanitized so that a hostile file
/// cannot send escape sequences to the terminal.
fn write_text(
    out: impl Write,
    graph: &Graph,
    eval: &Evaluation,
    order: &[NodeIx],
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    for &ix in order {
        writeln!(
            out,
            "{}\t{}",
            sanitize_line(&graph.node(ix).id),
            eval.label(ix).name()
        )?;
    }
    out.flush()
}

#[derive(Serialize)]
struct Report<'g> {
    suspended: Vec<&'g str>,
    #[serde(flatten)]
    semantics: semantics::JsonSummary,
    nodes: Vec<NodeReport<'g>>,
}

#[derive(Serialize)]
struct NodeReport<'g> {
    id: &'g str,
    label: &'static str,
    why: WhyReport<'g>,
    #[serde(flatten)]
    semantics: semantics::JsonNode,
}

/// [`Why`] with ids for indices; `reason` names the variant.
#[derive(Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
enum WhyReport<'g> {
    Suspended,
    Unattacked,
    Defended {
        defences: Vec<DefenceReport<'g>>,
    },
    Defeated {
        by: Vec<&'g str>,
    },
    OnCycle {
        cycle: Vec<&'g str>,
    },
    DependsOnCycle {
        attacker: &'g str,
        path: Vec<&'g str>,
        cycle: Vec<&'g str>,
    },
}

/// One attacker of an in node; `by` is absent when the attacker is suspended.
#[derive(Serialize)]
struct DefenceReport<'g> {
    attacker: &'g str,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'g str>,
    suspended: bool,
}

fn write_json(
    out: impl Write,
    graph: &Graph,
    eval: &Evaluation,
    order: &[NodeIx],
    all: &semantics::All,
) -> io::Result<()> {
    let id = |ix: NodeIx| graph.node(ix).id.as_str();
    let ids = |list: Vec<NodeIx>| list.into_iter().map(id).collect::<Vec<_>>();
    let report = Report {
        suspended: eval.suspended().map(id).collect(),
        semantics: all.summary(graph),
        nodes: order
            .iter()
            .map(|&ix| NodeReport {
                id: id(ix),
                label: eval.label(ix).name(),
                why: match why(graph, eval, ix) {
                    Why::Suspended => WhyReport::Suspended,
                    Why::Unattacked => WhyReport::Unattacked,
                    Why::Defended { defences } => WhyReport::Defended {
                        defences: defences
                            .into_iter()
                            .map(|d| DefenceReport {
                                attacker: id(d.attacker),
                                by: match d.answer {
                                    Answer::DefeatedBy(by) => Some(id(by)),
                                    Answer::Suspended => None,
                                },
                                suspended: d.answer == Answer::Suspended,
                            })
                            .collect(),
                    },
                    Why::Defeated { by } => WhyReport::Defeated { by: ids(by) },
                    Why::OnCycle { cycle } => WhyReport::OnCycle { cycle: ids(cycle) },
                    Why::DependsOnCycle {
                        attacker,
                        path,
                        cycle,
                    } => WhyReport::DependsOnCycle {
                        attacker: id(attacker),
                        path: ids(path),
                        cycle: ids(cycle),
                    },
                },
                semantics: all.node(ix),
            })
            .collect(),
    };
    let mut out = io::BufWriter::new(out);
    let json = serde_json::to_string_pretty(&report).map_err(io::Error::from)?;
    writeln!(out, "{}", crate::text::json_escape_invisible(&json))?;
    out.flush()
}
