//! Runs `tests/browser/a11y.test.js` (axe-core, text size, contrast mode,
//! tap targets, no-JS reading, no external request) with node's test runner
//! against the example site built from disk. Needs `npm ci` (puppeteer-core
//! and axe-core; the system chromium, no browser download).

mod common;

use common::{copy_tree, niemyet};
use std::path::Path;
use std::process::Command;

#[test]
fn the_example_site_passes_the_browser_accessibility_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ready = root.join("node_modules/puppeteer-core").is_dir()
        && root.join("node_modules/axe-core").is_dir()
        && common::browser::chromium().is_some();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "node_modules or chromium missing in CI"
        );
        eprintln!("SKIPPED: run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci` and install chromium");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&root.join("content"), &dir.path().join("content"));
    let run = niemyet(dir.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let out = Command::new("node")
        .args([
            "--test",
            "--test-reporter=spec",
            "tests/browser/a11y.test.js",
        ])
        .current_dir(root)
        .env("SITE_DIR", dir.path().join("public"))
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
