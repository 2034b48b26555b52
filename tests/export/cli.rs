use crate::common::{agon, fixture};

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

#[test]
fn kialo_converts_to_ron_that_agon_check_accepts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("cities.ron");
    let run = agon(&[
        os("export"),
        fixture("kialo-old.txt").as_os_str(),
        os("--format"),
        os("ron"),
        os("-o"),
        out.as_os_str(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        run.stdout.is_empty(),
        "with -o nothing goes to standard output"
    );
    let check = agon(&[os("check"), os("--strict"), out.as_os_str()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let summary = String::from_utf8_lossy(&check.stdout);
    assert!(
        summary.contains("9 nodes") && summary.contains("10 relations"),
        "{summary}"
    );
    // No temporary file is left beside the output.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("cities.ron")]);
}

#[test]
fn every_format_goes_to_standard_output() {
    for format in ["ron", "json", "markdown", "dot", "aif", "argdown"] {
        let run = agon(&[os("export"), os("--format"), os(format)]);
        assert!(
            run.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(!run.stdout.is_empty(), "{format}");
    }
}

#[test]
fn the_format_is_guessed_from_the_output_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("map.dot");
    let run = agon(&[os("export"), os("-o"), out.as_os_str()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        std::fs::read_to_string(&out)
            .expect("written")
            .starts_with("digraph")
    );
    let unknown = agon(&[
        os("export"),
        os("-o"),
        dir.path().join("map.xyz").as_os_str(),
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("--format"));
}

#[test]
fn the_input_file_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("debate.ron");
    std::fs::write(&input, agon::graph::BUILTIN).expect("write");
    let before = std::fs::read(&input).expect("read");
    // The same file reached by another spelling of its path.
    let sneaky = dir.path().join(".").join("debate.ron");
    let run = agon(&[
        os("export"),
        input.as_os_str(),
        os("--format"),
        os("markdown"),
        os("-o"),
        sneaky.as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("refusing to overwrite"));
    assert_eq!(std::fs::read(&input).expect("read"), before);
}

#[test]
fn an_existing_output_is_replaced_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.md");
    std::fs::write(
        &out,
        "old content that is much longer than nothing ".repeat(1000),
    )
    .expect("write");
    let run = agon(&[
        os("export"),
        os("--format"),
        os("markdown"),
        os("-o"),
        out.as_os_str(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = std::fs::read_to_string(&out).expect("read");
    assert!(written.starts_with("# ") && !written.contains("old content"));
}

#[test]
fn a_bad_input_reports_its_position_and_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("bad.argdown");
    std::fs::write(&input, "[A]: fine\n  + []: an empty title\n").expect("write");
    let run = agon(&[os("export"), input.as_os_str(), os("--format"), os("json")]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("bad.argdown:2:5: error"), "{err}");
    assert!(run.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn exporting_over_an_existing_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("private.md");
    std::fs::write(&out, "old").expect("write");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    for format in ["markdown", "json"] {
        let run = agon(&[
            os("export"),
            os("--format"),
            os(format),
            os("-o"),
            out.as_os_str(),
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let mode = std::fs::metadata(&out).expect("stat").permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o600,
            "export --format {format} -o kept the file private"
        );
    }
}
