//! Runs `tests/browser/minify.test.js`: every page of the example site,
//! built minified and not, must give Chromium the same element tree and the
//! same rendered text. The minifier (minify-html's one-pass variant) leaves
//! out optional closing tags and quotes; this is the check that nothing a
//! citizen sees changes with them. Needs `npm ci` and chromium.

mod common;

// Used only by the test, which needs the `minify` feature.
#[cfg(feature = "minify")]
use common::{copy_tree, niemyet_on, EXAMPLE_TODAY};
#[cfg(feature = "minify")]
use std::path::Path;

#[cfg(feature = "minify")]
#[test]
fn minified_pages_build_the_same_dom_in_the_browser() {
    if !common::browser::node_ready(&[]) {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&root.join("content"), &dir.path().join("content"));
    let plain = dir.path().join("plain");
    for args in [
        vec!["build"],
        vec!["build", "--no-minify", "--out", plain.to_str().unwrap()],
    ] {
        let run = niemyet_on(dir.path(), &args, EXAMPLE_TODAY);
        assert_eq!(run.code, 0, "{}", run.all());
    }
    common::browser::node_tests(
        &["tests/browser/minify.test.js"],
        &[
            ("PLAIN_DIR", &plain),
            ("MIN_DIR", &dir.path().join("public")),
        ],
    );
}
