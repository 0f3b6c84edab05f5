//! The example site opened from disk in headless Chromium, the way the
//! office kiosk opens it from a USB stick: scripts and styles load through
//! relative paths, the page renders, print CSS gives a clean page.

mod common;

use common::browser::{chromium, file_url, run};
use common::{copy_tree, niemyet_on, EXAMPLE_TODAY};
use std::path::Path;

fn example_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    let run = niemyet_on(dir.path(), &["build"], EXAMPLE_TODAY);
    assert_eq!(run.code, 0, "{}", run.all());
    dir
}

#[test]
fn a_procedure_page_opened_from_file_runs_its_script_and_shows_its_facts() {
    let Some(browser) = chromium() else { return };
    let site = example_site();
    let page = site
        .path()
        .join("public/ho-tich/dang-ky-khai-sinh/index.html");
    let dom = run(
        browser,
        &["--virtual-time-budget=3000", "--dump-dom"],
        &file_url(&page),
    );
    assert!(dom.contains("<h1>Đăng ký khai sinh</h1>"), "{dom}");
    assert!(dom.contains("Trong ngày làm việc"));
    // site.js (loaded as ../../assets/site.js) unhides the text-size buttons.
    let prefs = dom.find("class=\"prefs\"").expect("prefs box");
    let tag_end = prefs + dom[prefs..].find('>').unwrap();
    assert!(
        !dom[prefs..tag_end].contains("hidden"),
        "site.js did not run from file://"
    );
}

#[test]
fn a_procedure_page_prints_without_browser_headers() {
    let Some(browser) = chromium() else { return };
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "poppler-utils missing in CI"
        );
        eprintln!("SKIPPED: pdftotext missing (apt-get install poppler-utils)");
        return;
    }
    let site = example_site();
    let page = site
        .path()
        .join("public/ho-tich/dang-ky-khai-sinh/index.html");
    let pdf = site.path().join("page.pdf");
    run(
        browser,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
        &file_url(&page),
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Đăng ký khai sinh"), "{text}");
    assert!(text.contains("Giấy tờ cần mang theo"));
    assert!(!text.contains("file://"), "browser header printed");
    assert!(!text.contains("Tương phản cao"), "screen controls printed");
}

/// An old phone on a slow line: every procedure page of the example, with
/// the stylesheet and script it loads, stays under 30 KB uncompressed; the
/// scripts of the expected return date (`due.js` and the site's
/// `calendar.js`, loaded once and cached like the others) may add 4 KB.
#[test]
fn every_procedure_page_weighs_under_30_kb_with_its_css_and_js() {
    let site = example_site();
    let public = site.path().join("public");
    let size = |a: &str| std::fs::metadata(public.join(a)).expect(a).len();
    let shared: u64 = ["assets/style.css", "assets/site.js"]
        .iter()
        .map(|a| size(a))
        .sum();
    let dates: u64 = ["assets/due.js", "assets/calendar.js"]
        .iter()
        .map(|a| size(a))
        .sum();
    assert!(dates < 7 * 1024, "the date scripts weigh {dates} bytes");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&public).min_depth(3).max_depth(3) {
        let entry = entry.expect("walk");
        if entry.file_name() != "index.html" || entry.path().starts_with(public.join("posters")) {
            continue;
        }
        let total = entry.metadata().expect("size").len() + shared;
        assert!(
            total < 30 * 1024,
            "{}: {total} bytes with CSS and JS",
            entry.path().display()
        );
        assert!(
            total + dates < 34 * 1024,
            "{}: {} bytes with CSS, JS and the date scripts",
            entry.path().display(),
            total + dates
        );
        pages += 1;
    }
    assert!(pages >= 25, "only {pages} procedure pages found");
}
