//! Where each imported procedure goes, decided before anything is written:
//! its field (existing one matched by folded name, or a new one with an
//! `_index.md`), its file name (the folded title, shortened at a word
//! boundary; the code added on a collision), and whether it is skipped
//! (a procedure with the same code is already in the site).

use crate::load::{self, Loaded};
use crate::text::slugify;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

/// Longest file name (without `.md`) import makes.
const MAX_SLUG: usize = 60;

/// A field of the site, or one import will create.
#[derive(Debug, Clone)]
pub struct FieldInfo {
    pub slug: String,
    pub name: String,
    pub exists: bool,
}

/// A procedure already in the site.
#[derive(Debug, Clone)]
pub struct Existing {
    /// `content/<field>/<slug>.md` (or `…/index.md`).
    pub rel: PathBuf,
    pub abs: PathBuf,
    pub field: String,
    pub slug: String,
}

/// What the site holds, as import needs it.
pub struct Site {
    pub fields: Vec<FieldInfo>,
    /// By code (compared without hidden characters).
    pub codes: BTreeMap<String, Existing>,
    /// Every `field/slug` taken.
    pub taken: HashSet<(String, String)>,
    /// Procedures by folded title, for table rows without a code.
    pub titles: BTreeMap<String, Existing>,
}

pub fn site(loaded: &Loaded) -> Site {
    let mut fields: Vec<FieldInfo> = loaded
        .fields
        .iter()
        .map(|f| FieldInfo {
            slug: f.slug.clone(),
            name: f
                .doc
                .as_ref()
                .and_then(|d| d.as_ref().ok())
                .and_then(|d| d.raw.as_ref().ok())
                .and_then(|r| r.name.value())
                .map(|v| v.value.trim().to_string())
                .unwrap_or_else(|| f.slug.clone()),
            exists: true,
        })
        .collect();
    fields.sort_by(|a, b| a.slug.cmp(&b.slug));
    let mut codes = BTreeMap::new();
    let mut taken = HashSet::new();
    let mut titles = BTreeMap::new();
    for entry in &loaded.procedure_files {
        let (pd, _) = load::load_procedure(entry);
        taken.insert((pd.field.clone(), pd.slug.clone()));
        let raw = pd.doc.as_ref().ok().and_then(|d| d.raw.as_ref().ok());
        let existing = Existing {
            rel: entry.rel.clone(),
            abs: entry.abs.clone(),
            field: pd.field.clone(),
            slug: pd.slug.clone(),
        };
        if let Some(t) = raw.and_then(|r| r.title.value()) {
            titles.entry(slugify(&t.value)).or_insert(existing.clone());
        }
        if let Some(c) = raw.and_then(|r| r.code.value()) {
            codes
                .entry(crate::model::code_key(&c.value))
                .or_insert(existing);
        }
    }
    Site {
        fields,
        codes,
        taken,
        titles,
    }
}

impl Site {
    /// The field for a name (or a `--field` slug): an existing one whose
    /// slug or folded name matches, else a new one.
    pub fn field_for(&mut self, name: &str) -> FieldInfo {
        let folded = slugify(name);
        if let Some(f) = self
            .fields
            .iter()
            .find(|f| f.slug == folded || slugify(&f.name) == folded)
        {
            return f.clone();
        }
        let mut slug = folded;
        if slug.is_empty() || crate::load::walk::RESERVED_FIELD_SLUGS.contains(&slug.as_str()) {
            slug = format!(
                "linh-vuc-{}",
                if slug.is_empty() { "khac".into() } else { slug }
            );
        }
        let f = FieldInfo {
            slug,
            name: name.trim().to_string(),
            exists: false,
        };
        self.fields.push(f.clone());
        f
    }

    /// A free file name in `field` for `title`, taking it.
    pub fn slug_for(&mut self, field: &str, title: &str, code: Option<&str>) -> String {
        let base = short_slug(title);
        let mut slug = base.clone();
        if self.is_taken(field, &slug) {
            if let Some(c) = code {
                slug = format!("{base}-{}", slugify(c));
            }
            let mut n = 2;
            while self.is_taken(field, &slug) {
                slug = format!("{base}-{n}");
                n += 1;
            }
        }
        self.taken.insert((field.to_string(), slug.clone()));
        slug
    }

    fn is_taken(&self, field: &str, slug: &str) -> bool {
        self.taken.contains(&(field.to_string(), slug.to_string()))
    }
}

/// The folded title without a leading "Thủ tục", cut at a word boundary.
pub fn short_slug(title: &str) -> String {
    let mut slug = slugify(title);
    if let Some(rest) = slug.strip_prefix("thu-tuc-") {
        slug = rest.to_string();
    }
    if slug.len() > MAX_SLUG {
        let cut = slug[..=MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        slug.truncate(cut);
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "thu-tuc".into()
    } else {
        slug
    }
}

/// One file to write.
pub struct Planned {
    pub rel: PathBuf,
    pub text: String,
    /// Form files: (from, name beside the procedure).
    pub forms: Vec<(PathBuf, String)>,
    /// The file it replaces (`--update`), with its old text.
    pub replaces: Option<(PathBuf, String)>,
    /// Forms and samples already beside the file it replaces, which the
    /// check of the merged text needs to see.
    pub keep: Vec<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_and_cut_at_words() {
        assert_eq!(short_slug("Thủ tục đăng ký khai sinh"), "dang-ky-khai-sinh");
        let s = short_slug("Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam");
        assert!(s.len() <= MAX_SLUG && !s.ends_with('-'), "{s}");
        assert_eq!(short_slug("—"), "thu-tuc");
    }
}
