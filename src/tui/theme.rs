//! Every style the explorer draws with comes from one theme. Themes are RON
//! files (the two shipped ones are built in); `NO_COLOR` swaps in a
//! monochrome theme that marks roles with modifiers instead of colour.

use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::graph::{Diagnostic, Pos, Severity, diag};

pub const DARK: &str = include_str!("../../assets/themes/dark.ron");
pub const LIGHT: &str = include_str!("../../assets/themes/light.ron");
pub const CONTRAST: &str = include_str!("../../assets/themes/contrast.ron");

/// The roles the views draw; each maps to one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    Dim,
    Heading,
    Accent,
    Border,
    BorderFocused,
    Selection,
    Thesis,
    Pro,
    Con,
    Rebuttal,
    Evidence,
    Quote,
    Stands,
    Falls,
    Contested,
    Changed,
    Match,
    Mark,
    Status,
    Warning,
}

/// Declares the theme file's colour fields twice: as written (each one
/// optional, so a theme file may give only the colours it changes) and
/// complete (the missing ones taken from the dark theme).
macro_rules! theme_fields {
    ($($field:ident),* $(,)?) => {
        /// The colours of a theme file, as written.
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields, rename = "Theme")]
        struct PartialThemeFile {
            $(#[serde(default)] $field: Option<String>,)*
            /// Every role bold (for projectors).
            #[serde(default)]
            bold: Option<bool>,
        }

        /// Every colour of a theme.
        #[derive(Debug)]
        struct ThemeFile {
            $($field: String,)*
            bold: bool,
        }

        impl PartialThemeFile {
            /// The colours given, and `base`'s for the others.
            fn over(self, base: PartialThemeFile) -> ThemeFile {
                ThemeFile {
                    $($field: self.$field.or(base.$field).unwrap_or_default(),)*
                    bold: self.bold.or(base.bold).unwrap_or(false),
                }
            }
        }
    };
}

theme_fields!(
    text,
    dim,
    heading,
    accent,
    border,
    border_focused,
    selection_fg,
    selection_bg,
    thesis,
    pro,
    con,
    rebuttal,
    evidence,
    quote,
    stands,
    falls,
    contested,
    changed_bg,
    match_fg,
    mark,
    status_fg,
    status_bg,
    warning,
    background,
);

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    styles: Vec<(Role, Style)>,
    /// True when colours are off (NO_COLOR): views may add symbols instead.
    pub monochrome: bool,
}

impl Theme {
    pub fn style(&self, role: Role) -> Style {
        self.styles
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }

    pub fn dark() -> Theme {
        Theme::parse("dark", DARK).expect("the built-in dark theme is valid")
    }

    pub fn light() -> Theme {
        Theme::parse("light", LIGHT).expect("the built-in light theme is valid")
    }

    /// No colours: structure by bold, underline, reverse and symbols.
    pub fn monochrome() -> Theme {
        use Role::*;
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let styles = vec![
            (Text, plain),
            (Dim, plain),
            (Heading, bold),
            (Accent, bold),
            (Border, plain),
            (BorderFocused, bold),
            (
                Selection,
                plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ),
            (Thesis, bold),
            (Pro, plain),
            (Con, plain),
            (Rebuttal, plain),
            (Evidence, plain),
            (Quote, plain.add_modifier(Modifier::ITALIC)),
            (Stands, plain),
            (Falls, plain),
            (Contested, plain),
            (Changed, plain.add_modifier(Modifier::UNDERLINED)),
            (
                Match,
                plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            ),
            (Mark, bold),
            (Status, plain.add_modifier(Modifier::REVERSED)),
            (Warning, bold),
        ];
        Theme {
            styles,
            monochrome: true,
        }
    }

    /// The theme with every colour as `palette` can show it (a `#hex`
    /// colour becomes the nearest xterm-256 or ANSI colour).
    pub fn for_palette(mut self, palette: super::palette::Palette) -> Theme {
        for (_, style) in &mut self.styles {
            *style = palette.map_style(*style);
        }
        self
    }

    /// Picks the theme for `--theme NAME|FILE`; `monochrome` (NO_COLOR or
    /// `--color never`) gives the theme without colours.
    pub fn select(name: Option<&str>, monochrome: bool) -> Result<Theme, Vec<Diagnostic>> {
        if monochrome {
            return Ok(Theme::monochrome());
        }
        match name {
            None | Some("dark") => Ok(Theme::dark()),
            Some("light") => Ok(Theme::light()),
            Some("contrast") => Theme::parse("contrast", CONTRAST),
            Some(path) => {
                let file = path.to_string();
                let text = std::fs::read_to_string(Path::new(path)).map_err(|e| {
                    vec![Diagnostic {
                        file: file.clone(),
                        pos: Pos { line: 1, col: 1 },
                        severity: Severity::Error,
                        message: format!(
                            "cannot read the theme ({e}); --theme takes dark, light, contrast or a theme file"
                        ),
                        line_text: None,
                    }]
                })?;
                Theme::parse(&file, &text)
            }
        }
    }

    /// Reads a theme file, reporting every bad colour with its position.
    pub fn parse(file: &str, text: &str) -> Result<Theme, Vec<Diagnostic>> {
        let mk = |pos: Pos, message: String| Diagnostic {
            file: file.to_string(),
            pos,
            severity: Severity::Error,
            line_text: diag::line_text(text, pos.line),
            message,
        };
        let read = |text: &str| crate::graph::ron_options().from_str::<PartialThemeFile>(text);
        let base = read(DARK).expect("the built-in dark theme is valid");
        let tf = read(text).map(|t| t.over(base)).map_err(|e| {
            vec![mk(
                Pos {
                    line: e.span.start.line.max(1),
                    col: e.span.start.col.max(1),
                },
                e.code.to_string(),
            )]
        })?;
        let mut errors = Vec::new();
        let mut color = |field: &str, value: &str| -> Color {
            Color::from_str(value).unwrap_or_else(|_| {
                let locs = crate::graph::locate::locate(text);
                let off = locs.find(field).unwrap_or(0);
                errors.push(mk(
                    diag::pos_of_offset(text, off),
                    format!("`{field}`: \"{value}\" is not a colour; use a name such as \"LightBlue\" or \"#rrggbb\""),
                ));
                Color::Reset
            })
        };
        let styles = role_styles(&tf, &mut color);
        let background = (!tf.background.is_empty()).then(|| color("background", &tf.background));
        let styles = styles
            .into_iter()
            .map(|(role, mut style)| {
                if style.bg.is_none()
                    && let Some(bg) = background
                {
                    style = style.bg(bg);
                }
                if tf.bold {
                    style = style.add_modifier(Modifier::BOLD);
                }
                (role, style)
            })
            .collect();
        if errors.is_empty() {
            Ok(Theme {
                styles,
                monochrome: false,
            })
        } else {
            Err(errors)
        }
    }
}

/// Each role's style from a theme file's colours (the table of what each
/// role looks like); `color` reads one field, noting a bad value.
fn role_styles(tf: &ThemeFile, color: &mut impl FnMut(&str, &str) -> Color) -> Vec<(Role, Style)> {
    use Role::*;
    let fg = |c: Color| Style::default().fg(c);
    vec![
        (Text, fg(color("text", &tf.text))),
        (Dim, fg(color("dim", &tf.dim))),
        (
            Heading,
            fg(color("heading", &tf.heading)).add_modifier(Modifier::BOLD),
        ),
        (Accent, fg(color("accent", &tf.accent))),
        (Border, fg(color("border", &tf.border))),
        (
            BorderFocused,
            fg(color("border_focused", &tf.border_focused)).add_modifier(Modifier::BOLD),
        ),
        (
            Selection,
            fg(color("selection_fg", &tf.selection_fg))
                .bg(color("selection_bg", &tf.selection_bg))
                .add_modifier(Modifier::BOLD),
        ),
        (
            Thesis,
            fg(color("thesis", &tf.thesis)).add_modifier(Modifier::BOLD),
        ),
        (Pro, fg(color("pro", &tf.pro))),
        (Con, fg(color("con", &tf.con))),
        (Rebuttal, fg(color("rebuttal", &tf.rebuttal))),
        (Evidence, fg(color("evidence", &tf.evidence))),
        (
            Quote,
            fg(color("quote", &tf.quote)).add_modifier(Modifier::ITALIC),
        ),
        (Stands, fg(color("stands", &tf.stands))),
        (Falls, fg(color("falls", &tf.falls))),
        (Contested, fg(color("contested", &tf.contested))),
        (
            Changed,
            Style::default()
                .bg(color("changed_bg", &tf.changed_bg))
                .add_modifier(Modifier::UNDERLINED),
        ),
        (
            Match,
            fg(color("match_fg", &tf.match_fg)).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ),
        (
            Mark,
            fg(color("mark", &tf.mark)).add_modifier(Modifier::BOLD),
        ),
        (
            Status,
            fg(color("status_fg", &tf.status_fg)).bg(color("status_bg", &tf.status_bg)),
        ),
        (
            Warning,
            fg(color("warning", &tf.warning)).add_modifier(Modifier::BOLD),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_themes_parse() {
        assert!(!Theme::dark().monochrome);
        assert!(Theme::select(Some("contrast"), false).is_ok());
        assert_ne!(Theme::dark(), Theme::light());
    }

    #[test]
    fn a_partial_theme_changes_only_what_it_names() {
        let t = Theme::parse("one.ron", "Theme(pro: \"#00ff00\")").expect("one field is enough");
        let dark = Theme::dark();
        assert_eq!(t.style(Role::Pro).fg, Some(Color::Rgb(0, 255, 0)));
        assert_ne!(dark.style(Role::Pro), t.style(Role::Pro));
        assert_eq!(dark.style(Role::Con), t.style(Role::Con));
        assert_eq!(dark.style(Role::Text), t.style(Role::Text));
        let err = Theme::parse("one.ron", "Theme(\n  pro: \"nope\",\n)").unwrap_err();
        assert_eq!(err[0].pos.line, 2);
    }

    #[test]
    fn bad_colour_is_reported_with_its_line() {
        let text = LIGHT.replace("accent: \"Blue\"", "accent: \"Bleu\"");
        let errs = Theme::parse("t.ron", &text).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].message.contains("Bleu"), "{}", errs[0].message);
        let line = LIGHT.lines().position(|l| l.contains("accent:")).unwrap() + 1;
        assert_eq!(errs[0].pos.line, line);
    }

    #[test]
    fn contrast_sets_its_own_background_and_is_bold_everywhere() {
        let contrast = Theme::select(Some("contrast"), false).expect("valid");
        for role in [
            Role::Text,
            Role::Dim,
            Role::Heading,
            Role::Border,
            Role::Stands,
        ] {
            let style = contrast.style(role);
            assert_eq!(style.bg, Some(Color::Black), "{role:?}");
            assert!(style.add_modifier.contains(Modifier::BOLD), "{role:?}");
        }
        // Roles with their own background keep it.
        assert_eq!(contrast.style(Role::Selection).bg, Some(Color::LightYellow));
        assert_eq!(Theme::dark().style(Role::Text).bg, None);
    }

    #[test]
    fn a_theme_keeps_its_roles_in_every_palette() {
        use super::super::palette::Palette;
        let light = Theme::light();
        let in256 = light.clone().for_palette(Palette::Xterm256);
        let in16 = light.clone().for_palette(Palette::Ansi16);
        // The light theme's con is #af0000: xterm-256 has it exactly (124),
        // and the nearest of the 16 is red.
        assert_eq!(light.style(Role::Con).fg, Some(Color::Rgb(0xaf, 0, 0)));
        assert_eq!(in256.style(Role::Con).fg, Some(Color::Indexed(124)));
        assert_eq!(in16.style(Role::Con).fg, Some(Color::Red));
        // Named colours stay; modifiers and backgrounds are kept.
        assert_eq!(in16.style(Role::Accent).fg, Some(Color::Blue));
        assert_eq!(in256.style(Role::Status).bg, Some(Color::Indexed(238)));
        assert_eq!(
            in16.style(Role::Heading).add_modifier,
            light.style(Role::Heading).add_modifier
        );
        assert_eq!(light.clone().for_palette(Palette::TrueColor), light);
        let no_hex = |t: &Theme| {
            t.styles.iter().all(|(_, s)| {
                [s.fg, s.bg]
                    .into_iter()
                    .flatten()
                    .all(|c| !matches!(c, Color::Rgb(..)))
            })
        };
        assert!(no_hex(&in256) && no_hex(&in16));
        assert!(
            in16.styles.iter().all(|(_, s)| [s.fg, s.bg]
                .into_iter()
                .flatten()
                .all(|c| !matches!(c, Color::Indexed(..)))),
            "16 colours: no palette index either"
        );
    }

    #[test]
    fn color_choice_and_no_color_pick_the_theme() {
        use clap::ColorChoice::{Always, Auto, Never};
        // (--color, NO_COLOR set) → monochrome: NO_COLOR counts under auto only.
        let table = [
            (Auto, false, false),
            (Auto, true, true),
            (Always, false, false),
            (Always, true, false),
            (Never, false, true),
            (Never, true, true),
        ];
        for (choice, no_color, mono) in table {
            let theme = Theme::select(Some("light"), crate::tui::monochrome(choice, no_color))
                .expect("shipped theme");
            assert_eq!(
                theme.monochrome, mono,
                "{choice:?} with NO_COLOR={no_color}"
            );
            assert_eq!(theme == Theme::monochrome(), mono);
        }
    }

    #[test]
    fn monochrome_selection_is_visible_without_colour() {
        let sel = Theme::monochrome().style(Role::Selection);
        assert!(sel.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(sel.fg, None);
    }
}
