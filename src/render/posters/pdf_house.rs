//! The cultural-house pack (`posters/nha-van-hoa.pdf` on A4,
//! `posters/nha-van-hoa-a3.pdf` on A3): what the neighbourhood cultural
//! house (nhà văn hóa tổ dân phố) posts on its board, one of the three
//! places the catalogue is posted. The office and its hours, where to send
//! feedback (address, phone, hotline, email), the notices in force on the
//! build's day, then the QR codes of the procedures residents use most:
//! those marked `featured: true`, or, when the site marks none, the first
//! [`FIRST_OF_EACH`] of each field ([`chosen`]). Laid out with the PDF
//! engine and the QR boards' grid ([`super::pdf_qrboard::grid`]): as many
//! sheets as it takes, each numbered when there are several.

use super::pdf_poster::lang_code;
use super::pdf_qrboard::{grid, Area, Cells, Group, Item};
use crate::model::Procedure;
use crate::render::context::Renderer;
use crate::render::files::{Content, OutputFile};
use crate::render::i18n::{self, Strings};
use crate::render::pdf::doc::{self, Info, Op, Page};
use crate::render::pdf::flow::{flow, largest, stack, stack_end, Block, Frames, Mark};
use crate::render::pdf::text::Run;
use crate::render::pdf::{mm, paper};
use crate::render::{format, urls, Paper};

/// Without a featured procedure, the pack shows this many of each field.
pub(crate) const FIRST_OF_EACH: usize = 3;

/// The procedures the pack shows, by field in the site's order: the
/// featured ones, or the first [`FIRST_OF_EACH`] of each field.
pub(super) fn chosen<'a>(r: &Renderer<'a>) -> Vec<(String, Vec<&'a Procedure>)> {
    let any = r.listed.iter().any(|p| p.featured);
    r.site
        .fields
        .iter()
        .map(|f| {
            let of_field = r.listed.iter().copied().filter(|p| p.field == f.slug);
            let ps: Vec<&Procedure> = match any {
                true => of_field.filter(|p| p.featured).collect(),
                false => of_field.take(FIRST_OF_EACH).collect(),
            };
            (f.name.clone(), ps)
        })
        .filter(|(_, ps)| !ps.is_empty())
        .collect()
}

/// The sizes of one paper: body text, headings and title in pt, the
/// margin in mm, and the grids of codes to try, largest first (columns,
/// code in mm, name in pt).
#[derive(Clone, Copy)]
struct Sizes {
    body: f32,
    heading: f32,
    title: f32,
    margin: f32,
    cells: &'static [(usize, f32, f32)],
}

fn sizes(paper: Paper) -> Sizes {
    match paper {
        Paper::A4 => Sizes {
            body: 12.0,
            heading: 15.0,
            title: 22.0,
            margin: 12.0,
            cells: &[(2, 30.0, 14.0), (2, 27.0, 13.0), (2, 25.0, 12.0)],
        },
        // A3 and larger: the codes and names of a QR board (40 mm, 20 pt)
        // when they fit as few sheets as smaller ones.
        _ => Sizes {
            body: 16.0,
            heading: 20.0,
            title: 30.0,
            margin: 15.0,
            cells: &[
                (2, 45.0, 22.0),
                (2, 40.0, 20.0),
                (2, 35.0, 18.0),
                (2, 30.0, 16.0),
            ],
        },
    }
}

/// Line heights of body text and of headings.
const LH: f32 = 1.35;

/// One pack being laid out: the site, its words, the paper's sizes, the
/// margin and the width inside it (pt).
struct House<'a> {
    r: &'a Renderer<'a>,
    t: &'static Strings,
    s: Sizes,
    m: f32,
    inner: f32,
}

impl House<'_> {
    /// A paragraph of body text, `width` pt wide.
    fn p(&self, runs: &[Run], width: f32) -> Block {
        Block::new(Mark::None)
            .para(runs, self.s.body, LH, 0.0, width)
            .space(0.0, self.s.body * 0.3)
    }

    /// A section's heading across the sheet, kept with what follows.
    fn heading(&self, text: &str) -> Block {
        let s = self.s;
        heading_in(text, s, self.inner)
            .space(s.body * 1.2, s.body * 0.6)
            .heading()
    }

    /// The header (office, title, a rule); and where what follows starts.
    fn head(&self) -> (Vec<Op>, f32) {
        let (s, m, inner) = (self.s, self.m, self.inner);
        let office = &self.r.site.config.office;
        let head = [
            Block::new(Mark::None)
                .para(
                    &[Run::bold(&office.name.to_uppercase())],
                    s.body,
                    1.25,
                    0.0,
                    inner,
                )
                .space(0.0, s.body * 0.3),
            Block::new(Mark::None).para(
                &[Run::bold(&self.t.house_pack.to_uppercase())],
                s.title,
                1.15,
                0.0,
                inner,
            ),
        ];
        let (mut ops, end) = stack(&head, m, m, inner);
        ops.push(rule(m, end + mm(2.0), inner, mm(0.8)));
        (ops, end + mm(2.0) + mm(0.8) + mm(4.0))
    }

    /// The office (address, phone, email, hours) and where to send
    /// feedback, side by side from `top`; and where the taller ends.
    fn contact(&self, top: f32) -> (Vec<Op>, f32) {
        let (t, s, m) = (self.t, self.s, self.m);
        let office = &self.r.site.config.office;
        let half = (self.inner - mm(8.0)) / 2.0;
        let labelled =
            |label: &str, v: &str| self.p(&[Run::plain(&format!("{label}: ")), Run::bold(v)], half);
        let unit = office.unit.as_deref().unwrap_or(&office.name);
        let mut contact = vec![
            heading_in(t.contact, s, half),
            self.p(&[Run::bold(unit)], half),
        ];
        for (label, value) in [
            (t.address, &office.address),
            (t.phone, &office.phone),
            (t.email, &office.email),
        ] {
            contact.extend(value.as_deref().map(|v| labelled(label, v)));
        }
        if !office.hours.is_empty() {
            contact.push(self.p(&[Run::bold(&format!("{}:", t.hours))], half));
            for hr in &office.hours {
                let line = format!("{}: {}", hr.days, hr.time);
                contact.push(self.p(&[Run::plain(&line)], half));
            }
        }
        let f = &office.feedback;
        let mut feedback = vec![
            heading_in(t.feedback, s, half),
            self.p(&[Run::plain(t.feedback_text)], half),
        ];
        for (label, value) in [
            (t.address, &f.address),
            (t.phone, &f.phone),
            (t.hotline, &f.hotline),
            (t.email, &f.email),
        ] {
            feedback.extend(value.as_deref().map(|v| labelled(label, v)));
        }
        let (mut ops, a) = stack(&contact, m, top, half);
        let (more, b) = stack(&feedback, m + half + mm(8.0), top, half);
        ops.extend(more);
        (ops, a.max(b))
    }

    /// The notices in force on the build's day: title, dates, text.
    fn notices(&self) -> Vec<Block> {
        let (t, s, inner) = (self.t, self.s, self.inner);
        let mut blocks = vec![self.heading(t.notices)];
        let today = self.r.opts.today;
        let notices = &self.r.site.notices;
        let current: Vec<_> = notices.iter().filter(|n| n.is_current(today)).collect();
        if current.is_empty() {
            blocks.push(self.p(&[Run::plain(t.no_notices)], inner));
        }
        for n in current {
            let posted = t.posted.to_lowercase();
            let mut title = vec![
                Run::bold(&n.title),
                Run::plain(&format!(" ({posted} {})", format::date(n.date))),
            ];
            if let Some(e) = n.expires {
                let until = t.expires.to_lowercase();
                title.push(Run::plain(&format!(" – {until} {}", format::date(e))));
            }
            blocks.push(self.p(&title, inner).space(s.body * 0.4, 0.0).heading());
            let body = crate::search::plain_text(&n.body);
            if !body.trim().is_empty() {
                blocks.push(self.p(&[Run::plain(body.trim())], inner).split());
            }
        }
        blocks
    }

    /// The footer: the site's address and, when there are several
    /// sheets, this one's number.
    fn foot(&self, n: usize, count: usize) -> Vec<Block> {
        let t = self.t;
        let base = &self.r.site.config.base_url;
        let mut runs = vec![Run::plain(&format!("{}: {base}", t.website))];
        if count > 1 {
            runs.push(Run::bold(&format!(" · {} {n}/{count}", t.sheet)));
        }
        vec![Block::new(Mark::None).para(&runs, self.s.body * 0.85, 1.2, 0.0, self.inner)]
    }

    /// The largest grid of `groups` in `area` that needs no more sheets
    /// than the smallest, drawn.
    fn codes(&self, groups: &[Group], area: Area) -> Vec<Vec<Op>> {
        let ladder: Vec<Cells> = self
            .s
            .cells
            .iter()
            .map(|&(cols, qr, name)| Cells {
                cols,
                qr: mm(qr),
                name,
                gap: mm(name * 0.4),
            })
            .collect();
        let t = self.t;
        match largest(&ladder, |c| grid(groups, c, area, t, false).len()) {
            Some(cells) => grid(groups, cells, area, t, true),
            None => Vec::new(),
        }
    }
}

/// The pack on `paper_`.
pub(super) fn pack(r: &Renderer, paper_: Paper) -> OutputFile {
    let site = r.site;
    let t = i18n::strings(site.config.language);
    let s = sizes(paper_);
    let (w, h) = paper(paper_);
    let m = mm(s.margin);
    let inner = w - 2.0 * m;
    let house = House { r, t, s, m, inner };
    let (mut first, top) = house.head();
    let (contact, below_contact) = house.contact(top);
    first.extend(contact);
    // The notices, then the heading of the codes and the codes.
    let mut blocks = house.notices();
    let groups: Vec<Group> = chosen(r)
        .into_iter()
        .map(|(name, ps)| Group {
            heading: Some(name),
            items: ps
                .iter()
                .map(|p| Item::of(p, &site.config.base_url))
                .collect(),
        })
        .collect();
    if !groups.is_empty() {
        blocks.push(house.heading(t.house_qr));
        blocks.push(house.p(&[Run::plain(t.qr_board_scan)], inner));
    }
    let foot_top = h - m - stack_end(&house.foot(9, 9), 0.0);
    let bottom = foot_top - mm(5.0);
    let frames = Frames {
        top_first: below_contact + s.body,
        top_next: m,
        bottom,
        lefts: vec![m],
        width: inner,
    };
    let (mut bodies, end) = flow(&blocks, &frames);
    let area = Area {
        left: m,
        width: inner,
        top_first: end + mm(4.0),
        top_next: m,
        bottom,
    };
    // The codes go on from the last sheet of text.
    let mut codes = house.codes(&groups, area).into_iter();
    if let (Some(last), Some(first_codes)) = (bodies.last_mut(), codes.next()) {
        last.extend(first_codes);
    }
    bodies.extend(codes);
    let count = bodies.len();
    let pages: Vec<Page> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let mut ops = match i {
                0 => std::mem::take(&mut first),
                _ => Vec::new(),
            };
            ops.extend(body);
            ops.push(rule(m, foot_top - mm(2.5), inner, mm(0.5)));
            ops.extend(stack(&house.foot(i + 1, count), m, foot_top, inner).0);
            Page { w, h, ops }
        })
        .collect();
    let title = format!("{} – {}", t.house_pack, site.config.office.name);
    let info = Info {
        title: &title,
        lang: lang_code(site),
    };
    OutputFile {
        path: urls::house_pack(paper_.slug()),
        content: Content::Bytes(doc::write(&pages, &info)),
    }
}

/// A section's heading, `width` pt wide, ruled under.
fn heading_in(text: &str, s: Sizes, width: f32) -> Block {
    Block::new(Mark::Rule(0.8))
        .para(
            &[Run::bold(&text.to_uppercase())],
            s.heading,
            1.2,
            0.0,
            width,
        )
        .space(0.0, s.body * 0.6)
}

/// A filled bar across the sheet at `y`, `thick` pt.
fn rule(x: f32, y: f32, w: f32, thick: f32) -> Op {
    Op::Fill { x, y, w, h: thick }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::Theme;
    use crate::render::RenderOptions;
    use std::path::Path;

    /// The example's featured procedures; without any, the first three of
    /// each field in catalogue order.
    #[test]
    fn the_pack_shows_the_featured_procedures_or_the_first_of_each_field() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let opts = crate::CheckOptions {
            today: "2026-12-07".parse().unwrap(),
            lang: None,
        };
        let site = crate::check_site(root, opts).site.expect("valid example");
        let theme = Theme::load(root, &site.config.theme).unwrap();
        let ropts = RenderOptions {
            today: "2026-12-07".parse().unwrap(),
            minifier: None,
        };
        let r = Renderer::new(&site, &theme, &ropts);
        let featured: Vec<&str> = chosen(&r)
            .iter()
            .flat_map(|(_, ps)| ps.iter().map(|p| p.slug.as_str()))
            .collect();
        assert!(featured.contains(&"dang-ky-khai-sinh"), "{featured:?}");
        assert!(chosen(&r).iter().flat_map(|(_, ps)| ps).all(|p| p.featured));

        let mut plain = site.clone();
        for p in &mut plain.procedures {
            std::sync::Arc::make_mut(p).featured = false;
        }
        let r = Renderer::new(&plain, &theme, &ropts);
        let groups = chosen(&r);
        assert_eq!(groups.len(), plain.fields.len());
        for (name, ps) in &groups {
            let field = plain.fields.iter().find(|f| &f.name == name).unwrap();
            let first: Vec<_> = r
                .listed
                .iter()
                .filter(|p| p.field == field.slug)
                .take(FIRST_OF_EACH)
                .map(|p| &p.slug)
                .collect();
            let got: Vec<_> = ps.iter().map(|p| &p.slug).collect();
            assert_eq!(got, first, "{name}");
        }
    }
}
