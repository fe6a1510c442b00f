"""Drop the lines of crawl debris from already-extracted text, keeping every body paragraph.

A line is judged on its own features (known debris phrases, script tokens) and the verdicts are
kept for audit as ``Span(text, reason)``. Paragraph layout (blank lines or single newlines) is kept.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from tidings.errors import DataFileError
from tidings.records import Span

# Script and style fragments: tokens that prose never has.
_SCRIPT = re.compile(
    r"document\.\w+|window\.\w+|function\s*\(|\bvar\s+\w+\s*=|=>|\}\s*\)|\.innerHTML|\.style\.|!==|===|</?\w+[^>]*>"
)
_CODE_CHARS = set("{};=<>()$`")


@lru_cache(maxsize=1)
def debris_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    path = resources.files("tidings.clean") / "data" / "debris.yaml"
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    out = []
    for n, row in enumerate(rows, 1):
        try:
            out.append((re.compile(rf"\s*(?:{row['pattern']})\s*", re.IGNORECASE), str(row["reason"])))
        except (KeyError, TypeError, re.error) as exc:
            raise DataFileError(f"{path}: row {n} is not a valid debris pattern: {exc}") from exc
    return tuple(out)


def line_verdict(line: str) -> str | None:
    """The reason to drop ``line``, or None to keep it."""
    stripped = line.strip()
    if not stripped:
        return None
    words = stripped.split()
    # Debris phrases are short; a body sentence that merely contains "store" is never dropped.
    if len(words) <= 12:
        for pattern, reason in debris_patterns():
            if pattern.fullmatch(stripped):
                return reason
    hits = len(_SCRIPT.findall(stripped))
    code_share = sum(ch in _CODE_CHARS for ch in stripped) / len(stripped)
    if hits >= 2 or (hits and code_share > 0.03) or code_share > 0.12:
        return "script"
    return None


def drop_debris(text: str) -> tuple[str, tuple[Span, ...]]:
    """Remove debris lines; return the kept text (layout preserved) and the dropped spans."""
    kept: list[str] = []
    dropped: list[Span] = []
    for line in text.split("\n"):
        reason = line_verdict(line)
        if reason is None:
            kept.append(line.rstrip())
        else:
            dropped.append(Span(line.strip(), reason))
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned, tuple(dropped)
