//! The two languages a clerk or citizen can read: Vietnamese first, English second.

/// The UI and message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Parses `vi` / `en` (case-insensitive, surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// A text a person reads, in both languages, chosen when it is printed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Builds a [`Text`] from two `format!` templates: `t!("vi {x}", "en {x}")`;
/// extra arguments are shared by both templates.
#[macro_export]
macro_rules! t {
    ($vi:expr, $en:expr $(,)?) => {
        $crate::lang::Text::new(format!($vi), format!($en))
    };
    ($vi:expr, $en:expr, $($arg:tt)+) => {
        $crate::lang::Text::new(format!($vi, $($arg)+), format!($en, $($arg)+))
    };
}
