//! The front matter exactly as written, before validation. Every struct denies
//! unknown keys (a typo like `fess:` must not pass), and every leaf is kept as
//! the raw text with its position, so that the model stage can check each value
//! with a message and a hint of its own, and report all of them at once.
//! Every key may be left out at this stage (`Slot::Absent`); the model says
//! which keys are required.

use serde::{Deserialize, Deserializer};
pub use serde_saphyr::Spanned;

/// A key of a mapping: left out, present but empty (`title:`), or with a value.
#[derive(Debug, Clone, Default)]
pub enum Slot<T> {
    #[default]
    Absent,
    Empty(serde_saphyr::Location),
    Value(Spanned<T>),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Slot<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<Option<T>>::deserialize(d)?;
        Ok(match s.value {
            None => Slot::Empty(s.referenced),
            Some(value) => Slot::Value(Spanned::new(value, s.referenced, s.defined)),
        })
    }
}

impl<T> Slot<T> {
    pub fn value(&self) -> Option<&Spanned<T>> {
        match self {
            Slot::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Slot::Absent)
    }
}

/// Where a parsed value is in its file, as the clerk sees it (line, column
/// in characters, the value's width); `None` when the parser did not say.
pub fn locate(
    src: &crate::diag::Source,
    l: &serde_saphyr::Location,
) -> Option<crate::diag::Location> {
    if *l == serde_saphyr::Location::UNKNOWN || l.line() == 0 {
        return None;
    }
    let span = l.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(off), Some(len)) if src.line_of(off as usize) == l.line() as usize => {
            Some(src.locate(off as usize, len as usize))
        }
        _ => Some(src.locate_line_col(l.line() as usize, l.column() as usize, None)),
    }
}

/// A scalar kept as text: numbers, dates and booleans are parsed by the model.
pub type Scalar = Slot<String>;
/// A list whose items keep their positions.
pub type List<T> = Slot<Vec<Spanned<T>>>;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawSite {
    pub title: Scalar,
    pub base_url: Scalar,
    pub language: Scalar,
    pub theme: Scalar,
    pub office: Slot<RawOffice>,
    pub online_portal: Scalar,
    pub holidays: List<String>,
    pub workdays: List<String>,
    pub kiosk: Slot<RawKiosk>,
    pub synonyms: List<String>,
}

/// `kiosk:` is either a flag (`kiosk: false`) or a group of settings
/// (`kiosk: {idle_seconds: 90, print: true}`); the model checks both.
#[derive(Debug)]
pub enum RawKiosk {
    /// The value as written (`false`, `true`, or anything else, reported).
    Flag(String),
    Settings(RawKioskSettings),
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawKioskSettings {
    pub idle_seconds: Scalar,
    pub print: Scalar,
}

impl<'de> Deserialize<'de> for RawKiosk {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(KioskVisitor)
    }
}

/// A scalar becomes [`RawKiosk::Flag`] as text; a mapping goes to the
/// derived [`RawKioskSettings`], so an unknown key inside it gets the same
/// located "did you mean" as everywhere else.
struct KioskVisitor;

impl<'de> serde::de::Visitor<'de> for KioskVisitor {
    type Value = RawKiosk;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("false, or a mapping with idle_seconds and print")
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<RawKiosk, E> {
        Ok(RawKiosk::Flag(v.to_string()))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawKiosk, E> {
        Ok(RawKiosk::Flag(v.to_string()))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawKiosk, E> {
        Ok(RawKiosk::Flag(v.to_string()))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<RawKiosk, E> {
        Ok(RawKiosk::Flag(v.to_string()))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawKiosk, E> {
        Ok(RawKiosk::Flag(v.to_string()))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawKiosk, A::Error> {
        RawKioskSettings::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            .map(RawKiosk::Settings)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawOffice {
    pub name: Scalar,
    pub unit: Scalar,
    pub address: Scalar,
    pub phone: Scalar,
    pub email: Scalar,
    pub hours: List<RawHours>,
    pub staff: List<RawStaff>,
    pub feedback: Slot<RawFeedback>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawHours {
    pub days: Scalar,
    pub time: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawStaff {
    pub name: Scalar,
    pub title: Scalar,
    pub phone: Scalar,
    pub fields: List<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawFeedback {
    pub address: Scalar,
    pub phone: Scalar,
    pub email: Scalar,
    pub hotline: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawFieldIndex {
    pub name: Scalar,
    pub order: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawProcedure {
    pub code: Scalar,
    pub title: Scalar,
    pub aliases: List<String>,
    pub level: Scalar,
    pub audience: Scalar,
    pub agency: Scalar,
    pub result: Scalar,
    pub deadline: Slot<RawDeadline>,
    pub fees: List<RawFee>,
    pub documents: List<RawDocument>,
    pub channels: Slot<RawChannels>,
    pub steps: List<String>,
    pub conditions: List<String>,
    pub legal_basis: List<RawLegalText>,
    pub updated: Scalar,
    pub announced_by: Slot<RawAnnouncement>,
    pub effective: Scalar,
    pub repealed: Scalar,
    pub non_territorial: Scalar,
    pub submit_at: Scalar,
    /// Shown in the cultural-house pack's QR board (an editorial flag).
    pub featured: Scalar,
    pub source: Slot<RawSource>,
}

/// Where an imported procedure came from (`niemyet import` writes it).
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawSource {
    pub from: Scalar,
    pub code: Scalar,
    pub snapshot: Scalar,
    pub file: Scalar,
    pub imported: Scalar,
    pub fingerprint: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawDeadline {
    pub working_days: Scalar,
    pub calendar_days: Scalar,
    pub hours: Scalar,
    pub reduced_from: Scalar,
    /// The deadline in words, when no number and unit can be given.
    pub text: Scalar,
    pub note: Scalar,
    pub cutoff: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawFee {
    pub name: Scalar,
    pub amount: Scalar,
    pub note: Scalar,
    pub per: Scalar,
    pub channel: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawDocument {
    pub name: Scalar,
    pub originals: Scalar,
    pub copies: Scalar,
    pub form: Scalar,
    pub sample: Scalar,
    pub note: Scalar,
    pub present: Scalar,
    pub optional: Scalar,
    /// The case this document belongs to (a heading on the page).
    pub case: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawChannels {
    pub in_person: Scalar,
    pub postal: Scalar,
    pub online: Slot<RawOnline>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawOnline {
    pub url: Scalar,
    pub level: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawLegalText {
    pub number: Scalar,
    pub title: Scalar,
    pub date: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawAnnouncement {
    pub number: Scalar,
    pub date: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawNotice {
    pub title: Scalar,
    pub date: Scalar,
    pub expires: Scalar,
}
