//! A site with many warnings of one rule: `check` and `build` print the
//! first ten of that rule and count the rest in one line, `--all` prints
//! every one, and errors are never summed up.

mod common;

use common::{base_site, niemyet};
use std::fs;
use std::path::Path;

/// `n` procedures whose `updated:` date is years old (rule `stale`).
fn add_stale(root: &Path, n: usize) {
    let dir = root.join("content/ho-tich");
    for i in 0..n {
        fs::write(
            dir.join(format!("thu-tuc-cu-{i:03}.md")),
            format!(
                "---\ntitle: Thủ tục cũ số {i}\nresult: Giấy xác nhận\ndeadline:\n  working_days: 3\n\
                 fees: []\ndocuments:\n  - name: Tờ khai\nsteps: [Nộp tờ khai]\n\
                 legal_basis:\n  - number: 123/2015/NĐ-CP\nupdated: 2023-01-0{}\n---\n",
                1 + i % 9
            ),
        )
        .unwrap();
    }
}

/// How many messages of `rule` are printed (their headline ends with it).
fn printed(text: &str, rule: &str) -> usize {
    text.lines()
        .filter(|l| l.ends_with(&format!("[{rule}]")) && !l.contains("cùng loại"))
        .count()
}

#[test]
fn warnings_of_one_rule_beyond_ten_are_counted_and_all_shows_them() {
    let site = base_site();
    let root = site.path();
    let before = printed(&niemyet(root, &["check", "--all"]).stderr, "stale");
    add_stale(root, 1_200);
    let total = before + 1_200;

    let check = niemyet(root, &["check"]);
    assert_eq!(check.code, 0, "{}", check.all());
    assert_eq!(printed(&check.stderr, "stale"), 10, "{}", check.stderr);
    let rest = total - 10;
    let line = format!(
        "và {}.{:03} cảnh báo cùng loại [stale]; xem tất cả: `niemyet check --all`",
        rest / 1000,
        rest % 1000
    );
    assert!(check.stderr.contains(&line), "{line}\n{}", check.stderr);
    assert!(
        check
            .stdout
            .contains(&format!("{total} cảnh báo cần rà soát")),
        "the count on the last line is every warning: {}",
        check.stdout
    );

    let all = niemyet(root, &["check", "--all"]);
    assert_eq!(printed(&all.stderr, "stale"), total);
    assert!(!all.stderr.contains("cùng loại"), "{}", all.stderr);

    let build = niemyet(root, &["build", "--no-minify"]);
    assert_eq!(build.code, 0, "{}", build.all());
    assert_eq!(printed(&build.stderr, "stale"), 10);
    assert!(build.stderr.contains(&line), "{}", build.stderr);

    let en = niemyet(root, &["check", "--lang", "en"]);
    assert!(
        en.stderr.contains(&format!(
            "and {},{:03} more warnings of this kind [stale]",
            rest / 1000,
            rest % 1000
        )),
        "{}",
        en.stderr
    );
}

#[test]
fn errors_are_never_summed_up() {
    let site = base_site();
    let root = site.path();
    let dir = root.join("content/ho-tich");
    for i in 0..14 {
        fs::write(
            dir.join(format!("ngay-sai-{i:02}.md")),
            "---\ntitle: Ngày sai\nresult: Giấy\ndeadline:\n  working_days: 3\nfees: []\n\
             documents:\n  - name: Tờ khai\nsteps: [Nộp]\nlegal_basis:\n  - number: 1/2015/NĐ-CP\n\
             updated: 2026-13-45\n---\n",
        )
        .unwrap();
    }
    let check = niemyet(root, &["check"]);
    assert_eq!(check.code, 1, "{}", check.all());
    assert_eq!(printed(&check.stderr, "bad-date"), 14, "{}", check.stderr);
    assert!(!check.stderr.contains("cùng loại"), "{}", check.stderr);
}
