#!/bin/bash
# The PDF crates measured for issue 19 (BENCHMARKS.md "PDF"): each project
# sets the same A4 sheet (40 lines of Vietnamese, regular and bold Noto Sans
# from fonts-noto-core, both faces subset and embedded) and prints whether
# two runs give the same bytes, the file's size and the ms per sheet (200
# sheets). The clean release build's CPU time is what the crate adds to a
# build; wall time on a shared machine is not comparable.
set -euo pipefail
cd "$(dirname "$0")"
TIMEFORMAT='%R s wall, %U s user, %S s sys'
for p in pdf-writer krilla; do
  (
    cd "$p"
    rm -rf target
    cargo fetch -q
    echo "== $p"
    time cargo build --release -q
    ls -l "target/release/bench-$p" | awk '{print "binary " $5 " bytes"}'
    "./target/release/bench-$p"
    pdffonts "$p.pdf"
    pdftotext "$p.pdf" - | head -3
  )
done
