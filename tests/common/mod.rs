//! Helpers shared by the integration tests: fixture sites in temporary
//! folders, and running the real `niemyet` binary on them.

#![allow(dead_code)]

pub mod browser;
pub mod html;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The fixed "today" every test uses, so date rules do not drift with the clock.
pub const TODAY: &str = "2026-11-23";

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
    let out = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--date", TODAY])
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
