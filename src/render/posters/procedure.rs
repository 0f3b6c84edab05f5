//! A procedure's A4 poster and A5 handout: measured once, planned for each
//! paper, rendered through `posters/procedure.html` and
//! `posters/handout.html`.

use super::measure::{measure, Measure};
use super::page::{fragment, page};
use super::plan::{handout_plan, poster_plan, Plan};
use super::sheets::sheet_views;
use crate::diag::Diagnostic;
use crate::model::Procedure;
use crate::render::context::Renderer;
use crate::render::files::OutputFile;
use crate::render::view::{self, ProcedureView};
use crate::render::{i18n, qr, urls, ProcedureId};
use tera::Context;

/// What a procedure's poster and handout are both made from.
pub(super) struct Prepared<'a> {
    p: &'a Procedure,
    v: ProcedureView,
    m: Measure,
    /// The QR code to the procedure's page, as SVG.
    qr: String,
}

impl<'a> Prepared<'a> {
    pub(super) fn new(r: &Renderer, p: &'a Procedure) -> Prepared<'a> {
        let (site, today, lang) = (r.site, r.opts.today, r.site.config.language);
        let t = i18n::strings(lang);
        let v = view::procedure_view(&view::ProcedureInput {
            procedure: p,
            fields: &r.fields,
            site,
            today,
            lang,
        });
        let m = measure(p, site, r.fields.name(&p.field), today);
        let qr = qr::svg(&v.absolute_url, t.qr_label).unwrap_or_default();
        Prepared { p, v, m, qr }
    }

    /// The poster's sheets (for its page and its field's "print all"
    /// page), and its plan.
    pub(super) fn poster(&self, r: &Renderer) -> Result<(String, Plan), Box<Diagnostic>> {
        let plan = poster_plan(&self.m);
        // The wall poster stays up for months: no date on it.
        let html = self.sheets(r, "posters/procedure.html", &plan, "", "")?;
        Ok((html, plan))
    }

    /// The handout's sheets.
    pub(super) fn handout(&self, r: &Renderer) -> Result<String, Box<Diagnostic>> {
        let t = i18n::strings(r.site.config.language);
        let plan = handout_plan(&self.m);
        let due = self.v.due.as_ref().map(|d| d.code.as_str());
        self.sheets(
            r,
            "posters/handout.html",
            &plan,
            t.handout_title,
            due.unwrap_or_default(),
        )
    }

    fn sheets(
        &self,
        r: &Renderer,
        template: &str,
        plan: &Plan,
        kind_label: &str,
        due: &str,
    ) -> Result<String, Box<Diagnostic>> {
        let v = &self.v;
        let mut ctx = Context::new();
        ctx.insert("p", v);
        // The code goes in after the sheets are minified (see `with_qr`).
        ctx.insert("qr", QR_MARK);
        ctx.insert("updated", &v.updated);
        ctx.insert("kind_label", kind_label);
        ctx.insert("due", due);
        ctx.insert("sheets", &sheet_views(plan, v));
        Ok(with_qr(fragment(r, template, &ctx)?, &self.qr))
    }

    /// The poster's page, with its sheets; a poster that needs more than
    /// [`super::warnings::MANY_SHEETS`] sheets is a warning.
    pub(super) fn poster_page(
        &self,
        r: &Renderer,
        (sheets, plan): &(String, Plan),
    ) -> Result<OutputFile, Box<Diagnostic>> {
        if plan.pages() > super::warnings::MANY_SHEETS {
            r.long_poster(&ProcedureId::of(self.p), plan.pages());
        }
        let (p, back) = (self.p, urls::procedure(self.p));
        page(
            r,
            &urls::poster(p),
            &p.title,
            "poster",
            &back,
            std::iter::once(sheets.as_str()),
        )
    }

    /// The poster as PDF, laid out by niemyet ([`super::pdf_poster`]).
    pub(super) fn poster_pdf(&self, r: &Renderer) -> OutputFile {
        OutputFile {
            path: urls::poster_pdf_at(&self.p.field, &self.p.slug),
            content: crate::render::files::Content::Bytes(super::pdf_poster::poster(
                &self.v, r.site,
            )),
        }
    }

    /// The handout's page, with its sheets.
    pub(super) fn handout_page(
        &self,
        r: &Renderer,
        sheets: &str,
    ) -> Result<OutputFile, Box<Diagnostic>> {
        let t = i18n::strings(r.site.config.language);
        let (p, back) = (self.p, urls::procedure(self.p));
        page(
            r,
            &urls::handout(p),
            &format!("{}: {}", t.handout_title, p.title),
            "handout",
            &back,
            std::iter::once(sheets),
        )
    }
}

/// Stands for the QR code in a sheet until [`with_qr`] puts it in.
const QR_MARK: &str = "\u{1}niemyet-qr\u{1}";

/// The sheets with their QR code in place of [`QR_MARK`]. The code's SVG is
/// already as small as it gets, and it was a third of what minify-html read
/// in a poster or handout, so it goes in after minification.
fn with_qr(sheets: String, svg: &str) -> String {
    if sheets.contains(QR_MARK) {
        sheets.replace(QR_MARK, svg)
    } else {
        sheets
    }
}
