//! Stage 3: the validated [`Site`] → every file of the output, in memory.
//! Pages go through the theme's Tera templates with views whose facts are
//! already formatted ([`view`], [`format`]); data files (`catalogue.json`,
//! `sitemap.xml`) are written from the same views. Nothing here touches the
//! output folder: [`crate::output`] does.

pub mod data;
pub mod due;
mod fields;
pub mod format;
pub mod i18n;
pub mod kiosk;
pub mod markdown;
pub mod posters;
pub mod qr;
pub mod theme;
pub mod urls;
pub mod view;

use crate::diag::Diagnostic;
use crate::diag::Rule;

use crate::model::{Date, Procedure, Site, Status};
use crate::t;
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;
use tera::Context;
use theme::{Asset, Theme};
use view::{FieldView, NoticeView, RowView};

/// One file of the output, its path relative to the output root.
pub struct OutputFile {
    pub path: String,
    pub content: Content,
}

pub enum Content {
    /// A page, UTF-8 (Tera writes it straight into the buffer, with no
    /// check of the whole page afterwards), final: minified already when
    /// render was given a [`Minifier`].
    Html(Vec<u8>),
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    /// A file copied as is (forms, samples, theme assets from disk).
    Copy(PathBuf),
}

/// How to render. The language is not here: a site is published in its
/// `site.yaml` `language`, never in the language of messages (`--lang`).
pub struct RenderOptions {
    pub today: Date,
    /// Make the fields' "print all" pages with the rest (a build). Each
    /// holds every poster of its field, so after an edit it would need them
    /// all rendered again: `serve` makes them only when one is asked for
    /// ([`print_all_pages`]).
    pub print_all: bool,
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
struct PageMeta<'a> {
    title: &'a str,
    path: &'a str,
    description: &'a str,
    kind: &'static str,
}

struct Renderer<'a> {
    site: &'a Site,
    /// `assets/calendar.js` (made once: its lunar table is 51 years).
    calendar: Vec<u8>,
    /// The theme's templates with the site-wide values as globals.
    tera: tera::Tera,
    origins: &'a std::collections::BTreeMap<String, PathBuf>,
    opts: &'a RenderOptions,
    /// The fields by slug.
    fields: fields::Fields<'a>,
    /// Procedures that appear in lists (not repealed), catalogue order.
    listed: Vec<&'a Procedure>,
    /// [`Renderer::rows_az`] as a template value, made once for the pages
    /// that list every procedure (the catalogue, search).
    rows_az: std::sync::OnceLock<tera::Value>,
    /// Warnings found while rendering (a poster that needs two sheets):
    /// the layout is planned once, for the poster and for the warning.
    warnings: std::sync::Mutex<Vec<Diagnostic>>,
}

/// Which pages to render; see [`render_scope`].
pub enum Scope<'s> {
    /// The whole site.
    All,
    /// Only the pages that can differ from a previous render after the
    /// procedure files `sources` (`content/...`, as in `Procedure::source`)
    /// were edited and nothing else: the pages that show one of them.
    /// `globals` are that render's [`Rendered::globals`]; when the edit
    /// changed what every page sees (a field's count, …), every page is
    /// rendered.
    Edited {
        sources: &'s [PathBuf],
        globals: &'s Context,
    },
}

/// What a render of a scope did. Its files went to the sink: pages from
/// templates ([`Content::Html`]) — all of them when `complete`, otherwise
/// only those the edit reached, each replacing the page of the same path —
/// and always the whole set of attachments and theme assets. The data files
/// are not among them: see [`data_files`].
pub struct Rendered {
    /// How many pages were rendered.
    pub pages: usize,
    /// What every page sees, for the next [`Scope::Edited`].
    pub globals: Context,
    pub complete: bool,
    /// Warnings about what was rendered (posters too long for one sheet),
    /// sorted.
    pub warnings: Vec<Diagnostic>,
}

/// Where rendered files go as they are made, from many threads at once.
/// [`crate::output`] writes each file to disk as it comes, so a build never
/// holds the whole site in memory (at 10,000 procedures the site is 400 MB
/// of HTML); `serve` and the tests keep them ([`Collect`]).
pub trait Sink: Sync {
    fn put(&self, file: OutputFile);

    /// A file written piece by piece by `write`, for one too large to hold:
    /// `catalogue.json` is half a gigabyte at 100,000 procedures. This
    /// default collects it and [`Sink::put`]s it; the build's sink streams
    /// it to disk.
    fn put_written(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) {
        let mut bytes = Vec::new();
        // Writing into a Vec cannot fail (serde errors are impossible for
        // the catalogue's plain data).
        if write(&mut bytes).is_ok() {
            self.put(OutputFile {
                path: path.to_string(),
                content: Content::Bytes(bytes),
            });
        }
    }
}

/// A [`Sink`] that keeps every file.
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(file);
    }
}

impl Collect {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self
            .0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

/// Every file of the site, into `sink`; returns the warnings about the
/// printed output (see [`posters::site_warnings`]). On an error some files
/// may already be in the sink: the caller throws them away (the build's
/// staging folder).
pub fn render(
    site: &Site,
    theme: &Theme,
    opts: &RenderOptions,
    sink: &dyn Sink,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    // The data files alongside the pages: they are partly serial (one
    // catalogue.json), so the pages fill the other core; 4 % less wall time
    // at 10,000. They once took the 100,000 peak from 1.8 to 2.2 GB this
    // way; streamed (`Sink::put_written`, `Index::into_files`) they add
    // ~80 MB to 1.3 GB. On a render error they are made for nothing: the
    // staging folder is thrown away.
    let (pages, ()) = rayon::join(
        || render_scope(site, theme, opts, &Scope::All, sink),
        || data_files(site, opts, sink),
    );
    let mut warnings = pages?.warnings;
    warnings.extend(posters::site_warnings(
        site,
        opts.today,
        site.config.language,
    ));
    Ok(warnings)
}

/// The files made from the whole catalogue (`catalogue.json`, the sitemap,
/// the search index); every edit changes them. `serve` makes them only when one is asked
/// for: at 2,000 procedures they cost more than the pages an edit reaches.
///
/// Each goes to `sink` as soon as it is made: `catalogue.json` is half a
/// gigabyte at 100,000 procedures, and held while the search index was
/// built it took the build's peak over 2 GB.
pub fn data_files(site: &Site, opts: &RenderOptions, sink: &dyn Sink) {
    let listed = listed(site, opts.today);
    data::files(site, &listed, opts, sink);
    search_files(site, opts).for_each(|f| sink.put(f));
    if site.config.kiosk.is_some() {
        let summary = |p: &Procedure| summary(p, site.config.language, opts.today);
        kiosk::data_files(site, &listed, opts.today, &summary, sink);
    }
}

/// The fields' "print all" pages alone (what `serve` makes when one is
/// asked for; see [`RenderOptions::print_all`]).
pub fn print_all_pages(
    site: &Site,
    theme: &Theme,
    opts: &RenderOptions,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let (r, fields, _) = Renderer::new(site, theme, opts);
    let files = Collect::default();
    posters::print_all(&r, &fields, &files)?;
    Ok(files.into_files())
}

/// Procedures that appear in lists (not repealed), catalogue order.
fn listed(site: &Site, today: Date) -> Vec<&Procedure> {
    site.procedures
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| p.status(today) != Status::Repealed)
        .collect()
}

/// The pages of `scope`, attachments and theme assets, into `sink`
/// (`serve` re-renders an edit with this; [`render`] is `Scope::All` and
/// [`data_files`]).
pub fn render_scope(
    site: &Site,
    theme: &Theme,
    opts: &RenderOptions,
    scope: &Scope,
    sink: &dyn Sink,
) -> Result<Rendered, Vec<Diagnostic>> {
    let (r, fields, globals) = Renderer::new(site, theme, opts);
    let mut jobs = r.jobs(&fields);
    // The procedures whose posters an edit changes (None: all of them).
    let mut edited_posters: Option<Vec<&Procedure>> = None;
    let complete = match scope {
        Scope::All => true,
        Scope::Edited {
            sources,
            globals: globals_before,
        } => {
            let edited: Vec<&Procedure> = sources
                .iter()
                .filter_map(|s| site.procedures.iter().find(|p| &p.source == s))
                .map(AsRef::as_ref)
                .collect();
            let complete = edited.len() != sources.len() || globals != **globals_before;
            if !complete {
                jobs.retain(|job| edited.iter().any(|p| job.shows(p)));
                edited_posters = Some(edited);
            }
            complete
        }
    };
    let errors: Vec<Box<Diagnostic>> = jobs
        .par_iter()
        .filter_map(|job| r.run(job).map(|f| sink.put(f)).err())
        .collect();
    let errors = once_each(errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    // For an edit: the edited procedures' posters, their fields'
    // catalogues, and the index.
    let poster_pages = posters::render(&r, &fields, edited_posters.as_deref(), sink)?;
    for f in attachments(site)
        .into_iter()
        .chain(theme_assets(theme, site))
    {
        sink.put(f);
    }
    sink.put(OutputFile {
        path: due::PATH.into(),
        content: Content::Bytes(r.calendar.clone()),
    });
    let mut warnings = r
        .warnings
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    crate::diag::sort(&mut warnings);
    Ok(Rendered {
        pages: jobs.len() + poster_pages,
        globals,
        complete,
        warnings,
    })
}

/// One broken template breaks every page it renders: say it once.
fn once_each(errors: impl IntoIterator<Item = Box<Diagnostic>>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    for d in errors {
        if !out.iter().any(|e| e.message == d.message) {
            out.push(*d);
        }
    }
    out
}

/// The search index and its runtime under `search/`, from the same
/// formatted facts the pages show.
fn search_files(site: &Site, opts: &RenderOptions) -> impl Iterator<Item = OutputFile> {
    let summary = |p: &Procedure| summary(p, site.config.language, opts.today);
    let docs = crate::search::docs_from_site(site, opts.today, urls::procedure, summary);
    crate::search::build_index(&docs)
        .into_iter()
        .map(|f| OutputFile {
            path: f.path,
            content: Content::Bytes(f.bytes),
        })
}

/// What a search result or a kiosk list shows after a procedure's title:
/// labelled, as the no-JavaScript list on the search page shows it; a
/// procedure not yet in force says so first. The deadline opens it
/// otherwise: search.js puts the expected return date after it.
fn summary(p: &Procedure, lang: crate::Lang, today: Date) -> String {
    let t = i18n::strings(lang);
    let facts = format!(
        "{}: {} · {}: {}",
        t.deadline,
        format::deadline(&p.deadline, lang),
        t.fees,
        format::fees_short(&p.fees, lang)
    );
    match view::upcoming_date(p, today) {
        Some(from) => format!("{} {from} · {facts}", t.status_upcoming),
        None => facts,
    }
}

/// The theme's static files; the kiosk's own only when the site has one.
fn theme_assets<'t>(theme: &'t Theme, site: &Site) -> impl Iterator<Item = OutputFile> + 't {
    let kiosk = site.config.kiosk.is_some();
    theme
        .assets
        .iter()
        .filter(move |(name, _)| kiosk || !kiosk::ASSETS.contains(&name.as_str()))
        .map(|(name, a)| OutputFile {
            path: format!("assets/{name}"),
            content: match a {
                Asset::Embedded(b) => Content::Static(b),
                Asset::File(p) => Content::Copy(p.clone()),
            },
        })
}

/// Forms and samples, copied beside the procedure's page so that their
/// links are plain file names.
fn attachments(site: &Site) -> Vec<OutputFile> {
    let mut out = Vec::new();
    for p in &site.procedures {
        for d in &p.documents {
            for a in d.form.iter().chain(d.sample.iter()) {
                let path = format!("{}{}", urls::procedure_dir(p), a.name);
                if !out.iter().any(|f: &OutputFile| f.path == path) {
                    out.push(OutputFile {
                        path,
                        content: Content::Copy(a.path.clone()),
                    });
                }
            }
        }
    }
    out
}

/// One page to render.
enum Job<'a> {
    Home,
    Field(&'a crate::model::Field, &'a FieldView),
    Procedure(&'a Procedure),
    Catalogue,
    Contact,
    Search,
    Notices,
    Notice(&'a crate::model::Notice),
    NotFound,
    /// The touch screen's one page (its data are data files).
    Kiosk(crate::model::Kiosk),
}

impl Job<'_> {
    /// Whether the page shows `p` beyond what every page sees (the
    /// globals). Every page kind must answer: `serve` re-renders only the
    /// pages that show an edited procedure.
    fn shows(&self, p: &Procedure) -> bool {
        match self {
            Job::Procedure(q) => q.source == p.source,
            Job::Field(f, _) => f.slug == p.field,
            Job::Catalogue | Job::Search => true,
            Job::Home
            | Job::Contact
            | Job::Notices
            | Job::Notice(_)
            | Job::NotFound
            | Job::Kiosk(_) => false,
        }
    }
}

impl<'a> Renderer<'a> {
    /// The renderer, the fields as pages show them, and what every page
    /// sees (serialised once into the templates' globals, not per page).
    fn new(
        site: &'a Site,
        theme: &'a Theme,
        opts: &'a RenderOptions,
    ) -> (Renderer<'a>, Vec<FieldView>, Context) {
        let listed = listed(site, opts.today);
        let fields: Vec<FieldView> = site
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
        let index = fields::Fields::new(&site.fields);
        let mut tera = theme.tera.clone();
        let g = tera.global_context();
        g.insert(
            "site",
            &view::site_view(site, &index, opts.today, site.config.language),
        );
        g.insert("t", &i18n::strings(site.config.language));
        g.insert("fields", &fields);
        g.insert("notices", &notices);
        let (calendar, calendar_js) = due::calendar_file(site, opts.today.year().into());
        g.insert("calendar_js", &calendar_js);
        let globals = g.clone();
        let r = Renderer {
            site,
            calendar,
            tera,
            origins: &theme.origins,
            opts,
            fields: index,
            listed,
            rows_az: std::sync::OnceLock::new(),
            warnings: std::sync::Mutex::default(),
        };
        (r, fields, globals)
    }

    fn jobs(&self, fields: &'a [FieldView]) -> Vec<Job<'a>> {
        let mut jobs = vec![
            Job::Home,
            Job::Catalogue,
            Job::Contact,
            Job::Search,
            Job::Notices,
            Job::NotFound,
        ];
        jobs.extend(
            self.site
                .fields
                .iter()
                .zip(fields)
                .map(|(f, v)| Job::Field(f, v)),
        );
        jobs.extend(self.site.procedures.iter().map(|p| Job::Procedure(p)));
        jobs.extend(self.site.notices.iter().map(Job::Notice));
        jobs.extend(self.site.config.kiosk.map(Job::Kiosk));
        jobs
    }

    fn rows(&self, procs: impl Iterator<Item = &'a &'a Procedure>) -> Vec<RowView> {
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
    fn rows_az_value(&self) -> tera::Value {
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

    fn run(&self, job: &Job) -> Result<OutputFile, Box<Diagnostic>> {
        let t = i18n::strings(self.site.config.language);
        let mut ctx = Context::new();
        let (template, path, title, description): (&str, String, String, String) = match job {
            Job::Home => (
                "index.html",
                urls::HOME.into(),
                self.site.config.title.clone(),
                t.how_to_use.into(),
            ),
            Job::Catalogue => {
                ctx.insert_value("rows", self.rows_az_value());
                (
                    "catalogue.html",
                    urls::CATALOGUE.into(),
                    t.catalogue_az.into(),
                    String::new(),
                )
            }
            Job::Search => {
                ctx.insert_value("rows", self.rows_az_value());
                (
                    "search.html",
                    urls::SEARCH.into(),
                    t.search.into(),
                    String::new(),
                )
            }
            Job::Contact => (
                "contact.html",
                urls::CONTACT.into(),
                t.contact_title.into(),
                String::new(),
            ),
            Job::Notices => (
                "notices.html",
                urls::NOTICES.into(),
                t.notices.into(),
                String::new(),
            ),
            Job::NotFound => (
                "404.html",
                urls::NOT_FOUND.into(),
                t.not_found.into(),
                String::new(),
            ),
            Job::Field(f, fv) => {
                ctx.insert("field", fv);
                ctx.insert(
                    "rows",
                    &self.rows(self.listed.iter().filter(|p| p.field == f.slug)),
                );
                (
                    "field.html",
                    urls::field(f),
                    f.name.clone(),
                    fv.description.clone(),
                )
            }
            Job::Procedure(p) => {
                let input = view::ProcedureInput {
                    procedure: p,
                    fields: &self.fields,
                    site: self.site,
                    today: self.opts.today,
                    lang: self.site.config.language,
                };
                let v = view::procedure_view(&input);
                ctx.insert("json_ld", &data::json_ld(&v, self.site));
                ctx.insert("procedure", &v);
                let description = format!("{}: {}. {}", t.result, p.result, v.row.deadline);
                (
                    "procedure.html",
                    urls::procedure(p),
                    p.title.clone(),
                    description,
                )
            }
            Job::Kiosk(settings) => {
                ctx.insert("kiosk", &kiosk::view(self.site, *settings, self.opts.today));
                (
                    "kiosk/index.html",
                    kiosk::PAGE.into(),
                    t.kiosk_title.into(),
                    String::new(),
                )
            }
            Job::Notice(n) => {
                ctx.insert("notice", &view::notice_view(n, self.opts.today));
                (
                    "notice.html",
                    urls::notice(n),
                    n.title.clone(),
                    String::new(),
                )
            }
        };
        ctx.insert("root", &urls::root_of(&path));
        ctx.insert(
            "page",
            &PageMeta {
                title: &title,
                path: &path,
                description: &description,
                kind: template.trim_end_matches(".html"),
            },
        );
        let mut html = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| Box::new(render_error(template, self.origins.get(template), &e)))?;
        Ok(OutputFile {
            path,
            content: Content::Html(self.minified(html)),
        })
    }

    /// A whole page as it is published: minified when render was given a
    /// minifier.
    fn minified(&self, html: Vec<u8>) -> Vec<u8> {
        match self.opts.minifier {
            Some(m) => (m.page)(&html),
            None => html,
        }
    }
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
