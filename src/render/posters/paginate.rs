//! Pagination: a body too long for one sheet, split at item boundaries,
//! each sheet filled before the next begins. The facts box (two columns)
//! is split between its fees when it does not fit whole.

use super::columns::body_h;
use super::dims::{body, Scale};
use super::heights::{Block, Heights, Unit};

/// What one sheet of paper carries.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SheetPlan {
    pub(super) units: Vec<Unit>,
}

/// The sheets of a body too long for one, and their estimated heights: each
/// takes blocks while they fit under `budget` with "continued on the next
/// sheet" under them.
pub(super) fn split(h: &Heights, s: &Scale, budget: f32) -> (Vec<SheetPlan>, Vec<f32>) {
    let more = Block {
        unit: Unit::More,
        h: h.more,
        above: body::MORE_ABOVE,
        below: 0.0,
    };
    let (mut sheets, mut heights) = (Vec::new(), Vec::new());
    let mut rest: Vec<Block> = h.blocks.clone();
    let mut blocks = Vec::with_capacity(rest.len() + 2);
    loop {
        let first = sheets.is_empty();
        let fixed = if first { h.top + h.footer } else { h.top_cont };
        // The height of the sheet with the first `k` blocks of `rest`,
        // then `next` if any, then "continued" if anything is left.
        let mut height = |rest: &[Block], k: usize, next: Option<Block>| {
            blocks.clear();
            blocks.extend_from_slice(&rest[..k]);
            blocks.extend(next);
            if k < rest.len() || next.is_some() {
                blocks.push(more);
            }
            fixed + body_h(h, &blocks, s.cols)
        };
        let mut take = 0;
        loop {
            while take < rest.len() && height(&rest, take + 1, None) <= budget {
                take += 1;
            }
            // The facts box that does not fit whole: its first fees here,
            // the others in a box of their own (next column or sheet).
            let Some(next) = rest.get(take).copied() else {
                break;
            };
            let fits = |head: Block| height(&rest, take, Some(head)) <= budget;
            let Some((head, tail)) = split_facts(h, next, fits) else {
                break;
            };
            rest[take] = head;
            rest.insert(take + 1, tail);
            take += 1;
        }
        // A block taller than a whole sheet still has to go somewhere.
        if take == 0 && !first {
            take = 1;
        }
        heights.push(height(&rest, take, None));
        sheets.push(SheetPlan {
            units: rest[..take].iter().map(|b| b.unit).collect(),
        });
        rest.drain(..take);
        if rest.is_empty() {
            return (sheets, heights);
        }
    }
}

/// The facts box (or a piece of it) `b` split after as many fees as
/// `fits` accepts: the piece with them, and a box with the others.
fn split_facts(
    h: &Heights,
    b: Block,
    mut fits: impl FnMut(Block) -> bool,
) -> Option<(Block, Block)> {
    let fs = h.facts_split.as_ref()?;
    let (from, to) = fs.range(b.unit)?;
    let piece = |unit: Unit, above: f32| -> Option<Block> {
        Some(Block {
            unit,
            h: fs.piece(unit)?,
            above,
            below: b.below,
        })
    };
    for n in (from + 1..to).rev() {
        let head = if from == 0 {
            Unit::FactsHead(n)
        } else {
            Unit::Fees(from, n)
        };
        let head = piece(head, b.above)?;
        if fits(head) {
            return Some((head, piece(Unit::Fees(n, to), 0.0)?));
        }
    }
    None
}
