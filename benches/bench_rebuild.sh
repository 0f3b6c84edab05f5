#!/usr/bin/env bash
# Cold build, rebuild with nothing changed, and rebuild after one procedure
# is edited (issue 22: incremental builds), on generated sites.
#
#   benches/bench_rebuild.sh [SIZES...]        default: 2000 10000
#
# For each size: the site from benches/gen_site.py (seed 1) under
# ${BENCH_DIR:-/tmp/niemyet-bench}, output in ${OUT_DIR:-$BENCH_DIR}/rebuild-N
# (OUT_DIR=/dev/shm for tmpfs). ROUNDS rounds (default 3), each: a cold
# build (`--clean` into an emptied folder), a rebuild with nothing changed,
# and a rebuild after one line of one procedure's text changed (a
# different procedure each round, its `result:` line). Every run under GNU
# time: wall, user, sys seconds and peak RSS (KB). Prints one line per run.
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/common.sh
rounds=${ROUNDS:-3}
echo "| procedures | round | run | wall s | user s | sys s | peak RSS KB |"
echo "|---:|---:|---|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site=$(site "$n")
  out="${OUT_DIR:-$dir}/rebuild-$n"
  mapfile -t files < <(find "$site/content" -name '*.md' ! -name '_index.md' -path '*/content/*/*' | grep -v /notices/ | sort | head -n "$rounds")
  for r in $(seq "$rounds"); do
    timed() {
      local what=$1; shift
      /usr/bin/time -f "| $n | $r | $what | %e | %U | %S | %M |" "$bin" build --root "$site" --out "$out" --date 2026-11-23 "$@" >/dev/null 2>/tmp/niemyet-rebuild-time
      tail -n 1 /tmp/niemyet-rebuild-time
    }
    rm -rf "$out"
    sync
    timed cold --clean
    timed unchanged
    f=${files[$((r - 1))]}
    sed -i "0,/^result: /s//result: (sửa $r) /" "$f"
    timed one-edited
  done
done
