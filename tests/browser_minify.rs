//! Runs `tests/browser/minify.test.js`: every page of the example site,
//! built minified and not, must give Chromium the same element tree and the
//! same rendered text. The minifier (minify-html's one-pass variant) leaves
//! out optional closing tags and quotes; this is the check that nothing a
//! citizen sees changes with them. Needs `npm ci` and chromium.

mod common;

use common::{copy_tree, niemyet};
use std::path::Path;
use std::process::Command;

#[cfg(feature = "minify")]
#[test]
fn minified_pages_build_the_same_dom_in_the_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ready =
        root.join("node_modules/puppeteer-core").is_dir() && common::browser::chromium().is_some();
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
    let plain = dir.path().join("plain");
    for args in [
        vec!["build"],
        vec!["build", "--no-minify", "--out", plain.to_str().unwrap()],
    ] {
        let run = niemyet(dir.path(), &args);
        assert_eq!(run.code, 0, "{}", run.all());
    }
    let out = Command::new("node")
        .args([
            "--test",
            "--test-reporter=spec",
            "tests/browser/minify.test.js",
        ])
        .current_dir(root)
        .env("PLAIN_DIR", &plain)
        .env("MIN_DIR", dir.path().join("public"))
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
