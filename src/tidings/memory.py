"""Memory zones: what a batch adds to the spaCy vocabulary is freed when the batch is done.

spaCy keeps every string it meets (a word, a number, a name, a lemma) and a lexeme for every new
word, for the life of the process: on a long stream of news, where numbers and names never stop
changing, the vocabulary grows with every report. ``nlp.memory_zone()``
(spaCy 3.8) marks the strings and lexemes added inside it as transient and frees them on exit.
The pipeline codes each batch inside one zone (``pipeline.analyze``); only plain records leave it,
since the Docs made inside are invalid after it.

Whatever is built lazily from the vocabulary and kept across batches must be built before the
first zone, or its strings and lexemes would be freed under it: ``prepare`` builds the actor
matcher and the array steps of the parse. Caches kept across batches hold strings or hashes
that are only compared, never read back as strings (``annotate.ArrayLemmatizer`` keeps its lemmas
as strings for that reason).

Inside a zone spaCy's tokenizer caches no new word, and tokenizing a word it has not cached costs
about three times as much. So a process codes its first batches outside any zone, up to
``Settings.zone_warmup`` characters of text: the tokenizer caches the words of news that recur
(names of the days, "said,", "U.S."), and what those batches add to the vocabulary stays, once.
After them every batch runs in a zone, and the vocabulary stays as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tidings.actors import load_kb
from tidings.actors.resolve import actor_matcher
from tidings.nlp import load_model, parse_steps
from tidings.settings import Settings

_prepared: set[tuple[int, int]] = set()
_warmed: dict[int, int] = {}  # id(nlp) -> characters coded outside a zone


def prepare(model: str, arrays: bool = True) -> None:
    """Build, outside any memory zone, what the batches of ``model`` share; once per process."""
    nlp, kb = load_model(model), load_kb()
    key = (id(nlp), id(kb))
    if key in _prepared:
        return
    if nlp.vocab.in_memory_zone:
        raise RuntimeError("tidings.memory.prepare must run outside a memory zone")
    actor_matcher(nlp.vocab, kb)
    if arrays:
        parse_steps(model)
    _prepared.add(key)


@contextmanager
def batch_zone(settings: Settings, chars: int) -> Iterator[bool]:
    """A memory zone around one batch of ``chars`` characters of text; yields whether one was
    entered. None when ``settings.memory_zones`` is off, inside a zone the caller opened (zones do
    not nest), or while the process is still warming up (``settings.zone_warmup`` characters)."""
    nlp = load_model(settings.model)
    if settings.memory_zones != "on" or nlp.vocab.in_memory_zone:
        yield False
        return
    prepare(settings.model, arrays=settings.array_rules == "on")
    warmed = _warmed.get(id(nlp), 0)
    if warmed < settings.zone_warmup:
        _warmed[id(nlp)] = warmed + chars
        yield False
        return
    with nlp.memory_zone():
        yield True
