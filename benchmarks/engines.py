#!/usr/bin/env python3
"""What the engines buy: tidings end to end with 1 and 2 local workers and on a 2-CPU local Ray
cluster, against a bare spaCy parse (``nlp.pipe``) of the same texts; and the memory of a long
synthetic stream.

usage: python benchmarks/engines.py [CORPUS.jsonl] [--limit N] [--runs bare,local1,local2,ray] [--repeat R]
       python benchmarks/engines.py --stream 100000 [--workers 2] [--paragraphs K]

CORPUS defaults to ../shared/data/polnear_quotes/train.jsonl (real news articles, field `text`).
Each run is a child process. For each it prints documents/s and words/s (wall clock), CPU seconds
per 1,000 words and in all (the process and every process under it: pool workers, Ray's
processes), the cores kept busy on average (CPU seconds / wall seconds: on a machine shared with
other work, fewer than the workers), peak RSS (summed over the same processes, sampled every
0.2 s), and the ratio of its CPU seconds to the bare parse's.

Timing: every run starts cold, as `tidings run` does: loading the model (once per process that
parses: the bare parse, the one worker, each pool worker, each Ray actor) is on the clock; Ray's
own start (ray.init) is not. benchmarks/throughput.py, which loads the model off the clock, gives
the speed bound's ratio.

``--stream N`` makes N reports by repeating the corpus, each varied (paragraphs rotated, numbers
shifted, a closing sentence with its number) so that no two have the same text, writes them to a
JSONL file and runs `tidings run` over it, printing the summed RSS (and each process's) at every tenth of the stream (``--marks``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear_quotes" / "train.jsonl"
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


# -- the process tree, read from /proc ----------------------------------------------------------
def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2 :].split()  # fields from the state on (comm may hold spaces)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(int(entry))) is not None:
            children.setdefault(int(fields[1]), []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


class TreeMeter:
    """Samples the summed RSS and the CPU time of this process and all under it."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.peak, self.cpu = every, 0, {}
        self.rss_now = 0
        self.rss_each: dict[int, int] = {}  # the last sample's RSS of each process
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def sample(self) -> None:
        rss, each = 0, {}
        for pid in _tree(os.getpid()):
            fields = _stat(pid)
            try:
                pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            except (OSError, IndexError, ValueError):
                continue
            rss += pages * PAGE
            each[pid] = pages * PAGE
            if fields is not None:
                # utime, stime: fields 14 and 15 of stat, 12 and 13 here (counted from the state).
                used = (int(fields[11]) + int(fields[12])) / TICK
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), used)
        self.rss_now, self.rss_each = rss, each
        self.peak = max(self.peak, rss)

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def __enter__(self) -> TreeMeter:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def cpu_seconds(self) -> float:
        """CPU of the tree: the sampled per-process totals, or what the kernel has counted for this
        process and its reaped children, whichever is larger (a process may end between samples)."""
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        counted = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
        return max(counted, sum(self.cpu.values()))


# -- the corpus ----------------------------------------------------------------------------------
def load_rows(corpus: str, limit: int) -> list[dict[str, Any]]:
    rows = []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj.get("text"):
                rows.append({"id": obj.get("id"), "text": obj["text"], "published": obj.get("publication_date")})
            if len(rows) >= limit:
                break
    return rows


_NUMBER = re.compile(r"\b\d+\b")


def varied(rows: list[dict[str, Any]], n: int, paragraphs: int | None) -> Iterator[dict[str, Any]]:
    """``n`` reports made from ``rows`` repeated: round k rotates each report's paragraphs by k,
    adds k to its numbers and closes it with a sentence of its own, so no two texts are the same."""
    for i in range(n):
        row = rows[i % len(rows)]
        k = i // len(rows)
        paras = [p for p in row["text"].split("\n") if p.strip()]
        if k and len(paras) > 1:
            r = k % len(paras)
            paras = paras[r:] + paras[:r]
        if paragraphs:
            paras = paras[:paragraphs]
        text = "\n".join(paras)
        if k:
            text = _NUMBER.sub(lambda m, k=k: str(int(m.group()) + k), text)
        yield {"id": f"s{i}", "text": text + f" This is report {i} of the stream.", "published": row["published"]}


# -- one measured run, in a child process --------------------------------------------------------
def child(mode: str, corpus: str, limit: int, args: argparse.Namespace) -> dict[str, Any]:
    rows = load_rows(corpus, limit)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    if mode == "bare":
        from tidings.nlp import load_model

        with TreeMeter() as meter:
            cpu0 = meter.cpu_seconds()
            start = time.perf_counter()
            for _ in load_model().pipe(texts, batch_size=32):
                pass
            elapsed = time.perf_counter() - start
        return {"docs": len(texts), "words": words, "seconds": elapsed, "cpu": meter.cpu_seconds() - cpu0,
                "peak_mb": meter.peak / 2**20}  # fmt: skip

    from tidings.runner import run
    from tidings.settings import load_settings
    from tidings.store import Store

    workers = {"local1": 1, "local2": 2, "ray": 2}[mode]
    if mode == "ray":
        import ray

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        inp.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        settings = load_settings(db=str(Path(tmp) / "b.duckdb"))
        with TreeMeter() as meter:
            cpu0 = meter.cpu_seconds()
            start = time.perf_counter()
            with Store(settings.db) as store:
                total = run([str(inp)], store, settings, workers=workers, engine="ray" if mode == "ray" else "local")
            elapsed = time.perf_counter() - start
            meter.sample()
            cpu = meter.cpu_seconds() - cpu0
    if mode == "ray":
        ray.shutdown()
    return {"docs": len(texts), "words": words, "seconds": elapsed, "cpu": cpu, "peak_mb": meter.peak / 2**20,
            "stored": total.stored, "events": total.events}  # fmt: skip


def stream(corpus: str, args: argparse.Namespace) -> None:
    from tidings.runner import run
    from tidings.settings import load_settings
    from tidings.store import BatchCounts, Store

    rows = load_rows(corpus, 10**9)
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "stream.jsonl"
        words = 0
        with inp.open("w", encoding="utf-8") as fh:
            for row in varied(rows, args.stream, args.paragraphs):
                words += len(row["text"].split())
                fh.write(json.dumps(row) + "\n")
        print(f"stream: {args.stream} synthetic reports, {words} words, from {len(rows)} of {corpus}", flush=True)
        settings = load_settings(db=str(Path(tmp) / "s.duckdb"))
        done, marks = 0, [args.stream * k // args.marks for k in range(1, args.marks + 1)]
        with TreeMeter(every=1.0) as meter:
            start = time.perf_counter()

            def on_batch(counts: BatchCounts) -> None:
                nonlocal done
                done += counts.stored + counts.skipped + sum(counts.rejected.values())
                while marks and done >= marks[0]:
                    meter.sample()
                    rate = done / (time.perf_counter() - start)
                    me = meter.rss_each.get(os.getpid(), 0)
                    workers = " + ".join(
                        f"{v / 2**20:.0f}" for p, v in sorted(meter.rss_each.items()) if p != os.getpid()
                    )
                    print(f"  {done:>7} reports: RSS {meter.rss_now / 2**20:7.0f} MB (this process {me / 2**20:.0f}"
                          f"{', workers ' + workers if workers else ''}; peak so far {meter.peak / 2**20:.0f} MB), "
                          f"{rate:.1f} docs/s", flush=True)  # fmt: skip
                    marks.pop(0)

            with Store(settings.db) as store:
                total = run([str(inp)], store, settings, workers=args.workers, on_batch=on_batch)
        elapsed = time.perf_counter() - start
        print(f"stream: {total.stored} stored, {total.skipped} skipped, {elapsed:.0f} s, {args.workers} workers, "
              f"peak RSS (all processes) {meter.peak / 2**20:.0f} MB")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--runs", default="bare,local1,local2,ray")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each, in turn; the fastest is printed")
    ap.add_argument("--stream", type=int, help="run a synthetic stream of this many reports and print memory")
    ap.add_argument("--workers", type=int, default=2, help="workers for --stream")
    ap.add_argument("--paragraphs", type=int, help="--stream: keep this many paragraphs of each report")
    ap.add_argument("--marks", type=int, default=10, help="--stream: print memory this many times")
    ap.add_argument("--child")
    args = ap.parse_args()
    if not Path(args.corpus).is_file():
        sys.exit(f"corpus not found: {args.corpus} (pass a JSONL file with a `text` field)")
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.limit, args)))
        return
    if args.stream:
        stream(args.corpus, args)
        return
    results: dict[str, dict[str, Any]] = {}
    load = os.getloadavg()[0]
    for _ in range(args.repeat):  # round robin, so that a busy spell does not fall on one engine alone
        for mode in args.runs.split(","):
            cmd = [sys.executable, __file__, args.corpus, "--limit", str(args.limit), "--child", mode]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode:
                print(f"{mode}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            if mode not in results or r["seconds"] < results[mode]["seconds"]:
                results[mode] = r
    print(f"load average (1 min) at the start {load:.2f}, at the end {os.getloadavg()[0]:.2f}; "
          f"best of {args.repeat} run(s) each")  # fmt: skip
    labels = {"bare": "bare nlp.pipe", "local1": "local, 1 worker", "local2": "local, 2 workers",
              "ray": "ray, 2-CPU local"}  # fmt: skip
    bare = results.get("bare")
    for mode, r in results.items():
        ratio = f", CPU ratio to bare {r['cpu'] / bare['cpu']:.2f}x" if bare and mode != "bare" else ""
        print(
            f"{labels[mode]:>17}: {r['docs']} docs, {r['docs'] / r['seconds']:.2f} docs/s, "
            f"{r['words'] / r['seconds']:.0f} words/s, {r['cpu']:.1f} CPU s ({1000 * r['cpu'] / r['words']:.3f} "
            f"per 1,000 words, {r['cpu'] / r['seconds']:.2f} cores busy), peak RSS {r['peak_mb']:.0f} MB{ratio}"
        )
    rate = {m: r["docs"] / r["seconds"] for m, r in results.items()}
    if "local1" in rate and "local2" in rate:
        print(f"2 workers / 1 worker, docs/s: {rate['local2'] / rate['local1']:.2f}x")
    if "ray" in rate and "local2" in rate:
        print(f"ray (2 CPUs) / local (2 workers), docs/s: {rate['ray'] / rate['local2']:.2f}x")


if __name__ == "__main__":
    main()
