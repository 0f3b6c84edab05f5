//! The site as `serve` keeps it: the content checked file by file
//! ([`Checked`]), the theme, and the files of the last good render, in
//! memory. An edit to one procedure file is read and validated again alone;
//! the rules across files run again on the whole catalogue (the same code
//! as `check`). While what every page sees is the same
//! ([`render::Globals`], compared by digest) and the site has the same
//! outputs, only the outputs that show an edited procedure
//! ([`OutputKey::shows`]) are made again; otherwise every one. Anything else
//! (site.yaml, a field, a notice, an attachment, a theme file, a file
//! added, deleted or renamed) reads the whole site again.
//!
//! The data files and the fields' "print all" pages are made only when one
//! of their files is asked for ([`on_request`]), and so, after an edit, are
//! the other outputs that list a field or the whole catalogue (the edited
//! page is served sooner); one that shows no edited procedure is kept from
//! render to render while the globals stay.
//!
//! Nothing here can go stale without `tests/serve.rs` seeing it: there,
//! after a sequence of edits, the files kept here are compared byte for
//! byte with a fresh full render.

use super::overlay;
use super::pin::Pinned;
use crate::check::{CheckOptions, Checked};
use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::model::{Procedure, Site};
use crate::render::{
    self, theme::Theme, Content, Globals, OutputFile, OutputKey, RenderOptions, Scope,
};
use axum::body::Bytes;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// What the watcher saw change on disk.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Procedure files edited in place (paths under the root `serve` reads).
    pub procedures: BTreeSet<PathBuf>,
    /// Anything else: the site is read again whole.
    pub everything: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.everything && self.procedures.is_empty()
    }

    pub fn merge(&mut self, other: Changes) {
        self.everything |= other.everything;
        self.procedures.extend(other.procedures);
    }
}

/// One file of the served site.
#[derive(Clone)]
pub enum Body {
    /// A page: the reload script (and the error overlay) go into it.
    Html(Bytes),
    Data(Bytes),
    /// Read from disk when asked for (forms, samples, theme files), and
    /// only while it is the file that was checked.
    File(Arc<Pinned>),
}

pub type FileMap = HashMap<String, Body>;

/// What the HTTP side shows; replaced whole after each rebuild.
pub struct Snapshot {
    /// The last good site.
    pub site: Option<SiteFiles>,
    /// The error overlay, while the content has errors.
    pub overlay: Option<Arc<str>>,
    pub version: u64,
}

/// The files of one good render.
#[derive(Clone)]
pub struct SiteFiles {
    pub pages: Arc<FileMap>,
    /// Attachments and theme assets.
    pub other: Arc<FileMap>,
    /// `catalogue.json`, the sitemap, "print all" pages…: made on first
    /// request.
    pub on_request: Arc<OnRequest>,
}

/// Whether `serve` makes `key` only when one of its files is asked for:
/// the data files (every edit changes them, and at 2,000 procedures they
/// cost more than the pages an edit reaches, yet while editing hardly
/// anyone opens them) and the fields' "print all" pages (every poster of a
/// field).
pub fn on_request(key: &OutputKey) -> bool {
    key.is_data() || matches!(key, OutputKey::PrintAll(_))
}

/// The outputs made on request ([`on_request`]), each when first asked for.
pub struct OnRequest {
    site: Arc<Site>,
    theme: Arc<Theme>,
    opts: RenderOptions,
    outputs: Vec<(OutputKey, Arc<OnceLock<FileMap>>)>,
}

impl OnRequest {
    /// The file at `path` if it is one of these (made now if need be).
    pub fn get(&self, path: &str) -> Option<&Body> {
        let (key, files) = self.outputs.iter().find(|(k, _)| k.owns(path))?;
        self.files(key, files).get(path)
    }

    fn files<'s>(&self, key: &OutputKey, files: &'s OnceLock<FileMap>) -> &'s FileMap {
        files.get_or_init(|| {
            let r = render::Renderer::new(&self.site, &self.theme, &self.opts);
            let made = render::Collect::default();
            // The same templates rendered every page a moment ago: an error
            // here cannot be new, and shows as a missing file.
            let _ = r.one(key, &made);
            made.into_files().into_iter().map(entry).collect()
        })
    }

    /// Every file of these, each made now if it was not yet.
    fn all(&self) -> impl Iterator<Item = (&String, &Body)> {
        self.outputs
            .iter()
            .flat_map(|(key, files)| self.files(key, files).iter())
    }

    /// The output `key`'s files as made so far, to keep for the next
    /// render when it does not change.
    fn kept(&self, key: &OutputKey) -> Option<Arc<OnceLock<FileMap>>> {
        let (_, files) = self.outputs.iter().find(|(k, _)| k == key)?;
        Some(Arc::clone(files))
    }
}

impl Snapshot {
    /// A page, an attachment or an asset: already in memory.
    pub fn get_built(&self, path: &str) -> Option<&Body> {
        let s = self.site.as_ref()?;
        s.pages.get(path).or_else(|| s.other.get(path))
    }

    /// Any file; a data file is made now if it was not yet (blocking).
    pub fn get(&self, path: &str) -> Option<&Body> {
        self.get_built(path)
            .or_else(|| self.site.as_ref()?.on_request.get(path))
    }
}

/// How a rebuild went, for the terminal.
pub struct Report {
    pub elapsed: Duration,
    pub result: Rebuilt,
    /// Every diagnostic of the site as it now stands (errors first).
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuilt {
    /// Every page was rendered.
    Full { pages: usize },
    /// Only the pages an edit reached.
    Partial { pages: usize },
    /// The content (or the theme) has errors: the last good site stays.
    Failed { errors: usize },
}

/// What changed since the last good render.
enum Dirty {
    Clean,
    Edited(BTreeSet<PathBuf>),
    Everything,
}

struct Good {
    files: SiteFiles,
    /// What every page saw, and every output the site had.
    globals: Globals,
    keys: Vec<OutputKey>,
}

pub struct LiveSite {
    root: PathBuf,
    opts: CheckOptions,
    checked: Checked,
    /// The theme of site.yaml's `theme`, once loaded.
    theme: Option<(String, Arc<Theme>)>,
    good: Option<Good>,
    dirty: Dirty,
    overlay: Option<Arc<str>>,
    version: u64,
}

impl LiveSite {
    /// Reads, checks and renders the whole site.
    pub fn new(root: &Path, opts: CheckOptions) -> (LiveSite, Report) {
        let started = Instant::now();
        let mut live = LiveSite {
            root: root.to_path_buf(),
            opts,
            checked: Checked::new(root, opts),
            theme: None,
            good: None,
            dirty: Dirty::Everything,
            overlay: None,
            version: 0,
        };
        let report = live.rebuild(started);
        (live, report)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether `path` is a procedure file as the last walk found it.
    pub fn is_procedure_file(&self, path: &Path) -> bool {
        self.checked.is_procedure_file(path)
    }

    /// Takes in what changed on disk and renders what it reaches.
    pub fn apply(&mut self, changes: &Changes) -> Report {
        let started = Instant::now();
        let mut everything = changes.everything;
        if !everything {
            for path in &changes.procedures {
                match self.checked.recheck(path) {
                    Some(source) => {
                        if let Dirty::Edited(set) = &mut self.dirty {
                            set.insert(source);
                        } else if let Dirty::Clean = self.dirty {
                            self.dirty = Dirty::Edited(BTreeSet::from([source]));
                        }
                    }
                    // Not a procedure file any more (or never was).
                    None => everything = true,
                }
            }
        }
        if everything {
            self.checked = Checked::new(&self.root, self.opts);
            self.theme = None;
            self.dirty = Dirty::Everything;
        }
        self.rebuild(started)
    }

    /// Checks the catalogue as it stands and renders what is dirty.
    fn rebuild(&mut self, started: Instant) -> Report {
        let outcome = self.checked.outcome();
        let lang = outcome.lang;
        let mut diagnostics = outcome.diagnostics;
        let Some(site) = outcome.site else {
            return self.failed(started, diagnostics, lang);
        };
        let rendered = self
            .theme(&site)
            .and_then(|theme| self.render(Arc::new(site), &theme));
        let (good, result) = match rendered {
            Ok(r) => r,
            Err(mut errs) => {
                errs.append(&mut diagnostics);
                return self.failed(started, errs, lang);
            }
        };
        self.good = Some(good);
        self.dirty = Dirty::Clean;
        self.overlay = None;
        self.version += 1;
        Report {
            elapsed: started.elapsed(),
            result,
            diagnostics,
            lang,
        }
    }

    /// The theme `site` names, loaded when it was not yet.
    fn theme(&mut self, site: &Site) -> Result<Arc<Theme>, Vec<Diagnostic>> {
        let name = &site.config.theme;
        match &self.theme {
            Some((n, theme)) if n == name => Ok(Arc::clone(theme)),
            _ => {
                let theme = Arc::new(Theme::load(&self.root, name)?);
                self.theme = Some((name.clone(), Arc::clone(&theme)));
                Ok(theme)
            }
        }
    }

    /// Makes now what `serve` does not leave until asked for: after edits
    /// of procedure files alone, while the globals and the outputs are as
    /// in the last good render, only the outputs that show an edited
    /// procedure (the rest of that render kept); otherwise every one.
    fn render(
        &self,
        site: Arc<Site>,
        theme: &Arc<Theme>,
    ) -> Result<(Good, Rebuilt), Vec<Diagnostic>> {
        let opts = RenderOptions {
            today: self.opts.today,
            minifier: None,
        };
        let r = render::Renderer::new(&site, theme, &opts);
        let (globals, keys) = (r.globals(), r.keys());
        let edited = self.edited(&site, globals, &keys);
        let before = self.good.as_ref().filter(|_| edited.is_some());
        let shown = |k: &OutputKey| edited.as_ref().is_none_or(|e| e.iter().any(|p| k.shows(p)));
        // After an edit, the lists of a field or of the whole catalogue
        // wait until asked for too: the edited procedure's own page is what
        // the clerk looks at, and it is ready sooner without them.
        let later = |k: &OutputKey| {
            on_request(k) || before.is_some() && matches!(k.scope(), Scope::Every | Scope::Field(_))
        };
        let now: Vec<OutputKey> = keys
            .iter()
            .filter(|k| !later(k) && shown(k))
            .cloned()
            .collect();
        let files = render::Collect::default();
        let pages_made = r.many(&now, &files)?;
        let (mut pages, mut other) = match before {
            Some(g) => (
                FileMap::clone(&g.files.pages),
                FileMap::clone(&g.files.other),
            ),
            None => Default::default(),
        };
        for key in keys.iter().filter(|k| before.is_some() && shown(k)) {
            forget(&mut pages, key);
            forget(&mut other, key);
        }
        // Pages come from templates; the rest are attachments and assets.
        let (new_pages, new_other): (Vec<OutputFile>, Vec<OutputFile>) = files
            .into_files()
            .into_iter()
            .partition(|f| matches!(f.content, Content::Html(_)));
        pages.extend(new_pages.into_iter().map(entry));
        other.extend(self.pin(new_other, before));
        let outputs = keys
            .iter()
            // One made at once in the render before and shown by no edit
            // is still among the pages (or, a PDF, among the other files).
            .filter(|k| {
                later(k)
                    && !k
                        .path()
                        .is_some_and(|p| pages.contains_key(&p) || other.contains_key(&p))
            })
            .map(|k| {
                let kept = before.filter(|_| !shown(k));
                let files = kept.and_then(|g| g.files.on_request.kept(k));
                (k.clone(), files.unwrap_or_default())
            })
            .collect();
        let result = match before {
            Some(_) => Rebuilt::Partial { pages: pages_made },
            None => Rebuilt::Full { pages: pages_made },
        };
        let files = SiteFiles {
            pages: Arc::new(pages),
            other: Arc::new(other),
            on_request: Arc::new(OnRequest {
                site: Arc::clone(&site),
                theme: Arc::clone(theme),
                opts,
                outputs,
            }),
        };
        Ok((
            Good {
                files,
                globals,
                keys,
            },
            result,
        ))
    }

    /// The edited procedures when only the outputs that show them can
    /// differ from the last good render: procedure files alone were edited,
    /// and what every page sees and the site's outputs are the same. None
    /// when everything must be made.
    fn edited<'s>(
        &self,
        site: &'s Site,
        globals: Globals,
        keys: &[OutputKey],
    ) -> Option<Vec<&'s Procedure>> {
        let good = self.good.as_ref()?;
        if good.globals != globals || good.keys != keys {
            return None;
        }
        match &self.dirty {
            Dirty::Everything => None,
            Dirty::Clean => Some(Vec::new()),
            Dirty::Edited(sources) => sources
                .iter()
                .map(|s| site.procedures.iter().find(|p| p.source == *s))
                .map(|p| p.map(AsRef::as_ref))
                .collect(),
        }
    }

    /// The attachments and assets, files from disk pinned as they are now
    /// (see [`super::pin`]). A partial rebuild follows edits of procedure
    /// files only (any other file changed reads the site again), so a file
    /// already pinned in the render `before` at the same path from the same
    /// source is the same: its pin is kept, which spares a few system calls
    /// per file.
    fn pin(&self, files: Vec<OutputFile>, before: Option<&Good>) -> FileMap {
        let content = self.root.join("content");
        let real_content = content.canonicalize().unwrap_or_else(|_| content.clone());
        files
            .into_iter()
            .map(|f| match f.content {
                Content::Copy(source) => {
                    let kept = before.and_then(|g| match g.files.other.get(&f.path) {
                        Some(Body::File(p)) if p.source() == source => Some(Arc::clone(p)),
                        _ => None,
                    });
                    let pin = kept.unwrap_or_else(|| {
                        Arc::new(if source.starts_with(&content) {
                            Pinned::inside(&source, &real_content)
                        } else {
                            Pinned::asset(&source)
                        })
                    });
                    (f.path, Body::File(pin))
                }
                _ => entry(f),
            })
            .collect()
    }

    fn failed(&mut self, started: Instant, diagnostics: Vec<Diagnostic>, lang: Lang) -> Report {
        let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
        self.overlay = Some(overlay::html(&errors, lang, self.good.is_some()).into());
        self.version += 1;
        Report {
            elapsed: started.elapsed(),
            result: Rebuilt::Failed {
                errors: errors.len(),
            },
            diagnostics,
            lang,
        }
    }

    /// What the HTTP side shows now.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            site: self.good.as_ref().map(|g| g.files.clone()),
            overlay: self.overlay.clone(),
            version: self.version,
        }
    }

    /// Every file of the last good site with its bytes (files from disk
    /// read now), sorted by path: for tests that compare renders.
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        let Some(good) = &self.good else {
            return Vec::new();
        };
        let f = &good.files;
        let mut out: Vec<(String, Vec<u8>)> = f
            .pages
            .iter()
            .chain(f.other.iter())
            .chain(f.on_request.all())
            .map(|(path, body)| {
                let bytes = match body {
                    Body::Html(b) | Body::Data(b) => b.to_vec(),
                    Body::File(p) => p.read().unwrap_or_default(),
                };
                (path.clone(), bytes)
            })
            .collect();
        out.sort();
        out
    }
}

/// Drops from `files` the files of `key`, to be made again.
fn forget(files: &mut FileMap, key: &OutputKey) {
    match key.path() {
        Some(path) => {
            files.remove(&path);
        }
        None => files.retain(|path, _| !key.owns(path)),
    }
}

fn entry(f: OutputFile) -> (String, Body) {
    let body = match f.content {
        Content::Html(s) => Body::Html(Bytes::from(s)),
        Content::Bytes(b) => Body::Data(Bytes::from(b)),
        Content::Static(b) => Body::Data(Bytes::from_static(b)),
        // Pinned by LiveSite::pin; the data files have none.
        Content::Copy(p) => Body::File(Arc::new(Pinned::asset(&p))),
    };
    (f.path, body)
}
