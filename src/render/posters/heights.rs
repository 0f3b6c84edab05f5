//! The box model: the height in mm of each part of a procedure's sheet at
//! one type scale, following the boxes, margins and line heights of
//! `poster.css` (the numbers are [`super::dims`]').

use super::dims::{body, facts, foot, head, Geometry, Scale, BIG, BODY_LH, COLS2_GAP};
use super::dims::{COLUMN_GAP, MM_PER_PT, NOTE_LH};
use super::measure::{Measure, Size};
use super::notes::{Kind, Notes};
use super::text::Para;

/// A piece of the body that is never split across sheets or columns
/// (`break-inside: avoid`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Unit {
    Doc(usize),
    Place,
    Step(usize),
    /// The facts box (two columns), whole.
    Facts,
    /// The facts box with only its first `n` fees, the rest on the next
    /// sheet ([`Unit::Fees`]): a box too tall for what is left of a sheet
    /// is split between fees, as the documents are.
    FactsHead(usize),
    /// A box continuing the facts box's fees `from..to`.
    Fees(usize, usize),
    /// "Continued on the next sheet", under the last item of a sheet.
    More,
}

impl Unit {
    /// The section it belongs to, which opens with a heading (the index in
    /// [`Measure::headings`]).
    pub(super) fn section(self) -> Option<usize> {
        match self {
            Unit::Doc(_) => Some(0),
            Unit::Place => Some(1),
            Unit::Step(_) => Some(2),
            Unit::Facts | Unit::FactsHead(_) | Unit::Fees(..) | Unit::More => None,
        }
    }

    /// Whether it is its section's first item (a heading on a later sheet
    /// says "(tiếp theo)" otherwise).
    pub(super) fn first(self) -> bool {
        matches!(self, Unit::Doc(0) | Unit::Step(0) | Unit::Place)
    }
}

/// A unit's height in mm, and the margins around it (collapsed with its
/// neighbours', dropped at the top and bottom of a column).
#[derive(Debug, Clone, Copy)]
pub(super) struct Block {
    pub(super) unit: Unit,
    pub(super) h: f32,
    pub(super) above: f32,
    pub(super) below: f32,
}

/// The heights in mm of what a sheet prints at one scale, following the
/// boxes, margins and line heights of `poster.css`.
pub(super) struct Heights {
    /// Header, the alert of an upcoming procedure, the poster's facts table.
    pub(super) top: f32,
    /// The header of a later sheet (title with "(tiếp theo)").
    pub(super) top_cont: f32,
    /// The note on abridged text (when there is some) and the footer.
    pub(super) footer: f32,
    /// The body, in order.
    pub(super) blocks: Vec<Block>,
    /// A section heading (`h2`), and the same with "(tiếp theo)".
    pub(super) heading: [f32; 3],
    pub(super) heading_cont: [f32; 3],
    /// "Continued on the next sheet".
    pub(super) more: f32,
    /// The pieces the facts box splits into between its fees (two
    /// columns, two fees or more).
    pub(super) facts_split: Option<FactsSplit>,
}

/// The heights of the pieces of a facts box split between fees.
#[derive(Debug, Clone)]
pub(super) struct FactsSplit {
    /// The box without its fees (their label included).
    pub(super) head: f32,
    /// Each fee.
    pub(super) fees: Vec<f32>,
    /// A continuing box without its fees: the label, its padding, its frame.
    pub(super) cont: f32,
}

impl FactsSplit {
    fn fees_h(&self, from: usize, to: usize) -> f32 {
        self.fees[from..to].iter().sum::<f32>()
            + to.saturating_sub(from + 1) as f32 * facts::FEE_GAP
    }

    /// The height of the piece `unit` of the box (none for other units).
    pub(super) fn piece(&self, unit: Unit) -> Option<f32> {
        match unit {
            Unit::FactsHead(n) => Some(self.head + self.fees_h(0, n)),
            Unit::Fees(from, to) => Some(self.cont + self.fees_h(from, to)),
            _ => None,
        }
    }

    /// The fees a piece of the box holds: all for the whole box.
    pub(super) fn range(&self, unit: Unit) -> Option<(usize, usize)> {
        match unit {
            Unit::Facts => Some((0, self.fees.len())),
            Unit::FactsHead(n) => Some((0, n)),
            Unit::Fees(from, to) => Some((from, to)),
            _ => None,
        }
    }
}

/// What a sheet at scale `s` and abridging `notes` prints, measured.
pub(super) fn heights(m: &Measure, s: &Scale, g: &Geometry, kind: Kind, notes: Notes) -> Heights {
    let x = Boxes::new(m, s, g, kind, notes);
    let (mut top, top_cont) = x.header();
    // The facts: a table under the header (one column), or a box opening
    // the body's flow (two columns).
    let mut blocks = Vec::new();
    let mut facts_split = None;
    if s.cols == 1 {
        top += x.facts_table() + facts::BELOW;
    } else {
        facts_split = x.facts_split();
        blocks.push(Block {
            unit: Unit::Facts,
            h: x.facts_box(),
            above: 0.0,
            below: facts::BOX_BELOW,
        });
    }
    x.body(&mut blocks);
    Heights {
        top,
        top_cont,
        footer: x.footer(),
        blocks,
        heading: m.headings.each_ref().map(|p| x.heading(p)),
        heading_cont: m.headings_cont.each_ref().map(|p| x.heading(p)),
        more: x.body_text(&m.more, x.col),
        facts_split,
    }
}

/// One sheet's measures while its heights are worked out.
struct Boxes<'a> {
    m: &'a Measure,
    s: &'a Scale,
    g: &'a Geometry,
    kind: Kind,
    notes: Notes,
    /// The width of a column of the body.
    col: f32,
    /// The deadline's note as this sheet prints it ([`Kind::facts_notes`]).
    deadline_note: &'a Para,
}

impl<'a> Boxes<'a> {
    fn new(m: &'a Measure, s: &'a Scale, g: &'a Geometry, kind: Kind, notes: Notes) -> Boxes<'a> {
        let col = if s.cols == 2 {
            (g.w - COLUMN_GAP) / 2.0
        } else {
            g.w
        };
        let deadline_note = &m.deadline_note[kind.facts_notes(notes) as usize];
        Boxes {
            m,
            s,
            g,
            kind,
            notes,
            col,
            deadline_note,
        }
    }

    /// Text at the body's size and line height.
    fn body_text(&self, p: &Para, width: f32) -> f32 {
        p.h(width, self.s.body, BODY_LH)
    }

    /// Text at the notes' size and line height.
    fn note(&self, p: &Para, width: f32) -> f32 {
        p.h(width, self.s.note, NOTE_LH)
    }

    /// The header (`.head`): office, (handout label), title, ids, the QR
    /// caption beside the QR code, a rule under them; then the alert of an
    /// upcoming procedure. And the header of a later sheet (title with
    /// "(tiếp theo)").
    fn header(&self) -> (f32, f32) {
        let (m, s, g, w) = (self.m, self.s, self.g, self.g.w);
        let tw = w - g.qr - head::GAP;
        let mut text = m.office.h(tw, head::OFFICE_PT, head::OFFICE_LH) + head::OFFICE_BELOW;
        if self.kind == Kind::Handout {
            text += m.kind.h(tw, s.h2, head::KIND_LH) + head::KIND_BELOW;
        }
        text += m.title.h(tw, s.title, head::TITLE_LH) + head::TITLE_BELOW;
        text += self.body_text(&m.ids, tw) + head::IDS_BELOW;
        text += m.scan.h(tw, s.note, head::SCAN_LH);
        let mut top = text.max(g.qr) + head::RULE;
        if let Some(alert) = &m.alert {
            top += self.body_text(alert, w - head::ALERT_INSET)
                + head::ALERT_PADDING
                + head::ALERT_BORDER
                + head::ALERT_BELOW;
        }
        let top_cont = m.office.h(w, head::OFFICE_PT, head::OFFICE_LH)
            + head::OFFICE_BELOW
            + m.title_cont.h(w, s.h2 * head::CONT_TITLE, head::TITLE_LH)
            + head::CONT_TITLE_BELOW
            + head::RULE;
        (top, top_cont)
    }

    /// The fees `width` mm wide: a list (the line, then the note at note
    /// size on lines as tall as the body's).
    fn fees(&self, width: f32) -> f32 {
        self.each_fee(width).iter().sum::<f32>()
            + self.m.fees.len().saturating_sub(1) as f32 * facts::FEE_GAP
    }

    /// Each fee `width` mm wide.
    fn each_fee(&self, width: f32) -> Vec<f32> {
        let (m, s) = (self.m, self.s);
        let kept = self.kind.facts_notes(self.notes) as usize;
        let each = m.fees.iter().map(|(line, fee_note)| {
            let fee_note = &fee_note[kept];
            self.body_text(line, width)
                + fee_note.lines(width, s.note) * s.body * BODY_LH * MM_PER_PT
        });
        each.collect()
    }

    /// The facts box's pieces when split between fees (two fees or more).
    fn facts_split(&self) -> Option<FactsSplit> {
        if self.m.fees.len() < 2 {
            return None;
        }
        let bw = self.col - facts::BOX_PAD_X - facts::BOX_BORDERS;
        let fees = self.each_fee(bw);
        let whole = self.facts_box();
        let chrome = facts::BOX_PAD_Y + facts::BOX_BORDERS;
        let label = self.body_text(&self.m.labels[2], bw) + facts::BOX_P_BELOW;
        let head = whole - self.fees(bw);
        Some(FactsSplit {
            head,
            fees,
            cont: chrome + label,
        })
    }

    /// The facts table (`_facts.html`): a label column, padded cells, rules
    /// between the rows, a frame.
    fn facts_table(&self) -> f32 {
        let (m, s, w) = (self.m, self.s, self.g.w);
        let label = if self.kind == Kind::Handout {
            w * facts::LABEL_W_A5
        } else {
            facts::LABEL_W
        };
        let (lw, vw) = (
            label - facts::CELL_PAD_X - facts::LABEL_RULES,
            w - label - facts::CELL_PAD_X - facts::VALUE_RULES,
        );
        let row = |i: usize, value: f32| {
            value.max(self.body_text(&m.labels[i], lw)) + facts::CELL_PAD_Y + facts::CELL_RULE
        };
        let deadline = m.deadline.h(vw, s.body * BIG, BODY_LH) + self.note(self.deadline_note, vw);
        let fees = if m.fees.is_empty() {
            self.body_text(&m.no_fee, vw)
        } else {
            self.fees(vw)
        };
        row(0, self.body_text(&m.result, vw)) + row(1, deadline) + row(2, fees) + facts::FRAME
    }

    /// The facts box (`_facts_box.html`, two columns): padded in a frame,
    /// paragraphs apart; the deadline in larger type on one line, after its
    /// label if there is room.
    fn facts_box(&self) -> f32 {
        let (m, s) = (self.m, self.s);
        let bw = self.col - facts::BOX_PAD_X - facts::BOX_BORDERS;
        let big = s.body * BIG;
        let deadline = if m.deadline_label.w(s.body) + m.deadline.w(big) <= bw {
            big * BODY_LH * MM_PER_PT
        } else {
            self.body_text(&m.deadline_label, bw) + big * BODY_LH * MM_PER_PT
        };
        let mut h = self.body_text(&m.result_boxed, bw)
            + facts::BOX_P_BELOW
            + deadline
            + facts::BOX_P_BELOW;
        if !self.deadline_note.is_empty() {
            h += self.note(self.deadline_note, bw) + facts::BOX_P_BELOW;
        }
        h += if m.fees.is_empty() {
            self.body_text(&m.no_fee_boxed, bw) + facts::BOX_P_BELOW
        } else {
            self.body_text(&m.labels[2], bw) + facts::BOX_P_BELOW + self.fees(bw)
        };
        h + facts::BOX_PAD_Y + facts::BOX_BORDERS
    }

    /// The body's blocks after the facts: documents (a checklist), where
    /// and when (paragraphs), the poster's steps; each section's first
    /// block has the heading's margin above.
    fn body(&self, blocks: &mut Vec<Block>) {
        let (m, s, col) = (self.m, self.s, self.col);
        let notes = self.notes as usize;
        let indent = col - body::INDENT;
        let first = |i: usize| if i == 0 { body::SECTION_ABOVE } else { 0.0 };
        for (i, d) in m.docs.iter().enumerate() {
            let h = self.body_text(&d.name, indent)
                + self.note(&d.quantity, indent)
                + self.note(&d.note[notes], indent);
            blocks.push(Block {
                unit: Unit::Doc(i),
                h,
                above: first(i),
                below: body::DOC_BELOW,
            });
        }
        let place = m.place.iter().map(|(p, size)| match size {
            Size::Body => self.body_text(p, col) + body::PLACE_P_BELOW,
            Size::Url => p.h(col, s.note, BODY_LH) + body::PLACE_P_BELOW,
            Size::Note => self.note(p, col) + body::PLACE_P_BELOW,
        });
        blocks.push(Block {
            unit: Unit::Place,
            h: (place.sum::<f32>() - body::PLACE_P_BELOW).max(0.0),
            above: body::SECTION_ABOVE,
            below: body::PLACE_P_BELOW,
        });
        if self.kind == Kind::Poster {
            for (i, step) in m.steps.iter().enumerate() {
                blocks.push(Block {
                    unit: Unit::Step(i),
                    h: self.body_text(&step[notes], indent),
                    above: first(i),
                    below: body::STEP_BELOW,
                });
            }
        }
    }

    /// A section heading: capitals, a rule under them, a margin.
    fn heading(&self, p: &Para) -> f32 {
        p.h(self.col, self.s.h2, body::H2_LH) + body::H2_PAD + body::H2_RULE + body::H2_BELOW
    }

    /// The footer: the note on abridged text, then a rule and the office
    /// and the feedback address side by side; the handout's is one line,
    /// under its line to write the expected date on.
    fn footer(&self) -> f32 {
        let (m, w) = (self.m, self.g.w);
        let mut footer = foot::ABOVE + foot::RULE + foot::PAD;
        if m.abridged_at(self.kind, self.notes) {
            footer += foot::ABRIDGED_ABOVE + self.note(&m.abridged, w);
        }
        let half = (w - COLS2_GAP) / 2.0;
        let lines =
            |v: &[Para]| -> f32 { v.iter().map(|p| self.note(p, half) + foot::P_BELOW).sum() };
        let contact = match self.kind {
            Kind::Poster => lines(&m.contact.0).max(lines(&m.contact.1)),
            Kind::Handout => {
                let due = m
                    .due_line
                    .iter()
                    .map(|p| self.note(p, w) + foot::P_BELOW)
                    .fold(0.0, f32::max);
                self.note(&m.contact_line, w) + foot::P_BELOW + due
            }
        };
        footer += contact;
        footer
    }
}
