"""Main-text extraction scored as the article-extraction benchmark defines it: F1 over word 4-gram
shingles (``\\w+`` tokens, lower-cased), true positives summed over pages (micro average)."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tidings.clean import clean_document
from tidings.records import Document, RawDocument

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text.lower())
    return Counter(tuple(toks[i : i + n]) for i in range(max(len(toks) - n + 1, 0)))


@dataclass(frozen=True, slots=True)
class ExtractionScore:
    pages: int
    precision: float
    recall: float
    f1: float
    page_mean_f1: float
    seconds: float

    def line(self, name: str) -> str:
        return (
            f"{name}: pages={self.pages} precision={self.precision:.3f} recall={self.recall:.3f} "
            f"f1={self.f1:.3f} f1_page_mean={self.page_mean_f1:.3f} docs_per_s={self.pages / max(self.seconds, 1e-9):.1f}"
        )


def score_pages(gold: dict[str, str], predict: Callable[[str], str]) -> ExtractionScore:
    tp = fp = fn = 0
    page_f1: list[float] = []
    start = time.perf_counter()
    for pid, body in gold.items():
        g, s = shingles(body), shingles(predict(pid))
        hit = sum((g & s).values())
        tp += hit
        fp += sum(s.values()) - hit
        fn += sum(g.values()) - hit
        p = hit / max(sum(s.values()), 1)
        r = hit / max(sum(g.values()), 1)
        page_f1.append(2 * p * r / (p + r) if p + r else 0.0)
    seconds = time.perf_counter() - start
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ExtractionScore(len(gold), precision, recall, f1, sum(page_f1) / max(len(page_f1), 1), seconds)


def _cleaned(path: Path, fmt: str) -> str:
    raw = RawDocument(str(path), str(path), path.read_bytes(), format=fmt)
    doc = clean_document(raw, max_bytes=50_000_000, english_only=False)
    return doc.text if isinstance(doc, Document) else ""


def evaluate_extraction(data_dir: Path) -> dict[str, ExtractionScore]:
    """Score the HTML path on ``html/<id>.html`` and the text cleaner on ``text/<id>.txt``."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {pid: rec["articleBody"] for pid, rec in truth.items()}
    out: dict[str, ExtractionScore] = {}
    if (data_dir / "html").is_dir():
        out["html"] = score_pages(gold, lambda pid: _cleaned(data_dir / "html" / f"{pid}.html", "html"))
    if (data_dir / "text").is_dir():
        out["text"] = score_pages(gold, lambda pid: _cleaned(data_dir / "text" / f"{pid}.txt", "text"))
    return out
