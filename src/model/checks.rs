//! Rules that look across files.

use super::{Field, Procedure};
use crate::diag::Diagnostic;
use crate::t;
use std::collections::HashMap;

/// `found`: every procedure file in the tree, valid or not, so that a field
/// whose only procedure has an error is not also called empty.
pub fn cross_checks(
    fields: &[Field],
    procedures: &[Procedure],
    found: &[crate::load::ProcedureDoc],
    diags: &mut Vec<Diagnostic>,
) {
    duplicate_slugs(procedures, diags);
    for field in fields {
        if !found.iter().any(|p| p.field == field.slug) {
            diags.push(
                Diagnostic::warning(
                    "empty-field",
                    &field.source,
                    t!(
                        "lĩnh vực \"{}\" chưa có thủ tục nào",
                        "the field \"{}\" has no procedures yet",
                        field.name
                    ),
                )
                .hint(t!(
                    "thêm thủ tục bằng lệnh niemyet new {} \"Tên thủ tục\", hoặc xóa thư mục",
                    "add one with niemyet new {} \"Title\", or delete the folder",
                    field.slug
                )),
            );
        }
    }
}

fn duplicate_slugs(procedures: &[Procedure], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(&str, &str), &Procedure> = HashMap::new();
    for p in procedures {
        match seen.get(&(p.field.as_str(), p.slug.as_str())) {
            Some(first) => diags.push(
                Diagnostic::error(
                    "duplicate-slug",
                    &p.source,
                    t!(
                        "hai thủ tục cùng địa chỉ \"{}/{}\"",
                        "two procedures share the address \"{}/{}\"",
                        p.field,
                        p.slug
                    ),
                )
                .related(
                    first.source.clone(),
                    None,
                    t!("thủ tục cùng tên", "the other one"),
                )
                .hint(t!(
                    "giữ một trong hai: tệp {}.md hoặc thư mục {}/",
                    "keep only one: the file {}.md or the folder {}/",
                    p.slug,
                    p.slug
                )),
            ),
            None => {
                seen.insert((p.field.as_str(), p.slug.as_str()), p);
            }
        }
    }
}

/// Codes are compared as written in every file that could be read, even one
/// with other errors, so that a clerk sees the clash in the same run.
pub fn duplicate_codes(docs: &[crate::load::ProcedureDoc], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, (&crate::load::ProcedureDoc, Option<crate::diag::Location>)> =
        HashMap::new();
    for pd in docs {
        let Some(doc) = &pd.doc else { continue };
        let Some(code) = doc.raw.as_ref().and_then(|r| r.code.value()) else {
            continue;
        };
        let value = code.value.trim().to_string();
        if value.is_empty() {
            continue;
        }
        let mut scratch = Vec::new();
        let cx = super::value::Ctx::new(doc, &mut scratch);
        let at = cx.loc(&code.referenced);
        match seen.get(&value) {
            Some((first, first_at)) => diags.push(
                Diagnostic::error("duplicate-code", &pd.rel, t!("mã thủ tục \"{value}\" đã dùng cho một thủ tục khác", "the code \"{value}\" is already used by another procedure"))
                    .at(at)
                    .related(first.rel.clone(), first_at.clone(), t!("nơi dùng mã này lần đầu", "where the code is first used"))
                    .hint(t!("mỗi thủ tục có một mã riêng; kiểm tra lại mã trên Cổng Dịch vụ công quốc gia", "each procedure has its own code; check it on the national public service portal")),
            ),
            None => {
                seen.insert(value, (pd, at));
            }
        }
    }
}
