//! A procedure's A4 poster as a PDF (`posters/<field>/<slug>/poster.pdf`),
//! laid out by niemyet ([`crate::render::pdf`]): the same type scales as
//! the HTML poster ([`super::dims::POSTER_SCALES`]) and the same ladder of
//! abridging ([`super::notes`]), the roomiest that fits one sheet chosen by
//! laying it out and counting the pages; when none fits, the one that needs
//! the fewest. The header carries the QR code to the procedure's page
//! (vector modules, 35 mm, a link too); every sheet ends with the office
//! and where to send feedback; a sheet followed by another says so.

use super::dims::{self, head, Scale, A4 as A4_BOX, POSTER_SCALES};
use super::notes::Notes;
use super::pdf_content::{Body, BODY_LH, NOTE_LH};
use crate::model::Site;
use crate::render::i18n::{self, Strings};
use crate::render::pdf::doc::{self, Info, Op, Page};
use crate::render::pdf::flow::{flow, measure, stack, stack_end, Block, Frames, Mark};
use crate::render::pdf::text::{wrap, Run};
use crate::render::pdf::{mm, A4};
use crate::render::view::ProcedureView;

/// The sheet's margin, the QR code's width (its quiet zone included) and
/// the gap between it and the title, the gap between columns: the HTML
/// poster's, in mm.
const MARGIN: f32 = (210.0 - A4_BOX.w) / 2.0;
const QR: f32 = A4_BOX.qr;
const QR_GAP: f32 = head::GAP;
const COLUMN_GAP: f32 = dims::COLUMN_GAP;
/// The office's name over the title, in pt.
const OFFICE_PT: f32 = 11.0;
/// A title longer than this many lines is set smaller, 2 pt at a time,
/// down to 1.25 × the body size.
const TITLE_LINES: usize = 4;

/// The PDF poster of `v` (a procedure in force or upcoming) on A4.
pub(super) fn poster(v: &ProcedureView, site: &Site) -> Vec<u8> {
    let lang = site.config.language;
    let sheet = Sheet {
        v,
        site,
        t: i18n::strings(lang),
        qr: qr_code(&v.absolute_url, MARGIN_PT + INNER - mm(QR), MARGIN_PT),
    };
    let last = POSTER_SCALES.len() - 1;
    let ladder = (0..=last)
        .map(|d| (d, Notes::Full))
        .chain([Notes::Long, Notes::Short, Notes::Brief, Notes::Bare].map(|n| (last, n)));
    // Each rung measured (lines broken, pages counted, nothing drawn);
    // only the one chosen is drawn.
    let mut best: Option<Plan> = None;
    for (density, notes) in ladder {
        let plan = sheet.plan(POSTER_SCALES[density], notes);
        let one = plan.count == 1;
        if best.as_ref().is_none_or(|b| plan.count < b.count) {
            best = Some(plan);
        }
        if one {
            break;
        }
    }
    let pages = best.map(|p| sheet.draw(&p)).unwrap_or_default();
    let title = format!("{} – {}", v.row.title, site.config.office.name);
    doc::write(
        &pages,
        &Info {
            title: &title,
            lang: lang_code(site),
        },
    )
}

pub(super) fn lang_code(site: &Site) -> &'static str {
    match site.config.language {
        crate::lang::Lang::Vi => "vi",
        crate::lang::Lang::En => "en",
    }
}

struct Sheet<'a> {
    v: &'a ProcedureView,
    site: &'a Site,
    t: &'static Strings,
    /// The QR code's drawing, the same at every scale.
    qr: Vec<Op>,
}

/// The sheet's margin and the width inside it, in pt.
const MARGIN_PT: f32 = MARGIN * crate::render::pdf::PT_PER_MM;
const INNER: f32 = A4.0 - 2.0 * MARGIN_PT;

/// A poster at one rung of the ladder, measured: its body's blocks, the
/// frames they flow into, the lines above the footer, how many sheets.
struct Plan {
    s: Scale,
    blocks: Vec<Block>,
    abridged: bool,
    frames: Frames,
    more: Block,
    cut: Block,
    count: usize,
}

impl Sheet<'_> {
    /// The poster at scale `s` with text abridged as `notes` says,
    /// measured but not drawn.
    fn plan(&self, s: Scale, notes: Notes) -> Plan {
        let (left, inner) = (MARGIN_PT, INNER);
        let top_first = self.head(s, false).1;
        let top_next = self.head_next(s, false).1;
        let cols = usize::from(s.cols.max(1));
        let col = (inner - mm(COLUMN_GAP) * (cols - 1) as f32) / cols as f32;
        let body = Body {
            v: self.v,
            office: &self.site.config.office,
            t: self.t,
            s,
            notes,
            col,
        };
        let (blocks, abridged) = body.blocks();
        let foot_top = self.foot(s, false).1;
        // Above the footer: "continued on the next sheet", the note on
        // abridged text.
        let more = Block::new(Mark::None).para(
            &[Run::bold(self.t.continued_next)],
            s.body,
            BODY_LH,
            0.0,
            inner,
        );
        let cut = Block::new(Mark::None).para(
            &[Run::plain(self.t.abridged)],
            s.note,
            NOTE_LH,
            0.0,
            inner,
        );
        let cut_h = if abridged {
            cut.height() + mm(1.0)
        } else {
            0.0
        };
        // Room for "continued" only on a poster of more than one sheet.
        let mut frames = Frames {
            top_first,
            top_next,
            bottom: foot_top - mm(3.0) - cut_h,
            lefts: (0..cols)
                .map(|i| left + i as f32 * (col + mm(COLUMN_GAP)))
                .collect(),
            width: col,
        };
        let mut count = measure(&blocks, &frames).0;
        if count > 1 {
            frames.bottom -= more.height();
            count = measure(&blocks, &frames).0;
        }
        Plan {
            s,
            blocks,
            abridged,
            frames,
            more,
            cut,
            count,
        }
    }

    /// The pages of the poster as `p` planned it.
    fn draw(&self, p: &Plan) -> Vec<Page> {
        let (w, h) = A4;
        let (left, inner) = (MARGIN_PT, INNER);
        let head = self.head(p.s, true).0;
        let head_next = self.head_next(p.s, true).0;
        let foot = self.foot(p.s, true).0;
        let bodies = flow(&p.blocks, &p.frames).0;
        let count = bodies.len();
        bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| {
                let mut ops = if i == 0 {
                    head.clone()
                } else {
                    head_next.clone()
                };
                ops.extend(body);
                let mut y = p.frames.bottom + mm(1.5);
                if i + 1 < count {
                    ops.extend(stack(std::slice::from_ref(&p.more), left, y, inner).0);
                    y += p.more.height();
                }
                if p.abridged {
                    ops.extend(stack(std::slice::from_ref(&p.cut), left, y, inner).0);
                }
                ops.extend(foot.iter().cloned());
                Page { w, h, ops }
            })
            .collect()
    }

    /// The first sheet's header: office, title, ids, the QR caption, the
    /// QR code at the right, a rule; and where the body starts under it.
    /// Drawn only when `draw`.
    fn head(&self, s: Scale, draw: bool) -> (Vec<Op>, f32) {
        let (v, t) = (self.v, self.t);
        let (left, inner) = (MARGIN_PT, INNER);
        let tw = inner - mm(QR) - mm(QR_GAP);
        let mut title = s.title;
        let title_runs = [Run::bold(&v.row.title)];
        while title - 2.0 >= s.body * 1.25 && wrap(&title_runs, title, tw).len() > TITLE_LINES {
            title -= 2.0;
        }
        let mut ids = Vec::new();
        if let Some(code) = &v.row.code {
            ids.extend([
                Run::plain(&format!("{}: ", t.code)),
                Run::bold(code),
                Run::plain(" · "),
            ]);
        }
        ids.extend([
            Run::plain(&format!("{}: ", t.field)),
            Run::bold(&v.row.field_name),
            Run::plain(&format!(" · {} · {}: ", v.level, t.updated)),
            Run::bold(&v.updated),
        ]);
        let office = &self.site.config.office.name;
        let mut blocks = vec![
            office_line(office, tw),
            Block::new(Mark::None)
                .para(&title_runs, title, 1.15, 0.0, tw)
                .space(0.0, mm(2.0)),
            Block::new(Mark::None)
                .para(&ids, s.note, BODY_LH, 0.0, tw)
                .space(0.0, mm(1.0)),
            Block::new(Mark::None).para(&[Run::bold(t.scan_qr)], s.note, BODY_LH, 0.0, tw),
        ];
        if let (Some(date), "upcoming") = (&v.status_date, v.status) {
            let alert = format!("{} {date}", t.status_upcoming);
            blocks.push(
                Block::new(Mark::Boxed { pad: mm(1.5) })
                    .para(&[Run::bold(&alert)], s.body, BODY_LH, mm(2.0), tw)
                    .space(mm(2.0), 0.0),
            );
        }
        let top = MARGIN_PT;
        if !draw {
            let rule = stack_end(&blocks, top).max(top + mm(QR)) + mm(2.0);
            return (Vec::new(), rule + mm(0.8) + mm(3.0));
        }
        let (mut ops, end) = stack(&blocks, left, top, tw);
        ops.extend(self.qr.iter().cloned());
        let below = rule(&mut ops, left, inner, end.max(top + mm(QR)) + mm(2.0));
        (ops, below)
    }

    /// A later sheet's header: the office, the title "(tiếp theo)", a rule.
    fn head_next(&self, s: Scale, draw: bool) -> (Vec<Op>, f32) {
        let (left, inner) = (MARGIN_PT, INNER);
        let title = format!("{} {}", self.v.row.title, self.t.continued);
        let office = &self.site.config.office.name;
        let blocks = [
            office_line(office, inner),
            Block::new(Mark::None).para(&[Run::bold(&title)], s.h2 * 1.3, 1.15, 0.0, inner),
        ];
        if !draw {
            return (
                Vec::new(),
                stack_end(&blocks, MARGIN_PT) + mm(2.0) + mm(0.8) + mm(3.0),
            );
        }
        let (mut ops, end) = stack(&blocks, left, MARGIN_PT, inner);
        let below = rule(&mut ops, left, inner, end + mm(2.0));
        (ops, below)
    }

    /// The footer of every sheet: a rule, then the office and where to
    /// send feedback side by side; and where its rule is.
    fn foot(&self, s: Scale, draw: bool) -> (Vec<Op>, f32) {
        let (left, inner, page_h) = (MARGIN_PT, INNER, A4.1);
        let (o, t) = (&self.site.config.office, self.t);
        let half = (inner - mm(5.0)) / 2.0;
        let p = |runs: &[Run]| {
            Block::new(Mark::None)
                .para(runs, s.note, NOTE_LH, 0.0, half)
                .space(0.0, mm(0.5))
        };
        let mut office = vec![p(&[Run::bold(o.unit.as_deref().unwrap_or(&o.name))])];
        if let Some(phone) = &o.phone {
            office.push(p(&[
                Run::plain(&format!("{}: ", t.phone)),
                Run::bold(phone),
            ]));
        }
        if let Some(email) = &o.email {
            office.push(p(&[Run::plain(&format!("{}: {email}", t.email))]));
        }
        let f = &o.feedback;
        let mut feedback = Vec::new();
        if f.address.is_some() || f.phone.is_some() || f.email.is_some() || f.hotline.is_some() {
            let address = f.address.as_deref().unwrap_or("");
            feedback.push(p(&[
                Run::bold(&format!("{}: ", t.feedback)),
                Run::plain(address),
            ]));
            let mut phones = Vec::new();
            for (label, x) in [(t.phone, &f.phone), (t.hotline, &f.hotline)] {
                if let Some(x) = x {
                    if !phones.is_empty() {
                        phones.push(Run::plain(" · "));
                    }
                    phones.extend([Run::plain(&format!("{label}: ")), Run::bold(x)]);
                }
            }
            if !phones.is_empty() {
                feedback.push(p(&phones));
            }
            if let Some(email) = &f.email {
                feedback.push(p(&[Run::plain(&format!("{}: {email}", t.email))]));
            }
        }
        let height = |b: &[Block]| b.iter().map(|b| b.height() + b.below).sum::<f32>();
        let tall = height(&office).max(height(&feedback));
        let top = page_h - MARGIN_PT - tall - mm(3.0) - mm(0.8);
        if !draw {
            return (Vec::new(), top);
        }
        let mut ops = Vec::new();
        let y = rule(&mut ops, left, inner, top);
        ops.extend(stack(&office, left, y, half).0);
        ops.extend(stack(&feedback, left + half + mm(5.0), y, half).0);
        (ops, top)
    }
}

/// The QR code of `url`, `QR` mm wide with its quiet zone, its top left
/// at (`x`, `y`).
fn qr_code(url: &str, x: f32, y: f32) -> Vec<Op> {
    crate::render::pdf::qr::code(url, x, y, mm(QR))
}

/// A rule across the sheet at `y` (0.8 mm thick, as the HTML poster's
/// borders); where the content below it starts (3 mm lower).
pub(super) fn rule(ops: &mut Vec<Op>, left: f32, width: f32, y: f32) -> f32 {
    ops.push(Op::Fill {
        x: left,
        y,
        w: width,
        h: mm(0.8),
    });
    y + mm(0.8) + mm(3.0)
}

/// The office's name in capitals, the first line of every sheet.
pub(super) fn office_line(office: &str, width: f32) -> Block {
    Block::new(Mark::None)
        .para(
            &[Run::bold(&office.to_uppercase())],
            OFFICE_PT,
            1.25,
            0.0,
            width,
        )
        .space(0.0, mm(1.0))
}
