"""Metadata a reader attaches to a report: the record's own fields, a sidecar file, batch defaults."""

from __future__ import annotations

import json
from pathlib import Path

# The fields a record, a sidecar or the command line may give; anything else is ignored.
FIELDS = ("title", "published", "outlet", "url")
# The values a field may have; a list or an object in its place is ignored, not turned into text.
SCALARS = (str, int, float)


def pick(obj: object) -> dict[str, str]:
    if not isinstance(obj, dict):
        return {}
    return {
        k: str(v) for k in FIELDS if isinstance(v := obj.get(k), SCALARS) and not isinstance(v, bool) and v != ""
    }


def sidecar(path: Path) -> dict[str, str]:
    """``NAME.meta.json`` beside ``NAME.ext`` (or beside ``NAME``): metadata the text lacks."""
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if candidate.is_file():
            try:
                return pick(json.loads(candidate.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                return {}
    return {}


def merged(own: dict[str, str], *fallbacks: dict[str, str]) -> dict[str, str]:
    """The record's own values win; then each fallback in order fills what is missing."""
    out = dict(own)
    for fb in fallbacks:
        for k, v in fb.items():
            out.setdefault(k, v)
    return out
