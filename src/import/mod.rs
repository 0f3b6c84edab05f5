//! `niemyet import`: national database records and provincial catalogue
//! tables → procedure files that pass `check`, plus a review list of what a
//! person must confirm.
//!
//! Stages, one way like the rest of niemyet:
//!
//! ```text
//! input files ──read──▶ Record / TableRow ──map──▶ Draft (+ review items)
//!     ──write (YAML)──▶ text ──check (load + model, in memory)──▶ files on disk
//! ```
//!
//! [`read`] is shared with `export` and `review`: [`read::read_input`]
//! recognises a file by its content and gives an [`record::Input`].

pub mod cells;
mod cutoff;
pub mod diff;
pub mod draft;
pub mod fingerprint;
pub mod inputs;
pub mod json;
mod json_fast;
mod json_record;
pub mod map;
mod map_docs;
mod map_fees;
pub mod map_table;
mod map_time;
pub mod merge;
mod origin;
pub mod plan;
pub mod read;
pub mod record;
mod repealed;
pub mod report;
pub mod review;
pub mod run;
pub mod table;
mod text;
mod verify;

pub use read::{parse_input, read_input};
pub use record::{Input, Record, TableRow};
pub use run::{run, ImportOptions, ImportOutcome};
