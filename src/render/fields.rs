//! The site's fields by slug, looked up once per render rather than by a
//! linear search per procedure (every page, row, poster and staff line names
//! its field). Private to `render`: the model keeps fields as a list in the
//! site's order, which is what the pages show.

use crate::model::Field;
use std::collections::HashMap;

pub struct Fields<'s> {
    /// Each field with its position in the site's order.
    by_slug: HashMap<&'s str, (usize, &'s Field)>,
}

impl<'s> Fields<'s> {
    pub fn new(fields: &'s [Field]) -> Fields<'s> {
        let mut by_slug = HashMap::with_capacity(fields.len());
        for (i, f) in fields.iter().enumerate() {
            // Slugs are folder names, so unique; the first one wins anyway,
            // as the search this replaced did.
            by_slug.entry(f.slug.as_str()).or_insert((i, f));
        }
        Fields { by_slug }
    }

    pub fn get(&self, slug: &str) -> Option<&'s Field> {
        self.by_slug.get(slug).map(|&(_, f)| f)
    }

    /// The field `slug` and its position in the site's order.
    pub fn position(&self, slug: &str) -> Option<(usize, &'s Field)> {
        self.by_slug.get(slug).copied()
    }

    /// The name of the field `slug`, or the slug itself when no field has it
    /// (a staff member's `fields` may name one that `check` warned about).
    pub fn name<'a>(&self, slug: &'a str) -> &'a str
    where
        's: 'a,
    {
        self.get(slug).map_or(slug, |f| f.name.as_str())
    }
}
