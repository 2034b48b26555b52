//! Support shared by the integration tests: the fixtures they load, the real
//! binary run as a user runs it, and garbage from a fixed seed.
//! Each test crate uses part of this, so the rest is unused there.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The complete example of data/README.md, which the format promises is valid.
pub fn readme_example() -> String {
    let readme = include_str!("../../data/README.md");
    let start = readme.find("```ron\n").expect("README has a ```ron block") + "```ron\n".len();
    let len = readme[start..].find("\n```").expect("the block is closed");
    readme[start..start + len + 1].to_string()
}

/// A file under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs the agon binary with `args`, from the package's folder.
pub fn agon<S: AsRef<OsStr>>(args: &[S]) -> Output {
    agon_with_env(args, &[])
}

/// Runs the agon binary with `args` and extra environment variables.
pub fn agon_with_env<S: AsRef<OsStr>>(args: &[S], env: &[(&str, &OsStr)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the agon binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// The exit status; a run killed by a signal fails the test.
pub fn status(o: &Output) -> i32 {
    o.status
        .code()
        .expect("agon exits normally, not by a signal")
}

/// The library's fixed-seed generator (SplitMix64), so garbage is the
/// same every run.
pub use agon::synth::Rng;

/// `n` bytes of garbage.
pub fn garbage(rng: &mut Rng, n: usize) -> Vec<u8> {
    (0..n).map(|_| rng.next_u64() as u8).collect()
}
