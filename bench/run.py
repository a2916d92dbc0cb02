#!/usr/bin/env python3
"""Auth Labs benchmark: throughput, latency and memory, measured side by side in one run.

Builds the release binary, starts it on a free loopback port with throw-away secrets, drives it
with wrk (Debian package `wrk`), prints Markdown tables (routes, memory, and every target of
the performance goals with whether it is met), and stops everything it started. It exits 1
when a target is not met.

    python3 bench/run.py            # about 10 minutes after the release build
    python3 bench/run.py --quick    # shorter runs, for trying the script itself

Only the standard library is used. Every figure is measured in this run; each route's ratio is
against the trivial `/health` route (the framework's floor) measured right before it, for as long,
so that a machine whose speed drifts during the run (a shared virtual machine does) compares like
with like. The two are measured in turn, five rounds of two seconds each (three of one second
with `--quick`), and a row shows the medians: of each figure, of the floors beside it, and of its
ratios to them.

It also measures, one right after the other, Auth Labs' sessions counter page and the counter of
the express-session tutorial this project grew out of (`bench/peer/server.js`, under Node.js),
each for a returning visitor, so that the README's comparison is a measured one. Its
pinned packages are installed with `npm ci` into `target/bench-peer/` on the first run; without
Node.js and npm, or when the install fails, that table is left out with the reason, and
`--no-peer` leaves it out on purpose.
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
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "auth-labs"
LUA = Path(__file__).resolve().parent / "lua"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Process:
    """A program serving HTTP on a free loopback port (`self.url` once it accepts); stopped on
    exit."""

    def __init__(self, command, env):
        self.port = free_port()
        env = dict(os.environ, **env(self.port))
        self.process = subprocess.Popen(command, cwd=ROOT, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if self.process.poll() is not None or time.time() > deadline:
                    raise SystemExit(f"{command[0]} did not start: "
                                     + self.process.stderr.read().decode(errors="replace"))
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self):
        """The server's CPU time so far (user and system), from `/proc/<pid>/stat`."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

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


def random_key():
    return base64.b64encode(secrets.token_bytes(32)).decode()


class Server(Process):
    """The release binary with throw-away secrets and `settings` (`ROCKET_<NAME>`)."""

    def __init__(self, **settings):
        def env(port):
            values = {
                "ROCKET_PROFILE": "release",
                "ROCKET_ADDRESS": "127.0.0.1",
                "ROCKET_PORT": str(port),
                "ROCKET_LOG_LEVEL": "off",
                "ROCKET_SECRET_KEY": random_key(),
                "ROCKET_JWT_SECRET": random_key(),
                "ROCKET_COOKIE_SIGNING_KEYS": random_key(),
            }
            values.update({"ROCKET_" + key.upper(): str(value)
                           for key, value in settings.items()})
            return values
        super().__init__([str(BINARY)], env)


PEER = Path(__file__).resolve().parent / "peer"
PEER_INSTALL = ROOT / "target" / "bench-peer"


def install_peer():
    """The express-session tutorial's app (`bench/peer/`) ready to run: its pinned packages
    (`package-lock.json`) installed with `npm ci` into `target/bench-peer/`, again only when the
    lockfile changes. Returns (the `node_modules` directory, None), or (None, why not)."""
    if not shutil.which("node") or not shutil.which("npm"):
        return None, "Node.js and npm are not installed (apt-get install nodejs npm)"
    lock = (PEER / "package-lock.json").read_bytes()
    stamp = PEER_INSTALL / "installed-from.json"
    if not (stamp.exists() and stamp.read_bytes() == lock):
        shutil.rmtree(PEER_INSTALL, ignore_errors=True)
        PEER_INSTALL.mkdir(parents=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(PEER / name, PEER_INSTALL / name)
        installed = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts",
                                    "--loglevel=error"], cwd=PEER_INSTALL, capture_output=True,
                                   text=True)
        if installed.returncode != 0:
            lines = installed.stderr.strip().splitlines()
            said = [line for line in lines if "complete log" not in line] or lines or ["?"]
            return None, f"npm ci in {PEER_INSTALL} failed: {said[0]}"
        stamp.write_bytes(lock)
    return PEER_INSTALL / "node_modules", None


class Peer(Process):
    """The express-session tutorial's counter (`bench/peer/server.js`) under Node.js."""

    def __init__(self, modules):
        super().__init__(["node", str(PEER / "server.js")], lambda port: {
            "PORT": str(port),
            "NODE_PATH": str(modules),
            "NODE_ENV": "production",
            "SESSION_SECRET": random_key(),
        })
        self.versions = "Node.js {}, express {}, express-session {}".format(
            subprocess.run(["node", "--version"], capture_output=True, text=True)
            .stdout.strip().removeprefix("v"),
            *(json.loads((modules / name / "package.json").read_text())["version"]
              for name in ("express", "express-session")))


def set_cookies(url, method="GET", data=None, headers=None):
    """The cookies a response sets (name to value; a removal as `None`), and its `Location`."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(request)
    except urllib.error.HTTPError as redirect:  # a 303 after login still carries cookies
        response = redirect
    cookies = {}
    for line in response.headers.get_all("Set-Cookie") or []:
        pair, _, attributes = line.partition(";")
        name, _, value = pair.strip().partition("=")
        removed = any(a.strip().lower() == "max-age=0" for a in attributes.split(";"))
        cookies[name] = None if removed else value
    return cookies, response.headers.get("Location")


def cookie_header(jar):
    """The value of the `Cookie` header a browser holding `jar` (name to value) sends."""
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def logged_in_cookies(base, lab):
    """The Cookie header a browser sends once it has logged in to `lab` and seen the page the
    login redirects to: that page shows the login's one-time flash message and removes its
    cookie (`_flash`), which a browser then stops sending. Replaying it would measure every
    request as the first page after a login."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    jar, location = set_cookies(f"{base}/labs/{lab}/login", "POST",
                                b"username=alice&password=wonderland", form)
    jar = {name: value for name, value in jar.items() if value is not None}
    if location:
        sent = {"Cookie": cookie_header(jar)}
        for name, value in set_cookies(urllib.parse.urljoin(base, location),
                                       headers=sent)[0].items():
            if value is None:
                jar.pop(name, None)
            else:
                jar[name] = value
    return cookie_header(jar)


# How many successive reloads `reloads` records: far more states than a fragment keeps versions.
RELOADS = 400


def reloads(url, cookie, directory, count=RELOADS):
    """A file of the Cookie headers a browser sends on `count` successive reloads of `url`,
    starting with `cookie`: each answer's `Set-Cookie` lines change what the next reload
    carries (the cookie lab's counters, the JWT-cookie lab's re-issued token), and
    `lua/cookie_states.lua` sends them in turn. wrk sending one header on every request would
    show the server the same cookies again and again, a page whose counters never move."""
    jar = dict(pair.split("=", 1) for pair in cookie.split("; "))
    lines = []
    for _ in range(count):
        header = cookie_header(jar)
        lines.append(header)
        for name, value in set_cookies(url, headers={"Cookie": header})[0].items():
            if value is None:
                jar.pop(name, None)
            else:
                jar[name] = value
    handle, path = tempfile.mkstemp(dir=directory, prefix="cookies-", suffix=".txt")
    with os.fdopen(handle, "w") as states:
        states.write("\n".join(lines) + "\n")
    return path


def reloaded(url, headers, directory):
    """wrk's options to send `url` the Cookie headers of successive reloads (`reloads`, its file
    in `directory`), starting from the one `Cookie` header in `headers`."""
    cookie = headers[0].removeprefix("Cookie: ")
    return {"script": "cookie_states.lua", "env": {"COOKIES": reloads(url, cookie, directory)}}


def page_answers_200(url, headers):
    """Stops the run unless `url` answers 200 itself: wrk counts a redirect (a login that did
    not take) as a success, and a redirect is far cheaper than the page. Returns the page's size
    in bytes."""
    sent = dict(header.split(": ", 1) for header in headers)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=sent)) as page:
            status, size = page.status, len(page.read())
    except urllib.error.HTTPError as answer:
        status, size = answer.code, 0
    if status != 200:
        raise SystemExit(f"{url} answered {status}, not the page")
    return size


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


def timed(server, url, *args, **options):
    """wrk's figures, and `server`'s CPU time per request (`cpu_us`): it moves less from run to
    run than requests per second on a machine that wrk shares."""
    before = server.cpu_seconds()
    result = wrk(url, *args, **options)
    spent = server.cpu_seconds() - before
    result["cpu_us"] = 1e6 * spent / max(result["requests"], 1)
    return result


def median_of(results):
    """One row of figures from several runs of the same route: each figure's median."""
    return {key: statistics.median(result[key] for result in results)
            for key in results[0]} | {"errors": sum(result["errors"] for result in results)}


def alternated(server, floor_url, url, rounds, seconds, connections=16, **options):
    """`url` and the floor (`floor_url`) measured in turn, `rounds` times for `seconds` each,
    the floor first in each round: a machine whose speed drifts (floors move by a fifth within
    a run here) then slows both alike, and a round the drift caught halfway is outvoted. The
    medians of each one's figures, and the medians of the rounds' ratios: of requests a second
    (`rps`, the route's to the floor's) and of p99 latency (`p99`, likewise)."""
    floors, pages, ratios = [], [], {"rps": [], "p99": []}
    for _ in range(rounds):
        floors.append(timed(server, floor_url, seconds, connections=connections))
        pages.append(timed(server, url, seconds, connections=connections, **options))
        for key, values in ratios.items():
            values.append(pages[-1][key] / max(floors[-1][key], 1e-9))
    medians = {key: statistics.median(values) for key, values in ratios.items()}
    return median_of(floors), median_of(pages), medians


def wrk_background(url, seconds, connections, script, env=None):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", str(LUA / script), url]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, **(env or {})))


def counters_beside(server, peer, seconds):
    """Auth Labs' sessions counter and the express-session tutorial's (`peer`, stopped at the
    end), one right after the other, each for a returning visitor that sends the session
    cookie its first visit was given, after a warm-up (Node.js compiles the hot JavaScript as
    it runs). A row each: its name, wrk's figures with the CPU per request, the page's bytes."""
    rows = []
    try:
        for name, process, url in [
            ("Auth Labs: GET /labs/sessions", server, server.url + "/labs/sessions"),
            (f"the express-session tutorial's app: GET / ({peer.versions})", peer,
             peer.url + "/"),
        ]:
            jar = {cookie: value for cookie, value in set_cookies(url)[0].items() if value}
            visitor = ["Cookie: " + cookie_header(jar)]
            size = page_answers_200(url, visitor)
            wrk(url, 3, headers=visitor)
            rows.append((name, timed(process, url, seconds, headers=visitor), size))
    finally:
        peer.stop()
    return rows


def memory_of(server):
    """The allocator's own figures (`/health/memory`): allocated and resident bytes."""
    with urllib.request.urlopen(server.url + "/health/memory") as response:
        return json.load(response)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3-second runs instead of 10")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    parser.add_argument("--no-peer", action="store_true",
                        help="leave out the express-session tutorial's app (bench/peer/)")
    args = parser.parse_args()
    seconds = 3 if args.quick else 10
    # Each ratio to the floor: the median of `rounds` rounds of the floor and then the route,
    # `round_s` seconds each (as long in all as one run of `seconds`).
    rounds, round_s = (3, 1) if args.quick else (5, 2)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)

    rows = []
    targets = []
    peer_modules, no_peer = (None, "left out (--no-peer)") if args.no_peer else install_peer()
    counters = []
    states = tempfile.mkdtemp(prefix="auth-labs-bench-")
    server = Server()
    try:
        base = server.url
        login_body = "username=alice&password=wonderland"
        sessions, cookies, jwt_cookie = (["Cookie: " + logged_in_cookies(base, lab)]
                                         for lab in ("sessions", "cookies", "jwt-cookie"))
        # Every HTML page the targets name, each as a logged-in learner where that matters:
        # (row, path, headers, wrk options), the options `None` for a lab that keeps its state
        # in cookies, which is reloaded as a browser does (`reloaded`).
        pages = [
            ("home: GET /", "/", [], {}),
            ("registration: GET /register", "/register", [], {}),
            ("sessions: GET /labs/sessions", "/labs/sessions", sessions, {}),
            ("sessions: GET /labs/sessions/me", "/labs/sessions/me", sessions, {}),
            ("cookies: GET /labs/cookies", "/labs/cookies", cookies, None),
            ("cookies: GET /labs/cookies/me", "/labs/cookies/me", cookies, None),
            ("jwt-cookie: GET /labs/jwt-cookie", "/labs/jwt-cookie", jwt_cookie, None),
            ("jwt-cookie: GET /labs/jwt-cookie/me", "/labs/jwt-cookie/me", jwt_cookie, None),
            ("jwt-header: GET /labs/jwt-header", "/labs/jwt-header", [], {}),
            ("tutorial: GET /docs/sessions", "/docs/sessions", [], {}),
            ("tutorial in Korean: GET /docs/sessions?lang=ko", "/docs/sessions?lang=ko", [],
             {}),
            ("sessions in Korean: GET /labs/sessions?lang=ko", "/labs/sessions?lang=ko",
             sessions, {}),
            ("exercises: GET /docs/exercises", "/docs/exercises", [], {}),
            ("decoder: GET /tools/jwt", "/tools/jwt", [], {}),
        ]
        css = base + "/static/css/style.css"
        def beside(name, url, headers=(), **options):
            """`url` measured in rounds, each right after the floor; a row with the median of
            its ratios to those floors."""
            floor, result, ratios = alternated(server, base + "/health", url, rounds, round_s,
                                               headers=headers, **options)
            rows.append((name, result, ratios["rps"], floor["rps"]))
            return ratios["rps"]

        first_floor = timed(server, base + "/health", seconds)
        rows.append(("floor: GET /health", first_floor, 1.0, first_floor["rps"]))
        for name, path, headers, options in pages:
            page_answers_200(base + path, headers)
            if options is None:
                options, headers = reloaded(base + path, headers, states), []
            ratio = beside(name, base + path, headers, **options)
            targets.append((f"{name} >= 0.5x /health", ratio, 0.5))
        statics = [
            ("static, as a browser asks (gzip): GET /static/css/style.css", css,
             ["Accept-Encoding: gzip, deflate, br"]),
            ("static, no compression asked: GET /static/css/style.css", css, []),
            ("static, revalidated: If-None-Match -> 304", css,
             ["If-None-Match: " + etag_of(css)]),
        ]
        for name, url, headers in statics:
            ratio = beside(name, url, headers)
            if name.startswith("static, as a browser asks"):
                targets.append(("static (as a browser asks) >= 0.8x /health", ratio, 0.8))
        ratio = beside("jwt-header: POST /labs/jwt-header/api/visit",
                       base + "/labs/jwt-header/api/visit",
                       ["Authorization: Bearer " + bearer_token(base)], script="post_empty.lua")
        targets.append(("api/visit >= 0.8x /health", ratio, 0.8))

        # Latency under load: the floor and the counter page, 32 connections each.
        health32, counter32, ratio32 = alternated(
            server, base + "/health", base + "/labs/sessions", rounds, round_s,
            connections=32, headers=sessions)
        rows.append(("floor, 32 connections", health32, 1.0, health32["rps"]))
        rows.append(("sessions counter, 32 connections", counter32, ratio32["rps"],
                     health32["rps"]))
        targets.append(("counter p99 <= 2x /health p99 (32 connections)", ratio32["p99"], 2.0,
                        "max"))

        # argon2id alone: one client logging in back to back.
        env = {"BODY": login_body}
        login = timed(server, base + "/labs/sessions/login", seconds, connections=1, threads=1,
                    script="post_form.lua", env=env)
        rows.append(("login: POST /labs/sessions/login (1 client)", login,
                     login["rps"] / first_floor["rps"], first_floor["rps"]))

        if peer_modules:
            try:
                peer = Peer(peer_modules)
            except SystemExit as failed:
                no_peer = str(failed)
            else:
                counters = counters_beside(server, peer, seconds)
    finally:
        server.stop()
        shutil.rmtree(states, ignore_errors=True)

    # Memory: 100 000 fresh visitors, then the sweep (short idle timeout via configuration).
    visitors = 2_000 if args.quick else 100_000
    # Longer than the flood takes, so every session is still live when it ends.
    idle = 10 if args.quick else 40
    server = Server(session_idle_timeout=idle, session_sweep_interval=1,
                    session_capacity=visitors * 2)
    try:
        urllib.request.urlopen(server.url + "/labs/sessions").read()  # warm up
        time.sleep(1.5)
        rss_before, heap_before = server.rss_bytes(), memory_of(server)
        started = time.time()
        # wrk stops each thread at its limit but returns only when the duration is over, so
        # the duration is kept short (well under the idle timeout); the table reports how
        # many visitors actually arrived.
        flood = wrk(server.url + "/labs/sessions", 20, connections=8, threads=2,
                    script="count_limit.lua", env={"LIMIT_PER_THREAD": str(visitors // 2)})
        rss_full, heap_full = server.rss_bytes(), memory_of(server)
        flood_seconds = time.time() - started
        # Every session has been idle for `idle` seconds once that long has passed since the
        # flood ended; the sweep runs every second; the allocator purges a second later.
        time.sleep(idle + 4)
        rss_swept, heap_swept = server.rss_bytes(), memory_of(server)
    finally:
        server.stop()
    targets.append(("RSS after the flood and the sweep <= 1.15x RSS at start",
                    rss_swept / rss_before, 1.15, "max"))

    print()
    print(f"Auth Labs benchmark · {time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · "
          f"wrk, each route and the floor in turn {rounds} times for {round_s} s (medians), "
          f"the first floor, the login and the counters {seconds} s, 16 connections unless "
          "noted")
    print()
    print("| Route | Requests/s | p50 ms | p99 ms | floor beside | vs floor | server CPU µs "
          "| errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r, ratio, floor in rows:
        print(f"| {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {floor:.0f} "
              f"| {ratio:.2f} | {r['cpu_us']:.0f} | {r['errors']} |")
    print()
    sessions_made = flood["requests"]
    per_session = (heap_full["allocated"] - heap_before["allocated"]) / max(sessions_made, 1)
    mib = 1024 * 1024
    print("| Memory | RSS | allocated | resident (allocator) |")
    print("|---|---:|---:|---:|")
    for label, rss, heap in [
        ("at start", rss_before, heap_before),
        (f"after {sessions_made} fresh visitors ({flood_seconds:.1f} s)", rss_full, heap_full),
        ("after the sweep", rss_swept, heap_swept),
    ]:
        print(f"| {label} | {rss / mib:.1f} MiB | {heap['allocated'] / mib:.1f} MiB "
              f"| {heap['resident'] / mib:.1f} MiB |")
    print(f"\nAllocated per live session: {per_session:.0f} bytes.")
    print()
    if counters:
        print("| Visit counter, a returning visitor | Requests/s | p50 ms | p99 ms "
              "| server CPU µs | page bytes | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, r, size in counters:
            print(f"| {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} "
                  f"| {r['cpu_us']:.0f} | {size} | {r['errors']} |")
        (_, ours, _), (_, tutorial, _) = counters
        print(f"\nAuth Labs' counter page: {ours['rps'] / tutorial['rps']:.2f}x the tutorial's "
              f"requests a second, at {ours['cpu_us'] / tutorial['cpu_us']:.2f}x its CPU time "
              "per request.")
    else:
        print(f"The express-session tutorial's app was not measured: {no_peer}.")
    print()
    print("| Target | Measured | Limit | Met |")
    print("|---|---:|---:|---|")
    met_all = True
    for target in targets:
        name, value, limit = target[:3]
        at_most = len(target) > 3
        met = value <= limit if at_most else value >= limit
        met_all &= met
        print(f"| {name} | {value:.2f} | {limit:.2f} | {'yes' if met else 'NO'} |")
    print()
    print("Every target met." if met_all else "Some targets are not met (NO above).")
    return 0 if met_all else 1


if __name__ == "__main__":
    sys.exit(main())
