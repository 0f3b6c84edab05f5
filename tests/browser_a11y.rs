//! Runs `tests/browser/a11y.test.js` (axe-core, text size, contrast mode,
//! tap targets, no-JS reading, no external request) with node's test runner
//! against the example site built from disk. Needs `npm ci` (puppeteer-core
//! and axe-core; the system chromium, no browser download).

mod common;

use common::{copy_tree, niemyet_on, EXAMPLE_TODAY};
use std::path::Path;

#[test]
fn the_example_site_passes_the_browser_accessibility_checks() {
    if !common::browser::node_ready(&["axe-core"]) {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&root.join("content"), &dir.path().join("content"));
    let run = niemyet_on(dir.path(), &["build"], EXAMPLE_TODAY);
    assert_eq!(run.code, 0, "{}", run.all());
    common::browser::node_tests(
        &["tests/browser/a11y.test.js"],
        &[("SITE_DIR", &dir.path().join("public"))],
    );
}
