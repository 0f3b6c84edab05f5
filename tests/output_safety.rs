//! The output guarantee, as a server administrator relies on it: `public/`
//! is at every instant the complete old site or the complete new one, a
//! killed build leaves nothing that the next one keeps, two builds at once
//! never publish half a site, and a `public/` that is a link to the web
//! server's folder is replaced through it whole, never emptied.

mod common;

use common::{base_site, niemyet, TODAY};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every file of a folder, path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The two versions of the content a build alternates between, and the
/// complete site each one builds.
struct Versions {
    site: tempfile::TempDir,
    a: BTreeMap<String, Vec<u8>>,
    b: BTreeMap<String, Vec<u8>>,
}

const PROC: &str = "content/ho-tich/dang-ky-khai-sinh.md";

impl Versions {
    fn new() -> Versions {
        let site = base_site();
        let a = Versions::built(site.path());
        Versions::set(site.path(), 'b');
        let b = Versions::built(site.path());
        assert_ne!(a, b);
        Versions::set(site.path(), 'a');
        Versions { site, a, b }
    }

    /// Version b: another title and one more procedure (a new page, and
    /// every list changed).
    fn set(root: &Path, version: char) {
        let original = fs::read_to_string(common::fixtures().join("base").join(PROC)).unwrap();
        let extra = root.join("content/ho-tich/dang-ky-giam-ho.md");
        if version == 'a' {
            fs::write(root.join(PROC), original).unwrap();
            let _ = fs::remove_file(extra);
        } else {
            let changed = original.replace(
                "title: Đăng ký khai sinh",
                "title: Đăng ký khai sinh (bản b)",
            );
            assert_ne!(changed, original);
            fs::write(root.join(PROC), changed).unwrap();
            fs::write(
                extra,
                "---\ntitle: Đăng ký giám hộ\nresult: Trích lục\ndeadline:\n  working_days: 3\n\
                 fees: []\ndocuments: []\nsteps: [Nộp tờ khai]\nlegal_basis:\n  - number: 60/2014/QH13\n\
                 updated: 2026-10-01\n---\n",
            )
            .unwrap();
        }
    }

    /// A clean build of the content as it stands, into a fresh folder.
    fn built(root: &Path) -> BTreeMap<String, Vec<u8>> {
        let out = tempfile::tempdir().unwrap();
        let run = niemyet(
            root,
            &["build", "--out", out.path().join("p").to_str().unwrap()],
        );
        assert_eq!(run.code, 0, "{}", run.all());
        tree(&out.path().join("p"))
    }

    fn public(&self) -> PathBuf {
        self.site.path().join("public")
    }

    /// `public/` exists and is one of the two complete sites.
    fn assert_whole(&self, after: &str) {
        let public = self.public();
        assert!(public.is_dir(), "public/ is missing after {after}");
        let now = tree(&public);
        if now != self.a && now != self.b {
            let (only_a, only_b) = (diff(&now, &self.a), diff(&now, &self.b));
            panic!("public/ is neither whole site after {after}: vs a {only_a:?}; vs b {only_b:?}");
        }
    }

    /// Beside `public/` there is nothing but the content and the lock.
    fn assert_no_leftovers(&self) {
        let mut names: Vec<String> = fs::read_dir(self.site.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [".public.niemyet-lock", "content", "public"],
            "leftovers"
        );
    }

    fn build_ok(&self) {
        let run = niemyet(self.site.path(), &["build"]);
        assert_eq!(run.code, 0, "{}", run.all());
    }
}

/// A few differing paths, for a readable failure.
fn diff(x: &BTreeMap<String, Vec<u8>>, y: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut d: Vec<String> = x
        .iter()
        .filter(|(k, v)| y.get(*k) != Some(v))
        .map(|(k, _)| format!("~{k}"))
        .chain(
            y.keys()
                .filter(|k| !x.contains_key(*k))
                .map(|k| format!("-{k}")),
        )
        .collect();
    d.truncate(5);
    d
}

fn build_cmd(root: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_niemyet"));
    cmd.args(["build", "--root"])
        .arg(root)
        .args(["--date", TODAY])
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// xorshift: random enough for kill times, and the seed is printed so a
/// failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site() {
    let v = Versions::new();
    v.build_ok();
    // How long a build takes here, to spread the kills over all of it.
    let timed = Instant::now();
    v.build_ok();
    let span = timed.elapsed().as_micros() as u64;
    let seed = std::env::var("NIEMYET_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            now.map_or(1, |d| d.as_nanos() as u64 | 1)
        });
    eprintln!("kill seed {seed} (NIEMYET_KILL_SEED), build takes {span} µs");
    let mut rng = Rng(seed);
    let (started, mut kills) = (Instant::now(), 0);
    while kills < 60 && started.elapsed() < Duration::from_secs(120) {
        Versions::set(v.site.path(), if kills % 2 == 0 { 'b' } else { 'a' });
        let mut child = build_cmd(v.site.path()).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(span * 3 / 2)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        kills += 1;
        v.assert_whole(&format!("kill {kills} ({status})"));
        if kills % 15 == 0 {
            v.build_ok();
            v.assert_whole("a build after kills");
            v.assert_no_leftovers();
        }
    }
    assert!(kills >= 50, "only {kills} kills in the time allowed");
    v.build_ok();
    v.assert_whole("the last build");
    v.assert_no_leftovers();
}

/// strace, to kill the build at one exact system call (the swap, the
/// clean-up), where a random kill rarely lands. Missing: skipped locally,
/// a failure in CI (which installs it). Installed but not allowed to trace
/// (a container without ptrace): skipped, saying so, everywhere; the
/// random kills above still run.
fn strace() -> bool {
    let found = Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "strace is missing in CI");
        eprintln!("SKIPPED: strace is not installed (apt-get install strace)");
        return false;
    }
    let traces = Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !traces {
        eprintln!("SKIPPED: strace may not trace here (no ptrace permission)");
    }
    traces
}

/// Runs a build under strace with `inject` rules; returns its exit status.
fn build_under_strace(root: &Path, inject: &[&str]) -> std::process::ExitStatus {
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-o", "/dev/null"]);
    for rule in inject {
        cmd.args(["-e", rule]);
    }
    let build = build_cmd(root);
    cmd.arg(build.get_program())
        .args(build.get_args())
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap()
}

#[test]
fn a_build_killed_at_the_swap_or_in_the_clean_up_leaves_a_whole_site() {
    if !strace() {
        return;
    }
    let v = Versions::new();
    v.build_ok();
    let cases: &[(&str, &[&str])] = &[
        // The exchange is one renameat2; 779b2cc swapped with two renames
        // and was killed here between them, leaving no public/.
        (
            "at the swap",
            &[
                "inject=renameat2:signal=SIGKILL:when=1",
                "inject=rename:signal=SIGKILL:when=2",
            ],
        ),
        (
            "at the first deletion after the swap",
            &["inject=unlink:signal=SIGKILL:when=1"],
        ),
        (
            "half-way through the clean-up",
            &["inject=unlink:signal=SIGKILL:when=3"],
        ),
        (
            "as the old site's last folder goes",
            &["inject=rmdir:signal=SIGKILL:when=2"],
        ),
        (
            "while the new site is being written",
            &["inject=mkdir:signal=SIGKILL:when=3"],
        ),
        // strace counts calls per thread and the work spreads over up to 9
        // threads: each count is one that some thread must reach with the
        // base site (31 files, 14 folders), however the work is spread.
        // Where the file system cannot exchange two names: two renames, and
        // a kill between them.
        (
            "between the two renames of the fallback",
            &[
                "inject=renameat2:error=EINVAL",
                "inject=rename:signal=SIGKILL:when=2",
            ],
        ),
    ];
    for (i, (when, inject)) in cases.iter().enumerate() {
        Versions::set(v.site.path(), if i % 2 == 0 { 'b' } else { 'a' });
        let status = build_under_strace(v.site.path(), inject);
        assert!(!status.success(), "the build was not killed {when}");
        if !when.contains("fallback") {
            v.assert_whole(&format!("a kill {when}"));
        }
        // The next build puts everything right and leaves nothing behind.
        v.build_ok();
        v.assert_whole(&format!("the build after a kill {when}"));
        v.assert_no_leftovers();
    }
}

#[test]
fn two_builds_started_together_never_publish_half_a_site() {
    let v = Versions::new();
    v.build_ok();
    for round in 0..4 {
        Versions::set(v.site.path(), if round % 2 == 0 { 'b' } else { 'a' });
        let expected = if round % 2 == 0 { &v.b } else { &v.a };
        let children: Vec<_> = (0..3)
            .map(|_| build_cmd(v.site.path()).spawn().unwrap())
            .collect();
        for mut c in children {
            assert!(c.wait().unwrap().success(), "a concurrent build failed");
        }
        assert!(
            tree(&v.public()) == *expected,
            "round {round}: not the whole new site"
        );
        v.assert_no_leftovers();
    }
}

#[test]
fn a_second_build_says_it_waits_for_the_first() {
    let v = Versions::new();
    v.build_ok();
    let lock = fs::File::open(v.site.path().join(".public.niemyet-lock")).unwrap();
    lock.lock().unwrap();
    let mut child = build_cmd(v.site.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the build did not wait"
    );
    drop(lock);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("đang ghi vào thư mục kết quả; chờ"), "{said}");
}

#[cfg(unix)]
#[test]
fn a_public_link_to_the_web_folder_is_replaced_through_the_link_whole() {
    use std::os::unix::fs::symlink;
    let v = Versions::new();
    let www = tempfile::tempdir().unwrap();
    let web = www.path().join("html");
    // The web folder holds the site (built there once), and public/ links to it.
    let run = niemyet(v.site.path(), &["build", "--out", web.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.all());
    symlink(&web, v.public()).unwrap();
    Versions::set(v.site.path(), 'b');
    let run = niemyet(v.site.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        tree(&web) == v.b,
        "the web folder is not the whole new site"
    );
    assert!(
        fs::symlink_metadata(v.public())
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was moved"
    );
    assert!(
        run.stdout.contains(" → "),
        "the link's folder is not named: {}",
        run.stdout
    );
    let beside = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        beside(www.path()),
        [".html.niemyet-lock", "html"],
        "leftovers beside the web folder"
    );
    assert_eq!(
        beside(v.site.path()),
        ["content", "public"],
        "leftovers beside the link"
    );
    // A link whose folder does not exist yet: the build makes it.
    fs::remove_dir_all(&web).unwrap();
    v.build_ok();
    assert!(tree(&web) == v.b);
}

#[cfg(unix)]
#[test]
fn a_public_link_to_a_folder_of_other_files_is_refused_and_left_alone() {
    use std::os::unix::fs::symlink;
    let v = Versions::new();
    let www = tempfile::tempdir().unwrap();
    fs::write(www.path().join("index.php"), "<?php // the ward's portal").unwrap();
    symlink(www.path(), v.public()).unwrap();
    let run = niemyet(v.site.path(), &["build"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("không phải do niemyet tạo"),
        "{}",
        run.stderr
    );
    let left: Vec<_> = fs::read_dir(www.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "the web folder was touched");
    assert!(fs::symlink_metadata(v.public())
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_leftover_of_an_older_niemyet_without_its_marker_is_removed() {
    // A build of 779b2cc killed during clean-up deleted the marker first
    // and left this copy for ever.
    let v = Versions::new();
    v.build_ok();
    let stale = v.site.path().join("public.niemyet-old-4242");
    fs::create_dir_all(stale.join("ho-tich/x")).unwrap();
    fs::write(stale.join("ho-tich/x/index.html"), "old").unwrap();
    v.build_ok();
    v.assert_no_leftovers();
}

#[test]
fn a_relative_root_is_printed_once_in_an_output_error() {
    let v = Versions::new();
    fs::write(v.public(), "a file where the output folder goes").unwrap();
    let parent = v.site.path().parent().unwrap();
    let name = v.site.path().file_name().unwrap().to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(["build", "--root", name, "--date", TODAY])
        .env("NO_COLOR", "1")
        .current_dir(parent)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains(&format!("{name}/public")), "{said}");
    assert!(
        !said.contains(&format!("{name}/{name}")),
        "the root is printed twice: {said}"
    );
}
