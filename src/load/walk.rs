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

use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use crate::text::{is_slug, slugify};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

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

#[derive(Debug, Clone, PartialEq, Eq)]
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
    let mut tree = Tree::default();
    if !content.is_dir() {
        tree.diagnostics.push(no_content(root));
        return tree;
    }
    let canonical_content = content.canonicalize().unwrap_or_else(|_| content.clone());
    let walker = WalkDir::new(&content)
        .min_depth(1)
        .max_depth(3)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_ignored(&e.file_name().to_string_lossy()));
    let mut bundles: Vec<(PathBuf, PathBuf, bool)> = Vec::new();
    let mut site_seen = false;
    let mut field_has_index: Vec<bool> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let rel = err
                    .path()
                    .map(|p| rel_path(&content, p))
                    .unwrap_or_else(|| PathBuf::from("content"));
                tree.diagnostics.push(Diagnostic::error(
                    Rule::Io,
                    rel,
                    t!("không đọc được: {err}", "cannot read: {err}"),
                ));
                continue;
            }
        };
        let rel = rel_path(&content, entry.path());
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_dir();
        if entry.path_is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&canonical_content) => {
                    if target.is_dir() {
                        tree.diagnostics.push(symlinked_dir(&rel));
                        continue;
                    }
                }
                _ => {
                    tree.diagnostics.push(
                        Diagnostic::error(
                            Rule::LinkOutside,
                            &rel,
                            t!(
                                "liên kết (symlink) trỏ ra ngoài thư mục content/",
                                "a symbolic link that leads outside content/"
                            ),
                        )
                        .hint(t!(
                            "chép tệp thật vào thư mục content/ thay cho liên kết",
                            "copy the real file into content/ instead of linking to it"
                        )),
                    );
                    continue;
                }
            }
        }
        // A FIFO, device or socket is never opened: opening a FIFO waits
        // for a writer forever, and a device is no text. Its type is known
        // from its metadata (a link's, from its target's: `stat`, which
        // opens nothing).
        let file_type = if entry.path_is_symlink() {
            std::fs::metadata(entry.path()).map(|m| m.file_type()).ok()
        } else {
            Some(entry.file_type())
        };
        if let Some(what) = file_type.and_then(special_kind) {
            tree.diagnostics.push(special_file(&rel, what));
            continue;
        }
        let parents: Vec<String> = entry
            .path()
            .strip_prefix(&content)
            .map(|p| p.iter().map(|s| s.to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        match (entry.depth(), is_dir) {
            (1, false) => top_file(&mut tree, &name, entry.path(), &rel, &mut site_seen),
            (1, true) => {
                if name == NOTICES_DIR {
                    continue;
                }
                if check_dir_name(&mut tree, &name, &rel) {
                    if RESERVED_FIELD_SLUGS.contains(&name.as_str()) {
                        tree.diagnostics.push(reserved_slug(&rel, &name));
                    }
                    tree.field_dirs.push((name.clone(), rel.clone()));
                    field_has_index.push(false);
                }
            }
            (2, _) if parents[0] == NOTICES_DIR => {
                if is_dir {
                    tree.diagnostics.push(Diagnostic::error(
                        Rule::UnexpectedFolder,
                        &rel,
                        t!(
                            "thư mục notices/ chỉ chứa các tệp thông báo .md",
                            "the notices/ folder holds only .md notice files"
                        ),
                    ));
                } else if !is_markdown(&name) {
                    // A picture or PDF a notice links to.
                    check_attachment_name(&mut tree, &name, &rel);
                } else if let Some(slug) = md_slug(&mut tree, &name, &rel) {
                    tree.files.push(FileEntry {
                        kind: Kind::Notice { slug },
                        abs: entry.path().to_path_buf(),
                        rel,
                    });
                }
            }
            (2, false) => {
                let field = parents[0].clone();
                if name == "_index.md" {
                    if let Some(i) = tree.field_dirs.iter().position(|(f, _)| *f == field) {
                        field_has_index[i] = true;
                    }
                    tree.files.push(FileEntry {
                        kind: Kind::FieldIndex { field },
                        abs: entry.path().to_path_buf(),
                        rel,
                    });
                } else if name == "index.md" {
                    tree.diagnostics.push(misplaced_index(&rel));
                } else if is_markdown(&name) {
                    if let Some(slug) = md_slug(&mut tree, &name, &rel) {
                        tree.files.push(FileEntry {
                            kind: Kind::Procedure { field, slug },
                            abs: entry.path().to_path_buf(),
                            rel,
                        });
                    }
                } else if let Some(fixed) = procedure_saved_as_text(&name) {
                    tree.diagnostics.push(saved_as_text(&rel, &fixed));
                } else {
                    check_attachment_name(&mut tree, &name, &rel);
                }
            }
            (2, true) if check_dir_name(&mut tree, &name, &rel) => {
                bundles.push((entry.path().to_path_buf(), rel, false));
            }
            (2, true) => {}
            (3, _) if parents[0] == NOTICES_DIR => {}
            (3, true) => {
                tree.diagnostics.push(
                    Diagnostic::error(
                        Rule::UnexpectedFolder,
                        &rel,
                        t!(
                            "không hỗ trợ thư mục con trong thư mục của một thủ tục",
                            "folders inside a procedure's folder are not supported"
                        ),
                    )
                    .hint(t!(
                        "đặt các tệp mẫu đơn ngay cạnh index.md",
                        "put form files right beside index.md"
                    )),
                );
            }
            (3, false) => {
                let dir = entry
                    .path()
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                // The walk is sorted and depth-first: a bundle's files come
                // right after the bundle itself.
                let Some(bundle) = bundles.last_mut().filter(|(d, _, _)| *d == dir) else {
                    continue;
                };
                if name == "index.md" {
                    bundle.2 = true;
                    let field = parents[0].clone();
                    tree.files.push(FileEntry {
                        kind: Kind::Procedure {
                            field,
                            slug: parents[1].clone(),
                        },
                        abs: entry.path().to_path_buf(),
                        rel,
                    });
                } else {
                    check_attachment_name(&mut tree, &name, &rel);
                }
            }
            _ => {}
        }
    }
    if !site_seen {
        tree.diagnostics.push(
            Diagnostic::error(Rule::NoSiteYaml, "content/site.yaml", t!("thiếu tệp content/site.yaml (thông tin cơ quan và trang)", "content/site.yaml is missing (the office and the site)"))
                .hint(t!("tạo tệp site.yaml với ít nhất title, base_url và office.name; xem docs/dinh-dang.md", "create site.yaml with at least title, base_url and office.name; see docs/format.md")),
        );
    }
    for ((field, rel), has_index) in tree.field_dirs.iter().zip(&field_has_index) {
        if !has_index {
            tree.diagnostics.push(
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
                )),
            );
        }
    }
    for (_, rel, has_index) in &bundles {
        if !has_index {
            tree.diagnostics.push(
                Diagnostic::error(Rule::NoBundleIndex, rel, t!("thư mục thủ tục thiếu tệp index.md", "this procedure folder has no index.md"))
                    .hint(t!("một thủ tục kèm tệp đính kèm là một thư mục có index.md và các mẫu đơn bên cạnh", "a procedure with attachments is a folder with index.md and its forms beside it")),
            );
        }
    }
    tree
}

pub(super) fn misplaced_index(rel: &Path) -> Diagnostic {
    Diagnostic::error(Rule::MisplacedIndex, rel, t!("index.md chỉ dùng trong thư mục của một thủ tục (gói thủ tục)", "index.md belongs only in a procedure's own folder (a bundle)")).hint(t!("đặt tên tệp theo tên thủ tục, ví dụ dang-ky-khai-sinh.md; phần giới thiệu lĩnh vực viết trong _index.md", "name the file after the procedure, e.g. dang-ky-khai-sinh.md; the field's description goes in _index.md"))
}

pub(super) fn reserved_slug(rel: &Path, name: &str) -> Diagnostic {
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

fn top_file(tree: &mut Tree, name: &str, abs: &Path, rel: &Path, site_seen: &mut bool) {
    if name == "site.yaml" {
        *site_seen = true;
        tree.files.push(FileEntry {
            kind: Kind::Site,
            abs: abs.to_path_buf(),
            rel: rel.to_path_buf(),
        });
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

/// What a file that is neither a regular file nor a folder is, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}
