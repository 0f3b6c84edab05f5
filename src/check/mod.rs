//! `niemyet check`: load → model, with every problem of the run collected.
//! Every other command starts here and goes on only with a [`Site`].

use crate::diag::Rule;
use crate::diag::{self, Diagnostic};
use crate::lang::Lang;
use crate::load;
use crate::model::{self, Date, Site};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub mod cache;

#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// "Today" for every date rule (the clock, or `--date`).
    pub today: Date,
    /// `--lang`; otherwise site.yaml's `language`.
    pub lang: Option<Lang>,
}

#[derive(Debug)]
pub struct CheckOutcome {
    /// The validated catalogue, when there is no error.
    pub site: Option<Site>,
    /// Errors first, then warnings, each sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// The language to print messages in.
    pub lang: Lang,
}

impl CheckOutcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

pub fn check_site(root: &Path, opts: CheckOptions) -> CheckOutcome {
    Checked::new(root, opts).into_outcome()
}

/// A site checked file by file. [`check_site`] makes one and turns it into
/// an outcome at once; `serve` keeps it, checks an edited procedure file
/// again ([`Checked::recheck`]) and asks for a new outcome, so the rules
/// across files run on the same code path whichever way the site was read.
pub struct Checked {
    opts: CheckOptions,
    config: Option<model::SiteConfig>,
    fields: Vec<model::Field>,
    notices: Vec<model::Notice>,
    /// Problems of the walk, site.yaml, the field indexes and the notices.
    diagnostics: Vec<Diagnostic>,
    /// Every procedure file in walk order, with what checking it gave.
    procedures: Vec<ProcedureCheck>,
}

/// One procedure file, read and validated on its own.
pub struct ProcedureCheck {
    pub entry: load::FileEntry,
    /// Shared with every `Site` made from this check (serve makes one per
    /// edit: cloning the catalogue each time cost 10 ms at 2,000).
    pub procedure: Option<Arc<model::Procedure>>,
    pub diagnostics: Vec<Diagnostic>,
    pub code: Option<model::CodeUse>,
    /// The digest of what checking it read ([`cache::key`]), when it was
    /// checked for a cache: its entry in the next one.
    pub key: Option<u64>,
}

impl ProcedureCheck {
    /// Reads and validates the file in one go, so its raw front matter is
    /// dropped at once: memory stays proportional to the typed catalogue.
    fn run(entry: load::FileEntry, today: Date) -> ProcedureCheck {
        let (pd, d) = load::load_procedure(&entry);
        ProcedureCheck::validated(entry, pd, d, today)
    }

    /// [`ProcedureCheck::run`] on bytes not read from `entry.abs`.
    fn from_bytes(entry: load::FileEntry, bytes: &[u8], today: Date) -> ProcedureCheck {
        let (pd, d) = load::procedure_from_bytes(&entry, bytes);
        ProcedureCheck::validated(entry, pd, d, today)
    }

    fn validated(
        entry: load::FileEntry,
        pd: load::ProcedureDoc,
        mut d: Vec<Diagnostic>,
        today: Date,
    ) -> ProcedureCheck {
        let p = model::validate_procedure(&pd, today, &mut d);
        if let Ok(doc) = &pd.doc {
            placeholders_left(&doc.source, &mut d);
        }
        let code = model::code_use(&pd);
        ProcedureCheck {
            entry,
            // An `Err` is the proof that an error says why: the check fails.
            procedure: p.ok().map(Arc::new),
            diagnostics: d,
            code,
            key: None,
        }
    }

    /// [`ProcedureCheck::run`], or what it gave last time when `cache` has
    /// it under the digest of what it reads now.
    fn cached(entry: load::FileEntry, today: Date, program: &str, cache: &cache::Cache) -> Self {
        // A file that cannot be read is reported as `run` reports it.
        let Ok(Ok(bytes)) = load::decode::read_limited(&entry.abs) else {
            return ProcedureCheck::run(entry, today);
        };
        let key = cache::key(program, today, &entry, &bytes);
        let mut check = match cache.get(key) {
            Some(c) => ProcedureCheck {
                entry,
                procedure: c.procedure.map(Arc::new),
                diagnostics: c.diagnostics,
                code: c.code,
                key: None,
            },
            None => ProcedureCheck::from_bytes(entry, &bytes, today),
        };
        check.key = Some(key);
        check
    }
}

impl Checked {
    pub fn new(root: &Path, opts: CheckOptions) -> Checked {
        Checked::with_cache(root, opts, None)
    }

    /// [`Checked::new`], taking what checking a procedure file gave from
    /// `cache` when its digest is there (`program` is what writes and
    /// reads the cache: [`crate::incremental::program`]).
    pub fn with_cache(
        root: &Path,
        opts: CheckOptions,
        cache: Option<(&str, &cache::Cache)>,
    ) -> Checked {
        let loaded = load::load(root);
        let mut diags = loaded.diagnostics;
        let field_slugs: Vec<&str> = loaded.fields.iter().map(|f| f.slug.as_str()).collect();
        let config = loaded
            .site
            .as_ref()
            .and_then(|doc| doc.as_ref().ok())
            .and_then(|doc| {
                model::validate_site(doc, root, &field_slugs, opts.today, &mut diags).ok()
            });
        let fields: Vec<_> = loaded
            .fields
            .iter()
            .filter_map(|f| {
                f.doc
                    .as_ref()
                    .and_then(|doc| doc.as_ref().ok())
                    .and_then(|doc| model::validate_field(&f.slug, doc, &mut diags).ok())
            })
            .collect();
        let procedures: Vec<_> = loaded
            .procedure_files
            .into_par_iter()
            .map(|entry| match cache {
                Some((program, cache)) => ProcedureCheck::cached(entry, opts.today, program, cache),
                None => ProcedureCheck::run(entry, opts.today),
            })
            .collect();
        let notices: Vec<_> = loaded
            .notices
            .iter()
            .filter_map(|n| model::validate_notice(n, opts.today, &mut diags).ok())
            .collect();
        Checked {
            opts,
            config,
            fields,
            notices,
            diagnostics: diags,
            procedures,
        }
    }

    /// Whether `path` (as the walk saw it: `<root>/content/...`) is a
    /// procedure file of this site.
    pub fn is_procedure_file(&self, path: &Path) -> bool {
        self.procedures.iter().any(|c| c.entry.abs == path)
    }

    /// Reads and validates one procedure file again (it was edited, not
    /// moved) and gives its `content/...` path (`Procedure::source`); `None`
    /// when `path` is not a procedure file of this site.
    pub fn recheck(&mut self, path: &Path) -> Option<PathBuf> {
        let slot = self.procedures.iter_mut().find(|c| c.entry.abs == path)?;
        let entry = slot.entry.clone();
        *slot = ProcedureCheck::run(entry, self.opts.today);
        Some(slot.entry.rel.clone())
    }

    /// What the next check's cache holds: each procedure file checked
    /// for a cache, with what checking it gave.
    pub fn for_cache(&self) -> cache::Pending {
        cache::Pending(
            self.procedures
                .iter()
                .filter_map(|c| {
                    Some(cache::Owned {
                        key: c.key?,
                        procedure: c.procedure.clone(),
                        diagnostics: c.diagnostics.clone(),
                        code: c.code.clone(),
                    })
                })
                .collect(),
        )
    }

    /// The outcome as it stands, leaving this intact (the catalogue is cloned).
    pub fn outcome(&self) -> CheckOutcome {
        let procedures = self
            .procedures
            .par_iter()
            .filter_map(|c| c.procedure.clone())
            .collect();
        self.finish(
            self.config.clone(),
            self.fields.clone(),
            self.notices.clone(),
            procedures,
        )
    }

    pub fn into_outcome(mut self) -> CheckOutcome {
        let procedures = self
            .procedures
            .iter_mut()
            .filter_map(|c| c.procedure.take())
            .collect();
        let config = self.config.take();
        let fields = std::mem::take(&mut self.fields);
        let notices = std::mem::take(&mut self.notices);
        self.finish(config, fields, notices, procedures)
    }

    /// The rules across files, the sorted diagnostics, and the site when
    /// there is no error.
    fn finish(
        &self,
        config: Option<model::SiteConfig>,
        fields: Vec<model::Field>,
        notices: Vec<model::Notice>,
        procedures: Vec<Arc<model::Procedure>>,
    ) -> CheckOutcome {
        let mut diags = self.diagnostics.clone();
        let mut codes = Vec::new();
        for c in &self.procedures {
            diags.extend(c.diagnostics.iter().cloned());
            codes.extend(c.code.iter().cloned());
        }
        model::duplicate_codes(&codes, &mut diags);
        let found_in: Vec<&str> = self
            .procedures
            .iter()
            .filter_map(|c| match &c.entry.kind {
                load::walk::Kind::Procedure { field, .. } => Some(field.as_str()),
                _ => None,
            })
            .collect();
        model::cross_checks(&fields, &procedures, &found_in, &mut diags);
        diag::sort(&mut diags);
        let lang = self
            .opts
            .lang
            .or(config.as_ref().map(|c| c.language))
            .unwrap_or_default();
        let has_errors = diags.iter().any(Diagnostic::is_error);
        let site = match config {
            Some(config) if !has_errors => Some(Site::new(config, fields, procedures, notices)),
            _ => None,
        };
        CheckOutcome {
            site,
            diagnostics: diags,
            lang,
        }
    }
}

/// Procedure files that are not on disk yet, each given by its entry
/// (see [`load::procedure_entry`]) and its bytes: read and validated one by
/// one exactly as `check` reads a file of the walk, then the rules across
/// them (one code, one address each). `niemyet import` checks what it is
/// about to write with this, before it writes anything. Their diagnostics,
/// sorted.
pub fn check_files(files: Vec<(load::FileEntry, &[u8])>, today: Date) -> Vec<Diagnostic> {
    let checks: Vec<ProcedureCheck> = files
        .into_par_iter()
        .map(|(entry, bytes)| ProcedureCheck::from_bytes(entry, bytes, today))
        .collect();
    let (mut diags, mut codes, mut procedures) = (Vec::new(), Vec::new(), Vec::new());
    for c in checks {
        diags.extend(c.diagnostics);
        codes.extend(c.code);
        procedures.extend(c.procedure);
    }
    model::duplicate_codes(&codes, &mut diags);
    model::cross_checks(&[], &procedures, &[], &mut diags);
    diag::sort(&mut diags);
    diags
}

/// A field's `_index.md` that is not on disk yet, checked as `check`
/// checks one.
pub fn check_field_index(slug: &str, rel: &Path, bytes: &[u8]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let doc = load::parse_bytes::<load::raw::RawFieldIndex>(bytes, rel, true, &mut diags);
    if let Ok(doc) = doc {
        let _ = model::validate_field(slug, &doc, &mut diags);
    }
    diags
}

/// `niemyet new` marks what the clerk must replace with "CẦN SỬA"; a marker
/// still there would be published, so each one is a warning at its line.
fn placeholders_left(source: &diag::Source, diags: &mut Vec<Diagnostic>) {
    let mark = crate::markers::PLACEHOLDER;
    for (byte, _) in source.text.match_indices(mark) {
        let line = source.line_of(byte);
        if source.line_text(line).trim_start().starts_with('#') {
            continue; // a comment telling what to do, not a value
        }
        diags.push(
            Diagnostic::warning(
                Rule::Placeholder,
                source.rel_path.clone(),
                crate::t!(
                    "còn chỗ đánh dấu \"{mark}\": nội dung mẫu chưa được thay",
                    "a \"{mark}\" marker is left: placeholder text not replaced yet"
                ),
            )
            .at(Some(source.locate(byte, mark.len())))
            .hint(crate::t!(
                "thay cả dòng này bằng thông tin thật của thủ tục (dòng {line})",
                "replace this line with the procedure's real information (line {line})"
            )),
        );
    }
}
