#!/usr/bin/env python3
"""Quote figures on a fixed tune / held-out split of the shared PolNeAR data, through the CLI and the
outside scorer ../shared/eval/score_quotes.py (the way the hidden part is scored).

usage: python benchmarks/quote_figures.py [--train-share N] [--train-slice K] [--keep DIR]

Two sets: ``dev`` (PolNeAR's dev month, 84 articles) and ``train`` (one article in N of PolNeAR's
train months, chosen by a hash of the article's name; N is 5 by default, about 170 articles).
Each article goes to the part named by a hash of its name (``part_of``, the split of
``event_figures.py``): rules may be fitted to the ``tune`` part only; the ``held`` part is only
measured. Prints one line per set and part, and one for both sets' held parts together.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from event_figures import DATA, EVAL, part_of

GOLD = DATA / "polnear_quotes"


def _articles(path: Path, share: int = 1, slice_: int = 1) -> list[str]:
    """One line per article (the first annotator's), optionally one article in ``share`` (those
    whose hash leaves ``slice_`` over ``share``)."""
    seen: set[str] = set()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        article = json.loads(line)["article"]
        if article in seen:
            continue
        seen.add(article)
        if share > 1 and int(hashlib.sha1(article.encode()).hexdigest(), 16) % share != slice_:
            continue
        out.append(line)
    return out


def _tidings(*args: str) -> str:
    done = subprocess.run(["tidings", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-2000:])
    return done.stdout


def _predict(work: Path, name: str, rows: list[str]) -> Path:
    """tidings' quotes for the articles, as the hidden part is run: JSONL in, ``tidings quotes`` out."""
    src = work / f"{name}.in.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for row in rows:
            r = json.loads(row)
            f.write(json.dumps({"id": r["id"], "text": r["text"], "published": r["publication_date"]}) + "\n")
    db = work / f"{name}.duckdb"
    db.unlink(missing_ok=True)
    _tidings("run", str(src), "--db", str(db), "--quiet")
    out = work / f"{name}.quotes.jsonl"
    out.write_text(_tidings("quotes", "--db", str(db), "--format", "jsonl"), encoding="utf-8")
    return out


def _score(gold: Path, pred: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(EVAL / "score_quotes.py"), str(gold), str(pred)], capture_output=True, text=True
    )
    return (done.stdout.strip() or done.stderr.strip()).splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-share", type=int, default=5, help="take one train article in N (default 5)")
    parser.add_argument(
        "--train-slice",
        type=int,
        default=1,
        help="which one in N (0 to N-1, default 1): another slice gives fresh train articles, split the same way",
    )
    parser.add_argument("--keep", type=Path, help="write the parts and predictions here instead of a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        sets = {"dev": _articles(GOLD / "dev.jsonl"), "train": _articles(GOLD / "train.jsonl", args.train_share, args.train_slice)}
        every = [row for rows in sets.values() for row in rows]
        pred = _predict(work, "all", every)
        held: list[str] = []
        for name, rows in sets.items():
            for part in ("tune", "held"):
                chosen = [r for r in rows if part_of(json.loads(r)["article"]) == part]
                if part == "held":
                    held += chosen
                gold = work / f"{name}.{part}.jsonl"
                gold.write_text("".join(r + "\n" for r in chosen), encoding="utf-8")
                print(f"polnear {name} {part}: {_score(gold, pred)}")
        gold = work / "held.jsonl"
        gold.write_text("".join(r + "\n" for r in held), encoding="utf-8")
        print(f"polnear dev+train held: {_score(gold, pred)}")


if __name__ == "__main__":
    main()
