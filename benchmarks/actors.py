#!/usr/bin/env python3
"""Actor resolution speed: milliseconds to resolve the mentions of a ~1,000-word report (parse excluded).

usage: python benchmarks/actors.py [CORPUS.jsonl] [--reports N]

Builds reports of about 1,000 words from CORPUS (default ../shared/data/polnear_quotes/train.jsonl,
field `text`), parses them once, then times `actors.resolve` alone on each. Prints the median and
95th percentile in ms, mentions per report, and the knowledge base's size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from tidings.actors.kb import load_kb
from tidings.actors.resolve import resolve
from tidings.nlp import load_model

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear_quotes" / "train.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--reports", type=int, default=30)
    args = ap.parse_args()
    reports: list[str] = []
    current: list[str] = []
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            current.extend(text.split())
            while len(current) >= 1000 and len(reports) < args.reports:
                reports.append(" ".join(current[:1000]))
                current = current[1000:]
            if len(reports) >= args.reports:
                break
    nlp = load_model()
    kb = load_kb()
    docs = list(nlp.pipe(reports))
    resolve(docs[0], "warm", None, kb)  # builds the phrase matcher once, as a run does
    times, mentions = [], []
    for k, doc in enumerate(docs):
        start = time.perf_counter()
        res = resolve(doc, str(k), None, kb)
        times.append((time.perf_counter() - start) * 1000)
        mentions.append(len(res.mentions))
    times.sort()
    print(
        f"reports={len(docs)} words_each=1000 resolve_ms_median={statistics.median(times):.2f} "
        f"resolve_ms_p95={times[int(0.95 * (len(times) - 1))]:.2f} mentions_median={statistics.median(mentions):.0f} "
        f"kb_entities={len(kb.entities)} kb_aliases={len(kb.aliases)}"
    )


if __name__ == "__main__":
    main()
