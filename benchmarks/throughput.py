#!/usr/bin/env python3
"""Throughput of `tidings run` against a bare spaCy parse of the same texts.

usage: python benchmarks/throughput.py [CORPUS.jsonl] [--limit N] [--workers W]

CORPUS defaults to ../shared/data/polnear_quotes/train.jsonl (real news articles, field `text`).
Each side runs in its own child process so that peak memory (max RSS) is its own. Prints documents/s,
words/s and peak memory for both, and the ratio of their times: the figure later work improves; and
the ratio of their CPU seconds (the process and any pool workers under it), which other work on a
shared machine disturbs less than the wall clock.

Neither side times the spaCy model's load. tidings' own first use (its knowledge base, lexicons,
actor matcher, gazetteer: built once per process) is timed apart, by running the bundled example
reports before the timed run; the CPU ratio is printed with it and without it. With one worker, the
tidings CPU is also split into the parse (``nlp.pipe`` and the array steps, headlines included) and
the rest (cleaning, the stages, the store).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear_quotes" / "train.jsonl"


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (pool workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _child(mode: str, corpus: str, limit: int, workers: int) -> None:
    texts, rows = [], []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj.get("text"):
                texts.append(obj["text"])
                rows.append({"id": obj.get("id"), "text": obj["text"], "published": obj.get("publication_date")})
            if len(texts) >= limit:
                break
    words = sum(len(t.split()) for t in texts)
    extra: dict[str, float] = {}
    if mode == "bare":
        from tidings.nlp import load_model

        nlp = load_model()
        start, cpu = time.perf_counter(), _cpu()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        elapsed, cpu = time.perf_counter() - start, _cpu() - cpu
    else:
        import tidings.pipeline as pipeline
        from tidings.cli.demo import examples_dir
        from tidings.nlp import load_model
        from tidings.runner import run
        from tidings.settings import load_settings
        from tidings.store import open_store

        load_model()  # both sides time the work, not the model load
        parse_cpu = [0.0]
        parse = pipeline.parse

        def timed_parse(*a: Any, **k: Any) -> Iterator[Any]:
            """The pipeline's parse, with the CPU it takes added up (this process only)."""
            docs = parse(*a, **k)
            while True:
                at = _cpu()
                doc = next(docs, None)
                parse_cpu[0] += _cpu() - at
                if doc is None:
                    return
                yield doc

        with tempfile.TemporaryDirectory() as tmp:
            # tidings' first use, timed apart: the bundled examples load what every batch needs
            first = _cpu()
            warm = load_settings(db=str(Path(tmp) / "w.duckdb"))
            with open_store(warm.db) as store:
                run([str(examples_dir())], store, warm, workers=1)
            first = _cpu() - first
            inp = Path(tmp) / "in.jsonl"
            inp.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            settings = load_settings(db=str(Path(tmp) / "b.duckdb"))
            pipeline.parse = timed_parse
            start, cpu = time.perf_counter(), _cpu()
            with open_store(settings.db) as store:
                run([str(inp)], store, settings, workers=workers)
            elapsed, cpu = time.perf_counter() - start, _cpu() - cpu
            pipeline.parse = parse
        extra["first_cpu"] = first
        if workers <= 1:
            extra["parse_cpu"] = parse_cpu[0]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"docs": len(texts), "words": words, "seconds": elapsed, "cpu": cpu, "peak_mb": peak_mb}
    print(json.dumps(out | extra))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--child", choices=["bare", "tidings"])
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.corpus, args.limit, args.workers)
        return
    if not Path(args.corpus).is_file():
        sys.exit(f"corpus not found: {args.corpus} (pass a JSONL file with a `text` field)")
    results = {}
    for mode in ("bare", "tidings"):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                args.corpus,
                "--limit",
                str(args.limit),
                "--workers",
                str(args.workers),
                "--child",
                mode,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    for mode, r in results.items():
        label = "bare nlp.pipe" if mode == "bare" else "tidings run"
        print(
            f"{label:>14}: {r['docs']} docs, {r['docs'] / r['seconds']:.1f} docs/s, "
            f"{r['words'] / r['seconds']:.0f} words/s, peak {r['peak_mb']:.0f} MB"
        )
    ratio = results["tidings"]["seconds"] / results["bare"]["seconds"]
    print(f"tidings / bare parse time: {ratio:.2f}x")
    t, bare = results["tidings"], results["bare"]["cpu"]
    first = t.get("first_cpu", 0.0)
    print(
        f"tidings / bare parse CPU time: {(t['cpu'] + first) / bare:.2f}x "
        f"({t['cpu'] + first:.1f} s / {bare:.1f} s; tidings' first use in)"
    )
    print(
        f"tidings / bare parse CPU time, first use out: {t['cpu'] / bare:.2f}x "
        f"({t['cpu']:.1f} s / {bare:.1f} s; first use {first:.1f} s, this process only)"
    )
    if "parse_cpu" in t:
        print(
            f"tidings CPU: parse {t['parse_cpu']:.1f} s ({t['parse_cpu'] / bare:.2f}x the bare parse), "
            f"the rest {t['cpu'] - t['parse_cpu']:.1f} s ({(t['cpu'] - t['parse_cpu']) / bare:.2f}x)"
        )


if __name__ == "__main__":
    main()
