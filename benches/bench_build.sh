#!/usr/bin/env bash
# Measures `niemyet build` (every page, data file and asset, minified) on
# generated sites of several sizes.
#
#   benches/bench_build.sh [SIZES...]        default: 2000 10000
#
# For each size: generates the site once (benches/gen_site.py, seed 1) under
# ${BENCH_DIR:-/tmp/niemyet-bench}, then hyperfine (1 warm-up, RUNS runs,
# default 5: min / median / max), /usr/bin/time -v (peak RSS) and the output
# size. Needs hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-2000}")
[ $# -eq 0 ] && sizes=(2000 10000)
dir=${BENCH_DIR:-/tmp/niemyet-bench}
runs=${RUNS:-5}
mkdir -p "$dir"
cargo build --release --quiet
bin=target/release/niemyet
for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine time)" >&2; exit 2; }
done
echo "| procedures | min | median | max | peak RSS | output | files |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site="$dir/site-$n"
  [ -d "$site/content" ] || python3 benches/gen_site.py --procedures "$n" --out "$site" >/dev/null
  out="$dir/public-$n"
  json="$dir/build-$n.json"
  hyperfine --warmup 1 --runs "$runs" -N --export-json "$json" \
    "$bin build --root $site --out $out --date 2026-11-23" >/dev/null 2>&1
  read -r min med max < <(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(round(r['min']*1000), round(r['median']*1000), round(r['max']*1000))" "$json")
  rss=$(/usr/bin/time -v "$bin" build --root "$site" --out "$out" --date 2026-11-23 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}')
  size=$(du -sm "$out" | cut -f1)
  files=$(find "$out" -type f | wc -l)
  echo "| $n | ${min} ms | ${med} ms | ${max} ms | $((rss / 1024)) MB | ${size} MB | $files |"
done
