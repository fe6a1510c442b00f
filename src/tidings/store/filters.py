"""The filters of the read verbs as SQL (events, and what is built from them: clusters, families)."""

from __future__ import annotations

from datetime import date
from typing import Any

from tidings.records import SHOWN_MODALITIES


def _role(prefix: str, value: str) -> tuple[str, list[Any]]:
    return f"({prefix}_country = ? OR {prefix}_actor = ?)", [value.upper(), value]


def event_filters(
    actor: str | None = None,
    type_: str | None = None,
    since: date | None = None,
    until: date | None = None,
    source: str | None = None,
    target: str | None = None,
    min_confidence: float | None = None,
    asserted_only: bool = False,
    include_all: bool = False,
    alias: str = "e",
) -> tuple[list[str], list[Any]]:
    """WHERE conditions (joined with AND) and their parameters over the events table ``alias``."""
    a = f"{alias}."
    where: list[str] = ["1=1"]
    params: list[Any] = []
    if actor:
        where.append(f"({a}source_country = ? OR {a}target_country = ? OR {a}source_actor = ? OR {a}target_actor = ?)")
        params += [actor.upper(), actor.upper(), actor, actor]
    for prefix, value in (("source", source), ("target", target)):
        if value:
            cond, p = _role(a + prefix, value)
            where.append(cond)
            params += p
    if type_:
        where.append(f"{a}type = ?")
        params.append(type_.upper())
    if since:
        where.append(f"{a}date >= ?")
        params.append(since.isoformat())
    if until:
        where.append(f"left({a}date, 10) <= ?")
        params.append(until.isoformat())
    if min_confidence is not None:
        where.append(f"{a}confidence >= ?")
        params.append(min_confidence)
    if asserted_only:
        where.append(f"{a}modality = 'asserted' AND NOT {a}negated")
    elif not include_all:
        shown = ", ".join(f"'{m}'" for m in sorted(SHOWN_MODALITIES))
        where.append(f"{a}modality IN ({shown}) AND NOT {a}negated")
    return where, params


def page_sql(limit: int | None, offset: int = 0) -> str:
    """LIMIT/OFFSET for a list (numbers only, never text from outside)."""
    out = ""
    if limit is not None:
        out += f" LIMIT {int(limit)}"
    if offset:
        out += f" OFFSET {int(offset)}"
    return out
