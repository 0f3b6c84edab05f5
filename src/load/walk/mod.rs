//! Walks `content/` and says what each entry is by where it stands:
//!
//! ```text
//! content/site.yaml                  the site
//! content/<field>/_index.md          a field
//! content/<field>/<slug>.md          a procedure
//! content/<field>/<slug>/index.md    a procedure bundle (other files: attachments)
//! content/notices/<slug>.md          a notice
//! ```
//!
//! Names are URL slugs; hidden files, `_`-names and editor backups are skipped.
//!
//! The walk is the one place that asks the file system what an entry is:
//! each procedure file comes with the entries of its folder
//! ([`Attachments`]: type, size, whether a link stays inside `content/`), so
//! that the model checks `form:` and `sample:` against them and no later
//! stage looks at the disk for it.

use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use crate::text::{is_slug, slugify};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

mod steps;
use steps::Walk;
pub(super) use steps::{misplaced_index, reserved_slug};

/// The folder of notices; no field may take this name, nor the names of the
/// site's fixed pages.
pub const NOTICES_DIR: &str = "notices";
pub const RESERVED_FIELD_SLUGS: &[&str] = &[
    NOTICES_DIR,
    "search",
    "posters",
    "assets",
    "danh-muc",
    "lien-he",
    "tim-kiem",
    "kiosk",
];

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Kind {
    Site,
    FieldIndex { field: String },
    Procedure { field: String, slug: String },
    Notice { slug: String },
}

#[derive(Debug, Clone)]
pub struct FileEntry {
    pub kind: Kind,
    pub abs: PathBuf,
    /// `content/...` with `/` separators, as printed in messages.
    pub rel: PathBuf,
    /// For a procedure, the entries of its folder (shared by every
    /// procedure of a field folder); empty for other files.
    pub attachments: Arc<Attachments>,
}

impl FileEntry {
    fn new(kind: Kind, abs: &Path, rel: PathBuf) -> FileEntry {
        FileEntry {
            kind,
            abs: abs.to_path_buf(),
            rel,
            attachments: Arc::default(),
        }
    }
}

/// What an entry is once links are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    File,
    Folder,
    Special(Special),
}

/// One entry beside a procedure file, as the walk found it: a form or
/// sample the procedure may name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AttachmentFile {
    pub name: String,
    /// Where it is (`<root>/content/...`).
    pub path: PathBuf,
    /// Links followed; `None` for a link that leads nowhere.
    pub kind: Option<FileKind>,
    /// Bytes of a regular file (links followed), else 0.
    pub size: u64,
    /// Whether it stays inside `content/` once links are followed (an entry
    /// that is not a link always does: the walk enters no linked folder).
    pub inside: bool,
}

/// The entries of a procedure's folder but `.md` files (never a form),
/// in name order: the bundle's folder, or the field folder of a procedure
/// written as one file. Names the walk skips are here too (a "did you
/// mean" may name them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Attachments {
    files: Vec<AttachmentFile>,
}

impl Attachments {
    pub(super) fn new(mut files: Vec<AttachmentFile>) -> Attachments {
        files.sort_by(|a, b| a.name.cmp(&b.name));
        Attachments { files }
    }

    /// The entry of this exact name.
    pub fn get(&self, name: &str) -> Option<&AttachmentFile> {
        self.files
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.files[i])
    }

    pub fn iter(&self) -> impl Iterator<Item = &AttachmentFile> {
        self.files.iter()
    }
}

#[derive(Debug, Default)]
pub struct Tree {
    pub files: Vec<FileEntry>,
    /// Field folders in name order, whether or not they have an `_index.md`.
    pub field_dirs: Vec<(String, PathBuf)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Names a clerk's tools leave behind, never content.
pub fn is_ignored(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (name.starts_with('.') || name.starts_with('_')) && name != "_index.md"
        || name.ends_with('~')
        || [".swp", ".swo", ".bak", ".tmp"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        || lower == "thumbs.db"
        || lower == "desktop.ini"
        || name.starts_with("~$")
}

pub fn walk(root: &Path) -> Tree {
    let content = root.join("content");
    if !content.is_dir() {
        let mut tree = Tree::default();
        tree.diagnostics.push(no_content(root));
        return tree;
    }
    let mut w = Walk::new(content);
    let mut walker = WalkDir::new(&w.content)
        .min_depth(1)
        .max_depth(3)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                w.unreadable(&err);
                continue;
            }
        };
        let e = w.read(&entry);
        w.record_beside(&e);
        if is_ignored(&e.name) {
            if e.is_dir {
                walker.skip_current_dir();
            }
            continue;
        }
        if !w.refused(&e) {
            w.classify(&e);
        }
    }
    w.finish()
}

/// What a file that is neither a regular file nor a folder is, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Special {
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl Special {
    pub fn words(self) -> crate::lang::Text {
        match self {
            Special::Fifo => t!("một ống dẫn (FIFO)", "a pipe (FIFO)"),
            Special::CharDevice => t!("một thiết bị (character device)", "a character device"),
            Special::BlockDevice => t!("một thiết bị (block device)", "a block device"),
            Special::Socket => t!("một socket", "a socket"),
            Special::Other => t!("một tệp đặc biệt", "a special file"),
        }
    }
}

/// `None` for a regular file, a folder or a link; else what it is.
pub fn special_kind(ft: std::fs::FileType) -> Option<Special> {
    if ft.is_file() || ft.is_dir() || ft.is_symlink() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some(Special::Fifo);
        }
        if ft.is_char_device() {
            return Some(Special::CharDevice);
        }
        if ft.is_block_device() {
            return Some(Special::BlockDevice);
        }
        if ft.is_socket() {
            return Some(Special::Socket);
        }
    }
    Some(Special::Other)
}

/// A file in `content/` that is not a regular file: refused unread.
pub fn special_file(rel: &Path, what: Special) -> Diagnostic {
    let words = what.words();
    let (vi, en) = (&words.vi, &words.en);
    Diagnostic::error(
        Rule::SpecialFile,
        rel,
        t!(
            "đây không phải tệp thường mà là {vi}: niemyet không đọc nó",
            "this is not a regular file but {en}: niemyet does not read it"
        ),
    )
    .hint(t!(
        "xóa nó khỏi content/ rồi chép tệp thật vào chỗ đó",
        "remove it from content/ and copy the real file in its place"
    ))
}

/// What an entry is, links followed, from metadata only: a link's target
/// is resolved and `stat`ed, never opened.
struct Found {
    kind: Option<FileKind>,
    size: u64,
    inside: bool,
}

fn found(entry: &walkdir::DirEntry, canonical_content: &Path) -> Found {
    if entry.path_is_symlink() {
        let inside = entry
            .path()
            .canonicalize()
            .is_ok_and(|target| target.starts_with(canonical_content));
        let meta = std::fs::metadata(entry.path()).ok();
        return Found {
            kind: meta.as_ref().map(|m| file_kind(m.file_type())),
            size: meta.filter(|m| m.is_file()).map_or(0, |m| m.len()),
            inside,
        };
    }
    let ft = entry.file_type();
    let size = if ft.is_file() {
        entry.metadata().map_or(0, |m| m.len())
    } else {
        0
    };
    Found {
        kind: Some(file_kind(ft)),
        size,
        inside: true,
    }
}

/// The kind of a file type that is not a link's own.
fn file_kind(ft: std::fs::FileType) -> FileKind {
    if ft.is_file() {
        FileKind::File
    } else if ft.is_dir() {
        FileKind::Folder
    } else {
        FileKind::Special(special_kind(ft).unwrap_or(Special::Other))
    }
}

fn link_outside(rel: &Path) -> Diagnostic {
    Diagnostic::error(
        Rule::LinkOutside,
        rel,
        t!(
            "liên kết (symlink) trỏ ra ngoài thư mục content/",
            "a symbolic link that leads outside content/"
        ),
    )
    .hint(t!(
        "chép tệp thật vào thư mục content/ thay cho liên kết",
        "copy the real file into content/ instead of linking to it"
    ))
}

fn symlinked_dir(rel: &Path) -> Diagnostic {
    Diagnostic::error(
        Rule::LinkedFolder,
        rel,
        t!(
            "không hỗ trợ thư mục dạng liên kết (symlink)",
            "linked folders (symlinks) are not supported"
        ),
    )
    .hint(t!("chép thư mục thật vào đây", "copy the real folder here"))
}

fn is_markdown(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

fn rel_path(content: &Path, p: &Path) -> PathBuf {
    let mut rel = PathBuf::from("content");
    if let Ok(r) = p.strip_prefix(content) {
        rel.push(r);
    }
    rel
}

/// Checks a folder name is a slug; true when it is.
pub(super) fn check_dir_name(tree: &mut Tree, name: &str, rel: &Path) -> bool {
    if is_slug(name) {
        return true;
    }
    tree.diagnostics.push(bad_name(rel, name, &slugify(name)));
    false
}

/// The slug of a `.md` file, or a diagnostic when its name is not one.
pub(super) fn md_slug(tree: &mut Tree, name: &str, rel: &Path) -> Option<String> {
    let stem = name
        .get(..name.len().saturating_sub(3))
        .filter(|_| is_markdown(name))
        .unwrap_or(name);
    if is_slug(stem) && name.ends_with(".md") {
        return Some(stem.to_string());
    }
    tree.diagnostics
        .push(bad_name(rel, name, &format!("{}.md", slugify(stem))));
    None
}

/// `dang-ky-khai-tu.txt` or `dang-ky-khai-tu.md.txt` (Notepad's "Save as
/// type: Text"): a procedure the build would not read. The name it needs.
fn procedure_saved_as_text(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let stem = lower.strip_suffix(".txt")?;
    let stem = stem.strip_suffix(".md").unwrap_or(stem);
    Some(format!("{}.md", slugify(stem)))
}

fn saved_as_text(rel: &Path, fixed: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::SavedAsText,
        rel,
        t!(
            "tệp .txt trong thư mục lĩnh vực không được đọc: thủ tục phải là tệp .md",
            "a .txt file in a field folder is not read: a procedure must be a .md file"
        ),
    )
    .hint(t!(
        "đổi tên thành {fixed} (trong Notepad: File → Save As, ô \"Save as type\" chọn \"All files\", gõ tên có đuôi .md); nếu không phải thủ tục, chuyển tệp ra khỏi content/",
        "rename it to {fixed} (in Notepad: File → Save As, \"Save as type\": \"All files\", type the name ending in .md); if it is not a procedure, move it out of content/"
    ))
}

pub(super) fn check_attachment_name(tree: &mut Tree, name: &str, rel: &Path) {
    if let Some(fixed) = attachment_name_fix(name) {
        tree.diagnostics.push(bad_name(rel, name, &fixed));
    }
}

/// The name an attachment needs, when `name` is not one: a slug, a dot, a
/// lowercase extension (`Tờ khai (mẫu 01).PDF` → `to-khai-mau-01.pdf`,
/// `_to-khai.pdf` → `to-khai.pdf`). `None` when it is fine.
pub fn attachment_name_fix(name: &str) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let ext_ok = !ext.is_empty()
        && ext
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if is_slug(stem) && ext_ok {
        return None;
    }
    Some(if ext.is_empty() {
        slugify(stem)
    } else {
        format!("{}.{}", slugify(stem), ext.to_ascii_lowercase())
    })
}

fn bad_name(rel: &Path, name: &str, fixed: &str) -> Diagnostic {
    Diagnostic::error(
        Rule::BadName,
        rel,
        t!(
            "tên \"{name}\" không dùng được làm địa chỉ trang: chỉ dùng chữ thường không dấu, số và dấu gạch ngang",
            "the name \"{name}\" cannot be a web address: use only lowercase letters without accents, digits and hyphens"
        ),
    )
    .hint(t!("đổi tên thành {fixed}", "rename it to {fixed}"))
}

/// `root` holds no `content/` folder: the one message every command gives.
pub fn no_content(root: &Path) -> Diagnostic {
    Diagnostic::error(
        Rule::NoContent,
        "content",
        t!(
            "không tìm thấy thư mục content/ trong {}",
            "no content/ folder in {}",
            root.display()
        ),
    )
    .hint(t!(
        "chạy lệnh trong thư mục của trang, hoặc chỉ rõ bằng --root THƯ_MỤC",
        "run the command in the site's folder, or name it with --root DIR"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_backups_and_hidden_names() {
        for n in [
            ".git",
            "_nhap.md",
            "a.md~",
            ".a.md.swp",
            "a.bak",
            "Thumbs.db",
            "~$to-khai.docx",
        ] {
            assert!(is_ignored(n), "{n}");
        }
        assert_eq!(
            procedure_saved_as_text("dang-ky-khai-tu.md.txt").as_deref(),
            Some("dang-ky-khai-tu.md")
        );
        assert_eq!(
            procedure_saved_as_text("Đăng ký khai tử.TXT").as_deref(),
            Some("dang-ky-khai-tu.md")
        );
        assert_eq!(procedure_saved_as_text("to-khai.pdf"), None);
        for n in ["_index.md", "a.md", "index.md", "to-khai.pdf"] {
            assert!(!is_ignored(n), "{n}");
        }
    }

    #[test]
    fn each_procedure_comes_with_the_entries_of_its_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let field = dir.path().join("content/ho-tich");
        let bundle = field.join("ket-hon");
        std::fs::create_dir_all(&bundle).expect("mkdir");
        for (path, text) in [
            (field.join("khai-sinh.md"), "x"),
            (field.join("khai-tu.md"), "x"),
            (field.join("to-khai.pdf"), "12345"),
            (field.join("_nhap.pdf"), "x"),
            (bundle.join("index.md"), "x"),
            (bundle.join("mau.docx"), "123"),
        ] {
            std::fs::write(path, text).expect("write");
        }
        let tree = walk(dir.path());
        let of = |slug: &str| {
            let f = tree
                .files
                .iter()
                .find(|f| matches!(&f.kind, Kind::Procedure { slug: s, .. } if s == slug))
                .expect("procedure");
            Arc::clone(&f.attachments)
        };
        let flat = of("khai-sinh");
        let names: Vec<&str> = flat.iter().map(|f| f.name.as_str()).collect();
        // Folders and skipped names too; never a .md file.
        assert_eq!(names, ["_nhap.pdf", "ket-hon", "to-khai.pdf"]);
        let form = flat.get("to-khai.pdf").expect("form");
        assert_eq!(
            (form.kind, form.size, form.inside),
            (Some(FileKind::File), 5, true)
        );
        assert_eq!(
            flat.get("ket-hon").and_then(|f| f.kind),
            Some(FileKind::Folder)
        );
        assert!(Arc::ptr_eq(&flat, &of("khai-tu")), "one listing per folder");
        let names: Vec<String> = of("ket-hon").iter().map(|f| f.name.clone()).collect();
        assert_eq!(names, ["mau.docx"]);
        #[cfg(unix)]
        {
            let outside = dir.path().join("x.pdf");
            std::fs::write(&outside, "x").expect("write");
            std::os::unix::fs::symlink(&outside, field.join("x.pdf")).expect("link");
            let tree = walk(dir.path());
            let f = &tree.files.iter().find(|f| f.rel.ends_with("khai-sinh.md"));
            let x = f
                .and_then(|f| f.attachments.get("x.pdf").cloned())
                .expect("x");
            assert_eq!((x.kind, x.inside), (Some(FileKind::File), false));
        }
    }
}
