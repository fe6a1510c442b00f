"""Word lists kept as data: a YAML file of named lists read into a frozen record of lower-cased word
sets, one field a list (``events/data/modality.yaml``, ``events/data/sense.yaml``)."""

from __future__ import annotations

from importlib import resources
from typing import Any, TypeVar

from tidings.errors import DataFileError
from tidings.yamlfile import load_yaml

T = TypeVar("T")


def load_word_lists(name: str, record: type[T]) -> T:
    """``events/data/NAME`` read into ``record``, whose fields (``__slots__``) name the lists."""
    text = (resources.files("tidings.events") / "data" / name).read_text(encoding="utf-8")
    data: Any = load_yaml(text) or {}
    fields: tuple[str, ...] = record.__slots__  # type: ignore[attr-defined]
    try:
        return record(**{f: frozenset(str(w).lower() for w in data[f]) for f in fields})
    except (KeyError, TypeError) as exc:
        raise DataFileError(f"events/data/{name}: a list is missing or is no list: {exc}") from exc
