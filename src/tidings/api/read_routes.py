"""Read endpoints over the records: ``/events``, ``/quotes``, ``/documents/{doc_id}``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from tidings.api.config import DEFAULT_LIMIT, MAX_PARAM
from tidings.api.deps import TEXT, EventFilters, Text, event_filters, get_store
from tidings.api.paging import Fmt, Limit, Offset, json_response, page_response, paged
from tidings.api.snapshot import ReadStore
from tidings.records import SHOWN_MODALITIES

router = APIRouter()
Store = Annotated[ReadStore, Depends(get_store)]


@router.get("/events", summary="Coded events, with the filters of `tidings events`")
def events(
    store: Store,
    filters: Annotated[EventFilters, Depends(event_filters)],
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    fmt: Fmt = "json",
) -> Response:
    """By default the events a report tells as fact (asserted or reported) and not negated; `all`
    adds hypothetical, intended and negated ones. Rows are shaped as `tidings events --format jsonl`."""
    items, total = paged(store, store.events, filters.for_events(), limit, offset)
    return page_response(items, total, limit, offset, fmt)


@router.get("/quotes", summary="Quotations and indirect speech, with speaker and relays")
def quotes(
    store: Store,
    speaker: Annotated[Text, Query(description="Part of the speaker's name or text.")] = None,
    relay: Annotated[Text, Query(description="Part of the name of an outlet or person that relayed it.")] = None,
    contains: Annotated[Text, Query(description="Text the quotation contains (case-insensitive).")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    fmt: Fmt = "json",
) -> Response:
    filters = {"speaker": speaker, "relay": relay, "contains": contains}
    items, total = paged(store, store.quotes, filters, limit, offset)
    return page_response(items, total, limit, offset, fmt)


def _spans(store: ReadStore, doc_id: str, include_all: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    shown = (
        "" if include_all else " AND modality IN ({}) AND NOT negated".format(", ".join("?" for _ in SHOWN_MODALITIES))
    )
    params: list[Any] = [doc_id, *(sorted(SHOWN_MODALITIES) if not include_all else [])]
    events = store.con.execute(
        "SELECT event_id, type, sentence_start, sentence_start + length(sentence) AS sentence_end, trigger_start, "
        "NULL AS trigger_end, sentence, trigger, modality, negated, in_title "
        f"FROM events WHERE doc_id = ?{shown} ORDER BY trigger_start, event_id",
        params,
    )
    names = [c[0] for c in events.description]
    event_rows = [dict(zip(names, r, strict=True)) for r in events.fetchall()]
    quotes = store.con.execute(
        "SELECT quote_id, start_char, end_char, speaker_name, speaker_text, kind, in_title FROM quotes "
        "WHERE doc_id = ? ORDER BY start_char, quote_id",
        [doc_id],
    )
    names = [c[0] for c in quotes.description]
    return event_rows, [dict(zip(names, r, strict=True)) for r in quotes.fetchall()]


def trigger_spans(text: str, trigger: str, start: int, sentence: tuple[int, int]) -> list[list[int]]:
    """The [start, end) of each part of a trigger, in text order: one for "met", two for "held …
    drills" or "carried … maneuver" (a later part is looked for after the one before, else anywhere
    in the sentence, where the object can come first: "This maneuver was carried out")."""
    first = trigger.split(" … ")[0]
    if text[start : start + len(first)] != first:
        return [[start, start + len(trigger)]]
    spans = [[start, start + len(first)]]
    for part in trigger.split(" … ")[1:]:
        at = text.find(part, spans[-1][1], sentence[1])
        if at < 0:
            at = text.find(part, sentence[0], sentence[1])
        if at < 0:
            break
        spans.append([at, at + len(part)])
    return sorted(spans)


@router.get("/documents/{doc_id:path}", summary="A report's cleaned text with the spans of its events and quotes")
def document(
    store: Store,
    doc_id: Annotated[
        str,
        Path(
            min_length=1,
            max_length=MAX_PARAM * 5,
            pattern=TEXT,
            description="A document id, its prefix, or the report's ref.",
        ),
    ],
    all_: Annotated[bool, Query(alias="all", description="Also the spans of events that did not happen.")] = False,
) -> Response:
    """Offsets count characters of `text` (or of `title`, for a span whose `in_title` is true);
    `doc_id` is looked up in the store only, never as a file."""
    doc = store.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"No single document matches {doc_id!r}.")
    events, quotes = _spans(store, doc["doc_id"], all_)
    for e in events:
        text = (doc["title"] or "") if e["in_title"] else doc["text"]
        bounds = (e["sentence_start"], e["sentence_end"])
        e["trigger_spans"] = trigger_spans(text, e["trigger"], e["trigger_start"], bounds)
        e["trigger_end"] = max(end for _, end in e["trigger_spans"])
    keys = ("doc_id", "ref", "title", "outlet", "published", "date_precision", "dateline_place", "language", "text")
    return json_response({**{k: doc.get(k) for k in keys}, "events": events, "quotes": quotes})
