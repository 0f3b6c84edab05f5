#!/usr/bin/env bash
# Two builds of niemyet, alternating, on one site: CPU and wall of each run.
#
#   benches/bench_alternate.sh BEFORE_BINARY AFTER_BINARY SITE [RUNS]
#
# Each run: `/usr/bin/time -f '%e %U %S %M'` (wall, user, sys, max RSS in KB)
# of `niemyet --root SITE build --out /dev/shm/bench-alt-{before,after}
# --date 2026-12-07`, the output folder removed first. Alternating keeps a
# changing load (other processes) from favouring one side; compare the
# medians of user + sys. Needs GNU time (Debian: apt-get install time).
set -euo pipefail
before=$1 after=$2 site=$3 runs=${4:-5}
for _ in $(seq 1 "$runs"); do
  for side in before after; do
    bin=$before
    [ "$side" = after ] && bin=$after
    out=/dev/shm/bench-alt-$side
    rm -rf "$out"
    /usr/bin/time -f "$side %e %U %S %M" "$bin" --root "$site" build --out "$out" \
      --date 2026-12-07 2>&1 >/dev/null | tail -1
  done
done
