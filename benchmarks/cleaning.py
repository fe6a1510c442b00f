#!/usr/bin/env python3
"""Cleaning throughput and quality on the article-extraction benchmark's pages.

usage: python benchmarks/cleaning.py [DATA_DIR] [--repeat N]

DATA_DIR defaults to ../shared/data/article_extraction_benchmark (html/, text/, ground-truth.json).
For each path (the HTML path on html/, the text cleaner on text/) prints pages, documents/s,
MB/s of input and the benchmark's F1; the pages are read into memory first so that only cleaning
is timed, and each path runs --repeat times (the best time is reported).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from tidings.clean import clean_document
from tidings.evaluate.extraction import score_pages
from tidings.records import Document, RawDocument

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "article_extraction_benchmark"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    gold = {k: v["articleBody"] for k, v in json.loads((args.data_dir / "ground-truth.json").read_text()).items()}
    for fmt, sub, suffix in (("html", "html", ".html"), ("text", "text", ".txt")):
        pages = {pid: (args.data_dir / sub / f"{pid}{suffix}").read_bytes() for pid in gold}
        size = sum(len(b) for b in pages.values())
        best = float("inf")
        texts: dict[str, str] = {}
        for _ in range(args.repeat):
            start = time.perf_counter()
            for pid, data in pages.items():
                doc = clean_document(RawDocument(pid, pid, data, format=fmt), 50_000_000, english_only=False)
                texts[pid] = doc.text if isinstance(doc, Document) else ""
            best = min(best, time.perf_counter() - start)
        score = score_pages(gold, texts.__getitem__)
        print(
            f"{fmt}: pages={len(pages)} docs_per_s={len(pages) / best:.1f} mb_per_s={size / best / 1e6:.2f} "
            f"f1={score.f1:.3f} precision={score.precision:.3f} recall={score.recall:.3f}"
        )
    print(f"peak_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()
