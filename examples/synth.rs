//! Writes a synthetic debate: `cargo run --release --example synth -- --nodes N [--seed S] [--out FILE]`.
//! The generator itself is `agon::synth::debate`; this is only its command line.

use std::process::ExitCode;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Write a valid synthetic debate of N nodes in RON")]
struct Args {
    /// How many nodes.
    #[arg(long)]
    nodes: usize,
    /// The same seed gives the same debate.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write it; standard output when absent.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let text = agon::synth::to_ron(&agon::synth::debate(args.nodes, args.seed));
    let written = match &args.out {
        Some(path) => std::fs::write(path, text),
        None => {
            use std::io::Write;
            std::io::stdout().lock().write_all(text.as_bytes())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}
