"""Compose decoding, debris removal and head reading into one pure step: RawDocument → Document."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import datetime

from tidings.clean.decode import decode
from tidings.clean.language import looks_english
from tidings.clean.meta import parse_date, read_head
from tidings.clean.text import OUTSIDE, clean_text
from tidings.errors import Reason
from tidings.records import Document, Precision, RawDocument, Rejection, Span


def content_id(text: str) -> str:
    """The document's identity: a hash of its cleaned text (so the same report is stored once)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _given_date(value: str) -> tuple[datetime | None, Precision]:
    value = value.strip()
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return parse_date(value)
    return parsed, (Precision.MINUTE if "T" in value or " " in value else Precision.DAY)


def clean_document(raw: RawDocument, max_bytes: int = 2_000_000) -> Document | Rejection:
    text, reason, detail = decode(raw.data, max_bytes)
    if text is None:
        return Rejection(raw.source, raw.ref, reason or Reason.UNDECODABLE, detail)
    result = clean_text(text)
    cleaned = result.text
    if not cleaned.strip():
        why = f"every line was debris ({len(result.dropped)} lines dropped)" if result.dropped else "no text"
        return Rejection(raw.source, raw.ref, Reason.NO_TEXT, why)
    ok, why = looks_english(cleaned)
    if not ok:
        return Rejection(raw.source, raw.ref, Reason.NOT_ENGLISH, why)
    page = [ln.strip() for ln in text.split("\n")]
    head = read_head(result.head, cleaned, page)
    dropped = list(result.dropped)
    if head.date_line is not None and head.date_line not in result.head:
        # A dateline inside the body is metadata, not prose: it moves to `published` and the audit trail.
        lines = cleaned.split("\n")
        del lines[next(i for i, ln in enumerate(lines) if ln.strip() == head.date_line)]
        cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    for line in result.head:
        if line == head.title:
            continue
        dropped.append(Span(line, "dateline" if line == head.date_line else OUTSIDE))
    if head.date_line is not None and head.date_line not in result.head:
        dropped.append(Span(head.date_line, "dateline"))
    doc = Document(
        doc_id=content_id(cleaned),
        source=raw.source,
        ref=raw.ref,
        text=cleaned,
        title=raw.meta.get("title") or head.title,
        published=head.published,
        precision=head.precision,
        dateline_place=head.dateline_place,
        outlet=raw.meta.get("outlet"),
        dropped=tuple(dropped),
    )
    given = raw.meta.get("published")
    if given and doc.published is None:
        published, precision = _given_date(given)
        doc = replace(doc, published=published, precision=precision)
    return doc
