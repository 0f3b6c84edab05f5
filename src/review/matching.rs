//! Which site procedure a record is about: the same code, else the same
//! national code (`1.001193.01` is a case of `1.001193`), else, when one
//! side has no code (a table without a code column, a procedure the clerk
//! has not coded yet), the same name. Codes are unique in a site (check
//! refuses duplicates), so a code finds at most one procedure; when that
//! one is repealed and a successor of the same name, still without a code,
//! is posted beside it (the way docs/dinh-dang.md §7.8 tells a clerk to
//! replace a procedure), the record is about the successor.

use super::norm;
use super::upstream::Upstream;
use crate::model::{code_key, Date, Procedure, Status};
use std::collections::HashMap;
use std::sync::Arc;

pub struct Index<'a> {
    procedures: &'a [Arc<Procedure>],
    today: Date,
    by_code: HashMap<String, usize>,
    by_base: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
}

impl<'a> Index<'a> {
    pub fn new(procedures: &'a [Arc<Procedure>], today: Date) -> Index<'a> {
        let mut index = Index {
            procedures,
            today,
            by_code: HashMap::new(),
            by_base: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (i, p) in procedures.iter().enumerate() {
            if let Some(c) = &p.code {
                index.by_code.insert(code_key(c), i);
                index.by_base.entry(norm::base_code(c)).or_default().push(i);
            }
            for n in std::iter::once(&p.title).chain(&p.aliases) {
                index.by_name.entry(norm::name(n)).or_default().push(i);
            }
        }
        index
    }

    /// The procedure `r` is about, by its position in the site's list.
    pub fn find(&self, r: &Upstream) -> Option<usize> {
        if let Some(code) = &r.code {
            let base = self.by_base.get(&norm::base_code(code));
            let coded = self
                .by_code
                .get(&code_key(code))
                .or_else(|| base.and_then(|v| v.first()));
            if let Some(&i) = coded {
                return Some(self.successor(i).unwrap_or(i));
            }
        }
        // By name, only a procedure with no code, or a record with none: two
        // codes that differ are two procedures, whatever their names. A
        // record without a code goes first to a procedure without one (a
        // successor waiting for its code beside the old one it replaces).
        let named = self.by_name.get(&norm::name(&r.name))?;
        let uncoded = |i: &usize| self.procedures[*i].code.is_none();
        named
            .iter()
            .find(|i| uncoded(i))
            .or_else(|| named.iter().find(|_| r.code.is_none()))
            .copied()
    }

    /// A posted procedure without a code and with the name of `i`, when
    /// `i` is repealed.
    fn successor(&self, i: usize) -> Option<usize> {
        let p = &self.procedures[i];
        if p.status(self.today) != Status::Repealed {
            return None;
        }
        let named = self.by_name.get(&norm::name(&p.title))?;
        named.iter().copied().find(|&j| {
            let q = &self.procedures[j];
            j != i && q.code.is_none() && q.status(self.today) != Status::Repealed
        })
    }
}
