"""``POST /documents``: reports sent to the server are coded and stored, as ``tidings run`` would.

Off unless the server was started with a token. The reports are read by the JSONL reader (the same
fields as a line of a ``.jsonl`` input), coded in the server, and written to the store file in one
transaction, waiting for its lock like any writer; the next read sees them."""

from __future__ import annotations

import io
import json
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from tidings.api.config import MAX_POSTED
from tidings.api.paging import json_response
from tidings.api.security import check_token
from tidings.errors import StoreError
from tidings.records import Rejection

router = APIRouter()


class Report(BaseModel):
    """One report, as a line of a JSONL input: ``text`` (crawl text) or ``html`` (a saved page)."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(default=None, max_length=1000)
    text: str | None = None
    html: str | None = None
    published: str | None = Field(default=None, max_length=100)
    title: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


def _code(reports: list[Report], db: str, writing: threading.Lock) -> dict[str, Any]:
    from tidings.pipeline import process
    from tidings.settings import load_settings
    from tidings.sources.jsonl import read_jsonl
    from tidings.store import Store

    settings = load_settings(db=db)
    lines = b"".join(json.dumps(r.model_dump(exclude_none=True), ensure_ascii=False).encode() + b"\n" for r in reports)
    raws = read_jsonl(io.BytesIO(lines), "api", {}, settings.max_bytes)
    results = list(process(raws, settings))
    with writing, Store(db) as store:
        counts = store.write_batch(results)
    out: list[dict[str, Any]] = []
    for r in results:
        if isinstance(r, Rejection):
            out.append({"ref": r.ref, "rejected": str(r.reason), "detail": r.detail})
        else:
            out.append(
                {"ref": r.document.ref, "doc_id": r.document.doc_id, "events": len(r.events), "quotes": len(r.quotes)}
            )
    return {
        "stored": counts.stored,
        "skipped": counts.skipped,
        "rejected": sum(counts.rejected.values()),
        "events": counts.events,
        "quotes": counts.quotes,
        "reports": out,
    }


def require_token(request: Request) -> None:
    """Checked before the body is read as reports: without the token nothing is parsed."""
    check_token(request, request.app.state.config.token)


@router.post(
    "/documents",
    status_code=201,
    summary="Code and store reports (needs the server's token)",
    responses={401: {"description": "No valid token"}, 403: {"description": "Ingestion is off"}},
)
def post_documents(
    request: Request,
    _token: Annotated[None, Depends(require_token)],
    reports: Annotated[Report | list[Report], Body()],
) -> Response:
    """One report or a list of them (at most 100); each is stored, skipped (already stored) or
    rejected with its reason, as by `tidings run`."""
    config = request.app.state.config
    batch = reports if isinstance(reports, list) else [reports]
    if not 1 <= len(batch) <= MAX_POSTED:
        raise HTTPException(422, f"Send 1 to {MAX_POSTED} reports at a time, not {len(batch)}.")
    try:
        summary = _code(batch, config.db, request.app.state.snapshot.writing)
    except StoreError as exc:
        raise HTTPException(503, f"The store is busy or cannot be written: {exc}") from exc
    request.app.state.snapshot.refresh()
    response = json_response(summary)
    response.status_code = 201
    return response
