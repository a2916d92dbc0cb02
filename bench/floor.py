#!/usr/bin/env python3
"""What a lab page and `api/visit` cost beyond the framework: each beside a route that answers
the same bytes with none of the app's work.

Built from `bench/floor.patch`, a binary has two extra routes: `GET /labs/jwt-header/page-free`
serves the bytes of the file `EXP_PAGE` names as a page goes out (one write, the same headers) with
no guard, no rendering and no response fairing's work, and `POST /labs/jwt-header/api/visit-free`
answers `api/visit`'s JSON, about the same size, with no token read, verified or signed. This
script saves the logged-in sessions page to a file, then measures, each right after a `/health`
floor: the sessions page, the same bytes from `page-free`, `api/visit` and `visit-free`; with the
server's CPU time per request (from `/proc/<pid>/stat`), which moves less from run to run than the
ratios do.

    git apply bench/floor.patch && cargo build --release
    cp target/release/auth-labs /tmp/auth-labs-floor && git apply -R bench/floor.patch
    python3 bench/floor.py /tmp/auth-labs-floor

It applies on top of `bench/free-render.patch` too, whose modes (`EXP_FREE_RENDER`,
`EXP_FREE_CONTEXT`) this script passes on from its environment. Needs `wrk`; reuses run.py's
helpers. Exits 1 if a response was not a 2xx or 3xx.
"""

import argparse
import os
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    run.BINARY = Path(args.binary)
    page_file = tempfile.NamedTemporaryFile(suffix=".html", delete=False)
    os.environ["EXP_PAGE"] = page_file.name
    server = run.Server()
    failed = False
    try:
        base = server.url
        cookie = run.logged_in_cookies(base, "sessions")
        sessions = ["Cookie: " + cookie]
        page_url = base + "/labs/sessions"
        run.page_answers_200(page_url, sessions)
        request = urllib.request.Request(page_url, headers={"Cookie": cookie})
        with urllib.request.urlopen(request) as response:
            page_file.write(response.read())
        page_file.close()
        bearer = ["Authorization: Bearer " + run.bearer_token(base)]
        rows = [
            ("sessions page, logged in", "/labs/sessions", sessions, None),
            ("the same bytes, no work (page-free)", "/labs/jwt-header/page-free", sessions, None),
            ("api/visit", "/labs/jwt-header/api/visit", bearer, "post_empty.lua"),
            ("its answer, no work (visit-free)", "/labs/jwt-header/api/visit-free", bearer,
             "post_empty.lua"),
        ]
        print("| Route | req/s | `/health` req/s | ratio | server CPU per request |")
        print("|---|---:|---:|---:|---:|")
        for _ in range(args.rounds):
            for name, path, headers, script in rows:
                run.wrk(base + path, 1, headers=headers, script=script)  # warm
                floor = run.wrk(base + "/health", args.seconds)
                result = run.timed(server, base + path, args.seconds, headers=headers,
                                   script=script)
                if result["errors"] or floor["errors"]:
                    failed = True
                    print(f"{name}: {result['errors']} responses were errors", file=sys.stderr)
                ratio = result["rps"] / floor["rps"] if floor["rps"] else 0.0
                print(f"| {name} | {result['rps']:.0f} | {floor['rps']:.0f} | {ratio:.2f} "
                      f"| {result['cpu_us']:.0f} µs |", flush=True)
    finally:
        server.stop()
        os.unlink(page_file.name)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
