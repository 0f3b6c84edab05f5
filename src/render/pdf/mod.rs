//! The PDF engine: niemyet lays its printed sheets out itself and writes
//! them as PDF, so a sheet prints the same from any viewer on any printer
//! and "fits one sheet" is measured by laying out, not predicted.
//!
//! - [`font`]: Noto Sans regular and bold, shipped with the theme (OFL),
//!   glyph ids and advances read with ttf-parser;
//! - [`text`]: runs of regular and bold text (NFC) broken into lines with
//!   those advances;
//! - [`flow`]: blocks of lines flowed into columns and pages (kept
//!   together, split between lines, headings kept with what follows);
//! - [`qr`]: a QR code as squares on a grid, with its link;
//! - [`doc`]: the PDF itself (pdf-writer), each face embedded as a subset
//!   (subsetter), deterministic bytes.
//!
//! The poster kinds that use it are in `render::posters` (`pdf_poster`).

pub(crate) mod doc;
pub(crate) mod flow;
pub(crate) mod font;
pub(crate) mod qr;
pub(crate) mod text;

/// Points per millimetre.
pub(crate) const PT_PER_MM: f32 = 72.0 / 25.4;

/// A4 portrait in pt.
pub(crate) const A4: (f32, f32) = (595.276, 841.89);

/// The size of `paper` in pt, portrait.
pub(crate) fn paper(paper: crate::render::Paper) -> (f32, f32) {
    let (w, h) = paper.mm();
    (mm(w), mm(h))
}

/// Millimetres in pt.
pub(crate) fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}
