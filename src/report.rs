//! What loading says on stderr: that a long load is still running, and how a
//! command that could not load its debate says so. Shared by the subcommands
//! and the explorer, which otherwise know nothing of each other.

use std::process::ExitCode;

use crate::graph::LoadError;

/// Prints a load error the same way everywhere and returns its exit status.
pub fn load_error(err: &LoadError) -> ExitCode {
    // Not eprintln!, which panics when stderr is a closed pipe; and the
    // file's name may carry escapes.
    use std::io::Write;
    let text = crate::text::sanitize_text(&err.to_string());
    let _ = writeln!(std::io::stderr(), "{text}");
    ExitCode::from(err.exit_code())
}

/// Loads a debate for a command or the explorer. A load still running after half a second
/// says so on stderr when that is a terminal, so a big file never looks
/// like a hang.
pub fn load(
    input: &crate::formats::Input,
) -> Result<crate::graph::Loaded, crate::graph::LoadError> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return input.load();
    }
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let name = crate::text::sanitize_line(&input.name());
    let started = std::time::Instant::now();
    let notice = std::thread::spawn(move || {
        if finished
            .recv_timeout(std::time::Duration::from_millis(500))
            .is_err_and(|e| e == std::sync::mpsc::RecvTimeoutError::Timeout)
        {
            eprintln!("agon: loading {name}…");
            let _ = finished.recv();
            eprintln!("agon: loaded in {:.1} s", started.elapsed().as_secs_f64());
        }
    });
    let loaded = input.load();
    drop(done);
    let _ = notice.join();
    loaded
}
