//! Flowing blocks of lines into columns and pages: each block's lines go
//! into the current column while they fit; a block kept together that does
//! not fit starts the next column (or page) if it fits there whole; any
//! other block is split between lines; a heading stays with the first
//! line of what follows it. "Fits one sheet" is then a count of pages,
//! not a prediction.

use super::doc::Op;
use super::text::{wrap, Line, Run};

/// How a block is marked beside its lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Mark {
    None,
    /// A check box left of the first line, `size` pt square.
    Check(f32),
    /// A frame around the block (around each piece of a split block),
    /// `pad` pt inside it.
    Boxed {
        pad: f32,
    },
    /// A rule under the block, `width` pt thick.
    Rule(f32),
}

/// One line of a block: its text, size and height, and where it starts
/// (pt from the column's left).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    line: Line,
    size: f32,
    h: f32,
    x: f32,
}

/// Lines that go together (a fee, a document, a heading) and the space
/// around them.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    rows: Vec<Row>,
    pub(crate) above: f32,
    pub(crate) below: f32,
    /// Never split when it fits a column whole.
    pub(crate) keep: bool,
    /// Stays with the first line of the next block (a heading).
    pub(crate) with_next: bool,
    pub(crate) mark: Mark,
}

impl Block {
    pub(crate) fn new(mark: Mark) -> Block {
        Block {
            rows: Vec::new(),
            above: 0.0,
            below: 0.0,
            keep: true,
            with_next: false,
            mark,
        }
    }

    /// Adds `runs` at `size` pt, lines `lh` × size apart, `x` pt in from
    /// the column's left, wrapped at `width` pt.
    pub(crate) fn para(mut self, runs: &[Run], size: f32, lh: f32, x: f32, width: f32) -> Block {
        for line in wrap(runs, size, width - x) {
            self.rows.push(Row {
                line,
                size,
                h: size * lh,
                x,
            });
        }
        self
    }

    pub(crate) fn space(mut self, above: f32, below: f32) -> Block {
        self.above = above;
        self.below = below;
        self
    }

    pub(crate) fn split(mut self) -> Block {
        self.keep = false;
        self
    }

    pub(crate) fn heading(mut self) -> Block {
        self.with_next = true;
        self
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Its height in pt without the space around it.
    pub(crate) fn height(&self) -> f32 {
        self.rows.iter().map(|r| r.h).sum::<f32>() + self.pads() * 2.0 + self.rule()
    }

    fn pads(&self) -> f32 {
        match self.mark {
            Mark::Boxed { pad } => pad,
            _ => 0.0,
        }
    }

    fn rule(&self) -> f32 {
        match self.mark {
            Mark::Rule(w) => w + 1.5,
            _ => 0.0,
        }
    }
}

/// Where the columns of a page are: the body's top on the first page and
/// on the others, its bottom, each column's left and width.
#[derive(Debug, Clone)]
pub(crate) struct Frames {
    pub(crate) top_first: f32,
    pub(crate) top_next: f32,
    pub(crate) bottom: f32,
    pub(crate) lefts: Vec<f32>,
    pub(crate) width: f32,
}

/// The drawing of each page's body (as many pages as it took), and where
/// the last block ended.
pub(crate) fn flow(blocks: &[Block], frames: &Frames) -> (Vec<Vec<Op>>, f32) {
    run(blocks, frames, true)
}

/// How many pages `blocks` take in `frames`, and where the last block
/// ended: [`flow`] without drawing (no text copied), for choosing a scale.
pub(crate) fn measure(blocks: &[Block], frames: &Frames) -> (usize, f32) {
    let (pages, y) = run(blocks, frames, false);
    (pages.len(), y)
}

fn run(blocks: &[Block], frames: &Frames, draw: bool) -> (Vec<Vec<Op>>, f32) {
    let mut f = Flow {
        frames,
        draw,
        pages: vec![Vec::new()],
        col: 0,
        y: frames.top_first,
        fresh: true,
        below: 0.0,
    };
    for (i, b) in blocks.iter().enumerate() {
        if b.is_empty() {
            continue;
        }
        // A heading goes with the next block when that one is kept whole,
        // or with its first line.
        let next_first = match blocks.get(i + 1) {
            Some(n) if b.with_next && n.keep => n.height() + n.above.max(b.below),
            Some(n) if b.with_next => n
                .rows
                .first()
                .map_or(0.0, |r| r.h + 2.0 * n.pads() + n.above),
            _ => 0.0,
        };
        let above = |f: &Flow| if f.fresh { 0.0 } else { f.below.max(b.above) };
        let room = f.frames.bottom - f.y - above(&f);
        let fresh_room = frames.bottom - frames.top_next;
        let whole = b.height() + next_first;
        let first = b.rows[0].h + b.pads() * 2.0 + next_first;
        let kept = (b.keep || b.with_next) && whole <= fresh_room;
        if whole > room && !f.fresh && (kept || first > room) {
            f.advance();
        }
        f.y += above(&f);
        f.place(b);
        f.below = b.below;
    }
    (f.pages, f.y)
}

/// `blocks` one under the other from `top`, at `left`, `width` pt wide,
/// never split: their drawing and where they end.
pub(crate) fn stack(blocks: &[Block], left: f32, top: f32, width: f32) -> (Vec<Op>, f32) {
    stack_as(blocks, left, top, width, true)
}

/// Where [`stack`] would end, without drawing.
pub(crate) fn stack_end(blocks: &[Block], top: f32) -> f32 {
    stack_as(blocks, 0.0, top, 0.0, false).1
}

fn stack_as(blocks: &[Block], left: f32, top: f32, width: f32, draw: bool) -> (Vec<Op>, f32) {
    let frames = Frames {
        top_first: top,
        top_next: top,
        bottom: f32::MAX,
        lefts: vec![left],
        width,
    };
    let (mut pages, y) = run(blocks, &frames, draw);
    (pages.pop().unwrap_or_default(), y)
}

struct Flow<'a> {
    frames: &'a Frames,
    /// Whether to make the drawing or only measure.
    draw: bool,
    pages: Vec<Vec<Op>>,
    col: usize,
    y: f32,
    /// Nothing placed in this column yet.
    fresh: bool,
    /// The space owed under the last block.
    below: f32,
}

impl Flow<'_> {
    fn advance(&mut self) {
        self.col += 1;
        if self.col == self.frames.lefts.len() {
            self.col = 0;
            self.pages.push(Vec::new());
        }
        self.y = match self.pages.len() {
            1 => self.frames.top_first,
            _ => self.frames.top_next,
        };
        self.fresh = true;
    }

    fn left(&self) -> f32 {
        self.frames.lefts[self.col]
    }

    /// Places `b`'s lines, moving on when the column is full.
    fn place(&mut self, b: &Block) {
        let pad = b.pads();
        let mut piece_top = self.y;
        self.y += pad;
        for (i, row) in b.rows.iter().enumerate() {
            if self.y + row.h + pad > self.frames.bottom && i > 0 {
                self.close_piece(b, piece_top);
                self.advance();
                piece_top = self.y;
                self.y += pad;
            }
            self.row(row, b, i == 0);
        }
        self.y += pad;
        self.close_piece(b, piece_top);
        if let Mark::Rule(w) = b.mark {
            self.y += 1.5;
            self.op(Op::Fill {
                x: self.left(),
                y: self.y,
                w: self.frames.width,
                h: w,
            });
            self.y += w;
        }
        self.fresh = false;
    }

    fn row(&mut self, row: &Row, b: &Block, first: bool) {
        let (x, size) = (self.left() + row.x, row.size);
        // The baseline: the line's glyphs centred in its height.
        let font = super::font::face(false);
        let glyphs = (font.ascent - font.descent) * size;
        let base = self.y + (row.h - glyphs) / 2.0 + font.ascent * size;
        if let (Mark::Check(s), true) = (b.mark, first) {
            let top = base - font.cap_height * size / 2.0 - s / 2.0;
            self.op(Op::Frame {
                x: self.left(),
                y: top,
                w: s,
                h: s,
                width: 1.2,
            });
        }
        let draw = self.draw;
        for span in row.line.spans.iter().filter(|_| draw) {
            self.op(Op::Text {
                x: x + span.x,
                y: base,
                size,
                bold: span.bold,
                text: span.text.clone(),
            });
        }
        self.y += row.h;
    }

    /// The frame of a boxed block's piece from `top` to here.
    fn close_piece(&mut self, b: &Block, top: f32) {
        if let Mark::Boxed { .. } = b.mark {
            self.op(Op::Frame {
                x: self.left() + 0.75,
                y: top + 0.75,
                w: self.frames.width - 1.5,
                h: self.y - top - 1.5,
                width: 1.5,
            });
        }
    }

    fn op(&mut self, op: Op) {
        if !self.draw {
            return;
        }
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }
}

/// The first (largest) of `ladder` that needs no more sheets than its last
/// (smallest) rung, by `sheets`; fewer type sizes give fewer sheets, so
/// the rungs are searched by halves (about log2 of their number laid
/// out, not all). `None` for an empty ladder.
pub(crate) fn largest<T: Copy>(ladder: &[T], sheets: impl Fn(T) -> usize) -> Option<T> {
    let least = sheets(*ladder.last()?);
    let at = ladder.partition_point(|&rung| sheets(rung) > least);
    ladder.get(at).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize) -> Block {
        let text = vec!["dòng"; n].join(" ");
        // One word a line: a measure narrower than two words.
        Block::new(Mark::None).para(&[Run::plain(&text)], 10.0, 1.0, 0.0, 30.0)
    }

    fn frames() -> Frames {
        Frames {
            top_first: 0.0,
            top_next: 0.0,
            bottom: 100.0,
            lefts: vec![0.0, 200.0],
            width: 100.0,
        }
    }

    /// The x of each line's text, page by page.
    fn columns(pages: &[Vec<Op>]) -> Vec<Vec<f32>> {
        pages
            .iter()
            .map(|ops| {
                ops.iter()
                    .filter_map(|op| match op {
                        Op::Text { x, .. } => Some(*x),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_kept_block_moves_whole_a_split_one_fills_the_column() {
        assert_eq!(lines(4).height(), 40.0);
        // 8 lines, then a kept block of 4: the 3 left would not hold it.
        let (pages, _) = flow(&[lines(8), lines(4)], &frames());
        assert_eq!(columns(&pages), [[vec![0.0; 8], vec![200.0; 4]].concat()]);
        // Split: the first column filled, the rest in the second.
        let (pages, _) = flow(&[lines(8), lines(4).split()], &frames());
        assert_eq!(columns(&pages), [[vec![0.0; 10], vec![200.0; 2]].concat()]);
        // Past the last column: a new page.
        let (pages, _) = flow(&[lines(10), lines(10), lines(3)], &frames());
        assert_eq!(pages.len(), 2);
    }

    #[test]
    fn a_heading_goes_with_the_block_after_it() {
        let head = lines(1).heading();
        let (pages, _) = flow(&[lines(8), head, lines(2)], &frames());
        // 8 + 1 + 2 > 10: the heading starts the second column too.
        assert_eq!(columns(&pages), [[vec![0.0; 8], vec![200.0; 3]].concat()]);
    }
}
