//! A field's catalogue table as PDF (`posters/<field>/danh-muc-a3.pdf`, A3
//! landscape): number, code, name, deadline and fees of each procedure of
//! the field, with the office's hours, where to send feedback and the QR
//! code to the field's page under it. The type is the largest of
//! [`SIZES`] that needs no more sheets than the smallest (11 pt), so
//! at least 14 pt whenever the rows fit at 14 pt: laid out, not estimated; a table that still needs several sheets repeats its
//! header row on each, and each sheet says its number.

use super::field::{catalogue_rows, CatalogueRow};
use super::pdf_poster::lang_code;
use crate::model::Field;
use crate::render::context::Renderer;
use crate::render::files::{Content, OutputFile};
use crate::render::i18n::{self, Strings};
use crate::render::pdf::doc::{self, Info, Op, Page};
use crate::render::pdf::flow::{largest, stack, stack_end, Block, Mark};
use crate::render::pdf::text::{wrap, Run};
use crate::render::pdf::{mm, paper, qr};
use crate::render::{format, urls, Paper};

/// The table's type sizes, largest first; never under 14 pt.
const SIZES: [f32; 11] = [
    24.0, 23.0, 22.0, 21.0, 20.0, 19.0, 18.0, 17.0, 16.0, 15.0, 14.0,
];
/// The sheet's margin, the QR code's width, the footer's type, in mm / pt.
const MARGIN: f32 = 12.0;
const QR: f32 = 30.0;
const FOOT_PT: f32 = 11.0;
/// A cell's padding, left/right and top/bottom, in em of the table's type.
const PAD_X: f32 = 0.35;
const PAD_Y: f32 = 0.3;

/// Field `f`'s table on A3 landscape.
pub(super) fn catalogue(r: &Renderer, f: &Field) -> OutputFile {
    let (site, lang) = (r.site, r.site.config.language);
    let t = i18n::strings(lang);
    let rows = catalogue_rows(&r.listed, f, r.opts.today, lang);
    let count = rows.len();
    let table = Table { r, f, t, rows };
    let pt = largest(&SIZES, |pt| table.sheets(pt, false).len()).unwrap_or(14.0);
    let bodies = table.sheets(pt, true);
    let n = bodies.len();
    let (w, h) = table.size();
    let pages = bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let mut ops = table.head(pt, i + 1, n, count).0;
            ops.extend(body);
            if i + 1 == n {
                ops.extend(table.foot().0);
            }
            Page { w, h, ops }
        })
        .collect::<Vec<_>>();
    let title = format!(
        "{}: {} – {}",
        t.field_catalogue, f.name, site.config.office.name
    );
    OutputFile {
        path: urls::field_catalogue_pdf(&f.slug),
        content: Content::Bytes(doc::write(
            &pages,
            &Info {
                title: &title,
                lang: lang_code(site),
            },
        )),
    }
}

struct Table<'a> {
    r: &'a Renderer<'a>,
    f: &'a Field,
    t: &'static Strings,
    rows: Vec<CatalogueRow>,
}

impl Table<'_> {
    /// A3 landscape, in pt.
    fn size(&self) -> (f32, f32) {
        let (w, h) = paper(Paper::A3);
        (h, w)
    }

    fn inner(&self) -> f32 {
        self.size().0 - 2.0 * mm(MARGIN)
    }

    /// The header of sheet `n` of `of`: office, title, count and date;
    /// and where the table starts.
    fn head(&self, pt: f32, n: usize, of: usize, count: usize) -> (Vec<Op>, f32) {
        let (t, w, m) = (self.t, self.inner(), mm(MARGIN));
        let office = self.r.site.config.office.name.to_uppercase();
        let title = format!("{}: {}", t.field_catalogue, self.f.name).to_uppercase();
        let mut ids = format!(
            "{count} {} · {}: {}",
            t.count_suffix,
            t.updated,
            format::date(self.r.opts.today)
        );
        if of > 1 {
            ids.push_str(&format!(" · {} {n}/{of}", t.sheet));
        }
        let blocks = [
            Block::new(Mark::None)
                .para(&[Run::bold(&office)], 14.0, 1.2, 0.0, w)
                .space(0.0, mm(1.0)),
            Block::new(Mark::None).para(&[Run::bold(&title)], pt * 1.4, 1.15, 0.0, w),
            Block::new(Mark::None)
                .para(&[Run::plain(&ids)], pt * 0.8, 1.3, 0.0, w)
                .space(mm(1.0), 0.0),
        ];
        let (ops, end) = stack(&blocks, m, m, w);
        (ops, end + mm(4.0))
    }

    /// The footer: a rule, the QR code to the field's page with its
    /// caption, the office and its hours, where to send feedback; and
    /// where its rule is.
    fn foot(&self) -> (Vec<Op>, f32) {
        let (t, m) = (self.t, mm(MARGIN));
        let (_, h) = self.size();
        let o = &self.r.site.config.office;
        let col = (self.inner() - mm(QR) - mm(12.0)) / 2.0;
        let p = |runs: &[Run]| Block::new(Mark::None).para(runs, FOOT_PT, 1.3, 0.0, col);
        let mut left = vec![
            p(&[Run::bold(t.where_when)]),
            p(&[Run::plain(o.unit.as_deref().unwrap_or(&o.name))]),
        ];
        if let Some(a) = &o.address {
            left.push(p(&[Run::plain(a)]));
        }
        for hr in &o.hours {
            left.push(p(&[
                Run::plain(&format!("{}: ", hr.days)),
                Run::bold(&hr.time),
            ]));
        }
        if let Some(phone) = &o.phone {
            left.push(p(&[
                Run::plain(&format!("{}: ", t.phone)),
                Run::bold(phone),
            ]));
        }
        let fb = &o.feedback;
        let mut right = vec![p(&[Run::bold(t.feedback)])];
        for (label, v) in [
            (t.address, &fb.address),
            (t.phone, &fb.phone),
            (t.hotline, &fb.hotline),
            (t.email, &fb.email),
        ] {
            if let Some(v) = v {
                right.push(p(&[Run::plain(&format!("{label}: ")), Run::bold(v)]));
            }
        }
        let caption = [Block::new(Mark::None).para(
            &[Run::plain(t.scan_qr_field)],
            FOOT_PT * 0.9,
            1.2,
            0.0,
            mm(QR),
        )];
        let tall = stack_end(&left, 0.0)
            .max(stack_end(&right, 0.0))
            .max(mm(QR) + stack_end(&caption, 0.0));
        let top = h - m - tall;
        let mut ops = vec![Op::Fill {
            x: m,
            y: top - mm(3.0),
            w: self.inner(),
            h: mm(0.6),
        }];
        let url = urls::absolute(&self.r.site.config.base_url, &urls::field(self.f));
        ops.extend(qr::code(&url, m, top, mm(QR)));
        ops.extend(stack(&caption, m, top + mm(QR), mm(QR)).0);
        let x = m + mm(QR) + mm(6.0);
        ops.extend(stack(&left, x, top, col).0);
        ops.extend(stack(&right, x + col + mm(6.0), top, col).0);
        (ops, top - mm(3.0))
    }

    /// The column widths at `pt`: number, code, name, deadline, fees.
    fn columns(&self, pt: f32) -> [f32; 5] {
        let one = |s: &str, bold: bool| {
            wrap(&[Run::new(s, bold)], pt, f32::INFINITY)
                .first()
                .map_or(0.0, |l| l.width)
                + 2.0 * PAD_X * pt
                + 1.0
        };
        let no = one(self.t.number, true).max(one(&self.rows.len().to_string(), false));
        let code = self
            .rows
            .iter()
            .filter_map(|r| r.code.as_deref())
            .map(|c| one(c, false))
            .fold(one(self.t.code_short, true), f32::max);
        let rest = self.inner() - no - code;
        [no, code, rest * 0.4, rest * 0.18, rest * 0.42]
    }

    /// One row's cells at `pt` (bold for the header row).
    fn cells(&self, texts: [&str; 5], pt: f32, bold: bool, cols: &[f32; 5]) -> Vec<Vec<Block>> {
        texts
            .iter()
            .zip(cols)
            .enumerate()
            .map(|(i, (text, w))| {
                let run = Run::new(text, bold || i == 2);
                vec![Block::new(Mark::None).para(&[run], pt, 1.25, 0.0, w - 2.0 * PAD_X * pt)]
            })
            .collect()
    }

    /// The table's rows at `pt`, sheet by sheet (drawn when `draw`).
    fn sheets(&self, pt: f32, draw: bool) -> Vec<Vec<Op>> {
        let t = self.t;
        let cols = self.columns(pt);
        let m = mm(MARGIN);
        let count = self.rows.len();
        let top = self.head(pt, 1, 2, count).1;
        let bottom = self.foot().1 - mm(4.0);
        let header = self.cells(
            [t.number, t.code_short, t.procedure, t.deadline, t.fees],
            pt,
            true,
            &cols,
        );
        let height = |cells: &[Vec<Block>]| {
            cells.iter().map(|c| stack_end(c, 0.0)).fold(0.0, f32::max) + 2.0 * PAD_Y * pt
        };
        // A row's cells at `y` and the rule under it; where the next starts.
        let put = |ops: &mut Vec<Op>, cells: &[Vec<Block>], y: f32, rule: f32| -> f32 {
            let hgt = height(cells);
            if draw {
                let mut x = m;
                for (c, w) in cells.iter().zip(&cols) {
                    ops.extend(stack(c, x + PAD_X * pt, y + PAD_Y * pt, w - 2.0 * PAD_X * pt).0);
                    x += w;
                }
                ops.push(Op::Fill {
                    x: m,
                    y: y + hgt,
                    w: cols.iter().sum(),
                    h: rule,
                });
            }
            y + hgt + rule
        };
        // Each sheet starts with the header row.
        let mut sheets: Vec<Vec<Op>> = Vec::new();
        let start = |sheets: &mut Vec<Vec<Op>>| {
            let mut page = Vec::new();
            let y = put(&mut page, &header, top, 1.5);
            sheets.push(page);
            y
        };
        let rows: Vec<Vec<Vec<Block>>> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let no = (i + 1).to_string();
                let name = match &r.upcoming {
                    Some(u) => format!("{} ({} {u})", r.title, t.status_upcoming),
                    None => r.title.clone(),
                };
                let code = r.code.as_deref().unwrap_or("");
                self.cells([&no, code, &name, &r.deadline, &r.fees], pt, false, &cols)
            })
            .collect();
        // The footer is on the last sheet only: a row may go down to the
        // sheet's margin unless it and the rows after it all fit above the
        // footer, or it is the last.
        let heights: Vec<f32> = rows.iter().map(|c| height(c) + 0.5).collect();
        let full = self.size().1 - mm(MARGIN);
        let mut y = start(&mut sheets);
        let mut on_sheet = 0;
        for (i, cells) in rows.iter().enumerate() {
            let rest: f32 = heights[i..].iter().sum();
            let last = i + 1 == rows.len() || y + rest <= bottom;
            let limit = if last { bottom } else { full };
            if y + heights[i] > limit && on_sheet > 0 {
                y = start(&mut sheets);
                on_sheet = 0;
            }
            if let Some(page) = sheets.last_mut() {
                y = put(page, cells, y, 0.5);
            }
            on_sheet += 1;
        }
        sheets
    }
}
