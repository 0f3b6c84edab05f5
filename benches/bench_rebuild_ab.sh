#!/usr/bin/env bash
# bench_rebuild.sh's three runs, for two programs alternating in one run:
# BASE_BIN (e.g. a build of main) and this checkout's release build.
#
#   BASE_BIN=/path/to/niemyet benches/bench_rebuild_ab.sh [SIZES...]
#
# Per round and size: a cold build of each (`--clean` into an emptied
# folder), a rebuild of each with nothing changed, then one procedure's
# `result:` line changed (another each round) and a rebuild of each. Each
# program has its own output folder under ${OUT_DIR:-$BENCH_DIR}. Every
# run under GNU time: wall, user, sys seconds and peak RSS (KB).
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/common.sh
base=${BASE_BIN:?set BASE_BIN to the program to compare with}
rounds=${ROUNDS:-2}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| procedures | round | program | run | wall s | user s | sys s | peak RSS KB |"
echo "|---:|---:|---|---|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site=$(site "$n")
  mapfile -t files < <(find "$site/content" -name '*.md' ! -name '_index.md' -path '*/content/*/*' | grep -v /notices/ | sort | tail -n "$rounds")
  for r in $(seq "$rounds"); do
    timed() {
      local who=$1 what=$2 prog=$3; shift 3
      local out="${OUT_DIR:-$dir}/ab-$who-$n"
      [ "$what" = cold ] && rm -rf "$out" && sync
      /usr/bin/time -f "| $n | $r | $who | $what | %e | %U | %S | %M |" "$prog" build --root "$site" --out "$out" --date 2026-11-23 "$@" >/dev/null 2>/tmp/niemyet-ab-time
      tail -n 1 /tmp/niemyet-ab-time
    }
    timed base cold "$base" --clean
    timed new cold "$bin" --clean
    timed base unchanged "$base"
    timed new unchanged "$bin"
    f=${files[$((r - 1))]}
    sed -i "0,/^result: /s//result: (ab $r) /" "$f"
    timed base one-edited "$base"
    timed new one-edited "$bin"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
