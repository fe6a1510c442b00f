"""Hand-built reports and events for the link tests (no model needed): each test says exactly
which fields its events have, so each clause of the clustering rule is tried on its own."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tidings.records import Actor, Analysis, Document, Event, Modality, Place, Precision, Role
from tidings.store import Store

PLACES = {
    "Moscow": Place("Moscow", "RUS", 55.76, 37.62, "city"),
    "Vienna": Place("Vienna", "AUT", 48.21, 16.37, "city"),
    "Sochi": Place("Sochi", "RUS", 43.6, 39.73, "city"),
    "Russia": Place("Russia", "RUS", None, None, "country"),
}
CAMEO = {"CONSULT": "040", "AGREE": "030", "ACCUSE": "112", "ASSAULT": "190", "AID": "070"}
GOLDSTEIN = {"CONSULT": 1.0, "AGREE": 3.0, "ACCUSE": -2.0, "ASSAULT": -9.0, "AID": 7.0}


def _role(code: str | None) -> Role | None:
    """``"IRN GOV"`` → Iran's government; ``"RUS"`` → Russia, no sector; None → no actor."""
    if code is None:
        return None
    country, _, sector = code.partition(" ")
    actor = Actor(f"{country}{sector}", country, country, sector or None, "state")
    return Role(code, actor)


@dataclass
class Ev:
    """An event as a test states it."""

    type: str = "CONSULT"
    source: str | None = "IRN GOV"
    target: str | None = "RUS GOV"
    date: str | None = "2021-10-06"
    precision: str = "day"
    place: str | None = "Moscow"
    modality: str = "asserted"
    negated: bool = False
    sentence: str = "Iran's foreign minister met Russia's in Moscow."


def report(ref: str, events: list[Ev], published: str | None = "2021-10-07", outlet: str | None = "Tass",
           text: str | None = None) -> Analysis:
    """A stored report holding ``events`` (its text is made unique by its ref unless given)."""
    body = text if text is not None else f"Report {ref}. " + " ".join(e.sentence for e in events)
    doc_id = hashlib.sha1(body.encode()).hexdigest()[:20]
    doc = Document(
        doc_id=doc_id,
        source=ref,
        ref=ref,
        text=body,
        title=None,
        published=datetime.fromisoformat(published) if published else None,
        precision=Precision.DAY if published else Precision.UNKNOWN,
        outlet=outlet,
    )
    records = []
    for i, e in enumerate(events):
        records.append(
            Event(
                event_id=hashlib.sha1(f"{doc_id}|{i}".encode()).hexdigest()[:16],
                doc_id=doc_id,
                sentence=e.sentence,
                sentence_start=0,
                trigger="met",
                trigger_start=i,
                type=e.type,
                mode=None,
                contexts=(),
                cameo=CAMEO.get(e.type),
                goldstein=GOLDSTEIN.get(e.type, 0.0),
                quad_class=1,
                source=_role(e.source),
                target=_role(e.target),
                date=e.date,
                date_precision=Precision(e.precision),
                place=PLACES[e.place] if e.place else None,
                negated=e.negated,
                modality=Modality(e.modality),
                confidence=0.9,
                rule="test",
            )
        )
    return Analysis(doc, (), tuple(records), ())


def store_of(path: str, *reports: Analysis, batches: list[list[Analysis]] | None = None) -> Store:
    """A store holding the reports, linked after each batch as ``tidings run`` does."""
    store = Store(path)
    for batch in batches or [list(reports)]:
        store.write_batch(batch)
        store.link()
    return store


def groups(store: Store, **filters: Any) -> list[list[str]]:
    """The clusters as sorted lists of the refs of their reports, each event once."""
    out = []
    for c in store.clusters(**filters):
        full = store.cluster(c["cluster_id"])
        assert full is not None
        out.append(sorted(m["doc_ref"] for m in full["members"]))
    return sorted(out)
