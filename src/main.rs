use clap::Parser;

fn main() -> std::process::ExitCode {
    agon::cli::run(agon::cli::Cli::parse())
}
