#!/usr/bin/env bash
# Instruction counts per request for one route, with valgrind's callgrind (stable on a noisy
# machine, unlike timings): starts the release binary under callgrind on a free loopback port,
# sends N requests (after one warm-up request that sets up the visitor's cookies), stops it,
# and prints the instructions per request and the top functions by inclusive cost.
#
#   bash bench/profile.sh /labs/sessions 200      # route, requests
#   HEADER='Accept-Encoding: gzip, deflate, br' bash bench/profile.sh /static/css/style.css 200
#   METHOD=POST BEARER=1 bash bench/profile.sh /labs/jwt-header/api/visit 200
#
# METHOD (default GET) is the request method; HEADER, one extra request header; BEARER=1 logs in
# as alice at the header lab first and sends her token as `Authorization: Bearer` (as run.py);
# LOGIN=<lab> logs in as alice at that lab first (`LOGIN=sessions … /labs/sessions/me`); BIN,
# another build of the binary to profile (default target/release/auth-labs).
#
# Needs valgrind (apt-get install valgrind) and `cargo build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
route=${1:-/labs/sessions}
count=${2:-200}
out=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
key() { head -c 32 /dev/urandom | base64; }
ROCKET_PROFILE=release ROCKET_PORT=$port ROCKET_ATTACKER_PORT=0 ROCKET_LOG_LEVEL=off \
  ROCKET_SECRET_KEY=$(key) ROCKET_JWT_SECRET=$(key) ROCKET_COOKIE_SIGNING_KEYS=$(key) \
  ROCKET_WORKERS=1 \
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" --instr-atstart=no \
  "${BIN:-target/release/auth-labs}" >"$out/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -s -o /dev/null "http://127.0.0.1:$port/health" && break
  sleep 0.2
done
jar="$out/jar.txt"
args=(-s -o /dev/null -c "$jar" -b "$jar" -X "${METHOD:-GET}")
if [ -n "${HEADER:-}" ]; then args+=(-H "$HEADER"); fi
if [ -n "${BEARER:-}" ]; then
  token=$(curl -s -H 'Content-Type: application/json' \
    -d '{"username":"alice","password":"wonderland"}' \
    "http://127.0.0.1:$port/labs/jwt-header/api/token" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
  args+=(-H "Authorization: Bearer $token")
fi
if [ -n "${LOGIN:-}" ]; then
  curl -s -o /dev/null -c "$jar" -b "$jar" -d 'username=alice&password=wonderland' \
    "http://127.0.0.1:$port/labs/$LOGIN/login"
fi
curl "${args[@]}" "http://127.0.0.1:$port$route"
# Start-up (argon2 hashing the demo accounts) and the warm-up are not counted.
callgrind_control --instr=on "$app" >/dev/null
start=$(date +%s)
for _ in $(seq 1 "$count"); do
  curl "${args[@]}" "http://127.0.0.1:$port$route"
done
echo "$count requests to $route in $(( $(date +%s) - start )) s under callgrind" >&2
callgrind_control --instr=off "$app" >/dev/null
kill -INT $app; wait $app 2>/dev/null || true
trap - EXIT
total=$(callgrind_annotate "$out/callgrind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "instructions per request: $(( total / count ))"
[ -n "${KEEP:-}" ] && cp "$out/callgrind.out" "$KEEP"
callgrind_annotate --inclusive=yes "$out/callgrind.out" 2>/dev/null | sed -n '/Ir/,$p' | head -${TOP:-45}
