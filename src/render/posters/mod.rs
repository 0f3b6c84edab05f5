//! Printable posters (`posters/`): HTML pages made to be printed from any
//! browser, one sheet of paper each.
//!
//! | path | what | paper |
//! |---|---|---|
//! | `posters/index.html` | every poster, by kind and field | (a site page) |
//! | `posters/<field>/<slug>/index.html` | procedure poster | A4 portrait |
//! | `posters/<field>/<slug>/poster.pdf` | procedure poster as PDF, laid out by niemyet ([`pdf_poster`]) | A4 portrait |
//! | `posters/<field>/<slug>/huong-dan.html` | citizen handout "Giấy hướng dẫn" | A5 portrait |
//! | `posters/<field>/index.html` | the field's catalogue table | A3 landscape |
//! | `posters/<field>/in-tat-ca.html` | the catalogue + every procedure poster of the field | A3 + A4 pages |
//! | `posters/bang-lien-he.html` | staff and contact board | A4 portrait |
//! | `posters/thong-bao/<slug>.html` | one per current notice | A4 portrait |
//! | `posters/<field>/danh-muc-a3.pdf` | the field's catalogue table as PDF ([`pdf_catalogue`]) | A3 landscape |
//! | `posters/<field>/bang-qr-a2.pdf`, `bang-qr-a1.pdf` | QR board of the field's procedures ([`pdf_qrboard`]) | A2, A1 portrait |
//! | `posters/bang-qr-a2.pdf`, `bang-qr-a1.pdf` | QR board of every field's procedures | A2, A1 portrait |
//! | `posters/nha-van-hoa.pdf`, `nha-van-hoa-a3.pdf` | the cultural-house pack ([`pdf_house`]) | A4, A3 portrait |
//!
//! Repealed procedures get none (their page stays, without poster links).
//!
//! **One page each.** Chromium never adds a page for content that is too
//! wide (it shrinks the whole page) but does for content that is too tall,
//! and a browser cannot be asked how tall a page will be at build time. So
//! the build lays each procedure poster and handout out itself, as Chromium
//! does, closely enough to know its printed height to the millimetre:
//!
//! - each paragraph is wrapped word by word (at spaces, and after a hyphen
//!   before a letter) with the glyph advances of Noto Sans (Linux, the CI;
//!   `poster.css` names it first) and of Arial (Windows), and the taller of
//!   the two is kept ([`text`]). The advances ([`fonts`]) were measured in
//!   Chromium; a letter with tone marks is as wide as its base letter.
//! - boxes follow `poster.css`, whose every number has its twin in
//!   [`dims`]: line heights, margins (collapsed, dropped at the top of a
//!   column), paddings, rules ([`heights`]); two columns are balanced as
//!   Chromium does ([`columns`]).
//!
//! Calibration (Chromium 148, `emulateMediaType('print')`, each sheet's
//! height against the estimate): every poster and handout of the example
//! site and 248 of a generated 2,000-procedure site, 402 sheets. The
//! estimate was 0.05–3.2 mm above the real height in Noto Sans (median
//! 0.3 mm), 0.05–32 mm above it in Liberation Sans (Arial's metrics: most
//! text is narrower than in Noto), never below; all of them printed
//! (`--print-to-pdf`) on exactly the pages planned.
//! `dims::FILL` keeps 2 % of the page (5.5 mm on A4) for what the estimate
//! cannot see: kerning, a fallback font, another browser's rounding.
//!
//! The roomiest layout that fits one sheet is chosen: type scales
//! (`dims::POSTER_SCALES`, `HANDOUT_SCALES`: fewer columns and larger type
//! first, never under 11 pt; a title longer than four lines is set
//! smaller), then shorter text ([`notes`]: the steps and documents' notes
//! abridged, at last the notes left out; the sheet then says the full text
//! is one QR scan away); see [`plan`]. When nothing fits, the first layout
//! that needs the fewest sheets is split at item boundaries, each sheet
//! filled before the next begins ([`paginate`]); later sheets repeat the
//! title with "(tiếp theo)", and
//! `niemyet build` warns naming the procedure ([`warnings`]; a handout
//! simply prints front and back). The type sizes are written into each
//! sheet's `style` from here, so the estimate and the print use the same
//! numbers. `tests/posters_print.rs` prints every example poster with
//! Chromium and checks that it takes the pages planned.
//!
//! The "print all" pages are the single posters' sheets joined (rendered
//! once), so they cost string copies, not template renders ([`page`]).
//!
//! The estimate: [`fonts`] → [`text`] → [`measure`] (what a sheet prints)
//! → [`heights`] (the box model, at one scale) → [`columns`] →
//! [`plan`] / [`paginate`]. The pages: [`procedure`] (poster and handout,
//! through [`sheets`]), [`field`] (catalogue and "print all"), [`staff`],
//! [`notice`], [`index`], all assembled by [`page`].

mod columns;
mod dims;
mod field;
mod fonts;
mod heights;
mod index;
mod measure;
mod notes;
mod notice;
mod page;
mod paginate;
mod pdf_catalogue;
mod pdf_content;
mod pdf_house;
mod pdf_poster;
mod pdf_qrboard;
mod plan;
mod procedure;
mod sheets;
mod staff;
mod text;
mod warnings;

pub(super) use index::page as index;

/// A PDF of the site or of a field that no procedure's page makes: a QR
/// board, the cultural-house pack, a field's catalogue; none for a key
/// of another kind or of a field this site does not have.
pub(super) fn pdf(r: &Renderer, key: &crate::render::OutputKey) -> Option<OutputFile> {
    use crate::render::OutputKey as K;
    match key {
        K::QrBoard(None, paper) => pdf_qrboard::board(r, None, *paper),
        K::QrBoard(Some(f), paper) => {
            let (_, field) = r.fields.position(f)?;
            pdf_qrboard::board(r, Some(field), *paper)
        }
        K::HousePack(paper) => Some(pdf_house::pack(r, *paper)),
        K::FieldCataloguePdf(f) => {
            let (_, field) = r.fields.position(f)?;
            Some(pdf_catalogue::catalogue(r, field))
        }
        _ => None,
    }
}
pub(super) use notice::poster as notice_poster;
pub(super) use staff::board as staff_board;
pub(super) use warnings::{site_warnings, too_long};

use crate::diag::Diagnostic;
use crate::model::{Field, Procedure};
use crate::render::context::Renderer;
use crate::render::files::{OutputFile, Sink};
use crate::render::view::FieldView;
use procedure::Prepared;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Which of one field's printable pages to make together: they share work
/// (a poster and a handout are made from one measured procedure, the "print
/// all" page from the posters' sheets and the catalogue's).
pub(super) struct FieldPrintables<'a> {
    pub(super) field: &'a Field,
    pub(super) view: &'a FieldView,
    /// Slugs of the procedures whose poster to make.
    pub(super) posters: BTreeSet<&'a str>,
    /// Slugs of the procedures whose handout to make.
    pub(super) handouts: BTreeSet<&'a str>,
    /// Slugs of the procedures whose PDF poster to make.
    pub(super) pdfs: BTreeSet<&'a str>,
    pub(super) catalogue: bool,
    pub(super) print_all: bool,
}

impl FieldPrintables<'_> {
    fn wants(&self, p: &Procedure) -> (bool, bool) {
        let slug = p.slug.as_str();
        (self.posters.contains(slug), self.handouts.contains(slug))
    }

    fn wants_pdf(&self, p: &Procedure) -> bool {
        self.pdfs.contains(p.slug.as_str())
    }
}

/// The pages `w` asks for, into `sink`; returns how many. With the "print
/// all" page, every poster of the field is laid out once for it and for the
/// posters' own pages, and held only until the page is made.
pub(super) fn field(
    r: &Renderer,
    w: &FieldPrintables,
    sink: &dyn Sink,
) -> Result<usize, Box<Diagnostic>> {
    let made = AtomicUsize::new(0);
    let put = |res: Result<_, Box<Diagnostic>>| -> Result<(), Box<Diagnostic>> {
        sink.put(res?);
        made.fetch_add(1, Ordering::Relaxed);
        Ok(())
    };
    // Catalogue order kept: the "print all" page follows the table.
    let sheets: Vec<Option<String>> = procedures(r, w.field)
        .par_iter()
        .filter(|p| {
            let (poster, handout) = w.wants(p);
            w.print_all || poster || handout || w.wants_pdf(p)
        })
        .map(|p| {
            let (poster_page, handout_page) = w.wants(p);
            let prepared = Prepared::new(r, p);
            let poster = match poster_page || w.print_all {
                true => Some(prepared.poster(r)?),
                false => None,
            };
            if handout_page {
                put(prepared.handout_page(r, &prepared.handout(r)?))?;
            }
            if w.wants_pdf(p) {
                put(Ok(prepared.poster_pdf(r)))?;
            }
            if let (true, Some(poster)) = (poster_page, &poster) {
                put(prepared.poster_page(r, poster))?;
            }
            Ok(poster.map(|(sheets, _)| sheets))
        })
        .collect::<Result<_, Box<Diagnostic>>>()?;
    if w.catalogue || w.print_all {
        let catalogue = field::catalogue_sheet(r, w.field, w.view)?;
        if w.catalogue {
            put(field::catalogue_page(r, w.field, &catalogue))?;
        }
        if w.print_all {
            let posters: Vec<String> = sheets.into_iter().flatten().collect();
            put(field::print_all_page(r, w.field, &catalogue, &posters))?;
        }
    }
    Ok(made.into_inner())
}

/// The procedures of field `f` that have posters (not repealed), in
/// catalogue order.
fn procedures<'a>(r: &Renderer<'a>, f: &Field) -> Vec<&'a Procedure> {
    r.listed
        .iter()
        .copied()
        .filter(|p| p.field == f.slug)
        .collect()
}
