"""What the endpoints share: a store per request, and the event filters of ``tidings events``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request

from tidings.api.config import MAX_PARAM
from tidings.api.snapshot import ReadStore, Snapshot

# Text a filter may hold: printable, no control characters (a NUL byte is no name or code).
TEXT = r"^[^\x00-\x1f\x7f]*$"
Text = Annotated[str | None, Query(max_length=MAX_PARAM, pattern=TEXT)]


def get_store(request: Request) -> Iterator[ReadStore]:
    snapshot: Snapshot = request.app.state.snapshot
    store = snapshot.store()
    try:
        yield store
    finally:
        store.close()


@dataclass
class EventFilters:
    """The filters of ``tidings events``, and the link stage's until/source/target."""

    actor: str | None
    type_: str | None
    since: date | None
    until: date | None
    source: str | None
    target: str | None
    include_all: bool
    min_confidence: float | None

    def for_events(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "type_": self.type_,
            "since": self.since,
            "until": self.until,
            "source": self.source,
            "target": self.target,
            "include_all": self.include_all,
            "min_confidence": self.min_confidence,
        }

    def for_clusters(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "type_": self.type_,
            "since": self.since,
            "until": self.until,
            "source": self.source,
            "target": self.target,
        }


def event_filters(
    actor: Annotated[
        str | None,
        Query(max_length=MAX_PARAM, pattern=TEXT, description="ISO alpha-3 country or actor id, as source or target."),
    ] = None,
    type_: Annotated[
        str | None, Query(alias="type", max_length=MAX_PARAM, pattern=TEXT, description="PLOVER type, e.g. CONSULT.")
    ] = None,
    since: Annotated[date | None, Query(description="Events dated on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Events dated on or before this day.")] = None,
    source: Annotated[
        str | None, Query(max_length=MAX_PARAM, pattern=TEXT, description="Country or actor id of the source.")
    ] = None,
    target: Annotated[
        str | None, Query(max_length=MAX_PARAM, pattern=TEXT, description="Country or actor id of the target.")
    ] = None,
    all_: Annotated[bool, Query(alias="all", description="Also hypothetical, intended and negated events.")] = False,
    min_confidence: Annotated[
        float | None, Query(ge=0.0, le=1.0, allow_inf_nan=False, description="Only events at least this likely.")
    ] = None,
) -> EventFilters:
    return EventFilters(actor, type_, since, until, source, target, all_, min_confidence)
