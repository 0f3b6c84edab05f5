#!/usr/bin/env bash
# niemyet against Zola on the same procedures, side by side (issue 8).
#
#   ZOLA=/path/to/zola benches/zola_compare.sh [SIZES...]   default: 2000 10000
#
# Zola is not part of the project. Build it yourself from its public
# repository (tag v0.22.1): `cargo build --release --locked`, about 10–18
# minutes on 2 cores. For each size the niemyet site comes from gen_site.py
# (seed 1) and the Zola site from zola_site.py (same text: every fact of a
# procedure as Markdown, a minimal theme, a Fuse JSON search index), once
# with Zola's minifier and once without.
#
# The three builds run in turn, ROUNDS times (default 5), so that the noise
# of a shared machine falls on all of them alike; each run is timed by GNU
# time (wall, user+sys CPU, peak RSS). Output goes to ${OUT_DIR:-/dev/shm}.
# Printed: the median and the best of each, one table row per build.
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/common.sh
zola=${ZOLA:?set ZOLA to a zola 0.22 binary}
rounds=${ROUNDS:-5}
out=${OUT_DIR:-/dev/shm}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run NAME CMD...: one timed run, appended to the log as "NAME wall cpu kb".
run() {
  local name=$1
  shift
  /usr/bin/time -f "$name %e %U %S %M" -a -o "$log" "$@" >/dev/null 2>&1
}

for n in "${sizes[@]}"; do
  site=$(site "$n")
  for variant in plain min; do
    z="$dir/zola-$n-$variant"
    flag=""
    [ "$variant" = min ] && flag=--minify
    [ -f "$z/config.toml" ] || python3 benches/zola_site.py "$site" "$z" $flag >/dev/null
  done
  : >"$log"
  for _ in $(seq "$rounds"); do
    run "niemyet" "$bin" build --root "$site" --out "$out/np-$n" --date 2026-11-23
    (cd "$dir/zola-$n-plain" && run "zola" "$zola" build --force -o "$out/z-$n")
    (cd "$dir/zola-$n-min" && run "zola-minify" "$zola" build --force -o "$out/zm-$n")
  done
  echo "### $n procedures ($rounds rounds, load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| build | wall median | wall best | CPU median | peak RSS median | files | output |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for name in niemyet zola zola-minify; do
    case $name in
      niemyet) o="$out/np-$n" ;;
      zola) o="$out/z-$n" ;;
      *) o="$out/zm-$n" ;;
    esac
    python3 - "$log" "$name" "$(find "$o" -type f | wc -l)" "$(du -sm "$o" | cut -f1)" <<'EOF'
import statistics, sys
log, name, files, size = sys.argv[1:]
rows = [l.split() for l in open(log) if l.split()[0] == name]
wall = [float(r[1]) for r in rows]
cpu = [float(r[2]) + float(r[3]) for r in rows]
rss = [int(r[4]) / 1024 for r in rows]
print(f"| {name} | {statistics.median(wall):.2f} s | {min(wall):.2f} s | "
      f"{statistics.median(cpu):.2f} s | {statistics.median(rss):.0f} MB | {files} | {size} MB |")
EOF
  done
  echo
done
