//! Printable posters (`posters/`): HTML pages made to be printed from any
//! browser, one sheet of paper each.
//!
//! | path | what | paper |
//! |---|---|---|
//! | `posters/index.html` | every poster, by kind and field | (a site page) |
//! | `posters/<field>/<slug>/index.html` | procedure poster | A4 portrait |
//! | `posters/<field>/<slug>/huong-dan.html` | citizen handout "Giấy hướng dẫn" | A5 portrait |
//! | `posters/<field>/index.html` | the field's catalogue table | A3 landscape |
//! | `posters/<field>/in-tat-ca.html` | the catalogue + every procedure poster of the field | A3 + A4 pages |
//! | `posters/bang-lien-he.html` | staff and contact board | A4 portrait |
//! | `posters/thong-bao/<slug>.html` | one per current notice | A4 portrait |
//!
//! Repealed procedures get none (their page stays, without poster links).
//!
//! **One page each.** Chromium never adds a page for content that is too
//! wide (it shrinks the whole page) but does for content that is too tall,
//! and a browser cannot be asked how tall a page will be at build time. So
//! the build *estimates* the height of each poster from the length of its
//! texts (average glyph advance of Noto Sans/Arial, measured by printing the
//! example catalogue's own texts) and picks the roomiest type scale that fits
//! ([`POSTER_SCALES`], never under 11 pt). When even the densest scale does
//! not fit, the content is split at item boundaries and the second sheet
//! repeats the title with "(tiếp theo)"; `niemyet build` warns naming the
//! procedure ([`warnings`]). The type sizes are written into each sheet's
//! `style` from here, so the estimate and the print use the same numbers.
//! `tests/posters_print.rs` prints samples with Chromium and checks the page
//! counts.
//!
//! The "print all" pages are the single posters' sheets joined (rendered
//! once), so they cost string copies, not template renders.

use super::view::{self, DocumentView, FieldView, ProcedureView};
use super::{format, qr, urls, Content, OutputFile, PageMeta, Renderer, Sink};
use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::model::{Date, Field, Notice, Procedure, Site, Status};
use crate::t;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

pub const STAFF_BOARD: &str = "posters/bang-lien-he.html";

pub fn field_catalogue(field_slug: &str) -> String {
    format!("posters/{field_slug}/index.html")
}

pub fn field_all(field_slug: &str) -> String {
    format!("posters/{field_slug}/in-tat-ca.html")
}

pub fn notice_poster(n: &Notice) -> String {
    format!("posters/thong-bao/{}.html", n.slug)
}

// ---------------------------------------------------------------------------
// Type scales and the height estimate

const MM_PER_PT: f32 = 25.4 / 72.0;
/// Average advance of a character in a wrapped Vietnamese paragraph, in em,
/// line-end waste included. Measured: Chromium printing 6,000 characters of
/// the example catalogue's names and notes in Noto Sans at 12 pt, 100 mm wide
/// gave 0.503 em (regular) and 0.535 em (bold); Arial is narrower. Rounded up.
const REGULAR_EM: f32 = 0.53;
const BOLD_EM: f32 = 0.57;
/// Bold capitals (section headings).
const CAPS_EM: f32 = 0.72;
/// Share of the page the estimate may fill: the rest absorbs its error.
const SAFETY: f32 = 0.96;
/// A split poster's sheets are filled right up to the budget, so the
/// estimate's error is never absorbed by a roomier scale: keep more back.
const SAFETY_SPLIT: f32 = 0.90;

/// One type scale: sizes in pt; `cols` is the number of columns the body
/// (documents, where to submit, steps) flows in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub title: f32,
    pub body: f32,
    pub note: f32,
    pub h2: f32,
    pub cols: u8,
}

impl Scale {
    /// The CSS custom properties the poster stylesheet reads.
    fn style(&self) -> String {
        format!(
            "--t:{}pt;--b:{}pt;--n:{}pt;--h2:{}pt;--cols:{}",
            self.title, self.body, self.note, self.h2, self.cols
        )
    }
}

/// A4 procedure poster, roomiest first. Short procedures print large enough
/// to read from two metres; long ones go to two columns, then smaller type,
/// never under 11 pt.
pub const POSTER_SCALES: [Scale; 5] = [
    sc(36.0, 16.0, 13.5, 16.0, 1),
    sc(32.0, 14.0, 12.5, 15.0, 1),
    // Two columns pack a checklist of short lines better than smaller type.
    sc(32.0, 14.0, 12.5, 14.0, 2),
    sc(30.0, 12.5, 11.5, 13.0, 2),
    sc(28.0, 11.0, 11.0, 12.0, 2),
];

/// A5 handout, read in the hand.
pub const HANDOUT_SCALES: [Scale; 3] = [
    sc(20.0, 13.0, 12.0, 13.0, 1),
    sc(18.0, 12.0, 11.0, 12.0, 1),
    sc(16.0, 11.0, 11.0, 11.5, 1),
];

const fn sc(title: f32, body: f32, note: f32, h2: f32, cols: u8) -> Scale {
    Scale {
        title,
        body,
        note,
        h2,
        cols,
    }
}

/// The printable box of a sheet in mm (paper minus the `@page` margins of
/// `poster.css`), and the printed width of its QR code.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    w: f32,
    h: f32,
    qr: f32,
}

/// A4 with 10 mm margins.
const A4: Geometry = Geometry {
    w: 190.0,
    h: 277.0,
    qr: 32.0,
};
/// A5 with 8 mm margins.
const A5: Geometry = Geometry {
    w: 132.0,
    h: 194.0,
    qr: 28.0,
};
/// A3 landscape with 10 mm margins.
const A3L: Geometry = Geometry {
    w: 400.0,
    h: 277.0,
    qr: 32.0,
};

/// Height in mm of `chars` characters set `width` mm wide.
fn text_h(chars: usize, width: f32, pt: f32, line_height: f32, em: f32) -> f32 {
    if chars == 0 {
        return 0.0;
    }
    let per_line = (width / (pt * MM_PER_PT * em)).floor().max(1.0);
    let lines = (chars as f32 / per_line).ceil().max(1.0);
    lines * pt * line_height * MM_PER_PT
}

fn body_h(chars: usize, width: f32, s: &Scale) -> f32 {
    text_h(chars, width, s.body, 1.3, REGULAR_EM)
}

fn bold_h(chars: usize, width: f32, pt: f32) -> f32 {
    text_h(chars, width, pt, 1.3, BOLD_EM)
}

fn note_h(chars: usize, width: f32, s: &Scale) -> f32 {
    text_h(chars, width, s.note, 1.25, REGULAR_EM)
}

fn n(s: &str) -> usize {
    s.chars().count()
}

/// The lengths of what a procedure poster or handout prints, from the same
/// formatted facts the templates show.
struct Measure {
    office: usize,
    title: usize,
    ids: usize,
    upcoming: bool,
    result: usize,
    deadline: usize,
    deadline_note: usize,
    /// Per fee: the `name: amount (channel)` line, and its note.
    fees: Vec<(usize, usize)>,
    /// Per document: name (with "nếu có"), quantity, note, abridged note.
    docs: Vec<(usize, usize, usize, usize)>,
    /// The lines of "where and when to submit".
    place: Vec<usize>,
    /// The steps, abridged (the poster shows "the steps in short"): at
    /// [`STEP_MAX`] and at [`STEP_SHORT`].
    steps: Vec<(usize, usize)>,
    /// The footer's two columns: the office, and where to send feedback.
    contact: (Vec<usize>, Vec<usize>),
}

fn measure(p: &Procedure, site: &Site, field_name: &str, today: Date, lang: Lang) -> Measure {
    let office = &site.config.office;
    let t = super::i18n::strings(lang);
    let ids = n(t["code"])
        + p.code.as_deref().map_or(0, n)
        + n(t["field"])
        + n(field_name)
        + n(format::level(p.level, lang))
        + n(t["updated"])
        + 22;
    let fees = p
        .fees
        .iter()
        .map(|f| {
            let ch = if f.channel == crate::model::FeeChannel::All {
                0
            } else {
                n(format::fee_channel(f.channel, lang)) + 3
            };
            (
                n(&f.name) + 2 + n(&format::fee_amount(f, lang)) + ch,
                f.note.as_deref().map_or(0, n),
            )
        })
        .collect();
    let docs = p
        .documents
        .iter()
        .map(|d| {
            (
                n(&d.name) + if d.optional { n(t["optional"]) + 3 } else { 0 },
                n(&format::document_quantity(d, lang)),
                d.note.as_deref().map_or(0, n),
                d.note.as_deref().map_or(0, |x| n(&abridge(x, NOTE_SHORT))),
            )
        })
        .collect();
    let submit_at = p
        .submit_at
        .as_deref()
        .or(office.unit.as_deref())
        .unwrap_or(&office.name);
    let mut place = vec![n(submit_at) + office.address.as_deref().map_or(0, n) + 2];
    if !office.hours.is_empty() {
        place.push(n(t["hours"]) + 1);
        place.extend(office.hours.iter().map(|h| n(&h.days) + n(&h.time) + 2));
    }
    if p.channels.postal {
        place.push(n(t["postal"]));
    }
    if let Some(o) = &p.channels.online {
        place.push(n(t["online"]) + n(format::online_level(o.level, lang)) + 2);
        place.push(n(&o.url));
    }
    if p.non_territorial {
        place.push(n(t["non_territorial"]));
    }
    Measure {
        office: n(&office.name),
        title: n(&p.title),
        ids,
        upcoming: p.status(today) == Status::Upcoming,
        result: n(&p.result),
        deadline: n(&format::deadline(&p.deadline, lang)),
        deadline_note: p.deadline.note.as_deref().map_or(0, n),
        fees,
        docs,
        place,
        steps: p
            .steps
            .iter()
            .map(|s| (n(&abridge(s, STEP_MAX)), n(&abridge(s, STEP_SHORT))))
            .collect(),
        contact: contact_lines(site, lang),
    }
}

/// The footer's lines (see `posters/_contact.html`): the office, and where
/// to send feedback.
fn contact_lines(site: &Site, lang: Lang) -> (Vec<usize>, Vec<usize>) {
    let o = &site.config.office;
    let t = super::i18n::strings(lang);
    let mut left = vec![n(o.unit.as_deref().unwrap_or(&o.name))];
    if let Some(p) = &o.phone {
        left.push(n(t["phone"]) + n(p) + 2);
    }
    if let Some(e) = &o.email {
        left.push(n(t["email"]) + n(e) + 2);
    }
    let f = &o.feedback;
    let mut right = Vec::new();
    if f.address.is_some() || f.phone.is_some() || f.email.is_some() || f.hotline.is_some() {
        right.push(n(t["feedback"]) + 2 + f.address.as_deref().map_or(0, n));
        right.push(
            f.phone.as_deref().map_or(0, |x| n(x) + n(t["phone"]) + 2)
                + f.hotline
                    .as_deref()
                    .map_or(0, |x| n(x) + n(t["hotline"]) + 5),
        );
        if let Some(e) = &f.email {
            right.push(n(t["email"]) + n(e) + 2);
        }
    }
    (left, right)
}

/// A piece of the body that is never split across sheets or columns.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Doc(usize),
    Place,
    Step(usize),
    Facts,
}

impl Unit {
    fn section(self) -> u8 {
        match self {
            Unit::Doc(_) => 0,
            Unit::Place => 1,
            Unit::Step(_) => 2,
            Unit::Facts => 3,
        }
    }
}

/// What one sheet of paper carries.
#[derive(Debug, Clone, PartialEq)]
struct SheetPlan {
    units: Vec<Unit>,
}

/// How a poster or handout is laid out: the scale chosen and the sheets.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub scale: Scale,
    /// Index in the scale table (0 = roomiest).
    pub density: usize,
    pub notes: Notes,
    sheets: Vec<SheetPlan>,
    /// Estimated height of each sheet in mm, for tests and the warning.
    pub heights: Vec<f32>,
}

impl Plan {
    pub fn pages(&self) -> usize {
        self.sheets.len()
    }
}

/// Whether document notes print in full or abridged (first sentence, with
/// "…"; the full text is one QR scan away).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notes {
    Full,
    Short,
}

/// The longest step a poster prints in full; longer ones are abridged.
const STEP_MAX: usize = 150;
/// With [`Notes::Short`]: steps and document notes abridged further.
const STEP_SHORT: usize = 80;
const NOTE_SHORT: usize = 70;

/// `text` in at most about `max` characters: unchanged if short enough, else
/// its first sentence, else cut at a word, and "…" wherever something was
/// left out. Never cuts inside a word.
pub fn abridge(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.into();
    }
    // The first sentence: up to a ". " or "; " (not inside a number like 1.001).
    let mut cut = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if (c == '.' || c == ';' || c == ':') && chars.peek().is_some_and(|(_, n)| *n == ' ') {
            cut = Some(i);
            break;
        }
    }
    if let Some(i) = cut {
        let first = &text[..i];
        if first.chars().count() <= max && first.chars().count() >= 20 {
            return format!("{first}…").into();
        }
    }
    let mut end = 0;
    for (count, (i, c)) in text.char_indices().enumerate() {
        if count >= max.saturating_sub(1) {
            break;
        }
        if c == ' ' {
            end = i;
        }
    }
    let head = text[..end].trim_end_matches([',', ';', ':', ' ', '-', '(']);
    format!("{head}…").into()
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Poster,
    Handout,
}

struct Heights {
    header: f32,
    /// The header of a continuation sheet (title with "(tiếp theo)").
    header_cont: f32,
    footer: f32,
    footer_cont: f32,
    /// Facts table (poster: fixed above the body; handout: a body unit).
    facts: f32,
    units: Vec<(Unit, f32)>,
    /// Extra height of a unit that opens its section (its heading).
    heading: f32,
}

fn heights(m: &Measure, s: &Scale, g: &Geometry, kind: Kind, notes: Notes) -> Heights {
    let w = g.w;
    let col = if s.cols == 2 { (w - 6.0) / 2.0 } else { w };
    // Header: office line, (handout label), title, ids, the QR caption, with
    // the QR code on the right; a rule under it.
    let tw = w - g.qr - 5.0;
    let mut text = text_h(m.office, tw, 11.0, 1.25, CAPS_EM) + 1.0;
    if kind == Kind::Handout {
        text += text_h(14, tw, s.h2, 1.2, CAPS_EM) + 1.0;
    }
    text += text_h(m.title, tw, s.title, 1.15, BOLD_EM) + 3.0;
    text += body_h(m.ids, tw, s) + 1.0;
    text += bold_h(56, tw, s.note) + 1.0;
    let rule = 0.8 + 2.0 + 3.0;
    let upcoming = if m.upcoming {
        bold_h(40, w - 7.0, s.body) + 7.6
    } else {
        0.0
    };
    let header = text.max(g.qr) + rule + upcoming;
    let header_cont = text_h(m.office, w, 11.0, 1.25, CAPS_EM)
        + 1.0
        + text_h(m.title + 14, w, s.h2 * 1.3, 1.15, BOLD_EM)
        + 1.0
        + rule;
    // Facts: a table with a label column (one column layouts and the
    // handout), or a box in the column flow (two columns).
    let table = || {
        let label = 42.0_f32.min(w * 0.32);
        let vw = w - label - 10.0 - 2.0;
        let row = |value: f32, label_chars: usize| {
            value.max(bold_h(label_chars, label - 5.0, s.body)) + 3.0 + 0.6
        };
        let fees = if m.fees.is_empty() {
            bold_h(14, vw, s.body)
        } else {
            m.fees
                .iter()
                .map(|&(line, note)| body_h(line, vw, s) + note_h(note, vw, s) + 1.0)
                .sum()
        };
        row(body_h(m.result, vw, s), 18)
            + row(
                bold_h(m.deadline, vw, s.body * 1.15) + note_h(m.deadline_note, vw, s),
                19,
            )
            + row(fees, 11)
            + 0.6
            + 3.0
    };
    let boxed = || {
        let bw = col - 6.0 - 1.2;
        let fees: f32 = m
            .fees
            .iter()
            .map(|&(line, note)| body_h(line, bw, s) + note_h(note, bw, s) + 1.0)
            .sum();
        body_h(m.result + 20, bw, s)
            + 1.0
            + bold_h(m.deadline + 21, bw, s.body * 1.15)
            + note_h(m.deadline_note, bw, s)
            + 1.0
            + bold_h(13, bw, s.body)
            + fees.max(bold_h(14, bw, s.body))
            + 4.0
            + 1.2
            + 3.0
    };
    let mut facts = 0.0;
    let mut units = Vec::new();
    match (kind, s.cols) {
        (Kind::Poster, 1) => facts = table(),
        (Kind::Poster, _) => units.push((Unit::Facts, boxed())),
        _ => {}
    }
    // Documents, (the handout's facts), where and when, (the poster's steps).
    let indent = 8.0;
    for (i, &(name, qty, full, short)) in m.docs.iter().enumerate() {
        let note = if notes == Notes::Full { full } else { short };
        let h = bold_h(name, col - indent, s.body)
            + note_h(qty, col - indent, s)
            + note_h(note, col - indent, s)
            + 2.0;
        units.push((Unit::Doc(i), h));
    }
    if kind == Kind::Handout {
        units.push((Unit::Facts, table()));
    }
    let place: f32 = m.place.iter().map(|&c| body_h(c, col, s) + 1.0).sum();
    units.push((Unit::Place, place));
    if kind == Kind::Poster {
        for (i, &(full, short)) in m.steps.iter().enumerate() {
            let c = if notes == Notes::Full { full } else { short };
            units.push((Unit::Step(i), body_h(c, col - indent, s) + 1.2));
        }
    }
    let heading = text_h(16, col, s.h2, 1.2, CAPS_EM) + 3.0 + 1.5 + 1.4;
    // Footer: the note on abridged text, then the office and the feedback
    // address side by side, then the date updated.
    let half = (w - 8.0) / 2.0;
    let lines = |v: &[usize]| -> f32 { v.iter().map(|&c| note_h(c, half, s) + 0.5).sum() };
    let abridged = note_h(95, col, s) + 2.0;
    let contact = match kind {
        Kind::Poster => lines(&m.contact.0).max(lines(&m.contact.1)),
        // The handout: one line of phone numbers.
        Kind::Handout => note_h(m.contact.0.iter().sum::<usize>() / 2 + 40, w, s),
    };
    let footer = abridged + 4.0 + 0.8 + 3.0 + contact;
    let footer_cont = 0.0;
    Heights {
        header,
        header_cont,
        footer,
        footer_cont,
        facts,
        units,
        heading,
    }
}

/// Height of a run of units in the body: one column, or two balanced ones
/// (half the total: measured on the example catalogue, the per-unit
/// estimates are generous enough to absorb what balancing cannot even out;
/// printed/estimated height 0.88–1.01).
fn run_h(units: &[(Unit, f32)], heading: f32, cols: u8) -> f32 {
    let mut total = 0.0;
    let mut section = None;
    for &(u, h) in units {
        // A section opens with its heading; the facts box has none.
        let h = if section != Some(u.section()) {
            section = Some(u.section());
            if u == Unit::Facts {
                h
            } else {
                h + heading
            }
        } else {
            h
        };
        total += h;
    }
    if cols == 2 {
        total / 2.0
    } else {
        total
    }
}

fn plan(m: &Measure, scales: &[Scale], g: &Geometry, kind: Kind) -> Plan {
    let budget = g.h * SAFETY;
    // Every scale with the notes in full, then the two densest with the
    // document notes abridged.
    let last = scales.len() - 1;
    let ladder = (0..scales.len())
        .map(|d| (d, Notes::Full))
        .chain((last.saturating_sub(1)..scales.len()).map(|d| (d, Notes::Short)));
    for (density, notes) in ladder {
        let s = &scales[density];
        let h = heights(m, s, g, kind, notes);
        let total = h.header + h.facts + run_h(&h.units, h.heading, s.cols) + h.footer;
        if total <= budget {
            return Plan {
                scale: *s,
                density,
                notes,
                sheets: vec![SheetPlan {
                    units: h.units.iter().map(|&(u, _)| u).collect(),
                }],
                heights: vec![total],
            };
        }
    }
    // Even that does not fit. The notes go back to full text; a handout
    // runs on to the back of its sheet as the browser breaks it; a poster
    // is split at item boundaries so that the next sheet can repeat the
    // title.
    let s = scales[last];
    let h = heights(m, &s, g, kind, Notes::Full);
    if kind == Kind::Handout {
        return Plan {
            scale: s,
            density: last,
            notes: Notes::Full,
            sheets: vec![SheetPlan {
                units: h.units.iter().map(|&(u, _)| u).collect(),
            }],
            heights: vec![h.header + run_h(&h.units, h.heading, s.cols) + h.footer],
        };
    }
    let mut sheets = Vec::new();
    let mut heights_out = Vec::new();
    let budget = g.h * SAFETY_SPLIT;
    let mut rest: &[(Unit, f32)] = &h.units;
    let mut first = true;
    while !rest.is_empty() || first {
        let fixed = if first {
            h.header + h.facts + h.footer
        } else {
            h.header_cont + h.footer_cont
        };
        let mut take = 0;
        while take < rest.len() && fixed + run_h(&rest[..=take], h.heading, s.cols) <= budget {
            take += 1;
        }
        // A unit taller than a whole sheet still has to go somewhere.
        if take == 0 && !first {
            take = 1;
        }
        heights_out.push(fixed + run_h(&rest[..take], h.heading, s.cols));
        sheets.push(SheetPlan {
            units: rest[..take].iter().map(|&(u, _)| u).collect(),
        });
        rest = &rest[take..];
        first = false;
    }
    Plan {
        scale: s,
        density: last,
        notes: Notes::Full,
        sheets,
        heights: heights_out,
    }
}

/// The layout of a procedure's A4 poster.
pub fn poster_plan(p: &Procedure, site: &Site, field_name: &str, today: Date, lang: Lang) -> Plan {
    let m = measure(p, site, field_name, today, lang);
    plan(&m, &POSTER_SCALES, &A4, Kind::Poster)
}

fn handout_plan(m: &Measure) -> Plan {
    plan(m, &HANDOUT_SCALES, &A5, Kind::Handout)
}

// ---------------------------------------------------------------------------
// Warnings (printed by `niemyet build`)

/// What the clerk should know about the posters of this build: procedures
/// whose poster needs a second sheet, field catalogues longer than one A3
/// sheet, and a site without a feedback address (the posting rules ask for
/// one on every poster; the posters are still made, without that block).
pub fn warnings(site: &Site, today: Date, lang: Lang) -> Vec<Diagnostic> {
    let listed: Vec<&Procedure> = site
        .procedures
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| p.status(today) != Status::Repealed)
        .collect();
    let mut out: Vec<Diagnostic> = listed
        .par_iter()
        .filter_map(|p| {
            let field_name = field_name(site, &p.field);
            let plan = poster_plan(p, site, field_name, today, lang);
            (plan.pages() > 1).then(|| {
                let title = &p.title;
                let pages = plan.pages();
                Diagnostic::warning(
                    "poster-too-long",
                    p.source.clone(),
                    t!(
                        "áp phích của thủ tục «{title}» không vừa một trang A4 kể cả ở cỡ chữ nhỏ nhất (11 pt): in thành {pages} trang, trang sau nhắc lại tên thủ tục kèm “(tiếp theo)”",
                        "the poster of «{title}» does not fit one A4 page even at the smallest type (11 pt): it prints on {pages} pages, the later ones repeat the title with “(tiếp theo)”"
                    ),
                )
                .hint(t!(
                    "rút gọn ghi chú của giấy tờ hoặc các bước thực hiện (nội dung đầy đủ vẫn có trên trang web, qua mã QR), hoặc in hai trang và dán cạnh nhau",
                    "shorten the document notes or the steps (the full text stays on the website, behind the QR code), or print both pages and post them side by side"
                ))
            })
        })
        .collect();
    for f in &site.fields {
        let count = listed.iter().filter(|p| p.field == f.slug).count();
        let rows = catalogue_rows(&listed, f, today, lang);
        let (_, pages) = catalogue_scale(&rows, site);
        if pages > 1 {
            let name = &f.name;
            out.push(
                Diagnostic::warning(
                    "poster-field-long",
                    f.source.clone(),
                    t!(
                        "danh mục lĩnh vực «{name}» ({count} thủ tục) cần khoảng {pages} trang A3 khi in",
                        "the catalogue poster of «{name}» ({count} procedures) needs about {pages} A3 pages"
                    ),
                )
                .hint(t!(
                    "in tất cả các trang và dán liền nhau; tiêu đề cột được nhắc lại ở mỗi trang",
                    "print every page and post them together; the column headings repeat on each page"
                )),
            );
        }
    }
    let f = &site.config.office.feedback;
    if f.address.is_none() && f.phone.is_none() && f.email.is_none() && f.hotline.is_none() {
        out.push(
            Diagnostic::warning(
                "poster-no-feedback",
                "content/site.yaml",
                t!(
                    "chưa có office.feedback: bản niêm yết phải ghi nơi tiếp nhận phản ánh, kiến nghị; các áp phích được in không có phần này",
                    "office.feedback is missing: posted procedures must say where to send feedback; the posters are printed without it"
                ),
            )
            .hint(t!(
                "thêm vào site.yaml:\noffice:\n  feedback:\n    address: ...\n    phone: \"...\"\n    email: ...",
                "add to site.yaml:\noffice:\n  feedback:\n    address: ...\n    phone: \"...\"\n    email: ..."
            )),
        );
    }
    out
}

fn field_name<'a>(site: &'a Site, slug: &'a str) -> &'a str {
    site.fields
        .iter()
        .find(|f| f.slug == slug)
        .map(|f| f.name.as_str())
        .unwrap_or(slug)
}

// ---------------------------------------------------------------------------
// Field catalogue (A3 landscape)

#[derive(Serialize)]
struct CatalogueRow {
    title: String,
    code: Option<String>,
    deadline: String,
    fees: String,
    upcoming: Option<String>,
}

fn catalogue_rows(listed: &[&Procedure], f: &Field, today: Date, lang: Lang) -> Vec<CatalogueRow> {
    listed
        .iter()
        .filter(|p| p.field == f.slug)
        .map(|p| {
            let r = view::row_view(p, &f.name, today, lang);
            CatalogueRow {
                title: r.title,
                code: r.code,
                deadline: r.deadline,
                fees: r.fees,
                upcoming: r.upcoming,
            }
        })
        .collect()
}

/// Type size for the catalogue table, and the sheets it needs (more than one
/// only when even 11 pt does not fit).
fn catalogue_scale(rows: &[CatalogueRow], site: &Site) -> (f32, usize) {
    let g = A3L;
    // Columns (poster.css `.list`): No. 14 mm, code 38 mm, deadline 55 mm,
    // fee 120 mm, name: the rest; 2.5 mm padding each side.
    let name_w = g.w - 14.0 - 38.0 - 55.0 - 120.0 - 5.0;
    let o = &site.config.office;
    let footer_lines = 3 + o.hours.len();
    for pt in [16.0_f32, 14.0, 13.0, 12.0, 11.0] {
        let row_h = |r: &CatalogueRow| {
            let name = n(&r.title) + r.upcoming.as_ref().map_or(0, |u| n(u) + 26);
            text_h(name, name_w, pt, 1.25, BOLD_EM)
                .max(text_h(n(&r.deadline), 55.0 - 5.0, pt, 1.25, REGULAR_EM))
                .max(text_h(n(&r.fees), 120.0 - 5.0, pt, 1.25, REGULAR_EM))
                + 3.0
                + 0.5
        };
        let header = text_h(30, g.w, 12.0, 1.25, CAPS_EM)
            + text_h(60, g.w, pt * 2.0, 1.15, BOLD_EM)
            + 10.0
            + text_h(20, 60.0, pt, 1.25, BOLD_EM)
            + 4.0;
        let footer =
            8.0 + (g.qr + 8.0).max(text_h(80, 150.0, pt, 1.3, REGULAR_EM) * footer_lines as f32);
        let body: f32 = rows.iter().map(row_h).sum();
        let total = header + body + footer;
        if total <= g.h * SAFETY {
            return (pt, 1);
        }
        if pt == 11.0 {
            let per_sheet = g.h * SAFETY - header;
            let pages = ((body + footer) / per_sheet).ceil() as usize;
            return (pt, pages.max(2));
        }
    }
    (11.0, 1)
}

/// Estimated height of the staff board at body size `pt` (layout of
/// `posters/staff.html`: the staff table, then hours and contact beside the
/// feedback block, then the QR code).
fn staff_board_h(site: &Site, pt: f32, lang: Lang) -> f32 {
    let o = &site.config.office;
    let t = super::i18n::strings(lang);
    let cell = |chars: usize, w: f32, em: f32| text_h(chars, w - 5.0, pt, 1.25, em);
    // Columns: name 48 mm, position 62 mm, phone 36 mm, fields the rest (44 mm).
    let rows: f32 = o
        .staff
        .iter()
        .map(|s| {
            let fields: usize = s.fields.iter().map(|f| n(field_name(site, f)) + 2).sum();
            cell(n(&s.name), 48.0, BOLD_EM)
                .max(cell(s.title.as_deref().map_or(0, n), 62.0, REGULAR_EM))
                .max(cell(s.phone.as_deref().map_or(0, n), 36.0, BOLD_EM))
                .max(cell(fields, 44.0, REGULAR_EM))
                + 3.5
        })
        .sum();
    let head = cell(20, 44.0, BOLD_EM) + 4.0;
    let h2 = text_h(20, A4.w, pt + 1.0, 1.2, CAPS_EM) + 10.0;
    let half = (A4.w - 8.0) / 2.0;
    let line = |chars: usize| text_h(chars, half, pt, 1.3, REGULAR_EM);
    let mut left = h2 * 2.0 + line(40) * 2.0;
    left += o
        .hours
        .iter()
        .map(|h| line(n(&h.days) + n(&h.time) + 2))
        .sum::<f32>();
    left += o.address.as_deref().map_or(0.0, |a| line(n(a) + 10));
    let f = &o.feedback;
    let right = h2
        + line(n(t["feedback_text"]))
        + f.address.as_deref().map_or(0.0, |a| line(n(a) + 10))
        + line(30) * 3.0;
    let header = 6.0 + text_h(n(t["staff_board"]), A4.w, 30.0, 1.15, BOLD_EM) + 12.0;
    header + h2 + head + rows + left.max(right) + 8.0 + A4.qr
}

// ---------------------------------------------------------------------------
// Rendering

/// What a procedure's poster and handout templates see, besides `site` and `t`.
#[derive(Serialize)]
struct SheetView<'a> {
    /// 1 for the first sheet; later sheets repeat the title "(tiếp theo)".
    number: usize,
    /// Index in the type scale table, 0 = roomiest (`data-density`).
    density: usize,
    style: String,
    cols: u8,
    facts: bool,
    docs: Vec<PosterDoc<'a>>,
    /// The number of the first document on this sheet (`<ol start>`).
    docs_start: usize,
    place: bool,
    /// Abridged (the poster shows the steps in short; the page has them all).
    steps: Vec<std::borrow::Cow<'a, str>>,
    /// Some text was abridged: the sheet says where the full text is.
    abridged: bool,
    steps_start: usize,
    /// "Continued on the next sheet" under the last item.
    more: bool,
}

fn sheet_views<'a>(plan: &Plan, v: &'a ProcedureView, kind: Kind) -> Vec<SheetView<'a>> {
    let count = plan.sheets.len();
    plan.sheets
        .iter()
        .enumerate()
        .map(|(i, sp)| {
            let docs: Vec<usize> = sp
                .units
                .iter()
                .filter_map(|u| match u {
                    Unit::Doc(i) => Some(*i),
                    _ => None,
                })
                .collect();
            let steps: Vec<usize> = sp
                .units
                .iter()
                .filter_map(|u| match u {
                    Unit::Step(i) => Some(*i),
                    _ => None,
                })
                .collect();
            SheetView {
                number: i + 1,
                density: plan.density,
                style: plan.scale.style(),
                cols: plan.scale.cols,
                // The poster's facts head its first sheet; the handout's
                // come after the documents, wherever they fall.
                facts: match (kind, plan.scale.cols) {
                    (Kind::Poster, 1) => i == 0,
                    _ => sp.units.contains(&Unit::Facts),
                },
                docs: docs
                    .iter()
                    .filter_map(|&d| v.documents.get(d))
                    .map(|doc: &DocumentView| PosterDoc {
                        name: &doc.name,
                        quantity: &doc.quantity,
                        optional: doc.optional,
                        note: doc.note.as_deref().map(|x| match plan.notes {
                            Notes::Full => x.into(),
                            Notes::Short => abridge(x, NOTE_SHORT),
                        }),
                    })
                    .collect(),
                docs_start: docs.first().map_or(1, |d| d + 1),
                place: sp.units.contains(&Unit::Place),
                steps: steps
                    .iter()
                    .filter_map(|&s| v.steps.get(s))
                    .map(|x| match plan.notes {
                        Notes::Full => abridge(x, STEP_MAX),
                        Notes::Short => abridge(x, STEP_SHORT),
                    })
                    .collect(),
                abridged: plan.notes == Notes::Short
                    || (kind == Kind::Poster
                        && v.steps.iter().any(|x| x.chars().count() > STEP_MAX)),
                steps_start: steps.first().map_or(1, |s| s + 1),
                more: i + 1 < count,
            }
        })
        .collect()
}

/// A document as a sheet prints it: its note maybe abridged.
#[derive(Serialize)]
struct PosterDoc<'a> {
    name: &'a str,
    quantity: &'a str,
    optional: bool,
    note: Option<std::borrow::Cow<'a, str>>,
}

#[derive(Serialize)]
struct IndexField<'a> {
    field: &'a FieldView,
    catalogue_url: String,
    all_url: String,
    procedures: Vec<IndexProcedure>,
}

#[derive(Serialize)]
struct IndexProcedure {
    title: String,
    code: Option<String>,
    poster_url: String,
    handout_url: String,
    upcoming: Option<String>,
}

#[derive(Serialize)]
struct IndexNotice {
    title: String,
    date: String,
    url: String,
}

/// Every poster of the site, and `posters/index.html`.
/// Every poster, or with `edited` the posters of those procedures, their
/// fields' catalogues, and the index (what an edit of those procedures can
/// change: the staff board and notice posters show no procedure), into
/// `sink`. The "print all" pages come too when the options ask for them
/// (for an edit, every poster of the edited fields then). Returns how many
/// pages it made.
pub(super) fn render(
    r: &Renderer,
    fields: &[FieldView],
    edited: Option<&[&Procedure]>,
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let site = r.site;
    let (today, lang) = (r.opts.today, r.opts.lang);
    let t = super::i18n::strings(lang);
    let wanted = |field: &str| edited.is_none_or(|e| e.iter().any(|p| p.field == field));
    let part = match (edited, r.opts.print_all) {
        (_, true) => FieldPart::Everything,
        (edited, false) => FieldPart::Posters(edited),
    };
    let mut made = 0;
    let mut errors = Vec::new();
    for res in each_field(r, fields, wanted, part, sink) {
        match res {
            Ok(n) => made += n,
            Err(d) => errors.push(d),
        }
    }
    let mut errors = super::once_each(errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut index_fields = Vec::new();
    for (f, fv) in site.fields.iter().zip(fields) {
        index_fields.push(IndexField {
            field: fv,
            catalogue_url: field_catalogue(&f.slug),
            all_url: field_all(&f.slug),
            procedures: r
                .listed
                .iter()
                .filter(|p| p.field == f.slug)
                .map(|p| IndexProcedure {
                    title: p.title.clone(),
                    code: p.code.clone(),
                    poster_url: urls::poster(p),
                    handout_url: urls::handout(p),
                    upcoming: match p.status(today) {
                        Status::Upcoming => p.effective.map(format::date),
                        _ => None,
                    },
                })
                .collect(),
        });
    }

    // Staff and contact board (unchanged by an edit of procedures).
    if edited.is_none() {
        let mut ctx = Context::new();
        let pt = [16.0_f32, 14.0, 13.0, 12.0, 11.0]
            .into_iter()
            .find(|&pt| staff_board_h(site, pt, lang) <= A4.h * SAFETY)
            .unwrap_or(11.0);
        ctx.insert("style", &format!("--b:{pt}pt;--t:30pt;--h2:{}pt", pt + 1.0));
        let home = urls::absolute(&site.config.base_url, urls::HOME);
        ctx.insert("qr", &qr::svg(&home, t["scan_qr_site"]).unwrap_or_default());
        let staff = fragment(r, "posters/staff.html", &ctx).and_then(|html| {
            page(
                r,
                STAFF_BOARD,
                t["staff_board"],
                "staff",
                urls::CONTACT,
                std::iter::once(html.as_str()),
            )
        });
        match staff {
            Ok(f) => {
                sink.put(f);
                made += 1;
            }
            Err(d) => errors.push(*d),
        }
    }

    // Notices: one poster each, while current.
    let mut index_notices = Vec::new();
    for notice in site.notices.iter().filter(|x| x.is_current(today)) {
        let nv = view::notice_view(notice, today);
        let chars = n(&super::markdown::to_text(&notice.body));
        let pt = [16.0_f32, 14.0, 13.0, 12.0, 11.0]
            .into_iter()
            .find(|&pt| {
                let body = text_h(chars, A4.w, pt, 1.35, REGULAR_EM) * 1.15;
                let fixed = text_h(n(&notice.title), A4.w, 28.0, 1.15, BOLD_EM) + 60.0;
                fixed + body <= A4.h * SAFETY
            })
            .unwrap_or(11.0);
        let mut ctx = Context::new();
        ctx.insert("notice", &nv);
        ctx.insert(
            "style",
            &format!("--b:{pt}pt;--t:28pt;--n:{pt}pt;--h2:{pt}pt"),
        );
        let path = notice_poster(notice);
        if edited.is_none() {
            let res = fragment(r, "posters/notice.html", &ctx).and_then(|html| {
                let sheets = std::iter::once(html.as_str());
                page(r, &path, &notice.title, "notice", &nv.url, sheets)
            });
            match res {
                Ok(f) => {
                    sink.put(f);
                    made += 1;
                }
                Err(d) => errors.push(*d),
            }
        }
        index_notices.push(IndexNotice {
            title: notice.title.clone(),
            date: nv.date.clone(),
            url: path,
        });
    }

    // The index: a page of the site (with its menu), not a poster.
    let mut ctx = Context::new();
    ctx.insert("poster_fields", &index_fields);
    ctx.insert("poster_notices", &index_notices);
    ctx.insert("staff_board_url", STAFF_BOARD);
    ctx.insert("root", &urls::root_of(urls::POSTERS));
    ctx.insert(
        "page",
        &PageMeta {
            title: t["posters"],
            path: urls::POSTERS,
            description: "",
            kind: "posters",
        },
    );
    match r.tera.render("posters/index.html", &ctx) {
        Ok(html) => {
            sink.put(OutputFile {
                path: urls::POSTERS.into(),
                content: Content::Html(html),
            });
            made += 1;
        }
        Err(e) => errors.push(super::render_error(
            "posters/index.html",
            r.origins.get("posters/index.html"),
            &e,
        )),
    }
    if errors.is_empty() {
        Ok(made)
    } else {
        Err(errors)
    }
}

/// The fields' "print all" pages alone, into `sink`.
pub(super) fn print_all(
    r: &Renderer,
    fields: &[FieldView],
    sink: &dyn Sink,
) -> Result<(), Vec<Diagnostic>> {
    let errors: Vec<Box<Diagnostic>> = each_field(r, fields, |_| true, FieldPart::PrintAll, sink)
        .into_iter()
        .filter_map(Result::err)
        .collect();
    match super::once_each(errors) {
        e if e.is_empty() => Ok(()),
        e => Err(e),
    }
}

/// Which of a field's printable pages to make.
#[derive(Clone, Copy)]
enum FieldPart<'p> {
    /// Each procedure's poster and handout, the catalogue, and the "print
    /// all" page (the catalogue, then every poster).
    Everything,
    /// The poster and handout of these procedures (of all, with `None`) and
    /// the catalogue.
    Posters(Option<&'p [&'p Procedure]>),
    /// The "print all" page alone.
    PrintAll,
}

/// [`field_posters`] of the fields `wanted`, in parallel: a field's posters
/// are held only until its "print all" page is made of them.
fn each_field(
    r: &Renderer,
    fields: &[FieldView],
    wanted: impl Fn(&str) -> bool + Sync,
    part: FieldPart,
    sink: &dyn Sink,
) -> Vec<Result<usize, Box<Diagnostic>>> {
    r.site
        .fields
        .par_iter()
        .zip(fields.par_iter())
        .filter(|(f, _)| wanted(&f.slug))
        .map(|(f, fv)| field_posters(r, f, fv, part, sink))
        .collect()
}

/// A field's printable pages (see [`FieldPart`]) into `sink`. Returns how
/// many pages it made.
fn field_posters(
    r: &Renderer,
    f: &Field,
    fv: &FieldView,
    part: FieldPart,
    sink: &dyn Sink,
) -> Result<usize, Box<Diagnostic>> {
    let (site, today, lang) = (r.site, r.opts.today, r.opts.lang);
    let t = super::i18n::strings(lang);
    let in_part = |p: &Procedure| match part {
        FieldPart::Posters(Some(edited)) => edited.iter().any(|e| e.source == p.source),
        _ => true,
    };
    let procedures: Vec<&Procedure> = r
        .listed
        .iter()
        .copied()
        .filter(|p| p.field == f.slug && in_part(p))
        .collect();
    let pages = match part {
        FieldPart::PrintAll => None,
        _ => Some(sink),
    };
    // Catalogue order kept: the "print all" page follows the table.
    let posters: Vec<String> = procedures
        .par_iter()
        .map(|p| procedure_posters(r, p, pages))
        .collect::<Result<_, _>>()?;
    let rows = catalogue_rows(&r.listed, f, today, lang);
    let (pt, _) = catalogue_scale(&rows, site);
    let mut ctx = Context::new();
    ctx.insert("field", fv);
    ctx.insert("rows", &rows);
    ctx.insert(
        "style",
        &format!("--b:{pt}pt;--n:{pt}pt;--t:{}pt;--h2:{pt}pt", pt * 2.0),
    );
    let url = urls::absolute(&site.config.base_url, &urls::field(f));
    ctx.insert("qr", &qr::svg(&url, t["scan_qr_field"]).unwrap_or_default());
    let catalogue = fragment(r, "posters/field.html", &ctx)?;
    let back = urls::field(f);
    let mut made = 2 * posters.len() * usize::from(pages.is_some());
    if !matches!(part, FieldPart::PrintAll) {
        sink.put(page(
            r,
            &field_catalogue(&f.slug),
            &format!("{}: {}", t["field_catalogue"], f.name),
            "field",
            &back,
            std::iter::once(catalogue.as_str()),
        )?);
        made += 1;
    }
    if !matches!(part, FieldPart::Posters(_)) {
        sink.put(page(
            r,
            &field_all(&f.slug),
            &format!("{}: {}", t["print_all_field"], f.name),
            "all",
            &back,
            std::iter::once(catalogue.as_str()).chain(posters.iter().map(String::as_str)),
        )?);
        made += 1;
    }
    Ok(made)
}

/// A procedure's poster sheets (for its field's "print all" page), and its
/// poster and handout pages into `pages` when given.
fn procedure_posters(
    r: &Renderer,
    p: &Procedure,
    pages: Option<&dyn Sink>,
) -> Result<String, Box<Diagnostic>> {
    let (site, today, lang) = (r.site, r.opts.today, r.opts.lang);
    let t = super::i18n::strings(lang);
    let field_name = r.field_name(&p.field);
    let v = view::procedure_view(&view::ProcedureInput {
        procedure: p,
        field_name,
        site,
        today,
        lang,
    });
    let m = measure(p, site, field_name, today, lang);
    let poster = plan(&m, &POSTER_SCALES, &A4, Kind::Poster);
    let qr_svg = qr::svg(&v.absolute_url, t["qr_label"]).unwrap_or_default();
    let mut ctx = Context::new();
    ctx.insert("p", &v);
    ctx.insert("qr", &qr_svg);
    ctx.insert("updated", &v.updated);
    ctx.insert("kind_label", "");
    ctx.insert("sheets", &sheet_views(&poster, &v, Kind::Poster));
    let poster_html = fragment(r, "posters/procedure.html", &ctx)?;
    let Some(sink) = pages else {
        return Ok(poster_html);
    };
    let handout = handout_plan(&m);
    ctx.insert("kind_label", t["handout_title"]);
    ctx.insert("sheets", &sheet_views(&handout, &v, Kind::Handout));
    let handout_html = fragment(r, "posters/handout.html", &ctx)?;
    let back = urls::procedure(p);
    sink.put(page(
        r,
        &urls::poster(p),
        &p.title,
        "poster",
        &back,
        std::iter::once(poster_html.as_str()),
    )?);
    sink.put(page(
        r,
        &urls::handout(p),
        &format!("{}: {}", t["handout_title"], p.title),
        "handout",
        &back,
        std::iter::once(handout_html.as_str()),
    )?);
    Ok(poster_html)
}

/// Whether `path` is a field's "print all" page.
pub fn is_print_all(path: &str) -> bool {
    path.starts_with("posters/") && path.ends_with("/in-tat-ca.html")
}

/// The sheets of one poster (no `<html>` around them), minified when the
/// build minifies: made once, they go into the poster's page and its
/// field's "print all" page.
fn fragment(r: &Renderer, template: &str, ctx: &Context) -> Result<String, Box<Diagnostic>> {
    let html = r
        .tera
        .render(template, ctx)
        .map_err(|e| Box::new(super::render_error(template, r.origins.get(template), &e)))?;
    Ok(if r.opts.minify {
        crate::minify::html_string(&html)
    } else {
        html
    })
}

/// A printable page: the sheets inside `posters/page.html` (print CSS, and a
/// screen-only bar with the way back and how to print).
fn page<'s>(
    r: &Renderer,
    path: &str,
    title: &str,
    kind: &'static str,
    back: &str,
    sheets: impl Iterator<Item = &'s str> + Clone,
) -> Result<OutputFile, Box<Diagnostic>> {
    let mut ctx = Context::new();
    ctx.insert("root", &urls::root_of(path));
    ctx.insert(
        "page",
        &PageMeta {
            title,
            path,
            description: "",
            kind,
        },
    );
    ctx.insert("back_url", back);
    // The sheets are spliced in after rendering: a "print all" page carries
    // megabytes of them, which Tera would copy into its context and out.
    const MARK: &str = "\u{1}niemyet-sheets\u{1}";
    ctx.insert("sheets", MARK);
    // The shell is minified alone; the sheets already are (see fragment).
    let shell = fragment(r, "posters/page.html", &ctx)?;
    let html = match shell.split_once(MARK) {
        Some((head, tail)) => {
            let len = sheets.clone().map(str::len).sum::<usize>();
            let mut html = String::with_capacity(head.len() + len + tail.len());
            html.push_str(head);
            sheets.for_each(|s| html.push_str(s));
            html.push_str(tail);
            html
        }
        // A theme's page.html without `{{ sheets | safe }}`: print nothing more.
        None => shell,
    };
    Ok(OutputFile {
        path: path.to_string(),
        content: if r.opts.minify {
            Content::Minified(html)
        } else {
            Content::Html(html)
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(docs: usize, note: usize, steps: usize) -> Measure {
        Measure {
            office: 20,
            title: 40,
            ids: 80,
            upcoming: false,
            result: 40,
            deadline: 18,
            deadline_note: 0,
            fees: vec![(40, 0)],
            docs: vec![(50, 14, note, note.min(NOTE_SHORT)); docs],
            place: vec![80, 14, 40, 30],
            steps: vec![(120, 80); steps],
            contact: (vec![50, 20, 30], vec![70, 40, 30]),
        }
    }

    #[test]
    fn short_procedures_print_large() {
        let mut short = m(1, 0, 1);
        short.steps = vec![(60, 60)];
        let p = plan(&short, &POSTER_SCALES, &A4, Kind::Poster);
        assert!(p.density <= 1, "{p:?}");
        assert!(p.scale.body >= 14.0);
        assert_eq!(p.pages(), 1);
        assert!(p.scale.title >= 28.0);
    }

    #[test]
    fn density_grows_with_length_and_never_goes_under_11pt() {
        let mut last = 0;
        for docs in [2, 6, 10, 14, 18] {
            let p = plan(&m(docs, 120, 5), &POSTER_SCALES, &A4, Kind::Poster);
            assert!(p.density >= last, "{docs} documents: {p:?}");
            last = p.density;
            assert!(p.scale.body >= 11.0 && p.scale.note >= 11.0 && p.scale.title >= 28.0);
        }
        assert!(last > 0);
    }

    #[test]
    fn too_long_splits_at_items_and_keeps_everything() {
        let p = plan(&m(40, 300, 12), &POSTER_SCALES, &A4, Kind::Poster);
        assert!(p.pages() >= 2, "{p:?}");
        assert_eq!(p.density, POSTER_SCALES.len() - 1);
        let all: Vec<Unit> = p.sheets.iter().flat_map(|s| s.units.clone()).collect();
        assert_eq!(all.len(), 1 + 40 + 1 + 12, "no unit lost or repeated");
        // Two columns: the facts box opens the flow, then the documents.
        assert_eq!(all[0], Unit::Facts);
        assert_eq!(all[1], Unit::Doc(0));
        assert_eq!(all.last(), Some(&Unit::Step(11)));
        for h in &p.heights[..p.heights.len() - 1] {
            assert!(*h <= A4.h, "{h}");
        }
    }

    #[test]
    fn abridging_keeps_short_text_and_marks_cuts() {
        assert_eq!(abridge("Nộp hồ sơ.", 20), "Nộp hồ sơ.");
        // The first sentence when it is long enough to say something.
        assert_eq!(
            abridge(
                "Cán bộ kiểm tra hồ sơ đầy đủ. Nếu thiếu thì hướng dẫn bổ sung ngay.",
                40
            ),
            "Cán bộ kiểm tra hồ sơ đầy đủ…"
        );
        // Else cut at a word, never inside one, never inside a number.
        let s = abridge(
            "Thông tư 281/2016/TT-BTC quy định mức thu phí khai thác thông tin",
            30,
        );
        assert!(s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= 30, "{s}");
        assert!("Thông tư 281/2016/TT-BTC quy định mức thu".starts_with(s.trim_end_matches('…')));
        assert_eq!(
            abridge("Theo mã 1.001193 của Cổng Dịch vụ công quốc gia", 20),
            "Theo mã 1.001193…"
        );
    }
}
