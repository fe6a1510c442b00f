"""Load the temporal lexicon (``timex/data/lexicon.yaml`` plus a user's file)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tidings.errors import DataFileError
from tidings.yamlfile import load_yaml


@dataclass(frozen=True, slots=True)
class Unit:
    letter: str  # Y, M, W, D, H, S, Q, WE
    time: bool = False  # hours, minutes, seconds: PT…
    times: int = 1  # a decade is 10 years


@dataclass(frozen=True, slots=True)
class TimexLexicon:
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    units: dict[str, Unit]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    ordinals: dict[str, int]
    references: dict[str, str]
    sets: dict[str, str]
    future_markers: tuple[str, ...]
    name_words_before_year: frozenset[str] = frozenset()

    def month(self, word: str) -> int:
        key = word.lower().rstrip(".")[:3]
        return next(i for i, m in enumerate(self.months, 1) if m.startswith(key))

    def number(self, word: str) -> float | None:
        """A number written in digits or words ("12", "twenty-five", "two and a half")."""
        w = word.lower().strip()
        half = w.endswith(" and a half")
        if half:
            w = w.removesuffix(" and a half")
        value: float | None
        try:
            value = float(w.replace(",", ""))
        except ValueError:
            if w in self.numbers:
                value = self.numbers[w]
            elif "-" in w and all(p in self.numbers for p in w.split("-")):
                value = sum(self.numbers[p] for p in w.split("-"))
            else:
                return None
        return value + 0.5 if half else value


def _read(text: str, where: str) -> dict[str, Any]:
    try:
        data = load_yaml(text) or {}
    except yaml.YAMLError as exc:
        raise DataFileError(f"{where}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{where}: expected a mapping of sections")
    return data


@lru_cache(maxsize=1)
def load_timex_lexicon() -> TimexLexicon:
    shipped = resources.files("tidings.timex") / "data" / "lexicon.yaml"
    data = _read(shipped.read_text(encoding="utf-8"), "timex/data/lexicon.yaml")
    extra = os.environ.get("TIDINGS_TIMEX_LEXICON")
    if extra:
        path = Path(extra)
        if not path.is_file():
            raise DataFileError(f"TIDINGS_TIMEX_LEXICON points at {extra!r}, which is not a file.")
        for key, value in _read(path.read_text(encoding="utf-8"), str(path)).items():
            if isinstance(value, dict):
                data[key] = {**data.get(key, {}), **value}
            elif isinstance(value, list):
                data[key] = list(data.get(key, [])) + value
    try:
        return TimexLexicon(
            months=tuple(data["months"]),
            weekdays=tuple(data["weekdays"]),
            numbers={str(k).lower(): float(v) for k, v in data["numbers"].items()},
            vague_numbers=tuple(data["vague_numbers"]),
            units={k: Unit(**v) for k, v in data["units"].items()},
            seasons=dict(data["seasons"]),
            parts_of_day=dict(data["parts_of_day"]),
            ordinals={str(k): int(v) for k, v in data["ordinals"].items()},
            references={str(k).lower(): str(v) for k, v in data["references"].items()},
            sets={str(k).lower(): str(v) for k, v in data["sets"].items()},
            future_markers=tuple(str(x) for x in data["future_markers"]),
            name_words_before_year=frozenset(str(x).lower() for x in data.get("name_words_before_year", [])),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"timex lexicon: a section is missing or malformed: {exc}") from exc
