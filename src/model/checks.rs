//! Rules that look across files.

use super::{Field, Procedure};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use std::collections::HashMap;

/// `found_in`: the field of every procedure file in the tree, valid or not,
/// so that a field whose only procedure has an error is not also called empty.
pub fn cross_checks(
    fields: &[Field],
    procedures: &[std::sync::Arc<Procedure>],
    found_in: &[&str],
    diags: &mut Vec<Diagnostic>,
) {
    duplicate_slugs(procedures, diags);
    for field in fields {
        if !found_in.contains(&field.slug.as_str()) {
            diags.push(
                Diagnostic::warning(
                    Rule::EmptyField,
                    &field.source,
                    t!(
                        "lĩnh vực \"{}\" chưa có thủ tục nào",
                        "the field \"{}\" has no procedures yet",
                        field.name
                    ),
                )
                .hint(t!(
                    "thêm thủ tục vào thư mục {}/, hoặc xóa thư mục nếu không dùng",
                    "add a procedure to {}/, or delete the folder if unused",
                    field.slug
                )),
            );
        }
    }
}

fn duplicate_slugs(procedures: &[std::sync::Arc<Procedure>], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(&str, &str), &Procedure> = HashMap::new();
    for p in procedures {
        match seen.get(&(p.field.as_str(), p.slug.as_str())) {
            Some(first) => diags.push(
                Diagnostic::error(
                    Rule::DuplicateSlug,
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

/// A code as it is compared across the site: without spaces or hidden
/// characters, which a reader cannot see (`1.001193` and `1.001193` with a
/// zero-width space are one code; the second is also an error of its own).
pub fn code_key(code: &str) -> String {
    code.chars()
        .filter(|&c| !c.is_whitespace() && !crate::text::is_hidden(c))
        .collect()
}

/// Where a procedure file writes its code, kept after its raw front matter
/// is dropped.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CodeUse {
    pub code: String,
    pub file: std::path::PathBuf,
    pub at: Option<crate::diag::Location>,
}

/// The code as written in a file that could be read, even one with other
/// errors, so that a clerk sees a clash in the same run.
pub fn code_use(pd: &crate::load::ProcedureDoc) -> Option<CodeUse> {
    let doc = pd.doc.as_ref().ok()?;
    let code = doc.raw.as_ref().ok()?.code.value()?;
    let value = code_key(&code.value);
    if value.is_empty() {
        return None;
    }
    let mut scratch = Vec::new();
    let at = super::value::Ctx::new(doc, &mut scratch).loc(&code.referenced);
    Some(CodeUse {
        code: value,
        file: pd.rel.clone(),
        at,
    })
}

/// Two procedures with one code: the later file (in walk order) is the error.
pub fn duplicate_codes(uses: &[CodeUse], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &CodeUse> = HashMap::new();
    for u in uses {
        match seen.get(u.code.as_str()) {
            Some(first) => {
                let value = &u.code;
                diags.push(
                    Diagnostic::error(Rule::DuplicateCode, &u.file, t!("mã thủ tục \"{value}\" đã dùng cho một thủ tục khác", "the code \"{value}\" is already used by another procedure"))
                        .at(u.at.clone())
                        .related(first.file.clone(), first.at.clone(), t!("nơi dùng mã này lần đầu", "where the code is first used"))
                        .hint(t!("mỗi thủ tục có một mã riêng; kiểm tra lại mã trên Cổng Dịch vụ công quốc gia", "each procedure has its own code; check it on the national public service portal")),
                );
            }
            None => {
                seen.insert(&u.code, u);
            }
        }
    }
}
