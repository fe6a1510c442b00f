"""Compose decoding, debris removal and head reading into one pure step: RawDocument → Document."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import datetime

from tidings.clean.decode import decode
from tidings.clean.html import extract_html
from tidings.clean.language import looks_english, word_count
from tidings.clean.meta import parse_date, read_head, wire_day
from tidings.clean.outlet import outlet_from_debris, outlet_from_url
from tidings.clean.text import OUTSIDE, clean_text, line_verdict
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


def clean_document(
    raw: RawDocument, max_bytes: int = 2_000_000, english_only: bool = True, min_words: int = 0
) -> Document | Rejection:
    """Decode, find the body, read the metadata. ``english_only=False`` keeps a report in another
    language (with ``language="und"``) for corpus building; the coding pipeline needs English.
    A body of fewer than ``min_words`` words is rejected: ``too-short``, or ``no-article-text``
    for a page (its only text is a menu or a caption)."""
    text, reason, detail = decode(raw.data, max_bytes)
    if text is None:
        return Rejection(raw.source, raw.ref, reason or Reason.UNDECODABLE, detail)
    if raw.format == "html":
        return _from_html(raw, text, english_only, min_words)
    result = clean_text(text)
    cleaned = result.text
    if not cleaned.strip():
        why = f"every line was debris ({len(result.dropped)} lines dropped)" if result.dropped else "no text"
        return Rejection(raw.source, raw.ref, Reason.NO_TEXT, why)
    if (n := word_count(cleaned)) < min_words:
        why = f"{n} word{'s' * (n != 1)} ({_excerpt(cleaned)}), under the minimum of {min_words} to code (--min-words)"
        return Rejection(raw.source, raw.ref, Reason.TOO_SHORT, why)
    english, why = looks_english(cleaned)
    if not english and english_only:
        return Rejection(raw.source, raw.ref, Reason.NOT_ENGLISH, why)
    page = [ln.strip() for ln in text.split("\n")]
    head = read_head(result.head, cleaned, page)
    dropped = list(result.dropped)
    for line in result.head:
        if line != head.title:
            dropped.append(Span(line, "dateline" if line == head.date_line else OUTSIDE))
    if head.date_line is not None and head.date_line not in result.head:
        # A dateline inside the body is metadata, not prose: it moves to `published` and the audit trail.
        lines = cleaned.split("\n")
        del lines[next(i for i, ln in enumerate(lines) if ln.strip() == head.date_line)]
        cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
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
        outlet=raw.meta.get("outlet") or outlet_from_url(raw.meta.get("url")) or outlet_from_debris(dropped),
        language="en" if english else "und",
        dropped=tuple(dropped),
    )
    doc = _with_given_date(doc, raw.meta.get("published"))
    return _on_the_wire_day(doc, [*result.head[-3:], *cleaned.split("\n")[:2]])


def _on_the_wire_day(doc: Document, lines: list[str]) -> Document:
    """A report filed under one date whose dateline gives the day before ("WASHINGTON, August 13
    (Xinhua) --", filed on the 14th) tells the news of the dateline's day: the text's own date."""
    if doc.published is None:
        return doc
    day = wire_day(lines, doc.published)
    if day is None or day.date() == doc.published.date():
        return doc
    return replace(doc, published=day, precision=Precision.DAY)


def _with_given_date(doc: Document, given: str | None) -> Document:
    """A date supplied from outside the text (record, sidecar, --published) fills only a missing one."""
    if given and doc.published is None:
        published, precision = _given_date(given)
        doc = replace(doc, published=published, precision=precision)
    return doc


def _excerpt(text: str, size: int = 40) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= size else flat[:size] + "…")


def _from_html(raw: RawDocument, html: str, english_only: bool, min_words: int) -> Document | Rejection:
    page = extract_html(html, raw.meta.get("url"))
    # trafilatura keeps some furniture inside the body it finds ("SEE MORE: <another headline>",
    # share bars, "Advertisement"): the same line rules as for crawl text drop it.
    kept: list[str] = []
    dropped: list[Span] = []
    for line in page.text.split("\n"):
        reason = line_verdict(line)
        if reason is None:
            kept.append(line)
        else:
            dropped.append(Span(line.strip(), reason))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    if not text:
        return Rejection(raw.source, raw.ref, Reason.NO_TEXT, "no article text in the page (trafilatura found none)")
    if (n := word_count(text)) < min_words:
        why = f"no article in the page: its only text is {_excerpt(text)}, {n} word{'s' * (n != 1)} (under {min_words})"
        return Rejection(raw.source, raw.ref, Reason.NO_TEXT, why)
    english, why = looks_english(text)
    if not english and english_only:
        return Rejection(raw.source, raw.ref, Reason.NOT_ENGLISH, why)
    head = read_head((), text)  # a dateline place ("MOSCOW (Reuters) -") at the body's start
    doc = Document(
        doc_id=content_id(text),
        source=raw.source,
        ref=raw.ref,
        text=text,
        title=raw.meta.get("title") or page.title,
        dateline_place=head.dateline_place,
        outlet=raw.meta.get("outlet") or outlet_from_url(page.url) or page.sitename,
        language="en" if english else "und",
        dropped=tuple(dropped),
    )
    own = page.date or (head.published and head.published.isoformat())
    return _with_given_date(_with_given_date(doc, own or None), raw.meta.get("published"))
