"""Phrase-matcher patterns for the knowledge base's names, fast enough for tens of thousands of names.

Building the patterns the documented way (a Doc from spaCy's tokenizer per name, each added under
its own key) costs about 50 µs a name: some three seconds for the ~50,000 names of the base with
the Phoenix tables, paid by every process that resolves actors. Two things make it cheap:

- A ``PhraseMatcher`` on ``ORTH`` keeps a pattern as the sequence of its tokens' string ids, and
  ``add`` takes such sequences as they are (that is how a pickled matcher is rebuilt), so a name
  made of plain words between single spaces ("Hamid Karzai"), which the tokenizer would split on
  the spaces alone, needs no Doc: its words are its tokens. Any other name ("U.S. President",
  "Ban Ki-moon", or a word the tokenizer has a special case for) goes through the tokenizer.
- All names go under one key: adding under a key costs far more than the pattern itself, and the
  resolver reads a match's text, not its key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

KEY = "NAME"
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def add_patterns(matcher: Any, vocab: Any, texts: Iterable[str]) -> None:
    """Add every text to ``matcher`` (a PhraseMatcher on ORTH) under ``KEY``, tokenised as spaCy's
    English tokenizer splits it."""
    from spacy.lang.en import English

    tokenizer: Any = English(vocab=vocab).tokenizer
    special = {k.lower() for k in tokenizer.rules or {}}
    strings = vocab.strings
    patterns: list[Any] = []
    for text in texts:
        if _PLAIN.fullmatch(text) and special.isdisjoint(text.lower().split(" ")):
            patterns.append([strings.add(w) for w in text.split(" ")])
        else:
            patterns.append(tokenizer(text))
    matcher.add(KEY, patterns)
