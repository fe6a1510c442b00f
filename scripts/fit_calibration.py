#!/usr/bin/env python3
"""Fit the confidence calibration (src/tidings/events/data/calibration.yaml) and print its reliability.

usage: python scripts/fit_calibration.py [--write]

Runs tidings with raw rule strengths (TIDINGS_CALIBRATION=off) over the hand-coded dev gold beside
the repository (../shared/data/news_events_gold: whole reports; ../shared/data/plover_gsr_cameo:
sentences), keeps the events ``tidings events`` shows by default, and labels each right when its
(type, source country, target country) is one the gold codes for that report (a gold event with
no target is matched by any target). A logistic model (L2, Newton's method) is fitted on the tune
part of the fixed split (benchmarks/event_figures.py's ``part_of``) and the reliability table is
printed for the tune part and the held part: of the events at confidence >= c, the share right.
``--write`` stores the weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

os.environ["TIDINGS_CALIBRATION"] = "off"

import numpy as np

from tidings.events.calibrate import features
from tidings.pipeline import process
from tidings.records import Analysis, Event, Modality
from tidings.settings import load_settings
from tidings.sources import read_inputs

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "tidings" / "events" / "data" / "calibration.yaml"
Triple = tuple[str | None, str | None, str | None]


def part_of(record_id: str) -> str:
    return "tune" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0 else "held"


def shown(event: Event) -> bool:
    """What ``tidings events`` shows by default: asserted or reported acts, not negated."""
    return event.modality in (Modality.ASSERTED, Modality.REPORTED) and not event.negated


def triple(e: Event) -> Triple:
    src = e.source.actor.country_code if e.source and e.source.actor else None
    tgt = e.target.actor.country_code if e.target and e.target.actor else None
    return (e.type, src, tgt)


def right(t: Triple, gold: set[Triple]) -> bool:
    return t in gold or (t[0], t[1], None) in gold


def _events(rows: list[dict[str, Any]], tmp: Path) -> dict[str, list[Event]]:
    """Events by input id, through the same readers and pipeline as ``tidings run``."""
    path = tmp / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out: dict[str, list[Event]] = {}
    for result in process(read_inputs([str(path)], None, load_settings().max_bytes), load_settings()):
        if isinstance(result, Analysis):
            ref = result.document.ref.rsplit("#", 1)[-1]
            out[ref] = [e for e in result.events if shown(e)]
    return out


def samples(tmp: Path) -> list[tuple[str, dict[str, float], bool]]:
    """(part, features, right) for every shown event on both gold sets."""
    out: list[tuple[str, dict[str, float], bool]] = []
    news = DATA / "news_events_gold"
    docs = [json.loads(x) for x in (news / "documents.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    gold: dict[str, set[Triple]] = {}
    for line in (news / "events.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold[rec["doc_id"]] = {
                (e["type"], (e.get("source") or {}).get("country"), (e.get("target") or {}).get("country"))
                for e in rec["events"]
            }
    for ref, events in _events(docs, tmp).items():
        for e in events:
            out.append((part_of(ref), features(e), right(triple(e), gold.get(ref, set()))))
    records = [
        json.loads(x)
        for x in (DATA / "plover_gsr_cameo" / "records.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    pgold: dict[str, set[Triple]] = {}
    for r in records:
        srcs = [str(a["code"])[:3] for a in r.get("source") or [] if isinstance(a, dict) and a.get("code")]
        tgts = [str(a["code"])[:3] for a in r.get("target") or [] if isinstance(a, dict) and a.get("code")] or [None]
        pgold[r["id"]] = {(r["event"], s, t) for s in srcs for t in tgts}
    inputs = [{"id": r["id"], "text": r["text"], "published": r.get("date") or None} for r in records]
    for ref, events in _events(inputs, tmp).items():
        for e in events:
            out.append((part_of(ref), features(e), right(triple(e), pgold.get(ref, set()))))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + l2 * w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + l2 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def reliability(name: str, conf: np.ndarray, y: np.ndarray) -> None:
    brier = float(np.mean((conf - y) ** 2)) if len(y) else 0.0
    print(f"{name}: {len(y)} events, {int(y.sum())} right; Brier {brier:.3f}")
    print("   c   events>=c  right rate  | bin [c, c+0.1): events  mean conf  right rate")
    for c in np.arange(0.0, 1.0, 0.1):
        at = conf >= c
        bin_ = (conf >= c) & (conf < c + 0.1)
        rate = y[at].mean() if at.any() else float("nan")
        brate = y[bin_].mean() if bin_.any() else float("nan")
        bmean = conf[bin_].mean() if bin_.any() else float("nan")
        print(f"  {c:.1f}  {int(at.sum()):9d}  {rate:10.3f}  | {int(bin_.sum()):20d}  {bmean:9.3f}  {brate:10.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"write the weights to {OUT.relative_to(ROOT)}")
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} not found: the dev gold is read from ../shared beside the repository")
    with tempfile.TemporaryDirectory() as tmp:
        rows = samples(Path(tmp))
    names = list(rows[0][1])
    x = {p: np.array([[f[n] for n in names] for q, f, _ in rows if q == p]) for p in ("tune", "held")}
    y = {p: np.array([float(r) for q, _, r in rows if q == p]) for p in ("tune", "held")}
    w = fit(x["tune"], y["tune"])
    for part in ("tune", "held"):
        raw = x[part][:, names.index("raw")]
        reliability(f"{part}, raw rule strength", raw, y[part])
        reliability(f"{part}, calibrated", 1 / (1 + np.exp(-x[part] @ w)), y[part])
    if args.write:
        lines = [
            "# Confidence calibration: logistic weights over the features of events/calibrate.py.",
            f"# Fitted by scripts/fit_calibration.py on {date.today().isoformat()} on the tune part of",
            "# ../shared/data/news_events_gold and plover_gsr_cameo"
            f" ({len(y['tune'])} events, {int(y['tune'].sum())} right). Do not edit by hand: re-run the script.",
            "weights:",
            *(f"  {n}: {v:.4f}" for n, v in zip(names, w, strict=True)),
        ]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
