//! Text as the estimate sets it: paragraphs wrapped word by word with the
//! fonts' advances ([`Para`]), and the rougher character-count estimate of
//! the posters that have room to spare ([`text_h`]).

use super::dims::MM_PER_PT;
use super::fonts::{advance, advances};

/// A paragraph as the estimate sets it, in em, in each font of
/// [`advance`](super::fonts::advance).
#[derive(Debug, Clone, Default)]
pub(super) struct Para {
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
    pub(super) fn runs(runs: &[(&str, bool)], spacing: f32) -> Para {
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

    pub(super) fn plain(text: &str) -> Para {
        Para::runs(&[(text, false)], 0.0)
    }

    pub(super) fn bold(text: &str) -> Para {
        Para::runs(&[(text, true)], 0.0)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Lines it takes set at `pt` in a box `width` mm wide, in whichever
    /// font takes more, wrapped as a browser does: at spaces, greedily; a
    /// word longer than a line is broken anywhere (`overflow-wrap`).
    pub(super) fn lines(&self, width: f32, pt: f32) -> f32 {
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
    pub(super) fn h(&self, width: f32, pt: f32, line_height: f32) -> f32 {
        self.lines(width, pt) * pt * line_height * MM_PER_PT
    }

    /// Its width in mm on one line at `pt`, in the wider font.
    pub(super) fn w(&self, pt: f32) -> f32 {
        self.width[0].max(self.width[1]) * pt * MM_PER_PT
    }
}

/// The field catalogue, staff board and notice posters are estimated from
/// character counts with average advances (in em, line-end waste included:
/// Noto Sans at 12 pt over the example's texts gave 0.503 regular, 0.535
/// bold; rounded up): one short page each, with room to spare.
pub(super) const REGULAR_EM: f32 = 0.53;
pub(super) const BOLD_EM: f32 = 0.57;
/// Bold capitals (section headings).
pub(super) const CAPS_EM: f32 = 0.72;

/// Height in mm of `chars` characters set `width` mm wide.
pub(super) fn text_h(chars: usize, width: f32, pt: f32, line_height: f32, em: f32) -> f32 {
    if chars == 0 {
        return 0.0;
    }
    let per_line = (width / (pt * MM_PER_PT * em)).floor().max(1.0);
    let lines = (chars as f32 / per_line).ceil().max(1.0);
    lines * pt * line_height * MM_PER_PT
}

pub(super) fn n(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
