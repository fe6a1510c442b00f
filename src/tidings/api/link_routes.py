"""Endpoints over the link stage (src/tidings/link/): ``/clusters``, ``/clusters/{id}``, ``/dyads/{a}/{b}``, ``/network``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from tidings.api.config import DEFAULT_LIMIT, MAX_PARAM
from tidings.api.deps import TEXT, EventFilters, event_filters, get_store
from tidings.api.network import network as actor_network
from tidings.api.paging import Fmt, Limit, Offset, json_response, page_response
from tidings.api.snapshot import ReadStore
from tidings.link.dyad import dyad_series

router = APIRouter()
Store = Annotated[ReadStore, Depends(get_store)]
Code = Annotated[str, Path(min_length=1, max_length=MAX_PARAM, pattern=TEXT, description="Country code or actor id.")]


@router.get("/clusters", summary="Event clusters: one act told by many reports, with the filters of /events")
def clusters(
    store: Store,
    filters: Annotated[EventFilters, Depends(event_filters)],
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    fmt: Fmt = "json",
) -> Response:
    kw = filters.for_clusters()
    total = store.count_clusters(**kw)
    items = store.clusters(**kw, limit=limit, offset=offset)
    return page_response(items, total, limit, offset, fmt)


@router.get("/clusters/{cluster_id}", summary="One cluster with its member events and their reports")
def cluster(
    store: Store,
    cluster_id: Annotated[str, Path(min_length=1, max_length=MAX_PARAM, pattern=TEXT)],
) -> Response:
    found = store.cluster(cluster_id)
    if found is None:
        raise HTTPException(404, f"No cluster {cluster_id!r}.")
    return json_response(found)


@router.get("/dyads/{a}/{b}", summary="A dyad's events by period both ways, its cooperation-conflict index")
def dyad(
    store: Store,
    a: Code,
    b: Code,
    by: Annotated[Literal["day", "week", "month"], Query(description="The length of a period.")] = "month",
    since: Annotated[date | None, Query(description="Periods from this day.")] = None,
    until: Annotated[date | None, Query(description="Periods up to this day.")] = None,
) -> Response:
    return json_response(dyad_series(store, a, b, by=by, since=since, until=until).to_dict())


@router.get("/network", summary="Who deals with whom: countries as nodes, directed edges weighted by events")
def network(
    store: Store,
    since: Annotated[date | None, Query(description="Events dated on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Events dated on or before this day.")] = None,
    min_events: Annotated[int, Query(ge=1, le=1_000_000, description="Edges with at least this many events.")] = 1,
) -> Response:
    return json_response(actor_network(store, since, until, min_events))
