//! Printable posters (`posters/`): HTML pages made to be printed from any
//! browser, one sheet of paper each.
//!
//! | path | what | paper |
//! |---|---|---|
//! | `posters/index.html` | every poster, by kind and field | (a site page) |
//! | `posters/<field>/<slug>/index.html` | procedure poster | A4 portrait |
//! | `posters/<field>/<slug>/huong-dan.html` | citizen handout "Giấy hướng dẫn" | A5 portrait |
//! | `posters/<field>/index.html` | the field's catalogue table | A3 landscape |
//! | `posters/<field>/in-tat-ca.html` | the catalogue + every procedure poster of the field | A3 + A4 pages |
//! | `posters/bang-lien-he.html` | staff and contact board | A4 portrait |
//! | `posters/thong-bao/<slug>.html` | one per current notice | A4 portrait |
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
mod plan;
mod procedure;
mod sheets;
mod staff;
mod text;
mod warnings;

pub(super) use warnings::site_warnings;

use crate::diag::Diagnostic;
use crate::model::{Field, Procedure};
use crate::render::context::{once_each, Renderer};
use crate::render::files::{OutputFile, Sink};
use crate::render::view::FieldView;
use procedure::Prepared;
use rayon::prelude::*;

/// Every poster, or with `edited` the posters of those procedures, their
/// fields' catalogues, and the index (what an edit of those procedures can
/// change: the staff board and notice posters show no procedure), into
/// `sink`. The "print all" pages come too when the options ask for them
/// (for an edit, every poster of the edited fields then). Returns how many
/// pages it made.
pub(super) fn render(
    r: &Renderer,
    fields: &[FieldView],
    edited: Option<&[&Procedure]>,
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let wanted = |field: &str| edited.is_none_or(|e| e.iter().any(|p| p.field == field));
    let part = match (edited, r.opts.print_all) {
        (_, true) => FieldPart::Everything,
        (edited, false) => FieldPart::Posters(edited),
    };
    let mut made = 0;
    let mut errors = Vec::new();
    for res in each_field(r, fields, wanted, part, sink) {
        match res {
            Ok(n) => made += n,
            Err(d) => errors.push(d),
        }
    }
    let mut errors = once_each(errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut put = |res: Result<OutputFile, Box<Diagnostic>>| match res {
        Ok(f) => {
            sink.put(f);
            made += 1;
        }
        Err(d) => errors.push(*d),
    };
    // The staff board and the notices' posters show no procedure.
    if edited.is_none() {
        put(staff::board(r));
        for x in r.site.notices.iter().filter(|x| x.is_current(r.opts.today)) {
            put(notice::poster(r, x));
        }
    }
    put(index::page(r, fields));
    if errors.is_empty() {
        Ok(made)
    } else {
        Err(errors)
    }
}

/// The fields' "print all" pages alone, into `sink`.
pub(super) fn print_all(
    r: &Renderer,
    fields: &[FieldView],
    sink: &dyn Sink,
) -> Result<(), Vec<Diagnostic>> {
    let errors: Vec<Box<Diagnostic>> = each_field(r, fields, |_| true, FieldPart::PrintAll, sink)
        .into_iter()
        .filter_map(Result::err)
        .collect();
    match once_each(errors) {
        e if e.is_empty() => Ok(()),
        e => Err(e),
    }
}

/// Which of a field's printable pages to make.
#[derive(Clone, Copy)]
enum FieldPart<'p> {
    /// Each procedure's poster and handout, the catalogue, and the "print
    /// all" page (the catalogue, then every poster).
    Everything,
    /// The poster and handout of these procedures (of all, with `None`) and
    /// the catalogue.
    Posters(Option<&'p [&'p Procedure]>),
    /// The "print all" page alone.
    PrintAll,
}

/// [`field_posters`] of the fields `wanted`, in parallel: a field's posters
/// are held only until its "print all" page is made of them.
fn each_field(
    r: &Renderer,
    fields: &[FieldView],
    wanted: impl Fn(&str) -> bool + Sync,
    part: FieldPart,
    sink: &dyn Sink,
) -> Vec<Result<usize, Box<Diagnostic>>> {
    r.site
        .fields
        .par_iter()
        .zip(fields.par_iter())
        .filter(|(f, _)| wanted(&f.slug))
        .map(|(f, fv)| field_posters(r, f, fv, part, sink))
        .collect()
}

/// A field's printable pages (see [`FieldPart`]) into `sink`. Returns how
/// many pages it made.
fn field_posters(
    r: &Renderer,
    f: &Field,
    fv: &FieldView,
    part: FieldPart,
    sink: &dyn Sink,
) -> Result<usize, Box<Diagnostic>> {
    let in_part = |p: &Procedure| match part {
        FieldPart::Posters(Some(edited)) => edited.iter().any(|e| e.source == p.source),
        _ => true,
    };
    let procedures: Vec<&Procedure> = r
        .listed
        .iter()
        .copied()
        .filter(|p| p.field == f.slug && in_part(p))
        .collect();
    let pages = match part {
        FieldPart::PrintAll => None,
        _ => Some(sink),
    };
    // Catalogue order kept: the "print all" page follows the table.
    let posters: Vec<String> = procedures
        .par_iter()
        .map(|p| procedure_posters(r, p, pages))
        .collect::<Result<_, _>>()?;
    let catalogue = field::catalogue_sheet(r, f, fv)?;
    let mut made = 2 * posters.len() * usize::from(pages.is_some());
    if !matches!(part, FieldPart::PrintAll) {
        sink.put(field::catalogue_page(r, f, &catalogue)?);
        made += 1;
    }
    if !matches!(part, FieldPart::Posters(_)) {
        sink.put(field::print_all_page(r, f, &catalogue, &posters)?);
        made += 1;
    }
    Ok(made)
}

/// A procedure's poster sheets (for its field's "print all" page), and its
/// poster and handout pages into `pages` when given.
fn procedure_posters(
    r: &Renderer,
    p: &Procedure,
    pages: Option<&dyn Sink>,
) -> Result<String, Box<Diagnostic>> {
    let prepared = Prepared::new(r, p);
    let poster = prepared.poster(r)?;
    let Some(sink) = pages else {
        return Ok(poster.0);
    };
    let handout = prepared.handout(r)?;
    sink.put(prepared.poster_page(r, &poster)?);
    sink.put(prepared.handout_page(r, &handout)?);
    Ok(poster.0)
}

/// Whether `path` is a field's "print all" page.
pub fn is_print_all(path: &str) -> bool {
    path.starts_with("posters/") && path.ends_with("/in-tat-ca.html")
}
