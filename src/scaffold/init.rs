//! `niemyet init DIR`: a new site (commented site.yaml, the Hộ tịch field, one
//! complete procedure, one notice) that checks clean at once. The tree is
//! written beside its place and renamed to `DIR/content` in one step, so a
//! failure leaves no half-made site; nothing of the user's is ever replaced.

use super::{io_error, shell_arg, Outcome};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::lang::{Lang, Text};
use crate::model::Date;
use crate::t;
use std::fs;
use std::path::Path;

const SITE: &str = include_str!("site.yaml");
const FIELD: &str = include_str!("field.md");
const PROCEDURE: &str = include_str!("khai-sinh.md");
const NOTICE: &str = include_str!("notice.md");

/// Entries a fresh folder may already hold: version control and the
/// operating system's own files.
const HARMLESS: &[&str] = &[".git", ".DS_Store", "Thumbs.db", "desktop.ini"];

/// The files of a new site: path under `content/`, text, and what it is.
fn files(today: Date) -> Vec<(String, String, Text)> {
    let fill = |template: &str| {
        let expires = today
            .checked_add(jiff::Span::new().days(30))
            .unwrap_or(today);
        template
            .replace("{{today}}", &today.to_string())
            .replace(
                "{{today_vn}}",
                &format!("{:02}/{:02}/{}", today.day(), today.month(), today.year()),
            )
            .replace("{{expires}}", &expires.to_string())
            .replace("{{year}}", &today.year().to_string())
            .replace("{{next_year}}", &(today.year() + 1).to_string())
    };
    let notice = format!(
        "notices/{}-{:02}-niem-yet-thu-tuc-hanh-chinh.md",
        today.year(),
        today.month()
    );
    vec![
        (
            "site.yaml".to_string(),
            fill(SITE),
            t!(
                "thông tin cơ quan: sửa các chỗ ghi {}",
                "the office: edit every {} line",
                super::MARK
            ),
        ),
        (
            "ho-tich/_index.md".to_string(),
            fill(FIELD),
            t!("lĩnh vực Hộ tịch", "the field Hộ tịch (civil status)"),
        ),
        (
            "ho-tich/dang-ky-khai-sinh.md".to_string(),
            fill(PROCEDURE),
            t!(
                "thủ tục mẫu: Đăng ký khai sinh",
                "an example procedure: Đăng ký khai sinh (birth registration)"
            ),
        ),
        (
            notice,
            fill(NOTICE),
            t!("thông báo mẫu", "an example notice"),
        ),
    ]
}

/// Makes a new site in `dir` (created when missing). Refuses a folder that
/// already has `content/` or holds other files. `lang` is `--lang`.
pub fn init_site(dir: &Path, today: Date, lang: Option<Lang>) -> Outcome {
    let mut out = Outcome::new(dir, lang.unwrap_or_default());
    let shown = dir.to_string_lossy().replace('\\', "/");
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => {
            out.refuse(
                2,
                Diagnostic::error(
                    Rule::NotAFolder,
                    "",
                    t!(
                        "\"{shown}\" là một tệp, không phải thư mục",
                        "\"{shown}\" is a file, not a folder"
                    ),
                )
                .hint(t!(
                    "chọn tên một thư mục mới, niemyet sẽ tạo nó, ví dụ: niemyet init phuong-thanh-tri",
                    "name a new folder and niemyet creates it, e.g. niemyet init phuong-thanh-tri"
                )),
            );
            return out;
        }
        Ok(_) => {
            if dir.join("content").symlink_metadata().is_ok() {
                out.refuse(
                    1,
                    Diagnostic::error(
                        Rule::SiteExists,
                        "content",
                        t!(
                            "thư mục này đã có content/: đây đã là một trang niêm yết, niemyet không ghi đè",
                            "this folder already has content/: it is a site already, and niemyet does not overwrite it"
                        ),
                    )
                    .hint(t!(
                        "thêm thủ tục bằng: niemyet new LĨNH_VỰC \"Tên thủ tục\" --root {0}\nhoặc tạo trang mới ở thư mục khác: niemyet init THƯ_MỤC_MỚI",
                        "add a procedure with: niemyet new FIELD \"Title\" --root {0}\nor make a new site in another folder: niemyet init NEW_FOLDER",
                        shell_arg(&shown)
                    )),
                );
                return out;
            }
            let mut others: Vec<String> = match fs::read_dir(dir) {
                Ok(entries) => entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| !HARMLESS.contains(&n.as_str()))
                    .collect(),
                Err(err) => {
                    out.refuse(2, io_error("", &err));
                    return out;
                }
            };
            if !others.is_empty() {
                others.sort();
                let count = others.len();
                let mut listed = others
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                if count > 5 {
                    listed.push_str(", ...");
                }
                out.refuse(
                    1,
                    Diagnostic::error(
                        Rule::FolderNotEmpty,
                        "",
                        t!(
                            "thư mục \"{shown}\" không trống ({count} mục: {listed}); niemyet chỉ tạo trang mới trong thư mục trống để không đụng tới tệp của bạn",
                            "the folder \"{shown}\" is not empty ({count} entries: {listed}); niemyet makes a new site only in an empty folder, so as not to touch your files"
                        ),
                    )
                    .hint(t!(
                        "chọn tên một thư mục mới (niemyet sẽ tạo), ví dụ: niemyet init {}",
                        "name a new folder (niemyet creates it), e.g. niemyet init {}",
                        shell_arg(&format!("{}/niem-yet", shown.trim_end_matches('/')))
                    )),
                );
                return out;
            }
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => {
            out.refuse(2, io_error("", &err));
            return out;
        }
    }

    let created_dir = !dir.exists();
    if let Err(err) = fs::create_dir_all(dir) {
        out.refuse(2, io_error("", &err));
        return out;
    }
    let files = files(today);
    let staging = dir.join(format!(".niemyet-init-{}", std::process::id()));
    let written =
        write_all(&staging, &files).and_then(|()| fs::rename(&staging, dir.join("content")));
    if let Err(err) = written {
        let _ = fs::remove_dir_all(&staging);
        if created_dir {
            // Only an empty folder goes: remove_dir never deletes contents.
            let _ = fs::remove_dir(dir);
        }
        out.refuse(2, io_error("content", &err));
        return out;
    }

    let width = files
        .iter()
        .map(|(rel, _, _)| rel.chars().count())
        .max()
        .unwrap_or(0)
        + "content/".len();
    let mut done = vec![t!(
        "Đã tạo trang niêm yết mới trong thư mục {}:",
        "Created a new site in the folder {}:",
        shell_arg(&shown)
    )];
    for (rel, _, what) in &files {
        let path = format!("content/{rel}");
        done.push(Text::new(
            format!("  {path:<width$}  {}", what.vi),
            format!("  {path:<width$}  {}", what.en),
        ));
    }
    let cd = shell_arg(&shown);
    done.extend([t!(
        "Việc tiếp theo: vào thư mục của trang, kiểm tra (phải báo OK), rồi thêm thủ tục:",
        "Next: go to the site's folder, check it (it says OK), then add procedures:"
    )]);
    if dir != Path::new(".") {
        done.push(t!("  cd {cd}", "  cd {cd}"));
    }
    done.extend([
        t!("  niemyet check", "  niemyet check"),
        t!(
            "  niemyet new ho-tich \"Đăng ký kết hôn\"",
            "  niemyet new ho-tich \"Đăng ký kết hôn\""
        ),
        t!(
            "Sửa content/site.yaml trước tiên: tìm chữ {0} (Ctrl+F trong Notepad).",
            "Edit content/site.yaml first: search for {0}.",
            super::MARK
        ),
    ]);
    out.done = done;
    out
}

fn write_all(staging: &Path, files: &[(String, String, Text)]) -> std::io::Result<()> {
    fs::create_dir(staging)?;
    for (rel, text, _) in files {
        let path = staging.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_with_the_day() {
        let today: Date = "2026-11-23".parse().expect("date");
        let files = files(today);
        let names: Vec<&str> = files.iter().map(|(r, _, _)| r.as_str()).collect();
        assert_eq!(
            names,
            [
                "site.yaml",
                "ho-tich/_index.md",
                "ho-tich/dang-ky-khai-sinh.md",
                "notices/2026-11-niem-yet-thu-tuc-hanh-chinh.md"
            ]
        );
        for (rel, text, _) in &files {
            assert!(!text.contains("{{"), "{rel}: {text}");
            assert!(crate::text::is_slug(
                rel.rsplit('/')
                    .next()
                    .and_then(|n| n.strip_suffix(".md").or(n.strip_suffix(".yaml")))
                    .unwrap_or("_")
                    .trim_start_matches('_')
            ));
        }
        assert!(files[0].1.contains("  - 2026-01-01"));
        assert!(files[0].1.contains("  - 2027-09-02"));
        assert!(files[2].1.contains("updated: 2026-11-23"));
        assert!(files[3].1.contains("date: 2026-11-23\n"));
        assert!(files[3].1.contains("kể từ ngày 23/11/2026"));
    }
}
