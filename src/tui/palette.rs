//! How many colours the terminal shows, and the nearest colour it has to
//! each `#rrggbb` of a theme.
//!
//! The rule (README, "Colour"): `COLORTERM=truecolor` or `24bit`, or a
//! `TERM` ending in `-direct`, means 24-bit colour, sent as is. Otherwise a
//! `TERM` naming `256color` gets the nearest of the xterm-256 colours, and
//! any other terminal the nearest of the 16 ANSI colours. Named colours
//! (`"LightRed"`) are ANSI colours already and are never changed.

use ratatui::style::{Color, Style};

/// The colours a terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// 24-bit colour: `#hex` is sent as is.
    TrueColor,
    /// The xterm-256 palette: the 16 ANSI colours, a 6×6×6 cube, 24 greys.
    Xterm256,
    /// The 16 ANSI colours only.
    Ansi16,
}

impl Palette {
    /// The palette `COLORTERM` and `TERM` announce (see the module doc).
    pub fn detect(colorterm: Option<&str>, term: Option<&str>) -> Palette {
        let colorterm = colorterm.unwrap_or("").to_ascii_lowercase();
        let term = term.unwrap_or("").to_ascii_lowercase();
        if matches!(colorterm.as_str(), "truecolor" | "24bit") || term.ends_with("-direct") {
            Palette::TrueColor
        } else if term.contains("256color") {
            Palette::Xterm256
        } else {
            Palette::Ansi16
        }
    }

    /// The palette of the terminal agon runs in.
    pub fn from_env() -> Palette {
        let var = |name| std::env::var(name).ok();
        Palette::detect(var("COLORTERM").as_deref(), var("TERM").as_deref())
    }

    /// `color` as this palette can show it.
    pub fn map(self, color: Color) -> Color {
        match (self, color) {
            (Palette::TrueColor, c) => c,
            (Palette::Xterm256, Color::Rgb(r, g, b)) => Color::Indexed(to_256(r, g, b)),
            (Palette::Ansi16, Color::Rgb(r, g, b)) => to_16(r, g, b),
            (Palette::Ansi16, Color::Indexed(i)) => {
                let (r, g, b) = rgb_of_256(i);
                to_16(r, g, b)
            }
            (_, c) => c,
        }
    }

    /// `style` with each of its colours mapped.
    pub fn map_style(self, mut style: Style) -> Style {
        style.fg = style.fg.map(|c| self.map(c));
        style.bg = style.bg.map(|c| self.map(c));
        style.underline_color = style.underline_color.map(|c| self.map(c));
        style
    }
}

/// The six levels of each channel in the xterm-256 colour cube (16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// Squared distance between two colours in RGB space.
fn distance((r1, g1, b1): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> u32 {
    let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).unsigned_abs().pow(2);
    d(r1, r2) + d(g1, g2) + d(b1, b2)
}

/// The cube level nearest `v`: the levels are 95 apart at the bottom and 40
/// apart above, so the midpoints are 47.5, 115, 155, 195 and 235.
fn cube_level(v: u8) -> usize {
    match v {
        0..48 => 0,
        48..115 => 1,
        _ => usize::from((v - 35) / 40),
    }
}

/// The xterm-256 colour nearest to `#rrggbb`: the nearest colour of the
/// cube or the nearest grey of the ramp (232–255, 8 to 238 in steps of
/// 10), whichever is closer. The 16 ANSI colours (0–15) are left out:
/// terminals change them with their own theme.
pub fn to_256(r: u8, g: u8, b: u8) -> u8 {
    let (cr, cg, cb) = (cube_level(r), cube_level(g), cube_level(b));
    let cube = (CUBE[cr], CUBE[cg], CUBE[cb]);
    let cube_index = 16 + 36 * cr + 6 * cg + cb;
    let average = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
    let grey_step = if average > 238 {
        23
    } else {
        average.saturating_sub(3) / 10
    };
    let grey = (8 + 10 * grey_step) as u8;
    if distance((r, g, b), (grey, grey, grey)) < distance((r, g, b), cube) {
        232 + grey_step as u8
    } else {
        cube_index as u8
    }
}

/// The colour xterm shows for palette index `i` (its default for 0–15).
pub fn rgb_of_256(i: u8) -> (u8, u8, u8) {
    match i {
        0..16 => ANSI16[usize::from(i)].1,
        16..232 => {
            let k = usize::from(i - 16);
            (CUBE[k / 36], CUBE[(k / 6) % 6], CUBE[k % 6])
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

/// The 16 ANSI colours with xterm's default values for them.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The ANSI colour nearest to `#rrggbb`, by xterm's default values (a
/// terminal's own theme may shift them; the role stays recognisable).
pub fn to_16(r: u8, g: u8, b: u8) -> Color {
    ANSI16
        .iter()
        .min_by_key(|(_, rgb)| distance((r, g, b), *rgb))
        .map_or(Color::Reset, |(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_follows_colorterm_then_term() {
        use Palette::*;
        let d = Palette::detect;
        assert_eq!(d(Some("truecolor"), Some("xterm")), TrueColor);
        assert_eq!(d(Some("24bit"), None), TrueColor);
        assert_eq!(d(None, Some("xterm-direct")), TrueColor);
        assert_eq!(d(None, Some("xterm-256color")), Xterm256);
        assert_eq!(d(Some("yes"), Some("tmux-256color")), Xterm256);
        assert_eq!(d(None, Some("xterm")), Ansi16);
        assert_eq!(d(None, Some("linux")), Ansi16);
        assert_eq!(d(None, None), Ansi16);
    }

    /// Values checked by hand against the xterm-256 table: the cube's
    /// levels are 0, 95, 135, 175, 215, 255; greys are 8 + 10·(i − 232).
    #[test]
    fn known_hex_colours_map_to_their_xterm_256_index() {
        assert_eq!(to_256(0xff, 0x00, 0x00), 196); // 16 + 36·5
        assert_eq!(to_256(0x00, 0xff, 0x00), 46); // 16 + 6·5
        assert_eq!(to_256(0x00, 0x00, 0xff), 21); // 16 + 5
        assert_eq!(to_256(0x00, 0x00, 0x00), 16);
        assert_eq!(to_256(0xff, 0xff, 0xff), 231);
        assert_eq!(to_256(0x5f, 0x87, 0xaf), 67); // 16 + 36 + 12 + 3, exact
        assert_eq!(to_256(0xd7, 0xd7, 0xaf), 187); // the dark theme's quote, exact
        assert_eq!(to_256(0x80, 0x80, 0x80), 244); // grey 8 + 120 = 128
        assert_eq!(to_256(0x6c, 0x6c, 0x6c), 242); // grey 108, exact
        assert_eq!(to_256(0x44, 0x44, 0x44), 238); // grey 68: nearer than cube 59 (95)
        assert_eq!(to_256(0x5f, 0x3f, 0x00), 58); // #5f5f00 is nearest
        assert_eq!(to_256(0xff, 0x80, 0x00), 208); // #ff8700
    }

    #[test]
    fn every_palette_index_maps_back_to_itself_above_the_ansi_sixteen() {
        for i in 16..=255u8 {
            let (r, g, b) = rgb_of_256(i);
            assert_eq!(to_256(r, g, b), i, "#{r:02x}{g:02x}{b:02x}");
        }
    }

    #[test]
    fn hex_colours_map_to_the_nearest_ansi_colour() {
        assert_eq!(to_16(0xaf, 0x00, 0x00), Color::Red);
        assert_eq!(to_16(0xff, 0x10, 0x10), Color::LightRed);
        assert_eq!(to_16(0x00, 0x5f, 0x00), Color::Black); // dark green is nearer black
        assert_eq!(to_16(0x00, 0xaf, 0x00), Color::Green);
        assert_eq!(to_16(0xd7, 0xd7, 0xaf), Color::Gray);
        assert_eq!(to_16(0x6c, 0x6c, 0x6c), Color::DarkGray);
        assert_eq!(to_16(0xfa, 0xfa, 0xfa), Color::White);
        assert_eq!(
            Palette::Ansi16.map(Color::Indexed(196)),
            Color::LightRed,
            "an indexed colour is mapped by its value"
        );
    }

    #[test]
    fn named_colours_and_truecolor_are_left_alone() {
        for p in [Palette::TrueColor, Palette::Xterm256, Palette::Ansi16] {
            assert_eq!(p.map(Color::LightGreen), Color::LightGreen);
            assert_eq!(p.map(Color::Reset), Color::Reset);
        }
        assert_eq!(
            Palette::TrueColor.map(Color::Rgb(1, 2, 3)),
            Color::Rgb(1, 2, 3)
        );
        assert_eq!(
            Palette::Xterm256.map(Color::Indexed(100)),
            Color::Indexed(100)
        );
    }
}
