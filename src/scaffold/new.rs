//! `niemyet new FIELD "Tên thủ tục"`: one commented procedure file with every
//! key of the format, placeholders marked [`MARK`](super::MARK), that passes
//! `check` as written.

use super::{
    clean_title, display_path, io_error, one_line, shell_arg, title_slug, yaml_scalar, Outcome,
};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::lang::{Lang, Text};
use crate::load::walk::{is_ignored, NOTICES_DIR, RESERVED_FIELD_SLUGS};
use crate::load::{self, Loaded};
use crate::model::Date;
use crate::t;
use crate::text::{is_slug, nfc, slugify};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

const TEMPLATE: &str = include_str!("procedure.md");

/// A field folder of the site, as `new` needs it.
#[derive(Debug, Clone)]
struct KnownField {
    slug: String,
    name: Option<String>,
    has_index: bool,
}

/// Writes `content/FIELD/<slug>.md` under `root`; refuses (writing nothing)
/// an empty title, an unknown field, or a procedure that already exists.
/// `lang` is `--lang`; without it, site.yaml's `language`, then Vietnamese.
pub fn new_procedure(
    root: &Path,
    field: &str,
    title: &str,
    today: Date,
    lang: Option<Lang>,
) -> Outcome {
    let has_content = root.join("content").is_dir();
    let loaded = has_content.then(|| load::load(root));
    let site_lang = loaded.as_ref().and_then(site_language);
    let mut out = Outcome::new(root, lang.or(site_lang).unwrap_or_default());
    let root_opt = root_option(root);

    let title = clean_title(title);
    let slug = check_title(&mut out, &title);
    let Some(loaded) = loaded else {
        out.refuse(
            1,
            load::walk::no_content(root).hint(t!(
                "chạy lệnh trong thư mục của trang, chỉ rõ bằng --root THƯ_MỤC, hoặc tạo trang mới bằng: niemyet init THƯ_MỤC",
                "run the command in the site's folder, name it with --root DIR, or make a new site with: niemyet init DIR"
            )),
        );
        return out;
    };
    let fields = known_fields(&loaded);
    let Some(field) = resolve_field(&mut out, field, &title, &fields, &root_opt) else {
        return out;
    };
    let Some(slug) = slug else {
        return out;
    };

    let rel = PathBuf::from(format!("content/{}/{slug}.md", field.slug));
    let shown = display_path(root, &rel);
    if let Some(existing) = existing_procedure(&root.join("content").join(&field.slug), &slug) {
        out.refuse(1, already_there(&field.slug, &slug, &existing));
        return out;
    }
    let text = fill(&loaded, &title, today);
    let path = root.join(&rel);
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(mut file) => {
            if let Err(err) = file
                .write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
            {
                drop(file);
                let _ = fs::remove_file(&path);
                out.refuse(2, io_error(&rel, &err));
                return out;
            }
        }
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            let existing = Existing::File(format!("{slug}.md"));
            out.refuse(1, already_there(&field.slug, &slug, &existing));
            return out;
        }
        Err(err) => {
            out.refuse(2, io_error(&rel, &err));
            return out;
        }
    }
    let field_name = field.name.clone().unwrap_or_else(|| field.slug.clone());
    out.done = vec![
        t!("Đã tạo {shown}", "Created {shown}"),
        t!(
            "  thủ tục \"{title}\", lĩnh vực {field_name}, ngày cập nhật {today}",
            "  procedure \"{title}\", field {field_name}, updated {today}"
        ),
        t!(
            "Việc tiếp theo: mở tệp bằng Notepad, thay mọi chỗ ghi {mark} bằng nội dung thật, lưu lại (UTF-8), rồi chạy:",
            "Next: open the file, replace every {mark} placeholder with the real text, save (UTF-8), then run:",
            mark = super::MARK
        ),
        t!("  niemyet check{root_opt}", "  niemyet check{root_opt}"),
    ];
    out
}

/// ` --root DIR` when the command was run with one, for the next commands.
fn root_option(root: &Path) -> String {
    if root == Path::new(".") || root.as_os_str().is_empty() {
        String::new()
    } else {
        format!(" --root {}", shell_arg(&root.to_string_lossy()))
    }
}

fn site_language(loaded: &Loaded) -> Option<Lang> {
    let raw = loaded.site.as_ref()?.as_ref().ok()?.raw.as_ref().ok()?;
    Lang::parse(&raw.language.value()?.value)
}

/// The slug of a cleaned title, or a usage problem.
fn check_title(out: &mut Outcome, title: &str) -> Option<String> {
    if title.is_empty() {
        out.refuse(
            2,
            Diagnostic::error(
                Rule::EmptyTitle,
                "",
                t!("tên thủ tục đang trống", "the procedure's title is empty"),
            )
            .hint(t!(
                "viết tên thủ tục trong ngoặc kép, ví dụ: niemyet new ho-tich \"Đăng ký khai sinh\"",
                "write the title in quotes, e.g. niemyet new ho-tich \"Đăng ký khai sinh\""
            )),
        );
        return None;
    }
    let slug = title_slug(title);
    if slug.is_none() {
        out.refuse(
            2,
            Diagnostic::error(
                Rule::TitleWithoutLetters,
                "",
                t!(
                    "tên thủ tục \"{title}\" không có chữ hay số nào để đặt tên tệp",
                    "the title \"{title}\" has no letter or digit to name the file after"
                ),
            )
            .hint(t!(
                "viết tên thủ tục bằng chữ, ví dụ: niemyet new ho-tich \"Đăng ký khai sinh\"",
                "write the title in words, e.g. niemyet new ho-tich \"Đăng ký khai sinh\""
            )),
        );
    }
    slug
}

fn known_fields(loaded: &Loaded) -> Vec<KnownField> {
    loaded
        .fields
        .iter()
        .map(|f| KnownField {
            slug: f.slug.clone(),
            name: f
                .doc
                .as_ref()
                .and_then(|d| d.as_ref().ok())
                .and_then(|d| d.raw.as_ref().ok())
                .and_then(|r| r.name.value())
                .map(|v| one_line(&v.value))
                .filter(|n| !n.is_empty()),
            has_index: loaded.content_dir.join(&f.slug).join("_index.md").is_file(),
        })
        .collect()
}

/// FIELD as typed, tidied: NFC, no spaces around it, `\` read as `/`, and a
/// leading `./` or `content/` and trailing `/` (from tab completion) dropped.
fn field_arg(raw: &str) -> String {
    let s = nfc(raw.trim()).replace('\\', "/");
    let mut s = s.trim_matches('/');
    while let Some(rest) = s.strip_prefix("./") {
        s = rest.trim_start_matches('/');
    }
    if let Some(rest) = s.strip_prefix("content/") {
        s = rest.trim_start_matches('/');
    }
    s.to_string()
}

/// "ho-tich (Hộ tịch), chung-thuc (Chứng thực)".
fn field_list(fields: &[KnownField]) -> String {
    fields
        .iter()
        .map(|f| match &f.name {
            Some(n) => format!("{} ({n})", f.slug),
            None => f.slug.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The field a FIELD argument names, or `None` with the problem recorded.
fn resolve_field<'f>(
    out: &mut Outcome,
    raw: &str,
    title: &str,
    fields: &'f [KnownField],
    root_opt: &str,
) -> Option<&'f KnownField> {
    let arg = field_arg(raw);
    let shown_title = if title.is_empty() {
        "Tên thủ tục".to_string()
    } else {
        title.to_string()
    };
    let command =
        |slug: &str, title: &str| format!("niemyet new {slug} {}{root_opt}", shell_arg(title));
    if let Some(f) = fields.iter().find(|f| f.slug == arg) {
        if f.has_index {
            return Some(f);
        }
        out.refuse(
            1,
            Diagnostic::error(
                Rule::NoFieldIndex,
                format!("content/{}", f.slug),
                t!(
                    "thư mục lĩnh vực \"{}\" chưa có tệp _index.md",
                    "the field folder \"{}\" has no _index.md",
                    f.slug
                ),
            )
            .hint(t!(
                "tạo tệp content/{}/_index.md gồm ba dòng:\n---\nname: Tên lĩnh vực\n---\nrồi chạy lại lệnh",
                "create content/{}/_index.md with the three lines:\n---\nname: Field name\n---\nthen run the command again",
                f.slug
            )),
        );
        return None;
    }
    let folded = slugify(&arg);
    let closest = fields
        .iter()
        .find(|f| {
            f.slug == folded
                || f.name
                    .as_deref()
                    .is_some_and(|n| !folded.is_empty() && slugify(n) == folded)
        })
        .or_else(|| {
            fields
                .iter()
                .map(|f| (strsim::damerau_levenshtein(&folded, &f.slug), f))
                .filter(|(d, _)| *d <= 2 && !folded.is_empty())
                .min_by_key(|(d, _)| *d)
                .map(|(_, f)| f)
        });
    let swapped = fields.iter().find(|f| f.slug == field_arg(title));
    let list = field_list(fields);
    let (message, hint) = if arg.is_empty() {
        (
            t!("chưa ghi lĩnh vực", "no field given"),
            t!(
                "viết tên thư mục của lĩnh vực trước tên thủ tục, ví dụ: {}\nCác lĩnh vực hiện có: {list}",
                "write the field's folder name before the title, e.g. {}\nFields: {list}",
                command("ho-tich", &shown_title)
            ),
        )
    } else if let Some(f) = swapped {
        let wanted = command(&f.slug, &clean_title(raw));
        (
            t!(
                "không có lĩnh vực \"{arg}\"; có vẻ tên lĩnh vực và tên thủ tục bị đảo chỗ",
                "there is no field \"{arg}\"; the field and the title seem swapped"
            ),
            t!(
                "viết lĩnh vực trước, tên thủ tục sau: {wanted}",
                "write the field first, then the title: {wanted}"
            ),
        )
    } else if let Some(f) = closest {
        let wanted = command(&f.slug, &shown_title);
        let name = f.name.as_deref().unwrap_or(&f.slug);
        (
            t!(
                "không có lĩnh vực \"{arg}\" — có phải \"{}\" ({name})?",
                "there is no field \"{arg}\" — did you mean \"{}\" ({name})?",
                f.slug
            ),
            t!(
                "lĩnh vực được gọi bằng tên thư mục của nó: {wanted}",
                "a field is named by its folder: {wanted}"
            ),
        )
    } else if arg == NOTICES_DIR || RESERVED_FIELD_SLUGS.contains(&folded.as_str()) {
        let (vi, en) = if arg == NOTICES_DIR {
            ("thư mục thông báo", "the notices folder")
        } else {
            ("một trang của hệ thống", "a page of the site")
        };
        (
            Text::new(
                format!("\"{arg}\" không phải lĩnh vực: tên này dành cho {vi}"),
                format!("\"{arg}\" is not a field: the name is kept for {en}"),
            ),
            t!(
                "viết một trong các lĩnh vực hiện có: {list}",
                "write one of the fields: {list}"
            ),
        )
    } else {
        let (slug, name) = if is_slug(&arg) {
            (arg.clone(), "Tên lĩnh vực".to_string())
        } else {
            (folded.clone(), arg.clone())
        };
        let existing = if fields.is_empty() {
            t!("Trang chưa có lĩnh vực nào.", "The site has no fields yet.")
        } else {
            t!(
                "Các lĩnh vực hiện có: {list}.",
                "Fields of this site: {list}."
            )
        };
        let create = if slug.is_empty() {
            t!(
                "Muốn tạo lĩnh vực mới: tạo thư mục content/ten-linh-vuc/ và trong đó tệp _index.md gồm ba dòng:\n---\nname: Tên lĩnh vực\n---",
                "To make a new field: create the folder content/field-name/ holding an _index.md with the three lines:\n---\nname: Field name\n---"
            )
        } else {
            t!(
                "Muốn tạo lĩnh vực mới: tạo thư mục content/{slug}/ và trong đó tệp _index.md gồm ba dòng:\n---\nname: {name}\n---",
                "To make a new field: create the folder content/{slug}/ holding an _index.md with the three lines:\n---\nname: {name}\n---"
            )
        };
        (
            t!(
                "không có lĩnh vực \"{arg}\" trong content/",
                "there is no field \"{arg}\" in content/"
            ),
            Text::new(
                format!("{}\n{}", existing.vi, create.vi),
                format!("{}\n{}", existing.en, create.en),
            ),
        )
    };
    out.refuse(
        1,
        Diagnostic::error(Rule::UnknownField, "", message).hint(hint),
    );
    None
}

/// What already stands where the new procedure would go.
#[derive(Debug, PartialEq, Eq)]
enum Existing {
    /// `<slug>.md` itself.
    File(String),
    /// A bundle folder `<slug>/`.
    Bundle(String),
    /// Another name that folds to the same address (`Đăng ký khai sinh.md`).
    SameAddress(String),
}

/// A procedure file or bundle in `dir` whose address is `slug`, however its
/// name is written; ignored names (backups, `_drafts`) do not count.
fn existing_procedure(dir: &Path, slug: &str) -> Option<Existing> {
    let mut found: Vec<Existing> = fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_ignored(&name) {
                return None;
            }
            let is_dir = entry.path().is_dir();
            let stem = if is_dir {
                name.as_str()
            } else {
                let cut = name.len().checked_sub(3)?;
                if !name.is_char_boundary(cut) || !name[cut..].eq_ignore_ascii_case(".md") {
                    return None;
                }
                &name[..cut]
            };
            if slugify(stem) != slug {
                return None;
            }
            Some(if is_dir && name == slug {
                Existing::Bundle(name)
            } else if name == format!("{slug}.md") {
                Existing::File(name)
            } else {
                Existing::SameAddress(name)
            })
        })
        .collect();
    found.sort_by_key(|e| match e {
        Existing::File(_) => 0,
        Existing::Bundle(_) => 1,
        Existing::SameAddress(_) => 2,
    });
    found.into_iter().next()
}

fn already_there(field: &str, slug: &str, existing: &Existing) -> Diagnostic {
    let (file, message) = match existing {
        Existing::File(name) => (
            format!("content/{field}/{name}"),
            t!(
                "đã có tệp này; niemyet không ghi đè",
                "this file already exists; niemyet does not overwrite it"
            ),
        ),
        Existing::Bundle(name) => (
            format!("content/{field}/{name}"),
            t!(
                "đã có thủ tục này (thư mục có index.md); niemyet không ghi đè",
                "this procedure already exists (a folder with index.md); niemyet does not overwrite it"
            ),
        ),
        Existing::SameAddress(name) => (
            format!("content/{field}/{name}"),
            t!(
                "tệp này đã dùng địa chỉ \"{slug}\" mà thủ tục mới cần; niemyet không ghi đè",
                "this file already takes the address \"{slug}\" the new procedure needs; niemyet does not overwrite it"
            ),
        ),
    };
    Diagnostic::error(Rule::Exists, file, message).hint(t!(
        "mở tệp đó để sửa; nếu thủ tục mới là một thủ tục khác, hãy đặt tên phân biệt (ví dụ thêm \"lưu động\" hay \"có yếu tố nước ngoài\")",
        "open that file to edit it; if the new procedure is a different one, give it a distinct title (e.g. add \"lưu động\" or \"có yếu tố nước ngoài\")"
    ))
}

/// The template with this title, date and office filled in.
fn fill(loaded: &Loaded, title: &str, today: Date) -> String {
    let office = loaded
        .site
        .as_ref()
        .and_then(|d| d.as_ref().ok())
        .and_then(|d| d.raw.as_ref().ok())
        .and_then(|r| r.office.value());
    let office_text = |pick: fn(&crate::load::raw::RawOffice) -> &crate::load::raw::Scalar,
                       default: &str| {
        office
            .and_then(|o| pick(&o.value).value())
            .map(|v| one_line(&v.value))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| default.to_string())
    };
    let office_name = office_text(|o| &o.name, "UBND phường ...");
    let office_unit = office_text(|o| &o.unit, "Bộ phận một cửa");
    TEMPLATE
        .replace("{{today}}", &today.to_string())
        .replace("{{office_name}}", &office_name)
        .replace("{{office_unit}}", &office_unit)
        .replace("{{title}}", &yaml_scalar(title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_arguments_are_tidied() {
        assert_eq!(field_arg("ho-tich"), "ho-tich");
        assert_eq!(field_arg(" ho-tich/ "), "ho-tich");
        assert_eq!(field_arg("content/ho-tich/"), "ho-tich");
        assert_eq!(field_arg("./content/ho-tich"), "ho-tich");
        assert_eq!(field_arg("content\\ho-tich\\"), "ho-tich");
        assert_eq!(field_arg("Hộ tịch"), "Hộ tịch");
        assert_eq!(field_arg("/"), "");
    }

    #[test]
    fn an_existing_procedure_is_found_by_its_address() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        assert_eq!(existing_procedure(d, "dang-ky-khai-sinh"), None);
        fs::write(d.join("_dang-ky-khai-sinh.md"), "draft").expect("write");
        fs::write(d.join("dang-ky-khai-sinh.md~"), "backup").expect("write");
        fs::write(d.join("dang-ky-khai-sinh.pdf"), "form").expect("write");
        assert_eq!(existing_procedure(d, "dang-ky-khai-sinh"), None);
        fs::write(d.join("Đăng ký khai sinh.MD"), "x").expect("write");
        assert_eq!(
            existing_procedure(d, "dang-ky-khai-sinh"),
            Some(Existing::SameAddress("Đăng ký khai sinh.MD".into()))
        );
        fs::create_dir(d.join("dang-ky-khai-sinh")).expect("mkdir");
        assert_eq!(
            existing_procedure(d, "dang-ky-khai-sinh"),
            Some(Existing::Bundle("dang-ky-khai-sinh".into()))
        );
        fs::write(d.join("dang-ky-khai-sinh.md"), "x").expect("write");
        assert_eq!(
            existing_procedure(d, "dang-ky-khai-sinh"),
            Some(Existing::File("dang-ky-khai-sinh.md".into()))
        );
    }

    #[test]
    fn the_template_holds_every_key_of_the_format() {
        let loaded = Loaded::default();
        let text = fill(
            &loaded,
            "Khai sinh: lưu động",
            "2026-11-23".parse().expect("date"),
        );
        assert!(text.contains("title: \"Khai sinh: lưu động\"\n"), "{text}");
        assert!(text.contains("updated: 2026-11-23\n"));
        assert!(!text.contains("{{"), "{text}");
        for key in [
            "code",
            "title",
            "aliases",
            "level",
            "audience",
            "agency",
            "result",
            "deadline",
            "working_days",
            "calendar_days",
            "hours",
            "note",
            "fees",
            "name",
            "amount",
            "per",
            "channel",
            "documents",
            "originals",
            "copies",
            "form",
            "sample",
            "present",
            "optional",
            "channels",
            "in_person",
            "postal",
            "online",
            "url",
            "steps",
            "conditions",
            "legal_basis",
            "number",
            "date",
            "updated",
            "announced_by",
            "effective",
            "repealed",
            "non_territorial",
            "submit_at",
        ] {
            assert!(text.contains(&format!("{key}:")), "{key}");
        }
    }
}
