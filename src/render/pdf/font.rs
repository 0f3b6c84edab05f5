//! The fonts a PDF is set in: Noto Sans regular and bold, shipped with the
//! theme (`themes/default/fonts/`, SIL Open Font License, `OFL.txt`), with
//! every Vietnamese letter as one precomposed glyph. Text is set from NFC
//! strings, one glyph per character, with the fonts' own advances: no
//! shaping is needed for Vietnamese in this font (no ligatures or marks to
//! place), and no kerning is applied (measured and drawn alike).

use std::sync::OnceLock;

static REGULAR: &[u8] = include_bytes!("../../../themes/default/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../themes/default/fonts/NotoSans-Bold.ttf");

/// Characters below this are looked up in a table made once.
const TABLE: usize = 0x2100;

/// One face: its bytes, metrics in em, and glyph ids and advances.
pub(crate) struct Font {
    pub(crate) data: &'static [u8],
    pub(crate) name: &'static str,
    face: ttf_parser::Face<'static>,
    units: f32,
    /// Glyph id and advance (font units) of each character below [`TABLE`].
    table: Vec<(u16, u16)>,
    pub(crate) ascent: f32,
    pub(crate) descent: f32,
    pub(crate) cap_height: f32,
    /// The font's bounding box, in em.
    pub(crate) bbox: [f32; 4],
}

impl Font {
    fn load(data: &'static [u8], name: &'static str) -> Font {
        // The theme's own font, checked by the tests: it parses.
        let face = match ttf_parser::Face::parse(data, 0) {
            Ok(face) => face,
            Err(e) => panic!("the embedded font {name} does not parse: {e}"),
        };
        let units = f32::from(face.units_per_em());
        let table = (0..TABLE as u32)
            .map(|c| {
                let g = char::from_u32(c).and_then(|c| face.glyph_index(c));
                let g = g.unwrap_or(ttf_parser::GlyphId(0));
                (g.0, face.glyph_hor_advance(g).unwrap_or(0))
            })
            .collect();
        let b = face.global_bounding_box();
        Font {
            data,
            name,
            units,
            table,
            ascent: f32::from(face.ascender()) / units,
            descent: f32::from(face.descender()) / units,
            cap_height: f32::from(face.capital_height().unwrap_or(714)) / units,
            bbox: [b.x_min, b.y_min, b.x_max, b.y_max].map(|v| f32::from(v) / units),
            face,
        }
    }

    /// The glyph of `c` (0, the missing glyph, if the font has none) and
    /// its advance in em.
    pub(crate) fn glyph(&self, c: char) -> (u16, f32) {
        let (g, adv) = match self.table.get(c as usize) {
            Some(&hit) => hit,
            None => {
                let g = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                (g.0, self.face.glyph_hor_advance(g).unwrap_or(0))
            }
        };
        (g, f32::from(adv) / self.units)
    }

    /// The advance of glyph `g` in em.
    pub(crate) fn advance(&self, g: u16) -> f32 {
        let adv = self.face.glyph_hor_advance(ttf_parser::GlyphId(g));
        f32::from(adv.unwrap_or(0)) / self.units
    }

    /// The width of `text` in em.
    #[cfg(test)]
    pub(crate) fn width(&self, text: &str) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum()
    }
}

/// The two faces, loaded once: `[regular, bold]`.
pub(crate) fn fonts() -> &'static [Font; 2] {
    static FONTS: OnceLock<[Font; 2]> = OnceLock::new();
    FONTS.get_or_init(|| {
        [
            Font::load(REGULAR, "NotoSans-Regular"),
            Font::load(BOLD, "NotoSans-Bold"),
        ]
    })
}

/// The face for bold or regular text.
pub(crate) fn face(bold: bool) -> &'static Font {
    &fonts()[usize::from(bold)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vietnamese_letter_has_its_own_glyph_in_both_faces() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        for f in fonts() {
            for c in letters.chars().chain(letters.to_uppercase().chars()) {
                let (g, adv) = f.glyph(c);
                assert!(g != 0 && adv > 0.2, "{} has no glyph for {c}", f.name);
            }
        }
        // Bold is wider; a letter with tone marks as wide as its base.
        assert!(face(true).width("Hộ tịch") > face(false).width("Hộ tịch"));
        assert_eq!(face(false).glyph('ộ').1, face(false).glyph('o').1);
    }
}
