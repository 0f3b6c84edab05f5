//! `documents:`: the dossier, and each form or sample checked against the
//! entries the walk found beside the procedure (no file is looked up here).

use crate::diag::Rule;
use crate::lang::Text;
use crate::load::raw::{RawDocument, Scalar, Slot, Spanned};
use crate::load::walk::{AttachmentFile, Attachments, FileKind};
use crate::model::value::{self, every, Checked, Ctx, Parent};
use crate::model::*;
use crate::t;

pub(super) fn documents(
    cx: &mut Ctx,
    slot: &Slot<Vec<Spanned<RawDocument>>>,
    files: &Attachments,
) -> Checked<Vec<Document>> {
    let hint = t!("viết thành phần hồ sơ, mỗi giấy tờ một mục \"- name: ...\"; nếu không cần giấy tờ gì thì viết documents: []", "write the documents, each as an item \"- name: ...\"; write documents: [] when none are needed");
    let items = cx.required_list(slot, "documents", hint)?;
    let checked = items.iter().map(|d| document(cx, d, files)).collect();
    every(checked)
}

fn document(cx: &mut Ctx, d: &Spanned<RawDocument>, files: &Attachments) -> Checked<Document> {
    let raw = &d.value;
    let name = cx.text(
        &raw.name,
        "name",
        Parent::At(d.referenced),
        t!(
            "viết tên giấy tờ, ví dụ name: Tờ khai đăng ký khai sinh",
            "write the document's name, e.g. name: Tờ khai đăng ký khai sinh"
        ),
    );
    let originals = cx.count_or(&raw.originals, "originals", 1);
    let copies = cx.count_or(&raw.copies, "copies", 0);
    let form = attachment(cx, &raw.form, "form", files);
    let sample = attachment(cx, &raw.sample, "sample", files);
    let present = cx.flag(&raw.present, "present", false);
    let optional = cx.flag(&raw.optional, "optional", false);
    Ok(Document {
        name: name?,
        originals: originals?,
        copies: copies?,
        form: form?,
        sample: sample?,
        note: cx.opt_text(&raw.note),
        present: present?,
        optional: optional?,
        case: cx.opt_text(&raw.case),
    })
}

/// The kinds of file a ward posts for citizens to download: documents that
/// open in an office suite or a PDF reader, and plain pictures. Nothing a
/// browser runs or renders as a page (`.html`, `.svg`, `.xml`, `.js`…):
/// a form is published beside the procedure's page, on the same site, and
/// such a file would run its script in the citizen's browser.
const PUBLISHABLE: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "png", "jpg", "jpeg",
];
const PUBLISHABLE_VI: &str =
    "tệp PDF, Word (.doc, .docx), Excel (.xls, .xlsx), OpenDocument (.odt, .ods) và ảnh .png, .jpg, .jpeg";
const PUBLISHABLE_EN: &str =
    "PDF, Word (.doc, .docx), Excel (.xls, .xlsx), OpenDocument (.odt, .ods) files and .png, .jpg, .jpeg pictures";

/// Whether a form or sample of this name may be published (its extension,
/// which is lowercase by the name rule).
fn is_publishable(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| PUBLISHABLE.contains(&ext))
}

/// A `form`/`sample`: a file name beside the procedure, inside content/,
/// checked against the entries the walk found there (nothing is looked up
/// on disk here).
fn attachment(
    cx: &mut Ctx,
    slot: &Scalar,
    key: &str,
    files: &Attachments,
) -> Checked<Option<Attachment>> {
    let Some(v) = value::given(slot) else {
        return Ok(None);
    };
    let name = v.value.trim();
    let checked = match written_problem(name, key) {
        Some(problem) => Err(problem),
        None => on_disk(name, files, &rel_dir(cx)),
    };
    match checked {
        Ok(file) => Ok(Some(Attachment {
            name: name.to_string(),
            path: file.path.clone(),
            size: file.size,
        })),
        Err(p) => {
            let at = cx.loc(&v.referenced);
            Err(cx.error(p.rule, at, p.message, Some(p.hint)))
        }
    }
}

/// What is wrong with a form or sample, said at its value.
struct Problem {
    rule: Rule,
    message: Text,
    hint: Text,
}

/// What is wrong with the name as written, before any file is looked for:
/// a path instead of a name beside the procedure, a name that is no slug,
/// a kind of file that is not published.
fn written_problem(name: &str, key: &str) -> Option<Problem> {
    let beside = || {
        t!(
            "chỉ viết tên tệp nằm cạnh tệp thủ tục, ví dụ {key}: to-khai.pdf",
            "write only the name of a file beside the procedure, e.g. {key}: to-khai.pdf"
        )
    };
    let is_absolute =
        name.starts_with('/') || name.starts_with('\\') || name.get(1..2) == Some(":");
    let message = if is_absolute {
        t!(
            "\"{name}\" là đường dẫn tuyệt đối; tệp mẫu phải nằm trong content/",
            "\"{name}\" is an absolute path; form files must be inside content/"
        )
    } else if name.split(['/', '\\']).any(|part| part == "..") {
        t!(
            "\"{name}\" trỏ ra ngoài thư mục của thủ tục (có \"..\")",
            "\"{name}\" leads out of the procedure's folder (it has \"..\")"
        )
    } else if name.contains(['/', '\\']) {
        t!(
            "\"{name}\" nằm trong thư mục khác; tệp mẫu phải nằm ngay cạnh tệp thủ tục",
            "\"{name}\" is in another folder; form files must be right beside the procedure"
        )
    } else {
        return name_problem(name, key);
    };
    Some(Problem {
        rule: Rule::FormPath,
        message,
        hint: beside(),
    })
}

/// A name the walk would skip (`_…`, `.…`) or refuse is refused here too:
/// it must not become a published file by being named here. Then the kind
/// of file, by its extension.
fn name_problem(name: &str, key: &str) -> Option<Problem> {
    if let Some(fixed) = crate::load::walk::attachment_name_fix(name) {
        return Some(Problem {
            rule: Rule::BadName,
            message: t!(
                "tên tệp \"{name}\" không dùng được để đăng: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, rồi đuôi tệp",
                "the file name \"{name}\" cannot be published: use only lowercase letters without accents, digits and hyphens, then the extension"
            ),
            hint: t!(
                "đổi tên tệp thành {fixed} rồi viết {key}: {fixed}",
                "rename the file to {fixed} and write {key}: {fixed}"
            ),
        });
    }
    if is_publishable(name) {
        return None;
    }
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    Some(Problem {
        rule: Rule::FormType,
        message: t!(
            "không đăng được tệp \"{name}\" (loại .{ext}): chỉ đăng được {PUBLISHABLE_VI}",
            "\"{name}\" (a .{ext} file) cannot be published: only {PUBLISHABLE_EN} can"
        ),
        hint: t!(
            "lưu mẫu thành PDF (trong Word: File → Save As, chọn PDF) rồi viết {key}: với tên tệp .pdf",
            "save the form as PDF (in Word: File → Save As, choose PDF) and write {key}: with the .pdf name"
        ),
    })
}

/// The file of this name beside the procedure, as the walk found it: a
/// regular file (a FIFO here would make the build wait forever when it
/// copies it), inside content/ once links are followed. `rel_dir` is the
/// procedure's folder, for the hint.
fn on_disk<'a>(
    name: &str,
    files: &'a Attachments,
    rel_dir: &str,
) -> Result<&'a AttachmentFile, Problem> {
    let file = files.get(name).filter(|f| f.kind.is_some());
    let Some(file) = file else {
        let hint = match nearest_file(files, name) {
            Some(n) => t!(
                "có phải \"{n}\"? Tên tệp phải viết đúng từng chữ",
                "did you mean \"{n}\"? File names must match exactly"
            ),
            None => t!(
                "chép tệp \"{name}\" vào thư mục {rel_dir}, hoặc sửa lại tên",
                "copy \"{name}\" into {rel_dir}, or correct the name"
            ),
        };
        return Err(Problem {
            rule: Rule::FormMissing,
            message: t!(
                "không tìm thấy tệp \"{name}\" cạnh tệp thủ tục",
                "the file \"{name}\" is not beside the procedure"
            ),
            hint,
        });
    };
    let not_a_file = match file.kind {
        Some(FileKind::File) | None => None,
        Some(FileKind::Folder) => Some(t!("một thư mục", "a folder")),
        Some(FileKind::Special(what)) => Some(what.words()),
    };
    if let Some(words) = not_a_file {
        let (vi, en) = (&words.vi, &words.en);
        return Err(Problem {
            rule: Rule::FormNotFile,
            message: t!(
                "\"{name}\" không phải một tệp thường mà là {vi}",
                "\"{name}\" is not a regular file but {en}"
            ),
            hint: t!(
                "đặt tệp mẫu thật (PDF, Word, Excel…) vào chỗ đó",
                "put the real form file (PDF, Word, Excel…) in its place"
            ),
        });
    }
    if !file.inside {
        return Err(Problem {
            rule: Rule::LinkOutside,
            message: t!(
                "tệp \"{name}\" là liên kết (symlink) trỏ ra ngoài thư mục content/",
                "\"{name}\" is a link (symlink) that leads outside content/"
            ),
            hint: t!(
                "chép tệp thật vào cạnh tệp thủ tục",
                "copy the real file beside the procedure"
            ),
        });
    }
    Ok(file)
}

fn rel_dir(cx: &Ctx) -> String {
    cx.src
        .rel_path
        .parent()
        .map_or(String::new(), |p| p.to_string_lossy().replace('\\', "/"))
}

/// The name beside the procedure closest to `name` (at most 3 edits, case
/// aside), for a "did you mean".
fn nearest_file(files: &Attachments, name: &str) -> Option<String> {
    files
        .iter()
        .map(|f| f.name.as_str())
        .filter(|n| !n.ends_with(".md"))
        .map(|n| {
            (
                strsim::levenshtein(&n.to_lowercase(), &name.to_lowercase()),
                n.to_string(),
            )
        })
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, n)| n)
}
