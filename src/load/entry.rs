//! A procedure file named before it exists: the walk's rules for the
//! names it would meet (slugs, reserved field names, `index.md` only in a
//! bundle, attachment names), for `niemyet import`, which checks the files
//! it is about to write without writing them first.

use super::walk::{self, AttachmentFile, Attachments, FileEntry, FileKind, Kind, Tree};
use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The entry the walk makes for a procedure file at `rel`
/// (`content/<field>/<slug>.md`, or `content/<field>/<slug>/index.md` and
/// the names of the `attachments` beside it), with what the walk says about
/// those names; `abs` is where the file is read from. For files not on
/// disk yet: `niemyet import` checks what it is about to write. The
/// attachments are recorded as the walk records them, from the files
/// beside `abs` (the importer lays out the forms it brings there).
pub fn procedure_entry(
    rel: &Path,
    abs: &Path,
    attachments: &[&str],
) -> (Option<FileEntry>, Vec<Diagnostic>) {
    let mut tree = Tree::default();
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut at = PathBuf::from("content");
    let kind = match parts.as_slice() {
        [c, field, rest @ ..] if c == "content" && !rest.is_empty() => {
            at.push(field);
            let field_ok = walk::check_dir_name(&mut tree, field, &at);
            if field_ok && walk::RESERVED_FIELD_SLUGS.contains(&field.as_str()) {
                tree.diagnostics.push(walk::reserved_slug(&at, field));
            }
            match rest {
                [name] if name == "index.md" || name == "_index.md" => {
                    tree.diagnostics.push(walk::misplaced_index(rel));
                    None
                }
                [name] => walk::md_slug(&mut tree, name, rel),
                [dir, index] if index == "index.md" => {
                    at.push(dir);
                    walk::check_dir_name(&mut tree, dir, &at).then(|| dir.clone())
                }
                _ => None,
            }
            .filter(|_| field_ok)
            .map(|slug| Kind::Procedure {
                field: field.clone(),
                slug,
            })
        }
        _ => None,
    };
    let dir = rel.parent().map(Path::to_path_buf).unwrap_or_default();
    for name in attachments {
        walk::check_attachment_name(&mut tree, name, &dir.join(name));
    }
    let beside = abs.parent().unwrap_or(Path::new(""));
    let files = attachments
        .iter()
        .map(|name| attachment(beside, name))
        .collect();
    let entry = kind.map(|kind| FileEntry {
        kind,
        abs: abs.to_path_buf(),
        rel: rel.to_path_buf(),
        attachments: Arc::new(Attachments::new(files)),
    });
    (entry, tree.diagnostics)
}

/// A file laid out beside a procedure that is not on disk yet, as the walk
/// would record it: a plain file inside `content/` (the importer copies it
/// there itself), or nothing where it is missing.
fn attachment(dir: &Path, name: &str) -> AttachmentFile {
    let path = dir.join(name);
    let meta = std::fs::metadata(&path).ok();
    AttachmentFile {
        name: name.to_string(),
        kind: meta.as_ref().map(|m| {
            if m.is_dir() {
                FileKind::Folder
            } else {
                FileKind::File
            }
        }),
        size: meta.filter(|m| m.is_file()).map_or(0, |m| m.len()),
        path,
        inside: true,
    }
}
