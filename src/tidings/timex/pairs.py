"""The second member of a pair that shares its first's month or century: "April 24 and 25",
"May 3-5", "the expedition of 1957-58", "1989-1990". Each member is an expression of its own
(TimeML tags both dates of a range), and the second takes what it leaves unsaid from the first."""

from __future__ import annotations

import re

from tidings.records import Precision, Timex

_NEXT_DAY = re.compile(
    r"\s*(?:and|or|to|through|-|–)\s*(\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:[.,:]\s*\d|%|(?i:percent|per|a\.m\.|p\.m\.|am|pm|[a-z]+s\b)))"
)
_NEXT_YEAR = re.compile(r"[-–/](\d\d|(?:1[6-9]|20)\d\d)\b(?![-–/.,]\d)")


def second_members(text: str, found: list[Timex]) -> list[Timex]:
    """``found`` with the second member of each pair added after its first."""
    out: list[Timex] = []
    for i, tx in enumerate(found):
        out.append(tx)
        nxt = found[i + 1].start if i + 1 < len(found) else len(text)
        value = str(tx.value or "")
        if tx.kind != "DATE" or not tx.text[-1:].isdigit():
            continue
        if tx.precision is Precision.DAY and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            m = _NEXT_DAY.match(text, tx.end)
            if m and m.end() <= nxt and int(value[8:]) < int(m.group(1)) <= 31:
                out.append(
                    Timex(m.start(1), m.end(1), m.group(1), f"{value[:8]}{int(m.group(1)):02d}", tx.precision, "DATE")
                )
        elif tx.precision is Precision.YEAR and re.fullmatch(r"\d{4}", value) and tx.text.endswith(value):
            m = _NEXT_YEAR.match(text, tx.end)
            if m and m.end() <= nxt:
                tail = m.group(1)
                year = int(value[:2] + tail) if len(tail) == 2 else int(tail)
                if int(value) < year <= int(value) + 20:
                    out.append(Timex(m.start(1), m.end(1), tail, f"{year:04d}", tx.precision, "DATE"))
    return out
