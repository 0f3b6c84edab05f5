//! The generated files pass the real `check` before anything is written:
//! they are laid out in a scratch site (site.yaml, the fields they go in,
//! the files and their forms) and checked with `check_site`, the same load
//! and model stages every command runs. An error there is a bug of the
//! importer: nothing is written and the message says so. Then the files
//! are written, each created new (never over another file), the file
//! `--update` merges into replaced by a rename; on a failed write, the
//! files already made by this run are removed.

use super::plan::FieldInfo;
use super::run::Planned;
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn field_index(f: &FieldInfo) -> String {
    format!(
        "---\nname: {}\n---\nLĩnh vực tạo khi nhập thủ tục (niemyet import).\n",
        crate::scaffold::yaml_scalar(&f.name)
    )
}

fn field_of(rel: &Path) -> Option<String> {
    rel.components()
        .nth(1)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
}

pub fn verify(
    root: &Path,
    planned: &[Planned],
    new_fields: &[FieldInfo],
    _loaded: &crate::load::Loaded,
    today: jiff::civil::Date,
) -> Vec<Diagnostic> {
    if planned.is_empty() {
        return Vec::new();
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let scratch = scratch_base().join(format!("niemyet-import-{}-{nanos}", std::process::id()));
    let result = lay_out(root, &scratch, planned, new_fields).map(|()| {
        let outcome = crate::check_site(&scratch, crate::CheckOptions { today, lang: None });
        let ours: Vec<&PathBuf> = planned.iter().map(|p| &p.rel).collect();
        outcome
            .diagnostics
            .into_iter()
            .filter(|d| {
                d.is_error()
                    && ours.iter().any(|r| {
                        d.file.starts_with(r.parent().unwrap_or(r))
                            && d.file.file_name() != Some(std::ffi::OsStr::new("_index.md"))
                    })
            })
            .collect::<Vec<_>>()
    });
    let _ = fs::remove_dir_all(&scratch);
    match result {
        Ok(errors) if errors.is_empty() => Vec::new(),
        Ok(mut errors) => {
            errors.insert(0, Diagnostic::error(Rule::ImportCheck, "", t!(
                "lỗi của niemyet import: tệp tạo ra không qua được kiểm tra (niemyet check); không ghi tệp nào. Xin báo lỗi này kèm tệp bản ghi",
                "a bug in niemyet import: a generated file does not pass niemyet check; nothing was written. Please report it with the record file"
            )));
            errors
        }
        Err(e) => vec![Diagnostic::error(
            Rule::ImportIo,
            "",
            t!(
                "không tạo được thư mục tạm để kiểm tra: {e}",
                "cannot make the scratch folder for the check: {e}"
            ),
        )],
    }
}

/// Where the scratch site goes: memory-backed `/dev/shm` where the system
/// has one (5,000 files created and deleted there cost nothing; on ext4,
/// creating files soon after many were deleted costs the kernel ~0.3 ms
/// each), else the temporary folder.
fn scratch_base() -> PathBuf {
    let shm = Path::new("/dev/shm");
    let writable = shm.is_dir() && fs::metadata(shm).is_ok_and(|m| !m.permissions().readonly());
    if writable {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

fn lay_out(
    root: &Path,
    scratch: &Path,
    planned: &[Planned],
    new_fields: &[FieldInfo],
) -> std::io::Result<()> {
    let content = scratch.join("content");
    fs::create_dir_all(&content)?;
    // Without site.yaml the site's own check fails; the files are still
    // checked (only their problems count here).
    let site = root.join("content/site.yaml");
    if site.is_file() {
        fs::copy(site, content.join("site.yaml"))?;
    }
    let mut fields: Vec<String> = planned.iter().filter_map(|p| field_of(&p.rel)).collect();
    fields.sort();
    fields.dedup();
    for f in &fields {
        fs::create_dir_all(content.join(f))?;
        match new_fields.iter().find(|n| &n.slug == f) {
            Some(n) => fs::write(content.join(f).join("_index.md"), field_index(n))?,
            None => {
                let from = root.join("content").join(f).join("_index.md");
                if from.is_file() {
                    fs::copy(from, content.join(f).join("_index.md"))?;
                }
            }
        }
    }
    let mut made: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for p in planned {
        let to = scratch.join(&p.rel);
        if let Some(dir) = to.parent() {
            if made.insert(dir.to_path_buf()) {
                fs::create_dir_all(dir)?;
            }
            for (from, name) in &p.forms {
                fs::copy(from, dir.join(name))?;
            }
            // A file being updated keeps its forms and samples.
            for kept in &p.keep {
                if let Some(name) = kept.file_name() {
                    fs::copy(kept, dir.join(name))?;
                }
            }
        }
        fs::write(to, &p.text)?;
    }
    Ok(())
}

/// A new file, never over another one. Not synced one by one: 5,000
/// fsyncs would cost seconds. A crash in the middle can leave a file cut
/// short; `check` then names it, and deleting it and importing again
/// makes it anew.
fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)
}

/// Writes every planned file; on a failure, removes what this run made.
pub fn write_all(
    root: &Path,
    planned: &[Planned],
    new_fields: &[FieldInfo],
) -> Result<(), Box<Diagnostic>> {
    let mut made: Vec<PathBuf> = Vec::new();
    let result = write_each(root, planned, new_fields, &mut made);
    if let Err((rel, e)) = result {
        for p in made.iter().rev() {
            let _ = if p.is_dir() {
                fs::remove_dir(p)
            } else {
                fs::remove_file(p)
            };
        }
        return Err(Box::new(Diagnostic::error(
            Rule::ImportIo,
            rel,
            t!(
                "không ghi được: {e}; đã xóa các tệp vừa tạo trong lần nhập này",
                "cannot write: {e}; the files made by this import were removed"
            ),
        )));
    }
    Ok(())
}

fn write_each(
    root: &Path,
    planned: &[Planned],
    new_fields: &[FieldInfo],
    made: &mut Vec<PathBuf>,
) -> Result<(), (PathBuf, std::io::Error)> {
    let content = root.join("content");
    for f in new_fields {
        let dir = content.join(&f.slug);
        if !dir.exists() {
            fs::create_dir(&dir).map_err(|e| (dir.clone(), e))?;
            made.push(dir.clone());
        }
        let index = dir.join("_index.md");
        create_new(&index, field_index(f).as_bytes()).map_err(|e| (index.clone(), e))?;
        made.push(index);
    }
    for p in planned {
        let to = root.join(&p.rel);
        let err = |e| (p.rel.clone(), e);
        let dir = to.parent().map(Path::to_path_buf).unwrap_or_default();
        if let Some((old, old_text)) = &p.replaces {
            for (from, name) in &p.forms {
                let dest = dir.join(name);
                let bytes = fs::read(from).map_err(|e| (from.clone(), e))?;
                create_new(&dest, &bytes).map_err(|e| (dest.clone(), e))?;
                made.push(dest);
            }
            // Replaced only if it is still what was merged.
            let now = fs::read_to_string(old).map_err(err)?;
            if crate::text::nfc(&now.replace("\r\n", "\n")) != *old_text {
                return Err(err(std::io::Error::other(
                    "tệp vừa bị sửa trong lúc nhập / the file changed during the import",
                )));
            }
            let tmp = old.with_extension("md.niemyet-tmp");
            create_new(&tmp, p.text.as_bytes()).map_err(err)?;
            fs::rename(&tmp, old).map_err(err)?;
            continue;
        }
        if !dir.exists() {
            fs::create_dir(&dir).map_err(|e| (dir.clone(), e))?;
            made.push(dir.clone());
        }
        for (from, name) in &p.forms {
            let dest = dir.join(name);
            let bytes = fs::read(from).map_err(|e| (from.clone(), e))?;
            create_new(&dest, &bytes).map_err(|e| (dest.clone(), e))?;
            made.push(dest);
        }
        create_new(&to, p.text.as_bytes()).map_err(err)?;
        made.push(to);
    }
    Ok(())
}
