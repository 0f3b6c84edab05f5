//! Documents: the record's groups (`executionCases`) keep their meaning.
//! "Giấy tờ phải xuất trình" → `present: true`; "(nếu có…)" in a name →
//! `optional: true`; items under "Lưu ý", and items with both quantities 0
//! that read as notes, go to the body, not the document list; an item
//! ending with ":" followed by "+" items becomes one document whose note
//! lists them (alternatives must not read as papers to bring each); a
//! group for one case ("Đối với công trình nhà ở riêng lẻ:") gives its
//! documents `case:`. `required` is false everywhere and decides nothing;
//! results of the procedure (`isProcessingResult`) are skipped.

use super::draft::DraftDoc;
use super::record::{Component, DocGroup, Record};
use super::review::Item;
use super::text::{marker, one_line, unmarked};
use crate::t;
use crate::text::slugify;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Plain,
    Present,
    Notes,
    Case(String),
}

fn kind(heading: &str) -> Kind {
    let h = one_line(heading);
    let f = slugify(&h);
    let has = |w: &str| super::text::has_words(&f, w);
    if f.is_empty() {
        Kind::Plain
    } else if has("luu-y") || has("ghi-chu") {
        Kind::Notes
    } else if has("xuat-trinh") && !has("doi-voi") {
        Kind::Present
    } else if has("phai-nop")
        || has("thanh-phan-ho-so")
        || has("giay-to-sau")
        || f.starts_with("ho-so-gom")
    {
        Kind::Plain
    } else {
        let h = h
            .trim_start_matches(['*', ' '])
            .trim_end_matches([':', ' ']);
        Kind::Case(h.to_string())
    }
}

/// An item with no quantity that reads as a note, not a paper to bring.
fn is_note(name: &str) -> bool {
    // Only the first words matter: fold just those (names run to 2,000
    // characters, and folding is most of the mapping's time).
    let head: String = name.chars().take(24).collect();
    let f = slugify(&head);
    [
        "truong-hop",
        "luu-y",
        "doi-voi",
        "nguoi",
        "chua-co",
        "ghi-chu",
        "neu",
        "co-quan",
        "can-bo",
        "ca-nhan",
        "viec",
    ]
    .iter()
    .any(|w| f.starts_with(w))
}

pub struct Docs {
    pub documents: Vec<DraftDoc>,
    /// Notes for the body, under their group's heading.
    pub notes: Vec<(String, Vec<String>)>,
    /// Form files to copy into the bundle: (from, file name in the bundle).
    pub forms: Vec<(PathBuf, String)>,
}

pub fn documents(r: &Record, input_dir: &Path, items: &mut Vec<Item>) -> Docs {
    let mut out = Docs {
        documents: Vec::new(),
        notes: Vec::new(),
        forms: Vec::new(),
    };
    // Papers to hand in first, papers to show after, as a poster reads.
    let (show, hand): (Vec<&DocGroup>, Vec<&DocGroup>) = r
        .groups
        .iter()
        .partition(|g| kind(&g.heading) == Kind::Present);
    for g in hand.into_iter().chain(show) {
        group(g, input_dir, &mut out, items);
    }
    // The general notes ("Lưu ý") after those of a group.
    out.notes.sort_by_key(|(h, _)| h == "Lưu ý");
    if out.documents.is_empty() {
        items.push(Item::new(
            "documents-empty",
            "documents",
            t!(
                "bản ghi không có giấy tờ nào phải nộp hay xuất trình (chỉ có ghi chú, nếu có): documents: [] in là \"không cần giấy tờ\"; xác nhận, hoặc ghi các giấy tờ",
                "the record lists no document to hand in or show (only notes, if any): documents: [] prints \"no documents needed\"; confirm it, or write the documents"
            ),
        ));
    }
    out
}

fn group(g: &DocGroup, input_dir: &Path, out: &mut Docs, items: &mut Vec<Item>) {
    let kind = kind(&g.heading);
    let list: Vec<&Component> = g.items.iter().filter(|c| !c.is_result).collect();
    let mut notes: Vec<String> = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let c = list[i];
        let name = unmarked(&c.name);
        i += 1;
        if name.is_empty() {
            continue;
        }
        let children: Vec<&Component> = if name.ends_with(':') {
            list[i..]
                .iter()
                .take_while(|x| marker(&x.name) == Some('+'))
                .copied()
                .collect()
        } else {
            Vec::new()
        };
        let no_qty = c.originals == 0 && c.copies == 0;
        if children.is_empty()
            && (kind == Kind::Notes || (no_qty && (is_note(&name) || name.ends_with(':'))))
        {
            notes.push(name);
            continue;
        }
        i += children.len();
        let mut d = doc(c, &name, &kind);
        if !children.is_empty() {
            // The heading keeps its colon; its items follow as the note,
            // each with its own punctuation.
            d.name = name.clone();
            let listed: Vec<String> = children
                .iter()
                .map(|x| format!("+ {}", unmarked(&x.name)))
                .collect();
            d.note = Some(listed.join(" "));
            let first = (children[0].originals, children[0].copies);
            let same = children.iter().all(|x| (x.originals, x.copies) == first);
            if no_qty && same {
                (d.originals, d.copies) = counts(first.0, first.1);
            }
            d.optional |= children.iter().all(|x| is_optional(&x.name));
        }
        let anchor = format!("documents.{}", out.documents.len());
        if d.originals.as_deref() == Some("0") && d.copies.is_none() && !d.present {
            items.push(Item::new("doc-quantity", anchor.clone(), t!(
                "bản ghi không ghi số bản của giấy tờ này; ghi originals/copies nếu cần",
                "the record gives no number of copies for this document; write originals/copies if needed"
            )));
        }
        forms(c, &name, input_dir, &anchor, &mut d, out, items);
        out.documents.push(d);
    }
    if !notes.is_empty() {
        let heading = match &kind {
            Kind::Notes => "Lưu ý".to_string(),
            _ => one_line(&g.heading)
                .trim_start_matches(['*', ' '])
                .trim_end_matches([':', ' '])
                .to_string(),
        };
        out.notes.push((heading, notes));
    }
}

fn is_optional(name: &str) -> bool {
    if !name.contains('(') {
        return false;
    }
    let lower = name.to_lowercase();
    lower.contains("(nếu có") || lower.contains("( nếu có")
}

fn counts(originals: u32, copies: u32) -> (Option<String>, Option<String>) {
    (
        Some(originals.to_string()),
        (copies > 0).then(|| copies.to_string()),
    )
}

fn doc(c: &Component, name: &str, kind: &Kind) -> DraftDoc {
    let (originals, copies) = counts(c.originals, c.copies);
    DraftDoc {
        // A list's ";" or "," after an item is not part of its name.
        name: name.trim_end_matches([';', ',', ' ']).to_string(),
        originals,
        copies,
        present: *kind == Kind::Present,
        optional: is_optional(name),
        case: match kind {
            Kind::Case(h) => Some(h.clone()),
            _ => None,
        },
        ..DraftDoc::default()
    }
}

/// An attached form found beside the input record is copied into the
/// bundle and named in `form:`; one that is not there, or a form named in
/// the text without a file, is a review item.
fn forms(
    c: &Component,
    name: &str,
    dir: &Path,
    anchor: &str,
    d: &mut DraftDoc,
    out: &mut Docs,
    items: &mut Vec<Item>,
) {
    for a in &c.attachments {
        let file = a.file_name.trim();
        let from = dir.join(file);
        let ext = file
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let allowed = [
            "pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "png", "jpg", "jpeg",
        ]
        .contains(&ext.as_str());
        if d.form.is_none() && allowed && !file.contains(['/', '\\']) && from.is_file() {
            let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
            let mut slug = slugify(stem);
            if slug.is_empty() {
                slug = "mau".into();
            }
            let mut target = format!("{slug}.{ext}");
            let mut n = 2;
            while out.forms.iter().any(|(_, t)| *t == target) {
                target = format!("{slug}-{n}.{ext}");
                n += 1;
            }
            out.forms.push((from, target.clone()));
            d.form = Some(target);
        } else if !allowed {
            items.push(Item::new("form-type", anchor.to_string(), t!(
                "mẫu \"{file}\" không phải loại tệp được đăng (PDF, Word, Excel, OpenDocument, ảnh); lưu thành PDF rồi ghi form:",
                "the form \"{file}\" is not a file type that can be published; save it as PDF and name it in form:"
            )));
        } else if d.form.is_some() {
            items.push(Item::new("form-extra", anchor.to_string(), t!(
                "giấy tờ có thêm mẫu \"{file}\"; mỗi giấy tờ chỉ đăng một mẫu (form) và một mẫu điền sẵn (sample)",
                "the document has another form \"{file}\"; a document publishes one form and one filled sample"
            )));
        } else {
            items.push(Item::new("form-missing", anchor.to_string(), t!(
                "bản ghi có mẫu \"{file}\" nhưng tệp không nằm cạnh bản ghi; tải mẫu từ Cổng Dịch vụ công, đặt cạnh tệp JSON rồi nhập lại, hoặc đặt vào thư mục thủ tục và ghi form:",
                "the record attaches \"{file}\" but the file is not beside the record; download it from the portal, put it beside the JSON and import again, or put it in the procedure's folder and name it in form:"
            )));
        }
    }
    // "mẫu" in any case has the letter ẫ or Ẫ: most names are not lowered.
    let lower = if name.contains(['ẫ', 'Ẫ']) {
        name.to_lowercase()
    } else {
        String::new()
    };
    if c.attachments.is_empty() && (lower.contains("theo mẫu") || lower.contains("mẫu số")) {
        items.push(Item::new("form-named", anchor.to_string(), t!(
            "giấy tờ theo mẫu nhưng bản ghi không kèm tệp mẫu; nếu có mẫu, đặt tệp vào thư mục thủ tục và ghi form:",
            "a document on a form, but the record attaches no file; if you have the form, put it in the procedure's folder and name it in form:"
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_headings_keep_their_meaning() {
        assert_eq!(kind(""), Kind::Plain);
        assert_eq!(kind("* Giấy tờ phải nộp:"), Kind::Plain);
        assert_eq!(kind(" * Giấy tờ phải xuất trình:"), Kind::Present);
        assert_eq!(kind("* Lưu ý :"), Kind::Notes);
        assert_eq!(kind("Lưu ý"), Kind::Notes);
        assert_eq!(
            kind("(1.7) Đối với công trình nhà ở riêng lẻ:"),
            Kind::Case("(1.7) Đối với công trình nhà ở riêng lẻ".into())
        );
    }
}
