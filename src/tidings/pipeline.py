"""The one place that knows the order of the stages.

clean → parse → actors → time → events → quotes. Every stage is a pure function of its input;
the only I/O is at the edges (sources/, store/). A stage that fails on one document turns it into
a Rejection (``on_error="reject"``, the default) or re-raises (``on_error="raise"``, for tests).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any

from tidings.actors import load_kb, resolve
from tidings.clean import clean_document
from tidings.errors import Reason
from tidings.events import extract_events, load_lexicon
from tidings.events.calibrate import calibrate
from tidings.events.headline import sentence_case, title_events
from tidings.events.second_opinion import model_events, shown_types
from tidings.events.typemodel import load_type_model
from tidings.memory import batch_zone
from tidings.nlp import parse
from tidings.ontology import load_ontology
from tidings.quotes import extract_quotes, first_line_quotes, headline_quotes, link_events
from tidings.records import Analysis, Document, RawDocument, Rejection
from tidings.settings import Settings
from tidings.timex import find_timexes

Result = Analysis | Rejection


def analyze(documents: list[Document], settings: Settings) -> list[Result]:
    """Parse a batch of cleaned documents and code each one, inside one memory zone (what the batch
    adds to the vocabulary is freed after it: ``tidings.memory``); only plain records leave it."""
    chars = sum(len(d.text) + len(d.title or "") for d in documents)
    with batch_zone(settings, chars):
        return _analyze(documents, settings)


def _analyze(documents: list[Document], settings: Settings) -> list[Result]:
    kb, lexicon, ontology = load_kb(), load_lexicon(), load_ontology()
    model = load_type_model() if settings.type_model == "on" else None
    out: list[Result] = []
    titles = _quoting_titles(documents, settings)
    headlines = _headlines(documents, settings)
    for n, (document, sdoc) in enumerate(zip(documents, _parse((d.text for d in documents), settings), strict=True)):
        stage = "actors"
        try:
            on = document.published.date() if document.published else None
            resolved = resolve(sdoc, document.doc_id, on, kb)
            stage = "timex"
            timexes = find_timexes(document.text, on)
            stage = "events"
            events = extract_events(document, resolved, timexes, lexicon, ontology)
            if n in headlines:
                head = _title_document(document)
                head_resolved = resolve(headlines[n], document.doc_id, on, kb, context=resolved)
                head_timexes = find_timexes(head.text, on)
                head_events = extract_events(head, head_resolved, head_timexes, lexicon, ontology)
                if model is not None:
                    told = shown_types(events + head_events)
                    head_events += model_events(head, head_resolved, head_timexes, ontology, model, told, head_events)
                events = events + title_events(head_events, events)
            events = calibrate(events)
            stage = "quotes"
            quotes = link_events(extract_quotes(resolved), events, resolved)
            if n in titles:
                quotes = headline_quotes(resolve(titles[n], document.doc_id, on, kb)) + quotes
            elif not document.title:
                quotes = first_line_quotes(resolved, quotes)
        except Exception as exc:
            if settings.on_error == "raise":
                raise
            out.append(
                Rejection(document.source, document.ref, Reason.STAGE_ERROR, f"{type(exc).__name__}: {exc}", stage)
            )
            continue
        out.append(Analysis(document, tuple(resolved.mentions), tuple(events), tuple(quotes), tuple(timexes)))
    return out


def _parse(texts: Iterable[str], settings: Settings) -> Iterator[Any]:
    return parse(texts, settings.model, settings.batch_size, arrays=settings.array_rules == "on")


_QUOTE_MARKS = re.compile("[\"“”‘’«»]|''|(?:^|\\s)'")


def _quoting_titles(documents: list[Document], settings: Settings) -> dict[int, Any]:
    """The parsed headlines that hold a quotation mark, by the document's place in the batch.
    Headlines quote often ("Warren to Wells Fargo's chief: ‘You Should Be Criminally
    Investigated’"); the cleaner keeps them out of the text, so they are read on their own."""
    wanted = [n for n, d in enumerate(documents) if d.title and _QUOTE_MARKS.search(d.title)]
    texts = [documents[n].title or "" for n in wanted]
    return dict(zip(wanted, _parse(texts, settings), strict=True))


def _title_document(document: Document) -> Document:
    """The headline as a document of its own, in its report's casing (offsets are the title's)."""
    text = sentence_case(document.title or "", document.text)
    return replace(document, text=text, dropped=())


def _headlines(documents: list[Document], settings: Settings) -> dict[int, Any]:
    """The parsed headlines, in their reports' casing, by the document's place in the batch."""
    wanted = [n for n, d in enumerate(documents) if d.title and len(d.title.split()) >= 3]
    texts = [_title_document(documents[n]).text for n in wanted]
    return dict(zip(wanted, _parse(texts, settings), strict=True))


def process_batch(raws: list[RawDocument | Rejection], settings: Settings) -> list[Result]:
    """Clean, parse and code one batch, keeping the input order."""
    cleaned: list[Document | Rejection] = []
    for raw in raws:
        if isinstance(raw, Rejection):
            cleaned.append(raw)
            continue
        try:
            cleaned.append(clean_document(raw, settings.max_bytes, min_words=settings.min_words))
        except Exception as exc:
            if settings.on_error == "raise":
                raise
            cleaned.append(Rejection(raw.source, raw.ref, Reason.STAGE_ERROR, f"{type(exc).__name__}: {exc}", "clean"))
    docs = [d for d in cleaned if isinstance(d, Document)]
    analysed = iter(analyze(docs, settings)) if docs else iter(())
    return [item if isinstance(item, Rejection) else next(analysed) for item in cleaned]


def batches(items: Iterable[RawDocument | Rejection], size: int) -> Iterator[list[RawDocument | Rejection]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def process(raws: Iterable[RawDocument | Rejection], settings: Settings | None = None) -> Iterator[Result]:
    """Stream results for raw documents, batch by batch, in this process."""
    settings = settings or Settings()
    for chunk in batches(raws, settings.batch_size):
        yield from process_batch(chunk, settings)
