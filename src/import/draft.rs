//! A procedure file as plain values ([`Draft`]): what import makes from a
//! record, what `--update` reads back from a file on disk, and the one
//! writer that turns it into front matter. Values are kept as the text the
//! file holds, so that a draft written and read back is the same draft and
//! its fingerprints ([`Draft::fingerprints`]) compare what a clerk sees.

use crate::load::raw::{RawProcedure, Scalar, Slot};
use crate::scaffold::yaml_scalar;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub code: Option<String>,
    pub title: String,
    pub aliases: Vec<String>,
    pub level: Option<String>,
    pub audience: Option<String>,
    pub agency: Option<String>,
    pub result: String,
    pub deadline: DraftDeadline,
    pub fees: Vec<DraftFee>,
    pub documents: Vec<DraftDoc>,
    pub channels: DraftChannels,
    pub steps: Vec<String>,
    pub conditions: Vec<String>,
    pub legal_basis: Vec<DraftLegal>,
    pub updated: String,
    /// Keys import never writes, kept as text (`announced_by`, `effective`,
    /// `repealed`, `non_territorial`, `submit_at`) in file order.
    pub announced_by: Option<(String, Option<String>)>,
    pub effective: Option<String>,
    pub repealed: Option<String>,
    pub non_territorial: Option<String>,
    pub submit_at: Option<String>,
    pub source: Option<DraftSource>,
    /// The Markdown body, as written.
    pub body: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftDeadline {
    /// `working_days`, `calendar_days`, `hours` or `text`, and its value.
    pub key: String,
    pub value: String,
    /// The legal number a province's table cut ("Theo quy định").
    pub reduced_from: Option<String>,
    /// `"15:00"`: read from the record's words ("sau 15 giờ").
    pub cutoff: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftFee {
    pub name: String,
    pub amount: Option<String>,
    pub per: Option<String>,
    pub channel: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftDoc {
    pub name: String,
    pub originals: Option<String>,
    pub copies: Option<String>,
    pub present: bool,
    pub optional: bool,
    pub case: Option<String>,
    pub form: Option<String>,
    pub sample: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftChannels {
    pub in_person: bool,
    pub postal: bool,
    /// `(url, level)`.
    pub online: Option<(String, Option<String>)>,
}

impl Default for DraftChannels {
    fn default() -> Self {
        DraftChannels {
            in_person: true,
            postal: false,
            online: None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftLegal {
    pub number: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftSource {
    /// `csdl-tthc` or `bang`.
    pub from: String,
    pub code: Option<String>,
    pub snapshot: Option<String>,
    pub file: Option<String>,
    pub imported: Option<String>,
    pub fingerprint: Option<String>,
}

/// The front matter and body of a draft, with the line (1-based) of each
/// key a review item may point at: `deadline`, `fees.0`, `documents.3`…
pub struct Written {
    pub text: String,
    pub lines: BTreeMap<String, usize>,
}

struct Out {
    text: String,
    line: usize,
    lines: BTreeMap<String, usize>,
}

impl Out {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
        self.line += 1;
    }

    fn mark(&mut self, key: impl Into<String>) {
        self.lines.entry(key.into()).or_insert(self.line + 1);
    }

    fn kv(&mut self, indent: &str, key: &str, value: &str) {
        self.push(&format!("{indent}{key}: {}", yaml_scalar(value)));
    }

    fn opt(&mut self, indent: &str, key: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.kv(indent, key, v);
        }
    }

    fn texts(&mut self, key: &str, items: &[String], empty_ok: bool) {
        self.mark(key);
        if items.is_empty() {
            if empty_ok {
                self.push(&format!("{key}: []"));
            }
            return;
        }
        self.push(&format!("{key}:"));
        for i in items {
            self.push(&format!("  - {}", yaml_scalar(i)));
        }
    }
}

impl Draft {
    /// The file's text: front matter in the format's key order, then the
    /// body. Values that YAML would misread are double-quoted.
    pub fn write(&self) -> Written {
        let mut o = Out {
            text: String::new(),
            line: 0,
            lines: BTreeMap::new(),
        };
        o.push("---");
        if let Some(c) = &self.code {
            o.mark("code");
            o.push(&format!(
                "code: \"{}\"",
                c.replace('\\', "\\\\").replace('"', "\\\"")
            ));
        }
        o.mark("title");
        o.kv("", "title", &self.title);
        o.texts("aliases", &self.aliases, false);
        o.opt("", "level", &self.level);
        o.mark("audience");
        o.opt("", "audience", &self.audience);
        o.mark("agency");
        o.opt("", "agency", &self.agency);
        o.mark("result");
        o.kv("", "result", &self.result);
        o.mark("deadline");
        o.push("deadline:");
        // A count is written bare (`working_days: 3`), as a clerk would.
        if self.deadline.key != "text" && self.deadline.value.bytes().all(|b| b.is_ascii_digit()) {
            o.push(&format!("  {}: {}", self.deadline.key, self.deadline.value));
        } else {
            o.kv("  ", &self.deadline.key, &self.deadline.value);
        }
        if let Some(r) = &self.deadline.reduced_from {
            o.push(&format!("  reduced_from: {r}"));
        }
        if let Some(c) = &self.deadline.cutoff {
            o.push(&format!("  cutoff: \"{c}\""));
        }
        o.opt("  ", "note", &self.deadline.note);
        self.write_fees(&mut o);
        self.write_documents(&mut o);
        self.write_channels(&mut o);
        o.texts("steps", &self.steps, true);
        o.texts("conditions", &self.conditions, false);
        self.write_legal(&mut o);
        o.mark("updated");
        o.push(&format!("updated: {}", self.updated));
        if let Some((number, date)) = &self.announced_by {
            o.push("announced_by:");
            o.kv("  ", "number", number);
            if let Some(d) = date {
                o.push(&format!("  date: {d}"));
            }
        }
        for (key, v) in [
            ("effective", &self.effective),
            ("repealed", &self.repealed),
            ("non_territorial", &self.non_territorial),
        ] {
            if let Some(v) = v {
                o.push(&format!("{key}: {v}"));
            }
        }
        o.opt("", "submit_at", &self.submit_at);
        if let Some(s) = &self.source {
            write_source(&mut o, s);
        }
        o.push("---");
        o.mark("body");
        o.text.push_str(&self.body);
        Written {
            text: o.text,
            lines: o.lines,
        }
    }

    fn write_fees(&self, o: &mut Out) {
        o.mark("fees");
        if self.fees.is_empty() {
            o.push("fees: []");
            return;
        }
        o.push("fees:");
        for (i, f) in self.fees.iter().enumerate() {
            o.mark(format!("fees.{i}"));
            o.kv("  - ", "name", &f.name);
            if let Some(a) = &f.amount {
                o.push(&format!("    amount: {a}"));
            }
            o.opt("    ", "per", &f.per);
            if let Some(c) = &f.channel {
                o.push(&format!("    channel: {c}"));
            }
            o.opt("    ", "note", &f.note);
        }
    }

    fn write_documents(&self, o: &mut Out) {
        o.mark("documents");
        if self.documents.is_empty() {
            o.push("documents: []");
            return;
        }
        o.push("documents:");
        for (i, d) in self.documents.iter().enumerate() {
            o.mark(format!("documents.{i}"));
            o.kv("  - ", "name", &d.name);
            o.opt("    ", "case", &d.case);
            for (k, v) in [("originals", &d.originals), ("copies", &d.copies)] {
                if let Some(v) = v {
                    o.push(&format!("    {k}: {v}"));
                }
            }
            if d.present {
                o.push("    present: true");
            }
            if d.optional {
                o.push("    optional: true");
            }
            o.opt("    ", "form", &d.form);
            o.opt("    ", "sample", &d.sample);
            o.opt("    ", "note", &d.note);
        }
    }

    fn write_channels(&self, o: &mut Out) {
        let c = &self.channels;
        if *c == DraftChannels::default() {
            return;
        }
        o.mark("channels");
        o.push("channels:");
        o.push(&format!("  in_person: {}", c.in_person));
        o.push(&format!("  postal: {}", c.postal));
        if let Some((url, level)) = &c.online {
            o.push("  online:");
            o.kv("    ", "url", url);
            o.opt("    ", "level", level);
        }
    }

    fn write_legal(&self, o: &mut Out) {
        o.mark("legal_basis");
        if self.legal_basis.is_empty() {
            o.push("legal_basis: []");
            return;
        }
        o.push("legal_basis:");
        for l in &self.legal_basis {
            o.kv("  - ", "number", &l.number);
            o.opt("    ", "title", &l.title);
            if let Some(d) = &l.date {
                o.push(&format!("    date: {d}"));
            }
        }
    }
}

fn write_source(o: &mut Out, s: &DraftSource) {
    o.push("# Nguồn: ghi tự động bởi niemyet import; không cần sửa.");
    o.mark("source");
    o.push("source:");
    o.push(&format!("  from: {}", s.from));
    if let Some(c) = &s.code {
        o.push(&format!("  code: \"{c}\""));
    }
    for (k, v) in [("snapshot", &s.snapshot)] {
        if let Some(v) = v {
            o.push(&format!("  {k}: {v}"));
        }
    }
    o.opt("  ", "file", &s.file);
    if let Some(v) = &s.imported {
        o.push(&format!("  imported: {v}"));
    }
    if let Some(f) = &s.fingerprint {
        o.push(&format!("  fingerprint: \"{f}\""));
    }
}

fn text(s: &Scalar) -> Option<String> {
    s.value()
        .map(|v| v.value.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn texts(s: &Slot<Vec<crate::load::raw::Spanned<String>>>) -> Vec<String> {
    s.value()
        .map(|v| v.value.iter().map(|i| i.value.trim().to_string()).collect())
        .unwrap_or_default()
}

fn flag(s: &Scalar) -> bool {
    text(s).is_some_and(|v| matches!(v.to_lowercase().as_str(), "true" | "yes" | "có" | "co"))
}

impl Draft {
    /// A file on disk read back (its front matter parsed by `load`).
    pub fn from_raw(raw: &RawProcedure, body: &str) -> Draft {
        let deadline = raw.deadline.value().map(|d| {
            let d = &d.value;
            let (key, value) = [
                ("working_days", &d.working_days),
                ("calendar_days", &d.calendar_days),
                ("hours", &d.hours),
                ("text", &d.text),
            ]
            .into_iter()
            .find_map(|(k, s)| text(s).map(|v| (k.to_string(), v)))
            .unwrap_or_default();
            DraftDeadline {
                key,
                value,
                reduced_from: text(&d.reduced_from),
                cutoff: text(&d.cutoff),
                note: text(&d.note),
            }
        });
        Draft {
            code: text(&raw.code),
            title: text(&raw.title).unwrap_or_default(),
            aliases: texts(&raw.aliases),
            level: text(&raw.level),
            audience: text(&raw.audience),
            agency: text(&raw.agency),
            result: text(&raw.result).unwrap_or_default(),
            deadline: deadline.unwrap_or_default(),
            fees: fees_from_raw(raw),
            documents: documents_from_raw(raw),
            channels: channels_from_raw(raw),
            steps: texts(&raw.steps),
            conditions: texts(&raw.conditions),
            legal_basis: legal_from_raw(raw),
            updated: text(&raw.updated).unwrap_or_default(),
            announced_by: raw.announced_by.value().map(|a| {
                (
                    text(&a.value.number).unwrap_or_default(),
                    text(&a.value.date),
                )
            }),
            effective: text(&raw.effective),
            repealed: text(&raw.repealed),
            non_territorial: text(&raw.non_territorial),
            submit_at: text(&raw.submit_at),
            source: source_from_raw(raw),
            body: body.to_string(),
        }
    }
}

fn fees_from_raw(raw: &RawProcedure) -> Vec<DraftFee> {
    let Some(v) = raw.fees.value() else {
        return Vec::new();
    };
    v.value
        .iter()
        .map(|f| DraftFee {
            name: text(&f.value.name).unwrap_or_default(),
            amount: text(&f.value.amount),
            per: text(&f.value.per),
            channel: text(&f.value.channel),
            note: text(&f.value.note),
        })
        .collect()
}

fn documents_from_raw(raw: &RawProcedure) -> Vec<DraftDoc> {
    let Some(v) = raw.documents.value() else {
        return Vec::new();
    };
    v.value
        .iter()
        .map(|d| {
            let d = &d.value;
            DraftDoc {
                name: text(&d.name).unwrap_or_default(),
                originals: text(&d.originals),
                copies: text(&d.copies),
                present: flag(&d.present),
                optional: flag(&d.optional),
                case: text(&d.case),
                form: text(&d.form),
                sample: text(&d.sample),
                note: text(&d.note),
            }
        })
        .collect()
}

fn legal_from_raw(raw: &RawProcedure) -> Vec<DraftLegal> {
    let Some(v) = raw.legal_basis.value() else {
        return Vec::new();
    };
    v.value
        .iter()
        .map(|l| DraftLegal {
            number: text(&l.value.number).unwrap_or_default(),
            title: text(&l.value.title),
            date: text(&l.value.date),
        })
        .collect()
}

fn source_from_raw(raw: &RawProcedure) -> Option<DraftSource> {
    raw.source.value().map(|s| {
        let s = &s.value;
        DraftSource {
            from: text(&s.from).unwrap_or_default(),
            code: text(&s.code),
            snapshot: text(&s.snapshot),
            file: text(&s.file),
            imported: text(&s.imported),
            fingerprint: text(&s.fingerprint),
        }
    })
}

fn channels_from_raw(raw: &RawProcedure) -> DraftChannels {
    let Some(c) = raw.channels.value() else {
        return DraftChannels::default();
    };
    let c = &c.value;
    DraftChannels {
        in_person: text(&c.in_person).is_none_or(|_| flag(&c.in_person)),
        postal: flag(&c.postal),
        online: c
            .online
            .value()
            .map(|o| (text(&o.value.url).unwrap_or_default(), text(&o.value.level))),
    }
}
