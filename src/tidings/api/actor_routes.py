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


def lookup(q: str, on: date | None) -> list[dict[str, Any]]:
    """The candidates for a name as ``tidings actors lookup`` gives them (``actors/lookup.py``)."""
    from tidings.actors.lookup import lookup as find

    return [{k: v for k, v in row.items() if k != "how"} for row in find(knowledge_base(), q, on)]


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
