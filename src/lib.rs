//! niemyet: turns a folder of YAML + Markdown procedure files (`content/`) into a
//! searchable public website and printable wall posters.
//!
//! The pipeline flows one way: [`load`] (walk the tree, decode, parse front matter)
//! → [`model`] (typed, validated catalogue) → [`render`] (pages, data files, handed out as
//! they are made, minified by the minifier [`build`] hands it) → [`output`] (write, swap).
//! [`check`] runs the first two stages and is what `niemyet check` and every later
//! command start with.

pub mod atomic;
pub mod build;
pub mod calendar;
pub mod check;
pub mod diag;
pub mod export;
pub mod import;
pub mod incremental;
pub mod lang;
pub mod load;
pub mod markdown;
pub mod markers;
pub mod minify;
pub mod model;
pub mod output;
pub mod progress;
pub mod render;
pub mod review;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod text;

pub use check::{check_site, CheckOptions, CheckOutcome};
pub use lang::Lang;
