#!/usr/bin/env python3
"""Load test of `tidings serve`, on 127.0.0.1 only: a fixed request rate, bounded in count and time.

usage: python benchmarks/api_load.py [--db FILE] [--rate 50] [--count 1000] [--max-seconds 60] [--workers 16] [--cold]

Starts `tidings serve` on 127.0.0.1 at a free port over --db (default: the bundled examples, coded
into a temporary store), then sends --count GET requests at --rate per second (open loop: request i
is sent at start + i/rate whatever the answers before it), spread over the read endpoints, and stops
at --max-seconds whatever is left. Prints the rate held, p50, p99 and max latency, and the error rate
(an error is a 5xx, a refused or timed-out request; 4xx answers are not expected either and are
counted apart). The mix repeats, so after its first round the server answers from its answer cache
(answers are kept per copy of the store); --cold makes every request new to it. It only ever
starts and calls a server on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _examples_store(folder: str) -> str:
    from tidings.runner import run
    from tidings.settings import load_settings
    from tidings.store import Store

    db = os.path.join(folder, "examples.duckdb")
    with Store(db) as store:
        run([str(ROOT / "src" / "tidings" / "examples")], store, load_settings(), workers=1)
    return db


def _paths(base: str) -> list[str]:
    """The requests of the mix, with a real document ref and a dyad that the store holds."""
    first = httpx.get(base + "/events", params={"limit": 1}, timeout=30).json()["items"]
    ref = first[0]["doc_ref"] if first else "none"
    net = httpx.get(base + "/network", timeout=30).json()["edges"]
    a, b = (net[0]["source"], net[0]["target"]) if net else ("IRN", "RUS")
    return [
        "/events?limit=100",
        f"/events?actor={a}&limit=50",
        "/events?type=CONSULT&format=csv",
        "/quotes?limit=100",
        "/network",
        "/actors?q=Lavrov",
        f"/documents/{ref}",
        f"/dyads/{a}/{b}?by=month",
        "/clusters?limit=50",
    ]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="The store to serve (default: the examples, coded now).")
    parser.add_argument("--rate", type=float, default=50.0, help="Requests per second to hold.")
    parser.add_argument("--count", type=int, default=1000, help="Requests to send (at most 100000).")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="Stop sending after this long (at most 600).")
    parser.add_argument("--workers", type=int, default=16, help="Requests in flight at most.")
    parser.add_argument(
        "--cold", action="store_true", help="Make every request new to the server's answer cache (a parameter it ignores)."
    )
    args = parser.parse_args()
    count = max(1, min(args.count, 100_000))
    max_seconds = max(1.0, min(args.max_seconds, 600.0))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _examples_store(tmp)
        port = _free_port()
        base = f"http://{HOST}:{port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
        env.pop("TIDINGS_API_TOKEN", None)
        server = subprocess.Popen(
            [sys.executable, "-m", "tidings.cli", "serve", "--host", HOST, "--port", str(port), "--db", db], env=env
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    httpx.get(base + "/events?limit=1", timeout=5)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("tidings serve did not start") from None
                    time.sleep(0.2)
            paths = _paths(base)
            latencies: list[float] = []
            statuses: dict[str, int] = {}
            lock = threading.Lock()
            client = httpx.Client(base_url=base, timeout=10, limits=httpx.Limits(max_connections=args.workers))

            def one(path: str) -> None:
                t0 = time.perf_counter()
                try:
                    status = str(client.get(path).status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    statuses[status] = statuses.get(status, 0) + 1

            start = time.monotonic()
            sent = 0
            with ThreadPoolExecutor(max_workers=args.workers) as pool:
                for i, path in zip(range(count), itertools.cycle(paths), strict=False):
                    due = start + i / args.rate
                    now = time.monotonic()
                    if due - start > max_seconds:
                        break
                    if due > now:
                        time.sleep(due - now)
                    pool.submit(one, path + (f"{'&' if '?' in path else '?'}load={i}" if args.cold else ""))
                    sent += 1
            wall = time.monotonic() - start
            client.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    errors = sum(n for s, n in statuses.items() if not s.isdigit() or s.startswith("5"))
    client_errors = sum(n for s, n in statuses.items() if s.startswith("4"))
    ms = [x * 1000 for x in latencies]
    print(
        f"requests: {sent} over {wall:.1f} s at a target of {args.rate:g}/s: held {sent / wall:.1f}/s"
        + (" (each new to the answer cache)" if args.cold else " (repeated: answer cache after the first round)")
    )
    print(f"latency ms: p50 {_percentile(ms, 0.5):.1f}  p99 {_percentile(ms, 0.99):.1f}  max {max(ms):.1f}  "
          f"mean {statistics.fmean(ms):.1f}")
    print(f"error rate: {errors / sent:.4f} ({errors} errors; 4xx: {client_errors}); statuses: {dict(sorted(statuses.items()))}")


if __name__ == "__main__":
    main()
