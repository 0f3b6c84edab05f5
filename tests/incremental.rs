//! Incremental builds: after each edit of a sequence (add, edit, rename,
//! delete a procedure; a form's bytes; site.yaml; a theme template; the
//! day, across an `effective` date; a built file edited by hand), the
//! output kept up to date from the previous one is byte for byte what a
//! `--clean` build writes into another folder, the record included; and
//! what the edit does not reach is kept (the same inode), not rewritten.

mod common;

use common::{base_site, niemyet_on, TODAY};
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn procedure(title: &str, extra: &str) -> String {
    format!(
        "---\ntitle: {title}\nresult: Giấy xác nhận\ndeadline:\n  working_days: 3\nfees: []\n\
         documents:\n  - name: Tờ khai\nsteps: [Nộp tờ khai]\n\
         legal_basis:\n  - number: 123/2015/NĐ-CP\nupdated: 2026-10-01\n{extra}---\nNội dung.\n"
    )
}

/// Builds `root` into `public/` (kept up to date) and with `--clean` into
/// a folder of its own, and compares every file; returns how many files
/// the first build kept.
fn build_and_compare(root: &Path, date: &str, step: &str) -> usize {
    let run = niemyet_on(root, &["build"], date);
    assert_eq!(run.code, 0, "{step}: {}", run.all());
    let clean_dir = root.join(format!("clean-{step}"));
    let out = clean_dir.to_string_lossy().into_owned();
    let clean = niemyet_on(root, &["build", "--clean", "--out", &out], date);
    assert_eq!(clean.code, 0, "{step}: {}", clean.all());
    assert!(!clean.stdout.contains("giữ nguyên"), "{}", clean.stdout);
    let (a, b) = (tree(&root.join("public")), tree(&clean_dir));
    let names = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "{step}: the files differ");
    for (path, bytes) in &a {
        assert!(
            *bytes == b[path],
            "{step}: {path} differs from a clean build"
        );
    }
    assert!(a.contains_key(".niemyet-build"), "{step}: no record");
    fs::remove_dir_all(&clean_dir).unwrap();
    let Some(at) = run.stdout.find(" tệp giữ nguyên từ lần dựng trước") else {
        return 0;
    };
    let before = &run.stdout[..at];
    let number = &before[before.rfind(' ').map_or(0, |i| i + 1)..];
    number.parse().expect("a count of kept files")
}

fn inode(root: &Path, rel: &str) -> u64 {
    fs::metadata(root.join("public").join(rel)).unwrap().ino()
}

#[test]
fn every_edit_gives_what_a_clean_build_gives() {
    let site = base_site();
    let root = site.path();
    let field = root.join("content/ho-tich");
    let bundle = field.join("xac-nhan-tinh-trang");
    fs::create_dir(&bundle).unwrap();
    fs::write(bundle.join("mau-don.pdf"), b"%PDF-1.4 first").unwrap();
    fs::write(
        bundle.join("index.md"),
        procedure(
            "Xác nhận tình trạng hôn nhân",
            "documents:\n  - name: Đơn\n    form: mau-don.pdf\n",
        )
        .replacen("documents:\n  - name: Tờ khai\n", "", 1),
    )
    .unwrap();
    fs::write(
        field.join("sap-co-hieu-luc.md"),
        procedure("Thủ tục sắp có hiệu lực", "effective: 2026-12-01\n"),
    )
    .unwrap();
    assert_eq!(build_and_compare(root, TODAY, "first"), 0);
    let khai_sinh = "ho-tich/dang-ky-khai-sinh/index.html";
    let before = inode(root, khai_sinh);

    assert!(build_and_compare(root, TODAY, "nothing") > 0);
    assert_eq!(
        inode(root, khai_sinh),
        before,
        "an unchanged page was written again"
    );

    // A procedure added, renamed or deleted changes its field's count,
    // which the site-wide values hold: every output is made again.
    fs::write(field.join("them-moi.md"), procedure("Thủ tục thêm mới", "")).unwrap();
    build_and_compare(root, TODAY, "add");
    let before = inode(root, khai_sinh);

    let edited = procedure("Thủ tục thêm mới (đã sửa)", "");
    fs::write(
        field.join("them-moi.md"),
        edited.replace("Nộp tờ khai", "Nộp đơn"),
    )
    .unwrap();
    let new_page = "ho-tich/them-moi/index.html";
    let was = inode(root, new_page);
    assert!(build_and_compare(root, TODAY, "edit") > 0);
    assert_ne!(inode(root, new_page), was, "the edited page was kept");
    assert_eq!(inode(root, khai_sinh), before);

    fs::rename(field.join("them-moi.md"), field.join("doi-ten.md")).unwrap();
    build_and_compare(root, TODAY, "rename");
    assert!(!root.join("public").join(new_page).exists());

    fs::remove_file(field.join("doi-ten.md")).unwrap();
    build_and_compare(root, TODAY, "delete");

    fs::write(bundle.join("mau-don.pdf"), b"%PDF-1.4 second, longer").unwrap();
    assert!(build_and_compare(root, TODAY, "form") > 0);

    let yaml = root.join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(
        &yaml,
        text.replace("phường Thử Nghiệm\n", "phường Thử Nghiệm Mới\n"),
    )
    .unwrap();
    build_and_compare(root, TODAY, "site-yaml");

    let theme = root.join("themes/rieng/templates");
    fs::create_dir_all(&theme).unwrap();
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/404.html");
    fs::copy(&default, theme.join("404.html")).unwrap();
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}theme: rieng\n")).unwrap();
    build_and_compare(root, TODAY, "theme");
    let page = fs::read_to_string(&default).unwrap();
    fs::write(theme.join("404.html"), format!("{page}\n<!-- sửa -->\n")).unwrap();
    // Any template or asset is in every output's digest (templates
    // include each other): all is made again.
    build_and_compare(root, TODAY, "template");

    // The day passes the procedure's `effective` date.
    build_and_compare(root, "2026-12-02", "effective");

    // A built file edited by hand is made again, not kept.
    let public_page = root.join("public").join(khai_sinh);
    let mut bytes = fs::read(&public_page).unwrap();
    bytes.extend_from_slice(b"<!-- tay -->");
    fs::write(&public_page, bytes).unwrap();
    assert!(build_and_compare(root, "2026-12-02", "by-hand") > 0);
}

#[test]
fn a_record_that_cannot_be_read_means_a_full_build() {
    let site = base_site();
    let root = site.path();
    assert_eq!(build_and_compare(root, TODAY, "first"), 0);
    fs::write(root.join("public/.niemyet-build"), b"{\"format\": 1, ").unwrap();
    assert_eq!(build_and_compare(root, TODAY, "garbage"), 0);
    fs::remove_file(root.join("public/.niemyet-build")).unwrap();
    assert_eq!(build_and_compare(root, TODAY, "missing"), 0);
    assert!(build_and_compare(root, TODAY, "again") > 0);
}

/// Progress is for terminals: a build whose stderr is a pipe (a CI log)
/// prints its report and nothing else, no progress line, no terminal
/// codes.
#[test]
fn a_build_into_a_pipe_prints_no_progress() {
    let site = base_site();
    let run = niemyet_on(site.path(), &["build"], TODAY);
    assert_eq!(run.code, 0, "{}", run.all());
    for word in [
        "Kiểm tra nội dung",
        "Dựng trang",
        "Giữ tệp",
        "Thay bản cũ",
        "\r",
        "\x1b[",
    ] {
        assert!(!run.all().contains(word), "{word:?} in {}", run.all());
    }
}
