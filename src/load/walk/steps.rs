//! The walk's steps: the state it keeps between entries of `content/`
//! and what it does with each one, by where it stands (see the module's
//! table). `walk()` drives them in order.

use super::{
    check_attachment_name, check_dir_name, found, is_markdown, link_outside, md_slug,
    procedure_saved_as_text, rel_path, saved_as_text, special_file, symlinked_dir, AttachmentFile,
    Attachments, FileEntry, FileKind, Found, Kind, Tree, NOTICES_DIR, RESERVED_FIELD_SLUGS,
};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The walk between entries: what it found so far.
pub(super) struct Walk {
    pub(super) content: PathBuf,
    canonical_content: PathBuf,
    tree: Tree,
    site_seen: bool,
    /// Parallel to `tree.field_dirs`.
    field_has_index: Vec<bool>,
    /// Bundle folders: path, `content/...`, whether `index.md` was seen.
    bundles: Vec<(PathBuf, PathBuf, bool)>,
    /// Entries of each folder a procedure may stand in, by folder.
    beside: HashMap<PathBuf, Vec<AttachmentFile>>,
}

/// One entry of `content/`, as the steps of the walk read it.
pub(super) struct Entry<'a> {
    dir_entry: &'a walkdir::DirEntry,
    rel: PathBuf,
    pub(super) name: String,
    /// A folder itself, not a link to one.
    pub(super) is_dir: bool,
    /// The names from `content/` down, this one's included.
    parents: Vec<String>,
    found: Found,
}

impl Entry<'_> {
    fn depth(&self) -> usize {
        self.dir_entry.depth()
    }

    fn path(&self) -> &Path {
        self.dir_entry.path()
    }

    fn in_notices(&self) -> bool {
        self.parents[0] == NOTICES_DIR
    }
}

impl Walk {
    pub(super) fn new(content: PathBuf) -> Walk {
        Walk {
            canonical_content: content.canonicalize().unwrap_or_else(|_| content.clone()),
            content,
            tree: Tree::default(),
            site_seen: false,
            field_has_index: Vec::new(),
            bundles: Vec::new(),
            beside: HashMap::new(),
        }
    }

    pub(super) fn unreadable(&mut self, err: &walkdir::Error) {
        let rel = err
            .path()
            .map(|p| rel_path(&self.content, p))
            .unwrap_or_else(|| PathBuf::from("content"));
        self.tree.diagnostics.push(Diagnostic::error(
            Rule::Io,
            rel,
            t!("không đọc được: {err}", "cannot read: {err}"),
        ));
    }

    pub(super) fn read<'a>(&self, entry: &'a walkdir::DirEntry) -> Entry<'a> {
        Entry {
            dir_entry: entry,
            rel: rel_path(&self.content, entry.path()),
            name: entry.file_name().to_string_lossy().into_owned(),
            is_dir: entry.file_type().is_dir(),
            parents: entry
                .path()
                .strip_prefix(&self.content)
                .map(|p| p.iter().map(|s| s.to_string_lossy().into_owned()).collect())
                .unwrap_or_default(),
            found: found(entry, &self.canonical_content),
        }
    }

    /// Keeps an entry of a folder a procedure may stand in (depth 2: a
    /// field folder; depth 3: a bundle), for the forms it may name; a
    /// `.md` file is never one.
    pub(super) fn record_beside(&mut self, e: &Entry) {
        if !matches!(e.depth(), 2 | 3) || e.in_notices() || e.name.ends_with(".md") {
            return;
        }
        let Some(dir) = e.path().parent() else {
            return;
        };
        self.beside
            .entry(dir.to_path_buf())
            .or_default()
            .push(AttachmentFile {
                name: e.name.clone(),
                path: e.path().to_path_buf(),
                kind: e.found.kind,
                size: e.found.size,
                inside: e.found.inside,
            });
    }

    /// Refuses, with the reason, what is never read: a link leading
    /// outside content/ or to a folder (known from `canonicalize` and
    /// `stat`, which open nothing), a FIFO, device or socket (opening a
    /// FIFO waits for a writer forever, and a device is no text).
    pub(super) fn refused(&mut self, e: &Entry) -> bool {
        let link = e.dir_entry.path_is_symlink();
        let refusal = if link && !e.found.inside {
            link_outside(&e.rel)
        } else if link && e.found.kind == Some(FileKind::Folder) {
            symlinked_dir(&e.rel)
        } else if let Some(FileKind::Special(what)) = e.found.kind {
            special_file(&e.rel, what)
        } else {
            return false;
        };
        self.tree.diagnostics.push(refusal);
        true
    }

    /// What an entry is by where it stands (see the module's table).
    pub(super) fn classify(&mut self, e: &Entry) {
        match (e.depth(), e.is_dir) {
            (1, false) => self.top_file(e),
            (1, true) if e.name != NOTICES_DIR => self.field_folder(e),
            (2, _) if e.in_notices() => self.notices_entry(e),
            (2, false) => self.field_file(e),
            (2, true) if check_dir_name(&mut self.tree, &e.name, &e.rel) => {
                self.bundles
                    .push((e.path().to_path_buf(), e.rel.clone(), false));
            }
            (3, true) if !e.in_notices() => self.tree.diagnostics.push(folder_in_bundle(&e.rel)),
            (3, false) if !e.in_notices() => self.bundle_file(e),
            _ => {}
        }
    }

    fn top_file(&mut self, e: &Entry) {
        top_file(
            &mut self.tree,
            &e.name,
            e.path(),
            &e.rel,
            &mut self.site_seen,
        );
    }

    fn field_folder(&mut self, e: &Entry) {
        let (name, rel) = (&e.name, &e.rel);
        if !check_dir_name(&mut self.tree, name, rel) {
            return;
        }
        if RESERVED_FIELD_SLUGS.contains(&name.as_str()) {
            self.tree.diagnostics.push(reserved_slug(rel, name));
        }
        self.tree.field_dirs.push((name.clone(), rel.clone()));
        self.field_has_index.push(false);
    }

    fn notices_entry(&mut self, e: &Entry) {
        let tree = &mut self.tree;
        if e.is_dir {
            tree.diagnostics.push(Diagnostic::error(
                Rule::UnexpectedFolder,
                &e.rel,
                t!(
                    "thư mục notices/ chỉ chứa các tệp thông báo .md",
                    "the notices/ folder holds only .md notice files"
                ),
            ));
        } else if !is_markdown(&e.name) {
            // A picture or PDF a notice links to.
            check_attachment_name(tree, &e.name, &e.rel);
        } else if let Some(slug) = md_slug(tree, &e.name, &e.rel) {
            let kind = Kind::Notice { slug };
            tree.files
                .push(FileEntry::new(kind, e.path(), e.rel.clone()));
        }
    }

    /// A file in a field folder: its `_index.md`, a procedure, a form.
    fn field_file(&mut self, e: &Entry) {
        let field = e.parents[0].clone();
        let (name, rel) = (e.name.as_str(), &e.rel);
        if name == "_index.md" {
            if let Some(i) = self.tree.field_dirs.iter().position(|(f, _)| *f == field) {
                self.field_has_index[i] = true;
            }
            let kind = Kind::FieldIndex { field };
            self.tree
                .files
                .push(FileEntry::new(kind, e.path(), rel.clone()));
        } else if name == "index.md" {
            self.tree.diagnostics.push(misplaced_index(rel));
        } else if is_markdown(name) {
            if let Some(slug) = md_slug(&mut self.tree, name, rel) {
                let kind = Kind::Procedure { field, slug };
                self.tree
                    .files
                    .push(FileEntry::new(kind, e.path(), rel.clone()));
            }
        } else if let Some(fixed) = procedure_saved_as_text(name) {
            self.tree.diagnostics.push(saved_as_text(rel, &fixed));
        } else {
            check_attachment_name(&mut self.tree, name, rel);
        }
    }

    /// A file in a bundle: its `index.md` (the procedure) or a form.
    fn bundle_file(&mut self, e: &Entry) {
        let dir = e.path().parent().map(Path::to_path_buf).unwrap_or_default();
        // The walk is sorted and depth-first: a bundle's files come right
        // after the bundle itself.
        let Some(bundle) = self.bundles.last_mut().filter(|(d, _, _)| *d == dir) else {
            return;
        };
        if e.name == "index.md" {
            bundle.2 = true;
            let field = e.parents[0].clone();
            let slug = e.parents[1].clone();
            let kind = Kind::Procedure { field, slug };
            self.tree
                .files
                .push(FileEntry::new(kind, e.path(), e.rel.clone()));
        } else {
            check_attachment_name(&mut self.tree, &e.name, &e.rel);
        }
    }

    /// What is missing once every entry is seen (site.yaml, a field's
    /// `_index.md`, a bundle's `index.md`), and each procedure given the
    /// entries of its folder.
    pub(super) fn finish(mut self) -> Tree {
        let tree = &mut self.tree;
        if !self.site_seen {
            tree.diagnostics.push(
                Diagnostic::error(Rule::NoSiteYaml, "content/site.yaml", t!("thiếu tệp content/site.yaml (thông tin cơ quan và trang)", "content/site.yaml is missing (the office and the site)"))
                    .hint(t!("tạo tệp site.yaml với ít nhất title, base_url và office.name; xem docs/dinh-dang.md", "create site.yaml with at least title, base_url and office.name; see docs/format.md")),
            );
        }
        for ((field, rel), has_index) in tree.field_dirs.iter().zip(&self.field_has_index) {
            if !has_index {
                tree.diagnostics.push(no_field_index(field, rel));
            }
        }
        let beside: HashMap<PathBuf, Arc<Attachments>> = self
            .beside
            .into_iter()
            .map(|(dir, files)| (dir, Arc::new(Attachments::new(files))))
            .collect();
        for f in &mut tree.files {
            if let (Kind::Procedure { .. }, Some(dir)) = (&f.kind, f.abs.parent()) {
                if let Some(a) = beside.get(dir) {
                    f.attachments = Arc::clone(a);
                }
            }
        }
        for (_, rel, has_index) in &self.bundles {
            if !has_index {
                tree.diagnostics.push(
                    Diagnostic::error(Rule::NoBundleIndex, rel, t!("thư mục thủ tục thiếu tệp index.md", "this procedure folder has no index.md"))
                        .hint(t!("một thủ tục kèm tệp đính kèm là một thư mục có index.md và các mẫu đơn bên cạnh", "a procedure with attachments is a folder with index.md and its forms beside it")),
                );
            }
        }
        self.tree
    }
}

pub(in crate::load) fn misplaced_index(rel: &Path) -> Diagnostic {
    Diagnostic::error(Rule::MisplacedIndex, rel, t!("index.md chỉ dùng trong thư mục của một thủ tục (gói thủ tục)", "index.md belongs only in a procedure's own folder (a bundle)")).hint(t!("đặt tên tệp theo tên thủ tục, ví dụ dang-ky-khai-sinh.md; phần giới thiệu lĩnh vực viết trong _index.md", "name the file after the procedure, e.g. dang-ky-khai-sinh.md; the field's description goes in _index.md"))
}

fn folder_in_bundle(rel: &Path) -> Diagnostic {
    Diagnostic::error(
        Rule::UnexpectedFolder,
        rel,
        t!(
            "không hỗ trợ thư mục con trong thư mục của một thủ tục",
            "folders inside a procedure's folder are not supported"
        ),
    )
    .hint(t!(
        "đặt các tệp mẫu đơn ngay cạnh index.md",
        "put form files right beside index.md"
    ))
}

fn no_field_index(field: &str, rel: &Path) -> Diagnostic {
    Diagnostic::error(
        Rule::NoFieldIndex,
        rel,
        t!(
            "thư mục lĩnh vực \"{field}\" thiếu tệp _index.md",
            "the field folder \"{field}\" has no _index.md"
        ),
    )
    .hint(t!(
        "tạo {}/_index.md có dòng ---, name: Tên lĩnh vực, ---",
        "create {}/_index.md with the lines ---, name: Field name, ---",
        rel.display()
    ))
}

fn top_file(tree: &mut Tree, name: &str, abs: &Path, rel: &Path, site_seen: &mut bool) {
    if name == "site.yaml" {
        *site_seen = true;
        tree.files
            .push(FileEntry::new(Kind::Site, abs, rel.to_path_buf()));
    } else if name.eq_ignore_ascii_case("site.yaml") || name.eq_ignore_ascii_case("site.yml") {
        tree.diagnostics.push(
            Diagnostic::error(
                Rule::BadName,
                rel,
                t!(
                    "tệp cấu hình phải tên đúng là site.yaml",
                    "the settings file must be named exactly site.yaml"
                ),
            )
            .hint(t!(
                "đổi tên {name} thành site.yaml",
                "rename {name} to site.yaml"
            )),
        );
    } else if is_markdown(name) {
        tree.diagnostics.push(
            Diagnostic::error(
                Rule::OutsideField,
                rel,
                t!(
                    "thủ tục nằm ngoài thư mục lĩnh vực",
                    "a procedure outside a field folder"
                ),
            )
            .hint(t!(
                "chuyển tệp vào thư mục của lĩnh vực, ví dụ content/ho-tich/{name}",
                "move the file into its field's folder, e.g. content/ho-tich/{name}"
            )),
        );
    } else {
        tree.diagnostics.push(Diagnostic::warning(
            Rule::IgnoredFile,
            rel,
            t!(
                "tệp này không được dùng và sẽ bị bỏ qua",
                "this file is not used and will be ignored"
            ),
        ));
    }
}

/// A field folder named like a page of the site's own.
pub(in crate::load) fn reserved_slug(rel: &Path, name: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::ReservedSlug,
        rel,
        t!(
            "tên thư mục \"{name}\" đã dành cho trang của hệ thống",
            "the folder name \"{name}\" is reserved for a page of the site"
        ),
    )
    .hint(t!(
        "đặt tên khác cho lĩnh vực, ví dụ {name}-1",
        "give the field another name, e.g. {name}-1"
    ))
}
