#!/usr/bin/env python3
"""Where a route's real CPU time goes, beside `/health`'s, in the benchmark's own conditions.

callgrind (`bench/profile.sh`) counts instructions, which stay the same from run to run, but it
is not time: valgrind has no SHA extensions (it counts SHA-256 in software, several times
dearer), counts a large copy by its bytes, and leaves out the kernel, which takes about half of
a request. This samples the release binary with `perf` while wrk drives it as `bench/run.py`
does (16 connections; logged in at the route's lab, the cookies of successive reloads sent in
turn), unwinding each sample's stack from DWARF (the release build keeps no frame pointers, so
`--call-graph=fp` loses most callers). For `/health` and then the route it prints the server's
CPU time per request, split into the kernel's, the C library's and the binary's own, and, in
microseconds per request, each frame that matters: the handler, rendering, each response
fairing, writing the response and reading the request. A frame's time includes what it calls;
a row's difference from `/health`'s is what the route itself costs.

    python3 bench/perf.py /labs/sessions --lab sessions
    python3 bench/perf.py /labs/jwt-header/api/visit --bearer
    python3 bench/perf.py /labs/cookies --lab cookies --binary /tmp/auth-labs-other --top 30

Needs `perf` (Debian: linux-perf) and `wrk`; run as root or with `perf_event_paranoid` at 1 or
less. Reuses run.py's helpers. Start from `cargo build --release`.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402

# The frames shown for each route (a regular expression over perf's symbol, and a label): a
# route's handler is its `into_info` closure, which Rocket's codegen names after the route.
FRAMES = [
    (r"^rocket::server::hyper_service_fn::\{\{closure\}\}::\{\{closure\}\}$", "Rocket: a request"),
    (r"::into_info::monomorphized_function::\{\{closure\}\}$", "handler (guards, lab, render)"),
    (r"^auth_labs::site::view::Template::finish_in$", "  rendering the page"),
    (r"^rocket::server::<impl .*>::send_response::\{\{closure\}\}$", "Rocket: sending the body"),
    (r" as rocket::fairing::Fairing>::on_response::\{\{closure\}\}$", "response fairings"),
    (r"^__GI___writev$", "writev (kernel sends)"),
    (r"^__libc_recv$", "recv (kernel reads)"),
]


def perf_report(data, *options):
    command = ["perf", "report", "-i", data, "--stdio", "-g", "none", "--percent-limit", "0.05",
               *options]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def rows(report):
    """(children %, self %, symbol) from `perf report --children --sort sym`, or (%, dso) rows
    from `--sort dso` (then self is None)."""
    for line in report.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        match = re.match(r"\s*([\d.]+)%\s+([\d.]+)%\s+\[(.)\]\s+(.*\S)", line)
        if match:
            yield float(match.group(1)), float(match.group(2)), match.group(4)
            continue
        match = re.match(r"\s*([\d.]+)%\s+(\S.*\S)", line)
        if match:
            yield float(match.group(1)), None, match.group(2)


def profile(server, url, headers, options, seconds, frequency):
    """The server's CPU µs per request under wrk, and perf's data file for that stretch."""
    run.wrk(url, 2, headers=headers, **options)  # warm: kept fragments, allocator, caches
    handle, data = tempfile.mkstemp(prefix="perf-", suffix=".data")
    os.close(handle)
    # perf samples for wrk's duration and a second more, started first, so that every
    # request wrk counts falls inside the samples.
    recorder = subprocess.Popen(
        ["perf", "record", "-F", str(frequency), "--call-graph=dwarf,16384", "-p",
         str(server.process.pid), "-o", data, "--", "sleep", str(seconds + 1)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = run.timed(server, url, seconds, headers=headers, **options)
    recorder.wait()
    return result, data


def split(data):
    """{kernel, libc, binary, other}: each one's share of the samples."""
    shares = {"kernel": 0.0, "libc": 0.0, "binary": 0.0, "other": 0.0}
    for share, _, dso in rows(perf_report(data, "--no-children", "--sort", "dso")):
        if dso.startswith("[kernel"):
            shares["kernel"] += share
        elif dso.startswith("libc"):
            shares["libc"] += share
        elif dso == run.BINARY.name or dso.endswith("auth-labs"):
            shares["binary"] += share
        else:
            shares["other"] += share
    return shares


def frames(data):
    """Each of FRAMES' share (children %; summed over the symbols it matches, which never
    nest: each pattern names one level of the stack)."""
    found = {label: 0.0 for _, label in FRAMES}
    for children, _, symbol in rows(perf_report(data, "--children", "--sort", "sym")):
        for pattern, label in FRAMES:
            if re.search(pattern, symbol):
                found[label] += children
    return found


def top(data, count):
    """The `count` symbols with the most samples of their own."""
    report = perf_report(data, "--no-children", "--sort", "sym")
    return [(share, symbol) for share, _, symbol in rows(report)][:count]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("route", help="a path, as /labs/sessions")
    parser.add_argument("--lab", help="log in as alice at this lab first (sessions, cookies, …)")
    parser.add_argument("--bearer", action="store_true",
                        help="POST with alice's token as Authorization: Bearer (api/visit)")
    parser.add_argument("--binary", default=str(run.BINARY))
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--frequency", type=int, default=999, help="samples a second")
    parser.add_argument("--top", type=int, default=15, help="symbols by their own samples")
    args = parser.parse_args()
    run.BINARY = Path(args.binary)
    server = run.Server()
    directory = tempfile.mkdtemp(prefix="auth-labs-perf-")
    try:
        headers, options = [], {}
        if args.lab:
            cookie = run.logged_in_cookies(server.url, args.lab)
            headers = [f"Cookie: {cookie}"]
            options = run.reloaded(server.url + args.route, headers, directory)
        if args.bearer:
            headers = [f"Authorization: Bearer {run.bearer_token(server.url)}"]
            options = {"script": "post_empty.lua"}
        else:
            run.page_answers_200(server.url + args.route, headers)
        measured = []
        for name, url, sent, sent_options in (("/health", server.url + "/health", [], {}),
                                              (args.route, server.url + args.route, headers,
                                               options)):
            result, data = profile(server, url, sent, sent_options, args.seconds, args.frequency)
            if result["errors"]:
                raise SystemExit(f"{name}: {result['errors']} responses were not 2xx or 3xx")
            measured.append((name, result, split(data), frames(data), top(data, args.top)))
            Path(data).unlink()
    finally:
        server.stop()
        for path in Path(directory).glob("*"):
            path.unlink()
        Path(directory).rmdir()

    (floor_name, floor, floor_split, floor_frames, _), (name, page, page_split, page_frames,
                                                        page_top) = measured
    print(f"perf, {args.seconds} s each under wrk (16 connections), DWARF call graphs; "
          f"server CPU µs per request (share of its samples)\n")
    print(f"| | {floor_name} | {name} | difference |")
    print("|---|---:|---:|---:|")

    def line(label, floor_share, page_share):
        f = floor["cpu_us"] * floor_share / 100
        p = page["cpu_us"] * page_share / 100
        print(f"| {label} | {f:.1f} ({floor_share:.1f} %) | {p:.1f} ({page_share:.1f} %) "
              f"| {p - f:+.1f} |")

    print(f"| requests a second | {floor['rps']:.0f} | {page['rps']:.0f} | |")
    line("server CPU, all", 100.0, 100.0)
    for part in ("kernel", "libc", "binary", "other"):
        line(part, floor_split[part], page_split[part])
    for _, label in FRAMES:
        line(label, floor_frames[label], page_frames[label])
    print(f"\nTop {args.top} symbols of {name} by their own samples:\n")
    for share, symbol in page_top:
        print(f"  {share:5.2f} %  {symbol[:150]}")


if __name__ == "__main__":
    main()
