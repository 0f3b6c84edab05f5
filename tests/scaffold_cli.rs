//! `niemyet new` and `niemyet init` through the real binary: what they write
//! passes `check`, and what they refuse leaves every file as it was.

mod common;

use common::{base_site, niemyet, TODAY};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// Every file under `dir` with its bytes, to prove a refusal wrote nothing.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .map(|e| {
            let bytes = if e.file_type().is_file() {
                std::fs::read(e.path()).expect("read")
            } else {
                Vec::new()
            };
            (
                e.path().strip_prefix(dir).expect("prefix").to_path_buf(),
                bytes,
            )
        })
        .collect()
}

fn assert_checks_clean(root: &Path, ok_line: &str) {
    let run = niemyet(root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr.is_empty(),
        "no warnings expected:\n{}",
        run.stderr
    );
    assert_eq!(run.stdout.trim(), ok_line);
}

/// A file from `new` passes check, and each "CẦN SỬA" placeholder still in a
/// value is a warning at its line, so none is published by mistake.
fn assert_checks_with_placeholders(root: &Path, file: &str) {
    let run = niemyet(root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("cảnh báo cần rà soát"),
        "{}",
        run.stdout
    );
    let warnings = run
        .stderr
        .matches("cảnh báo: còn chỗ đánh dấu \"CẦN SỬA\"")
        .count();
    assert!(warnings >= 5, "{}", run.stderr);
    assert!(
        run.stderr
            .lines()
            .filter(|l| l.contains(": cảnh báo:"))
            .all(|l| l.contains(file)),
        "{}",
        run.stderr
    );
}

#[test]
fn new_writes_the_folded_slug_and_the_file_passes_check() {
    let site = base_site();
    // A tired clerk: NFD title pasted from Word with trailing spaces, and the
    // field tab-completed with its slash.
    let title: String = "Đăng ký kết hôn  ".nfd().collect();
    let run = niemyet(site.path(), &["new", "ho-tich/", &title]);
    assert_eq!(run.code, 0, "{}", run.all());
    let rel = "content/ho-tich/dang-ky-ket-hon.md";
    let text = std::fs::read_to_string(site.path().join(rel)).expect("written");
    assert!(run.stdout.contains(rel), "{}", run.stdout);
    assert!(run.stdout.contains("niemyet check"), "{}", run.stdout);
    assert!(text.starts_with("---\n"));
    assert!(text.contains("\ntitle: Đăng ký kết hôn\n"), "{text}");
    assert!(text.contains(&format!("\nupdated: {TODAY}\n")), "{text}");
    assert!(text.contains("CẦN SỬA"));
    // The office name from site.yaml is offered for agency.
    assert!(text.contains("# agency: UBND phường Thử Nghiệm"), "{text}");
    assert_checks_with_placeholders(site.path(), "dang-ky-ket-hon.md");
}

#[test]
fn a_title_with_colon_and_quotes_reads_back_unchanged() {
    let site = base_site();
    let title = "Đăng ký khai sinh: trường hợp \"đặc biệt\" # 2";
    let run = niemyet(site.path(), &["new", "ho-tich", title]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(site
        .path()
        .join("content/ho-tich/dang-ky-khai-sinh-truong-hop-dac-biet-2.md")
        .is_file());
    let outcome = niemyet::check_site(
        site.path(),
        niemyet::CheckOptions {
            today: TODAY.parse().expect("date"),
            lang: None,
        },
    );
    let built = outcome.site.expect("valid site");
    assert!(
        built.procedures.iter().any(|p| p.title == title),
        "{:?}",
        built
            .procedures
            .iter()
            .map(|p| &p.title)
            .collect::<Vec<_>>()
    );
}

#[test]
fn new_refuses_to_overwrite_a_file_or_a_bundle() {
    let site = base_site();
    let before = snapshot(site.path());
    let run = niemyet(site.path(), &["new", "ho-tich", "Đăng ký khai sinh"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains(
            "content/ho-tich/dang-ky-khai-sinh.md: lỗi: đã có tệp này; niemyet không ghi đè"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Không tạo tệp nào."), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(snapshot(site.path()), before);

    let bundle = site.path().join("content/ho-tich/dang-ky-ket-hon");
    std::fs::create_dir(&bundle).expect("mkdir");
    std::fs::write(bundle.join("index.md"), "giữ nguyên").expect("write");
    let before = snapshot(site.path());
    let run = niemyet(site.path(), &["new", "ho-tich", "Đăng ký kết hôn"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr
            .contains("content/ho-tich/dang-ky-ket-hon: lỗi: đã có thủ tục này"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(site.path()), before);
}

#[test]
fn an_unknown_field_is_refused_with_the_list_of_fields() {
    let site = base_site();
    let before = snapshot(site.path());
    let run = niemyet(
        site.path(),
        &["new", "dat-dai", "Hòa giải tranh chấp đất đai"],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr
            .contains("lỗi: không có lĩnh vực \"dat-dai\" trong content/"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("ho-tich (Hộ tịch)"), "{}", run.stderr);
    assert!(
        run.stderr.contains("content/dat-dai/") && run.stderr.contains("_index.md"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(site.path()), before);
}

#[test]
fn a_field_written_as_its_vietnamese_name_gets_the_slug() {
    let site = base_site();
    let before = snapshot(site.path());
    let run = niemyet(site.path(), &["new", "Hộ tịch", "Đăng ký khai tử"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("có phải \"ho-tich\" (Hộ tịch)?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("niemyet new ho-tich \"Đăng ký khai tử\""),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(site.path()), before);
}

#[test]
fn swapped_arguments_are_explained_in_english_too() {
    let site = base_site();
    let run = niemyet(
        site.path(),
        &["--lang", "en", "new", "Đăng ký khai tử", "ho-tich"],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("seem swapped"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("niemyet new ho-tich \"Đăng ký khai tử\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Nothing was written."),
        "{}",
        run.stderr
    );
}

#[test]
fn an_empty_or_letterless_title_is_a_usage_error() {
    let site = base_site();
    let before = snapshot(site.path());
    for title in ["   ", "?!", "“”"] {
        let run = niemyet(site.path(), &["new", "ho-tich", title]);
        assert_eq!(run.code, 2, "{title:?}: {}", run.all());
        assert!(run.stderr.contains("lỗi: tên thủ tục"), "{}", run.stderr);
    }
    assert_eq!(snapshot(site.path()), before);
}

#[test]
fn new_without_a_site_points_to_init() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = niemyet(dir.path(), &["new", "ho-tich", "Đăng ký khai sinh"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("niemyet init"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 0);
}

#[test]
fn init_makes_a_site_that_checks_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "Phường Thử Nghiệm mới";
    let run = niemyet(dir.path(), &["init", name]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(run.stdout.contains("content/site.yaml"), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!("cd \"{name}\"")),
        "{}",
        run.stdout
    );
    let site = dir.path().join(name);
    assert!(site.join("content/ho-tich/_index.md").is_file());
    assert!(site.join("content/ho-tich/dang-ky-khai-sinh.md").is_file());
    assert!(site
        .join("content/notices/2026-11-niem-yet-thu-tuc-hanh-chinh.md")
        .is_file());
    // Nothing but content/: no staging folder left behind.
    let entries: Vec<_> = std::fs::read_dir(&site)
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(entries, ["content"]);
    assert_checks_clean(&site, "OK: 1 thủ tục, 1 lĩnh vực, 1 thông báo");

    // The next command it prints works in the new site.
    let run = niemyet(&site, &["new", "ho-tich", "Đăng ký kết hôn"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_checks_with_placeholders(&site, "dang-ky-ket-hon.md");
}

#[test]
fn init_accepts_an_empty_existing_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
    let run = niemyet(dir.path(), &["init", "."]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_checks_clean(dir.path(), "OK: 1 thủ tục, 1 lĩnh vực, 1 thông báo");
}

#[test]
fn init_refuses_a_folder_with_files_or_a_site() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("tai lieu");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("ghi-chu.txt"), "của tôi").expect("write");
    let before = snapshot(dir.path());
    let run = niemyet(dir.path(), &["init", "tai lieu"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("không trống"), "{}", run.stderr);
    assert!(run.stderr.contains("ghi-chu.txt"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(snapshot(dir.path()), before);

    let site = base_site();
    let before = snapshot(site.path());
    let run = niemyet(site.path(), &["init", "."]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("đã có content/"), "{}", run.stderr);
    assert_eq!(snapshot(site.path()), before);
}
