//! The glyph advances of the two fonts posters print with, measured in
//! Chromium: Noto Sans (Linux, the CI: `poster.css` names it first) and
//! Arial (Windows; Liberation Sans's, which has Arial's metrics).

/// Advance widths of the printable ASCII characters, `' '` to `'~'`, in
/// thousandths of an em, in the two fonts posters print with: Noto Sans
/// (Linux, the CI: `poster.css` names it first) and Arial (Windows; these
/// are Liberation Sans's, which has Arial's metrics). Measured in Chromium
/// with canvas `measureText` at 1000 px.
#[rustfmt::skip]
const NOTO_REGULAR: [u16; 95] = [
    260, 269, 408, 646, 572, 831, 732, 225, 300, 300, 551, 572, 268, 322, 268, 372,
    572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 268, 268, 572, 572, 572, 434,
    899, 639, 650, 632, 730, 556, 519, 728, 741, 339, 273, 619, 524, 907, 760, 781,
    605, 781, 622, 549, 556, 731, 600, 930, 586, 566, 572, 329, 372, 329, 572, 444,
    281, 561, 615, 480, 615, 564, 344, 615, 618, 258, 258, 534, 258, 935, 618, 605,
    615, 615, 413, 479, 361, 618, 508, 786, 529, 510, 470, 380, 551, 380, 572,
];
#[rustfmt::skip]
const NOTO_BOLD: [u16; 95] = [
    260, 286, 472, 646, 572, 901, 750, 266, 339, 339, 545, 572, 285, 322, 285, 413,
    572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 285, 285, 572, 572, 572, 477,
    897, 690, 672, 637, 740, 560, 549, 724, 765, 389, 331, 664, 565, 943, 813, 796,
    628, 796, 660, 551, 579, 756, 650, 967, 667, 624, 579, 331, 413, 331, 572, 411,
    362, 604, 633, 514, 633, 591, 387, 633, 657, 305, 305, 620, 305, 982, 657, 619,
    633, 633, 454, 497, 434, 657, 569, 856, 578, 569, 488, 394, 551, 394, 572,
];
#[rustfmt::skip]
const ARIAL_REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
#[rustfmt::skip]
const ARIAL_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
/// The other characters of Vietnamese text, as [`NOTO_REGULAR`] … : Noto
/// regular and bold, Arial regular and bold. A letter with tone marks, a
/// circumflex or a breve is as wide as its base letter in both fonts; a
/// horn (ơ, ư) widens it (Arial's horn letters are taken as Noto's: wider
/// than Arial's plain ones, the safe side).
const OTHER: [(char, [u16; 4]); 17] = [
    ('đ', [617, 649, 556, 611]),
    ('Đ', [730, 740, 722, 722]),
    ('ơ', [616, 679, 616, 679]),
    ('Ơ', [784, 825, 784, 825]),
    ('ư', [674, 760, 674, 760]),
    ('Ư', [780, 885, 780, 885]),
    ('…', [791, 855, 1000, 1000]),
    ('–', [500, 500, 556, 556]),
    ('—', [1000, 1000, 1000, 1000]),
    ('“', [359, 445, 333, 500]),
    ('”', [359, 445, 333, 500]),
    ('‘', [175, 217, 222, 278]),
    ('’', [175, 217, 222, 278]),
    ('«', [509, 615, 556, 556]),
    ('»', [509, 615, 556, 556]),
    ('·', [268, 285, 278, 278]),
    ('°', [428, 428, 400, 400]),
];

/// The advances of [`advance`] up to U+1EFF (the last Vietnamese letter),
/// regular and bold, tabulated once.
pub(super) fn advances() -> &'static [[[f32; 2]; 2]] {
    static TABLE: std::sync::OnceLock<Vec<[[f32; 2]; 2]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x1F00)
            .map(|i| {
                let c = char::from_u32(i).unwrap_or(' ');
                [advance(c, false), advance(c, true)]
            })
            .collect()
    })
}

/// The advance of `c` in em in Noto Sans and in Arial; 1 em for a
/// character of no known width.
pub(super) fn advance(c: char, bold: bool) -> [f32; 2] {
    let known = |c: char| -> Option<[u16; 2]> {
        let b = usize::from(bold);
        if (' '..='~').contains(&c) {
            let i = c as usize - ' ' as usize;
            let (noto, arial) = if bold {
                (&NOTO_BOLD, &ARIAL_BOLD)
            } else {
                (&NOTO_REGULAR, &ARIAL_REGULAR)
            };
            return Some([noto[i], arial[i]]);
        }
        let (_, w) = OTHER.iter().find(|o| o.0 == c)?;
        Some([w[b], w[2 + b]])
    };
    let base = || {
        let (mut base, mut horn) = (None, false);
        unicode_normalization::char::decompose_canonical(c, |d| {
            base.get_or_insert(d);
            horn |= d == '\u{31B}';
        });
        match (base?, horn) {
            ('o', true) => Some('ơ'),
            ('O', true) => Some('Ơ'),
            ('u', true) => Some('ư'),
            ('U', true) => Some('Ư'),
            (b, _) => (b != c).then_some(b),
        }
    };
    let w = known(c)
        .or_else(|| base().and_then(known))
        .unwrap_or([1000, 1000]);
    w.map(|x| f32::from(x) / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_with_marks_are_as_wide_as_their_base_letter_but_a_horn_widens() {
        assert_eq!(advance('ế', false), advance('e', false));
        assert_eq!(advance('Ậ', true), advance('A', true));
        assert_eq!(advance('ờ', false), advance('ơ', false));
        assert!(advance('ư', true)[0] > advance('u', true)[0]);
        // Noto Sans is the wider font for small letters, Arial for capitals.
        assert!(advance('a', false)[0] > advance('a', false)[1]);
        assert!(advance('S', true)[1] > advance('S', true)[0]);
        // Nothing known: a whole em.
        assert_eq!(advance('中', false), [1.0, 1.0]);
    }
}
