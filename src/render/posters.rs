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
//! the build lays each procedure poster and handout out itself, as Chromium
//! does, closely enough to know its printed height to the millimetre:
//!
//! - each paragraph is wrapped word by word (at spaces, and after a hyphen
//!   before a letter) with the glyph advances of Noto Sans (Linux, the CI;
//!   `poster.css` names it first) and of Arial (Windows), and the taller of
//!   the two is kept. The advances (`NOTO_REGULAR` …) were measured in
//!   Chromium; a letter with tone marks is as wide as its base letter.
//! - boxes follow `poster.css`: line heights, margins (collapsed, dropped at
//!   the top of a column), paddings, rules; two columns are balanced as
//!   Chromium does (`body_h`).
//!
//! Calibration (Chromium 148, `emulateMediaType('print')`, each sheet's
//! height against the estimate): every poster and handout of the example
//! site and 248 of a generated 2,000-procedure site, 402 sheets. The
//! estimate was 0.05–3.2 mm above the real height in Noto Sans (median
//! 0.3 mm), 0.05–32 mm above it in Liberation Sans (Arial's metrics: most
//! text is narrower than in Noto), never below; all of them printed
//! (`--print-to-pdf`) on exactly the pages planned.
//! `FILL` keeps 2 % of the page (5.5 mm on A4) for what the estimate
//! cannot see: kerning, a fallback font, another browser's rounding.
//!
//! The roomiest layout that fits one sheet is chosen: type scales
//! ([`POSTER_SCALES`], [`HANDOUT_SCALES`]: fewer columns and larger type
//! first, never under 11 pt; a title longer than four lines is set
//! smaller), then shorter text ([`Notes`]: the steps and documents' notes abridged, at
//! last the notes left out; the sheet then says the full text is one QR
//! scan away). When nothing fits, the first layout that needs the fewest
//! sheets is split at item boundaries, each sheet filled before the next
//! begins; later sheets repeat the title with "(tiếp theo)", and
//! `niemyet build` warns naming the procedure ([`warnings`]; a handout
//! simply prints front and back). The type sizes are written into each
//! sheet's `style` from here, so the estimate and the print use the same
//! numbers. `tests/posters_print.rs` prints every example poster with
//! Chromium and checks that it takes the pages planned.
//!
//! The "print all" pages are the single posters' sheets joined (rendered
//! once), so they cost string copies, not template renders.

use super::context::{once_each, PageMeta, Renderer};
use super::fields::Fields;
use super::files::{Content, OutputFile, Sink};
use super::view::{self, DocumentView, FieldView, ProcedureView};
use super::{format, qr, urls};
use crate::diag::Diagnostic;
use crate::diag::Rule;
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
// Text widths and line wrapping

const MM_PER_PT: f32 = 25.4 / 72.0;

/// Advance widths of the printable ASCII characters, `' '` to `'~'`, in
/// thousandths of an em, in the two fonts posters print with: Noto Sans
/// (Linux, the CI: `poster.css` names it first) and Arial (Windows; these
/// are Liberation Sans's, which has Arial's metrics). Measured in Chromium
/// with canvas `measureText` at 1000 px.
#[rustfmt::skip]
const NOTO_REGULAR: [u16; 95] = [
    260, 269, 408, 646, 572, 831, 732, 225, 300, 300, 551, 572, 268, 322, 268, 372,
    572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 268, 268, 572, 572, 572, 434,
    899, 639, 650, 632, 730, 556, 519, 728, 741, 339, 273, 619, 524, 907, 760, 781,
    605, 781, 622, 549, 556, 731, 600, 930, 586, 566, 572, 329, 372, 329, 572, 444,
    281, 561, 615, 480, 615, 564, 344, 615, 618, 258, 258, 534, 258, 935, 618, 605,
    615, 615, 413, 479, 361, 618, 508, 786, 529, 510, 470, 380, 551, 380, 572,
];
#[rustfmt::skip]
const NOTO_BOLD: [u16; 95] = [
    260, 286, 472, 646, 572, 901, 750, 266, 339, 339, 545, 572, 285, 322, 285, 413,
    572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 285, 285, 572, 572, 572, 477,
    897, 690, 672, 637, 740, 560, 549, 724, 765, 389, 331, 664, 565, 943, 813, 796,
    628, 796, 660, 551, 579, 756, 650, 967, 667, 624, 579, 331, 413, 331, 572, 411,
    362, 604, 633, 514, 633, 591, 387, 633, 657, 305, 305, 620, 305, 982, 657, 619,
    633, 633, 454, 497, 434, 657, 569, 856, 578, 569, 488, 394, 551, 394, 572,
];
#[rustfmt::skip]
const ARIAL_REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
#[rustfmt::skip]
const ARIAL_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
/// The other characters of Vietnamese text, as [`NOTO_REGULAR`] … : Noto
/// regular and bold, Arial regular and bold. A letter with tone marks, a
/// circumflex or a breve is as wide as its base letter in both fonts; a
/// horn (ơ, ư) widens it (Arial's horn letters are taken as Noto's: wider
/// than Arial's plain ones, the safe side).
const OTHER: [(char, [u16; 4]); 17] = [
    ('đ', [617, 649, 556, 611]),
    ('Đ', [730, 740, 722, 722]),
    ('ơ', [616, 679, 616, 679]),
    ('Ơ', [784, 825, 784, 825]),
    ('ư', [674, 760, 674, 760]),
    ('Ư', [780, 885, 780, 885]),
    ('…', [791, 855, 1000, 1000]),
    ('–', [500, 500, 556, 556]),
    ('—', [1000, 1000, 1000, 1000]),
    ('“', [359, 445, 333, 500]),
    ('”', [359, 445, 333, 500]),
    ('‘', [175, 217, 222, 278]),
    ('’', [175, 217, 222, 278]),
    ('«', [509, 615, 556, 556]),
    ('»', [509, 615, 556, 556]),
    ('·', [268, 285, 278, 278]),
    ('°', [428, 428, 400, 400]),
];

/// The advances of [`advance`] up to U+1EFF (the last Vietnamese letter),
/// regular and bold, tabulated once.
fn advances() -> &'static [[[f32; 2]; 2]] {
    static TABLE: std::sync::OnceLock<Vec<[[f32; 2]; 2]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x1F00)
            .map(|i| {
                let c = char::from_u32(i).unwrap_or(' ');
                [advance(c, false), advance(c, true)]
            })
            .collect()
    })
}

/// The advance of `c` in em in Noto Sans and in Arial; 1 em for a
/// character of no known width.
fn advance(c: char, bold: bool) -> [f32; 2] {
    let known = |c: char| -> Option<[u16; 2]> {
        let b = usize::from(bold);
        if (' '..='~').contains(&c) {
            let i = c as usize - ' ' as usize;
            let (noto, arial) = if bold {
                (&NOTO_BOLD, &ARIAL_BOLD)
            } else {
                (&NOTO_REGULAR, &ARIAL_REGULAR)
            };
            return Some([noto[i], arial[i]]);
        }
        let (_, w) = OTHER.iter().find(|o| o.0 == c)?;
        Some([w[b], w[2 + b]])
    };
    let base = || {
        let (mut base, mut horn) = (None, false);
        unicode_normalization::char::decompose_canonical(c, |d| {
            base.get_or_insert(d);
            horn |= d == '\u{31B}';
        });
        match (base?, horn) {
            ('o', true) => Some('ơ'),
            ('O', true) => Some('Ơ'),
            ('u', true) => Some('ư'),
            ('U', true) => Some('Ư'),
            (b, _) => (b != c).then_some(b),
        }
    };
    let w = known(c)
        .or_else(|| base().and_then(known))
        .unwrap_or([1000, 1000]);
    w.map(|x| f32::from(x) / 1000.0)
}

/// A paragraph as the estimate sets it, in em, in each font of
/// [`advance`].
#[derive(Debug, Clone, Default)]
struct Para {
    /// Per word: its advance, and the advance of the space after it.
    words: Vec<[[f32; 2]; 2]>,
    /// The whole text on one line.
    width: [f32; 2],
}

impl Para {
    /// From runs of text, each regular or bold (`<strong>`, a bold class),
    /// with `spacing` em of `letter-spacing`. Words end at spaces, and
    /// after a hyphen or a question mark before a letter (where browsers
    /// also break a line: it matters in long URLs).
    fn runs(runs: &[(&str, bool)], spacing: f32) -> Para {
        let table = advances();
        let bytes: usize = runs.iter().map(|r| r.0.len()).sum();
        let mut words = Vec::with_capacity(bytes / 6 + 1);
        let mut word: Option<[f32; 2]> = None;
        let mut hyphen = false;
        for &(text, bold) in runs {
            for c in text.chars() {
                let [noto, arial] = match table.get(c as usize) {
                    Some(w) => w[usize::from(bold)],
                    None => advance(c, bold),
                };
                if matches!(c, ' ' | '\n' | '\t' | '\r') {
                    if let Some(w) = word.take() {
                        words.push([w, [noto + spacing, arial + spacing]]);
                    }
                    continue;
                }
                if std::mem::replace(&mut hyphen, matches!(c, '-' | '?')) && c.is_alphabetic() {
                    words.extend(word.take().map(|w| [w, [0.0; 2]]));
                }
                let w = word.get_or_insert([0.0; 2]);
                w[0] += noto + spacing;
                w[1] += arial + spacing;
            }
        }
        if let Some(w) = word {
            words.push([w, [0.0; 2]]);
        }
        let width = |font: usize| words.iter().map(|[w, s]| w[font] + s[font]).sum();
        let width = [width(0), width(1)];
        Para { words, width }
    }

    fn plain(text: &str) -> Para {
        Para::runs(&[(text, false)], 0.0)
    }

    fn bold(text: &str) -> Para {
        Para::runs(&[(text, true)], 0.0)
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Lines it takes set at `pt` in a box `width` mm wide, in whichever
    /// font takes more, wrapped as a browser does: at spaces, greedily; a
    /// word longer than a line is broken anywhere (`overflow-wrap`).
    fn lines(&self, width: f32, pt: f32) -> f32 {
        let max = width / (pt * MM_PER_PT);
        if self.words.is_empty() {
            return 0.0;
        }
        if self.width.iter().all(|&w| w <= max) {
            return 1.0;
        }
        let lines = |font: usize| {
            let (mut lines, mut x, mut space) = (1.0_f32, 0.0, 0.0);
            for [w, s] in &self.words {
                let w = w[font];
                if x > 0.0 && x + space + w > max {
                    lines += 1.0;
                    x = 0.0;
                }
                if x > 0.0 {
                    x += space + w;
                } else {
                    let extra = ((w / max).ceil() - 1.0).max(0.0);
                    lines += extra;
                    x = w - extra * max;
                }
                space = s[font];
            }
            lines
        };
        lines(0).max(lines(1))
    }

    /// Its height in mm set at `pt` with `line_height`, `width` mm wide.
    fn h(&self, width: f32, pt: f32, line_height: f32) -> f32 {
        self.lines(width, pt) * pt * line_height * MM_PER_PT
    }

    /// Its width in mm on one line at `pt`, in the wider font.
    fn w(&self, pt: f32) -> f32 {
        self.width[0].max(self.width[1]) * pt * MM_PER_PT
    }
}

/// The field catalogue, staff board and notice posters are estimated from
/// character counts with average advances (in em, line-end waste included:
/// Noto Sans at 12 pt over the example's texts gave 0.503 regular, 0.535
/// bold; rounded up): one short page each, with room to spare.
const REGULAR_EM: f32 = 0.53;
const BOLD_EM: f32 = 0.57;
/// Bold capitals (section headings).
const CAPS_EM: f32 = 0.72;

/// Height in mm of `chars` characters set `width` mm wide.
fn text_h(chars: usize, width: f32, pt: f32, line_height: f32, em: f32) -> f32 {
    if chars == 0 {
        return 0.0;
    }
    let per_line = (width / (pt * MM_PER_PT * em)).floor().max(1.0);
    let lines = (chars as f32 / per_line).ceil().max(1.0);
    lines * pt * line_height * MM_PER_PT
}

fn n(s: &str) -> usize {
    s.chars().count()
}

// ---------------------------------------------------------------------------
// Type scales

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

/// A5 handout, read in the hand; two narrow columns (about 30 characters a
/// line) before anything is abridged.
pub const HANDOUT_SCALES: [Scale; 4] = [
    sc(20.0, 13.0, 12.0, 13.0, 1),
    sc(18.0, 12.0, 11.0, 12.0, 1),
    sc(16.0, 11.0, 11.0, 11.5, 1),
    sc(16.0, 11.0, 11.0, 11.5, 2),
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

/// Share of the page a procedure poster or handout may fill: the rest
/// absorbs what the estimate cannot see (see the module doc: it has erred
/// upwards only, by 3.2 mm at most).
const FILL: f32 = 0.98;
/// The same for the posters estimated from character counts (field
/// catalogue, staff board, notices), whose estimate errs more.
const SAFETY: f32 = 0.96;

// ---------------------------------------------------------------------------
// What a procedure poster prints

/// The texts a procedure poster or handout prints, as the templates show
/// them (`posters/_head.html`, `_facts.html`, …), ready to be wrapped.
struct Measure {
    office: Para,
    /// The handout's label (`Giấy hướng dẫn`), in capitals.
    kind: Para,
    title: Para,
    /// The title of a later sheet: "… (tiếp theo)".
    title_cont: Para,
    ids: Para,
    scan: Para,
    /// "Takes effect on …" for a procedure not yet in force.
    alert: Option<Para>,
    /// The facts' labels (result, deadline, fees) in bold.
    labels: [Para; 3],
    result: Para,
    /// The result with its label, as the facts box prints it.
    result_boxed: Para,
    deadline: Para,
    /// "Thời hạn giải quyết: " as the facts box prints it.
    deadline_label: Para,
    /// Notes (of the deadline, of each fee, of each document) as each
    /// level of [`Notes`] prints them.
    deadline_note: [Para; LEVELS],
    /// The handout's "expected return date" line in its footer, as printed
    /// without JavaScript (a blank to write in) and as `due.js` fills it:
    /// the taller is planned for. Empty when the procedure shows none.
    due_line: Vec<Para>,
    /// Per fee: the `name: amount (channel)` line, and its note; or, with
    /// no fee, the one bold line saying so (and with its label for the box).
    fees: Vec<(Para, [Para; LEVELS])>,
    no_fee: Para,
    no_fee_boxed: Para,
    docs: Vec<DocText>,
    /// "Where and when": each paragraph, and whether it is a note-size one.
    place: Vec<(Para, Size)>,
    /// Each step as each level of [`Notes`] prints it.
    steps: Vec<[Para; LEVELS]>,
    /// Headings in capitals: documents, place, steps; the same continued.
    headings: [Para; 3],
    headings_cont: [Para; 3],
    more: Para,
    abridged: Para,
    /// The poster's footer: the office, and where to send feedback; the
    /// handout's: one line.
    contact: (Vec<Para>, Vec<Para>),
    contact_line: Para,
    /// Per level of [`Notes`]: whether it cuts a step, a document's note,
    /// a fee's or the deadline's note.
    cuts: [(bool, bool, bool); LEVELS],
}

impl Measure {
    /// Whether a sheet at `notes` prints some text cut (and says so).
    fn abridged_at(&self, kind: Kind, notes: Notes) -> bool {
        let (steps, docs, _) = self.cuts[notes as usize];
        let (_, _, facts) = self.cuts[kind.facts_notes(notes) as usize];
        docs || facts || (kind == Kind::Poster && steps)
    }
}

struct DocText {
    name: Para,
    quantity: Para,
    /// The note as each level of [`Notes`] prints it.
    note: [Para; LEVELS],
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Size {
    Body,
    /// `.url`: note size at the body's line height, broken anywhere.
    Url,
    Note,
}

fn measure(p: &Procedure, site: &Site, field_name: &str, today: Date, lang: Lang) -> Measure {
    let office = &site.config.office;
    let t = super::i18n::strings(lang);
    let caps = |s: &str| Para::runs(&[(&s.to_uppercase(), true)], 0.0);
    let cont = |s: &str| caps(&format!("{s} {}", t.continued));
    // `Mã thủ tục: 1.000656 · Lĩnh vực: Hộ tịch · Cấp xã · Cập nhật ngày: …`
    let (code, field) = (format!("{}: ", t.code), format!("{}: ", t.field));
    let level = format!(" · {} · {}: ", format::level(p.level, lang), t.updated);
    let updated = format::date(p.updated);
    let mut ids = Vec::new();
    if let Some(c) = &p.code {
        ids.extend([(code.as_str(), false), (c, true), (" · ", false)]);
    }
    ids.extend([
        (field.as_str(), false),
        (field_name, true),
        (&level, false),
        (&updated, true),
    ]);
    let ids = Para::runs(&ids, 0.0);
    let notes = |x: Option<&str>| levels(|level| x.and_then(|x| level.note(x)));
    let fees = p
        .fees
        .iter()
        .map(|f| {
            let channel = format::fee_channel(f.channel, lang)
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            let line = Para::runs(
                &[
                    (&format!("{}: ", f.name), false),
                    (&format::fee_amount(f, lang), true),
                    (&channel, false),
                ],
                0.0,
            );
            (line, notes(format::fee_note(f).as_deref()))
        })
        .collect();
    let fees_short = format::fees_short(&p.fees, lang);
    let label = |s: &str| format!("{s}: ");
    let docs = p
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let optional = if d.optional {
                format!(" ({})", t.optional)
            } else {
                String::new()
            };
            // A case heading prints above its first document: measured
            // with the name, a little generously.
            let case = match (&d.case, i.checked_sub(1).map(|j| &p.documents[j].case)) {
                (Some(c), prev) if prev != Some(&d.case) => format!("{c} "),
                _ => String::new(),
            };
            DocText {
                name: Para::bold(&format!("{case}{}. {}{optional}", i + 1, d.name)),
                quantity: Para::plain(&format::document_quantity(d, lang)),
                note: notes(d.note.as_deref()),
            }
        })
        .collect();
    let mut place = Vec::new();
    if p.channels.in_person {
        let at = p
            .submit_at
            .as_deref()
            .or(office.unit.as_deref())
            .unwrap_or(&office.name);
        let address = office
            .address
            .as_deref()
            .map(|a| format!(", {a}"))
            .unwrap_or_default();
        place.push((
            Para::runs(
                &[
                    (&label(t.in_person), true),
                    (&format!("{at}{address}"), false),
                ],
                0.0,
            ),
            Size::Body,
        ));
        if !office.hours.is_empty() {
            place.push((Para::bold(&format!("{}:", t.hours)), Size::Body));
            for h in &office.hours {
                place.push((Para::plain(&format!("{}: {}", h.days, h.time)), Size::Body));
            }
        }
    }
    if p.channels.postal {
        place.push((Para::bold(t.postal), Size::Body));
    }
    if let Some(o) = &p.channels.online {
        place.push((
            Para::runs(
                &[
                    (&label(t.online), true),
                    (format::online_level(o.level, lang), false),
                ],
                0.0,
            ),
            Size::Body,
        ));
        place.push((Para::plain(&o.url), Size::Url));
    }
    if p.non_territorial {
        place.push((Para::plain(t.non_territorial), Size::Note));
    }
    let (contact, contact_line) = contact_lines(site, lang);
    let long = |x: &str, max: usize| x.trim().chars().count() > max;
    let cuts = Notes::ALL.map(|level| {
        let (step, note) = level.limits();
        (
            p.steps.iter().any(|x| long(x, step)),
            p.documents
                .iter()
                .filter_map(|d| d.note.as_deref())
                .any(|x| long(x, note)),
            p.fees
                .iter()
                .map(|f| &f.note)
                .chain([&p.deadline.note])
                .filter_map(|x| x.as_deref())
                .any(|x| long(x, note)),
        )
    });
    Measure {
        office: caps(&office.name),
        kind: Para::runs(&[(&t.handout_title.to_uppercase(), true)], 0.03),
        title: Para::bold(&p.title),
        title_cont: Para::bold(&format!("{} {}", p.title, t.continued)),
        ids,
        scan: Para::bold(t.scan_qr),
        alert: (p.status(today) == Status::Upcoming).then(|| {
            let date = p.effective.map(format::date).unwrap_or_default();
            Para::bold(&format!("{} {date}", t.status_upcoming))
        }),
        labels: [
            Para::bold(t.result),
            Para::bold(t.deadline),
            Para::bold(t.fees),
        ],
        result: Para::plain(&p.result),
        result_boxed: Para::runs(&[(&label(t.result), true), (&p.result, false)], 0.0),
        deadline: Para::bold(&format::deadline(&p.deadline, lang)),
        deadline_label: Para::bold(&label(t.deadline)),
        deadline_note: notes(p.deadline.note.as_deref()),
        due_line: due_line(p, today, lang),
        fees,
        no_fee: Para::bold(&fees_short),
        no_fee_boxed: Para::runs(&[(&label(t.fees), true), (&fees_short, true)], 0.0),
        docs,
        place,
        steps: p
            .steps
            .iter()
            .map(|s| levels(|level| Some(level.step(s))))
            .collect(),
        headings: [caps(t.documents), caps(t.where_when), caps(t.steps)],
        headings_cont: [cont(t.documents), cont(t.where_when), cont(t.steps)],
        more: Para::bold(t.continued_next),
        abridged: Para::plain(t.abridged),
        contact,
        contact_line,
        cuts,
    }
}

/// The handout's expected-date line both ways it prints (see
/// `posters/handout.html`): the label, then the blank or the filled date.
fn due_line(p: &Procedure, today: Date, lang: Lang) -> Vec<Para> {
    use crate::calendar::due::{Measure, Rule};
    let Some(rule) = Rule::of(&p.deadline).filter(|_| p.status(today) == Status::Current) else {
        return Vec::new();
    };
    let t = super::i18n::strings(lang);
    let label = format!("{}: ", t.due_handout);
    // The widest date due.js writes: the longest weekday, every digit.
    let filled = match (rule.measure, lang) {
        (Measure::Hours(_), Lang::Vi) => {
            "lúc 00:00, Chủ nhật, 00/00/0000 (nộp lúc 00:00 ngày 00/00/0000)"
        }
        (_, Lang::Vi) => "Chủ nhật, 00/00/0000 (nộp ngày 00/00/0000)",
        (Measure::Hours(_), Lang::En) => {
            "at 00:00, Wednesday, 00/00/0000 (handed in at 00:00 on 00/00/0000)"
        }
        (_, Lang::En) => "Wednesday, 00/00/0000 (handed in on 00/00/0000)",
    };
    [t.due_blank, filled]
        .iter()
        .map(|value| Para::runs(&[(&label, true), (value, false)], 0.0))
        .collect()
}

/// A text as each level of [`Notes`] prints it (`None`: not at all), set
/// once per different text.
fn levels<'a>(text: impl Fn(Notes) -> Option<std::borrow::Cow<'a, str>>) -> [Para; LEVELS] {
    let mut out: [Para; LEVELS] = Default::default();
    let mut last = None;
    for (i, level) in Notes::ALL.into_iter().enumerate() {
        let this = text(level);
        out[i] = match (i.checked_sub(1), &this) {
            (Some(j), Some(t)) if last.as_ref() == Some(t) => out[j].clone(),
            (_, Some(t)) => Para::plain(t),
            (_, None) => Para::default(),
        };
        last = this;
    }
    out
}

/// The footers' texts (see `posters/_contact.html` and the handout's
/// footer): the office, and where to send feedback; the handout's line.
/// Phone numbers are set in bold with their labels (wider: the safe side).
fn contact_lines(site: &Site, lang: Lang) -> ((Vec<Para>, Vec<Para>), Para) {
    let o = &site.config.office;
    let t = super::i18n::strings(lang);
    let unit = o.unit.as_deref().unwrap_or(&o.name);
    let mut left = vec![Para::bold(unit)];
    left.extend(
        o.phone
            .as_ref()
            .map(|x| Para::bold(&format!("{}: {x}", t.phone))),
    );
    left.extend(
        o.email
            .as_ref()
            .map(|x| Para::plain(&format!("{}: {x}", t.email))),
    );
    let f = &o.feedback;
    let mut right = Vec::new();
    let labelled = [(t.phone, &f.phone), (t.hotline, &f.hotline)]
        .into_iter()
        .filter_map(|(label, x)| x.as_ref().map(|x| format!("{label}: {x}")))
        .collect::<Vec<_>>();
    if f.address.is_some() || f.phone.is_some() || f.email.is_some() || f.hotline.is_some() {
        let label = format!("{}: ", t.feedback);
        let address = f.address.as_deref().unwrap_or("");
        right.push(Para::runs(&[(&label, true), (address, false)], 0.0));
        if !labelled.is_empty() {
            right.push(Para::bold(&labelled.join(" · ")));
        }
        right.extend(
            f.email
                .as_ref()
                .map(|x| Para::plain(&format!("{}: {x}", t.email))),
        );
    }
    let phones = [&f.phone, &f.hotline].into_iter().flatten();
    let phones = phones.map(String::as_str).collect::<Vec<_>>().join(", ");
    let (unit, feedback) = (format!("{unit}: "), format!(" · {}: ", t.feedback));
    let line = [
        (unit.as_str(), false),
        (o.phone.as_deref().unwrap_or(""), true),
        (&feedback, false),
        (&phones, true),
    ];
    ((left, right), Para::runs(&line, 0.0))
}

// ---------------------------------------------------------------------------
// The height estimate and the plan

/// A piece of the body that is never split across sheets or columns
/// (`break-inside: avoid`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Doc(usize),
    Place,
    Step(usize),
    Facts,
    /// "Continued on the next sheet", under the last item of a sheet.
    More,
}

impl Unit {
    /// The section it belongs to, which opens with a heading (the index in
    /// [`Measure::headings`]).
    fn section(self) -> Option<usize> {
        match self {
            Unit::Doc(_) => Some(0),
            Unit::Place => Some(1),
            Unit::Step(_) => Some(2),
            Unit::Facts | Unit::More => None,
        }
    }

    /// Whether it is its section's first item (a heading on a later sheet
    /// says "(tiếp theo)" otherwise).
    fn first(self) -> bool {
        matches!(self, Unit::Doc(0) | Unit::Step(0) | Unit::Place)
    }
}

/// A unit's height in mm, and the margins around it (collapsed with its
/// neighbours', dropped at the top and bottom of a column).
#[derive(Debug, Clone, Copy)]
struct Block {
    unit: Unit,
    h: f32,
    above: f32,
    below: f32,
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
    /// How the fees' and the deadline's notes print ([`Kind::facts_notes`]).
    pub facts_notes: Notes,
    /// Some text is cut: the sheet says where the full text is.
    pub abridged: bool,
    sheets: Vec<SheetPlan>,
    /// Estimated height of each sheet in mm, for tests and the warning.
    pub heights: Vec<f32>,
}

impl Plan {
    pub fn pages(&self) -> usize {
        self.sheets.len()
    }
}

/// How much of the steps and of the documents' notes a sheet prints: the
/// poster shows the steps in short, and when space runs out the notes too
/// (first sentence, or cut at a word, with "…"), at last none. The full
/// text is one QR scan away, and the sheet says so. The notes of fees and
/// of the deadline carry who is exempt and when the deadline stretches: a
/// poster prints them whole, a handout never shorter than [`Notes::Short`]
/// ([`Kind::facts_notes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notes {
    /// Steps up to 150 characters, notes in full.
    Full,
    /// Steps and notes up to 110 characters: long text loses its tail first.
    Long,
    /// Steps up to 80 characters, notes up to 70.
    Short,
    /// Steps up to 60 characters, notes up to 45.
    Brief,
    /// Steps up to 60 characters, no notes.
    Bare,
}

const LEVELS: usize = 5;

impl Notes {
    const ALL: [Notes; LEVELS] = [
        Notes::Full,
        Notes::Long,
        Notes::Short,
        Notes::Brief,
        Notes::Bare,
    ];

    /// The longest step and note printed, in characters (0: none).
    fn limits(self) -> (usize, usize) {
        match self {
            Notes::Full => (150, usize::MAX),
            Notes::Long => (110, 110),
            Notes::Short => (80, 70),
            Notes::Brief => (60, 45),
            Notes::Bare => (60, 0),
        }
    }

    fn step(self, text: &str) -> std::borrow::Cow<'_, str> {
        format::abridge(text, self.limits().0)
    }

    fn note(self, text: &str) -> Option<std::borrow::Cow<'_, str>> {
        let max = self.limits().1;
        (max > 0).then(|| format::abridge(text, max))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Poster,
    Handout,
}

impl Kind {
    /// How a sheet at `notes` prints the fees' and the deadline's notes: a
    /// poster, the posting itself, whole (it takes a second sheet rather
    /// than cut who is exempt); a handout, whose facts table cannot break
    /// across A5 sheets, cut no shorter than [`Notes::Short`], never left
    /// out, and marked as cut.
    fn facts_notes(self, notes: Notes) -> Notes {
        match self {
            Kind::Poster => Notes::Full,
            Kind::Handout if notes as usize > Notes::Short as usize => Notes::Short,
            Kind::Handout => notes,
        }
    }
}

/// The heights in mm of what a sheet prints at one scale, following the
/// boxes, margins and line heights of `poster.css`.
struct Heights {
    /// Header, the alert of an upcoming procedure, the poster's facts table.
    top: f32,
    /// The header of a later sheet (title with "(tiếp theo)").
    top_cont: f32,
    /// The note on abridged text (when there is some) and the footer.
    footer: f32,
    /// The body, in order.
    blocks: Vec<Block>,
    /// A section heading (`h2`), and the same with "(tiếp theo)".
    heading: [f32; 3],
    heading_cont: [f32; 3],
    /// "Continued on the next sheet".
    more: f32,
}

fn heights(m: &Measure, s: &Scale, g: &Geometry, kind: Kind, notes: Notes) -> Heights {
    let w = g.w;
    let col = if s.cols == 2 { (w - 6.0) / 2.0 } else { w };
    let body = |p: &Para, width: f32| p.h(width, s.body, 1.3);
    let note = |p: &Para, width: f32| p.h(width, s.note, 1.25);
    // Header (.head): office, (handout label), title, ids, the QR caption
    // beside the QR code; a rule under them (padding, border, margin).
    let rule = 2.0 + 0.8 + 3.0;
    let tw = w - g.qr - 5.0;
    let mut text = m.office.h(tw, 11.0, 1.25) + 1.0;
    if kind == Kind::Handout {
        text += m.kind.h(tw, s.h2, 1.2) + 1.0;
    }
    text += m.title.h(tw, s.title, 1.15) + 2.0;
    text += body(&m.ids, tw) + 1.0;
    text += m.scan.h(tw, s.note, 1.3);
    let mut top = text.max(g.qr) + rule;
    if let Some(alert) = &m.alert {
        top += body(alert, w - 7.6) + 3.0 + 1.6 + 3.0;
    }
    let top_cont =
        m.office.h(w, 11.0, 1.25) + 1.0 + m.title_cont.h(w, s.h2 * 1.3, 1.15) + 1.0 + rule;
    let kept = kind.facts_notes(notes) as usize;
    let deadline_note = &m.deadline_note[kept];
    // Fees: a list (the line, then the note at note size on lines as tall
    // as the body's), or one bold line.
    let fees = |width: f32| -> f32 {
        let each = m.fees.iter().map(|(line, fee_note)| {
            let fee_note = &fee_note[kept];
            body(line, width) + fee_note.lines(width, s.note) * s.body * 1.3 * MM_PER_PT
        });
        each.sum::<f32>() + m.fees.len().saturating_sub(1) as f32 * 1.0
    };
    // Facts table (`_facts.html`): a label column 42 mm wide (32 % on A5),
    // cells padded 1.5 mm × 2.5 mm, rules of 0.3 mm, a 0.6 mm frame.
    let table = || {
        let label = if kind == Kind::Handout {
            w * 0.32
        } else {
            42.0
        };
        let (lw, vw) = (label - 5.0 - 0.6, w - label - 5.0 - 0.9);
        let row = |i: usize, value: f32| value.max(body(&m.labels[i], lw)) + 3.0 + 0.3;
        let deadline = m.deadline.h(vw, s.body * 1.15, 1.3) + note(deadline_note, vw);
        let fees = if m.fees.is_empty() {
            body(&m.no_fee, vw)
        } else {
            fees(vw)
        };
        row(0, body(&m.result, vw)) + row(1, deadline) + row(2, fees) + 0.6
    };
    // Facts box (`_facts_box.html`, two columns): padded 2 mm × 3 mm in a
    // 0.6 mm frame, paragraphs 1 mm apart; the deadline in larger type on
    // one line, after its label if there is room.
    let boxed = || {
        let bw = col - 6.0 - 1.2;
        let big = s.body * 1.15;
        let deadline = if m.deadline_label.w(s.body) + m.deadline.w(big) <= bw {
            big * 1.3 * MM_PER_PT
        } else {
            body(&m.deadline_label, bw) + big * 1.3 * MM_PER_PT
        };
        let mut h = body(&m.result_boxed, bw) + 1.0 + deadline + 1.0;
        if !deadline_note.is_empty() {
            h += note(deadline_note, bw) + 1.0;
        }
        h += if m.fees.is_empty() {
            body(&m.no_fee_boxed, bw) + 1.0
        } else {
            body(&m.labels[2], bw) + 1.0 + fees(bw)
        };
        h + 4.0 + 1.2
    };
    // The facts: a table under the header (one column), or a box opening
    // the body's flow (two columns).
    let mut blocks = Vec::new();
    if s.cols == 1 {
        top += table() + 3.0;
    } else {
        blocks.push(Block {
            unit: Unit::Facts,
            h: boxed(),
            above: 0.0,
            below: 3.0,
        });
    }
    // Documents (a checklist indented 8 mm, 2 mm apart), where and when
    // (paragraphs 1 mm apart), the poster's steps (indented 8 mm, 1.2 mm
    // apart). A section's heading has 3 mm above.
    let indent = col - 8.0;
    for (i, d) in m.docs.iter().enumerate() {
        let doc_note = &d.note[notes as usize];
        blocks.push(Block {
            unit: Unit::Doc(i),
            h: body(&d.name, indent) + note(&d.quantity, indent) + note(doc_note, indent),
            above: if i == 0 { 3.0 } else { 0.0 },
            below: 2.0,
        });
    }
    let place = m.place.iter().map(|(p, size)| match size {
        Size::Body => body(p, col) + 1.0,
        Size::Url => p.h(col, s.note, 1.3) + 1.0,
        Size::Note => note(p, col) + 1.0,
    });
    blocks.push(Block {
        unit: Unit::Place,
        h: (place.sum::<f32>() - 1.0).max(0.0),
        above: 3.0,
        below: 1.0,
    });
    if kind == Kind::Poster {
        for (i, step) in m.steps.iter().enumerate() {
            blocks.push(Block {
                unit: Unit::Step(i),
                h: body(&step[notes as usize], indent),
                above: if i == 0 { 3.0 } else { 0.0 },
                below: 1.2,
            });
        }
    }
    // Headings: capitals, a 0.6 mm rule 0.8 mm under them, 1.5 mm margin.
    let heading = |p: &Para| p.h(col, s.h2, 1.2) + 0.8 + 0.6 + 1.5;
    // Footer: the note on abridged text (2 mm above), then 4 mm, a 0.8 mm
    // rule, 3 mm, and the office and the feedback address side by side
    // (8 mm apart, lines 0.5 mm apart); the handout's is one line.
    let mut footer = 4.0 + 0.8 + 3.0;
    if m.abridged_at(kind, notes) {
        footer += 2.0 + note(&m.abridged, w);
    }
    let half = (w - 8.0) / 2.0;
    let lines = |v: &[Para]| -> f32 { v.iter().map(|p| note(p, half) + 0.5).sum() };
    let contact = match kind {
        Kind::Poster => lines(&m.contact.0).max(lines(&m.contact.1)),
        // The handout's line to write the expected date on, over its own.
        Kind::Handout => {
            let due = m
                .due_line
                .iter()
                .map(|p| note(p, w) + 0.5)
                .fold(0.0, f32::max);
            note(&m.contact_line, w) + 0.5 + due
        }
    };
    footer += contact;
    Heights {
        top,
        top_cont,
        footer,
        blocks,
        heading: m.headings.each_ref().map(heading),
        heading_cont: m.headings_cont.each_ref().map(heading),
        more: body(&m.more, col),
    }
}

/// Height of the body of a sheet carrying `blocks` in `cols` columns. Each
/// section opens with its heading ("(tiếp theo)" when it began on an
/// earlier sheet); margins between blocks collapse and are dropped at the
/// top of a column. Two columns are balanced as Chromium does: it starts
/// from half the height of one column (margins at the break included) and
/// grows it until both columns hold their blocks whole.
fn body_h(h: &Heights, blocks: &[Block], cols: u8) -> f32 {
    // Each block with its heading, and the margin before it.
    let mut items: Vec<(f32, f32)> = Vec::with_capacity(blocks.len());
    let mut section = None;
    for (i, b) in blocks.iter().enumerate() {
        let head = match b.unit.section() {
            Some(s) if section != Some(s) => {
                if b.unit.first() {
                    h.heading[s]
                } else {
                    h.heading_cont[s]
                }
            }
            _ => 0.0,
        };
        section = b.unit.section();
        // The first section's heading has no margin above
        // (`.body>section:first-child h2`); "continued" keeps its own.
        let gap = match i.checked_sub(1) {
            Some(j) => blocks[j].below.max(b.above),
            None if b.unit == Unit::More => b.above,
            None => 0.0,
        };
        items.push((b.h + head, gap));
    }
    // run(a, b): the height of items a..b in one column; a column after
    // a break drops the margin above its first item.
    let mut prefix = vec![0.0];
    for &(h, gap) in &items {
        prefix.push(prefix[prefix.len() - 1] + h + gap);
    }
    let run = |a: usize, b: usize| match a {
        _ if a == b => 0.0,
        0 => prefix[b],
        _ => prefix[b] - prefix[a] - items[a].1,
    };
    let n = items.len();
    // One column keeps the last block's margin.
    let one = run(0, n) + blocks.last().map_or(0.0, |b| b.below);
    if cols == 1 {
        return one;
    }
    // Chromium starts from half the height of one column and grows it
    // until the content fits: the lowest height that holds both columns,
    // or that half if it is higher (margins dropped at the break).
    let lowest = (0..=n)
        .map(|k| run(0, k).max(run(k, n)))
        .fold(f32::INFINITY, f32::min);
    lowest.max(one / 2.0)
}

fn plan(m: &Measure, scales: &[Scale], g: &Geometry, kind: Kind) -> Plan {
    let budget = g.h * FILL;
    // Every scale with the text in full, then the densest abridged: smaller
    // type first, shorter text last.
    let last = scales.len() - 1;
    let ladder: Vec<(usize, Notes)> = (0..=last)
        .map(|d| (d, Notes::Full))
        .chain([
            (last.saturating_sub(1), Notes::Long),
            (last, Notes::Long),
            (last.saturating_sub(1), Notes::Short),
            (last, Notes::Short),
            (last, Notes::Brief),
            (last, Notes::Bare),
        ])
        .collect();
    let layout = |(density, notes): (usize, Notes)| {
        let s = fit_title(m, scales[density], g);
        (s, heights(m, &s, g, kind, notes))
    };
    let plan = |(density, notes), scale, sheets, heights| Plan {
        scale,
        density,
        notes,
        facts_notes: kind.facts_notes(notes),
        abridged: m.abridged_at(kind, notes),
        sheets,
        heights,
    };
    // The first layout that fits one sheet.
    let mut tried = Vec::with_capacity(ladder.len());
    for &step in &ladder {
        let (s, h) = layout(step);
        let total = h.top + body_h(&h, &h.blocks, s.cols) + h.footer;
        if total <= budget {
            let units = h.blocks.iter().map(|b| b.unit).collect();
            return plan(step, s, vec![SheetPlan { units }], vec![total]);
        }
        tried.push((step, s, h));
    }
    // None does: the first of those that need the fewest sheets, split at
    // item boundaries; one whose first sheet cannot even hold the header,
    // facts and footer only if all are like that.
    let mut best: Option<((bool, usize, bool), Plan)> = None;
    for (step, s, h) in tried {
        let (sheets, heights) = split(&h, &s, budget);
        // Of as many sheets, one whose first sheet holds more than its
        // header (the facts too tall for it beside the header) is better.
        let bare = sheets.first().is_some_and(|s| s.units.is_empty());
        let rank = (heights.iter().any(|&h| h > budget), sheets.len(), bare);
        if best.as_ref().is_none_or(|(best, _)| rank < *best) {
            best = Some((rank, plan(step, s, sheets, heights)));
        }
    }
    best.expect("a ladder of layouts").1
}

/// `s` with a smaller title, 2 pt at a time down to 1.25 × the body size,
/// while the title would take more than four lines.
fn fit_title(m: &Measure, mut s: Scale, g: &Geometry) -> Scale {
    let (width, min) = (g.w - g.qr - 5.0, s.body * 1.25);
    while s.title - 2.0 >= min && m.title.lines(width, s.title) > 4.0 {
        s.title -= 2.0;
    }
    s
}

/// The sheets of a body too long for one, and their estimated heights: each
/// takes blocks while they fit under `budget` with "continued on the next
/// sheet" under them.
fn split(h: &Heights, s: &Scale, budget: f32) -> (Vec<SheetPlan>, Vec<f32>) {
    let more = Block {
        unit: Unit::More,
        h: h.more,
        above: 2.0,
        below: 0.0,
    };
    let (mut sheets, mut heights) = (Vec::new(), Vec::new());
    let mut rest: &[Block] = &h.blocks;
    let mut blocks = Vec::with_capacity(rest.len() + 1);
    loop {
        let first = sheets.is_empty();
        let fixed = if first { h.top + h.footer } else { h.top_cont };
        let mut height = |k: usize| {
            blocks.clear();
            blocks.extend_from_slice(&rest[..k]);
            if k < rest.len() {
                blocks.push(more);
            }
            fixed + body_h(h, &blocks, s.cols)
        };
        let mut take = 0;
        while take < rest.len() && height(take + 1) <= budget {
            take += 1;
        }
        // A block taller than a whole sheet still has to go somewhere.
        if take == 0 && !first {
            take = 1;
        }
        heights.push(height(take));
        sheets.push(SheetPlan {
            units: rest[..take].iter().map(|b| b.unit).collect(),
        });
        rest = &rest[take..];
        if rest.is_empty() {
            return (sheets, heights);
        }
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

/// What the clerk should know about the posters beyond each procedure's
/// (a poster that needs a second sheet is found while it is rendered, see
/// [`too_long`]): field catalogues longer than one A3 sheet, and a site
/// without a feedback address (the posting rules ask for one on every
/// poster; the posters are still made, without that block).
pub fn site_warnings(site: &Site, today: Date, lang: Lang) -> Vec<Diagnostic> {
    let listed: Vec<&Procedure> = site
        .procedures
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| p.status(today) != Status::Repealed)
        .collect();
    let mut out = Vec::new();
    for f in &site.fields {
        let count = listed.iter().filter(|p| p.field == f.slug).count();
        let rows = catalogue_rows(&listed, f, today, lang);
        let (_, pages) = catalogue_scale(&rows, site);
        if pages > 1 {
            let name = &f.name;
            out.push(
                Diagnostic::warning(
                    Rule::PosterFieldLong,
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
                Rule::PosterNoFeedback,
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
fn staff_board_h(site: &Site, fields: &Fields, pt: f32, lang: Lang) -> f32 {
    let o = &site.config.office;
    let t = super::i18n::strings(lang);
    let cell = |chars: usize, w: f32, em: f32| text_h(chars, w - 5.0, pt, 1.25, em);
    // Columns: name 48 mm, position 62 mm, phone 36 mm, fields the rest (44 mm).
    let rows: f32 = o
        .staff
        .iter()
        .map(|s| {
            let fields: usize = s.fields.iter().map(|f| n(fields.name(f)) + 2).sum();
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
        + line(n(t.feedback_text))
        + f.address.as_deref().map_or(0.0, |a| line(n(a) + 10))
        + line(30) * 3.0;
    let header = 6.0 + text_h(n(t.staff_board), A4.w, 30.0, 1.15, BOLD_EM) + 12.0;
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
    /// The facts' notes, maybe abridged (empty without the facts).
    deadline_note: Option<std::borrow::Cow<'a, str>>,
    fees: Vec<PosterFee<'a>>,
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

fn sheet_views<'a>(plan: &Plan, v: &'a ProcedureView) -> Vec<SheetView<'a>> {
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
            // The facts head the first sheet (a box in the flow with two
            // columns).
            let facts = match plan.scale.cols {
                1 => i == 0,
                _ => sp.units.contains(&Unit::Facts),
            };
            let note = |x: &'a Option<String>| x.as_deref().and_then(|x| plan.notes.note(x));
            let kept = |x: &'a Option<String>| x.as_deref().and_then(|x| plan.facts_notes.note(x));
            SheetView {
                number: i + 1,
                density: plan.density,
                style: plan.scale.style(),
                cols: plan.scale.cols,
                facts,
                deadline_note: kept(&v.deadline_note).filter(|_| facts),
                fees: v
                    .fee_list
                    .iter()
                    .filter(|_| facts)
                    .map(|f| PosterFee {
                        name: &f.name,
                        amount: &f.amount,
                        channel: f.channel,
                        note: kept(&f.note),
                    })
                    .collect(),
                docs: docs
                    .iter()
                    .filter_map(|&d| v.documents.get(d))
                    .map(|doc: &DocumentView| PosterDoc {
                        case_heading: doc.case_heading.as_deref(),
                        name: &doc.name,
                        quantity: &doc.quantity,
                        optional: doc.optional,
                        note: note(&doc.note),
                    })
                    .collect(),
                docs_start: docs.first().map_or(1, |d| d + 1),
                place: sp.units.contains(&Unit::Place),
                steps: steps
                    .iter()
                    .filter_map(|&s| v.steps.get(s))
                    .map(|x| plan.notes.step(x))
                    .collect(),
                abridged: plan.abridged,
                steps_start: steps.first().map_or(1, |s| s + 1),
                more: i + 1 < count,
            }
        })
        .collect()
}

/// A fee as a sheet prints it: its note maybe abridged (see [`Notes`]).
#[derive(Serialize)]
struct PosterFee<'a> {
    name: &'a str,
    amount: &'a str,
    channel: Option<&'static str>,
    note: Option<std::borrow::Cow<'a, str>>,
}

/// A document as a sheet prints it: its note maybe abridged.
#[derive(Serialize)]
struct PosterDoc<'a> {
    case_heading: Option<&'a str>,
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
    let (today, lang) = (r.opts.today, r.site.config.language);
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
    let mut errors = once_each(errors);
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
            .find(|&pt| staff_board_h(site, &r.fields, pt, lang) <= A4.h * SAFETY)
            .unwrap_or(11.0);
        ctx.insert("style", &format!("--b:{pt}pt;--t:30pt;--h2:{}pt", pt + 1.0));
        let home = urls::absolute(&site.config.base_url, urls::HOME);
        ctx.insert("qr", &qr::svg(&home, t.scan_qr_site).unwrap_or_default());
        let staff = fragment(r, "posters/staff.html", &ctx).and_then(|html| {
            page(
                r,
                STAFF_BOARD,
                t.staff_board,
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
            title: t.posters,
            path: urls::POSTERS,
            description: "",
            kind: "posters",
        },
    );
    let mut html = Vec::new();
    match r.template_to("posters/index.html", &ctx, &mut html) {
        Ok(()) => {
            sink.put(OutputFile {
                path: urls::POSTERS.into(),
                content: Content::Html(r.minified(html)),
            });
            made += 1;
        }
        Err(e) => errors.push(*e),
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
    match once_each(errors) {
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
    let (site, today, lang) = (r.site, r.opts.today, r.site.config.language);
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
    ctx.insert("qr", &qr::svg(&url, t.scan_qr_field).unwrap_or_default());
    let catalogue = fragment(r, "posters/field.html", &ctx)?;
    let back = urls::field(f);
    let mut made = 2 * posters.len() * usize::from(pages.is_some());
    if !matches!(part, FieldPart::PrintAll) {
        sink.put(page(
            r,
            &field_catalogue(&f.slug),
            &format!("{}: {}", t.field_catalogue, f.name),
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
            &format!("{}: {}", t.print_all_field, f.name),
            "all",
            &back,
            std::iter::once(catalogue.as_str()).chain(posters.iter().map(String::as_str)),
        )?);
        made += 1;
    }
    Ok(made)
}

/// The warning for a poster that needs `pages` sheets.
fn too_long(p: &Procedure, pages: usize) -> Diagnostic {
    let title = &p.title;
    Diagnostic::warning(
        Rule::PosterTooLong,
        p.source.clone(),
        t!(
            "áp phích của thủ tục «{title}» không vừa một trang A4 kể cả ở cỡ chữ nhỏ nhất (11 pt) và khi đã rút gọn các ghi chú: in thành {pages} trang, trang sau nhắc lại tên thủ tục kèm “(tiếp theo)”",
            "the poster of «{title}» does not fit one A4 page even at the smallest type (11 pt) with the notes shortened: it prints on {pages} pages, the later ones repeat the title with “(tiếp theo)”"
        ),
    )
    .hint(t!(
        "viết tên giấy tờ và các bước thực hiện ngắn gọn hơn (nội dung đầy đủ vẫn có trên trang web, qua mã QR), hoặc in các trang và dán cạnh nhau",
        "write shorter document names and steps (the full text stays on the website, behind the QR code), or print the pages and post them side by side"
    ))
}

/// A procedure's poster sheets (for its field's "print all" page), and its
/// poster and handout pages into `pages` when given.
fn procedure_posters(
    r: &Renderer,
    p: &Procedure,
    pages: Option<&dyn Sink>,
) -> Result<String, Box<Diagnostic>> {
    let (site, today, lang) = (r.site, r.opts.today, r.site.config.language);
    let t = super::i18n::strings(lang);
    let field_name = r.fields.name(&p.field);
    let v = view::procedure_view(&view::ProcedureInput {
        procedure: p,
        fields: &r.fields,
        site,
        today,
        lang,
    });
    let m = measure(p, site, field_name, today, lang);
    let poster = plan(&m, &POSTER_SCALES, &A4, Kind::Poster);
    let qr_svg = qr::svg(&v.absolute_url, t.qr_label).unwrap_or_default();
    let mut ctx = Context::new();
    ctx.insert("p", &v);
    // The code goes in after the sheets are minified (see `with_qr`).
    ctx.insert("qr", QR_MARK);
    ctx.insert("updated", &v.updated);
    ctx.insert("kind_label", "");
    // The wall poster stays up for months: no date on it.
    ctx.insert("due", "");
    ctx.insert("sheets", &sheet_views(&poster, &v));
    let poster_html = with_qr(fragment(r, "posters/procedure.html", &ctx)?, &qr_svg);
    let Some(sink) = pages else {
        return Ok(poster_html);
    };
    if poster.pages() > 1 {
        r.warnings
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(too_long(p, poster.pages()));
    }
    let handout = handout_plan(&m);
    ctx.insert("kind_label", t.handout_title);
    ctx.insert(
        "due",
        &v.due.as_ref().map(|d| d.code.as_str()).unwrap_or_default(),
    );
    ctx.insert("sheets", &sheet_views(&handout, &v));
    let handout_html = with_qr(fragment(r, "posters/handout.html", &ctx)?, &qr_svg);
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
        &format!("{}: {}", t.handout_title, p.title),
        "handout",
        &back,
        std::iter::once(handout_html.as_str()),
    )?);
    Ok(poster_html)
}

/// Stands for the QR code in a sheet until [`with_qr`] puts it in.
const QR_MARK: &str = "\u{1}niemyet-qr\u{1}";

/// The sheets with their QR code in place of [`QR_MARK`]. The code's SVG is
/// already as small as it gets, and it was a third of what minify-html read
/// in a poster or handout, so it goes in after minification.
fn with_qr(sheets: String, svg: &str) -> String {
    if sheets.contains(QR_MARK) {
        sheets.replace(QR_MARK, svg)
    } else {
        sheets
    }
}

/// Whether `path` is a field's "print all" page.
pub fn is_print_all(path: &str) -> bool {
    path.starts_with("posters/") && path.ends_with("/in-tat-ca.html")
}

/// The sheets of one poster (no `<html>` around them), minified when the
/// build minifies: made once, they go into the poster's page and its
/// field's "print all" page.
fn fragment(r: &Renderer, template: &str, ctx: &Context) -> Result<String, Box<Diagnostic>> {
    Ok(r.minified_fragment(r.template(template, ctx)?))
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
        content: Content::Html(html.into_bytes()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// About `n` characters of Vietnamese prose.
    fn text(n: usize) -> String {
        const WORDS: &str =
            "Người yêu cầu nộp bản sao giấy tờ chứng minh nơi cư trú cho cơ quan đăng ký hộ tịch";
        let mut s = String::new();
        for w in WORDS.split(' ').cycle() {
            if s.chars().count() + w.chars().count() >= n {
                break;
            }
            s.push_str(w);
            s.push(' ');
        }
        s.trim_end().to_string()
    }

    /// A procedure with `docs` documents whose notes are about `note`
    /// characters long, and `steps` steps of 120.
    fn m(docs: usize, note: usize, steps: usize) -> Measure {
        let notes = |n: usize| {
            let t = text(n);
            levels(|level| (n > 0).then(|| level.note(&t)).flatten())
        };
        let steps_text = text(120);
        Measure {
            office: Para::bold("UBND PHƯỜNG HỒNG LAM"),
            kind: Para::bold("GIẤY HƯỚNG DẪN"),
            title: Para::bold(&text(40)),
            title_cont: Para::bold(&text(52)),
            ids: Para::plain(&text(80)),
            scan: Para::bold(&text(56)),
            alert: None,
            labels: [text(18), text(19), text(11)].map(|t| Para::bold(&t)),
            result: Para::plain(&text(40)),
            result_boxed: Para::plain(&text(60)),
            deadline: Para::bold("03 ngày làm việc"),
            deadline_label: Para::bold("Thời hạn giải quyết: "),
            deadline_note: notes(0),
            due_line: Vec::new(),
            fees: vec![(Para::plain(&text(40)), notes(0))],
            no_fee: Para::bold("Không thu phí"),
            no_fee_boxed: Para::bold("Phí, lệ phí: Không thu phí"),
            docs: (0..docs)
                .map(|_| DocText {
                    name: Para::bold(&text(50)),
                    quantity: Para::plain("01 bản chính"),
                    note: notes(note),
                })
                .collect(),
            place: [80, 14, 40, 30]
                .map(|n| (Para::plain(&text(n)), Size::Body))
                .into(),
            steps: (0..steps)
                .map(|_| levels(|level| Some(level.step(&steps_text))))
                .collect(),
            headings: [21, 34, 18].map(|n| Para::bold(&text(n).to_uppercase())),
            headings_cont: [33, 46, 30].map(|n| Para::bold(&text(n).to_uppercase())),
            more: Para::bold("Xem tiếp ở trang sau."),
            abridged: Para::plain(&text(88)),
            contact: (
                [50, 20, 30].map(|n| Para::plain(&text(n))).into(),
                [70, 40, 30].map(|n| Para::plain(&text(n))).into(),
            ),
            contact_line: Para::plain(&text(100)),
            cuts: Notes::ALL.map(|level| {
                let (step, limit) = level.limits();
                (120 > step, note > limit, false)
            }),
        }
    }

    /// The position of a plan on the ladder of layouts (later = denser).
    fn rung(p: &Plan) -> (usize, usize) {
        (p.notes as usize, p.density)
    }

    #[test]
    fn letters_with_marks_are_as_wide_as_their_base_letter_but_a_horn_widens() {
        assert_eq!(advance('ế', false), advance('e', false));
        assert_eq!(advance('Ậ', true), advance('A', true));
        assert_eq!(advance('ờ', false), advance('ơ', false));
        assert!(advance('ư', true)[0] > advance('u', true)[0]);
        // Noto Sans is the wider font for small letters, Arial for capitals.
        assert!(advance('a', false)[0] > advance('a', false)[1]);
        assert!(advance('S', true)[1] > advance('S', true)[0]);
        // Nothing known: a whole em.
        assert_eq!(advance('中', false), [1.0, 1.0]);
    }

    #[test]
    fn paragraphs_wrap_at_spaces_and_long_words_anywhere() {
        let p = Para::plain("Nộp hồ sơ tại Trung tâm Phục vụ hành chính công");
        let one_line = p.w(12.0);
        assert_eq!(p.lines(one_line + 0.1, 12.0), 1.0);
        assert_eq!(p.lines(one_line - 0.1, 12.0), 2.0);
        assert_eq!(p.lines(one_line / 2.0 - 0.1, 12.0), 3.0);
        // A word longer than the line is broken where the line ends.
        let url = Para::plain("https://dichvucong.gov.vn/p/home/dvc_tthc_thu_tuc_hanh_chinh.html");
        let w = url.w(11.0);
        assert_eq!(url.lines(w / 3.0 + 0.1, 11.0), 3.0);
        // A hyphen before a letter is a place to break too.
        assert_eq!(Para::plain("tư-pháp").words.len(), 2);
        assert_eq!(Para::plain("TT-1").words.len(), 1);
        assert_eq!(Para::plain("").lines(10.0, 11.0), 0.0);
    }

    #[test]
    fn two_columns_balance_as_chromium_does() {
        let h = heights(
            &m(0, 0, 0),
            &POSTER_SCALES[4],
            &A4,
            Kind::Poster,
            Notes::Full,
        );
        let block = |h| Block {
            unit: Unit::More,
            h,
            above: 2.0,
            below: 2.0,
        };
        // Two equal blocks: one in each column, the margin between them
        // dropped; but never under half the single column (its start).
        let two = [block(50.0), block(50.0)];
        assert_eq!(body_h(&h, &two, 2), (2.0 + 50.0 + 2.0 + 50.0 + 2.0) / 2.0);
        assert_eq!(body_h(&h, &two, 1), 2.0 + 50.0 + 2.0 + 50.0 + 2.0);
        // An unbreakable block sets the height.
        let uneven = [block(100.0), block(10.0), block(10.0)];
        assert_eq!(body_h(&h, &uneven, 2), 2.0 + 100.0);
    }

    #[test]
    fn short_procedures_print_large() {
        let p = plan(&m(1, 0, 1), &POSTER_SCALES, &A4, Kind::Poster);
        assert_eq!(
            (p.density, p.notes, p.pages()),
            (0, Notes::Full, 1),
            "{p:?}"
        );
        assert_eq!(p.scale, POSTER_SCALES[0]);
        assert!(!p.abridged);
    }

    #[test]
    fn longer_procedures_get_denser_layouts_never_under_11pt() {
        let mut last = (0, 0);
        for docs in [2, 4, 6, 8, 10, 12] {
            let p = plan(&m(docs, 160, 5), &POSTER_SCALES, &A4, Kind::Poster);
            assert!(rung(&p) >= last, "{docs} documents: {p:?}");
            last = rung(&p);
            assert_eq!(p.pages(), 1, "{docs} documents: {p:?}");
            assert!(p.heights[0] <= A4.h * FILL);
            assert!(p.scale.body >= 11.0 && p.scale.note >= 11.0);
        }
        // The longest came to abridged notes, and says so.
        assert!(last.0 > 0, "{last:?}");
        let p = plan(&m(12, 160, 5), &POSTER_SCALES, &A4, Kind::Poster);
        assert!(p.abridged);
    }

    #[test]
    fn a_long_title_is_set_smaller_not_the_body() {
        let mut long = m(1, 0, 1);
        long.title = Para::bold(&text(250));
        let p = plan(&long, &POSTER_SCALES, &A4, Kind::Poster);
        assert!(p.scale.body >= 14.0, "{p:?}");
        assert!(p.scale.title < POSTER_SCALES[p.density].title);
        // Until it takes four lines, or down to 1.25 × the body size.
        let lines = long.title.lines(A4.w - A4.qr - 5.0, p.scale.title);
        assert!(
            lines <= 4.0 || p.scale.title - 2.0 < p.scale.body * 1.25,
            "{p:?}"
        );
        assert!(p.scale.title >= p.scale.body * 1.25);
    }

    #[test]
    fn too_long_splits_at_items_fills_each_sheet_and_keeps_everything() {
        let long = m(40, 300, 12);
        let p = plan(&long, &POSTER_SCALES, &A4, Kind::Poster);
        assert!(p.pages() >= 2, "{p:?}");
        let all: Vec<Unit> = p.sheets.iter().flat_map(|s| s.units.clone()).collect();
        assert_eq!(all.len(), 1 + 40 + 1 + 12, "no unit lost or repeated");
        if p.scale.cols == 2 {
            assert_eq!(all[0], Unit::Facts);
        }
        assert_eq!(all.last(), Some(&Unit::Step(11)));
        // Every sheet fits; each but the last is full: the next block
        // would not have fitted.
        let h = heights(&long, &p.scale, &A4, Kind::Poster, p.notes);
        let tallest = h.blocks.iter().map(|b| b.h).fold(0.0, f32::max);
        for (i, sheet) in p.heights.iter().enumerate() {
            assert!(*sheet <= A4.h * FILL, "sheet {i}: {sheet}");
            if i + 1 < p.pages() {
                assert!(*sheet >= A4.h * FILL - tallest - 12.0, "sheet {i}: {sheet}");
            }
        }
    }

    #[test]
    fn handouts_put_the_facts_first_and_split_like_posters() {
        let p = plan(&m(2, 0, 3), &HANDOUT_SCALES, &A5, Kind::Handout);
        assert_eq!((p.pages(), p.scale.cols), (1, 1), "{p:?}");
        let facts = |p: &Plan| p.sheets[0].units.contains(&Unit::Facts);
        assert!(!facts(&p), "the table heads the sheet, out of the flow");
        // Longer: two narrow columns, the facts boxed at the top of the first.
        let p = plan(&m(5, 60, 3), &HANDOUT_SCALES, &A5, Kind::Handout);
        assert_eq!((p.pages(), p.scale.cols), (1, 2), "{p:?}");
        assert_eq!(p.sheets[0].units[0], Unit::Facts);
        let p = plan(&m(30, 200, 3), &HANDOUT_SCALES, &A5, Kind::Handout);
        assert!(p.pages() >= 2, "{p:?}");
        assert!(p.heights.iter().all(|&h| h <= A5.h * FILL), "{p:?}");
    }
}
