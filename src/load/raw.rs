//! The front matter exactly as written, before validation. Every struct denies
//! unknown keys (a typo like `fess:` must not pass), and every leaf is kept as
//! the raw text with its position, so that the model stage can check each value
//! with a message and a hint of its own, and report all of them at once.

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

/// A scalar kept as text: numbers, dates and booleans are parsed by the model.
pub type Scalar = Slot<String>;
/// A list whose items keep their positions.
pub type List<T> = Slot<Vec<Spanned<T>>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    #[serde(default)]
    pub title: Scalar,
    #[serde(default)]
    pub base_url: Scalar,
    #[serde(default)]
    pub language: Scalar,
    #[serde(default)]
    pub theme: Scalar,
    #[serde(default)]
    pub office: Slot<RawOffice>,
    #[serde(default)]
    pub online_portal: Scalar,
    #[serde(default)]
    pub holidays: List<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOffice {
    #[serde(default)]
    pub name: Scalar,
    #[serde(default)]
    pub unit: Scalar,
    #[serde(default)]
    pub address: Scalar,
    #[serde(default)]
    pub phone: Scalar,
    #[serde(default)]
    pub email: Scalar,
    #[serde(default)]
    pub hours: List<RawHours>,
    #[serde(default)]
    pub staff: List<RawStaff>,
    #[serde(default)]
    pub feedback: Slot<RawFeedback>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHours {
    #[serde(default)]
    pub days: Scalar,
    #[serde(default)]
    pub time: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStaff {
    #[serde(default)]
    pub name: Scalar,
    #[serde(default)]
    pub title: Scalar,
    #[serde(default)]
    pub phone: Scalar,
    #[serde(default)]
    pub fields: List<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFeedback {
    #[serde(default)]
    pub address: Scalar,
    #[serde(default)]
    pub phone: Scalar,
    #[serde(default)]
    pub email: Scalar,
    #[serde(default)]
    pub hotline: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFieldIndex {
    #[serde(default)]
    pub name: Scalar,
    #[serde(default)]
    pub order: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProcedure {
    #[serde(default)]
    pub code: Scalar,
    #[serde(default)]
    pub title: Scalar,
    #[serde(default)]
    pub aliases: List<String>,
    #[serde(default)]
    pub level: Scalar,
    #[serde(default)]
    pub audience: Scalar,
    #[serde(default)]
    pub agency: Scalar,
    #[serde(default)]
    pub result: Scalar,
    #[serde(default)]
    pub deadline: Slot<RawDeadline>,
    #[serde(default)]
    pub fees: List<RawFee>,
    #[serde(default)]
    pub documents: List<RawDocument>,
    #[serde(default)]
    pub channels: Slot<RawChannels>,
    #[serde(default)]
    pub steps: List<String>,
    #[serde(default)]
    pub conditions: List<String>,
    #[serde(default)]
    pub legal_basis: List<RawLegalText>,
    #[serde(default)]
    pub updated: Scalar,
    #[serde(default)]
    pub announced_by: Slot<RawAnnouncement>,
    #[serde(default)]
    pub effective: Scalar,
    #[serde(default)]
    pub repealed: Scalar,
    #[serde(default)]
    pub non_territorial: Scalar,
    #[serde(default)]
    pub submit_at: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeadline {
    #[serde(default)]
    pub working_days: Scalar,
    #[serde(default)]
    pub calendar_days: Scalar,
    #[serde(default)]
    pub hours: Scalar,
    #[serde(default)]
    pub note: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFee {
    #[serde(default)]
    pub name: Scalar,
    #[serde(default)]
    pub amount: Scalar,
    #[serde(default)]
    pub note: Scalar,
    #[serde(default)]
    pub per: Scalar,
    #[serde(default)]
    pub channel: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    #[serde(default)]
    pub name: Scalar,
    #[serde(default)]
    pub originals: Scalar,
    #[serde(default)]
    pub copies: Scalar,
    #[serde(default)]
    pub form: Scalar,
    #[serde(default)]
    pub sample: Scalar,
    #[serde(default)]
    pub note: Scalar,
    #[serde(default)]
    pub present: Scalar,
    #[serde(default)]
    pub optional: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChannels {
    #[serde(default)]
    pub in_person: Scalar,
    #[serde(default)]
    pub postal: Scalar,
    #[serde(default)]
    pub online: Slot<RawOnline>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOnline {
    #[serde(default)]
    pub url: Scalar,
    #[serde(default)]
    pub level: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLegalText {
    #[serde(default)]
    pub number: Scalar,
    #[serde(default)]
    pub title: Scalar,
    #[serde(default)]
    pub date: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnnouncement {
    #[serde(default)]
    pub number: Scalar,
    #[serde(default)]
    pub date: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNotice {
    #[serde(default)]
    pub title: Scalar,
    #[serde(default)]
    pub date: Scalar,
    #[serde(default)]
    pub expires: Scalar,
}
