//! Line breaking: runs of regular and bold text set at one size into lines
//! no wider than a measure, with the fonts' real advances ([`super::font`]).
//! Lines break at spaces; a word wider than the whole measure (a URL) is
//! broken between letters, as `overflow-wrap: anywhere` does.

use super::font::face;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A piece of text in one face, in NFC.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) bold: bool,
}

impl Run {
    pub(crate) fn new(text: &str, bold: bool) -> Run {
        // Most text is NFC already (the model's); the quick check is far
        // cheaper than composing it again.
        let text = match is_nfc_quick(text.chars()) {
            IsNormalized::Yes => text.to_string(),
            _ => text.nfc().collect(),
        };
        Run { text, bold }
    }
    pub(crate) fn plain(text: &str) -> Run {
        Run::new(text, false)
    }
    pub(crate) fn bold(text: &str) -> Run {
        Run::new(text, true)
    }
}

/// Text in one face at `x` pt from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Span {
    pub(crate) text: String,
    pub(crate) bold: bool,
    pub(crate) x: f32,
}

/// One line as set, and its width in pt.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub(crate) spans: Vec<Span>,
    pub(crate) width: f32,
}

/// A word: its pieces (a word may change face: `10.000 đồng/lần`) as a
/// range of [`Words::pieces`], its width, and the width of the space after
/// it.
struct Word {
    pieces: std::ops::Range<usize>,
    w: f32,
    space: f32,
}

/// The words of some runs, their pieces in one list: each a slice of a
/// run's text (no copy), its face and width.
struct Words<'a> {
    words: Vec<Word>,
    pieces: Vec<(&'a str, bool, f32)>,
}

fn words(runs: &[Run], size: f32) -> Words<'_> {
    let mut out = Words {
        words: Vec::new(),
        pieces: Vec::new(),
    };
    let mut open = false;
    for r in runs {
        let f = face(r.bold);
        for (at, c) in r.text.char_indices() {
            if c.is_whitespace() {
                if let Some(w) = out.words.last_mut().filter(|_| open) {
                    w.space = f.glyph(' ').1 * size;
                }
                open = false;
                continue;
            }
            let adv = f.glyph(c).1 * size;
            let end = at + c.len_utf8();
            if !open {
                let here = out.pieces.len();
                out.words.push(Word {
                    pieces: here..here,
                    w: 0.0,
                    space: 0.0,
                });
                open = true;
            }
            let Some(w) = out.words.last_mut() else {
                continue;
            };
            // The last piece grows when it is this run's, else a new one.
            let last = out.pieces.last_mut().filter(|_| !w.pieces.is_empty());
            match last {
                Some((text, bold, pw)) if *bold == r.bold && same_tail(text, &r.text, at) => {
                    *text = &r.text[at - text.len()..end];
                    *pw += adv;
                }
                _ => {
                    out.pieces.push((&r.text[at..end], r.bold, adv));
                    w.pieces.end += 1;
                }
            }
            w.w += adv;
        }
    }
    out
}

/// Whether `piece` ends in `text` just before byte `at` (it is a slice of
/// `text` that `at` continues).
fn same_tail(piece: &str, text: &str, at: usize) -> bool {
    at.checked_sub(piece.len())
        .and_then(|start| text.get(start..))
        .is_some_and(|rest| std::ptr::eq(piece.as_ptr(), rest.as_ptr()))
}

/// Lines of `runs` at `size` pt, each at most `width` pt wide.
pub(crate) fn wrap(runs: &[Run], size: f32, width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line {
        spans: Vec::new(),
        width: 0.0,
    };
    // The space owed before the next word on this line.
    let mut space = 0.0;
    let Words { words, pieces } = words(runs, size);
    for word in words {
        if !line.spans.is_empty() && line.width + space + word.w > width {
            lines.push(std::mem::replace(
                &mut line,
                Line {
                    spans: Vec::new(),
                    width: 0.0,
                },
            ));
            space = 0.0;
        }
        let pieces = &pieces[word.pieces.clone()];
        if line.spans.is_empty() && word.w > width {
            // Broken between letters, filling each line.
            for &(text, bold, _) in pieces {
                let f = face(bold);
                for (at, c) in text.char_indices() {
                    let adv = f.glyph(c).1 * size;
                    if line.width + adv > width && !line.spans.is_empty() {
                        lines.push(std::mem::replace(
                            &mut line,
                            Line {
                                spans: Vec::new(),
                                width: 0.0,
                            },
                        ));
                    }
                    push(&mut line, &text[at..at + c.len_utf8()], bold, 0.0, adv);
                }
            }
            space = word.space;
            continue;
        }
        let mut gap = space;
        for &(text, bold, w) in pieces {
            push(&mut line, text, bold, gap, w);
            gap = 0.0;
        }
        space = word.space;
    }
    if !line.spans.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` (`w` pt wide) on `line` after a space of `gap` pt, in the last
/// span when the face is the same.
fn push(line: &mut Line, text: &str, bold: bool, gap: f32, w: f32) {
    match line.spans.last_mut() {
        Some(last) if last.bold == bold => {
            if gap > 0.0 {
                last.text.push(' ');
            }
            last.text.push_str(text);
        }
        _ => line.spans.push(Span {
            text: text.to_string(),
            bold,
            x: line.width + gap,
        }),
    }
    line.width += gap + w;
}

/// The width of `runs` on one line, in pt.
#[cfg(test)]
pub(crate) fn width(runs: &[Run], size: f32) -> f32 {
    wrap(runs, size, f32::INFINITY)
        .first()
        .map_or(0.0, |l| l.width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_spaces_within_the_measure_and_long_words_anywhere() {
        let runs = [
            Run::plain("Lệ phí thay đổi, cải chính hộ tịch cho người chưa đủ 14 tuổi: "),
            Run::bold("10.000 đồng/lần"),
            Run::plain(" (nộp trực tiếp)"),
        ];
        let lines = wrap(&runs, 12.0, 200.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(lines.iter().all(|l| l.width <= 200.0));
        let text: Vec<String> = lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        let joined = text.join(" ");
        assert!(joined.contains("10.000 đồng/lần"), "{text:?}");
        // One line when there is room, as wide as measured.
        let one = wrap(&runs, 12.0, 2000.0);
        assert_eq!(one.len(), 1);
        assert!((one[0].width - width(&runs, 12.0)).abs() < 0.01);
        // A URL longer than the measure: broken between letters.
        let url = [Run::plain(&"https://dichvucong.gov.vn/p/home/".repeat(4))];
        let lines = wrap(&url, 12.0, 150.0);
        assert!(lines.len() > 2 && lines.iter().all(|l| l.width <= 150.0));
    }

    #[test]
    fn text_is_set_in_nfc() {
        // "ộ" decomposed (o + combining dot below + combining circumflex).
        let r = Run::plain("ho\u{0323}\u{0302}");
        assert_eq!(r.text, "hộ");
    }
}
