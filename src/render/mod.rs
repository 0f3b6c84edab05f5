//! Stage 3: the validated [`Site`] → every file of the output, in memory.
//! Pages go through the theme's Tera templates with views whose facts are
//! already formatted ([`view`], [`format`]); data files (`catalogue.json`,
//! `sitemap.xml`) are written from the same views. Nothing here touches the
//! output folder: [`crate::output`] does.

mod context;
pub mod data;
pub mod due;
mod fields;
mod files;
pub mod format;
pub mod i18n;
pub mod kiosk;
pub mod markdown;
mod pages;
pub mod posters;
pub mod qr;
pub mod theme;
pub mod urls;
pub mod view;

pub use context::{Minifier, RenderOptions};
pub use files::{Collect, Content, OutputFile, Sink};

use crate::diag::Diagnostic;
use crate::model::{Date, Procedure, Site};
use context::{listed, once_each, Renderer};
use rayon::prelude::*;
use std::path::PathBuf;
use tera::Context;
use theme::{Asset, Theme};

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
    let mut jobs = pages::all(&r, &fields);
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
        .filter_map(|job| pages::render(&r, job).map(|f| sink.put(f)).err())
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
