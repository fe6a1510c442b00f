"""Events told in the headline: a report's headline states its main event ("Libya eases restrictions on
civil society groups"), which the body may tell only in other words or not at all.

Headlines are written in title case, which the parser reads as a run of proper names. Before it is
parsed, a headline is put in the casing its own report uses for each word (``sentence_case``:
"Eases" becomes "eases" when the body writes "eases" and never "Eases" mid-sentence), which keeps
every character offset. Its events are coded by the same extractor, marked ``in_title`` (their
sentence and offsets are the title's), and kept only where the body does not already tell the same
act between the same parties.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from tidings.records import Event

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)[\"“‘']?([A-Za-z][A-Za-z'’-]*)")


def sentence_case(title: str, body: str) -> str:
    """``title`` with each capitalised word after the first lower-cased where the body writes that
    word in lower case and never capitalised inside a sentence. Same length as ``title``."""
    starts = {m.start(1) for m in _SENTENCE_START.finditer(body)}
    lower: set[str] = set()
    capital: set[str] = set()
    for m in _WORD.finditer(body):
        word = m.group()
        if word.islower():
            lower.add(word)
        elif word[0].isupper() and m.start() not in starts:
            capital.add(word)
    out = list(title)
    for n, m in enumerate(_WORD.finditer(title)):
        word = m.group()
        if n == 0 or not word[0].isupper() or word.isupper():
            continue
        if word.lower() in lower and word not in capital:
            out[m.start()] = word[0].lower()
    return "".join(out)


def title_events(headline: list[Event], body: list[Event]) -> list[Event]:
    """The headline's events that the body does not tell, marked as told in the title and given ids
    of their own."""
    # A headline restates its lead: an act of a type the body tells between the same parties, or
    # from the same party whatever its target ("Turkish, Russian Ministers Meet in Ankara" over
    # "Fidan met Lavrov"), is the body's.
    told = {(e.type, r.party) for e in body for r in (e.source, e.target) if r is not None and r.party is not None}
    out: list[Event] = []
    for e in headline:
        if e.source is None or e.source.actor is None or e.source.actor.country_code is None:
            continue  # a headline's few words give no context to place an actor by: named ones only
        if (e.type, e.source.party) in told:
            continue
        event_id = hashlib.sha1(f"title|{e.event_id}".encode()).hexdigest()[:16]
        out.append(replace(e, event_id=event_id, in_title=True))
    return out
