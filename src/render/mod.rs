//! Stage 3: the validated [`Site`] → every file of the output, into a
//! [`Sink`]. Pages go through the theme's Tera templates with views whose
//! facts are already formatted ([`view`], [`format`]); data files
//! (`catalogue.json`, `sitemap.xml`) are written from the same views.
//! Nothing here touches the output folder: [`crate::output`] does.
//!
//! Every output has a name, an [`OutputKey`]: a [`Renderer`] lists the keys
//! of its site ([`Renderer::keys`]) and makes any of them alone
//! ([`Renderer::one`]) or many at once ([`Renderer::many`]); a build is
//! [`render`], every key. No Tera type leaves this module.

mod context;
pub mod data;
pub mod due;
mod fields;
mod files;
pub mod format;
pub mod i18n;
mod inputs;
mod keys;
pub mod kiosk;
pub mod markdown;
mod outputs;
mod pages;
mod pdf;
pub mod posters;
pub mod qr;
pub mod theme;
pub mod urls;
pub mod view;

pub use context::{Globals, Minifier, RenderOptions, Renderer};
pub use files::{Collect, Content, OutputFile, Sink};
pub use inputs::Digest;
pub use keys::{OutputKey, ProcedureId, Scope};

use crate::diag::Diagnostic;
use crate::model::Site;
use theme::Theme;

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
    let r = Renderer::new(site, theme, opts);
    r.many(&r.keys(), sink)?;
    let mut warnings = r.take_warnings();
    warnings.extend(site_warnings(site, opts.today));
    Ok(warnings)
}

/// The warnings about the printed output that look at the whole site (a
/// field's catalogue too long for its sheet), made without rendering.
pub fn site_warnings(site: &Site, today: crate::model::Date) -> Vec<Diagnostic> {
    posters::site_warnings(site, today, site.config.language)
}
