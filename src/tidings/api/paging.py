"""Pages of rows from the store's read methods, answered as JSON (``{items, total, limit, offset}``) or CSV."""

from __future__ import annotations

import csv
import inspect
import io
import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.responses import Response

from tidings.api.config import MAX_LIMIT, MAX_OFFSET
from tidings.api.snapshot import ReadStore
from tidings.store.rows import flat

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows in one page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip before the page.")]
Fmt = Annotated[Literal["json", "csv"], Query(alias="format", description="json, or csv (nested fields flattened).")]


def _default(o: Any) -> str:
    return o.isoformat() if isinstance(o, date | datetime) else str(o)


def json_response(payload: Any) -> Response:
    """JSON that carries dates and the store's other values as text, never failing on a type."""
    body = json.dumps(payload, ensure_ascii=False, default=_default, allow_nan=False)
    return Response(body, media_type="application/json")


def page_response(items: list[dict[str, Any]], total: int, limit: int, offset: int, fmt: str) -> Response:
    if fmt == "csv":
        flats = [flat(r) for r in items]
        names = list(dict.fromkeys(k for r in flats for k in r))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in r.items()} for r in flats)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers={"X-Total-Count": str(total)})
    return json_response({"items": items, "total": total, "limit": limit, "offset": offset})


def _cell(value: Any) -> Any:
    return _default(value) if isinstance(value, date | datetime) else value


def paged(
    store: ReadStore,
    method: Callable[..., list[dict[str, Any]]],
    filters: dict[str, Any],
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """One page of ``method(**filters)`` and the number of rows in all pages: paged and counted by
    the database when the method takes ``limit``/``offset`` (the count is the same query's), else
    sliced from all its rows."""
    params = inspect.signature(method).parameters
    if "limit" in params and "offset" in params:
        total = store.count(method, **filters)
        items = method(**filters, limit=limit, offset=offset)
        return items, len(method(**filters)) if total is None else total
    rows = method(**filters)
    return rows[offset : offset + limit], len(rows)
