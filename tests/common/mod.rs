//! Helpers shared by the integration tests: fixture sites in temporary
//! folders, and running the real `niemyet` binary on them.

#![allow(dead_code)]

pub mod browser;
pub mod html;
pub mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The fixed "today" every test uses, so date rules do not drift with the clock.
pub const TODAY: &str = "2026-11-23";

/// The day the tests check and build the example catalogue (`content/`) on:
/// its pages were last updated on 2026-12-07 (`updated:`), which is after
/// [`TODAY`], and a page updated in the future is an error. The day before
/// the Tết 2027 holiday warning starts (2026-12-08, 60 days before Tết).
pub const EXAMPLE_TODAY: &str = "2026-12-07";

/// Builds the example site (`content/`) on [`EXAMPLE_TODAY`] into `out`,
/// which must succeed.
pub fn build_example(out: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let build = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(["build", "--root"])
        .arg(root)
        .args(["--date", EXAMPLE_TODAY, "--out"])
        .arg(out)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies a folder tree (files and folders only).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// A temporary copy of the valid base site.
pub fn base_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixtures().join("base"), dir.path());
    dir
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn all(&self) -> String {
        format!("{}{}", self.stderr, self.stdout)
    }
}

/// Runs `niemyet ARGS --root ROOT --date TODAY` without colours.
pub fn niemyet(root: &Path, args: &[&str]) -> Run {
    niemyet_on(root, args, TODAY)
}

/// [`niemyet`] on another day.
pub fn niemyet_on(root: &Path, args: &[&str], date: &str) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--date", date])
        .env("NO_COLOR", "1")
        .current_dir(root)
        .output()
        .expect("run niemyet");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// [`niemyet`], stopped after `limit`: an input that makes it hang fails
/// the test instead of stopping the test run.
pub fn niemyet_within(root: &Path, args: &[&str], limit: std::time::Duration) -> Run {
    let out = tempfile::tempfile().expect("stdout file");
    let err = tempfile::tempfile().expect("stderr file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--date", TODAY])
        .env("NO_COLOR", "1")
        .current_dir(root)
        .stdin(std::process::Stdio::null())
        .stdout(out.try_clone().expect("clone"))
        .stderr(err.try_clone().expect("clone"))
        .spawn()
        .expect("run niemyet");
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("niemyet {args:?} still running after {limit:?}: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let read = |mut f: std::fs::File| {
        use std::io::{Read, Seek};
        let mut s = Vec::new();
        f.rewind().expect("rewind");
        f.read_to_end(&mut s).expect("read");
        String::from_utf8_lossy(&s).into_owned()
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: read(out),
        stderr: read(err),
    }
}

/// Compares `actual` with the snapshot file `path`; with `NIEMYET_BLESS=1`
/// (never in CI) writes it instead. Returns what is wrong, if anything.
pub fn snapshot(path: &Path, actual: &str) -> Option<String> {
    let bless = std::env::var_os("NIEMYET_BLESS").is_some();
    if bless {
        assert!(std::env::var_os("CI").is_none(), "NIEMYET_BLESS in CI");
        std::fs::write(path, actual).expect("write snapshot");
        return None;
    }
    match std::fs::read_to_string(path) {
        Ok(expected) if expected == actual => None,
        Ok(expected) => Some(format!(
            "{} differs (NIEMYET_BLESS=1 to accept):\n{}",
            path.display(),
            line_diff(&expected, actual)
        )),
        Err(_) => Some(format!(
            "no snapshot {} (NIEMYET_BLESS=1 writes it)",
            path.display()
        )),
    }
}

/// The lines only in `expected` (-) and only in `actual` (+), in order.
fn line_diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = String::new();
    for l in e.iter().filter(|l| !a.contains(l)) {
        out.push_str(&format!("- {l}\n"));
    }
    for l in a.iter().filter(|l| !e.contains(l)) {
        out.push_str(&format!("+ {l}\n"));
    }
    out
}
