//! What one render shares: the options, the theme's templates with the
//! site-wide values as globals, the fields by slug, the listed procedures,
//! and the warnings found on the way. Every part of render that uses a
//! template goes through [`Renderer`], so Tera stays inside it.

use super::fields::Fields;
use super::keys::ProcedureId;
use super::theme::{self, Theme};
use super::view::{self, FieldView, NoticeView, RowView};
use super::{due, i18n};
use crate::diag::{Diagnostic, Rule};
use crate::model::{Date, Procedure, Site, Status};
use crate::t;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::PathBuf;
use tera::Context;

/// How to render. The language is not here: a site is published in its
/// `site.yaml` `language`, never in the language of messages (`--lang`).
pub struct RenderOptions {
    pub today: Date,
    /// How pages are minified; none: as rendered.
    pub minifier: Option<Minifier>,
}

/// A minifier, handed to render by its caller: whether pages are minified
/// is decided in one place (`build`, from `--no-minify`), and render does
/// not depend on the minifier it is given.
#[derive(Clone, Copy)]
pub struct Minifier {
    /// A whole page.
    pub page: fn(&[u8]) -> Vec<u8>,
    /// Markup that will be spliced into a page next to other markup (a
    /// poster's sheets, minified once and put in its page and its field's
    /// "print all" page), so it must keep its last closing tag.
    pub fragment: fn(&str) -> String,
}

/// What every page needs to say where it is.
#[derive(Serialize)]
pub(super) struct PageMeta<'a> {
    pub(super) title: &'a str,
    pub(super) path: &'a str,
    pub(super) description: &'a str,
    pub(super) kind: &'static str,
}

/// A digest of what every page sees (the templates' globals: the site, its
/// fields with their counts, the current notices, the interface strings,
/// the calendar's version). Two renders with the same globals differ only
/// in the outputs that show a procedure ([`super::OutputKey::shows`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Globals(pub(super) u64);

/// One site's render: the theme's templates with the site-wide values as
/// globals, made once, then asked for outputs ([`Renderer::one`]) or for
/// all of them ([`super::render`]).
pub struct Renderer<'a> {
    pub(super) site: &'a Site,
    pub(super) theme: &'a Theme,
    pub(super) opts: &'a RenderOptions,
    /// `assets/calendar.js` (made once: its lunar table is 51 years).
    pub(super) calendar: Vec<u8>,
    /// The theme's templates with the site-wide values as globals.
    tera: tera::Tera,
    pub(super) globals: Globals,
    /// The fields by slug.
    pub(super) fields: Fields<'a>,
    /// The fields as pages show them (with their counts), in site order.
    pub(super) field_views: Vec<FieldView>,
    /// Procedures that appear in lists (not repealed), catalogue order.
    pub(super) listed: Vec<&'a Procedure>,
    /// Every procedure by field and slug, for keys.
    pub(super) procedures: HashMap<(&'a str, &'a str), &'a Procedure>,
    /// [`Renderer::rows_az`] as a template value, made once for the pages
    /// that list every procedure (the catalogue, search).
    rows_az: std::sync::OnceLock<tera::Value>,
    /// Posters found to need too many sheets while rendering, with how
    /// many (warnings): the layout is planned once, for the poster and for
    /// the warning.
    long_posters: std::sync::Mutex<Vec<(ProcedureId, usize)>>,
}

impl<'a> Renderer<'a> {
    /// The renderer of `site`: the templates' globals are serialised once
    /// here, not per page.
    pub fn new(site: &'a Site, theme: &'a Theme, opts: &'a RenderOptions) -> Renderer<'a> {
        let listed = listed(site, opts.today);
        let field_views: Vec<FieldView> = site
            .fields
            .iter()
            .map(|f| view::field_view(f, listed.iter().filter(|p| p.field == f.slug).count()))
            .collect();
        let notices: Vec<NoticeView> = site
            .notices
            .iter()
            .map(|n| view::notice_view(n, opts.today))
            .filter(|n| n.current)
            .collect();
        let fields = Fields::new(&site.fields);
        let (calendar, calendar_js) = due::calendar_file(site, opts.today.year().into());
        let site_view = view::site_view(site, &fields, opts.today, site.config.language);
        let strings = i18n::strings(site.config.language);
        let mut digest = DefaultHasher::new();
        let mut tera = theme.tera.clone();
        let g = tera.global_context();
        global(g, &mut digest, "site", &site_view);
        global(g, &mut digest, "t", strings);
        global(g, &mut digest, "fields", &field_views);
        global(g, &mut digest, "notices", &notices);
        global(g, &mut digest, "calendar_js", &calendar_js);
        // Not a template value, but every search page shows what it finds.
        std::hash::Hash::hash(&site.config.synonyms, &mut digest);
        let procedures = site
            .procedures
            .iter()
            .map(|p| ((p.field.as_str(), p.slug.as_str()), p.as_ref()))
            .collect();
        Renderer {
            site,
            theme,
            opts,
            calendar,
            tera,
            globals: Globals(digest.finish()),
            fields,
            field_views,
            listed,
            procedures,
            rows_az: std::sync::OnceLock::new(),
            long_posters: std::sync::Mutex::default(),
        }
    }

    /// What every page of this render sees, as a digest: `serve` renders
    /// again only the outputs that show an edited procedure while it is
    /// unchanged.
    pub fn globals(&self) -> Globals {
        self.globals
    }

    /// Records that the poster of `id` needs `sheets` sheets, too many for
    /// one procedure: a warning, said by `Renderer::take_warnings`. A
    /// build that keeps a poster from its previous run says it again so.
    pub fn long_poster(&self, id: &ProcedureId, sheets: usize) {
        self.long_posters_lock().push((id.clone(), sheets));
    }

    /// The posters recorded by [`Renderer::long_poster`] so far.
    pub fn long_posters(&self) -> Vec<(ProcedureId, usize)> {
        self.long_posters_lock().clone()
    }

    pub(super) fn long_posters_lock(&self) -> std::sync::MutexGuard<'_, Vec<(ProcedureId, usize)>> {
        self.long_posters
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn rows(&self, procs: impl Iterator<Item = &'a &'a Procedure>) -> Vec<RowView> {
        procs
            .map(|p| {
                view::row_view(
                    p,
                    self.fields.name(&p.field),
                    self.opts.today,
                    self.site.config.language,
                )
            })
            .collect()
    }

    /// Every listed procedure, A–Z by title as a person reads it.
    pub(super) fn rows_az_value(&self) -> tera::Value {
        // A tera Value shares its arrays: the clone is cheap.
        self.rows_az
            .get_or_init(|| tera::Value::from_serializable(&self.rows_az()))
            .clone()
    }

    fn rows_az(&self) -> Vec<RowView> {
        let mut rows = self.rows(self.listed.iter());
        rows.sort_by_cached_key(|r| {
            (
                crate::text::strip_marks(&r.title).to_lowercase(),
                r.title.clone(),
            )
        });
        rows
    }

    /// A whole page as it is published: minified when render was given a
    /// minifier.
    pub(super) fn minified(&self, html: Vec<u8>) -> Vec<u8> {
        match self.opts.minifier {
            Some(m) => (m.page)(&html),
            None => html,
        }
    }

    /// Markup spliced into a page (a poster's sheets): minified when
    /// render was given a minifier.
    pub(super) fn minified_fragment(&self, html: String) -> String {
        match self.opts.minifier {
            Some(m) => (m.fragment)(&html),
            None => html,
        }
    }

    /// `template` with `ctx` and the globals, into `out`.
    pub(super) fn template_to(
        &self,
        template: &str,
        ctx: &Context,
        out: &mut Vec<u8>,
    ) -> Result<(), Box<Diagnostic>> {
        self.tera
            .render_to(template, ctx, out)
            .map_err(|e| self.template_error(template, &e))
    }

    /// `template` with `ctx` and the globals, as a string.
    pub(super) fn template(
        &self,
        template: &str,
        ctx: &Context,
    ) -> Result<String, Box<Diagnostic>> {
        self.tera
            .render(template, ctx)
            .map_err(|e| self.template_error(template, &e))
    }

    fn template_error(&self, template: &str, e: &tera::Error) -> Box<Diagnostic> {
        Box::new(render_error(template, self.theme.origins.get(template), e))
    }
}

/// Procedures that appear in lists (not repealed), catalogue order.
pub(super) fn listed(site: &Site, today: Date) -> Vec<&Procedure> {
    site.procedures
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| p.status(today) != Status::Repealed)
        .collect()
}

/// One broken template breaks every page it renders: say it once.
pub(super) fn once_each(errors: impl IntoIterator<Item = Box<Diagnostic>>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    for d in errors {
        if !out.iter().any(|e| e.message == d.message) {
            out.push(*d);
        }
    }
    out
}

fn render_error(template: &str, origin: Option<&PathBuf>, e: &tera::Error) -> Diagnostic {
    let text = theme::error_chain(e);
    Diagnostic::error(
        Rule::ThemeRender,
        origin.cloned().unwrap_or_else(|| PathBuf::from(template)),
        t!(
            "không dựng được trang từ mẫu {template}:\n{text}",
            "cannot render the template {template}:\n{text}"
        ),
    )
    .hint(t!(
        "kiểm tra tên biến trong mẫu (xem docs/giao-dien.md)",
        "check the variable names in the template (see docs/giao-dien.md)"
    ))
}

/// `value` as the templates' global `name`, and into the digest of them.
fn global<T: Serialize + ?Sized>(
    globals: &mut Context,
    digest: &mut DefaultHasher,
    name: &'static str,
    value: &T,
) {
    // Serialising plain data into a hasher cannot fail.
    let _ = serde_json::to_writer(HashWriter(digest), value);
    globals.insert(name, value);
}

/// Bytes written into a hasher.
struct HashWriter<'h>(&'h mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
