//! Where each part of the screen goes, computed from the terminal size
//! alone, so drawing and mouse hit-testing agree.

use ratatui::layout::Rect;

/// Below this the explorer shows a "too small" message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub breadcrumb: Rect,
    pub main: Rect,
    /// The detail pane; `None` when the screen is too narrow for two panes.
    pub detail: Option<Rect>,
    pub status: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The areas for the screen `area`; `wide_main` gives the main pane two
/// thirds of a wide screen (three quarters from 160 columns) (the pro/con columns need the width more than
/// the detail pane does).
pub fn areas_for(area: Rect, wide_main: bool) -> Areas {
    let mut a = areas(area);
    if let Some(detail) = a.detail
        && wide_main
        && area.width >= WIDE_COLUMNS
    {
        let body_w = a.main.width + detail.width;
        // The detail pane keeps about fifty columns on a wide screen.
        let main_w = if area.width >= 160 {
            body_w * 3 / 4
        } else {
            body_w * 2 / 3
        };
        a.main.width = main_w;
        a.detail = Some(Rect {
            x: a.main.x + main_w,
            width: body_w - main_w,
            ..detail
        });
    }
    a
}

/// From this terminal width the pro/con columns stand side by side.
pub const WIDE_COLUMNS: u16 = 100;

pub fn areas(area: Rect) -> Areas {
    let header = Rect { height: 1, ..area };
    let breadcrumb = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    let status = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(3),
        ..area
    };
    if body.width >= 70 {
        let main_w = body.width * 11 / 20;
        let main = Rect {
            width: main_w,
            ..body
        };
        let detail = Rect {
            x: body.x + main_w,
            width: body.width - main_w,
            ..body
        };
        Areas {
            header,
            breadcrumb,
            main,
            detail: Some(detail),
            status,
        }
    } else {
        Areas {
            header,
            breadcrumb,
            main: body,
            detail: None,
            status,
        }
    }
}

/// Rows available for list entries inside a bordered pane.
pub fn inner_height(pane: Rect) -> usize {
    pane.height.saturating_sub(2) as usize
}

pub fn contains(r: Rect, col: u16, row: u16) -> bool {
    col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
}

/// A centred rectangle of at most `w` × `h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The pro/con columns side by side, or stacked (supporting above) when
/// the pane is too narrow for two readable columns. `which` is 0 or 1.
pub fn column_area(area: Rect, which: usize) -> Rect {
    // The columns' body at a WIDE_COLUMNS-wide screen, less the borders.
    if area.width >= WIDE_COLUMNS * 2 / 3 - 4 {
        let half = area.width / 2;
        Rect {
            x: area.x + if which == 0 { 0 } else { half },
            width: if which == 0 { half } else { area.width - half },
            ..area
        }
    } else {
        let half = area.height / 2;
        Rect {
            y: area.y + if which == 0 { 0 } else { half },
            height: if which == 0 { half } else { area.height - half },
            ..area
        }
    }
}

/// The part of the pro/con pane the two columns share: inside its border,
/// below the two lines of the focused node.
pub fn columns_body(main: Rect) -> Rect {
    Rect {
        x: main.x + 1,
        y: main.y + 3,
        width: main.width.saturating_sub(2),
        height: main.height.saturating_sub(4),
    }
}

/// The tours overlay: two rows a tour, and its border.
pub fn tours_rect(area: Rect, tours: usize) -> Rect {
    let h = (tours * 2 + 4).min(u16::MAX as usize) as u16;
    centered(area, 76, h)
}

/// How many tours the overlay shows at once.
pub fn tours_shown(area: Rect, tours: usize) -> usize {
    inner_height(tours_rect(area, tours)) / 2
}
