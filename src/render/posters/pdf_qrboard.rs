//! QR boards (`posters/bang-qr-a2.pdf`, `posters/<field>/bang-qr-a1.pdf`…):
//! the commune practice of one large sheet of QR codes, each beside its
//! procedure's name, read from 2 m: names at least 20 pt, codes at least
//! 40 mm, on A2 or A1 portrait. Each code is the HTML poster's (the
//! procedure page's absolute address, [`crate::render::qr::matrix`]).
//!
//! The grid ([`grid`]) is shared with the cultural-house pack: rows of
//! cells (a code, then the name and code of the procedure beside it), a
//! field's heading kept with its first row, rows moved to the next sheet
//! when they do not fit. The board tries the scales of its paper
//! ([`ladder`]) from the largest, and keeps the largest that needs no more
//! sheets than the smallest does: the page count is laid out, not guessed.

use super::pdf_poster::lang_code;
use crate::model::{Field, Procedure};
use crate::render::context::Renderer;
use crate::render::files::{Content, OutputFile};
use crate::render::i18n::{self, Strings};
use crate::render::pdf::doc::{self, Info, Op, Page};
use crate::render::pdf::flow::{largest, stack, stack_end, Block, Mark};
use crate::render::pdf::text::Run;
use crate::render::pdf::{mm, paper, qr};
use crate::render::{urls, Paper};

/// One procedure on a board: its name, code and page address.
pub(super) struct Item {
    pub(super) title: String,
    pub(super) code: Option<String>,
    pub(super) url: String,
}

impl Item {
    pub(super) fn of(p: &Procedure, base_url: &str) -> Item {
        Item {
            title: p.title.clone(),
            code: p.code.clone(),
            url: urls::absolute(base_url, &urls::procedure(p)),
        }
    }
}

/// A field's items under its name (no heading on a field's own board).
pub(super) struct Group {
    pub(super) heading: Option<String>,
    pub(super) items: Vec<Item>,
}

/// A grid's measures, in pt: columns, the code's width (quiet zone
/// included), the name's size, the gaps between cells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Cells {
    pub(super) cols: usize,
    pub(super) qr: f32,
    pub(super) name: f32,
    pub(super) gap: f32,
}

/// Where a grid goes: its left and width, its top on the first sheet and
/// on the next ones, its bottom.
#[derive(Debug, Clone, Copy)]
pub(super) struct Area {
    pub(super) left: f32,
    pub(super) width: f32,
    pub(super) top_first: f32,
    pub(super) top_next: f32,
    pub(super) bottom: f32,
}

/// How far below the code's top its name starts, in the code's widths:
/// the first line's capitals level with the code's first dark module.
const TEXT_DROP: f32 = 0.06;

/// The name beside a code: bold, and the procedure's code under it.
fn cell_text(item: &Item, c: Cells, width: f32, t: &Strings) -> Vec<Block> {
    let mut blocks =
        vec![Block::new(Mark::None).para(&[Run::bold(&item.title)], c.name, 1.15, 0.0, width)];
    if let Some(code) = &item.code {
        let label = format!("{}: {code}", t.code_short);
        blocks.push(
            Block::new(Mark::None)
                .para(&[Run::plain(&label)], c.name * 0.7, 1.2, 0.0, width)
                .space(c.name * 0.2, 0.0),
        );
    }
    blocks
}

/// A field's heading across the grid, a rule under it.
fn heading(text: &str, c: Cells, width: f32) -> Block {
    Block::new(Mark::Rule(c.name * 0.08)).para(
        &[Run::bold(&text.to_uppercase())],
        c.name * 1.2,
        1.2,
        0.0,
        width,
    )
}

/// The cells of `groups` laid out in `area`: each sheet's drawing (only
/// when `draw`; else as many empty sheets as it takes).
pub(super) fn grid(
    groups: &[Group],
    c: Cells,
    area: Area,
    t: &Strings,
    draw: bool,
) -> Vec<Vec<Op>> {
    let cell_w = (area.width - c.gap * (c.cols - 1) as f32) / c.cols as f32;
    let text_w = cell_w - c.qr - c.gap / 2.0;
    let text_x = c.qr + c.gap / 2.0;
    let mut pages: Vec<Vec<Op>> = vec![Vec::new()];
    let mut y = area.top_first;
    // Nothing on this sheet yet.
    let mut fresh = true;
    for g in groups {
        let head = g.heading.as_deref().map(|h| heading(h, c, area.width));
        let head_h = head.as_ref().map_or(0.0, |h| h.height() + c.gap / 2.0);
        for (i, row) in g.items.chunks(c.cols).enumerate() {
            let texts: Vec<Vec<Block>> = row.iter().map(|it| cell_text(it, c, text_w, t)).collect();
            let row_h = texts
                .iter()
                .map(|b| stack_end(b, TEXT_DROP * c.qr))
                .fold(c.qr, f32::max);
            let above = |fresh: bool| if fresh { 0.0 } else { c.gap };
            let head_here = if i == 0 { head_h } else { 0.0 };
            if !fresh && y + above(fresh) + head_here + row_h > area.bottom {
                pages.push(Vec::new());
                y = area.top_next;
                fresh = true;
            }
            y += above(fresh);
            if let (0, Some(h)) = (i, &head) {
                if draw {
                    let ops = stack(std::slice::from_ref(h), area.left, y, area.width).0;
                    if let Some(p) = pages.last_mut() {
                        p.extend(ops);
                    }
                }
                y += head_h;
            }
            if let Some(page) = pages.last_mut().filter(|_| draw) {
                for (k, (item, text)) in row.iter().zip(&texts).enumerate() {
                    let x = area.left + k as f32 * (cell_w + c.gap);
                    page.extend(qr::code(&item.url, x, y, c.qr));
                    page.extend(stack(text, x + text_x, y + TEXT_DROP * c.qr, text_w).0);
                }
            }
            y += row_h;
            fresh = false;
        }
    }
    pages
}

/// The scales a board tries on `paper`, largest first: columns, code in
/// mm, name in pt. None is under 40 mm and 20 pt.
fn ladder(paper: Paper) -> &'static [(usize, f32, f32)] {
    match paper {
        Paper::A1 => &[
            (3, 60.0, 30.0),
            (3, 55.0, 28.0),
            (3, 50.0, 26.0),
            (3, 45.0, 24.0),
            (3, 42.0, 22.0),
            (3, 40.0, 20.0),
        ],
        _ => &[
            (2, 55.0, 28.0),
            (2, 50.0, 26.0),
            (2, 45.0, 24.0),
            (2, 42.0, 22.0),
            (2, 40.0, 20.0),
        ],
    }
}

/// The board of `field`'s procedures (every field's when `None`) on
/// `paper`, or nothing when that field has none to list.
pub(super) fn board(r: &Renderer, field: Option<&Field>, paper_: Paper) -> Option<OutputFile> {
    let site = r.site;
    let t = i18n::strings(site.config.language);
    let base = &site.config.base_url;
    let fields = site
        .fields
        .iter()
        .filter(|f| field.is_none_or(|x| x.slug == f.slug));
    let groups: Vec<Group> = fields
        .map(|f| Group {
            heading: field.is_none().then(|| f.name.clone()),
            items: r
                .listed
                .iter()
                .filter(|p| p.field == f.slug)
                .map(|p| Item::of(p, base))
                .collect(),
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    if groups.is_empty() {
        return None;
    }
    let subtitle = match field {
        Some(f) => format!("{}: {}", t.field, f.name),
        None => t.all_fields.to_string(),
    };
    let sheet = Sheet {
        r,
        t,
        paper: paper_,
        subtitle,
    };
    // The largest scale that needs no more sheets than the smallest.
    let cells = |&(cols, qr, name): &(usize, f32, f32)| Cells {
        cols,
        qr: mm(qr),
        name,
        gap: mm(8.0),
    };
    let ladder: Vec<Cells> = ladder(paper_).iter().map(cells).collect();
    let c = largest(&ladder, |c| grid(&groups, c, sheet.area(c), t, false).len())?;
    let bodies = grid(&groups, c, sheet.area(c), t, true);
    let count = bodies.len();
    let pages: Vec<Page> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| sheet.page(c, body, i + 1, count))
        .collect();
    let title = format!(
        "{} – {} – {}",
        t.qr_board, sheet.subtitle, site.config.office.name
    );
    let bytes = doc::write(
        &pages,
        &Info {
            title: &title,
            lang: lang_code(site),
        },
    );
    let path = urls::qr_board(field.map(|f| f.slug.as_str()), paper_.slug());
    Some(OutputFile {
        path,
        content: Content::Bytes(bytes),
    })
}

/// The space between the header (or footer) and its rule.
const RULE_GAP: f32 = 3.0 * crate::render::pdf::PT_PER_MM;

/// A board's sheet: its header and footer around the grid.
struct Sheet<'a> {
    r: &'a Renderer<'a>,
    t: &'static Strings,
    paper: Paper,
    subtitle: String,
}

impl Sheet<'_> {
    /// The sheet's margin, in pt: 15 mm on A2, 20 mm on A1.
    fn margin(&self) -> f32 {
        mm(self.paper.mm().0 / 28.0)
    }

    fn inner(&self) -> f32 {
        paper(self.paper).0 - 2.0 * self.margin()
    }

    /// The header: the office, the board's title and what it lists, the
    /// line to scan; on a later sheet the title only.
    fn head(&self, c: Cells, first: bool) -> Vec<Block> {
        let (t, w) = (self.t, self.inner());
        let office = self.r.site.config.office.name.to_uppercase();
        let mut blocks = vec![
            Block::new(Mark::None)
                .para(&[Run::bold(&office)], c.name * 0.8, 1.2, 0.0, w)
                .space(0.0, c.name * 0.3),
            Block::new(Mark::None).para(
                &[Run::bold(&t.qr_board.to_uppercase())],
                c.name * 1.6,
                1.15,
                0.0,
                w,
            ),
        ];
        let sub = match first {
            true => self.subtitle.clone(),
            false => format!("{} {}", self.subtitle, t.continued),
        };
        blocks.push(
            Block::new(Mark::None)
                .para(&[Run::bold(&sub)], c.name, 1.2, 0.0, w)
                .space(c.name * 0.2, 0.0),
        );
        if first {
            blocks.push(
                Block::new(Mark::None)
                    .para(&[Run::plain(t.qr_board_scan)], c.name * 0.8, 1.2, 0.0, w)
                    .space(c.name * 0.2, 0.0),
            );
        }
        blocks
    }

    /// The footer: the office, the site's address, the sheet's number.
    fn foot(&self, c: Cells, n: usize, count: usize) -> Vec<Block> {
        let (t, site) = (self.t, &self.r.site.config);
        let mut runs = vec![
            Run::bold(site.office.unit.as_deref().unwrap_or(&site.office.name)),
            Run::plain(&format!(" · {}: {}", t.website, site.base_url)),
        ];
        if let Some(phone) = &site.office.phone {
            runs.push(Run::plain(&format!(" · {}: {phone}", t.phone)));
        }
        if count > 1 {
            runs.push(Run::bold(&format!(" · {} {n}/{count}", t.sheet)));
        }
        vec![Block::new(Mark::None).para(&runs, c.name * 0.7, 1.2, 0.0, self.inner())]
    }

    /// Where the grid goes at scale `c`.
    fn area(&self, c: Cells) -> Area {
        let m = self.margin();
        let (_, h) = paper(self.paper);
        let foot = stack_end(&self.foot(c, 9, 9), 0.0);
        // Under the header's rule; above the footer's.
        let below = |first| stack_end(&self.head(c, first), m) + RULE_GAP + mm(1.0) + mm(6.0);
        Area {
            left: m,
            width: self.inner(),
            top_first: below(true),
            top_next: below(false),
            bottom: h - m - foot - RULE_GAP - mm(6.0),
        }
    }

    /// Sheet `n` of `count`: header, grid, footer.
    fn page(&self, c: Cells, body: Vec<Op>, n: usize, count: usize) -> Page {
        let m = self.margin();
        let (w, h) = paper(self.paper);
        let (mut ops, end) = stack(&self.head(c, n == 1), m, m, self.inner());
        ops.push(Op::Fill {
            x: m,
            y: end + RULE_GAP,
            w: self.inner(),
            h: mm(1.0),
        });
        ops.extend(body);
        let foot = self.foot(c, n, count);
        let top = h - m - stack_end(&foot, 0.0);
        ops.push(Op::Fill {
            x: m,
            y: top - RULE_GAP,
            w: self.inner(),
            h: mm(0.6),
        });
        ops.extend(stack(&foot, m, top, self.inner()).0);
        Page { w, h, ops }
    }
}
