"""Where a trigger's words stand in its sentence, for marking the evidence on a screen or a page."""

from __future__ import annotations

import re


def trigger_spans(sentence: str, trigger: str, first_at: int | None = None) -> list[tuple[int, int]]:
    """The [start, end) of each part of ``trigger`` in ``sentence``: one for "met", two for
    "held … drills", found in order at word boundaries where possible. ``first_at``, when known
    (the stored trigger offset less the sentence's), places the first part exactly."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for n, part in enumerate(p.strip() for p in trigger.split("…")):
        if not part:
            continue
        if n == 0 and first_at is not None and sentence[first_at : first_at + len(part)] == part:
            start = first_at
        else:
            found = re.compile(rf"(?<!\w){re.escape(part)}(?!\w)", re.IGNORECASE).search(sentence, pos)
            start = found.start() if found else sentence.lower().find(part.lower(), pos)
        if start < 0:
            continue
        spans.append((start, start + len(part)))
        pos = start + len(part)
    return spans
