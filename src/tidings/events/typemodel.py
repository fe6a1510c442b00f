"""A learned second opinion on a sentence's event type: a linear model over the words of a parsed sentence.

The features are cheap and read off the parse the pipeline already has: lower-cased lemmas and
lemma pairs, with names of places, people, groups and bodies replaced by their entity label (the
model learns "<GPE> impose sanction", not which country did), and the lemma of the sentence's main
verb. The weights (multinomial logistic regression) live in ``events/data/type_model/headlines.npz``, trained
by ``scripts/train_type_model.py`` on the headlines of the tune half of the synthetic stories (provenance
and licences in ``events/data/type_model/NOTICE.md``). Scoring a sentence is a sum of a few dozen weight rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np

MODEL_FILE = "headlines.npz"
# Entity labels that stand for an actor's or a place's name: the name itself says nothing of the act.
NAME_LABELS = frozenset({"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"})
# Entity labels of numbers and times, read as one placeholder each.
NUMBER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _word(token: Any) -> str | None:
    """The word a token gives the model, or None for punctuation and spaces."""
    if token.is_space or token.is_punct:
        return None
    if token.ent_type_ in NAME_LABELS:
        return f"<{token.ent_type_}>"
    if token.ent_type_ in NUMBER_LABELS or token.like_num:
        return "<NUM>"
    lemma = str(token.lemma_).lower()
    return lemma if any(ch.isalpha() for ch in lemma) else None


def _main_verb(tokens: Sequence[Any]) -> Any | None:
    roots = [t for t in tokens if t.dep_ == "ROOT"]
    return roots[0] if roots else None


def sentence_features(tokens: Sequence[Any]) -> list[str]:
    """The features of one parsed sentence (a spaCy Span or a list of its tokens)."""
    words: list[str] = []
    for token in tokens:
        w = _word(token)
        if w is not None and (not words or words[-1] != w or not w.startswith("<")):
            words.append(w)  # one placeholder for a multi-word name
    feats = [f"w:{w}" for w in words]
    # The word as written too: a title-case verb read as a name keeps its inflection ("Imposes").
    feats.extend(f"w:{t.lower_}" for t in tokens if t.is_alpha and not t.ent_type_ and t.lower_ != t.lemma_.lower())
    feats.extend(f"b:{a} {b}" for a, b in pairwise(words))
    root = _main_verb(tokens)
    if root is not None:
        feats.append(f"v:{root.lemma_.lower()}")
        feats.extend(
            f"v:{root.lemma_.lower()} {c.dep_}:{_word(c) or ''}" for c in root.children if c.dep_ in ("dobj", "prt")
        )
    return feats


@dataclass(frozen=True)
class TypeModel:
    """Weights of a multinomial logistic model: ``weights[feature index, type index]`` and a bias per type."""

    types: tuple[str, ...]
    index: dict[str, int]
    weights: Any  # float32 array (features × types)
    bias: Any  # float32 array (types)

    def probabilities(self, feature_lists: Iterable[list[str]]) -> Any:
        """One row of type probabilities per sentence (the features l2-normalised, as in training)."""
        rows = []
        for feats in feature_lists:
            ids = sorted({self.index[f] for f in feats if f in self.index})
            z = self.bias.astype(np.float64)
            if ids:
                z = z + self.weights[ids].sum(axis=0) / np.sqrt(len(ids))
            z = z - z.max()
            e = np.exp(z)
            rows.append(e / e.sum())
        return np.array(rows).reshape(-1, len(self.types))

    def word_type(self, token: Any) -> str | None:
        """The type the model reads into one word by itself (its lemma as a word and as a main verb),
        or None for a word it does not know. A title-case word the parser takes for a name
        ("Kenya Makes Concessions") is read by its lemma and its surface all the same."""
        if not token.is_alpha:
            return None
        word = str(token.lemma_).lower()
        keys = {f"w:{word}", f"v:{word}", f"w:{token.lower_}"}
        ids = [self.index[f] for f in sorted(keys) if f in self.index]
        if not ids:
            return None
        return self.types[int(self.weights[ids].sum(axis=0).argmax())]

    def best(self, tokens: Sequence[Any]) -> tuple[str, float]:
        """The most likely type of one sentence and its probability."""
        p = self.probabilities([sentence_features(tokens)])[0]
        k = int(p.argmax())
        return self.types[k], float(p[k])


def save(path: Any, types: Sequence[str], features: Sequence[str], weights: Any, bias: Any) -> None:
    """Write a model file (the training script's output)."""
    np.savez_compressed(
        path,
        types=np.array(list(types)),
        features=np.array(list(features)),
        weights=np.asarray(weights, dtype=np.float16),
        bias=np.asarray(bias, dtype=np.float32),
    )


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel | None:
    """The shipped model, or None when its file is not there."""
    path = resources.files("tidings.events") / "data" / "type_model" / MODEL_FILE
    if not path.is_file():
        return None
    with path.open("rb") as fh, np.load(fh, allow_pickle=False) as data:
        types = tuple(str(t) for t in data["types"])
        features = [str(f) for f in data["features"]]
        weights = data["weights"].astype(np.float32)
        bias = data["bias"].astype(np.float32)
    return TypeModel(types, {f: i for i, f in enumerate(features)}, weights, bias)
