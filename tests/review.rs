//! `niemyet review` on a small hand-written site (`tests/fixtures/review/
//! site/`) against records written for each kind of difference
//! (`tests/fixtures/review/cases/<case>/`: national records as JSON Lines,
//! made by `make_records.py`, or a provincial CSV table). Each case has an
//! `expected` file:
//!
//! - `exit N`;
//! - `> text`: in the output, in this order (located messages, hints);
//! - `!> text`: nowhere in the output;
//! - `page> text`: in the biên bản's text.
//!
//! Then: a file the review did not write is never replaced, an earlier
//! biên bản is; the default biên bản beside `content/`; and the biên bản
//! printed by Chromium on A4 portrait, also with the browser's default
//! headers and footers.

mod common;

use common::{browser, copy_tree, fixtures, html, niemyet};
use std::path::{Path, PathBuf};
use std::process::Command;
use unicode_normalization::UnicodeNormalization;

fn site() -> PathBuf {
    fixtures().join("review/site")
}

fn cases() -> PathBuf {
    fixtures().join("review/cases")
}

/// The records or table file of a case: the one file that is not `expected`.
fn against(case: &Path) -> PathBuf {
    std::fs::read_dir(case)
        .expect("case folder")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n != "expected" && n != "output")
        })
        .expect("a records file")
}

/// The text a person reads, NFC, without whitespace (as `html::visible_text`).
fn squash(s: &str) -> String {
    s.nfc().filter(|c| !c.is_whitespace()).collect()
}

fn run_case(case: &Path) -> Option<String> {
    let expected = std::fs::read_to_string(case.join("expected")).expect("expected");
    let out = tempfile::tempdir().unwrap();
    let page = out.path().join("bb.html");
    let file = against(case);
    let run = niemyet(
        &site(),
        &[
            "review",
            "--against",
            file.to_str().unwrap(),
            "--out",
            page.to_str().unwrap(),
        ],
    );
    let all = run.all();
    let mut problems = Vec::new();
    let mut rest = all.as_str();
    let text = std::fs::read_to_string(&page)
        .map(|h| html::visible_text(&h))
        .unwrap_or_default();
    for line in expected.lines() {
        if let Some(n) = line.strip_prefix("exit ") {
            let n: i32 = n.trim().parse().expect("exit code");
            if run.code != n {
                problems.push(format!("exit {} instead of {n}", run.code));
            }
        } else if let Some(l) = line.strip_prefix("!> ") {
            if all.contains(l) {
                problems.push(format!("should not say {l:?}"));
            }
        } else if let Some(l) = line.strip_prefix("> ") {
            match rest.find(l) {
                Some(at) => rest = &rest[at + l.len()..],
                None => problems.push(format!("missing (in order) {l:?}")),
            }
        } else if let Some(l) = line.strip_prefix("page> ") {
            if !text.contains(&squash(l)) {
                problems.push(format!("the biên bản lacks {l:?}"));
            }
        }
    }
    // The whole terminal output too: an extra or changed finding fails the
    // case (NIEMYET_BLESS=1 rewrites `output` after a deliberate change).
    let shown = all
        .replace(&out.path().display().to_string(), "OUT")
        .replace(&fixtures().display().to_string(), "FIXTURES");
    if let Some(problem) = common::snapshot(&case.join("output"), &shown) {
        problems.push(problem);
    }
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    (!problems.is_empty()).then(|| format!("{name}: {}\n---\n{all}", problems.join("; ")))
}

#[test]
fn every_review_case() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(cases())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 12, "{} cases", names.len());
    let failed: Vec<String> = names.iter().filter_map(|c| run_case(c)).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
    // The cases never wrote into the fixture site.
    assert!(!site().join("bien-ban-ra-soat.html").exists());
}

#[test]
fn a_file_the_review_did_not_write_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bien-ban.html");
    std::fs::write(&page, "<p>Biên bản đã ký của tháng trước</p>").unwrap();
    let records = against(&cases().join("agree"));
    let args = |p: &Path| {
        vec![
            "review".to_string(),
            "--against".into(),
            records.to_string_lossy().into_owned(),
            "--out".into(),
            p.to_string_lossy().into_owned(),
        ]
    };
    let a = args(&page);
    let run = niemyet(&site(), &a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr.contains("không do niemyet review viết"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&page).unwrap(),
        "<p>Biên bản đã ký của tháng trước</p>"
    );
    // A biên bản of an earlier review is replaced.
    let ours = dir.path().join("ours.html");
    for _ in 0..2 {
        let a = args(&ours);
        let run = niemyet(&site(), &a.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(run.code, 0, "{}", run.all());
    }
}

#[test]
fn the_biên_bản_is_written_beside_content_by_default() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&site(), dir.path());
    let records = against(&cases().join("deadline"));
    let run = niemyet(
        dir.path(),
        &["review", "--against", records.to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    let page = dir.path().join("bien-ban-ra-soat.html");
    assert!(
        run.stdout.contains("bien-ban-ra-soat.html"),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(page).expect("the biên bản");
    assert!(text.contains("BIÊN BẢN RÀ SOÁT THỦ TỤC HÀNH CHÍNH"));
    assert!(text.starts_with("<!DOCTYPE html>\n<!-- niemyet review -->"));
}

#[test]
fn unreadable_input_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bb.html");
    let missing = dir.path().join("khong-co.json");
    let run = niemyet(
        &site(),
        &[
            "review",
            "--against",
            missing.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("khong-co.json"), "{}", run.stderr);
    assert!(!out.exists());
    let run = niemyet(&site(), &["review"]);
    assert_eq!(run.code, 2, "no --against: {}", run.all());
}

/// Every difference at once, printed as a clerk prints it.
#[test]
fn the_biên_bản_prints_on_a4_portrait() {
    let Some(chromium) = browser::chromium() else {
        return;
    };
    if Command::new("pdfinfo").arg("-v").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "pdfinfo is missing in CI");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bien-ban-ra-soat.html");
    let mut args = vec!["review".to_string(), "--against".into()];
    for case in [
        "deadline",
        "documents",
        "fee",
        "missing",
        "repealed",
        "deadline-reduced",
        "table",
    ] {
        args.push(against(&cases().join(case)).to_string_lossy().into_owned());
    }
    args.extend(["--out".into(), page.to_string_lossy().into_owned()]);
    let run = niemyet(
        &site(),
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert_eq!(run.code, 1, "{}", run.all());
    let url = browser::file_url(&page);
    for headers in [false, true] {
        let pdf = dir.path().join(format!("bb-{headers}.pdf"));
        let mut flags = vec![format!("--print-to-pdf={}", pdf.display())];
        if !headers {
            flags.push("--no-pdf-header-footer".into());
        }
        let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
        browser::run(chromium, &flags, &url);
        let info = tool("pdfinfo", &[], &pdf);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("page count");
        assert!(pages >= 2, "{info}");
        // Every page A4 portrait.
        let last = pages.to_string();
        let sizes = tool("pdfinfo", &["-f", "1", "-l", &last], &pdf);
        let a4 = sizes
            .lines()
            .filter(|l| l.contains("size:") && l.contains("594.96 x 841.92"))
            .count();
        assert_eq!(a4, pages, "{sizes}");
        let text: String = tool("pdftotext", &[], &pdf).nfc().collect();
        assert!(
            text.contains("BIÊN BẢN RÀ SOÁT THỦ TỤC HÀNH CHÍNH"),
            "{text}"
        );
        assert!(text.contains("1.014027"), "{text}");
        // With the browser's headers and footers on, none is printed.
        assert!(!text.contains("file://"), "the URL is printed in a margin");
        assert!(
            !text.contains("bien-ban-ra-soat.html"),
            "the page name is printed"
        );
        // Not shrunk to fit: the 14 pt title is about 14 pt tall.
        let bbox = tool("pdftotext", &["-bbox", "-f", "1", "-l", "1"], &pdf);
        let h = word_height(&bbox, "RÀ").expect("the title's word");
        assert!(h > 13.0, "the title is {h} pt tall: the page was shrunk");
    }
}

/// A poppler tool on `file`; pdftotext writes to stdout (`-`).
fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let mut cmd = Command::new(name);
    cmd.args(args).arg(file);
    if name == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output().expect(name);
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The height of the first word `w` in `pdftotext -bbox` output.
fn word_height(bbox: &str, w: &str) -> Option<f64> {
    let line = bbox
        .lines()
        .find(|l| l.trim_end().ends_with(&format!(">{w}</word>")))?;
    let attr = |name: &str| -> Option<f64> {
        let at = line.find(&format!("{name}=\""))? + name.len() + 2;
        line[at..].split('"').next()?.parse().ok()
    };
    Some(attr("yMax")? - attr("yMin")?)
}
