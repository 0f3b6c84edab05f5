//! `posters/index.html`: every poster of the site, by field, then the staff
//! board and the notices. A page of the site (with its menu), not a poster.

use crate::diag::Diagnostic;
use crate::model::Status;
use crate::render::context::{PageMeta, Renderer};
use crate::render::files::{Content, OutputFile};
use crate::render::view::FieldView;
use crate::render::{format, i18n, urls};
use serde::Serialize;
use tera::Context;

#[derive(Serialize)]
struct IndexField<'a> {
    field: &'a FieldView,
    catalogue_url: String,
    all_url: String,
    /// The field's QR boards, A2 and A1 (none without a listed procedure).
    qr_boards: Vec<Pdf>,
    /// The catalogue's PDF (none without a listed procedure).
    catalogue_pdf: Option<String>,
    procedures: Vec<IndexProcedure>,
}

#[derive(Serialize)]
struct IndexProcedure {
    title: String,
    code: Option<String>,
    poster_url: String,
    handout_url: String,
    upcoming: Option<String>,
}

/// A PDF: its address and paper.
#[derive(Serialize)]
struct Pdf {
    url: String,
    paper: &'static str,
}

/// The QR boards of a field (or of every field), A2 then A1.
fn qr_boards(field: Option<&str>) -> Vec<Pdf> {
    [("a2", "A2"), ("a1", "A1")]
        .map(|(slug, paper)| Pdf {
            url: urls::qr_board(field, slug),
            paper,
        })
        .into()
}

#[derive(Serialize)]
struct IndexNotice {
    title: String,
    date: String,
    url: String,
}

/// The index page.
pub(in crate::render) fn page(r: &Renderer) -> Result<OutputFile, Box<Diagnostic>> {
    let t = i18n::strings(r.site.config.language);
    let mut ctx = Context::new();
    ctx.insert("poster_fields", &index_fields(r));
    ctx.insert("poster_notices", &index_notices(r));
    ctx.insert("staff_board_url", urls::STAFF_BOARD);
    let any = !r.listed.is_empty();
    ctx.insert("qr_boards", &if any { qr_boards(None) } else { Vec::new() });
    let house = [("a4", "A4"), ("a3", "A3")].map(|(slug, paper)| Pdf {
        url: urls::house_pack(slug),
        paper,
    });
    ctx.insert("house_pack", &house);
    ctx.insert("root", &urls::root_of(urls::POSTERS));
    ctx.insert(
        "page",
        &PageMeta {
            title: t.posters,
            path: urls::POSTERS,
            description: "",
            kind: "posters",
        },
    );
    let mut html = Vec::new();
    r.template_to("posters/index.html", &ctx, &mut html)?;
    Ok(OutputFile {
        path: urls::POSTERS.into(),
        content: Content::Html(r.minified(html)),
    })
}

fn index_fields<'a>(r: &'a Renderer) -> Vec<IndexField<'a>> {
    let today = r.opts.today;
    let procedures = |slug: &str| {
        r.listed
            .iter()
            .filter(|p| p.field == slug)
            .map(|p| IndexProcedure {
                title: p.title.clone(),
                code: p.code.clone(),
                poster_url: urls::poster(p),
                handout_url: urls::handout(p),
                upcoming: match p.status(today) {
                    Status::Upcoming => p.effective.map(format::date),
                    _ => None,
                },
            })
            .collect()
    };
    let any = |slug: &str| r.listed.iter().any(|p| p.field == slug);
    r.site
        .fields
        .iter()
        .zip(&r.field_views)
        .map(|(f, fv)| IndexField {
            field: fv,
            catalogue_url: urls::field_catalogue(&f.slug),
            all_url: urls::field_print_all(&f.slug),
            qr_boards: match any(&f.slug) {
                true => qr_boards(Some(&f.slug)),
                false => Vec::new(),
            },
            catalogue_pdf: any(&f.slug).then(|| urls::field_catalogue_pdf(&f.slug)),
            procedures: procedures(&f.slug),
        })
        .collect()
}

/// The notices in force, each with its poster.
fn index_notices(r: &Renderer) -> Vec<IndexNotice> {
    r.site
        .notices
        .iter()
        .filter(|x| x.is_current(r.opts.today))
        .map(|x| IndexNotice {
            title: x.title.clone(),
            date: format::date(x.date),
            url: urls::notice_poster(x),
        })
        .collect()
}
