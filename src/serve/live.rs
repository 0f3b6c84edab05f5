//! The site as `serve` keeps it: the content checked file by file
//! ([`Checked`]), the theme, and the files of the last good render, in
//! memory. An edit to one procedure file is read and validated again alone;
//! the rules across files run again on the whole catalogue (the same code
//! as `check`), and only the pages that show an edited procedure are
//! rendered again ([`Scope::Edited`]). Anything else (site.yaml, a field,
//! a notice, an attachment, a theme file, a file added, deleted or
//! renamed) reads the whole site again.
//!
//! Nothing here can go stale without `tests/serve.rs` seeing it: there,
//! after a sequence of edits, the files kept here are compared byte for
//! byte with a fresh full render.

use super::overlay;
use super::pin::Pinned;
use crate::check::{CheckOptions, Checked};
use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::model::Site;
use crate::render::{self, theme::Theme, Content, OutputFile, RenderOptions, Scope};
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
    /// `catalogue.json`, the sitemap…: made on first request.
    pub data: Arc<DataFiles>,
}

/// The files made from the whole catalogue, or a whole field, made when
/// first asked for: every edit changes them, and at 2,000 procedures they
/// cost more than the pages an edit reaches, yet while editing hardly anyone
/// opens them. `catalogue.json`, the sitemap and the search index are one
/// set; the fields' "print all" pages (every poster of a field) another.
pub struct DataFiles {
    site: Arc<Site>,
    theme: Arc<Theme>,
    opts: RenderOptions,
    data: OnceLock<FileMap>,
    print_all: OnceLock<FileMap>,
}

impl DataFiles {
    /// The file at `path` if it is one of these (made now if need be).
    pub fn get(&self, path: &str) -> Option<&Body> {
        if render::posters::is_print_all(path) {
            self.print_all().get(path)
        } else {
            self.data().get(path)
        }
    }

    fn data(&self) -> &FileMap {
        self.data.get_or_init(|| {
            let files = render::Collect::default();
            render::data_files(&self.site, &self.opts, &files);
            files.into_files().into_iter().map(entry).collect()
        })
    }

    fn print_all(&self) -> &FileMap {
        self.print_all.get_or_init(|| {
            // The same templates rendered every poster a moment ago: an
            // error here cannot be new, and shows as a missing page.
            render::print_all_pages(&self.site, &self.theme, &self.opts)
                .unwrap_or_default()
                .into_iter()
                .map(entry)
                .collect()
        })
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
            .or_else(|| self.site.as_ref()?.data.get(path))
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
    globals: tera::Context,
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
        let name = &site.config.theme;
        if self.theme.as_ref().is_none_or(|(n, _)| n != name) {
            match Theme::load(&self.root, name) {
                Ok(t) => self.theme = Some((name.clone(), Arc::new(t))),
                Err(mut errs) => {
                    errs.append(&mut diagnostics);
                    return self.failed(started, errs, lang);
                }
            }
        }
        let Some((_, theme)) = &self.theme else {
            unreachable!("the theme was just loaded")
        };
        let ropts = RenderOptions {
            today: self.opts.today,
            print_all: false,
            minifier: None,
        };
        let sources: Vec<PathBuf> = match &self.dirty {
            Dirty::Edited(set) => set.iter().cloned().collect(),
            _ => Vec::new(),
        };
        let scope = match (&self.dirty, &self.good) {
            (Dirty::Everything, _) | (_, None) => Scope::All,
            (_, Some(good)) => Scope::Edited {
                sources: &sources,
                globals: &good.globals,
            },
        };
        let files = render::Collect::default();
        let rendered = match render::render_scope(&site, theme, &ropts, &scope, &files) {
            Ok(r) => r,
            Err(mut errs) => {
                errs.append(&mut diagnostics);
                return self.failed(started, errs, lang);
            }
        };
        let pages_rendered = rendered.pages;
        // Pages come from templates; the rest are attachments and assets.
        let (new_pages, other): (Vec<OutputFile>, Vec<OutputFile>) = files
            .into_files()
            .into_iter()
            .partition(|f| matches!(f.content, Content::Html(_)));
        let other = self.pin(other, rendered.complete);
        let pages = match (&self.good, rendered.complete) {
            (Some(good), false) => {
                let mut pages = FileMap::clone(&good.files.pages);
                pages.extend(new_pages.into_iter().map(entry));
                pages
            }
            _ => new_pages.into_iter().map(entry).collect(),
        };
        self.good = Some(Good {
            files: SiteFiles {
                pages: Arc::new(pages),
                other: Arc::new(other),
                data: Arc::new(DataFiles {
                    site: Arc::new(site),
                    theme: Arc::clone(theme),
                    opts: ropts,
                    data: OnceLock::new(),
                    print_all: OnceLock::new(),
                }),
            },
            globals: rendered.globals,
        });
        self.dirty = Dirty::Clean;
        self.overlay = None;
        self.version += 1;
        Report {
            elapsed: started.elapsed(),
            result: if rendered.complete {
                Rebuilt::Full {
                    pages: pages_rendered,
                }
            } else {
                Rebuilt::Partial {
                    pages: pages_rendered,
                }
            },
            diagnostics,
            lang,
        }
    }

    /// The attachments and assets, files from disk pinned as they are now
    /// (see [`super::pin`]). A partial rebuild follows edits of procedure
    /// files only (any other file changed reads the site again), so the
    /// files already pinned are the same: their pins are kept, which spares
    /// a few system calls per file on every edit.
    fn pin(&self, files: Vec<OutputFile>, complete: bool) -> FileMap {
        let content = self.root.join("content");
        let real_content = content.canonicalize().unwrap_or_else(|_| content.clone());
        let before = self.good.as_ref().filter(|_| !complete);
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
            .chain(f.data.data().iter())
            .chain(f.data.print_all().iter())
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
