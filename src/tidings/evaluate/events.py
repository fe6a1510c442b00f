"""Event coding scored on public gold data: PLOVER records, and CAMEO-coded records read through
the CAMEO→PLOVER table.

Matching, as the project's outside scorer states it: a record's type is found when one of the
events coded from its sentence has the gold type; triples are (type, source country, target
country), micro-averaged, and a gold triple with no target is matched by any target. Older
PLOVER names in gold data map as DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT,
INVESTIGATE→ACCUSE. CAMEO codings whose code has no PLOVER type (01 statements, 02 appeals) are
out of PLOVER's scope and left out. A data set shipped with TABARI/PETRARCH dictionaries
(``validation_dictionaries/``) is scored with those dictionaries imported for the run.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.ontology import load_ontology
from tidings.records import SHOWN_MODALITIES, Analysis, RawDocument
from tidings.settings import Settings

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
Triple = tuple[str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class GoldRecord:
    rec_id: str
    text: str
    date: str | None
    triples: frozenset[Triple]

    @property
    def types(self) -> set[str]:
        return {t[0] for t in self.triples}


def _country(code: Any) -> str | None:
    text = str(code or "").strip()
    return text[:3].upper() if text and text[:3] not in ("---", "###") else None


def _iso(date: Any) -> str | None:
    d = str(date or "").strip()
    if len(d) == 8 and d.isdigit():
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return d[:10] or None


def read_gold(path: Path) -> list[GoldRecord]:
    """PLOVER records (``event`` with ``source``/``target`` lists) or CAMEO records (``codings``)."""
    ontology = load_ontology()
    out: list[GoldRecord] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        triples: set[Triple] = set()
        if "event" in rec:
            kind = OLD_NAMES.get(rec["event"], rec["event"])
            sources = [_country(a.get("code")) for a in rec.get("source") or [] if isinstance(a, dict)] or [None]
            targets = [_country(a.get("code")) for a in rec.get("target") or [] if isinstance(a, dict)] or [None]
            triples = {(kind, s, t) for s in sources for t in targets}
        for coding in rec.get("codings") or []:
            mapped = ontology.plover_of(coding.get("eventcode"))
            if mapped is not None:
                triples.add((mapped.plover, _country(coding.get("sourcecode")), _country(coding.get("targetcode"))))
        if triples:
            out.append(GoldRecord(str(rec["id"]), rec["text"], _iso(rec.get("date")), frozenset(triples)))
    return out


@dataclass
class EventScore:
    records: int = 0
    type_hits: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: GoldRecord, events: list[dict[str, Any]]) -> None:
        self.records += 1
        pred = {(e["type"], e["source_country"], e["target_country"]) for e in events}
        self.type_hits += any(e["type"] in gold.types for e in events)
        matched = {x for x in pred if x in gold.triples or (x[0], x[1], None) in gold.triples}
        hit = {y for y in gold.triples if y in pred or (y[2] is None and any(x[:2] == y[:2] for x in pred))}
        self.tp += len(hit)
        self.fn += len(gold.triples) - len(hit)
        self.fp += len(pred - matched)
        best = max(events, key=lambda e: e["confidence"], default=None)
        for kind in sorted(gold.types):
            got = kind if any(e["type"] == kind for e in events) else (best["type"] if best else "none")
            self.confusion[(kind, got)] += 1

    def line(self, name: str) -> str:
        p = self.tp / max(self.tp + self.fp, 1)
        r = self.tp / max(self.tp + self.fn, 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"{name}: records={self.records} type_accuracy={self.type_hits / max(self.records, 1):.3f} "
            f"triple_precision={p:.3f} triple_recall={r:.3f} triple_f1={f:.3f}"
        )

    def confusion_table(self) -> list[str]:
        """Gold type → what tidings coded (the gold type when found, else its most confident event)."""
        kinds = sorted({g for g, _ in self.confusion})
        lines = []
        for g in kinds:
            row = sorted(((n, p) for (gg, p), n in self.confusion.items() if gg == g), reverse=True)
            total = sum(n for n, _ in row)
            lines.append(f"  {g:<9} {total:>3}: " + ", ".join(f"{p} {n}" for n, p in row))
        return lines


@contextmanager
def _dictionaries(folder: Path) -> Iterator[None]:
    """Import a data set's own TABARI/PETRARCH dictionaries for the run, then forget them."""
    dicts = folder / "validation_dictionaries"
    if not dicts.is_dir():
        yield
        return
    from tidings.actors.kb import load_kb
    from tidings.actors.petrarch import import_into

    before = os.environ.get("TIDINGS_ACTORS_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TIDINGS_ACTORS_DIR"] = tmp
        for path in sorted(dicts.iterdir()):
            if path.name.endswith((".actors.txt", ".agents.txt")):
                import_into(path, Path(tmp) / "imported")
        load_kb.cache_clear()
        try:
            yield
        finally:
            if before is None:
                os.environ.pop("TIDINGS_ACTORS_DIR", None)
            else:
                os.environ["TIDINGS_ACTORS_DIR"] = before
            load_kb.cache_clear()


def _events_of(result: Analysis, include_all: bool = False) -> list[dict[str, Any]]:
    return [
        {
            "type": e.type,
            "source_country": e.source.actor.country_code if e.source and e.source.actor else None,
            "target_country": e.target.actor.country_code if e.target and e.target.actor else None,
            "confidence": e.confidence,
        }
        for e in result.events
        if include_all or (e.modality in SHOWN_MODALITIES and not e.negated)
    ]


def evaluate_events(path: Path, settings: Settings | None = None, include_all: bool = False) -> EventScore:
    """Score the events ``tidings events`` shows (``include_all``: every coded event, intended,
    hypothetical and negated ones too, as ``tidings events --all`` lists them; PETRARCH's unit
    tests code stated intentions, "is about to restore ties", as the act)."""
    from tidings.pipeline import process

    settings = settings or Settings()
    gold = read_gold(path)
    score = EventScore()
    with _dictionaries(path.parent):
        raws = [
            RawDocument(
                "gold", g.rec_id, g.text.encode("utf-8"), {"id": g.rec_id, **({"published": g.date} if g.date else {})}
            )
            for g in gold
        ]
        for g, result in zip(gold, process(raws, settings), strict=True):
            score.add(g, _events_of(result, include_all) if isinstance(result, Analysis) else [])
    return score
