//! Column balancing: how tall the body of a sheet is, in one column or in
//! two balanced as Chromium balances them.

use super::heights::{Block, Heights, Unit};

/// Height of the body of a sheet carrying `blocks` in `cols` columns. Each
/// section opens with its heading ("(tiếp theo)" when it began on an
/// earlier sheet); margins between blocks collapse and are dropped at the
/// top of a column. Two columns are balanced as Chromium does: it starts
/// from half the height of one column (margins at the break included) and
/// grows it until both columns hold their blocks whole.
pub(super) fn body_h(h: &Heights, blocks: &[Block], cols: u8) -> f32 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::posters::dims::{A4, POSTER_SCALES};
    use crate::render::posters::heights::heights;
    use crate::render::posters::measure::sample::m;
    use crate::render::posters::notes::{Kind, Notes};

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
}
