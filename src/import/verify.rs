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
    let scratch =
        std::env::temp_dir().join(format!("niemyet-import-{}-{nanos}", std::process::id()));
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
            errors.insert(0, Diagnostic::error("import-check", "", t!(
                "lỗi của niemyet import: tệp tạo ra không qua được kiểm tra (niemyet check); không ghi tệp nào. Xin báo lỗi này kèm tệp bản ghi",
                "a bug in niemyet import: a generated file does not pass niemyet check; nothing was written. Please report it with the record file"
            )));
            errors
        }
        Err(e) => vec![Diagnostic::error(
            "import-io",
            "",
            t!(
                "không tạo được thư mục tạm để kiểm tra: {e}",
                "cannot make the scratch folder for the check: {e}"
            ),
        )],
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
    fs::copy(root.join("content/site.yaml"), content.join("site.yaml"))?;
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
    for p in planned {
        let to = scratch.join(&p.rel);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir)?;
            for (from, name) in &p.forms {
                fs::copy(from, dir.join(name))?;
            }
            // A bundle being updated keeps its forms.
            if let Some((old, _)) = &p.replaces {
                if let Some(old_dir) = old.parent().filter(|_| p.rel.ends_with("index.md")) {
                    for e in fs::read_dir(old_dir)?.flatten() {
                        let name = e.file_name();
                        if e.path().is_file() && name != "index.md" {
                            fs::copy(e.path(), dir.join(name))?;
                        }
                    }
                }
            }
        }
        fs::write(to, &p.text)?;
    }
    Ok(())
}

fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
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
            "import-io",
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
        if let Some((old, old_text)) = &p.replaces {
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
        let dir = to.parent().map(Path::to_path_buf).unwrap_or_default();
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
