//! What each [`OutputKey`] makes: the keys of a site
//! ([`Renderer::keys`]), one of them ([`Renderer::one`]) or many at once
//! ([`Renderer::many`], in parallel; a build is every key). Making a key
//! alone or with others gives the same files.

use super::context::{once_each, Renderer};
use super::files::{Content, OutputFile, Sink};
use super::keys::{OutputKey, Paper, ProcedureId};
use super::pages::{self, Page};
use super::posters::{self, FieldPrintables};
use super::theme::Asset;
use super::{data, kiosk, urls};
use crate::diag::Diagnostic;
use crate::model::Procedure;
use rayon::prelude::*;
use std::collections::BTreeMap;

impl<'a> Renderer<'a> {
    /// Every output of the site: its pages, printables, attachments,
    /// assets and data files, each once.
    pub fn keys(&self) -> Vec<OutputKey> {
        use OutputKey as K;
        let (site, today) = (self.site, self.opts.today);
        let kiosk = site.config.kiosk.is_some();
        let id = |p: &&Procedure| ProcedureId::of(p);
        // The data files first: catalogue.json is made serially, and the
        // pages fill the other cores meanwhile.
        let mut keys = vec![K::CatalogueJson, K::Sitemap, K::Robots, K::SearchIndex];
        let fields = site.fields.iter().filter(|_| kiosk);
        keys.extend(fields.map(|f| K::KioskData(f.slug.clone())));
        keys.extend([
            K::Home,
            K::Catalogue,
            K::Contact,
            K::Search,
            K::Notices,
            K::NotFound,
        ]);
        keys.extend(site.fields.iter().map(|f| K::Field(f.slug.clone())));
        let all = || site.procedures.iter().map(AsRef::as_ref);
        keys.extend(all().map(|p| K::Procedure(id(&p))));
        keys.extend(site.notices.iter().map(|n| K::Notice(n.slug.clone())));
        keys.extend(kiosk.then_some(K::Kiosk));
        keys.extend([K::PosterIndex, K::StaffBoard]);
        let current = site.notices.iter().filter(|n| n.is_current(today));
        keys.extend(current.map(|n| K::NoticePoster(n.slug.clone())));
        for p in &self.listed {
            keys.extend([K::Poster(id(p)), K::PosterPdf(id(p)), K::Handout(id(p))]);
        }
        for f in &site.fields {
            keys.extend([
                K::FieldCatalogue(f.slug.clone()),
                K::PrintAll(f.slug.clone()),
            ]);
        }
        // The PDFs of a field or of the site: a field without a listed
        // procedure has no board.
        let boards = [Paper::A2, Paper::A1];
        for f in site
            .fields
            .iter()
            .filter(|f| self.listed.iter().any(|p| p.field == f.slug))
        {
            keys.push(K::FieldCataloguePdf(f.slug.clone()));
            keys.extend(boards.map(|b| K::QrBoard(Some(f.slug.clone()), b)));
        }
        if !self.listed.is_empty() {
            keys.extend(boards.map(|b| K::QrBoard(None, b)));
        }
        keys.extend([K::HousePack(Paper::A4), K::HousePack(Paper::A3)]);

        keys.extend(all().map(|p| K::Attachments(id(&p))));
        keys.extend([K::Assets, K::Calendar]);
        keys
    }

    /// The files of `key` alone, into `sink` (none for a key this site does
    /// not have); returns how many pages it made.
    pub fn one(&self, key: &OutputKey, sink: &dyn Sink) -> Result<usize, Vec<Diagnostic>> {
        self.many(std::slice::from_ref(key), sink)
    }

    /// The files of `keys`, into `sink`, in parallel; returns how many pages
    /// they made. A field's printables asked for together share their work
    /// ([`posters::field`]). One broken template is said once.
    pub fn many(&self, keys: &[OutputKey], sink: &dyn Sink) -> Result<usize, Vec<Diagnostic>> {
        let mut printables: BTreeMap<usize, FieldPrintables> = BTreeMap::new();
        let mut singles = Vec::new();
        for key in keys {
            if !self.printable(key, &mut printables) {
                singles.push(key);
            }
        }
        let (singles, printables) = rayon::join(
            || {
                singles
                    .par_iter()
                    .map(|k| self.single(k, sink))
                    .collect::<Vec<_>>()
            },
            || {
                printables
                    .par_iter()
                    .map(|(_, w)| posters::field(self, w, sink))
                    .collect::<Vec<_>>()
            },
        );
        let mut made = 0;
        let mut errors = Vec::new();
        for res in singles.into_iter().chain(printables) {
            match res {
                Ok(n) => made += n,
                Err(d) => errors.push(d),
            }
        }
        match once_each(errors) {
            errors if errors.is_empty() => Ok(made),
            errors => Err(errors),
        }
    }

    /// Files `key` in its field's printables if it is one of them (a
    /// procedure's poster or handout, a field's catalogue or "print all").
    fn printable<'k>(
        &'k self,
        key: &'k OutputKey,
        printables: &mut BTreeMap<usize, FieldPrintables<'k>>,
    ) -> bool {
        use OutputKey as K;
        let field = match key {
            K::Poster(id) | K::PosterPdf(id) | K::Handout(id) => &id.field,
            K::FieldCatalogue(f) | K::PrintAll(f) => f,
            _ => return false,
        };
        let Some((i, f)) = self.fields.position(field) else {
            // No such field: nothing to make.
            return true;
        };
        let w = printables.entry(i).or_insert_with(|| FieldPrintables {
            field: f,
            view: &self.field_views[i],
            posters: Default::default(),
            handouts: Default::default(),
            pdfs: Default::default(),
            catalogue: false,
            print_all: false,
        });
        match key {
            K::Poster(id) => {
                w.posters.insert(&id.slug);
            }
            K::Handout(id) => {
                w.handouts.insert(&id.slug);
            }
            K::PosterPdf(id) => {
                w.pdfs.insert(&id.slug);
            }
            K::FieldCatalogue(_) => w.catalogue = true,
            _ => w.print_all = true,
        }
        true
    }

    /// A key that is not a field's printable, into `sink`; returns how
    /// many pages it made.
    fn single(&self, key: &OutputKey, sink: &dyn Sink) -> Result<usize, Box<Diagnostic>> {
        use OutputKey as K;
        let (site, today) = (self.site, self.opts.today);
        let page = match key {
            K::PosterIndex => Some(posters::index(self)),
            K::StaffBoard => Some(posters::staff_board(self)),
            K::NoticePoster(slug) => site
                .notices
                .iter()
                .find(|n| n.slug == *slug && n.is_current(today))
                .map(|n| posters::notice_poster(self, n)),
            K::QrBoard(..) | K::HousePack(_) | K::FieldCataloguePdf(_) => {
                return Ok(posters::pdf(self, key).map_or(0, |f| {
                    sink.put(f);
                    1
                }));
            }
            _ => self.page(key).map(|page| pages::render(self, &page)),
        };
        if let Some(page) = page {
            sink.put(page?);
            return Ok(1);
        }
        self.file(key, sink);
        Ok(0)
    }

    /// The site's page `key` names, if it is one this site has.
    fn page(&self, key: &OutputKey) -> Option<Page<'_>> {
        use OutputKey as K;
        let site = self.site;
        Some(match key {
            K::Home => Page::Home,
            K::Catalogue => Page::Catalogue,
            K::Contact => Page::Contact,
            K::Search => Page::Search,
            K::Notices => Page::Notices,
            K::NotFound => Page::NotFound,
            K::Field(slug) => {
                let (i, f) = self.fields.position(slug)?;
                Page::Field(f, &self.field_views[i])
            }
            K::Procedure(id) => Page::Procedure(self.procedure(id)?),
            K::Notice(slug) => Page::Notice(site.notices.iter().find(|n| n.slug == *slug)?),
            K::Kiosk => Page::Kiosk(site.config.kiosk?),
            _ => return None,
        })
    }

    /// A key that is no page: copies, the calendar, data files.
    fn file(&self, key: &OutputKey, sink: &dyn Sink) {
        use OutputKey as K;
        let (site, today) = (self.site, self.opts.today);
        match key {
            K::Attachments(id) => {
                if let Some(p) = self.procedure(id) {
                    attachments(p).for_each(|f| sink.put(f));
                }
            }
            K::Assets => self.assets().for_each(|f| sink.put(f)),
            K::Calendar => sink.put(OutputFile {
                path: super::due::PATH.into(),
                content: Content::Bytes(self.calendar.clone()),
            }),
            K::CatalogueJson => data::catalogue(site, today, sink),
            K::Sitemap => sink.put(data::sitemap(site, &self.listed, today)),
            K::Robots => sink.put(data::robots(site)),
            K::SearchIndex => data::search_index(site, today).for_each(|f| sink.put(f)),
            K::KioskData(slug) if site.config.kiosk.is_some() => {
                let summary = |p: &Procedure| data::summary(p, site.config.language, today);
                if let Some((_, f)) = self.fields.position(slug) {
                    kiosk::data_files(site, f, &self.listed, today, &summary, sink);
                }
            }
            // Pages (made by `single`), printables (by `many`), and the
            // kiosk's data on a site without a kiosk.
            _ => {}
        }
    }

    /// The warnings found while rendering (posters too long for one
    /// sheet, [`Renderer::long_poster`]), sorted.
    pub fn take_warnings(&self) -> Vec<Diagnostic> {
        let long = std::mem::take(&mut *self.long_posters_lock());
        let mut warnings: Vec<Diagnostic> = long
            .iter()
            .filter_map(|(id, sheets)| Some(posters::too_long(self.procedure(id)?, *sheets)))
            .collect();
        crate::diag::sort(&mut warnings);
        warnings
    }

    fn procedure(&self, id: &ProcedureId) -> Option<&'a Procedure> {
        self.procedures
            .get(&(id.field.as_str(), id.slug.as_str()))
            .copied()
    }

    /// The theme's static files; the kiosk's own only when the site has
    /// one.
    fn assets(&self) -> impl Iterator<Item = OutputFile> + '_ {
        let kiosk = self.site.config.kiosk.is_some();
        self.theme
            .assets
            .iter()
            .filter(move |(name, _)| kiosk || !kiosk::ASSETS.contains(&name.as_str()))
            .map(|(name, a)| OutputFile {
                path: format!("{}{name}", urls::ASSETS),
                content: match a {
                    Asset::Embedded(b) => Content::Static(b),
                    Asset::File(p) => Content::Copy(p.clone()),
                },
            })
    }
}

/// Procedure `p`'s forms and samples, copied beside its page so that their
/// links are plain file names (a file named twice, once).
fn attachments(p: &Procedure) -> impl Iterator<Item = OutputFile> {
    let mut paths: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for d in &p.documents {
        for a in d.form.iter().chain(d.sample.iter()) {
            let path = format!("{}{}", urls::procedure_dir(p), a.name);
            if !paths.contains(&path) {
                paths.push(path.clone());
                out.push(OutputFile {
                    path,
                    content: Content::Copy(a.path.clone()),
                });
            }
        }
    }
    out.into_iter()
}
