//! `agon config`: where the configuration file is and whether it reads,
//! or (`--default`) a commented configuration with every default.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Print a commented configuration file holding every default, to start
    /// from: `agon config --default > "$(agon config --path)"`.
    #[arg(long)]
    pub default: bool,
    /// Print only the configuration file's path.
    #[arg(long, conflicts_with = "default")]
    pub path: bool,
}

pub fn run(args: ConfigArgs) -> ExitCode {
    if args.default {
        return super::output::emit(
            &crate::config::default_text(&key_defaults()),
            None,
            &crate::formats::Input::Builtin,
        );
    }
    let Some(path) = crate::config::dir().map(|d| d.join(crate::config::FILE_NAME)) else {
        eprintln!(
            "agon config: no configuration folder: set AGON_CONFIG_DIR, XDG_CONFIG_HOME or HOME"
        );
        return ExitCode::from(2);
    };
    if args.path {
        println!("{}", path.display());
        return ExitCode::SUCCESS;
    }
    match crate::config::load() {
        (_, Some(problem)) => {
            eprintln!("{problem}");
            ExitCode::from(1)
        }
        (loaded, None) if loaded.file.is_empty() => {
            println!(
                "{}: not found; agon uses the defaults (agon config --default shows them)",
                path.display()
            );
            ExitCode::SUCCESS
        }
        (loaded, None) => {
            let problems = key_problems(&loaded.config.keys);
            for (needle, message) in &problems {
                eprintln!("{}", loaded.problem(needle, message.clone()));
            }
            if !problems.is_empty() {
                return ExitCode::from(1);
            }
            println!("{}: valid", path.display());
            ExitCode::SUCCESS
        }
    }
}

/// Each action's name and default keys; the keys belong to the explorer, so
/// a build without it has none to list.
#[cfg(feature = "tui")]
fn key_defaults() -> Vec<(&'static str, Vec<String>)> {
    crate::tui::keymap::defaults()
}

#[cfg(not(feature = "tui"))]
fn key_defaults() -> Vec<(&'static str, Vec<String>)> {
    Vec::new()
}

/// What in the `keys` table the explorer could not read.
#[cfg(feature = "tui")]
fn key_problems(keys: &std::collections::BTreeMap<String, Vec<String>>) -> Vec<(String, String)> {
    crate::tui::remap::from_config(keys).1
}

#[cfg(not(feature = "tui"))]
fn key_problems(_: &std::collections::BTreeMap<String, Vec<String>>) -> Vec<(String, String)> {
    Vec::new()
}
