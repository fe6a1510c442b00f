"""Whole reports against document-level event gold (news_events_gold): are the actors of each event
right? The reports are run through the pipeline into a temporary store and read back as
``tidings events`` reads them (its default output), then reduced per report, as the outside scorer
``score_news_events.py`` reduces them, to distinct (type, source country, target country) triples,
distinct types, and distinct source–target country pairs (dyads)."""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Triple = tuple[str | None, str | None, str | None]


@dataclass(frozen=True, slots=True)
class Counts:
    hits: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.hits / max(self.predicted, 1)

    @property
    def recall(self) -> float:
        return self.hits / max(self.gold, 1)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class NewsScore:
    documents: int
    triples: Counts
    types: Counts
    dyads: Counts

    def line(self) -> str:
        t, d = self.triples, self.dyads
        return (
            f"news_events_gold docs={self.documents} dyad_p={d.precision:.3f} dyad_r={d.recall:.3f} "
            f"dyad_f1={d.f1:.3f} triple_p={t.precision:.3f} triple_r={t.recall:.3f} triple_f1={t.f1:.3f} "
            f"type_f1={self.types.f1:.3f}"
        )


def _country(role: Any) -> str | None:
    return role.get("country") if isinstance(role, dict) else None


def _triples(events: list[dict[str, Any]]) -> set[Triple]:
    return {(e.get("type"), _country(e.get("source")), _country(e.get("target"))) for e in events}


def score(gold: dict[str, list[dict[str, Any]]], predicted: dict[str, list[dict[str, Any]]]) -> NewsScore:
    """Scores as score_news_events.py counts them: triples matched one to one (a gold triple with
    no target matches a predicted one of the same type and source), types and dyads as sets."""
    tp = n_pred = n_gold = ttp = tn_pred = tn_gold = dtp = dn_pred = dn_gold = 0
    for doc, gevents in gold.items():
        g, p = _triples(gevents), _triples(predicted.get(doc, []))
        n_gold, n_pred = n_gold + len(g), n_pred + len(p)
        used_g: set[Triple] = set()
        used_p: set[Triple] = set()
        for k in sorted(g & p, key=str):
            used_g.add(k)
            used_p.add(k)
        for k in sorted(g - used_g, key=str):
            if k[2] is not None:
                continue
            q = next((q for q in sorted(p - used_p, key=str) if q[0] == k[0] and q[1] == k[1]), None)
            if q is not None:
                used_g.add(k)
                used_p.add(q)
        tp += len(used_g)
        gt, pt = {k[0] for k in g}, {q[0] for q in p}
        ttp, tn_gold, tn_pred = ttp + len(gt & pt), tn_gold + len(gt), tn_pred + len(pt)
        gd, pd = {k[1:] for k in g}, {q[1:] for q in p}
        dtp, dn_gold, dn_pred = dtp + len(gd & pd), dn_gold + len(gd), dn_pred + len(pd)
    return NewsScore(
        len(gold), Counts(tp, n_pred, n_gold), Counts(ttp, tn_pred, tn_gold), Counts(dtp, dn_pred, dn_gold)
    )


def evaluate_news(folder: Path) -> NewsScore:
    """Run the gold's documents.jsonl through tidings and score its default event output."""
    from tidings.runner import run
    from tidings.settings import load_settings
    from tidings.store import open_store

    gold: dict[str, list[dict[str, Any]]] = {}
    for line in (folder / "events.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold[str(rec["doc_id"])] = list(rec["events"])
    predicted: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "news.duckdb")
        with open_store(db) as store:
            run([str(folder / "documents.jsonl")], store, load_settings(db=db))
            for event in store.events():
                predicted[str(event.get("doc_ref"))].append(event)
    return score(gold, predicted)
