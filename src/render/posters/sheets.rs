//! What a procedure's poster and handout templates see of each sheet: the
//! units the plan put on it, their texts abridged as it says.

use super::heights::Unit;
use super::plan::Plan;
use crate::render::view::{DocumentView, ProcedureView};
use serde::Serialize;

/// What a procedure's poster and handout templates see, besides `site` and `t`.
#[derive(Serialize)]
pub(super) struct SheetView<'a> {
    /// 1 for the first sheet; later sheets repeat the title "(tiếp theo)".
    number: usize,
    /// Index in the type scale table, 0 = roomiest (`data-density`).
    density: usize,
    style: String,
    cols: u8,
    facts: bool,
    /// Boxes continuing the fees of a facts box split between fees.
    fee_boxes: Vec<Vec<PosterFee<'a>>>,
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

/// The sheets of `plan` as the templates see them, the texts of `v` cut
/// as the plan says.
pub(super) fn sheet_views<'a>(plan: &Plan, v: &'a ProcedureView) -> Vec<SheetView<'a>> {
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
            // columns, maybe split between fees over two sheets).
            let head = sp.units.iter().find_map(|u| match *u {
                Unit::Facts => Some(usize::MAX),
                Unit::FactsHead(n) => Some(n),
                _ => None,
            });
            let (facts, fees) = match (plan.scale.cols, head) {
                (1, _) => (i == 0, usize::MAX),
                (_, Some(n)) => (true, n),
                (_, None) => (false, 0),
            };
            let fee = |f: &'a crate::render::view::FeeView| PosterFee {
                name: &f.name,
                amount: &f.amount,
                channel: f.channel,
                note: f.note.as_deref().and_then(|x| plan.facts_notes.note(x)),
            };
            let fee_boxes = sp
                .units
                .iter()
                .filter_map(|u| match *u {
                    Unit::Fees(from, to) => {
                        Some(v.fee_list.get(from..to)?.iter().map(fee).collect())
                    }
                    _ => None,
                })
                .collect();
            let note = |x: &'a Option<String>| x.as_deref().and_then(|x| plan.notes.note(x));
            let kept = |x: &'a Option<String>| x.as_deref().and_then(|x| plan.facts_notes.note(x));
            SheetView {
                number: i + 1,
                density: plan.density,
                style: plan.scale.style(),
                cols: plan.scale.cols,
                facts,
                fee_boxes,
                deadline_note: kept(&v.deadline_note).filter(|_| facts),
                fees: v
                    .fee_list
                    .iter()
                    .take(fees)
                    .filter(|_| facts)
                    .map(fee)
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

/// A fee as a sheet prints it: its note maybe abridged (see
/// [`Notes`](super::notes::Notes)).
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
