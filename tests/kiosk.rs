//! The kiosk under `kiosk/` (issue 20): what the build writes for it, what
//! `kiosk:` in site.yaml changes, that nothing in it leads out, and the
//! touch-screen checks in headless Chromium (`tests/browser/kiosk.test.js`:
//! every screen at 1080×1920, 1920×1080 and 1366×768, taps on the
//! on-screen keyboard, the idle reset, printing, requests, QR codes read
//! back with zbarimg) and the QR encoder the kiosk draws its codes with
//! (`tests/browser/qr.test.js`).
//!
//! `KIOSK_SHOTS=/abs/dir` keeps a screenshot of every screen at every size.

mod common;

use common::html::attr_values;
use common::{base_site, copy_tree, niemyet, niemyet_on, EXAMPLE_TODAY};
use std::path::{Path, PathBuf};

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

/// The base site with `extra` appended to its site.yaml, built.
fn base_with(extra: &str) -> tempfile::TempDir {
    let site = base_site();
    let yaml = site.path().join("content/site.yaml");
    let mut text = std::fs::read_to_string(&yaml).unwrap();
    text.push_str(extra);
    std::fs::write(&yaml, text).unwrap();
    let run = niemyet(site.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.all());
    site
}

/// `name="value"`, or `name=value` as the minifier writes it (`cargo test
/// --release` builds minified pages).
fn has_attr(page: &str, name: &str, value: &str) -> bool {
    page.contains(&format!("{name}=\"{value}\"")) || page.contains(&format!("{name}={value}"))
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_kiosk_is_built_by_default_with_every_listed_procedure() {
    let site = example_site();
    let public = site.path().join("public");
    let page = read(public.join("kiosk/index.html"));
    assert!(has_attr(&page, "data-idle", "90"), "the default idle time");
    assert!(page.contains("data-print"), "the print button by default");
    assert!(public.join("assets/kiosk.js").is_file());
    assert!(public.join("assets/kiosk.css").is_file());
    // Each field's list names its procedures; each is in its chunk, in order.
    let catalogue: serde_json::Value =
        serde_json::from_str(&read(public.join("catalogue.json"))).unwrap();
    let procedures = catalogue["procedures"].as_array().expect("procedures");
    let mut found = 0;
    for field in catalogue["fields"].as_array().expect("fields") {
        let slug = field["slug"].as_str().unwrap();
        let list = read(public.join(format!("kiosk/data/{slug}.js")));
        let json = list
            .strip_prefix(&format!("niemyetKiosk.f(\"{slug}\",16,"))
            .and_then(|s| s.strip_suffix(");\n"))
            .expect("a field list is one call");
        let rows: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
        for (i, row) in rows.iter().enumerate() {
            let chunk = read(public.join(format!("kiosk/data/{slug}.{}.js", i / 16)));
            let at = format!("{{\"slug\":{}", row[0]);
            assert!(chunk.contains(&at), "{slug}/{} has facts", row[0]);
            found += 1;
        }
    }
    let listed = procedures
        .iter()
        .filter(|p| p["status"].as_str() != Some("repealed"))
        .count();
    assert_eq!(found, listed, "every listed procedure, no other");
}

#[test]
fn kiosk_false_builds_no_kiosk_and_settings_reach_the_page() {
    let off = base_with("kiosk: false\n");
    let public = off.path().join("public");
    assert!(!public.join("kiosk").exists());
    assert!(!public.join("assets/kiosk.js").exists());
    assert!(public.join("index.html").is_file());

    let set = base_with("kiosk:\n  idle_seconds: 45\n  print: false\n");
    let page = read(set.path().join("public/kiosk/index.html"));
    assert!(has_attr(&page, "data-idle", "45"));
    assert!(
        !page.contains("data-print"),
        "no print button without a printer"
    );
}

#[test]
fn no_link_in_the_kiosk_files_leads_out() {
    let site = example_site();
    let kiosk = site.path().join("public/kiosk");
    let page = read(kiosk.join("index.html"));
    for href in attr_values(&page, "href") {
        let inside = href.starts_with('#') || href.starts_with("../assets/");
        assert!(inside, "kiosk/index.html links to {href}");
    }
    for src in attr_values(&page, "src") {
        let inside = src.starts_with("../assets/") || src.starts_with("../search/");
        assert!(inside, "kiosk/index.html loads {src}");
    }
    // The facts carry no link: bodies are text, phones are text, the online
    // portal is its host name.
    for entry in std::fs::read_dir(kiosk.join("data")).unwrap() {
        let text = read(entry.unwrap().path());
        assert!(!text.contains("<a "), "a link in the kiosk data");
        assert!(!text.contains("href"), "a link in the kiosk data");
        assert!(!text.contains("<img"), "an image in the kiosk data");
    }
}

/// Whether zbarimg (zbar-tools) is here to read QR codes back; outside CI
/// a missing one skips the browser checks with a message.
fn zbarimg() -> bool {
    let found = std::process::Command::new("zbarimg")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "zbarimg is missing in CI");
        eprintln!("SKIPPED: zbarimg is not installed (apt-get install zbar-tools)");
    }
    found
}

#[test]
fn the_kiosk_passes_the_touch_screen_checks_in_chromium() {
    if !common::browser::node_ready(&["axe-core"]) || !zbarimg() {
        return;
    }
    let site = example_site();
    let public = site.path().join("public").canonicalize().unwrap();
    let shots = std::env::var_os("KIOSK_SHOTS").map(PathBuf::from);
    let mut env: Vec<(&str, &Path)> = vec![("SITE_DIR", &public)];
    if let Some(dir) = &shots {
        std::fs::create_dir_all(dir).unwrap();
        env.push(("SHOT_DIR", dir));
    }
    common::browser::node_tests(
        &["tests/browser/qr.test.js", "tests/browser/kiosk.test.js"],
        &env,
    );
}

/// Whether Xvfb is here for the launcher's test; outside CI a missing one
/// skips it with a message.
fn xvfb() -> bool {
    let found = std::process::Command::new("sh")
        .args(["-c", "command -v Xvfb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "Xvfb is missing in CI");
        eprintln!("SKIPPED: Xvfb is not installed (apt-get install xvfb)");
    }
    found
}

#[test]
fn the_documented_linux_launcher_opens_the_kiosk() {
    if !common::browser::node_ready(&[]) || !xvfb() {
        return;
    }
    let site = example_site();
    let public = site.path().join("public").canonicalize().unwrap();
    common::browser::node_tests(&["tests/browser/launch.test.js"], &[("SITE_DIR", &public)]);
}
