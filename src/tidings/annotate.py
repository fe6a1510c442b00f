"""The model's attribute ruler and rule lemmatizer, run over a Doc's arrays instead of token by token.

spaCy's ``attribute_ruler`` runs a Matcher and sets each hit through a token object, and its
``lemmatizer`` creates a token object for every word: on news text the two cost about a sixth of
the parse, for rules that map a tag or a word to a part of speech, features and a lemma. Here the
same rules are read out of the loaded components and applied to whole columns (numpy), and the
lemmatizer's own function is called once per distinct (word, part of speech, features). The
annotations are the components' own, token for token (tests/test_annotate.py compares every
attribute on real reports); a ruler with a pattern this module does not read falls back to spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy

# The token attributes a pattern of the English models tests, and how a test is written.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# The attributes whose values are written back as whole columns (the rest, rare, token by token).
_WRITTEN = ("POS", "MORPH", "LEMMA")
# A memo (and the lemmatizer's own cache) is dropped when it holds this many entries: a long stream
# meets ever new words, and the lemmas are a pure function of the key, so dropping changes nothing.
_MEMO_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class _Test:
    offset: int  # the token of the pattern tested, from the pattern's start
    column: str  # one of _COLUMNS
    kind: str  # "eq", "in", "not_in", "regex"
    value: Any  # a hash (eq), an array of hashes (in, not_in), a pattern (regex)


@dataclass(frozen=True, slots=True)
class _Rule:
    width: int  # tokens in the pattern
    tests: tuple[_Test, ...]
    target: int  # the token of the pattern the attributes go to (from the pattern's start)
    columns: dict[str, int]  # attribute name -> value (ids, as the ruler holds them)
    others: dict[Any, Any]  # attributes not written as columns (TAG, DEP): set token by token


class ArrayRuler:
    """The patterns of a spaCy ``AttributeRuler``, applied with numpy; ``None`` from
    ``ArrayRuler.of`` when a pattern uses a test this class does not implement."""

    def __init__(self, vocab: Any, rules: list[_Rule]) -> None:
        self.vocab = vocab
        self.rules = rules
        self._regex: dict[tuple[str, int], bool] = {}
        # Per rule, the values one of which each of its "eq" and "in" tests needs in its column: a
        # rule whose needed value is nowhere in the Doc has no hit, and is passed over unread.
        self._needs = [
            tuple(
                (t.column, frozenset([int(t.value)] if t.kind == "eq" else t.value.tolist()))
                for t in rule.tests
                if t.kind in ("eq", "in")
            )
            for rule in rules
        ]

    @classmethod
    def of(cls, ruler: Any) -> ArrayRuler | None:
        from spacy.attrs import IDS

        names = {IDS[n]: n for n in _WRITTEN}
        rules: list[_Rule] = []
        # The ruler's match ids are the positions of its attribute sets; later ones take precedence.
        for key in range(len(ruler.attrs)):
            patterns = ruler.matcher.get(str(key))[1] if str(key) in ruler.matcher else []
            attrs, index = ruler.attrs[key], ruler.indices[key]
            columns = {names[a]: v for a, v in attrs.items() if a in names}
            others = {a: v for a, v in attrs.items() if a not in names}
            for pattern in patterns:
                if not pattern or not all(_supported(spec) for spec in pattern):
                    return None
                target = index if index >= 0 else len(pattern) + index
                if not 0 <= target < len(pattern):
                    return None
                tests = tuple(_compile(ruler.vocab, offset, spec) for offset, spec in enumerate(pattern))
                rules.append(_Rule(len(pattern), sum(tests, ()), target, columns, others))
        return cls(ruler.vocab, rules)

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import IDS
        from spacy.tokens._retokenize import set_token_attrs

        n = len(doc)
        if not n:
            return doc
        table = doc.to_array(list(_COLUMNS))
        cols = {name: table[:, i] for i, name in enumerate(_COLUMNS)}
        written = [IDS[a] for a in _WRITTEN]
        values = doc.to_array(written)
        changed = False
        late: list[tuple[int, dict[Any, Any]]] = []
        present = {name: frozenset(numpy.unique(col).tolist()) for name, col in cols.items()}
        for rule, needs in zip(self.rules, self._needs, strict=True):
            if any(present[column].isdisjoint(values) for column, values in needs):
                continue
            hits = self._hits(rule, cols, n)
            if not hits.size:
                continue
            at = hits + rule.target
            for j, name in enumerate(_WRITTEN):
                if name in rule.columns:
                    values[at, j] = rule.columns[name]
                    changed = True
            if rule.others:
                late.extend((int(i), rule.others) for i in at)
        if changed:
            doc.from_array(written, values)
        for i, attrs in late:  # in rule order, as the ruler sets them
            set_token_attrs(doc[i], attrs)
        return doc

    def _hits(self, rule: _Rule, cols: dict[str, Any], n: int) -> Any:
        width = rule.width
        if width > n:
            return numpy.zeros(0, dtype=numpy.int64)
        ok = numpy.ones(n - width + 1, dtype=bool)
        for test in rule.tests:
            col = cols[test.column][test.offset : test.offset + n - width + 1]
            if test.kind == "eq":
                ok &= col == test.value
            elif test.kind == "in":
                ok &= numpy.isin(col, test.value)
            elif test.kind == "not_in":
                ok &= ~numpy.isin(col, test.value)
            else:
                seen = numpy.unique(col)
                good = [h for h in seen.tolist() if self._search(test.value, h)]
                ok &= numpy.isin(col, numpy.array(good, dtype=col.dtype))
            if not ok.any():
                return numpy.zeros(0, dtype=numpy.int64)
        return numpy.nonzero(ok)[0]

    def _search(self, pattern: str, value: int) -> bool:
        key = (pattern, value)
        hit = self._regex.get(key)
        if hit is None:
            hit = bool(re.search(pattern, self.vocab.strings[value]))
            if len(self._regex) > _MEMO_LIMIT:
                self._regex.clear()
            self._regex[key] = hit
        return hit


def _supported(spec: dict[str, Any]) -> bool:
    for name, test in spec.items():
        if name not in _COLUMNS:
            return False
        if name == "IS_SPACE":
            if not isinstance(test, bool):
                return False
        elif not isinstance(test, str) and not (
            isinstance(test, dict) and len(test) == 1 and next(iter(test)) in ("IN", "NOT_IN", "REGEX")
        ):
            return False
    return True


def _compile(vocab: Any, offset: int, spec: dict[str, Any]) -> tuple[_Test, ...]:
    """The tests of one token of a pattern, with the strings they compare to as hashes."""
    strings = vocab.strings
    tests: list[_Test] = []
    for name, test in spec.items():
        if name == "IS_SPACE":
            tests.append(_Test(offset, name, "eq", int(bool(test))))
        elif isinstance(test, str):
            tests.append(_Test(offset, name, "eq", strings.add(test)))
        elif "REGEX" in test:
            tests.append(_Test(offset, name, "regex", test["REGEX"]))
        else:
            ((op, words),) = test.items()
            hashes = numpy.array([strings.add(w) for w in words], dtype=numpy.uint64)
            tests.append(_Test(offset, name, op.lower(), hashes))
    return tuple(tests)


class ArrayLemmatizer:
    """A rule lemmatizer (``overwrite=False``) run once per distinct (word, part of speech, features)
    of a Doc whose lemma is unset: the lemma is the component's own ``lemmatize`` of the first such
    token, as its cache (keyed the same way) would give it."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        # (word, part of speech, features) -> lemma, as a string: a hash would outlive the string
        # it stands for once a memory zone (tidings.memory) that added the string has ended.
        self._memo: dict[tuple[int, int, int], str] = {}
        self._indexed = False

    def _index_as_sets(self) -> None:
        """The lemmatizer tests each candidate lemma for membership in its part of speech's index,
        a list of up to 57,000 words (a scan per test); as sets the same tests give the same
        answers at once. Done on the tables once they are validated (loaded)."""
        table = self.lemmatizer.lookups.get_table("lemma_index", {})
        for key, words in list(table.items()):
            if isinstance(words, list):
                table[key] = frozenset(words)
        self._indexed = True

    @classmethod
    def of(cls, lemmatizer: Any) -> ArrayLemmatizer | None:
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            return None
        return cls(lemmatizer)

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        lem = self.lemmatizer
        if not lem._validated:
            lem._validate_tables()
        if not self._indexed:
            self._index_as_sets()
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = numpy.nonzero(table[:, 3] == 0)[0]
        if not todo.size:
            return doc
        memo, strings = self._memo, doc.vocab.strings
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        if len(lem.cache) > _MEMO_LIMIT:
            lem.cache.clear()
        lemmas = table[:, 3].copy()
        here: dict[tuple[int, int, int], int] = {}  # this Doc's lemma hashes, the strings added once
        for i in todo.tolist():
            key = (int(table[i, 0]), int(table[i, 1]), int(table[i, 2]))
            value = here.get(key)
            if value is None:
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = lem.lemmatize(doc[i])[0]
                value = here[key] = strings.add(lemma)
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def array_steps(nlp: Any) -> tuple[list[str], list[Callable[[Any], Any]]]:
    """The components of ``nlp`` this module replaces (to disable in ``nlp.pipe``) and the
    replacements, in pipeline order. Only the last components may be replaced: the ones after
    them must not read what they set (the English models' ``ner`` reads none of it)."""
    from spacy.pipeline import AttributeRuler, EntityRecognizer, Lemmatizer

    names: list[str] = []
    steps: list[Callable[[Any], Any]] = []
    for name, component in nlp.pipeline:
        step: Callable[[Any], Any] | None = None
        if isinstance(component, AttributeRuler):
            step = ArrayRuler.of(component)
        elif isinstance(component, Lemmatizer):
            step = ArrayLemmatizer.of(component)
        if step is not None:
            names.append(name)
            steps.append(step)
        elif names and not isinstance(component, EntityRecognizer):
            return [], []  # a later component might read what the replaced ones set: spaCy's own run
    return names, steps
