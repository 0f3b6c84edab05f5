#!/usr/bin/env bash
# What the kiosk (kiosk/, issue 20) adds to a build: the same generated site
# built with the kiosk on (the default) and with `kiosk: false`, in turn,
# ROUNDS times (default 8), by the same release binary, output on
# ${OUT_DIR:-/dev/shm}. Prints one line per build and the medians (wall,
# user + system CPU, peak RSS) of each variant, and the ratios.
#
#   benches/bench_kiosk.sh [N]        default N = 2000 procedures
#
# Needs GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
rounds=${ROUNDS:-8}
dir=${BENCH_DIR:-/tmp/niemyet-bench}
out=${OUT_DIR:-/dev/shm}
cargo build --release --quiet
bin=target/release/niemyet
on="$dir/kiosk-on-$n"
off="$dir/kiosk-off-$n"
if [ ! -d "$on/content" ]; then
  python3 benches/gen_site.py --procedures "$n" --out "$on" >/dev/null
fi
if [ ! -d "$off/content" ]; then
  mkdir -p "$off"
  cp -r "$on/content" "$off/"
  echo "kiosk: false" >>"$off/content/site.yaml"
fi
log=$(mktemp)
for r in $(seq "$rounds"); do
  for v in on off; do
    site=$on
    [ "$v" = off ] && site=$off
    /usr/bin/time -f "$v %e %U %S %M" "$bin" build --root "$site" \
      --out "$out/niemyet-kiosk-$v" --date 2026-11-23 2>>"$log" >/dev/null
    tail -n 1 "$log"
  done
done
python3 - "$log" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.startswith(("on ", "off "))]
med = {}
for v in ("on", "off"):
    r = [x for x in rows if x[0] == v]
    wall = statistics.median(float(x[1]) for x in r)
    cpu = statistics.median(float(x[2]) + float(x[3]) for x in r)
    rss = statistics.median(int(x[4]) for x in r) / 1024
    best = min(float(x[1]) for x in r)
    med[v] = (wall, cpu)
    print(f"kiosk {v:3}: wall median {wall:.3f} s (best {best:.3f}), CPU median {cpu:.3f} s, peak RSS {rss:.0f} MB, {len(r)} builds")
print(f"kiosk on / off: wall {med['on'][0] / med['off'][0]:.3f}, CPU {med['on'][1] / med['off'][1]:.3f}")
EOF
for v in on off; do
  echo "kiosk $v: $(find "$out/niemyet-kiosk-$v" -type f | wc -l) files, $(du -sm "$out/niemyet-kiosk-$v" | cut -f1) MB"
done
rm -f "$log"
