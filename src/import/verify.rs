//! The generated files pass the real `check` before anything is written:
//! each text is read and validated by the functions `check` runs on a file
//! of the walk (`check::check_files`: decoding, the size limit, the
//! front-matter lint and parser, the model's rules, then one code and one
//! address each), its path by the walk's name rules
//! (`load::procedure_entry`), a new field's `_index.md` by the field's
//! rules. Only a procedure with forms (or, for `--update`, forms and
//! samples it keeps) is laid out, in a scratch folder, so that its
//! attachments are checked beside it as on disk; the texts themselves are
//! never written to be read back (writing 5,000 files to read them again
//! cost a third of an import). An error there is a bug of the importer:
//! nothing is written and the message says so. Then the files are
//! written, each created new (never over another file), the file
//! `--update` merges into replaced by a rename; on a failed write, the
//! files already made by this run are removed.

use super::plan::{FieldInfo, Planned};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use rayon::prelude::*;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn field_index(f: &FieldInfo) -> String {
    format!(
        "---\nname: {}\n---\nLĩnh vực tạo khi nhập thủ tục (niemyet import).\n",
        crate::scaffold::yaml_scalar(&f.name)
    )
}

pub fn verify(
    planned: &[Planned],
    new_fields: &[FieldInfo],
    today: jiff::civil::Date,
) -> Vec<Diagnostic> {
    if planned.is_empty() {
        return Vec::new();
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let scratch = scratch_base().join(format!("niemyet-import-{}-{nanos}", std::process::id()));
    let result = lay_out_attachments(&scratch, planned)
        .map(|()| check(&scratch, planned, new_fields, today));
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

/// The errors `check` would report in the planned files (each as if it
/// stood at `scratch/<rel>`, where its attachments are) and in the new
/// fields' `_index.md`.
fn check(
    scratch: &Path,
    planned: &[Planned],
    new_fields: &[FieldInfo],
    today: jiff::civil::Date,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut files = Vec::with_capacity(planned.len());
    for p in planned {
        // The files laid out beside it: the forms it brings, those it keeps.
        let kept = p.keep.iter().filter_map(|k| k.file_name()?.to_str());
        let names: Vec<&str> = p
            .forms
            .iter()
            .map(|(_, n)| n.as_str())
            .chain(kept)
            .collect();
        let (entry, said) = crate::load::procedure_entry(&p.rel, &scratch.join(&p.rel), &names);
        problems.extend(said);
        files.extend(entry.map(|e| (e, p.text.as_bytes())));
    }
    problems.extend(crate::check::check_files(files, today));
    let indexes: Vec<Diagnostic> = new_fields
        .par_iter()
        .flat_map_iter(|f| {
            let rel = PathBuf::from(format!("content/{}/_index.md", f.slug));
            crate::check::check_field_index(&f.slug, &rel, field_index(f).as_bytes())
        })
        .collect();
    problems.extend(indexes);
    problems.retain(Diagnostic::is_error);
    problems
}

/// Where the scratch folder goes: memory-backed `/dev/shm` where the
/// system has one, else the temporary folder.
fn scratch_base() -> PathBuf {
    let shm = Path::new("/dev/shm");
    let writable = shm.is_dir() && fs::metadata(shm).is_ok_and(|m| !m.permissions().readonly());
    if writable {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

/// The forms a procedure brings, and those a file being updated keeps,
/// copied beside where its text is checked; nothing for the others (most:
/// real records seldom name a form file).
fn lay_out_attachments(scratch: &Path, planned: &[Planned]) -> std::io::Result<()> {
    for p in planned
        .iter()
        .filter(|p| !p.forms.is_empty() || !p.keep.is_empty())
    {
        let to = scratch.join(&p.rel);
        let Some(dir) = to.parent() else { continue };
        fs::create_dir_all(dir)?;
        for (from, name) in &p.forms {
            fs::copy(from, dir.join(name))?;
        }
        for kept in &p.keep {
            if let Some(name) = kept.file_name() {
                fs::copy(kept, dir.join(name))?;
            }
        }
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
    let (updates, new): (Vec<&Planned>, Vec<&Planned>) =
        planned.iter().partition(|p| p.replaces.is_some());
    // Folders first, one by one; then the new files, in parallel (their
    // bytes do not depend on the order): creating 5,000 files one after
    // the other was a tenth of an import.
    for p in &new {
        let dir = root
            .join(&p.rel)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        if !dir.exists() {
            fs::create_dir(&dir).map_err(|e| (dir.clone(), e))?;
            made.push(dir);
        }
    }
    let written: Vec<Written> = new.par_iter().map(|p| write_new(root, p)).collect();
    let mut failed = None;
    for (files, error) in written {
        made.extend(files);
        failed = failed.or(error);
    }
    if let Some(e) = failed {
        return Err(e);
    }
    for p in updates {
        update(root, p, made)?;
    }
    Ok(())
}

/// What writing one new file made, and its first failure.
type Written = (Vec<PathBuf>, Option<(PathBuf, std::io::Error)>);

/// One new file and its forms.
fn write_new(root: &Path, p: &Planned) -> Written {
    let to = root.join(&p.rel);
    let dir = to.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut made = Vec::new();
    for (from, name) in &p.forms {
        let dest = dir.join(name);
        match fs::read(from).and_then(|bytes| create_new(&dest, &bytes)) {
            Ok(()) => made.push(dest),
            Err(e) => return (made, Some((dest, e))),
        }
    }
    match create_new(&to, p.text.as_bytes()) {
        Ok(()) => {
            made.push(to);
            (made, None)
        }
        Err(e) => (made, Some((p.rel.clone(), e))),
    }
}

/// The file `--update` merged into, replaced by a rename, only if it is
/// still what was merged; the new forms beside it first.
fn update(
    root: &Path,
    p: &Planned,
    made: &mut Vec<PathBuf>,
) -> Result<(), (PathBuf, std::io::Error)> {
    let Some((old, old_text)) = &p.replaces else {
        return Ok(());
    };
    let err = |e| (p.rel.clone(), e);
    let dir = root
        .join(&p.rel)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    for (from, name) in &p.forms {
        let dest = dir.join(name);
        let bytes = fs::read(from).map_err(|e| (from.clone(), e))?;
        create_new(&dest, &bytes).map_err(|e| (dest.clone(), e))?;
        made.push(dest);
    }
    let now = fs::read_to_string(old).map_err(err)?;
    if crate::text::nfc(&now.replace("\r\n", "\n")) != *old_text {
        return Err(err(std::io::Error::other(
            "tệp vừa bị sửa trong lúc nhập / the file changed during the import",
        )));
    }
    let tmp = old.with_extension("md.niemyet-tmp");
    create_new(&tmp, p.text.as_bytes()).map_err(err)?;
    fs::rename(&tmp, old).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\ntitle: Đăng ký khai sinh\nresult: Giấy khai sinh\ndeadline:\n  working_days: 3\nfees: []\ndocuments:\n  - name: Tờ khai\n    form: to-khai.pdf\nsteps:\n  - Nộp hồ sơ.\nlegal_basis:\n  - number: 60/2014/QH13\nupdated: 2026-11-01\n---\n";

    fn planned(rel: &str, text: &str, forms: Vec<(PathBuf, String)>) -> Planned {
        Planned {
            rel: PathBuf::from(rel),
            text: text.to_string(),
            forms,
            replaces: None,
            keep: Vec::new(),
        }
    }

    fn codes(d: &[Diagnostic]) -> Vec<&str> {
        d.iter().map(|d| d.code.code()).collect()
    }

    #[test]
    fn a_failed_write_removes_what_the_run_made() {
        let root = tempfile::tempdir().expect("tempdir");
        let root = root.path();
        fs::create_dir_all(root.join("content/ho-tich")).expect("dirs");
        fs::write(root.join("content/ho-tich/b.md"), "a clerk's file").expect("file");
        let field = FieldInfo {
            slug: "chung-thuc".into(),
            name: "Chứng thực".into(),
            exists: false,
        };
        let plan = [
            planned("content/chung-thuc/a.md", GOOD, Vec::new()),
            planned("content/ho-tich/b.md", GOOD, Vec::new()),
            planned("content/ho-tich/c/index.md", GOOD, Vec::new()),
        ];
        let e = write_all(root, &plan, &[field]).expect_err("b.md exists");
        assert_eq!(e.file, Path::new("content/ho-tich/b.md"));
        assert!(!root.join("content/chung-thuc").exists());
        assert!(!root.join("content/ho-tich/c").exists());
        assert_eq!(
            fs::read_to_string(root.join("content/ho-tich/b.md")).expect("kept"),
            "a clerk's file"
        );
    }

    #[test]
    fn the_texts_are_checked_as_check_reads_files() {
        let today = "2026-11-23".parse().expect("date");
        let dir = tempfile::tempdir().expect("tempdir");
        let form = dir.path().join("Tờ khai.pdf");
        fs::write(&form, b"%PDF-1.4").expect("form");
        let with_form = || vec![(form.clone(), "to-khai.pdf".to_string())];
        let ok = planned(
            "content/ho-tich/dang-ky-khai-sinh/index.md",
            GOOD,
            with_form(),
        );
        assert!(verify(&[ok], &[], today).is_empty());
        // The form is not brought: the real check's missing-file error.
        let lost = planned("content/ho-tich/dang-ky-khai-sinh.md", GOOD, Vec::new());
        let e = verify(&[lost], &[], today);
        assert_eq!(e[0].code, Rule::ImportCheck);
        assert!(e.len() > 1, "{e:?}");
        // A text the model refuses, a name the walk refuses, one code twice.
        let broken = GOOD.replace("title: Đăng ký khai sinh\n", "");
        let e = verify(
            &[
                planned("content/ho-tich/a/index.md", &broken, with_form()),
                planned("content/Hộ tịch/b/index.md", GOOD, with_form()),
            ],
            &[],
            today,
        );
        assert!(codes(&e).contains(&"bad-name"), "{e:?}");
        assert!(
            e.iter()
                .any(|d| d.file == Path::new("content/ho-tich/a/index.md")),
            "{e:?}"
        );
        let coded = GOOD.replace("---\ntitle", "---\ncode: \"1.001193\"\ntitle");
        let e = verify(
            &[
                planned("content/ho-tich/a/index.md", &coded, with_form()),
                planned("content/ho-tich/b/index.md", &coded, with_form()),
            ],
            &[],
            today,
        );
        assert!(codes(&e).contains(&"duplicate-code"), "{e:?}");
    }
}
