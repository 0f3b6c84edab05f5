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
    // A key a newer importer added is missing from an older fingerprint:
    // that importer wrote nothing there, so its value was empty.
    let empty = hash("");
    for ((key, c), (_, n)) in cs.iter().zip(ns.iter()) {
        let b = base.get(*key).or((!base.is_empty()).then_some(&empty));
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
    settle_reduction(&mut out, &mut items);
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
        "deadline.reduced_from" => out
            .deadline
            .reduced_from
            .clone_from(&new.deadline.reduced_from),
        "deadline.cutoff" => out.deadline.cutoff.clone_from(&new.deadline.cutoff),
        "deadline.note" => out.deadline.note.clone_from(&new.deadline.note),
        "channels" => out.channels.clone_from(&new.channels),
        "steps" => out.steps.clone_from(&new.steps),
        "conditions" => out.conditions.clone_from(&new.conditions),
        "body" => out.body.clone_from(&new.body),
        _ => {}
    }
}

/// A clerk's `reduced_from` kept beside the record's new deadline must
/// still be a larger number of the same deadline, or `check` refuses the
/// file: when the record's deadline changed to words or past it, the
/// reduction is left out and the review list says so.
fn settle_reduction(out: &mut Draft, items: &mut Vec<Item>) {
    let d = &out.deadline;
    let Some(from) = d.reduced_from.clone() else {
        return;
    };
    let larger = match (from.parse::<u32>(), d.value.parse::<u32>()) {
        (Ok(f), Ok(v)) => d.key != "text" && f > v,
        _ => false,
    };
    if larger {
        return;
    }
    let now = format!("{} {}", d.key, d.value);
    out.deadline.reduced_from = None;
    items.push(Item::new("conflict", "deadline", t!(
        "bản ghi mới đổi thời hạn thành {now}: reduced_from: {from} bạn ghi không còn đúng nên đã bỏ; xem lại thời hạn đã cắt giảm",
        "the new record changed the deadline to {now}: your reduced_from: {from} no longer fits and was left out; check the shortened deadline"
    )));
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
    let (cur_ids, new_ids) = (fp::indexed(cur, id), fp::indexed(new, id));
    let key = |i: &str| format!("{prefix}.{i}");
    let mut out: Vec<T> = Vec::new();
    for (n, nid) in new.iter().zip(&new_ids) {
        let b = base.get(&key(nid));
        let c = cur_ids.iter().position(|c| c == nid).map(|k| &cur[k]);
        match c {
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
    for (i, (c, cid)) in cur.iter().zip(&cur_ids).enumerate() {
        if new_ids.contains(cid) {
            continue;
        }
        match base.get(&key(cid)) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::draft::{DraftDoc, DraftSource};

    fn draft(docs: &[&str]) -> Draft {
        let mut d = Draft {
            title: "Thủ tục".into(),
            documents: docs
                .iter()
                .map(|n| DraftDoc {
                    name: n.to_string(),
                    ..DraftDoc::default()
                })
                .collect(),
            source: Some(DraftSource {
                from: "csdl-tthc".into(),
                ..DraftSource::default()
            }),
            ..Draft::default()
        };
        crate::import::run::seal(&mut d);
        d
    }

    #[test]
    fn the_same_record_again_changes_nothing_even_with_look_alike_items() {
        // Two items fold to one name: they must not swap places.
        let d = draft(&["Giấy đề nghị.", "Giấy đề nghị", "Tờ khai"]);
        let today = "2026-11-23".parse().expect("date");
        let (merged, items) = merge(&d, &d, today);
        assert_eq!(merged, d);
        assert!(items.is_empty(), "{items:?}");
    }

    #[test]
    fn keys_an_older_fingerprint_lacks_were_empty() {
        let mut base = draft(&["Tờ khai"]);
        base.deadline.key = "working_days".into();
        base.deadline.value = "3".into();
        crate::import::run::seal(&mut base);
        // As an importer without reduced_from and cutoff wrote it.
        let source = base.source.as_mut().expect("source");
        let old: Vec<&str> = source
            .fingerprint
            .as_deref()
            .unwrap_or("")
            .split(' ')
            .filter(|e| {
                !e.starts_with("deadline.reduced_from") && !e.starts_with("deadline.cutoff")
            })
            .collect();
        source.fingerprint = Some(old.join(" "));
        let mut edited = base.clone();
        edited.deadline.reduced_from = Some("5".into());
        edited.deadline.cutoff = Some("15:00".into());
        let today = "2026-11-23".parse().expect("date");
        let (merged, items) = merge(&edited, &base, today);
        assert_eq!(merged.deadline.reduced_from.as_deref(), Some("5"));
        assert_eq!(merged.deadline.cutoff.as_deref(), Some("15:00"));
        assert!(items.is_empty(), "{items:?}");
        // The record's deadline now in words: the clerk's reduction no longer fits.
        let mut new = base.clone();
        new.deadline.key = "text".into();
        new.deadline.value = "03 tháng".into();
        let (merged, items) = merge(&edited, &new, today);
        assert_eq!(merged.deadline.reduced_from, None);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].kind, "conflict");
    }

    #[test]
    fn an_edited_item_is_kept_and_a_new_one_added() {
        let base = draft(&["Tờ khai", "Giấy chứng sinh"]);
        let mut edited = base.clone();
        edited.documents[0].note = Some("Mẫu có tại quầy".into());
        let new = draft(&["Tờ khai", "Giấy chứng sinh", "Văn bản ủy quyền"]);
        let (merged, items) = merge(&edited, &new, "2026-11-23".parse().expect("date"));
        assert_eq!(merged.documents.len(), 3);
        assert_eq!(merged.documents[0].note.as_deref(), Some("Mẫu có tại quầy"));
        assert_eq!(merged.documents[2].name, "Văn bản ủy quyền");
        assert!(items.is_empty(), "{items:?}");
    }
}
