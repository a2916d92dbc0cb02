#!/usr/bin/env bash
# Refreshes the README's pictures: starts the app on a free loopback port, photographs a lab
# (docs/screenshot.png) and the home page in Korean (docs/screenshot-ko.png, `/?lang=ko`) with
# headless Chromium, and stops the app.
# Needs Debian's chromium (apt-get install chromium). Korean text needs a CJK font, or Chromium
# draws empty boxes: Debian's fonts-noto-cjk is installed when it is missing.
# Usage: bash docs/screenshot.sh [path of the lab page]
set -euo pipefail
cd "$(dirname "$0")/.."
page="${1:-/labs/sessions}"

if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "installing fonts-noto-cjk (Korean glyphs for the screenshot)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends fonts-noto-cjk
fi

cargo build --quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ROCKET_PORT="$port" ROCKET_LOG_LEVEL=off ./target/debug/auth-labs 2>/dev/null &
app=$!
profile=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$profile"' EXIT

for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/health" && break
  sleep 0.1
done

# shoot <path> <file>: one 1280-pixel-wide picture of the page at <path>.
shoot() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1280,1500 --screenshot="$2" \
    "http://127.0.0.1:$port$1" 2>/dev/null
  echo "wrote $2"
}

shoot "$page" docs/screenshot.png
shoot "/?lang=ko" docs/screenshot-ko.png
