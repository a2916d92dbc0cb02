#!/usr/bin/env python3
"""Two builds side by side: the same routes on each, in turn, in one run.

`bench/run.py` measures one build against its targets; comparing two of its runs compares two
afternoons as much as two builds (floors move by a fifth or more on this machine, which wrk
shares). This starts both binaries at once, logs in on each as `run.py` does, and measures
every route on one build and then the other, alternating which goes first, for a number of
rounds. It prints the medians: the server's CPU per request (from `/proc`, which moves less
than requests per second) and each route's ratio to `/health` measured in the same round on
the same build.

    cp target/release/auth-labs /tmp/auth-labs-before    # then change, rebuild
    python3 bench/ab.py /tmp/auth-labs-before target/release/auth-labs
    python3 bench/ab.py A B --rounds 8 --routes health,sessions

Needs `wrk`; reuses run.py's helpers. Exits 1 if a response was not a 2xx or 3xx.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402

ROUTES = ["health", "sessions", "sessions/me", "cookies", "cookies/me", "jwt-cookie",
          "jwt-cookie/me", "api/visit"]


def routes_of(server, directory, names):
    """The path and wrk options of each route in `names` for `server`, logged in where it has
    a login; the cookies page reloaded as a browser does (`run.reloaded`, its files in
    `directory`). Only what the routes asked for is set up: recording the reloads takes 400
    requests."""
    logins = {}

    def cookie(lab):
        if lab not in logins:
            logins[lab] = ["Cookie: " + run.logged_in_cookies(server.url, lab)]
        return logins[lab]

    setups = {
        "health": lambda: ("/health", {}),
        "sessions": lambda: ("/labs/sessions", {"headers": cookie("sessions")}),
        "sessions/me": lambda: ("/labs/sessions/me", {"headers": cookie("sessions")}),
        "cookies": lambda: ("/labs/cookies", run.reloaded(
            server.url + "/labs/cookies", cookie("cookies"), directory)),
        "cookies/me": lambda: ("/labs/cookies/me", {"headers": cookie("cookies")}),
        "jwt-cookie": lambda: ("/labs/jwt-cookie", {"headers": cookie("jwt-cookie")}),
        "jwt-cookie/me": lambda: ("/labs/jwt-cookie/me", {"headers": cookie("jwt-cookie")}),
        "api/visit": lambda: ("/labs/jwt-header/api/visit", {
            "headers": ["Authorization: Bearer " + run.bearer_token(server.url)],
            "script": "post_empty.lua"}),
    }
    return {name: setups[name]() for name in names}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--routes", default=",".join(ROUTES),
                        help="comma-separated, of: " + ", ".join(ROUTES))
    args = parser.parse_args()
    names = args.routes.split(",")
    if "health" not in names:
        names.insert(0, "health")
    unknown = [name for name in names if name not in ROUTES]
    if unknown:
        parser.error(f"unknown routes: {', '.join(unknown)}")
    builds = [args.before, args.after]
    directory = tempfile.mkdtemp(prefix="auth-labs-ab-")
    servers = {}
    failed = False
    try:
        for build in builds:
            run.BINARY = Path(build)
            servers[build] = run.Server()
        routes = {build: routes_of(server, directory, names)
                  for build, server in servers.items()}
        cpu = {}
        rps = {}
        for round_ in range(args.rounds):
            for name in names:
                for build in builds if round_ % 2 == 0 else builds[::-1]:
                    server = servers[build]
                    path, options = routes[build][name]
                    result = run.timed(server, server.url + path, args.seconds, **options)
                    if result["errors"]:
                        failed = True
                        print(f"{name} on {build}: {result['errors']} responses were errors",
                              file=sys.stderr)
                    cpu.setdefault((name, build), []).append(result["cpu_us"])
                    rps.setdefault((name, build), []).append(result["rps"])
        print(f"{args.rounds} rounds of {args.seconds}-second runs; medians\n")
        print("| Route | CPU µs before | after | ratio before | after |")
        print("|---|---:|---:|---:|---:|")
        for name in names:
            row = [f"{statistics.median(cpu[(name, b)]):.1f}" for b in builds]
            ratios = []
            for build in builds:
                floors = rps[("health", build)]
                ratios.append(statistics.median(
                    page / floor for page, floor in zip(rps[(name, build)], floors) if floor))
            print(f"| {name} | {row[0]} | {row[1]} | {ratios[0]:.2f} | {ratios[1]:.2f} |")
    finally:
        for server in servers.values():
            server.stop()
        shutil.rmtree(directory, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
