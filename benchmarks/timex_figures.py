#!/usr/bin/env python3
"""Temporal-expression figures on the fixed tune / held-out split of the shared TIMEX3 dev data
(TempEval-3, MEANTIME), scored by the outside scorer ../shared/eval/score_timex.py.

usage: python benchmarks/timex_figures.py [--keep DIR]

Documents go to the part named by a hash of their doc_id (the split of ``event_figures.py``):
rules may be fitted to the ``tune`` part only; the ``held`` part is only measured. Prints one line
per data set and part, and one for the whole dev set.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from event_figures import DATA, EVAL, part_of

from tidings.timex import find_timexes

SETS = ("tempeval3_timeml", "meantime_wikinews")


def _predict(docs: list[dict[str, object]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for d in docs:
            text = str(d.get("text_tokenized") or d.get("text") or "")
            anchor = date.fromisoformat(str(d["dct"])[:10]) if d.get("dct") else None
            for t in find_timexes(text, anchor):
                f.write(json.dumps({"id": str(d["doc_id"]), "start": t.start, "end": t.end, "value": t.value}) + "\n")


def _score(gold: Path, pred: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(EVAL / "score_timex.py"), str(gold), str(pred)], capture_output=True, text=True
    )
    return (done.stdout.strip() or done.stderr.strip()).splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the parts and predictions here instead of a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for name in SETS:
            source = DATA / name / "documents.jsonl"
            if not source.is_file():
                print(f"{name}: not found at {source}")
                continue
            lines = [x for x in source.read_text(encoding="utf-8").splitlines() if x.strip()]
            parts: dict[str, list[str]] = {"tune": [], "held": [], "dev": lines}
            for line in lines:
                parts[part_of(str(json.loads(line)["doc_id"]))].append(line)
            for part, rows in parts.items():
                gold = work / f"{name}.{part}.jsonl"
                gold.write_text("".join(r + "\n" for r in rows), encoding="utf-8")
                pred = work / f"{name}.{part}.pred.jsonl"
                _predict([json.loads(r) for r in rows], pred)
                print(f"{name} {part}: {_score(gold, pred)}")


if __name__ == "__main__":
    main()
