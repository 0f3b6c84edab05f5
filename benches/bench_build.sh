#!/usr/bin/env bash
# Measures `niemyet build` (every page, data file and asset, minified) on
# generated sites of several sizes.
#
#   benches/bench_build.sh [SIZES...]        default: 2000 10000
#
# For each size: generates the site once (benches/gen_site.py, seed 1) under
# ${BENCH_DIR:-/tmp/niemyet-bench}, then hyperfine (1 warm-up, RUNS runs,
# default 5: min / median / max), /usr/bin/time -v (peak RSS) and the output
# size. The output goes to ${OUT_DIR:-$BENCH_DIR}/public-N: OUT_DIR=/dev/shm
# takes the file system's latency out of the figure. Needs hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/common.sh
runs=${RUNS:-5}
echo "| procedures | min | median | max | peak RSS | output | files |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site=$(site "$n")
  out="${OUT_DIR:-$dir}/public-$n"
  json="$dir/build-$n.json"
  hyperfine --warmup 1 --runs "$runs" -N --export-json "$json" \
    "$bin build --root $site --out $out --date 2026-11-23" >/dev/null 2>&1
  read -r min med max < <(ms_stats "$json")
  rss=$(peak_rss_mb "$bin" build --root "$site" --out "$out" --date 2026-11-23)
  size=$(du -sm "$out" | cut -f1)
  files=$(find "$out" -type f | wc -l)
  echo "| $n | ${min} ms | ${med} ms | ${max} ms | ${rss} MB | ${size} MB | $files |"
done
