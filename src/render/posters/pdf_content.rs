//! What a procedure's PDF poster prints, as blocks of lines for
//! [`crate::render::pdf::flow`]: the facts box, the documents, where and
//! when, the steps; the same texts as the HTML poster's templates
//! (`_facts_box.html`, `_docs.html`, `_place.html`, `procedure.html`).

use super::dims::Scale;
use super::notes::{Kind, Notes};
use crate::model::Office;
use crate::render::i18n::Strings;
use crate::render::pdf::flow::{Block, Mark};
use crate::render::pdf::mm;
use crate::render::pdf::text::Run;
use crate::render::view::ProcedureView;

/// Line heights (× the size): body text, notes, headings.
pub(super) const BODY_LH: f32 = 1.3;
pub(super) const NOTE_LH: f32 = 1.25;
pub(super) const H2_LH: f32 = 1.2;
/// The deadline is set this much larger than the body.
const BIG: f32 = 1.15;

/// What the body is made from.
pub(super) struct Body<'a> {
    pub(super) v: &'a ProcedureView,
    pub(super) office: &'a Office,
    pub(super) t: &'static Strings,
    pub(super) s: Scale,
    pub(super) notes: Notes,
    /// A column's width in pt.
    pub(super) col: f32,
}

impl Body<'_> {
    /// The body's blocks, and whether some text was cut.
    pub(super) fn blocks(&self) -> (Vec<Block>, bool) {
        let mut out = vec![self.facts()];
        let mut abridged = self.facts_abridged();
        abridged |= self.docs(&mut out);
        self.place(&mut out);
        abridged |= self.steps(&mut out);
        (out, abridged)
    }

    fn body(&self, b: Block, runs: &[Run], x: f32) -> Block {
        b.para(runs, self.s.body, BODY_LH, x, self.col)
    }

    fn note(&self, b: Block, text: &str, x: f32) -> Block {
        b.para(&[Run::plain(text)], self.s.note, NOTE_LH, x, self.col)
    }

    /// The facts box: result, deadline and its note, each fee with its
    /// note (whole on a poster: [`Kind::facts_notes`]); split between
    /// lines over columns or sheets when it does not fit whole.
    fn facts(&self) -> Block {
        let (v, t) = (self.v, self.t);
        let pad = mm(2.5);
        // Text inside the frame: the padding and the frame's width in from
        // both sides.
        let x = pad + mm(0.6);
        let right = self.col - x;
        let (body, note) = (self.s.body, self.s.note);
        let mut b = Block::new(Mark::Boxed { pad }).split().space(0.0, mm(3.0));
        let label = |s: &str| Run::bold(&format!("{s}: "));
        b = b.para(
            &[label(t.result), Run::plain(&v.result)],
            body,
            BODY_LH,
            x,
            right,
        );
        b = b.para(
            &[Run::bold(&format!("{}: {}", t.deadline, v.row.deadline))],
            body * BIG,
            BODY_LH,
            x,
            right,
        );
        let kept = Kind::Poster.facts_notes(self.notes);
        if let Some(n) = v.deadline_note.as_deref().and_then(|n| kept.note(n)) {
            b = b.para(&[Run::plain(&n)], note, NOTE_LH, x, right);
        }
        if v.fee_list.is_empty() {
            return b.para(
                &[label(t.fees), Run::bold(&v.row.fees)],
                body,
                BODY_LH,
                x,
                right,
            );
        }
        b = b.para(
            &[Run::bold(&format!("{}:", t.fees))],
            body,
            BODY_LH,
            x,
            right,
        );
        for f in &v.fee_list {
            let channel = f.channel.map(|c| format!(" ({c})")).unwrap_or_default();
            let line = [
                Run::plain(&format!("{}: ", f.name)),
                Run::bold(&f.amount),
                Run::plain(&channel),
            ];
            b = b.para(&line, body, BODY_LH, x + mm(3.0), right);
            if let Some(n) = f.note.as_deref().and_then(|n| kept.note(n)) {
                b = b.para(&[Run::plain(&n)], note, NOTE_LH, x + mm(3.0), right);
            }
        }
        b
    }

    fn facts_abridged(&self) -> bool {
        let kept = Kind::Poster.facts_notes(self.notes);
        let v = self.v;
        let notes = v.fee_list.iter().map(|f| &f.note).chain([&v.deadline_note]);
        notes
            .filter_map(|n| n.as_deref())
            .any(|n| kept.note(n).as_deref() != Some(n))
    }

    fn heading(&self, text: &str) -> Block {
        Block::new(Mark::Rule(1.7))
            .para(
                &[Run::bold(&text.to_uppercase())],
                self.s.h2,
                H2_LH,
                0.0,
                self.col,
            )
            .space(mm(4.0), mm(2.0))
            .heading()
    }

    /// The documents, each with a box to tick; whether a note was cut.
    fn docs(&self, out: &mut Vec<Block>) -> bool {
        let (v, t) = (self.v, self.t);
        if v.documents.is_empty() {
            return false;
        }
        out.push(self.heading(t.documents));
        let indent = self.s.body * 1.4;
        let mut cut = false;
        for (i, d) in v.documents.iter().enumerate() {
            if let Some(case) = &d.case_heading {
                let b = Block::new(Mark::None).space(mm(1.5), mm(1.0)).heading();
                out.push(self.body(b, &[Run::bold(case.trim())], 0.0));
            }
            let optional = if d.optional {
                format!(" ({})", t.optional)
            } else {
                String::new()
            };
            let mut b = Block::new(Mark::Check(self.s.body * 0.85)).space(0.0, mm(2.0));
            b = self.body(
                b,
                &[Run::bold(&format!("{}. {}{optional}", i + 1, d.name))],
                indent,
            );
            if !d.quantity.is_empty() {
                b = self.note(b, &d.quantity, indent);
            }
            if let Some(n) = &d.note {
                let kept = self.notes.note(n);
                cut |= kept.as_deref() != Some(n.as_str());
                if let Some(n) = kept {
                    b = self.note(b, &n, indent);
                }
            }
            out.push(b);
        }
        cut
    }

    /// Where and when to hand the file in.
    fn place(&self, out: &mut Vec<Block>) {
        let (v, t, o) = (self.v, self.t, self.office);
        out.push(self.heading(t.where_when));
        let p = |runs: &[Run]| self.body(Block::new(Mark::None).space(0.0, mm(1.0)), runs, 0.0);
        let label = |s: &str| Run::bold(&format!("{s}: "));
        if v.in_person {
            let address = o
                .address
                .as_deref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default();
            out.push(p(&[
                label(t.in_person),
                Run::plain(&format!("{}{address}", v.submit_at)),
            ]));
            if !o.hours.is_empty() {
                out.push(p(&[Run::bold(&format!("{}:", t.hours))]).heading());
                for h in &o.hours {
                    out.push(p(&[Run::plain(&format!("{}: {}", h.days, h.time))]));
                }
            }
        }
        if v.postal {
            out.push(p(&[Run::bold(t.postal)]));
        }
        if let Some(online) = &v.online {
            out.push(p(&[label(t.online), Run::plain(online.level)]).heading());
            out.push(self.note(Block::new(Mark::None).space(0.0, mm(1.0)), &online.url, 0.0));
        }
        if v.non_territorial {
            out.push(self.note(Block::new(Mark::None), t.non_territorial, 0.0));
        }
    }

    /// The steps, numbered; whether one was cut.
    fn steps(&self, out: &mut Vec<Block>) -> bool {
        let (v, t) = (self.v, self.t);
        if v.steps.is_empty() {
            return false;
        }
        out.push(self.heading(t.steps));
        let mut cut = false;
        for (i, step) in v.steps.iter().enumerate() {
            let kept = self.notes.step(step);
            cut |= kept != step.as_str();
            let b = Block::new(Mark::None).space(0.0, mm(1.2));
            out.push(self.body(
                b,
                &[Run::bold(&format!("{}. ", i + 1)), Run::plain(&kept)],
                0.0,
            ));
        }
        cut
    }
}
