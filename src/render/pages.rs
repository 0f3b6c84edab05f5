//! The site's pages from the theme's templates: the home page, the
//! catalogue, search, contact, notices, a field's and a procedure's page,
//! the kiosk's page and the 404 page. (The posters are [`super::posters`].)

use super::context::{PageMeta, Renderer};
use super::files::{Content, OutputFile};
use super::view::{self, FieldView};
use super::{data, i18n, kiosk, urls};
use crate::diag::Diagnostic;
use crate::model::{Field, Kiosk, Notice, Procedure};
use tera::Context;

/// One page to render.
pub(super) enum Page<'a> {
    Home,
    Field(&'a Field, &'a FieldView),
    Procedure(&'a Procedure),
    Catalogue,
    Contact,
    Search,
    Notices,
    Notice(&'a Notice),
    NotFound,
    /// The touch screen's one page (its data are data files).
    Kiosk(Kiosk),
}

/// What a page is besides its own values: its template, where it goes,
/// its title and its description (for `<meta>`).
struct Head {
    template: &'static str,
    path: String,
    title: String,
    description: String,
}

impl Head {
    fn new(template: &'static str, path: impl Into<String>, title: impl Into<String>) -> Head {
        Head {
            template,
            path: path.into(),
            title: title.into(),
            description: String::new(),
        }
    }
}

/// The page `page`, through its template.
pub(super) fn render(r: &Renderer, page: &Page) -> Result<OutputFile, Box<Diagnostic>> {
    let t = i18n::strings(r.site.config.language);
    let mut ctx = Context::new();
    let head = match page {
        Page::Home => Head {
            description: t.how_to_use.into(),
            ..Head::new("index.html", urls::HOME, r.site.config.title.clone())
        },
        Page::Catalogue => {
            ctx.insert_value("rows", r.rows_az_value());
            Head::new("catalogue.html", urls::CATALOGUE, t.catalogue_az)
        }
        Page::Search => {
            ctx.insert_value("rows", r.rows_az_value());
            Head::new("search.html", urls::SEARCH, t.search)
        }
        Page::Contact => Head::new("contact.html", urls::CONTACT, t.contact_title),
        Page::Notices => Head::new("notices.html", urls::NOTICES, t.notices),
        Page::NotFound => Head::new("404.html", urls::NOT_FOUND, t.not_found),
        Page::Field(f, fv) => field(r, f, fv, &mut ctx),
        Page::Procedure(p) => procedure(r, p, &mut ctx),
        Page::Kiosk(settings) => {
            let v = kiosk::view(r.site, *settings, r.opts.today);
            ctx.insert("kiosk", &v);
            Head::new("kiosk/index.html", kiosk::PAGE, t.kiosk_title)
        }
        Page::Notice(n) => {
            ctx.insert("notice", &view::notice_view(n, r.opts.today));
            Head::new("notice.html", urls::notice(n), n.title.clone())
        }
    };
    finish(r, head, ctx)
}

fn field(r: &Renderer, f: &Field, fv: &FieldView, ctx: &mut Context) -> Head {
    ctx.insert("field", fv);
    let rows = r.rows(r.listed.iter().filter(|p| p.field == f.slug));
    ctx.insert("rows", &rows);
    Head {
        description: fv.description.clone(),
        ..Head::new("field.html", urls::field(f), f.name.clone())
    }
}

fn procedure(r: &Renderer, p: &Procedure, ctx: &mut Context) -> Head {
    let t = i18n::strings(r.site.config.language);
    let input = view::ProcedureInput {
        procedure: p,
        fields: &r.fields,
        site: r.site,
        today: r.opts.today,
        lang: r.site.config.language,
    };
    let v = view::procedure_view(&input);
    ctx.insert("json_ld", &data::json_ld(&v, r.site));
    ctx.insert("procedure", &v);
    Head {
        description: format!("{}: {}. {}", t.result, p.result, v.row.deadline),
        ..Head::new("procedure.html", urls::procedure(p), p.title.clone())
    }
}

/// The page's own values with what every page needs (`root`, `page`),
/// rendered and minified.
fn finish(r: &Renderer, head: Head, mut ctx: Context) -> Result<OutputFile, Box<Diagnostic>> {
    ctx.insert("root", &urls::root_of(&head.path));
    ctx.insert(
        "page",
        &PageMeta {
            title: &head.title,
            path: &head.path,
            description: &head.description,
            kind: head.template.trim_end_matches(".html"),
        },
    );
    let mut html = Vec::with_capacity(16 * 1024);
    r.template_to(head.template, &ctx, &mut html)?;
    Ok(OutputFile {
        path: head.path,
        content: Content::Html(r.minified(html)),
    })
}
