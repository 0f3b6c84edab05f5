//! Every rule of the content format, and the inputs a tired clerk writes, as
//! fixture cases under `tests/fixtures/cases/<case>/`:
//!
//! - the files that differ from the valid site in `tests/fixtures/base/`;
//! - `expected`: `exit N`, optional `args ...`, `date YYYY-MM-DD` (instead
//!   of the tests' fixed day) and `remove PATH` lines, then
//!   lines `> text` that must appear in the output, in this order, and lines
//!   `!> text` that must not appear anywhere (what the case is about);
//! - `output`: the whole output, compared exactly (the site's folder written
//!   `ROOT`), so an extra or changed diagnostic fails the case too. After a
//!   deliberate change, `NIEMYET_BLESS=1 cargo test --test check_fixtures`
//!   rewrites these files; read their diff before committing (never in CI).
//!
//! All cases run; the test fails listing every case that did not behave.

mod common;

use common::{base_site, copy_tree, fixtures, niemyet_on, TODAY};

struct Expected {
    exit: i32,
    args: Vec<String>,
    date: Option<String>,
    remove: Vec<String>,
    lines: Vec<String>,
    absent: Vec<String>,
}

fn parse_expected(text: &str) -> Expected {
    let mut e = Expected {
        exit: 0,
        args: vec![],
        date: None,
        remove: vec![],
        lines: vec![],
        absent: vec![],
    };
    for line in text.lines() {
        if let Some(n) = line.strip_prefix("exit ") {
            e.exit = n.trim().parse().expect("exit code");
        } else if let Some(a) = line.strip_prefix("args ") {
            e.args = a.split_whitespace().map(String::from).collect();
        } else if let Some(d) = line.strip_prefix("date ") {
            e.date = Some(d.trim().to_string());
        } else if let Some(r) = line.strip_prefix("remove ") {
            e.remove.push(r.to_string());
        } else if let Some(l) = line.strip_prefix("!> ") {
            e.absent.push(l.to_string());
        } else if let Some(l) = line.strip_prefix("> ") {
            e.lines.push(l.to_string());
        }
    }
    e
}

/// Checks one case; returns what went wrong, if anything.
fn run_case(case: &std::path::Path) -> Option<String> {
    let expected =
        parse_expected(&std::fs::read_to_string(case.join("expected")).expect("expected file"));
    let site = base_site();
    if case.join("content").exists() {
        copy_tree(&case.join("content"), &site.path().join("content"));
    }
    for r in &expected.remove {
        std::fs::remove_file(site.path().join(r)).expect("remove");
    }
    let mut args = vec!["check"];
    args.extend(expected.args.iter().map(String::as_str));
    let run = niemyet_on(
        site.path(),
        &args,
        expected.date.as_deref().unwrap_or(TODAY),
    );
    let out = run.all();
    let mut problems = Vec::new();
    if run.code != expected.exit {
        problems.push(format!("exit {} instead of {}", run.code, expected.exit));
    }
    if out.contains("panicked") {
        problems.push("the program panicked".to_string());
    }
    let mut rest = out.as_str();
    for line in &expected.lines {
        match rest.find(line.as_str()) {
            Some(i) => rest = &rest[i + line.len()..],
            None if out.contains(line.as_str()) => problems.push(format!("out of order: {line}")),
            None => problems.push(format!("missing: {line}")),
        }
    }
    for line in &expected.absent {
        if out.contains(line.as_str()) {
            problems.push(format!("should not appear: {line}"));
        }
    }
    let shown = out.replace(&site.path().display().to_string(), "ROOT");
    if let Some(problem) = common::snapshot(&case.join("output"), &shown) {
        problems.push(problem);
    }
    (!problems.is_empty()).then(|| {
        format!(
            "{}:\n  {}\n--- output ---\n{out}",
            case.display(),
            problems.join("\n  ")
        )
    })
}

#[test]
fn base_fixture_is_valid() {
    let site = base_site();
    let run = niemyet_on(site.path(), &["check"], TODAY);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(run.stdout.trim(), "OK: 1 thủ tục, 1 lĩnh vực, 1 thông báo");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn every_fixture_case() {
    let mut cases: Vec<_> = std::fs::read_dir(fixtures().join("cases"))
        .expect("cases folder")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 50, "only {} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| run_case(c)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
