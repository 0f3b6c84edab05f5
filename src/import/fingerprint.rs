//! What the importer wrote, one short hash per key (and per item of the
//! lists whose items have a name: fees, documents, legal texts), stored in
//! `source.fingerprint`. On `--update`, a key whose value still hashes the
//! same was not edited since the import and takes the record's new value; a
//! key that differs was edited by a clerk and is kept.
//!
//! The hash is FNV-1a (64 bits, shown as its low 32): stable across Rust
//! versions and machines, unlike `DefaultHasher`; collisions between two
//! values of one key are what matter, and 32 bits make them negligible.

use super::draft::{Draft, DraftDoc, DraftFee, DraftLegal};
use crate::text::slugify;

pub fn hash(s: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{:08x}", h as u32)
}

/// A value's canonical text: its parts joined by a separator no text holds.
fn join(parts: &[&str]) -> String {
    parts.join("\u{1f}")
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

pub fn fee_id(f: &DraftFee) -> String {
    hash(&format!("{}|{}", slugify(&f.name), opt(&f.channel)))
}

pub fn doc_id(d: &DraftDoc) -> String {
    hash(&format!("{}|{}", slugify(&d.name), opt(&d.case)))
}

pub fn legal_id(l: &DraftLegal) -> String {
    hash(&slugify(&l.number))
}

pub fn fee_value(f: &DraftFee) -> String {
    join(&[
        &f.name,
        opt(&f.amount),
        opt(&f.per),
        opt(&f.channel),
        opt(&f.note),
    ])
}

pub fn doc_value(d: &DraftDoc) -> String {
    join(&[
        &d.name,
        opt(&d.originals),
        opt(&d.copies),
        if d.present { "p" } else { "" },
        if d.optional { "o" } else { "" },
        opt(&d.case),
        opt(&d.form),
        opt(&d.sample),
        opt(&d.note),
    ])
}

pub fn legal_value(l: &DraftLegal) -> String {
    join(&[&l.number, opt(&l.title), opt(&l.date)])
}

/// The scalar keys import writes and `--update` merges, with their value.
pub fn scalars(d: &Draft) -> Vec<(&'static str, String)> {
    let c = &d.channels;
    let online = c
        .online
        .as_ref()
        .map(|(u, l)| format!("{u}{}", opt(l)))
        .unwrap_or_default();
    vec![
        ("title", d.title.clone()),
        ("level", opt(&d.level).to_string()),
        ("audience", opt(&d.audience).to_string()),
        ("agency", opt(&d.agency).to_string()),
        ("result", d.result.clone()),
        ("deadline", join(&[&d.deadline.key, &d.deadline.value])),
        (
            "deadline.reduced_from",
            opt(&d.deadline.reduced_from).to_string(),
        ),
        ("deadline.cutoff", opt(&d.deadline.cutoff).to_string()),
        ("deadline.note", opt(&d.deadline.note).to_string()),
        (
            "channels",
            join(&[&c.in_person.to_string(), &c.postal.to_string(), &online]),
        ),
        (
            "steps",
            join(&d.steps.iter().map(String::as_str).collect::<Vec<_>>()),
        ),
        (
            "conditions",
            join(&d.conditions.iter().map(String::as_str).collect::<Vec<_>>()),
        ),
        ("body", d.body.trim().to_string()),
    ]
}

/// Item ids made unique in a list: the second item of the same name (a
/// record may list one document twice, or with and without a final ".")
/// is `<id>x2`, the third `<id>x3`.
pub fn indexed<T>(items: &[T], id: fn(&T) -> String) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    items
        .iter()
        .map(|x| {
            let base = id(x);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                base
            } else {
                format!("{base}x{n}")
            }
        })
        .collect()
}

fn keyed<T>(
    prefix: &str,
    items: &[T],
    id: fn(&T) -> String,
    val: fn(&T) -> String,
) -> Vec<(String, String)> {
    indexed(items, id)
        .into_iter()
        .zip(items)
        .map(|(i, x)| (format!("{prefix}.{i}"), hash(&val(x))))
        .collect()
}

/// Every `key:hash` entry of a draft, in a stable order.
pub fn entries(d: &Draft) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = scalars(d)
        .into_iter()
        .map(|(k, v)| (k.to_string(), hash(&v)))
        .collect();
    out.extend(keyed("fees", &d.fees, fee_id, fee_value));
    out.extend(keyed("documents", &d.documents, doc_id, doc_value));
    out.extend(keyed("legal_basis", &d.legal_basis, legal_id, legal_value));
    out
}

/// The `source.fingerprint` text of a draft.
pub fn fingerprint(d: &Draft) -> String {
    entries(d)
        .iter()
        .map(|(k, h)| format!("{k}:{h}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // Fixed values: a change here breaks every site's stored fingerprints.
        assert_eq!(hash(""), "84222325");
        assert_eq!(hash("Đăng ký khai sinh"), hash("Đăng ký khai sinh"));
        assert_ne!(hash("a"), hash("b"));
        let fp = fingerprint(&Draft::default());
        assert!(crate::model::parse_fingerprint(&fp).is_some(), "{fp}");
    }
}
