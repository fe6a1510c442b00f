#!/usr/bin/env python3
"""Event and actor figures on a fixed tune / held-out split of the shared dev data, through the CLI and
the outside scorers in ../shared/eval (the way the hidden parts are scored).

usage: python benchmarks/event_figures.py [--sets news,plover,synthetic,seeds] [--synthetic-limit N] [--keep DIR]

Every record goes to the part named by a hash of its id (``part_of``): the ``tune`` part is the one
rules may be fitted to, the ``held`` part is only measured. The split is fixed, so figures from
different commits compare. Prints one line of figures per set and part.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"
EVAL = SHARED / "eval"


def part_of(record_id: str) -> str:
    """'tune' or 'held': a stable split, about half each."""
    return "tune" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0 else "held"


def _tidings(*args: str) -> str:
    done = subprocess.run(["tidings", *args], capture_output=True, text=True, check=False)
    if done.returncode not in (0,):
        sys.stderr.write(done.stderr[-2000:])
    return done.stdout


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _run_events(work: Path, name: str, inputs: list[dict[str, object]]) -> Path:
    src = _write(work / f"{name}.in.jsonl", inputs)
    db = work / f"{name}.duckdb"
    db.unlink(missing_ok=True)
    _tidings("run", str(src), "--db", str(db))
    out = work / f"{name}.events.jsonl"
    out.write_text(_tidings("events", "--db", str(db), "--format", "jsonl"), encoding="utf-8")
    return out


def _score(script: str, *args: Path) -> str:
    done = subprocess.run([sys.executable, str(EVAL / script), *map(str, args)], capture_output=True, text=True)
    return (done.stdout.strip() or done.stderr.strip()).splitlines()[-1]


def _load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def news(work: Path) -> None:
    docs = _load(DATA / "news_events_gold" / "documents.jsonl")
    gold = _load(DATA / "news_events_gold" / "events.jsonl")
    for part in ("tune", "held"):
        pdocs = [d for d in docs if part_of(str(d["id"])) == part]
        ids = {d["id"] for d in pdocs}
        pgold = _write(work / f"news-{part}.gold.jsonl", [g for g in gold if g["doc_id"] in ids])
        pred = _run_events(work, f"news-{part}", pdocs)
        print(f"news_gold {part} ({len(pdocs)} reports): {_score('score_news_events.py', pgold, pred)}")


def plover(work: Path) -> None:
    recs = _load(DATA / "plover_gsr_cameo" / "records.jsonl")
    for part in ("tune", "held"):
        prec = [r for r in recs if part_of(str(r["id"])) == part]
        pgold = _write(work / f"plover-{part}.gold.jsonl", prec)
        inputs = [{"id": r["id"], "text": r["text"], "published": r.get("date") or None} for r in prec]
        pred = _run_events(work, f"plover-{part}", inputs)
        print(f"plover {part} ({len(prec)} records): {_score('score_events.py', pgold, pred)}")


def synthetic(work: Path, limit: int | None) -> None:
    stories = _load(DATA / "ngec_synthetic_events" / "stories.jsonl")
    for part in ("tune", "held"):
        pst = [s for s in stories if part_of(str(s["id"])) == part][:limit]
        inputs = [{"id": s["id"], "title": s["title"], "text": f"{s['title']}\n\n{s['text']}"} for s in pst]
        pred = _run_events(work, f"synthetic-{part}", inputs)
        types: dict[str, set[str]] = {}
        for ev in _load(pred):
            types.setdefault(str(ev.get("doc_id")), set()).add(str(ev.get("type")))
        # The stored doc_id is tidings' own; map back through the run's documents.
        found = Counter[str]()
        total = Counter[str]()
        by_ref = _doc_refs(work / f"synthetic-{part}.duckdb")
        for s in pst:
            total[str(s["label"])] += 1
            if str(s["label"]) in types.get(by_ref.get(str(s["id"]), ""), set()):
                found[str(s["label"])] += 1
        recall = sum(found.values()) / max(1, sum(total.values()))
        per = " ".join(f"{t}={found[t] / total[t]:.2f}" for t in sorted(total))
        print(f"synthetic {part} ({sum(total.values())} stories): label_recall={recall:.3f}  {per}")


def _doc_refs(db: Path) -> dict[str, str]:
    """The input id of each stored document → its doc_id."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select ref, doc_id from documents").fetchall()
    finally:
        con.close()
    out: dict[str, str] = {}
    for ref, doc_id in rows:
        out[str(ref).rsplit("#", 1)[-1]] = str(doc_id)
        out[str(ref)] = str(doc_id)
    return out


def seeds(work: Path) -> None:
    db = work / "seeds.duckdb"
    db.unlink(missing_ok=True)
    _tidings("run", str(SHARED / "seeds"), "--db", str(db))
    ev = work / "seeds.events.jsonl"
    q = work / "seeds.quotes.jsonl"
    ev.write_text(_tidings("events", "--db", str(db), "--format", "jsonl"), encoding="utf-8")
    q.write_text(_tidings("quotes", "--db", str(db), "--format", "jsonl"), encoding="utf-8")
    print(f"seeds: {_score('check_seeds.py', SHARED / 'seeds' / 'expected.yaml', ev, q)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="news,plover,synthetic,seeds")
    ap.add_argument("--synthetic-limit", type=int, default=None, help="stories per part (default: all)")
    ap.add_argument("--keep", type=Path, default=None, help="keep inputs, stores and outputs in this folder")
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} not found: this benchmark reads the shared data sets beside the repository")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for name in args.sets.split(","):
            if name == "news":
                news(work)
            elif name == "plover":
                plover(work)
            elif name == "synthetic":
                synthetic(work, args.synthetic_limit)
            elif name == "seeds":
                seeds(work)
            else:
                sys.exit(f"unknown set {name!r}")


if __name__ == "__main__":
    main()
