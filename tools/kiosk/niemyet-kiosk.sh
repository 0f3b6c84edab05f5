#!/bin/sh
# Starts the waiting-room touch screen (public/kiosk/) full screen in Chromium.
#   niemyet-kiosk.sh [PUBLIC_DIR] [more browser flags...]
# PUBLIC_DIR is the built site (default: $HOME/niemyet/public). See docs/kiosk.md.
# --kiosk: full screen, no address bar; --kiosk-printing: "In giấy hướng dẫn"
# prints to the default printer with no dialog; no pinch zoom, no swipe back;
# a profile of its own, so nothing of the desktop's browser shows.
public=${1:-$HOME/niemyet/public}
[ $# -gt 0 ] && shift
page=$(realpath "$public/kiosk/index.html") || exit 1
browser=${BROWSER:-}
if [ -z "$browser" ]; then
  for b in chromium chromium-browser google-chrome microsoft-edge; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
  done
fi
[ -n "$browser" ] || { echo "niemyet-kiosk: no Chromium, Chrome or Edge found" >&2; exit 1; }
exec "$browser" --kiosk --kiosk-printing --no-first-run --disable-pinch \
  --overscroll-history-navigation=0 --disable-features=Translate --noerrdialogs \
  --hide-crash-restore-bubble --password-store=basic \
  --user-data-dir="${XDG_CONFIG_HOME:-$HOME/.config}/niemyet-kiosk" \
  --app="file://$page" "$@"
