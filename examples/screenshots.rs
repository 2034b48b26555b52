//! Renders the explorer's main views with agon's real drawing code into SVG
//! files for the README: `cargo run --example screenshots` (writes
//! `assets/screenshots/*.svg`). Run it again whenever the views change.

use std::fmt::Write as _;

use agon::tui::action::Action;
use agon::tui::app::App;
use agon::tui::keymap::{self, Key};
use agon::tui::theme::Theme;
use agon::tui::views;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

const W: u16 = 120;
const H: u16 = 36;
const CELL_W: f32 = 8.4;
const CELL_H: f32 = 17.0;

fn main() {
    let out_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/screenshots");
    std::fs::create_dir_all(&out_dir).expect("create assets/screenshots");
    let shots: &[(&str, &[Key])] = &[
        ("outline", &[Key::Char('j'), Key::Char('l'), Key::Char('j')]),
        ("columns", &[Key::Char('2')]),
        ("sources", &[Key::Char('3'), Key::Char('j')]),
        (
            "detail",
            &[Key::Char('j'), Key::Char('j'), Key::Tab, Key::Char('l')],
        ),
        ("help", &[Key::Char('?')]),
        (
            "presenter",
            &[
                Key::Char('t'),
                Key::Enter,
                Key::Char(' '),
                Key::Char(' '),
                Key::Char('r'),
                Key::Char('r'),
            ],
        ),
        (
            "search",
            &[
                Key::Char('/'),
                Key::Char('z'),
                Key::Char('u'),
                Key::Char('r'),
            ],
        ),
    ];
    let theme = Theme::dark();
    for (name, keys) in shots {
        let loaded = agon::graph::builtin().expect("the built-in debate is valid");
        let mut app = App::new(loaded.graph, agon::graph::BUILTIN_NAME.into());
        app.update(Action::Resize {
            width: W,
            height: H,
        });
        for &k in *keys {
            if let Some(a) = keymap::lookup(&app.contexts(), k) {
                app.update(a);
            }
        }
        // The search thread is the terminal loop's; here the query runs inline.
        if let Some((query, limit)) = app.take_search_query() {
            let index = std::sync::Arc::new(agon::search::SearchIndex::new(app.shared_graph()));
            app.receive_search(agon::search::search(&index, &query, limit));
        }
        let area = Rect::new(0, 0, W, H);
        let mut buf = Buffer::empty(area);
        views::render(&app, &theme, area, &mut buf);
        let path = out_dir.join(format!("{name}.svg"));
        std::fs::write(&path, svg(&buf)).expect("write svg");
        println!("wrote {}", path.display());
    }
}

fn hex(c: Color, default: &str) -> String {
    match c {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Reset => default.to_string(),
        Color::Black => "#1c1c1c".into(),
        Color::Red => "#cd3131".into(),
        Color::Green => "#0dbc79".into(),
        Color::Yellow => "#e5e510".into(),
        Color::Blue => "#2472c8".into(),
        Color::Magenta => "#bc3fbc".into(),
        Color::Cyan => "#11a8cd".into(),
        Color::Gray => "#c0c0c0".into(),
        Color::DarkGray => "#767676".into(),
        Color::LightRed => "#f14c4c".into(),
        Color::LightGreen => "#23d18b".into(),
        Color::LightYellow => "#f5f543".into(),
        Color::LightBlue => "#3b8eea".into(),
        Color::LightMagenta => "#d670d6".into(),
        Color::LightCyan => "#29b8db".into(),
        Color::White => "#e5e5e5".into(),
        Color::Indexed(i) => format!("#{0:02x}{0:02x}{0:02x}", i),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One `<rect>` per cell background that differs from the page, one
/// `<text>` per cell: simple, exact, and small enough for a README.
fn svg(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let bg = "#101216";
    let fg = "#c0c0c0";
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14"><rect width="100%" height="100%" fill="{bg}"/>"#,
        w as f32 * CELL_W + 16.0,
        h as f32 * CELL_H + 16.0
    );
    for y in 0..h {
        for x in 0..w {
            let cell = &buf[(x, y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut f, mut b) = (hex(cell.fg, fg), hex(cell.bg, bg));
            if reversed {
                std::mem::swap(&mut f, &mut b);
            }
            let (px, py) = (8.0 + x as f32 * CELL_W, 8.0 + y as f32 * CELL_H);
            if b != bg {
                let _ = write!(
                    s,
                    r#"<rect x="{px}" y="{py}" width="{}" height="{}" fill="{b}"/>"#,
                    CELL_W + 0.6,
                    CELL_H + 0.6
                );
            }
            let sym = cell.symbol();
            if sym.trim().is_empty() {
                continue;
            }
            let weight = if cell.modifier.contains(Modifier::BOLD) {
                r#" font-weight="bold""#
            } else {
                ""
            };
            let _ = write!(
                s,
                r#"<text x="{px}" y="{}" fill="{f}"{weight}>{}</text>"#,
                py + CELL_H - 4.0,
                escape(sym)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}
