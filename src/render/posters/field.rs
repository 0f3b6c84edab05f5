//! A field's catalogue table (A3 landscape, `posters/field.html`) and its
//! "print all" page: the table, then every procedure poster of the field.

use super::dims::{catalogue, head, list, A3L, BODY_LH, COUNTED_SIZES, SAFETY};
use super::page::{fragment, page};
use super::text::{n, text_h, BOLD_EM, CAPS_EM, REGULAR_EM};
use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::model::{Date, Field, Procedure, Site};
use crate::render::context::Renderer;
use crate::render::files::OutputFile;
use crate::render::view::{self, FieldView};
use crate::render::{i18n, qr, urls};
use serde::Serialize;
use tera::Context;

/// A row of the table.
#[derive(Serialize)]
pub(super) struct CatalogueRow {
    pub(super) title: String,
    pub(super) code: Option<String>,
    pub(super) deadline: String,
    pub(super) fees: String,
    pub(super) upcoming: Option<String>,
}

/// The rows of field `f`'s table: its procedures of `listed`, in order.
pub(super) fn catalogue_rows(
    listed: &[&Procedure],
    f: &Field,
    today: Date,
    lang: Lang,
) -> Vec<CatalogueRow> {
    listed
        .iter()
        .filter(|p| p.field == f.slug)
        .map(|p| {
            let r = view::row_view(p, &f.name, today, lang);
            CatalogueRow {
                title: r.title,
                code: r.code,
                deadline: r.deadline,
                fees: r.fees,
                upcoming: r.upcoming,
            }
        })
        .collect()
}

/// Type size for the catalogue table, and the sheets it needs (more than one
/// only when even the smallest size does not fit).
pub(super) fn catalogue_scale(rows: &[CatalogueRow], site: &Site) -> (f32, usize) {
    use catalogue::*;
    let g = A3L;
    let name_w = g.w - NO_W - CODE_W - DEADLINE_W - FEE_W - list::CELL_PAD_X;
    let o = &site.config.office;
    let footer_lines = FOOT_LINES + o.hours.len();
    let last = COUNTED_SIZES.len() - 1;
    for (i, pt) in COUNTED_SIZES.into_iter().enumerate() {
        let cell = |chars: usize, w: f32, em: f32| text_h(chars, w, pt, list::LH, em);
        let row_h = |r: &CatalogueRow| {
            let name = n(&r.title) + r.upcoming.as_ref().map_or(0, |u| n(u) + UPCOMING_CHARS);
            cell(name, name_w, BOLD_EM)
                .max(cell(
                    n(&r.deadline),
                    DEADLINE_W - list::CELL_PAD_X,
                    REGULAR_EM,
                ))
                .max(cell(n(&r.fees), FEE_W - list::CELL_PAD_X, REGULAR_EM))
                + list::CELL_PAD_Y
                + list::ROW_RULE
        };
        let header = text_h(OFFICE_CHARS, g.w, OFFICE_PT, head::OFFICE_LH, CAPS_EM)
            + text_h(TITLE_CHARS, g.w, pt * TITLE, head::TITLE_LH, BOLD_EM)
            + HEAD_RULE
            + cell(HEAD_ROW_CHARS, HEAD_ROW_W, BOLD_EM)
            + HEAD_ROW_RULE;
        let lines = text_h(FOOT_CHARS, FOOT_W, pt, BODY_LH, REGULAR_EM) * footer_lines as f32;
        let footer = FOOT_ABOVE + (g.qr + QR_CAPTION).max(lines);
        let body: f32 = rows.iter().map(row_h).sum();
        let total = header + body + footer;
        if total <= g.h * SAFETY {
            return (pt, 1);
        }
        if i == last {
            let per_sheet = g.h * SAFETY - header;
            let pages = ((body + footer) / per_sheet).ceil() as usize;
            return (pt, pages.max(2));
        }
    }
    (COUNTED_SIZES[last], 1)
}

/// The sheet of field `f`'s catalogue table (for its page and its "print
/// all" page).
pub(super) fn catalogue_sheet(
    r: &Renderer,
    f: &Field,
    fv: &FieldView,
) -> Result<String, Box<Diagnostic>> {
    let (site, lang) = (r.site, r.site.config.language);
    let t = i18n::strings(lang);
    let rows = catalogue_rows(&r.listed, f, r.opts.today, lang);
    let (pt, pages) = catalogue_scale(&rows, site);
    let mut ctx = Context::new();
    ctx.insert("field", fv);
    ctx.insert("rows", &rows);
    // The A3 pages planned, on the sheet: what the print test holds the
    // printed PDF to (no warning names them below three).
    ctx.insert("pages", &pages);
    let title = pt * catalogue::TITLE;
    ctx.insert(
        "style",
        &format!("--b:{pt}pt;--n:{pt}pt;--t:{title}pt;--h2:{pt}pt"),
    );
    let url = urls::absolute(&site.config.base_url, &urls::field(f));
    ctx.insert("qr", &qr::svg(&url, t.scan_qr_field).unwrap_or_default());
    fragment(r, "posters/field.html", &ctx)
}

/// Field `f`'s catalogue page.
pub(super) fn catalogue_page(
    r: &Renderer,
    f: &Field,
    sheet: &str,
) -> Result<OutputFile, Box<Diagnostic>> {
    let t = i18n::strings(r.site.config.language);
    page(
        r,
        &urls::field_catalogue(&f.slug),
        &format!("{}: {}", t.field_catalogue, f.name),
        "field",
        &urls::field(f),
        std::iter::once(sheet),
    )
}

/// Field `f`'s "print all" page: the catalogue's sheet, then the poster
/// sheets of its procedures in catalogue order.
pub(super) fn print_all_page(
    r: &Renderer,
    f: &Field,
    catalogue: &str,
    posters: &[String],
) -> Result<OutputFile, Box<Diagnostic>> {
    let t = i18n::strings(r.site.config.language);
    page(
        r,
        &urls::field_print_all(&f.slug),
        &format!("{}: {}", t.print_all_field, f.name),
        "all",
        &urls::field(f),
        std::iter::once(catalogue).chain(posters.iter().map(String::as_str)),
    )
}
