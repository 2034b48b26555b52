//! The user's configuration file, `config.ron` in `$AGON_CONFIG_DIR`, else
//! `$XDG_CONFIG_HOME/agon`, else `~/.config/agon`. Every field is
//! optional: what is left out keeps its default. A file that cannot be
//! read as a whole is reported with its line and column, and agon goes on
//! with the defaults (the caller shows the warning).

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::PathBuf;

use serde::Deserialize;

use crate::graph::diag::{self, Diagnostic, Pos, Severity};

pub const FILE_NAME: &str = "config.ron";

/// What `config.ron` may say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `dark`, `light`, `contrast`, or a theme file (its path relative to
    /// the configuration folder, or absolute). `--theme` overrides it.
    pub theme: Option<String>,
    /// Capture the mouse; `--no-mouse` overrides it.
    pub mouse: Option<bool>,
    /// Watch the open file and reload it when it changes; `--no-watch`
    /// overrides it.
    pub watch: Option<bool>,
    /// Action name to the keys that trigger it, replacing that action's
    /// default keys; actions not named keep theirs.
    pub keys: BTreeMap<String, Vec<String>>,
}

/// A configuration and the text it came from, so later checks (an action
/// name the explorer does not know, a key it cannot read) can name a line
/// and column too.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// The file's name for messages; empty when there was no file.
    pub file: String,
    pub text: String,
}

impl Loaded {
    /// A warning about `needle` as written in the file (its first
    /// occurrence as a quoted string), for checks made after parsing.
    pub fn problem(&self, needle: &str, message: String) -> Diagnostic {
        let quoted = format!("\"{needle}\"");
        let offset = self
            .text
            .find(&quoted)
            .or_else(|| self.text.find(needle))
            .unwrap_or(0);
        let pos = diag::pos_of_offset(&self.text, offset);
        Diagnostic {
            file: self.file.clone(),
            pos,
            severity: Severity::Warning,
            line_text: diag::line_text(&self.text, pos.line),
            message,
        }
    }

    /// Resolves a theme path written in the file against its folder.
    pub fn theme(&self) -> Option<String> {
        let theme = self.config.theme.clone()?;
        if matches!(theme.as_str(), "dark" | "light" | "contrast") {
            return Some(theme);
        }
        let path = PathBuf::from(&theme);
        if path.is_absolute() {
            return Some(theme);
        }
        match PathBuf::from(&self.file).parent() {
            Some(dir) => Some(dir.join(path).to_string_lossy().into_owned()),
            None => Some(theme),
        }
    }
}

/// A configuration file holding every default, each field explained, to
/// start from (`agon config --default`).
/// `bindings` lists each action's name and its default keys, commented out.
pub fn default_text(bindings: &[(&str, Vec<String>)]) -> String {
    let mut defaults = String::new();
    for (name, keys) in bindings {
        let keys: Vec<String> = keys.iter().map(|k| format!("{k:?}")).collect();
        defaults.push_str(&format!("    //   {name:?}: [{}],\n", keys.join(", ")));
    }
    format!(
        "// agon's configuration: {FILE_NAME} in $AGON_CONFIG_DIR, else $XDG_CONFIG_HOME/agon,
// else ~/.config/agon. Every field may be left out; what is left out keeps
// the default shown here. Command-line options win over this file.
(
    // The colour theme: \"dark\", \"light\", \"contrast\" (for projectors), or a
    // theme file, absolute or relative to this folder. A theme file may give
    // only the colours it changes; the others come from the dark theme.
    theme: \"dark\",

    // Capture the mouse (click to select, wheel to scroll). false leaves it
    // to the terminal, so text can be selected; --no-mouse does the same.
    mouse: true,

    // Watch the open file and reload it when it is saved; --no-watch turns
    // it off for one run.
    watch: true,

    // Key bindings: action name to its keys, replacing that action's default
    // keys (the help, `?`, and the status line show yours). Actions left out
    // keep theirs. A key is one character, \"Space\", \"Ctrl-x\", or one of
    // Enter Esc Tab S-Tab Backspace Up Down Left Right Home End PageUp PageDown.
    // The defaults:
{}    keys: {{}},
)
",
        defaults
    )
}

/// The configuration folder, or None when no variable names one.
pub fn dir() -> Option<PathBuf> {
    dir_from(|name| std::env::var_os(name))
}

/// [`dir`] reading variables through `var`, so the rule can be tested
/// without touching the process environment.
pub fn dir_from(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = set("AGON_CONFIG_DIR") {
        return Some(dir);
    }
    // The XDG spec says a relative value is invalid and must be ignored.
    if let Some(config) = set("XDG_CONFIG_HOME").filter(|p| p.is_absolute()) {
        return Some(config.join("agon"));
    }
    if let Some(home) = set("HOME") {
        return Some(home.join(".config").join("agon"));
    }
    set("APPDATA").map(|d| d.join("agon"))
}

/// Reads the configuration file. A missing file is the defaults, silently;
/// an unreadable or invalid one is the defaults with the problem returned.
pub fn load() -> (Loaded, Option<Diagnostic>) {
    let Some(path) = dir().map(|d| d.join(FILE_NAME)) else {
        return (Loaded::default(), None);
    };
    let file = path.display().to_string();
    let text = match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                let d = warning(
                    &file,
                    "",
                    Pos { line: 1, col: 1 },
                    "the file is not UTF-8 text",
                );
                return (Loaded::default(), Some(d));
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Loaded::default(), None);
        }
        Err(e) => {
            let d = warning(
                &file,
                "",
                Pos { line: 1, col: 1 },
                &format!("cannot read it: {e}"),
            );
            return (Loaded::default(), Some(d));
        }
    };
    match parse(&file, &text) {
        Ok(config) => (Loaded { config, file, text }, None),
        Err(d) => (Loaded::default(), Some(d)),
    }
}

/// Parses configuration text; the error names its line and column.
pub fn parse(file: &str, text: &str) -> Result<Config, Diagnostic> {
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::graph::ron_options()
        .from_str::<Config>(text_no_bom)
        .map_err(|e| {
            let pos = Pos {
                line: e.span.start.line.max(1),
                col: e.span.start.col.max(1),
            };
            let hint = match &e.code {
                ron::error::Error::NoSuchStructField { .. } => {
                    "; the fields are theme, mouse, watch and keys (`agon config --default` shows them)"
                }
                _ => "",
            };
            warning(file, text, pos, &format!("{}{hint}", e.code))
        })
}

fn warning(file: &str, text: &str, pos: Pos, message: &str) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        pos,
        severity: Severity::Warning,
        line_text: diag::line_text(text, pos.line),
        message: format!("{message}; agon goes on with the default configuration"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_text_is_a_valid_config_of_the_defaults() {
        let bindings = [("quit", vec!["q".to_string()])];
        let text = default_text(&bindings);
        assert!(text.contains("//   \"quit\": [\"q\"],"), "{text}");
        let c = parse("c.ron", &text).expect("the default text parses");
        assert_eq!(c.theme.as_deref(), Some("dark"));
        assert_eq!((c.mouse, c.watch), (Some(true), Some(true)));
        assert!(c.keys.is_empty());
    }

    #[test]
    fn every_field_is_optional() {
        assert_eq!(parse("c.ron", "()").unwrap(), Config::default());
        let c = parse("c.ron", "(mouse: false, keys: {\"quit\": [\"Q\"]})").unwrap();
        assert_eq!(c.mouse, Some(false));
        assert_eq!(c.keys["quit"], vec!["Q".to_string()]);
        assert_eq!(c.theme, None);
    }

    #[test]
    fn errors_name_line_and_column() {
        let d = parse("c.ron", "(\n  mouse: false,\n  colour: \"x\",\n)").unwrap_err();
        assert_eq!((d.pos.line, d.pos.col), (3, 3), "{d}");
        assert!(d.message.contains("agon config --default"), "{d}");
        let d = parse("c.ron", "(\n  mouse: maybe,\n)").unwrap_err();
        assert_eq!(d.pos.line, 2, "{d}");
    }

    #[test]
    fn the_folder_follows_the_variables_in_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| OsString::from(v))
            }
        };
        assert_eq!(
            dir_from(env(&[("AGON_CONFIG_DIR", "/a"), ("XDG_CONFIG_HOME", "/x")])),
            Some(PathBuf::from("/a"))
        );
        assert_eq!(
            dir_from(env(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")])),
            Some(PathBuf::from("/x/agon"))
        );
        assert_eq!(
            dir_from(env(&[("XDG_CONFIG_HOME", "rel"), ("HOME", "/h")])),
            Some(PathBuf::from("/h/.config/agon"))
        );
    }
}
