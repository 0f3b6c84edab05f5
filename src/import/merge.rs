//! `--update`: a three-way merge of the file on disk (the clerk's), the
//! new record (the importer's), and what the importer wrote last time,
//! known by its fingerprint (`source.fingerprint`, one hash per key and per
//! named item). A key unchanged since the import takes the record's new
//! value; a key the clerk edited is kept; when the record changed a value
//! the clerk had edited, the clerk's stays and the review list names the
//! conflict with the record's new value. Keys import never writes
//! (aliases, announced_by, effective…) are always the clerk's.

use super::draft::Draft;
use super::fingerprint::{self as fp, hash};
use super::review::Item;
use crate::t;
use std::collections::BTreeMap;

type Base = BTreeMap<String, String>;

pub fn merge(cur: &Draft, new: &Draft, today: jiff::civil::Date) -> (Draft, Vec<Item>) {
    let base: Base = cur
        .source
        .as_ref()
        .and_then(|s| s.fingerprint.as_deref())
        .and_then(crate::model::parse_fingerprint)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let mut out = cur.clone();
    let mut items = Vec::new();
    let (cs, ns) = (fp::scalars(cur), fp::scalars(new));
    for ((key, c), (_, n)) in cs.iter().zip(ns.iter()) {
        let b = base.get(*key);
        if b == Some(&hash(c)) {
            set(&mut out, key, new);
        } else if b != Some(&hash(n)) && c != n {
            let shown: String = n.replace('\u{1f}', " | ").chars().take(300).collect();
            items.push(Item::new("conflict", anchor(key), t!(
                "bạn đã sửa \"{key}\" và bản ghi mới cũng đổi: giữ bản của bạn; bản ghi mới ghi: {shown}",
                "you edited \"{key}\" and the new record changed it too: yours is kept; the record now says: {shown}"
            )));
        }
    }
    out.fees = list(
        &cur.fees,
        &new.fees,
        &base,
        "fees",
        fp::fee_id,
        fp::fee_value,
        |f| f.name.clone(),
        &mut items,
    );
    out.documents = list(
        &cur.documents,
        &new.documents,
        &base,
        "documents",
        fp::doc_id,
        fp::doc_value,
        |d| d.name.clone(),
        &mut items,
    );
    out.legal_basis = list(
        &cur.legal_basis,
        &new.legal_basis,
        &base,
        "legal_basis",
        fp::legal_id,
        fp::legal_value,
        |l| l.number.clone(),
        &mut items,
    );
    if out != *cur {
        out.updated = today.to_string();
    }
    out.source = new.source.clone();
    (out, items)
}

fn anchor(key: &str) -> &str {
    key.split('.').next().unwrap_or(key)
}

fn set(out: &mut Draft, key: &str, new: &Draft) {
    match key {
        "title" => out.title.clone_from(&new.title),
        "level" => out.level.clone_from(&new.level),
        "audience" => out.audience.clone_from(&new.audience),
        "agency" => out.agency.clone_from(&new.agency),
        "result" => out.result.clone_from(&new.result),
        "deadline" => {
            out.deadline.key.clone_from(&new.deadline.key);
            out.deadline.value.clone_from(&new.deadline.value);
        }
        "deadline.note" => out.deadline.note.clone_from(&new.deadline.note),
        "channels" => out.channels.clone_from(&new.channels),
        "steps" => out.steps.clone_from(&new.steps),
        "conditions" => out.conditions.clone_from(&new.conditions),
        "body" => out.body.clone_from(&new.body),
        _ => {}
    }
}

/// Items merged by identity (a fee's name and channel, a document's name
/// and case, a legal text's number), in the record's order, with the
/// clerk's own items kept where they stood.
#[allow(clippy::too_many_arguments)]
fn list<T: Clone + PartialEq>(
    cur: &[T],
    new: &[T],
    base: &Base,
    prefix: &str,
    id: fn(&T) -> String,
    val: fn(&T) -> String,
    name: fn(&T) -> String,
    items: &mut Vec<Item>,
) -> Vec<T> {
    let key = |x: &T| format!("{prefix}.{}", id(x));
    let mut out: Vec<T> = Vec::new();
    for n in new {
        let b = base.get(&key(n));
        match cur.iter().find(|c| id(c) == id(n)) {
            Some(c) if b == Some(&hash(&val(c))) => out.push(n.clone()),
            Some(c) => {
                if b != Some(&hash(&val(n))) && val(c) != val(n) {
                    let what = name(n);
                    items.push(Item::new("conflict", prefix.to_string(), t!(
                        "bạn đã sửa \"{what}\" và bản ghi mới cũng đổi mục này: giữ bản của bạn; xem lại với bản ghi",
                        "you edited \"{what}\" and the new record changed it too: yours is kept; compare with the record"
                    )));
                }
                out.push(c.clone());
            }
            None if b.is_some() => {
                if b != Some(&hash(&val(n))) {
                    let what = name(n);
                    items.push(Item::new("conflict", prefix.to_string(), t!(
                        "bạn đã xóa \"{what}\" nhưng bản ghi mới sửa mục này; không thêm lại, xem lại với bản ghi",
                        "you deleted \"{what}\" but the new record changed it; not added back, compare with the record"
                    )));
                }
            }
            None => out.push(n.clone()),
        }
    }
    for (i, c) in cur.iter().enumerate() {
        if new.iter().any(|n| id(n) == id(c)) {
            continue;
        }
        match base.get(&key(c)) {
            // Dropped by the record and not edited: dropped here too.
            Some(b) if *b == hash(&val(c)) => {}
            Some(_) => {
                let what = name(c);
                items.push(Item::new("conflict", prefix.to_string(), t!(
                    "bản ghi mới bỏ \"{what}\", mục bạn đã sửa: vẫn giữ, xem có nên xóa",
                    "the new record drops \"{what}\", which you edited: kept, see whether to delete it"
                )));
                out.insert(i.min(out.len()), c.clone());
            }
            None => out.insert(i.min(out.len()), c.clone()),
        }
    }
    out
}
