//! The check's cache (`.niemyet-check` in the output, `src/check/cache.rs`):
//! a build that takes files' checked results from it reports what a build
//! that reads every file reports, warnings included and in the same order;
//! an edited file is checked again (its error at its file:line:col, and the
//! rules across files still run on the whole site); a damaged or foreign
//! cache changes nothing.

mod common;

use common::{base_site, niemyet_on, TODAY};
use std::fs;
use std::path::Path;

const CACHE: &str = "public/.niemyet-check";
const BIRTH: &str = "content/ho-tich/dang-ky-khai-sinh.md";

/// A second procedure with a placeholder left in it (a warning at its
/// line), beside the fixture's.
fn add_placeholder_procedure(root: &Path) {
    let text = "---\ntitle: Xác nhận tình trạng hôn nhân\nresult: CẦN SỬA kết quả\n\
                deadline:\n  working_days: 3\nfees: []\ndocuments:\n  - name: Tờ khai\n\
                steps: [Nộp tờ khai]\nlegal_basis:\n  - number: 123/2015/NĐ-CP\n\
                updated: 2026-10-01\n---\nNội dung CẦN SỬA.\n";
    fs::write(root.join("content/ho-tich/xac-nhan.md"), text).unwrap();
}

/// Builds `root` into `public/`; returns the exit code and what was said
/// on stderr (the diagnostics).
fn build(root: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    let run = niemyet_on(root, &args, TODAY);
    (run.code, run.stderr)
}

#[test]
fn warnings_from_the_cache_are_those_of_a_full_check() {
    let site = base_site();
    let root = site.path();
    add_placeholder_procedure(root);
    let (code, first) = build(root, &[]);
    assert_eq!(code, 0, "{first}");
    assert!(first.contains("xac-nhan.md:3:"), "{first}");
    assert!(root.join(CACHE).is_file(), "no cache written");
    // Every file's result comes from the cache now.
    let (code, cached) = build(root, &[]);
    assert_eq!(code, 0, "{cached}");
    assert_eq!(cached, first, "warnings differ with the cache");
    let (_, clean) = build(root, &["--clean"]);
    assert_eq!(clean, first, "warnings differ from a clean build");
    // `check` reads every file itself, and says the same warnings.
    let check = niemyet_on(root, &["check"], TODAY);
    for line in first.lines().filter(|l| l.contains("xac-nhan.md:")) {
        assert!(check.all().contains(line), "{line} not in {}", check.all());
    }
}

#[test]
fn an_edit_is_checked_again_and_its_error_found_at_its_place() {
    let site = base_site();
    let root = site.path();
    add_placeholder_procedure(root);
    let (code, before) = build(root, &[]);
    assert_eq!(code, 0, "{before}");
    let page = fs::read(root.join("public/ho-tich/dang-ky-khai-sinh/index.html")).unwrap();
    let file = root.join(BIRTH);
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("amount: 8000", "amount: 8.000 đồng")).unwrap();
    let (code, err) = build(root, &[]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains(&format!("{BIRTH}:14:")), "{err}");
    assert!(err.contains("[bad-amount]"), "{err}");
    // The cached file's warnings are still said.
    assert!(err.contains("xac-nhan.md:3:"), "{err}");
    // Nothing written: the previous output stays.
    let now = fs::read(root.join("public/ho-tich/dang-ky-khai-sinh/index.html")).unwrap();
    assert_eq!(now, page);
    // A rule across files: the cached file and a new one share a code.
    fs::write(&file, &text).unwrap();
    let other = fs::read_to_string(root.join("content/ho-tich/xac-nhan.md")).unwrap();
    let clash = other.replace("title:", "code: \"1.001193\"\ntitle:");
    fs::write(root.join("content/ho-tich/xac-nhan.md"), clash).unwrap();
    let (code, err) = build(root, &[]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("xac-nhan.md:2:"), "{err}");
    assert!(err.contains(BIRTH), "the first use is named: {err}");
}

#[test]
fn a_damaged_or_foreign_cache_changes_nothing() {
    let site = base_site();
    let root = site.path();
    add_placeholder_procedure(root);
    let (code, first) = build(root, &[]);
    assert_eq!(code, 0, "{first}");
    let good = fs::read(root.join(CACHE)).unwrap();
    let page = |root: &Path| fs::read(root.join("public/ho-tich/xac-nhan/index.html")).unwrap();
    let expected = page(root);
    let mut flipped = good.clone();
    // Every byte of the entries' text changed in turn would be slow; flip
    // one in the middle of each stored result, then the header, then cut.
    for at in (good.len() / 3..good.len()).step_by(good.len() / 7) {
        flipped[at] ^= 0x20;
    }
    let mut foreign = good.clone();
    foreign[0] ^= 1;
    let damaged: [&[u8]; 4] = [&flipped, &foreign, &good[..good.len() / 2], b"garbage"];
    for bytes in damaged {
        fs::write(root.join(CACHE), bytes).unwrap();
        let (code, said) = build(root, &[]);
        assert_eq!(code, 0, "{said}");
        assert_eq!(said, first, "a damaged cache changed the warnings");
        assert_eq!(page(root), expected);
        // The build leaves a good cache again.
        assert_eq!(fs::read(root.join(CACHE)).unwrap(), good);
    }
}
