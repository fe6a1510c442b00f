"""Looking a name up in the knowledge base, as ``tidings actors lookup`` and ``GET /actors`` give it."""

from __future__ import annotations

from datetime import date
from typing import Any

from tidings.actors.kb import KnowledgeBase


def actor_row(entity: Any, on: date | None, how: str = "") -> dict[str, Any]:
    """An entity as a row: its codes on ``on``, and a person's role and term then."""
    actor = entity.actor(on)
    term = entity.term_on(on) if entity.kind == "person" else None
    return {
        "actor_id": actor.actor_id,
        "name": entity.name,
        "country": actor.country,
        "sector": actor.sector,
        "kind": entity.kind,
        "role": term.role if term else None,
        "start": term.start.isoformat() if term and term.start else None,
        "end": term.end.isoformat() if term and term.end else None,
        "how": how,
    }


def lookup(kb: KnowledgeBase, text: str, on: date | None) -> list[dict[str, Any]]:
    """The candidates for a name: whoever held office on ``on`` first (one name, several people:
    "Clinton"), and a known name the text begins with when nothing matches whole; each once."""
    found = kb.find(text)
    if on is not None:
        found = sorted(found, key=lambda a: a.entity.kind != "person" or a.entity.term_on(on) is None)
    rows = [actor_row(a.entity, on, a.how) for a in found]
    low = text.strip().lower()
    if not rows and len(low) >= 4:
        rows = [actor_row(kb.stems[low[:k]].entity, on, "stem") for k in range(len(low), 3, -1) if low[:k] in kb.stems][
            :1
        ]
    unique: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        unique.setdefault((r["actor_id"], r["name"], r["role"]), r)
    return list(unique.values())
