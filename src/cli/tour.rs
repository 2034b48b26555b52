//! `agon tour`: list a debate's tours, a tour's steps, or write a handout.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::formats::Input;
use crate::graph::diag;

#[derive(Debug, clap::Args)]
pub struct TourArgs {
    /// `TOUR_ID`, or `FILE TOUR_ID`. Without a tour id, lists the tours as
    /// ID, steps and title. A single argument is a tour id unless it names
    /// an existing file: then the tours of that file are listed.
    #[arg(value_name = "[FILE] TOUR_ID", num_args = 0..=2)]
    pub args: Vec<String>,
    /// The debate; none uses the built-in debate. Given as an option so a
    /// tour id is never taken for a file name.
    #[arg(short, long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Write the tour as a Markdown handout. Without it, lists the tour's
    /// steps as number, node id and title.
    #[arg(long)]
    pub markdown: bool,
    /// Write the handout to OUT (replaced atomically) instead of standard output.
    #[arg(short, long, value_name = "OUT", requires = "markdown")]
    pub output: Option<PathBuf>,
}

pub fn run(args: TourArgs) -> ExitCode {
    // `agon tour FILE TOUR_ID` as well as `agon tour TOUR_ID --file FILE`.
    let (file, tour) = match args.args.as_slice() {
        [] => (args.file, None),
        // `agon tour big.ron` lists big.ron's tours: an existing file is a file.
        [file] if args.file.is_none() && std::path::Path::new(file).is_file() => {
            (Some(PathBuf::from(file)), None)
        }
        [id] => (args.file, Some(id.clone())),
        [file, id] if args.file.is_none() => (Some(PathBuf::from(file)), Some(id.clone())),
        _ => {
            say!(
                "error: give the debate either as FILE before the tour id or with --file, not both"
            );
            return ExitCode::from(2);
        }
    };
    if args.markdown && tour.is_none() {
        say!("error: --markdown needs a TOUR_ID; `agon tour` lists them");
        return ExitCode::from(2);
    }
    let input = Input::from_arg(file.as_deref());
    let graph = match crate::report::load(&input) {
        Ok(loaded) => loaded.graph,
        Err(err) => return crate::report::load_error(&err),
    };
    let out = crate::cli::output::emit;
    let Some(id) = tour else {
        return out(&crate::tour::list_tours(&graph), None, &input);
    };
    let Some(tour) = graph.tour(&id) else {
        let ids = graph.tours.iter().map(|t| t.id.as_str());
        let hint = match diag::nearest(&id, ids.clone()) {
            Some(near) => format!("; did you mean \"{near}\"?"),
            None if graph.tours.is_empty() => "; the debate has no tours".into(),
            None => format!("; the tours are: {}", ids.collect::<Vec<_>>().join(", ")),
        };
        say!("error: no tour has the id \"{id}\"{hint}");
        return ExitCode::from(1);
    };
    if args.markdown {
        out(
            &crate::tour::handout(&graph, tour),
            args.output.as_deref(),
            &input,
        )
    } else {
        out(&crate::tour::list_steps(&graph, tour), None, &input)
    }
}
