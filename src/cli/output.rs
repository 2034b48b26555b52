//! Writing a command's text to standard output or to a file, the same way
//! for every command that exports.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::formats::Input;

/// Writes `text` to `out` atomically, or to standard output when `out` is
/// none. Refuses to write over the debate being read (agon never writes to
/// its input). A closed pipe (`agon brief | head`) is not an error.
pub fn emit(text: &str, out: Option<&Path>, input: &Input) -> ExitCode {
    let Some(out) = out else {
        return to_stdout(text.as_bytes());
    };
    if let Input::File(data) = input
        && same_file(data, out)
    {
        say!(
            "error: {} is the debate being read; agon never writes over it. Choose another -o file.",
            out.display()
        );
        return ExitCode::from(1);
    }
    match crate::state::write_atomic(out, text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say!("error: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

/// Writes `bytes` to standard output. A closed pipe (`agon brief | head`)
/// is not an error: the reader has what it wanted.
pub fn to_stdout(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say!("error: cannot write to standard output: {e}");
            ExitCode::from(2)
        }
    }
}

/// Whether two paths name the same existing file, through links and
/// relative spellings.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(ca), Ok(cb)) => ca == cb,
        _ => false,
    }
}
