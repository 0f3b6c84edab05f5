//! `niemyet check` behaviours that fixture folders cannot hold (links, huge
//! files), the library's view of normalised text, and the example catalogue.

mod common;

use common::{base_site, niemyet, niemyet_on, niemyet_within, EXAMPLE_TODAY, TODAY};
use std::path::Path;
use std::time::Duration;

const PROC: &str = "content/ho-tich/dang-ky-khai-sinh.md";

fn replace_in(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{from}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[cfg(unix)]
#[test]
fn a_form_linked_outside_content_is_refused() {
    let site = base_site();
    let secret = site.path().join("secret.pdf");
    std::fs::write(&secret, "not for the web").expect("write");
    std::os::unix::fs::symlink(&secret, site.path().join("content/ho-tich/mau.pdf"))
        .expect("symlink");
    replace_in(site.path(), PROC, "form: to-khai.pdf", "form: mau.pdf");
    let run = niemyet(site.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("dang-ky-khai-sinh.md:18:11: lỗi: tệp \"mau.pdf\" là liên kết (symlink) trỏ ra ngoài thư mục content/"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/ho-tich/mau.pdf: lỗi: liên kết (symlink) trỏ ra ngoài thư mục content/"
        ),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_link_inside_content_is_fine() {
    let site = base_site();
    std::os::unix::fs::symlink("to-khai.pdf", site.path().join("content/ho-tich/mau.pdf"))
        .expect("symlink");
    replace_in(site.path(), PROC, "form: to-khai.pdf", "form: mau.pdf");
    let run = niemyet(site.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.all());
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// Issue 16: a FIFO named like content made check, build and serve wait
/// forever, with no message (opening a FIFO waits for a writer).
#[cfg(unix)]
#[test]
fn fifos_named_like_content_are_refused_without_waiting() {
    let site = base_site();
    let c = site.path().join("content");
    for f in [
        "site.yaml",
        "ho-tich/_index.md",
        "ho-tich/thu-tuc-moi.md",
        "ho-tich/to-khai.pdf",
    ] {
        mkfifo(&c.join(f));
    }
    // A link inside content/ that leads to one.
    std::os::unix::fs::symlink("thu-tuc-moi.md", c.join("ho-tich/lien-ket.md")).expect("symlink");
    for command in ["check", "build"] {
        let run = niemyet_within(site.path(), &[command], Duration::from_secs(30));
        assert_eq!(run.code, 1, "{command}: {}", run.all());
        for f in [
            "site.yaml",
            "ho-tich/_index.md",
            "ho-tich/thu-tuc-moi.md",
            "ho-tich/lien-ket.md",
            "ho-tich/to-khai.pdf",
        ] {
            let line = format!(
                "content/{f}: lỗi: đây không phải tệp thường mà là một ống dẫn (FIFO): niemyet không đọc nó"
            );
            assert!(
                run.stderr.contains(&line),
                "{command}: {line}\n{}",
                run.stderr
            );
        }
        assert!(
            run.stderr.contains("dang-ky-khai-sinh.md:18:11: lỗi: \"to-khai.pdf\" không phải một tệp thường mà là một ống dẫn (FIFO)"),
            "{command}: {}",
            run.stderr
        );
    }
}

/// A device named like a procedure: refused as a device, never read (it
/// was read until 1 MiB and called "too large (0 KB)"). Making one needs
/// root; elsewhere the test has nothing to check.
#[cfg(unix)]
#[test]
fn a_device_named_like_a_procedure_is_refused_unread() {
    let site = base_site();
    let dev = site.path().join("content/ho-tich/thiet-bi.md");
    // 1,5 is /dev/zero: endless.
    let made = std::process::Command::new("mknod")
        .arg(&dev)
        .args(["c", "1", "5"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mknod needs root");
        return;
    }
    let run = niemyet_within(site.path(), &["check"], Duration::from_secs(30));
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("content/ho-tich/thiet-bi.md: lỗi: đây không phải tệp thường mà là một thiết bị (character device)"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("quá lớn"), "{}", run.stderr);
}

/// Issue 16: control bytes in a file name were printed raw: the name
/// could colour, clear or rewrite the clerk's terminal.
#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_printed_escaped() {
    let site = base_site();
    let name = "do\x1b[2J\x1b[31mred\x07.md";
    std::fs::write(site.path().join("content/ho-tich").join(name), "x").expect("write");
    let run = niemyet(site.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let all = run.all();
    assert!(
        !all.contains('\x1b') && !all.contains('\x07'),
        "raw control bytes printed: {all:?}"
    );
    let shown = "do\\u{1b}[2J\\u{1b}[31mred\\u{7}.md";
    assert!(
        run.stderr
            .contains(&format!("content/ho-tich/{shown}: lỗi: tên \"{shown}\"")),
        "{}",
        run.stderr
    );
}

#[test]
fn an_oversized_file_is_refused_without_reading_it_all() {
    let site = base_site();
    let mut text = std::fs::read_to_string(site.path().join(PROC)).expect("read");
    text.push_str(&"Nội dung rất dài. ".repeat(80_000));
    std::fs::write(site.path().join(PROC), text).expect("write");
    let run = niemyet(site.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("lỗi: tệp quá lớn"), "{}", run.stderr);
}

#[test]
fn a_missing_content_folder_is_explained() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = niemyet(dir.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("lỗi: không tìm thấy thư mục content/"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--root"), "{}", run.stderr);
}

#[test]
fn nfd_crlf_and_bom_load_as_clean_nfc_text() {
    use unicode_normalization::UnicodeNormalization;
    let site = base_site();
    let path = site.path().join(PROC);
    let text = std::fs::read_to_string(&path).expect("read");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(
        text.nfd()
            .collect::<String>()
            .replace('\n', "\r\n")
            .into_bytes(),
    );
    std::fs::write(&path, bytes).expect("write");
    let opts = niemyet::CheckOptions {
        today: TODAY.parse().expect("date"),
        lang: None,
    };
    let outcome = niemyet::check_site(site.path(), opts);
    let site = outcome.site.expect("valid site");
    let p = &site.procedures[0];
    assert_eq!(p.title, "Đăng ký khai sinh");
    assert!(unicode_normalization::is_nfc(&p.title));
    assert_eq!(
        p.documents[0].form.as_ref().map(|f| f.name.as_str()),
        Some("to-khai.pdf")
    );
    assert!(!p.body.contains('\r'));
    assert_eq!(site.fields[0].name, "Hộ tịch");
}

#[test]
fn the_example_catalogue_passes_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = niemyet_on(root, &["check"], EXAMPLE_TODAY);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr.is_empty(),
        "the example must have no warnings:\n{}",
        run.stderr
    );
    let ok = run.stdout.trim();
    let count = |word: &str| -> usize {
        let before = ok.split(word).next().unwrap_or("");
        before
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|s| !s.is_empty())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    assert!(count(" thủ tục") >= 25, "{ok}");
    assert!(count(" lĩnh vực") >= 5, "{ok}");
    assert!(count(" thông báo") >= 1, "{ok}");
}
