//! Pagination: a body too long for one sheet, split at item boundaries,
//! each sheet filled before the next begins.

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
