//! Cut and garbled input never panics, and every problem points inside the file.

use agon::formats::InputFormat;
use proptest::prelude::*;

use super::*;

const FIXTURES: [(&str, InputFormat); 7] = [
    ("kialo-old.txt", InputFormat::Kialo),
    ("kialo-new.txt", InputFormat::Kialo),
    ("aif-plain.json", InputFormat::Aif),
    ("aif-wrapped.json", InputFormat::Aif),
    ("argdown-all.argdown", InputFormat::Argdown),
    ("argdown-unsupported.argdown", InputFormat::Argdown),
    ("tgf/mixed.tgf", InputFormat::Tgf),
];

/// Loads and checks that every diagnostic names a real line and column.
fn check(format: InputFormat, text: &str) -> Result<(), String> {
    let diags = match load(format, text) {
        Ok(l) => l.warnings,
        Err(d) => {
            if !d.iter().any(Diagnostic::is_error) {
                return Err("refused without an error".into());
            }
            d
        }
    };
    let line_count = text.split('\n').count();
    for d in diags {
        if d.pos.line < 1 || d.pos.line > line_count || d.pos.col < 1 {
            return Err(format!("{d:?} points outside {line_count} lines"));
        }
        if d.message.trim().is_empty() {
            return Err("empty message".into());
        }
    }
    Ok(())
}

#[test]
fn every_prefix_of_every_fixture_is_handled() {
    for (name, format) in FIXTURES {
        let text = fixture(name);
        for (cut, _) in text.char_indices() {
            if let Err(e) = check(format, &text[..cut]) {
                panic!("{name} cut at byte {cut}: {e}");
            }
        }
    }
}

#[test]
fn files_of_each_format_are_recognised_by_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    // TGF has no mark of its own (any list of words is TGF), so only its
    // extension names it.
    for (name, _) in FIXTURES.iter().filter(|(_, f)| *f != InputFormat::Tgf) {
        let path = dir
            .path()
            .join(format!("{}.unknown", name.replace('/', "-")));
        std::fs::write(&path, fixture(name)).expect("write");
        if let Err(e) = agon::formats::load_path(&path) {
            panic!("{name} without its extension:\n{e}");
        }
    }
    let ron = dir.path().join("debate");
    std::fs::write(&ron, agon::graph::BUILTIN).expect("write");
    agon::formats::load_path(&ron).expect("RON by content");
    let prose = dir.path().join("notes");
    std::fs::write(&prose, "just some prose\n").expect("write");
    let err = agon::formats::load_path(&prose).expect_err("not a debate");
    assert!(err.to_string().contains("cannot tell"), "{err}");
}

/// One edit: (where, what to do, a character that matters to some format).
fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, u8, char)>> {
    let special = prop::sample::select(vec![
        '\n', ' ', '[', ']', '<', '>', '{', '}', '"', ',', ':', '(', ')', '#', '/', '*', '\\', '+',
        '-', '_', '.', '1', 'é', '\u{0}',
    ]);
    prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, special), 1..8)
}

fn mutate(text: &str, edits: &[(prop::sample::Index, u8, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, how, c) in edits {
        if chars.is_empty() {
            chars.push(*c);
            continue;
        }
        let i = at.index(chars.len());
        match how {
            0 => chars.insert(i, *c),
            1 => {
                chars.remove(i);
            }
            _ => chars[i] = *c,
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn garbled_fixtures_never_panic(which in 0..FIXTURES.len(), edits in edits()) {
        let (name, format) = FIXTURES[which];
        let text = mutate(&fixture(name), &edits);
        if let Err(e) = check(format, &text) {
            return Err(TestCaseError::fail(format!("{name}: {e}\n{text}")));
        }
    }
}
