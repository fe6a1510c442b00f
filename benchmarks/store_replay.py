#!/usr/bin/env python3
"""The store's share of a long stream, without the parse: what writing and linking a batch cost as
the store grows.

usage: python benchmarks/store_replay.py capture N BATCHES.pkl [CORPUS.jsonl]
       python benchmarks/store_replay.py replay BATCHES.pkl [--cycles 4] [--every 50] [--link-every 1]

``capture`` codes the first N reports of the synthetic stream of benchmarks/engines.py (one
paragraph each, as ``--stream N --paragraphs 1`` makes them) with one worker and pickles each
batch's results. ``replay`` writes them into a new store ``--cycles`` times (each cycle's reports
and events get ids and a closing sentence of their own, so each cycle adds new reports telling the
same acts), linking every ``--link-every`` batches, and prints every ``--every`` batches the CPU
milliseconds per batch of ``write_batch`` and of ``link`` (this process's CPU, DuckDB's threads
included: steadier than the wall clock on a shared machine), DuckDB's memory by tag
(``duckdb_memory()``) and the process's RSS.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engines import DEFAULT, load_rows, varied

from tidings.records import Analysis, Rejection
from tidings.store import Store


def capture(n: int, out: str, corpus: str) -> None:
    from tidings.engines import run_local
    from tidings.settings import load_settings
    from tidings.sources import read_inputs

    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "stream.jsonl"
        inp.write_text("".join(json.dumps(r) + "\n" for r in varied(load_rows(corpus, 10**9), n, 1)), encoding="utf-8")
        raws = read_inputs([str(inp)], None, settings.max_bytes, settings.max_decompressed)
        with open(out, "wb") as fh:
            for results in run_local(raws, settings, workers=1):
                pickle.dump(results, fh)


def _cycle(item: Analysis | Rejection, k: int) -> Analysis | Rejection:
    """The item as cycle ``k`` stores it: new ids, and a text of its own."""
    if k == 0 or not isinstance(item, Analysis):
        return item
    s = f"~{k}"
    d = item.document
    doc = dataclasses.replace(d, doc_id=d.doc_id + s, text=d.text + f" Cycle {k}.", ref=d.ref + s)
    return dataclasses.replace(
        item,
        document=doc,
        events=tuple(dataclasses.replace(e, doc_id=doc.doc_id, event_id=e.event_id + s) for e in item.events),
        quotes=tuple(
            dataclasses.replace(q, doc_id=doc.doc_id, quote_id=q.quote_id + s, event_ids=tuple(x + s for x in q.event_ids))
            for q in item.quotes
        ),
        mentions=tuple(dataclasses.replace(m, doc_id=doc.doc_id) for m in item.mentions),
    )


def replay(path: str, cycles: int, every: int, link_every: int) -> None:
    batches: list[list[Any]] = []
    with open(path, "rb") as fh:
        while True:
            try:
                batches.append(pickle.load(fh))
            except EOFError:
                break
    write = link = 0.0
    docs = done = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "replay.duckdb")) as store:
        for k in range(cycles):
            for batch in batches:
                items = [_cycle(x, k) for x in batch]
                t0 = time.process_time()
                store.write_batch(items)
                t1 = time.process_time()
                done += 1
                if done % link_every == 0:
                    store.link()
                write, link = write + t1 - t0, link + time.process_time() - t1
                docs += len(items)
                if done % every == 0:
                    tags = store.con.execute(
                        "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0"
                    ).fetchall()
                    rss = int(Path("/proc/self/statm").read_text().split()[1]) * 4096
                    print(f"{docs:>7} reports: write {1000 * write / every:.0f} CPU ms/batch, link "
                          f"{1000 * link / every:.0f} CPU ms/batch; DuckDB {sum(b for _, b in tags) / 2**20:.0f} MB ("
                          + ", ".join(f"{t} {b / 2**20:.0f}" for t, b in tags)
                          + f"), RSS {rss / 2**20:.0f} MB; {time.perf_counter() - start:.0f} s", flush=True)  # fmt: skip
                    write = link = 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="verb", required=True)
    c = sub.add_parser("capture")
    c.add_argument("n", type=int)
    c.add_argument("out")
    c.add_argument("corpus", nargs="?", default=str(DEFAULT))
    r = sub.add_parser("replay")
    r.add_argument("batches")
    r.add_argument("--cycles", type=int, default=4)
    r.add_argument("--every", type=int, default=50)
    r.add_argument("--link-every", type=int, default=1)
    args = ap.parse_args()
    if args.verb == "capture":
        capture(args.n, args.out, args.corpus)
    else:
        replay(args.batches, args.cycles, args.every, args.link_every)


if __name__ == "__main__":
    main()
