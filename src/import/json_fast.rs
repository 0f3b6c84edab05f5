//! The quick reading of national records: straight into typed structs
//! borrowing the file's text (serde derive), unknown keys skipped unread,
//! JSON Lines parsed line by line in parallel. Building a `serde_json::Value`
//! of every record first, as [`super::json_record`] does, cost a third of an
//! import of 5,000 real records.
//!
//! This path gives a result only when it is sure to be the walk's: any
//! value of another type, a key given twice, a record without code or name,
//! a shape it does not know, and it gives `None`. [`super::json`] then
//! reads the file again with the walk, which names what is wrong by its
//! path in the record. The result is the same either way (a test reads every
//! fixture both ways).

use super::origin::{clean_text, origin};
use super::record::*;
use rayon::prelude::*;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::path::Path;

/// A string of the record, borrowed from the file when it has no escapes.
#[derive(Deserialize)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

type T<'a> = Option<Text<'a>>;
type List<X> = Option<Vec<Option<X>>>;

/// Absent is `None`; given (even `null`) is `Some`: the envelope is told
/// from a record by which keys it has.
fn given<'de, D: Deserializer<'de>, X: Deserialize<'de>>(d: D) -> Result<Option<X>, D::Error> {
    X::deserialize(d).map(Some)
}

#[derive(Deserialize)]
struct Named<'a> {
    #[serde(borrow)]
    name: T<'a>,
    #[serde(borrow)]
    code: T<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fee<'a> {
    #[serde(borrow, rename = "type")]
    kind: T<'a>,
    value: Option<u64>,
    #[serde(borrow)]
    currency_name: T<'a>,
    #[serde(borrow)]
    description: T<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Method<'a> {
    #[serde(borrow)]
    submission_method: T<'a>,
    processing_time: Option<u64>,
    #[serde(borrow)]
    processing_time_unit: T<'a>,
    #[serde(borrow)]
    description: T<'a>,
    #[serde(borrow)]
    fees: List<Fee<'a>>,
}

#[derive(Deserialize)]
struct Day<'a> {
    qty: Option<u64>,
    #[serde(borrow, rename = "type")]
    kind: T<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case<'a> {
    #[serde(borrow)]
    code: T<'a>,
    #[serde(borrow)]
    name: T<'a>,
    #[serde(borrow)]
    processing_day: Option<Day<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Attachment<'a> {
    #[serde(borrow)]
    file_name: T<'a>,
    #[serde(borrow)]
    file_path: T<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Component<'a> {
    #[serde(borrow)]
    name: T<'a>,
    original_qty: Option<u64>,
    copy_qty: Option<u64>,
    required: Option<bool>,
    is_processing_result: Option<bool>,
    #[serde(borrow)]
    attachments: List<Attachment<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Group<'a> {
    #[serde(borrow)]
    name: T<'a>,
    #[serde(borrow)]
    profile_components: List<Component<'a>>,
}

#[derive(Deserialize)]
struct Step<'a> {
    #[serde(borrow)]
    name: T<'a>,
    #[serde(borrow)]
    description: T<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Proposal<'a> {
    #[serde(borrow)]
    proposal_number: T<'a>,
    decision_date: Option<i64>,
}

/// A record, or an envelope or wrapper around records: every key any of
/// them has that the catalogue reads.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Wire<'a> {
    #[serde(borrow)]
    code: T<'a>,
    #[serde(borrow, default, deserialize_with = "given")]
    name: Option<T<'a>>,
    #[serde(borrow, default, deserialize_with = "given")]
    message: Option<T<'a>>,
    #[serde(borrow, default, deserialize_with = "given")]
    data: Option<Data<'a>>,
    #[serde(borrow)]
    detail: Option<Box<Wire<'a>>>,
    #[serde(borrow)]
    code_notation: T<'a>,
    #[serde(borrow)]
    categories_details: List<Named<'a>>,
    #[serde(borrow)]
    category: Option<Named<'a>>,
    is_ward: Option<bool>,
    is_province: Option<bool>,
    is_ministry: Option<bool>,
    is_other_agency: Option<bool>,
    is_vertical: Option<bool>,
    #[serde(borrow)]
    execution_methods: List<Method<'a>>,
    #[serde(borrow)]
    cases: List<Case<'a>>,
    #[serde(borrow)]
    execution_cases: List<Group<'a>>,
    #[serde(borrow)]
    execution_steps: List<Step<'a>>,
    #[serde(borrow)]
    requirements_and_conditions: T<'a>,
    #[serde(borrow)]
    legal_basises_details: List<Named<'a>>,
    #[serde(borrow)]
    results_details: List<Named<'a>>,
    #[serde(borrow)]
    subject_types_details: List<Named<'a>>,
    #[serde(borrow)]
    departments_executing: List<Named<'a>>,
    #[serde(borrow)]
    unit_groups_executing: List<Named<'a>>,
    #[serde(borrow)]
    executing_agencies: T<'a>,
    #[serde(borrow)]
    dossier_receiving_addresses: T<'a>,
    is_non_territorial: Option<bool>,
    is_full_process: Option<bool>,
    updated_at: Option<i64>,
    created_at: Option<i64>,
    #[serde(borrow)]
    procedure_proposal: Option<Proposal<'a>>,
    #[serde(borrow)]
    state: T<'a>,
    #[serde(borrow, rename = "type")]
    kind: T<'a>,
}

/// An envelope's `data`: one record, a list, or anything else (`null`
/// when the portal answered with an error).
enum Data<'a> {
    One(Box<Wire<'a>>),
    Many(Vec<Wire<'a>>),
    Other,
}

/// A top-level value: an object or an array of objects.
enum Top<'a> {
    One(Box<Wire<'a>>),
    Many(Vec<Wire<'a>>),
}

struct ObjectOrList<F>(std::marker::PhantomData<F>);

macro_rules! object_or_list {
    ($ty:ident, $other:expr) => {
        impl<'de: 'a, 'a> Visitor<'de> for ObjectOrList<$ty<'a>> {
            type Value = $ty<'a>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object or a list")
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
                let de = serde::de::value::MapAccessDeserializer::new(map);
                Wire::deserialize(de).map(|w| $ty::One(Box::new(w)))
            }

            fn visit_seq<S: SeqAccess<'de>>(self, seq: S) -> Result<Self::Value, S::Error> {
                let de = serde::de::value::SeqAccessDeserializer::new(seq);
                Vec::<Wire>::deserialize(de).map($ty::Many)
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                $other
            }
        }

        impl<'de: 'a, 'a> Deserialize<'de> for $ty<'a> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(ObjectOrList::<$ty<'a>>(std::marker::PhantomData))
            }
        }
    };
}

object_or_list!(Data, Ok(Data::Other));
object_or_list!(Top, Err(E::custom("null")));

/// Every record of a JSON file, when the quick path is sure of them.
pub fn read(bytes: &[u8], file: &Path) -> Option<Vec<Record>> {
    let values = values(bytes)?;
    let single = values.len() == 1;
    let mut found: Vec<(Wire, Option<usize>)> = Vec::new();
    for (top, line) in values {
        let line = (!single).then_some(line);
        let wires = match top {
            Top::One(w) => unwrap_one(*w)?,
            Top::Many(items) => {
                let mut out = Vec::new();
                for w in items {
                    out.extend(unwrap_one(w)?);
                }
                out
            }
        };
        found.extend(wires.into_iter().map(|w| (w, line)));
    }
    let count = found.len();
    if count == 0 {
        return None;
    }
    found
        .into_par_iter()
        .enumerate()
        .map(|(i, (w, line))| record(w, origin(file, i, count, line)))
        .collect()
}

/// The top-level values with their line: JSON Lines parsed line by line
/// in parallel; anything else (a pretty-printed record, an array) as one
/// stream.
fn values(bytes: &[u8]) -> Option<Vec<(Top<'_>, usize)>> {
    let lines: Vec<(usize, &[u8])> = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| line.iter().any(|b| !b.is_ascii_whitespace()))
        .map(|(n, line)| (n + 1, line))
        .collect();
    let one_per_line = lines.len() > 1 && serde_json::from_slice::<Top>(lines[0].1).is_ok();
    if one_per_line {
        return lines
            .into_par_iter()
            .map(|(n, line)| serde_json::from_slice::<Top>(line).ok().map(|t| (t, n)))
            .collect();
    }
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<Top>();
    let mut out = Vec::new();
    let (mut counted, mut line) = (0usize, 1usize);
    loop {
        let start = stream.byte_offset();
        let Some(next) = stream.next() else { break };
        let top = next.ok()?;
        let upto = start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
        line += bytes[counted..upto].iter().filter(|&&b| b == b'\n').count();
        counted = upto;
        out.push((top, line));
    }
    Some(out)
}

/// The records inside one object, as [`super::json`]'s `unwrap_one`: an
/// envelope's `data`, a wrapper's `detail` (taking the wrapper's code and
/// name when it has none), or the object itself.
fn unwrap_one(mut w: Wire) -> Option<Vec<Wire>> {
    let envelope =
        w.data.is_some() && (w.message.is_some() || w.code.is_some()) && w.name.is_none();
    if envelope {
        return match w.data? {
            Data::One(r) => Some(vec![*r]),
            Data::Many(rs) => Some(rs),
            Data::Other => None,
        };
    }
    if let Some(mut detail) = w.detail.take() {
        if detail.code.as_ref().is_none_or(|c| c.0.is_empty()) {
            detail.code = w.code.take();
        }
        let named = detail.name.as_ref().and_then(Option::as_ref);
        if named.is_none_or(|n| n.0.is_empty()) {
            detail.name = w.name.take();
        }
        return Some(vec![*detail]);
    }
    Some(vec![w])
}

fn text(t: &T) -> String {
    t.as_ref().map(|t| clean_text(&t.0)).unwrap_or_default()
}

/// The items of a list, `null` items left out.
fn items<X>(l: List<X>) -> impl Iterator<Item = X> {
    l.into_iter().flatten().flatten()
}

fn named(l: List<Named>) -> Vec<super::record::Named> {
    items(l)
        .map(|n| super::record::Named {
            name: text(&n.name),
            code: text(&n.code),
        })
        .filter(|n| !n.name.trim().is_empty() || !n.code.trim().is_empty())
        .collect()
}

fn names(l: List<Named>) -> Vec<String> {
    named(l)
        .into_iter()
        .map(|n| n.name)
        .filter(|n| !n.trim().is_empty())
        .collect()
}

/// One record, as [`super::json_record::record`] makes it; `None` where
/// that walk would report a problem.
fn record(w: Wire, origin: Origin) -> Option<Record> {
    let mut code = text(&w.code).trim().to_string();
    if code.is_empty() {
        code = text(&w.code_notation).trim().to_string();
    }
    let name = w.name.as_ref().map(text).unwrap_or_default();
    if code.is_empty() || name.trim().is_empty() {
        return None;
    }
    let mut categories = names(w.categories_details);
    if categories.is_empty() {
        if let Some(c) = &w.category {
            categories.extend(Some(text(&c.name)).filter(|n| !n.trim().is_empty()));
        }
    }
    let methods = items(w.execution_methods)
        .map(method)
        .collect::<Option<Vec<_>>>()?;
    let case_deadlines = items(w.cases)
        .filter_map(|c| {
            let day = c.processing_day?;
            Some(CaseDeadline {
                code: text(&c.code),
                name: text(&c.name),
                qty: day.qty.unwrap_or(0),
                unit: TimeUnit::from_code(&text(&day.kind)),
            })
        })
        .collect();
    let groups = items(w.execution_cases)
        .map(group)
        .collect::<Option<Vec<_>>>()?;
    let updated_at = w.updated_at.or(w.created_at);
    let proposal = match w.procedure_proposal {
        None => None,
        Some(p) => {
            let number = text(&p.proposal_number);
            (!number.trim().is_empty()).then_some(super::record::Proposal {
                number,
                decision_date: p.decision_date,
            })
        }
    };
    let flag = |b: Option<bool>| b.unwrap_or(false);
    Some(Record {
        origin,
        code,
        name,
        categories,
        levels: Levels {
            ward: flag(w.is_ward),
            province: flag(w.is_province),
            ministry: flag(w.is_ministry),
            other_agency: flag(w.is_other_agency),
            vertical: flag(w.is_vertical),
        },
        methods,
        case_deadlines,
        groups,
        steps: items(w.execution_steps)
            .map(|s| super::record::Step {
                name: text(&s.name),
                description: text(&s.description),
            })
            .collect(),
        requirements: text(&w.requirements_and_conditions),
        legal_basis: named(w.legal_basises_details),
        results: named(w.results_details),
        subjects: named(w.subject_types_details),
        departments: names(w.departments_executing),
        unit_groups: names(w.unit_groups_executing),
        executing_agencies: text(&w.executing_agencies),
        receiving_addresses: text(&w.dossier_receiving_addresses),
        non_territorial: flag(w.is_non_territorial),
        full_process: flag(w.is_full_process),
        updated_at,
        proposal,
        state: text(&w.state),
        kind: text(&w.kind),
        repealed: None,
    })
}

fn method(m: Method) -> Option<super::record::Method> {
    let channel = match text(&m.submission_method)
        .trim()
        .to_ascii_uppercase()
        .as_str()
    {
        "DIRECT" => Channel::Direct,
        "ONLINE" => Channel::Online,
        "POSTAL" => Channel::Postal,
        _ => return None,
    };
    let fees = items(m.fees)
        .map(|f| {
            let kind = match text(&f.kind).trim() {
                "FEE" => FeeKind::Fee,
                "SERVICE_FEE" => FeeKind::ServiceFee,
                "PRICE_LEVEL" => FeeKind::PriceLevel,
                other => FeeKind::Other(other.to_string()),
            };
            let currency = text(&f.currency_name);
            RecordFee {
                kind,
                value: f.value,
                currency: Some(currency).filter(|c| !c.trim().is_empty()),
                description: text(&f.description),
            }
        })
        .collect();
    Some(super::record::Method {
        channel,
        time: m.processing_time.unwrap_or(0),
        unit: TimeUnit::from_code(&text(&m.processing_time_unit)),
        description: text(&m.description),
        fees,
    })
}

fn group(g: Group) -> Option<DocGroup> {
    let components = items(g.profile_components)
        .map(|p| {
            Some(super::record::Component {
                name: text(&p.name),
                originals: u32::try_from(p.original_qty.unwrap_or(0)).ok()?,
                copies: u32::try_from(p.copy_qty.unwrap_or(0)).ok()?,
                required: p.required.unwrap_or(false),
                is_result: p.is_processing_result.unwrap_or(false),
                attachments: items(p.attachments)
                    .map(|a| RecordAttachment {
                        file_name: text(&a.file_name),
                        file_path: text(&a.file_path),
                    })
                    .filter(|a| !a.file_name.trim().is_empty())
                    .collect(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(DocGroup {
        heading: text(&g.name),
        items: components,
    })
}
