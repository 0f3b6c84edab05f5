//! Headless Chromium for tests, as testing.md describes: always under a
//! timeout, a fresh profile, no sandbox (CI runs as root).

use std::path::Path;
use std::process::Command;

/// The browser, or None (then the test says it was skipped; in CI, where
/// `.ci/run` installs it, a missing browser fails the test).
pub fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is missing in CI"
        );
        eprintln!("SKIPPED: chromium is not installed (apt-get install chromium)");
    }
    found
}

/// Runs Chromium headless on a URL with extra flags; returns stdout.
pub fn run(browser: &str, flags: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let out = Command::new("timeout")
        .arg("90")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(flags)
        .arg(url)
        .output()
        .expect("run chromium");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn file_url(path: &Path) -> String {
    format!(
        "file://{}",
        path.canonicalize().expect("absolute path").display()
    )
}

/// Whether the node tests can run: `npm ci` done (puppeteer-core, and
/// `packages` too) and chromium installed. Outside CI a missing piece skips
/// the test with a message; in CI, where `.ci/run` installs them, it fails.
pub fn node_ready(packages: &[&str]) -> bool {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let modules = ["puppeteer-core"]
        .iter()
        .chain(packages)
        .all(|p| root.join("node_modules").join(p).is_dir());
    if !modules {
        assert!(
            std::env::var_os("CI").is_none(),
            "node_modules missing in CI"
        );
        eprintln!("SKIPPED: run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci`");
        return false;
    }
    chromium().is_some()
}

/// Runs node's test runner on `files` (paths from the repository root)
/// with `env`, and fails with its report unless every test passed.
pub fn node_tests(files: &[&str], env: &[(&str, &Path)]) {
    let out = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .args(files)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .envs(env.iter().map(|(k, v)| (*k, *v)))
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
