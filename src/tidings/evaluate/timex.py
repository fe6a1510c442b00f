"""Temporal expressions scored on TIMEX3 gold (MEANTIME, TempEval-3 in this project's JSONL form).

The rule, as the project's outside scorer states it: a predicted expression is a hit when its span
overlaps a gold span (one to one, in order) and its value equals the gold value. The document's
creation time is not an expression of the text and is left out of the gold.

Some corpora annotate only the first sentences of each document (MEANTIME: the title and the
first five sentences). The scorer also reports the figure over the annotated part: the lines up
to the last line that holds a gold expression anywhere in the data set.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tidings.records import Timex
from tidings.timex import find_timexes


@dataclass
class TimexScore:
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    span_hits: int = 0
    value_hits: int = 0

    def add(self, preds: list[Timex], golds: list[dict[str, Any]]) -> None:
        self.docs += 1
        self.gold += len(golds)
        self.predicted += len(preds)
        used: set[int] = set()
        for g in golds:
            for i, p in enumerate(preds):
                if i in used or p.end <= g["start"] or p.start >= g["end"]:
                    continue
                used.add(i)
                self.span_hits += 1
                self.value_hits += str(p.value) == str(g.get("value"))
                break

    def line(self, name: str) -> str:
        p = self.value_hits / max(self.predicted, 1)
        r = self.value_hits / max(self.gold, 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"{name}: docs={self.docs} gold={self.gold} pred={self.predicted} "
            f"span_recall={self.span_hits / max(self.gold, 1):.3f} value_p={p:.3f} value_r={r:.3f} value_f1={f:.3f}"
        )


def _gold(doc: dict[str, Any]) -> list[dict[str, Any]]:
    tx = doc["timex3"] if isinstance(doc["timex3"], list) else ast.literal_eval(doc["timex3"])
    return [t for t in tx if t.get("functionInDocument") != "CREATION_TIME" and t.get("start") is not None]


def _text(doc: dict[str, Any]) -> str:
    return str(doc.get("text_tokenized") or doc.get("text") or "")


def _line_end(text: str, lines: int) -> int:
    """Offset of the end of line number ``lines`` (0-based)."""
    pos = -1
    for _ in range(lines + 1):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos


def evaluate_timex(path: Path) -> dict[str, TimexScore]:
    docs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    last_line = max((_text(d).count("\n", 0, g["start"]) for d in docs for g in _gold(d)), default=0)
    whole, annotated = TimexScore(), TimexScore()
    for d in docs:
        text = _text(d)
        anchor = date.fromisoformat(str(d["dct"])[:10]) if d.get("dct") else None
        preds = find_timexes(text, anchor)
        golds = _gold(d)
        whole.add(preds, golds)
        end = _line_end(text, last_line)
        annotated.add([p for p in preds if p.start < end], golds)
    out = {"all text": whole}
    if annotated.predicted != whole.predicted:
        out[f"annotated lines (first {last_line + 1})"] = annotated
    return out
