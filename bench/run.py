#!/usr/bin/env python3
"""Auth Labs benchmark: throughput, latency and memory, measured side by side in one run.

Builds the release binary, starts it on a free loopback port with throw-away secrets, drives it
with wrk (Debian package `wrk`), prints one Markdown table, and stops everything it started.

    python3 bench/run.py            # about 3 minutes after the release build
    python3 bench/run.py --quick    # shorter runs, for trying the script itself

Only the standard library is used. Every figure is measured in this run; ratios are against the
trivial `/health` route measured in the same run (the framework's floor).
"""

import argparse
import base64
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "auth-labs"
LUA = Path(__file__).resolve().parent / "lua"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The release binary on a free loopback port; stopped on exit."""

    def __init__(self, **settings):
        self.port = free_port()
        env = dict(os.environ)
        env.update({
            "ROCKET_PROFILE": "release",
            "ROCKET_ADDRESS": "127.0.0.1",
            "ROCKET_PORT": str(self.port),
            "ROCKET_LOG_LEVEL": "off",
            "ROCKET_SECRET_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
            "ROCKET_JWT_SECRET": base64.b64encode(secrets.token_bytes(32)).decode(),
            "ROCKET_COOKIE_SIGNING_KEYS": base64.b64encode(secrets.token_bytes(32)).decode(),
        })
        for key, value in settings.items():
            env["ROCKET_" + key.upper()] = str(value)
        self.process = subprocess.Popen([str(BINARY)], cwd=ROOT, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if self.process.poll() is not None or time.time() > deadline:
                    raise SystemExit("the server did not start: "
                                     + self.process.stderr.read().decode(errors="replace"))
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def rss_bytes(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def cookies_from(url, method="GET", data=None, headers=None):
    """The `name=value` pairs a response sets, joined as a Cookie header."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(request)
    except urllib.error.HTTPError as redirect:  # a 303 after login still carries cookies
        response = redirect
    pairs = [h.split(";", 1)[0] for h in response.headers.get_all("Set-Cookie") or []]
    return "; ".join(pairs)


def etag_of(url):
    """The ETag a GET of `url` answers with."""
    with urllib.request.urlopen(url) as response:
        return response.headers["ETag"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def bearer_token(base):
    body = json.dumps({"username": "alice", "password": "wonderland"}).encode()
    request = urllib.request.Request(base + "/labs/jwt-header/api/token", data=body,
                                     method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["access_token"]


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def parse_wrk(output):
    """Requests/s, p50 and p99 latency (ms), requests, non-2xx/3xx responses."""
    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": latency("50"),
        "p99": latency("99"),
        "requests": int(total.group(1)) if total else 0,
        "errors": int(bad.group(1)) if bad else 0,
    }


def wrk(url, seconds, connections=16, threads=2, headers=(), script=None, env=None):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(LUA / script)]
    command.append(url)
    run_env = dict(os.environ, **(env or {}))
    output = subprocess.run(command, capture_output=True, text=True, env=run_env, check=True).stdout
    return parse_wrk(output)


def wrk_background(url, seconds, connections, script, env=None):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", str(LUA / script), url]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, **(env or {})))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3-second runs instead of 10")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    args = parser.parse_args()
    seconds = 3 if args.quick else 10
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)

    rows = []
    server = Server()
    try:
        base = server.url
        login_body = "username=alice&password=wonderland"
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        routes = [
            ("floor: GET /health", base + "/health", [], None),
            # A page rendered from a template but with no credential to check: what HTML
            # rendering alone costs, so each lab's own mechanism can be told apart from it.
            ("template floor: GET / (no credential)", base + "/", [], None),
            ("sessions: GET /labs/sessions", base + "/labs/sessions",
             ["Cookie: " + cookies_from(base + "/labs/sessions/login", "POST",
                                        login_body.encode(), form)], None),
            ("cookies: GET /labs/cookies", base + "/labs/cookies",
             ["Cookie: " + cookies_from(base + "/labs/cookies")], None),
            ("jwt-cookie: GET /labs/jwt-cookie", base + "/labs/jwt-cookie",
             ["Cookie: " + cookies_from(base + "/labs/jwt-cookie")], None),
            ("jwt-header: POST /labs/jwt-header/api/visit", base + "/labs/jwt-header/api/visit",
             ["Authorization: Bearer " + bearer_token(base)], "post_empty.lua"),
            ("tutorial: GET /docs/sessions", base + "/docs/sessions", [], None),
            ("exercises: GET /docs/exercises", base + "/docs/exercises", [], None),
            ("static: GET /static/css/style.css", base + "/static/css/style.css", [], None),
            # What a browser that already has the stylesheet costs: a 304 and no body.
            ("static, revalidated: If-None-Match -> 304", base + "/static/css/style.css",
             ["If-None-Match: " + etag_of(base + "/static/css/style.css")], None),
        ]
        floor = None
        for name, url, headers, script in routes:
            result = wrk(url, seconds, headers=headers, script=script)
            floor = floor or result["rps"]
            rows.append((name, result, result["rps"] / floor))

        # argon2id alone: one client logging in back to back.
        env = {"BODY": login_body}
        login = wrk(base + "/labs/sessions/login", seconds, connections=1, threads=1,
                    script="post_form.lua", env=env)
        rows.append(("login: POST /labs/sessions/login (1 client)", login, login["rps"] / floor))

        # Does hashing stall the request workers? The counter at a fixed, modest offered load
        # (16 connections, one request per 10 ms each), first idle, then while four clients
        # log in back to back. Saturating runs would measure the lost CPU, not stalls.
        sessions_cookie = routes[2][2]
        paced = {"PACE_MS": "10"}
        idle = wrk(base + "/labs/sessions", seconds, headers=sessions_cookie,
                   script="paced.lua", env=paced)
        rows.append(("sessions, paced, idle", idle, idle["rps"] / floor))
        background = wrk_background(base + "/labs/sessions/login", seconds + 2, 4,
                                    "post_form.lua", env)
        time.sleep(1)
        loaded = wrk(base + "/labs/sessions", seconds, headers=sessions_cookie,
                     script="paced.lua", env=paced)
        background.wait()
        rows.append(("sessions, paced, while 4 clients log in", loaded, loaded["rps"] / floor))
        idle_p99 = idle["p99"]
    finally:
        server.stop()

    # Memory: 100 000 fresh visitors, then the sweep (short idle timeout via configuration).
    visitors = 2_000 if args.quick else 100_000
    # Longer than the flood takes, so every session is still live when it ends.
    idle = 10 if args.quick else 40
    server = Server(session_idle_timeout=idle, session_sweep_interval=1,
                    session_capacity=visitors * 2)
    try:
        urllib.request.urlopen(server.url + "/labs/sessions").read()  # warm up
        time.sleep(0.5)
        rss_before = server.rss_bytes()
        started = time.time()
        # wrk stops each thread at its limit but returns only when the duration is over, so
        # the duration is kept short (well under the idle timeout); the table reports how
        # many visitors actually arrived.
        flood = wrk(server.url + "/labs/sessions", 20, connections=8, threads=2,
                    script="count_limit.lua", env={"LIMIT_PER_THREAD": str(visitors // 2)})
        rss_full = server.rss_bytes()
        flood_seconds = time.time() - started
        # Every session has been idle for `idle` seconds once that long has passed since the
        # flood ended; the sweep runs every second.
        time.sleep(idle + 3)
        rss_swept = server.rss_bytes()
    finally:
        server.stop()

    print()
    print(f"Auth Labs benchmark · {time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · "
          f"wrk {seconds} s runs, 16 connections unless noted")
    print()
    print("| Route | Requests/s | p50 ms | p99 ms | vs floor | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r, ratio in rows:
        print(f"| {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {ratio:.2f} | {r['errors']} |")
    print()
    sessions = flood["requests"]
    per_session = (rss_full - rss_before) / max(sessions, 1)
    mib = 1024 * 1024
    print("| Memory | Value |")
    print("|---|---:|")
    print(f"| RSS before | {rss_before / mib:.1f} MiB |")
    print(f"| RSS after {sessions} fresh visitors ({flood_seconds:.1f} s) | {rss_full / mib:.1f} MiB |")
    print(f"| bytes per session | {per_session:.0f} |")
    print(f"| RSS after the sweep | {rss_swept / mib:.1f} MiB ({(rss_swept / rss_before - 1) * 100:+.0f}% vs before) |")
    print()
    print(f"Counter p99 while 4 clients log in: {loaded['p99'] / idle_p99:.2f}x its idle p99 "
          f"(paced runs).")


if __name__ == "__main__":
    sys.exit(main())
