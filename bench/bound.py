#!/usr/bin/env python3
"""The lab pages' ratios to `/health` for one binary: how far making the page layer faster can go.

`bench/run.py` measures every target; this measures only the lab pages and their `/me` pages
(logged in, as run.py does), each against `/health` measured in turn with it (as run.py does:
five rounds, the median ratio), for a binary given on the command line. Built from
`bench/free-render.patch`, a binary serves each page's first rendering again on every request
when `EXP_FREE_RENDER` is set (and skips serializing the handler's context as well with
`EXP_FREE_CONTEXT`): everything else a request costs (its guards, the lab's own work, the
response fairings, writing the page) stays. The ratios it reaches then are the most that any
work on rendering could give:

    git apply bench/free-render.patch && cargo build --release
    cp target/release/auth-labs /tmp/auth-labs-free && git apply -R bench/free-render.patch
    python3 bench/bound.py /tmp/auth-labs-free
    EXP_FREE_RENDER=1 python3 bench/bound.py /tmp/auth-labs-free
    EXP_FREE_RENDER=1 EXP_FREE_CONTEXT=1 python3 bench/bound.py /tmp/auth-labs-free

Needs `wrk`; reuses run.py's helpers. Exits 1 if a response was not a 2xx or 3xx (a cheap
error page would flatter the ratio).
"""

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=str(run.BINARY))
    parser.add_argument("--seconds", type=int, default=2, help="each round, page and floor")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    run.BINARY = Path(args.binary)
    server = run.Server()
    directory = tempfile.mkdtemp(prefix="auth-labs-bound-")
    failed = False
    try:
        base = server.url
        sessions, cookies, jwt_cookie = (["Cookie: " + run.logged_in_cookies(base, lab)]
                                         for lab in ("sessions", "cookies", "jwt-cookie"))
        # The labs that keep their state in cookies are reloaded as a browser does (`run.reloads`).
        pages = [
            ("sessions", "/labs/sessions", sessions, False),
            ("sessions /me", "/labs/sessions/me", sessions, False),
            ("cookies", "/labs/cookies", cookies, True),
            ("cookies /me", "/labs/cookies/me", cookies, True),
            ("JWT cookie", "/labs/jwt-cookie", jwt_cookie, True),
            ("JWT cookie /me", "/labs/jwt-cookie/me", jwt_cookie, True),
            ("JWT header", "/labs/jwt-header", [], False),
        ]
        print("| Page | req/s | `/health` req/s | ratio | server CPU µs |")
        print("|---|---:|---:|---:|---:|")
        for name, path, headers, reloaded in pages:
            options = {}
            if reloaded:
                options, headers = run.reloaded(base + path, headers, directory), []
            run.wrk(base + path, 1, headers=headers, **options)  # the first rendering, warm
            floor, page, ratios = run.alternated(server, base + "/health", base + path,
                                                 args.rounds, args.seconds, headers=headers,
                                                 **options)
            if page["errors"] or floor["errors"]:
                failed = True
                print(f"{name}: {page['errors']} responses were errors", file=sys.stderr)
            print(f"| {name} | {page['rps']:.0f} | {floor['rps']:.0f} | {ratios['rps']:.2f} "
                  f"| {page['cpu_us']:.0f} |", flush=True)
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
