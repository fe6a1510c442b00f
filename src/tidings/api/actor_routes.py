"""``/actors``: look a name up in the actor knowledge base, or list the actors the store holds."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from tidings.api.config import DEFAULT_LIMIT
from tidings.api.deps import Text, get_store
from tidings.api.paging import Fmt, Limit, Offset, page_response
from tidings.api.snapshot import ReadStore

router = APIRouter()


@cache
def knowledge_base() -> Any:
    from tidings.actors.kb import load_kb

    return load_kb()


def _row(entity: Any, on: date | None) -> dict[str, Any]:
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
    }


def lookup(q: str, on: date | None) -> list[dict[str, Any]]:
    """The candidates for a name as ``tidings actors lookup`` gives them: whoever held office on
    ``on`` first, and a known name the text begins with when nothing matches whole."""
    kb = knowledge_base()
    found = kb.find(q)
    if on is not None:
        found = sorted(found, key=lambda a: a.entity.kind != "person" or a.entity.term_on(on) is None)
    rows = [_row(a.entity, on) for a in found]
    low = q.strip().lower()
    if not rows and len(low) >= 4:
        rows = [_row(kb.stems[low[:k]].entity, on) for k in range(len(low), 3, -1) if low[:k] in kb.stems][:1]
    unique: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        unique.setdefault((r["actor_id"], r["name"], r["role"]), r)
    return list(unique.values())


def stored(store: ReadStore) -> list[dict[str, Any]]:
    rows = store.con.execute("SELECT actor_id, name, country, kind FROM actors ORDER BY actor_id").fetchall()
    return [
        {"actor_id": a, "name": n, "country": c, "sector": None, "kind": k, "role": None, "start": None, "end": None}
        for a, n, c, k in rows
    ]


@router.get("/actors", summary="Actors: a name looked up in the knowledge base, or those the store holds")
def actors(
    store: Annotated[ReadStore, Depends(get_store)],
    q: Annotated[Text, Query(description="A name as a report may write it: 'Lavrov', 'the Kremlin', 'Tass'.")] = None,
    on: Annotated[date | None, Query(alias="date", description="Roles as they held on this day.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    fmt: Fmt = "json",
) -> Response:
    """With `q`, the candidates for that name with their codes and, for a person, the role and term
    on `date`; without it, every actor the stored reports name."""
    rows = lookup(q, on) if q and q.strip() else stored(store)
    return page_response(rows[offset : offset + limit], len(rows), limit, offset, fmt)
