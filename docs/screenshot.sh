#!/usr/bin/env bash
# Refreshes docs/screenshot.png, the README's picture of a lab: starts the app on a free
# loopback port, photographs the page with headless Chromium, and stops the app.
# Needs Debian's chromium (apt-get install chromium). Usage: bash docs/screenshot.sh [path]
set -euo pipefail
cd "$(dirname "$0")/.."
page="${1:-/labs/sessions}"
out="docs/screenshot.png"

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

chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --user-data-dir="$profile" \
  --hide-scrollbars --window-size=1280,1500 --screenshot="$out" \
  "http://127.0.0.1:$port$page" 2>/dev/null
echo "wrote $out"
