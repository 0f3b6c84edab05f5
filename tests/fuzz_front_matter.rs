//! A bounded mutation fuzz test of the front-matter reader: valid and broken
//! files from the fixtures are mutated (bytes flipped, lines cut, duplicated,
//! quotes and indentation broken) and fed to the whole reader. It must never
//! panic, and every problem it reports must point inside the file.
//!
//! Deterministic (fixed seed), bounded in iterations and in time, so it runs
//! in CI: `NIEMYET_FUZZ_ITERS` raises the count for a longer local run.

mod common;

use niemyet::load::raw::RawProcedure;
use std::path::Path;
use std::time::{Duration, Instant};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&[u8]] = &[
    b"---\n",
    b"\t",
    b"  ",
    b"- ",
    b": ",
    b"\"",
    b"'",
    b"&a ",
    b"*a",
    b"[",
    b"]",
    b"{",
    b"}",
    b"#",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\x00",
    b"|\n",
    b">-\n",
    b"!!binary ",
    b"? ",
    b"%YAML 1.2\n",
    b"\xe1\xba\xa1",
    b"fees:\n  - amount: 50.000\n",
    b"deadline:\n  working_days: 1\n  hours: 2\n",
    b"form: ../x\n",
    b"updated: 2026-02-30\n",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
            1 if !out.is_empty() => {
                let end = (at + rng.below(40)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 => {
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                out.splice(at..at, s.iter().copied());
            }
            3 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + rng.below(120)).min(out.len());
                let chunk = out[start..end].to_vec();
                out.splice(at..at, chunk);
            }
            4 => out.truncate(at),
            _ => {
                // Re-indent a line: YAML's most fragile part.
                if let Some(nl) = out[at.min(out.len())..].iter().position(|b| *b == b'\n') {
                    let i = at + nl + 1;
                    let pad = vec![b' '; rng.below(5)];
                    out.splice(i..i, pad);
                }
            }
        }
    }
    out
}

fn corpus() -> Vec<Vec<u8>> {
    let fixtures = common::fixtures();
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&fixtures).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.path().extension().is_some_and(|e| e == "md") {
            files.push(std::fs::read(entry.path()).expect("read"));
        }
    }
    assert!(files.len() > 20);
    files
}

#[test]
fn reader_never_panics_and_locates_inside_the_file() {
    let iters: usize = std::env::var("NIEMYET_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let budget = Duration::from_secs(60);
    let corpus = corpus();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = Instant::now();
    let mut done = 0;
    while done < iters && start.elapsed() < budget {
        let seed = &corpus[rng.below(corpus.len())];
        let input = mutate(&mut rng, seed);
        let one = Instant::now();
        let mut diags = Vec::new();
        let doc = niemyet::load::parse_bytes::<RawProcedure>(
            &input,
            Path::new("content/f/x.md"),
            true,
            &mut diags,
        );
        assert!(
            one.elapsed() < Duration::from_secs(2),
            "slow input: {:?}",
            String::from_utf8_lossy(&input)
        );
        let lines = String::from_utf8_lossy(&input).lines().count().max(1);
        for d in &diags {
            if let Some(l) = &d.location {
                assert!(
                    l.line >= 1 && l.line <= lines + 1,
                    "line {} outside a {lines}-line file: {:?}",
                    l.line,
                    d
                );
            }
        }
        if doc.as_ref().is_ok_and(|d| d.raw.is_err()) {
            assert!(
                !diags.is_empty(),
                "unreadable front matter with no message: {:?}",
                String::from_utf8_lossy(&input)
            );
        }
        done += 1;
    }
    assert!(
        done >= iters.min(500),
        "only {done} inputs in {:?}",
        start.elapsed()
    );
}
