#!/usr/bin/env python3
"""Actor start-up and resolution speed.

usage: python benchmarks/actors.py [CORPUS.jsonl] [--reports N]

Start-up, once per process (what every `tidings run` worker pays): `load_kb()` (the data files,
the Phoenix tables included) and the first `resolve` (which builds the phrase matcher over every
name and the city gazetteer's index), in seconds; printed with the knowledge base's size and how
many of its names come from the Phoenix tables.

Resolution: builds reports of about 1,000 words from CORPUS (default
../shared/data/polnear_quotes/train.jsonl, field `text`), parses them once, then times
`actors.resolve` alone on each. Prints the median and 95th percentile in ms and mentions per report.
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
    docs = list(nlp.pipe(reports))
    start = time.perf_counter()
    kb = load_kb()
    loaded = time.perf_counter()
    resolve(docs[0], "warm", None, kb)  # builds the phrase matcher once, as a run does
    built = time.perf_counter()
    phoenix = sum(1 for a in kb.aliases if a.how == "imported")
    print(
        f"startup load_kb_s={loaded - start:.2f} first_resolve_s={built - loaded:.2f} "
        f"kb_entities={len(kb.entities)} kb_aliases={len(kb.aliases)} phoenix_or_imported_aliases={phoenix} "
        f"role_words={len(kb.agents)}"
    )
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
