//! What every target checks: an importer never panics, its problems print
//! with no raw control character, and a debate that loads goes through
//! every exporter with nothing raw in the output.

use agon::export::{Format, export};
use agon::graph::{Diagnostic, Loaded};

fn raw(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || agon::text::is_invisible(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

pub fn check(result: Result<Loaded, Vec<Diagnostic>>) {
    let (loaded, diags) = match result {
        Ok(loaded) => {
            let warnings = loaded.warnings.clone();
            (Some(loaded), warnings)
        }
        Err(diags) => {
            assert!(!diags.is_empty(), "a failed load says why");
            (None, diags)
        }
    };
    for d in &diags {
        let shown = d.to_string();
        assert!(!shown.chars().any(raw), "raw character in {shown:?}");
    }
    let Some(loaded) = loaded else { return };
    for format in Format::ALL {
        let Ok(out) = export(&loaded.graph, format) else {
            continue;
        };
        if let Some(c) = out.chars().find(|&c| raw(c)) {
            panic!("{} export has a raw {c:?}", format.name());
        }
    }
}
