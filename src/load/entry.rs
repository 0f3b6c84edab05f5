//! A procedure file named before it exists: the walk's rules for the
//! names it would meet (slugs, reserved field names, `index.md` only in a
//! bundle, attachment names), for `niemyet import`, which checks the files
//! it is about to write without writing them first.

use super::walk::{self, FileEntry, Kind, Tree};
use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};

/// The entry the walk makes for a procedure file at `rel`
/// (`content/<field>/<slug>.md`, or `content/<field>/<slug>/index.md` and
/// the names of the `attachments` beside it), with what the walk says about
/// those names; `abs` is where the file is read from. For files not on
/// disk yet: `niemyet import` checks what it is about to write.
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
    let entry = kind.map(|kind| FileEntry {
        kind,
        abs: abs.to_path_buf(),
        rel: rel.to_path_buf(),
    });
    (entry, tree.diagnostics)
}
