//! What each output is made from, as a digest, so that a build can tell
//! which outputs of its previous run it may keep (`crate::incremental`).
//!
//! An output's digest covers everything render makes its files from: the
//! site-wide values (the globals' digest, the site's settings, its fields
//! and every notice, expired or not, and the day, which decides what is
//! current, upcoming or repealed), the theme (every template and asset,
//! embedded or the site's own: [`super::theme::Theme::digest`]), whether
//! pages are minified, the key itself, and the procedures the key shows
//! ([`OutputKey::scope`]): each one's place, the digest of its file's text
//! ([`Procedure::text_digest`]) and the bytes of its forms and samples.
//! The site-wide parts are small and hashed as `Debug` prints them (every
//! field, in order).
//! What is not here is the program itself: the caller adds its identity.

use super::context::Renderer;
use super::keys::{OutputKey, Scope};
use crate::model::Procedure;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A digest of an output's inputs; equal digests, equal files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digest(pub u64);

impl Renderer<'_> {
    /// The input digest of each of `keys`, in order.
    pub fn input_digests(&self, keys: &[OutputKey]) -> Vec<Digest> {
        let base = self.base_digest();
        let each: Vec<u64> = self
            .site
            .procedures
            .par_iter()
            .map(|p| procedure_digest(p))
            .collect();
        let mut by_id: HashMap<(&str, &str), u64> = HashMap::new();
        let mut by_field: HashMap<&str, DefaultHasher> = HashMap::new();
        let mut every = DefaultHasher::new();
        for (p, d) in self.site.procedures.iter().zip(&each) {
            by_id.insert((p.field.as_str(), p.slug.as_str()), *d);
            by_field.entry(p.field.as_str()).or_default().write_u64(*d);
            every.write_u64(*d);
        }
        let every = every.finish();
        keys.par_iter()
            .map(|key| {
                let mut h = DefaultHasher::new();
                h.write_u64(base);
                debug_into(&mut h, key);
                match key.scope() {
                    Scope::Procedure(id) => by_id
                        .get(&(id.field.as_str(), id.slug.as_str()))
                        .hash(&mut h),
                    Scope::Field(f) => by_field.get(f).map(Hasher::finish).hash(&mut h),
                    Scope::Every => every.hash(&mut h),
                    Scope::None => {}
                }
                Digest(h.finish())
            })
            .collect()
    }

    /// What every output of this render is made from.
    fn base_digest(&self) -> u64 {
        let mut h = DefaultHasher::new();
        h.write_u64(self.globals.0);
        h.write_u64(self.theme.digest);
        self.opts.minifier.is_some().hash(&mut h);
        debug_into(&mut h, &self.opts.today);
        debug_into(&mut h, &self.site.config);
        debug_into(&mut h, &self.site.fields);
        debug_into(&mut h, &self.site.notices);
        h.finish()
    }
}

/// A procedure: where it is, its file's text (every value of it was read
/// from that text, its field, slug and folder) and the bytes of its forms
/// and samples.
fn procedure_digest(p: &Procedure) -> u64 {
    let mut h = DefaultHasher::new();
    (&p.field, &p.slug, &p.source, p.text_digest).hash(&mut h);
    for d in &p.documents {
        for a in d.form.iter().chain(d.sample.iter()) {
            match std::fs::read(&a.path) {
                Ok(bytes) => bytes.hash(&mut h),
                // Copied when the site is written: an unreadable file
                // fails then, and is never taken for unchanged.
                Err(e) => e.kind().hash(&mut h),
            }
        }
    }
    h.finish()
}

/// `value`'s `Debug` text, hashed as it is written (no string is made).
fn debug_into(h: &mut DefaultHasher, value: &impl std::fmt::Debug) {
    struct Into<'h>(&'h mut DefaultHasher);
    impl std::fmt::Write for Into<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let _ = write!(Into(h), "{value:?}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::Theme;
    use crate::render::RenderOptions;
    use std::path::Path;

    /// An edit of one procedure's text changes the digest of exactly the
    /// outputs that show it; the others keep theirs (and are kept).
    #[test]
    fn an_edit_changes_the_digests_of_the_outputs_that_show_it_only() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let opts = crate::CheckOptions {
            today: "2026-12-07".parse().unwrap(),
            lang: None,
        };
        let site = crate::check_site(root, opts)
            .site
            .expect("the example is valid");
        let theme = Theme::load(root, &site.config.theme).unwrap();
        let ropts = RenderOptions {
            today: "2026-12-07".parse().unwrap(),
            minifier: None,
        };
        let mut edited = site.clone();
        let p = std::sync::Arc::make_mut(&mut edited.procedures[5]);
        p.text_digest ^= 1;
        let p = edited.procedures[5].clone();
        let (a, b) = (
            Renderer::new(&site, &theme, &ropts),
            Renderer::new(&edited, &theme, &ropts),
        );
        let keys = a.keys();
        let (before, after) = (a.input_digests(&keys), b.input_digests(&keys));
        let mut changed = 0;
        for ((key, x), y) in keys.iter().zip(&before).zip(&after) {
            assert_eq!(x != y, key.shows(&p), "{key:?}");
            changed += usize::from(x != y);
        }
        assert!(
            changed > 0 && changed < keys.len() / 4,
            "{changed} of {}",
            keys.len()
        );
        assert_eq!(before, a.input_digests(&keys), "digests are stable");
        let other_day = RenderOptions {
            today: "2026-12-08".parse().unwrap(),
            minifier: None,
        };
        let c = Renderer::new(&site, &theme, &other_day);
        let later = c.input_digests(&keys);
        assert!(
            before.iter().zip(&later).all(|(x, y)| x != y),
            "the day is in every digest"
        );
    }
}
