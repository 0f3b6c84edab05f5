//! The plan of a procedure's poster or handout: the ladder of layouts from
//! roomiest to densest, the first that fits one sheet, or the split that
//! needs the fewest.

use super::columns::body_h;
use super::dims::{head, Geometry, Scale, A4, A5, FILL, HANDOUT_SCALES, POSTER_SCALES};
use super::heights::heights;
use super::measure::Measure;
use super::notes::{Kind, Notes};
use super::paginate::{split, SheetPlan};

/// How a poster or handout is laid out: the scale chosen and the sheets.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Plan {
    pub(super) scale: Scale,
    /// Index in the scale table (0 = roomiest).
    pub(super) density: usize,
    pub(super) notes: Notes,
    /// How the fees' and the deadline's notes print ([`Kind::facts_notes`]).
    pub(super) facts_notes: Notes,
    /// Some text is cut: the sheet says where the full text is.
    pub(super) abridged: bool,
    pub(super) sheets: Vec<SheetPlan>,
    /// Estimated height of each sheet in mm, for tests and the warning.
    pub(super) heights: Vec<f32>,
}

impl Plan {
    pub(super) fn pages(&self) -> usize {
        self.sheets.len()
    }
}

/// The layout of a procedure's A4 poster.
pub(super) fn poster_plan(m: &Measure) -> Plan {
    plan(m, &POSTER_SCALES, &A4, Kind::Poster)
}

/// The layout of a procedure's A5 handout.
pub(super) fn handout_plan(m: &Measure) -> Plan {
    plan(m, &HANDOUT_SCALES, &A5, Kind::Handout)
}

/// The roomiest layout of `m` that fits one sheet of `g` (see the module
/// doc of `posters`), or, when none does, the one that needs the fewest
/// sheets.
pub(super) fn plan(m: &Measure, scales: &[Scale], g: &Geometry, kind: Kind) -> Plan {
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
    let (width, min) = (g.w - g.qr - head::GAP, s.body * head::TITLE_MIN);
    while s.title - head::TITLE_STEP >= min && m.title.lines(width, s.title) > head::TITLE_MAX_LINES
    {
        s.title -= head::TITLE_STEP;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::posters::heights::Unit;
    use crate::render::posters::measure::levels;
    use crate::render::posters::measure::sample::{m, text};
    use crate::render::posters::text::Para;

    /// The position of a plan on the ladder of layouts (later = denser).
    fn rung(p: &Plan) -> (usize, usize) {
        (p.notes as usize, p.density)
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
    /// The facts box is never cut (its fees' and deadline's notes), but it
    /// splits between fees: a box taller than a column does not send the
    /// whole box to the second sheet and leave the first almost empty
    /// (procedure 1.004859: four fees with long conditions).
    #[test]
    fn a_facts_box_too_tall_splits_between_fees_not_whole_to_the_next_sheet() {
        let mut long = m(6, 120, 4);
        let fee_note = |n| levels(|_| Some(text(n).into()));
        long.fees = (0..4)
            .map(|_| (Para::plain(&text(110)), fee_note(420)))
            .collect();
        let p = plan(&long, &POSTER_SCALES, &A4, Kind::Poster);
        assert!(p.pages() >= 2 && p.scale.cols == 2, "{p:?}");
        let first = &p.sheets[0].units;
        assert!(
            matches!(first[0], Unit::FactsHead(n) if n >= 1),
            "the first sheet opens with the facts and its first fees: {p:?}"
        );
        // Every fee once, in order, over the pieces.
        let mut fees = Vec::new();
        for u in p.sheets.iter().flat_map(|s| s.units.iter()) {
            match *u {
                Unit::FactsHead(n) => fees.extend(0..n),
                Unit::Fees(a, b) => fees.extend(a..b),
                Unit::Facts => fees.extend(0..4),
                _ => {}
            }
        }
        assert_eq!(fees, vec![0, 1, 2, 3], "{p:?}");
        // The first sheet is used: it is at least three quarters full.
        assert!(p.heights[0] >= A4.h * FILL * 0.75, "{:?}", p.heights);
        assert!(p.heights.iter().all(|&h| h <= A4.h * FILL), "{p:?}");
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
