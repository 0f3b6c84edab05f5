//! `source:`, the provenance `niemyet import` writes on a procedure: where
//! it came from (the national database or a province's table), its code
//! there, the record's own date, the input file, the day of the import,
//! and a fingerprint of what the importer wrote, so that `import --update`
//! can tell a clerk's edit from a value unchanged since the import.

use super::value::{Checked, Ctx, Parent};
use super::{Source, SourceKind};
use crate::diag::Rule;
use crate::load::raw::{RawSource, Spanned};
use crate::t;

const KINDS: &[(&str, SourceKind)] = &[
    ("csdl-tthc", SourceKind::National),
    ("bang", SourceKind::Table),
];

pub fn source(cx: &mut Ctx, s: &Spanned<RawSource>) -> Checked<Source> {
    let at = Parent::At(s.referenced);
    let raw = &s.value;
    let from = cx.choice(&raw.from, "from", KINDS, None, at);
    let snapshot = cx.opt_date(&raw.snapshot, "snapshot");
    let imported = cx.opt_date(&raw.imported, "imported");
    let fingerprint = cx.opt_text(&raw.fingerprint);
    if let (Some(f), Some(v)) = (&fingerprint, raw.fingerprint.value()) {
        if parse_fingerprint(f).is_none() {
            let at = cx.loc(&v.referenced);
            return Err(cx.error(
                Rule::BadFingerprint,
                at,
                t!(
                    "dấu vân tay của lần nhập bị sửa hỏng",
                    "the import's fingerprint has been damaged"
                ),
                Some(t!(
                    "xóa cả dòng fingerprint: lần cập nhật sau (niemyet import --update) sẽ coi mọi giá trị là đã sửa tay và giữ nguyên chúng",
                    "delete the whole fingerprint line: the next niemyet import --update will treat every value as edited by hand and keep it"
                )),
            ));
        }
    }
    Ok(Source {
        from: from?,
        code: cx.opt_text(&raw.code),
        snapshot: snapshot?,
        file: cx.opt_text(&raw.file),
        imported: imported?,
        fingerprint,
    })
}

/// `title:1a2b3c4d deadline:…` → pairs; `None` when malformed.
pub fn parse_fingerprint(s: &str) -> Option<Vec<(String, String)>> {
    s.split_whitespace()
        .map(|pair| {
            let (k, h) = pair.split_once(':')?;
            let key_ok = !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
            let hash_ok = h.len() == 8 && h.chars().all(|c| c.is_ascii_hexdigit());
            (key_ok && hash_ok).then(|| (k.to_string(), h.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_pairs() {
        let f = parse_fingerprint("title:0a1b2c3d deadline.note:ffffffff").expect("ok");
        assert_eq!(f[1], ("deadline.note".into(), "ffffffff".into()));
        assert!(parse_fingerprint("title:0a1b").is_none());
        assert!(parse_fingerprint("title 0a1b2c3d").is_none());
        assert_eq!(parse_fingerprint(""), Some(vec![]));
    }
}
