//! Command-line tools the print tests use (Chromium, poppler, zbar): are
//! they here, and run one.

use std::process::Command;

/// Whether `tool` is on the PATH.
pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Whether every tool of `needed` is here. In CI a missing one fails the
/// test (CI installs them); elsewhere the test `name` is skipped, saying
/// what to install (`hint`).
pub fn present(name: &str, needed: &[&str], hint: &str) -> bool {
    let missing: Vec<&str> = needed.iter().copied().filter(|t| !have(t)).collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "missing in CI: {}",
        missing.join(", ")
    );
    eprintln!("SKIPPED {name}: missing {} ({hint})", missing.join(", "));
    false
}

/// Runs `cmd`, which must succeed; its standard output.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run tool");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The page sizes of a PDF in pt (width, height), from `pdfinfo`.
pub fn pdf_page_sizes(pdf: &std::path::Path) -> Vec<(f64, f64)> {
    run(Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf))
    .lines()
    .filter(|l| l.starts_with("Page") && l.contains("size:"))
    .map(|l| {
        let v: Vec<f64> = l
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        (v[v.len() - 2], v[v.len() - 1])
    })
    .collect()
}

/// Every font of `pdf` is embedded, as a subset, with a ToUnicode map
/// (`pdffonts`: `yes` under emb, sub and uni).
pub fn pdf_fonts_embedded(pdf: &std::path::Path) {
    let fonts = run(Command::new("pdffonts").arg(pdf));
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{pdf:?}: no fonts");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{pdf:?}: {row}");
    }
}
