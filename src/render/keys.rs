//! Addressable outputs: an [`OutputKey`] names one thing render makes (a
//! page, a poster, a set of data files…), so that a caller can ask for it
//! alone ([`super::Renderer::one`]) and know, without rendering, whether it
//! shows a procedure ([`OutputKey::shows`]). `serve` renders after an edit
//! the keys that show an edited procedure, and the whole-catalogue keys
//! only when one of their files is asked for.
//!
//! Keys name things by slug, not by position in the catalogue, so that a
//! key of one render names the same output in the next (an edited title
//! moves a procedure in the catalogue's order).

use super::{kiosk, urls};
use crate::model::Procedure;

/// One output of render; see the module doc.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutputKey {
    // The site's pages.
    Home,
    Catalogue,
    Contact,
    Search,
    Notices,
    NotFound,
    /// A field's page, by slug.
    Field(String),
    /// A procedure's page (a repealed one's too).
    Procedure(ProcedureId),
    /// A notice's page, by slug.
    Notice(String),
    /// The kiosk's one page (its data are [`OutputKey::KioskData`]).
    Kiosk,
    // Printables (`posters/`).
    PosterIndex,
    Poster(ProcedureId),
    /// A procedure's A4 poster as PDF.
    PosterPdf(ProcedureId),
    Handout(ProcedureId),
    /// A field's catalogue table (A3).
    FieldCatalogue(String),
    /// A field's "print all" page: its catalogue and every poster.
    PrintAll(String),
    StaffBoard,
    /// A notice's poster, by slug.
    NoticePoster(String),
    /// A sheet of QR codes with the procedures' names, for the wall (A2
    /// or A1): of a field's procedures (by slug), or of every field's.
    QrBoard(Option<String>, Paper),
    /// The cultural-house pack (A4 or A3): contact, feedback, current
    /// notices and the QR codes of the procedures residents use most.
    HousePack(Paper),
    /// A field's catalogue table as PDF (A3 landscape).
    FieldCataloguePdf(String),
    // Files copied or made beside the pages.
    /// A procedure's forms and samples (none or several files).
    Attachments(ProcedureId),
    /// The theme's static files under `assets/`.
    Assets,
    /// `assets/calendar.js`.
    Calendar,
    // Data files, made from the whole catalogue.
    CatalogueJson,
    Sitemap,
    Robots,
    /// The search index and its runtime under `search/` (many files).
    SearchIndex,
    /// A field's lists and facts for the kiosk under `kiosk/data/`, by
    /// the field's slug (`<slug>.js` and `<slug>.<i>.js`).
    KioskData(String),
}

/// The paper a PDF is laid out for (portrait sizes in mm: ISO 216).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Paper {
    A4,
    A3,
    A2,
    A1,
}

impl Paper {
    /// Width and height in mm, portrait.
    pub fn mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
            Paper::A2 => (420.0, 594.0),
            Paper::A1 => (594.0, 841.0),
        }
    }

    /// Its name in a file name: `a2`.
    pub fn slug(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::A3 => "a3",
            Paper::A2 => "a2",
            Paper::A1 => "a1",
        }
    }
}

/// Which procedures an output shows ([`OutputKey::scope`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'k> {
    /// One procedure (its page, poster, handout, attachments).
    Procedure(&'k ProcedureId),
    /// Every procedure of a field, by slug.
    Field(&'k str),
    /// Every procedure of the site.
    Every,
    /// None: the site-wide values only.
    None,
}

/// A procedure, as its keys name it: its field's slug and its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProcedureId {
    pub field: String,
    pub slug: String,
}

impl ProcedureId {
    pub fn of(p: &Procedure) -> ProcedureId {
        ProcedureId {
            field: p.field.clone(),
            slug: p.slug.clone(),
        }
    }

    pub fn is(&self, p: &Procedure) -> bool {
        self.field == p.field && self.slug == p.slug
    }
}

impl OutputKey {
    /// Whether this output shows `p` beyond what every page sees (the
    /// site-wide values, [`super::Renderer::globals`]): whether an edit of
    /// `p` alone can change it. Every kind must answer: `serve` renders
    /// again only the outputs that show an edited procedure.
    pub fn shows(&self, p: &Procedure) -> bool {
        match self.scope() {
            Scope::Procedure(id) => id.is(p),
            Scope::Field(f) => f == p.field,
            Scope::Every => true,
            Scope::None => false,
        }
    }

    /// Which procedures this output shows beyond the site-wide values
    /// (what [`OutputKey::shows`] answers for one procedure, and what a
    /// build's input digest of the output reads: `render::inputs`).
    pub fn scope(&self) -> Scope<'_> {
        use OutputKey as K;
        match self {
            K::Procedure(id) | K::Poster(id) | K::Handout(id) | K::Attachments(id) => {
                Scope::Procedure(id)
            }
            K::PosterPdf(id) => Scope::Procedure(id),
            K::Field(f) | K::FieldCatalogue(f) | K::PrintAll(f) | K::KioskData(f) => {
                Scope::Field(f)
            }
            K::FieldCataloguePdf(f) | K::QrBoard(Some(f), _) => Scope::Field(f),
            // The whole catalogue's board; the pack's procedures are the
            // featured ones, or the first of each field: any edit may
            // change which.
            K::QrBoard(None, _) | K::HousePack(_) => Scope::Every,
            // Lists of every procedure.
            K::Catalogue | K::Search | K::PosterIndex => Scope::Every,
            K::CatalogueJson | K::Sitemap | K::SearchIndex => Scope::Every,
            // Fields, notices, the office and the theme only: globals.
            K::Home
            | K::Contact
            | K::Notices
            | K::NotFound
            | K::Notice(_)
            | K::Kiosk
            | K::StaffBoard
            | K::NoticePoster(_)
            | K::Assets
            | K::Calendar
            | K::Robots => Scope::None,
        }
    }

    /// The one file this output is, when that is known without rendering
    /// it; none for an output of several files (or of none: attachments).
    pub fn path(&self) -> Option<String> {
        use OutputKey as K;
        Some(match self {
            K::Home => urls::HOME.into(),
            K::Catalogue => urls::CATALOGUE.into(),
            K::Contact => urls::CONTACT.into(),
            K::Search => urls::SEARCH.into(),
            K::Notices => urls::NOTICES.into(),
            K::NotFound => urls::NOT_FOUND.into(),
            K::Field(f) => urls::field_slug(f),
            K::Procedure(id) => urls::procedure_at(&id.field, &id.slug),
            K::Notice(slug) => urls::notice_at(slug),
            K::Kiosk => kiosk::PAGE.into(),
            K::PosterIndex => urls::POSTERS.into(),
            K::Poster(id) => urls::poster_at(&id.field, &id.slug),
            K::PosterPdf(id) => urls::poster_pdf_at(&id.field, &id.slug),
            K::Handout(id) => urls::handout_at(&id.field, &id.slug),
            K::FieldCatalogue(f) => urls::field_catalogue(f),
            K::PrintAll(f) => urls::field_print_all(f),
            K::StaffBoard => urls::STAFF_BOARD.into(),
            K::NoticePoster(slug) => urls::notice_poster_at(slug),
            K::QrBoard(field, paper) => urls::qr_board(field.as_deref(), paper.slug()),
            K::HousePack(paper) => urls::house_pack(paper.slug()),
            K::FieldCataloguePdf(f) => urls::field_catalogue_pdf(f),
            K::Calendar => super::due::PATH.into(),
            K::CatalogueJson => urls::CATALOGUE_JSON.into(),
            K::Sitemap => urls::SITEMAP.into(),
            K::Robots => urls::ROBOTS.into(),
            K::Attachments(_) | K::Assets | K::SearchIndex | K::KioskData(_) => return None,
        })
    }

    /// Whether `path` is (or would be) one of this output's files: for
    /// `serve`, to find the output a request names and to drop an output's
    /// old files before it is made again.
    pub fn owns(&self, path: &str) -> bool {
        use OutputKey as K;
        match self {
            K::Attachments(id) => path
                .strip_prefix(&urls::procedure_dir_at(&id.field, &id.slug))
                .is_some_and(|name| name != "index.html"),
            K::Assets => path.starts_with(urls::ASSETS) && path != super::due::PATH,
            K::SearchIndex => path.starts_with(urls::SEARCH_DIR) && path != urls::SEARCH,
            K::KioskData(f) => kiosk::data_field(path) == Some(f.as_str()),
            key => key.path().is_some_and(|p| p == path),
        }
    }

    /// Whether it is a data file, not a page or a copy: `catalogue.json`,
    /// the sitemap, `robots.txt`, the search index, the kiosk's data. A
    /// build makes them beside the pages; all but `robots.txt` are made from
    /// the whole catalogue, so every edit changes them.
    pub fn is_data(&self) -> bool {
        use OutputKey as K;
        matches!(
            self,
            K::CatalogueJson | K::Sitemap | K::Robots | K::SearchIndex | K::KioskData(_)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::Theme;
    use crate::render::{render, Collect, Content, OutputFile, RenderOptions, Renderer};
    use std::path::Path;

    fn example() -> crate::model::Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        // The day the example's pages say they were updated.
        let opts = crate::CheckOptions {
            today: "2026-12-07".parse().unwrap(),
            lang: None,
        };
        crate::check_site(root, opts)
            .site
            .expect("the example site is valid")
    }

    fn bytes(files: Vec<OutputFile>) -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .map(|f| {
                let bytes = match f.content {
                    Content::Html(b) | Content::Bytes(b) => b,
                    Content::Static(b) => b.to_vec(),
                    Content::Copy(p) => p.to_string_lossy().into_owned().into_bytes(),
                };
                (f.path, bytes)
            })
            .collect();
        out.sort();
        out
    }

    /// Every key made alone gives, together, the files of a full render,
    /// and each file is owned by the key that made it and by no other.
    #[test]
    fn every_key_alone_gives_the_full_render() {
        let site = example();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let theme = Theme::load(root, &site.config.theme).unwrap();
        let opts = RenderOptions {
            today: "2026-11-23".parse().unwrap(),
            minifier: None,
        };
        let full = Collect::default();
        render(&site, &theme, &opts, &full).unwrap();
        let full = bytes(full.into_files());

        let r = Renderer::new(&site, &theme, &opts);
        let keys = r.keys();
        let mut one_by_one = Vec::new();
        for key in &keys {
            let files = Collect::default();
            r.one(key, &files).unwrap();
            let files = bytes(files.into_files());
            for (path, _) in &files {
                assert!(key.owns(path), "{key:?} made {path}");
                let owners: Vec<_> = keys.iter().filter(|k| k.owns(path)).collect();
                assert_eq!(owners, [key], "{path}");
            }
            if let Some(path) = key.path() {
                let made: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
                assert_eq!(made, [path.as_str()], "{key:?}");
            }
            one_by_one.extend(files);
        }
        one_by_one.sort();
        let paths = |v: &[(String, Vec<u8>)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&one_by_one), paths(&full));
        for ((path, a), (_, b)) in one_by_one.iter().zip(&full) {
            assert!(a == b, "{path} differs from the full render");
        }
    }

    #[test]
    fn a_procedure_is_shown_by_its_pages_and_its_fields() {
        let site = example();
        let p = &site.procedures[0];
        let other = site
            .procedures
            .iter()
            .find(|q| q.field != p.field)
            .expect("the example has two fields");
        let (id, field) = (ProcedureId::of(p), p.field.clone());
        for key in [
            OutputKey::Procedure(id.clone()),
            OutputKey::Poster(id.clone()),
            OutputKey::PosterPdf(id.clone()),
            OutputKey::Handout(id.clone()),
            OutputKey::Attachments(id),
            OutputKey::Field(field.clone()),
            OutputKey::FieldCatalogue(field.clone()),
            OutputKey::PrintAll(field),
            OutputKey::Catalogue,
            OutputKey::Search,
            OutputKey::PosterIndex,
            OutputKey::CatalogueJson,
            OutputKey::SearchIndex,
        ] {
            assert!(key.shows(p), "{key:?}");
        }
        let (oid, ofield) = (ProcedureId::of(other), other.field.clone());
        for key in [
            OutputKey::Procedure(oid.clone()),
            OutputKey::Poster(oid.clone()),
            OutputKey::PosterPdf(oid.clone()),
            OutputKey::Handout(oid.clone()),
            OutputKey::Attachments(oid),
            OutputKey::Field(ofield.clone()),
            OutputKey::FieldCatalogue(ofield.clone()),
            OutputKey::PrintAll(ofield),
            OutputKey::Home,
            OutputKey::StaffBoard,
            OutputKey::Robots,
            OutputKey::Assets,
        ] {
            assert!(!key.shows(p), "{key:?}");
        }
    }

    #[test]
    fn an_edit_changes_only_the_outputs_that_show_it() {
        let site = example();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let theme = Theme::load(root, &site.config.theme).unwrap();
        let opts = RenderOptions {
            today: "2026-11-23".parse().unwrap(),
            minifier: None,
        };
        let mut edited = site.clone();
        let p = std::sync::Arc::make_mut(&mut edited.procedures[3]);
        p.title.push_str(" (sửa)");
        p.result.push_str(" mới");
        let p = edited.procedures[3].clone();
        let (before, after) = (
            Renderer::new(&site, &theme, &opts),
            Renderer::new(&edited, &theme, &opts),
        );
        assert!(before.globals() == after.globals());
        assert_eq!(before.keys(), after.keys());
        for key in before.keys().iter().filter(|k| !k.shows(&p)) {
            let (a, b) = (Collect::default(), Collect::default());
            before.one(key, &a).unwrap();
            after.one(key, &b).unwrap();
            assert!(bytes(a.into_files()) == bytes(b.into_files()), "{key:?}");
        }
    }
}
