//! The catalogue as every later stage reads it: [`Site::new`] puts it in
//! its order and indexes the fields by slug, once, so a field is found
//! without a search ([`Site::field`]).

use super::{Field, Notice, Procedure, Site, SiteConfig};
use std::collections::HashMap;
use std::sync::Arc;

impl Site {
    /// The validated catalogue: fields by `order` (unordered last) then
    /// name; procedures by field then title; notices newest first. Every
    /// later stage relies on this order.
    pub fn new(
        config: SiteConfig,
        mut fields: Vec<Field>,
        mut procedures: Vec<Arc<Procedure>>,
        mut notices: Vec<Notice>,
    ) -> Site {
        fields.sort_by(|a, b| {
            (a.order.is_none(), a.order, &a.name, &a.slug).cmp(&(
                b.order.is_none(),
                b.order,
                &b.name,
                &b.slug,
            ))
        });
        let field_index: HashMap<String, usize> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| (f.slug.clone(), i))
            .collect();
        procedures.sort_by_cached_key(|p| {
            (
                field_index.get(&p.field).copied().unwrap_or(usize::MAX),
                crate::text::strip_marks(&p.title).to_lowercase(),
                p.title.clone(),
                p.slug.clone(),
            )
        });
        notices.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        Site {
            config,
            fields,
            procedures,
            notices,
            field_index,
        }
    }

    /// The field of this slug (a procedure's `field`).
    pub fn field(&self, slug: &str) -> Option<&Field> {
        self.field_position(slug).map(|i| &self.fields[i])
    }

    /// Where the field of this slug stands in [`Site::fields`] (0 = first).
    pub fn field_position(&self, slug: &str) -> Option<usize> {
        self.field_index.get(slug).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::super::Office;
    use super::*;

    fn field(slug: &str, name: &str, order: Option<i64>) -> Field {
        Field {
            slug: slug.into(),
            name: name.into(),
            order,
            description: String::new(),
            source: format!("content/{slug}/_index.md").into(),
        }
    }

    #[test]
    fn fields_are_ordered_and_found_by_slug() {
        let config = SiteConfig {
            title: "Phường".into(),
            base_url: "https://example.org/".into(),
            language: crate::Lang::Vi,
            theme: "default".into(),
            office: Office::default(),
            online_portal: None,
            holidays: vec![],
            workdays: vec![],
            kiosk: None,
            synonyms: vec![],
        };
        let fields = vec![
            field("dat-dai", "Đất đai", None),
            field("ho-tich", "Hộ tịch", Some(1)),
            field("chung-thuc", "Chứng thực", None),
        ];
        let site = Site::new(config, fields, vec![], vec![]);
        let slugs: Vec<&str> = site.fields.iter().map(|f| f.slug.as_str()).collect();
        assert_eq!(slugs, ["ho-tich", "chung-thuc", "dat-dai"]);
        assert_eq!(site.field_position("dat-dai"), Some(2));
        assert_eq!(
            site.field("chung-thuc").map(|f| f.name.as_str()),
            Some("Chứng thực")
        );
        assert!(site.field("khong-co").is_none());
    }
}
