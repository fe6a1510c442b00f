"""The second member of a pair that shares its first's month or century: "April 24 and 25",
"May 3-5", "the expedition of 1957-58", "1989-1990". Each member is an expression of its own
(TimeML tags both dates of a range), and the second takes what it leaves unsaid from the first."""

from __future__ import annotations

import re
from dataclasses import replace

from tidings.records import Precision, Timex

# The second day must end its phrase ("April 24 and 25.", "May 3-5 in Geneva"), not count
# something ("Jan. 5 and 12 people", "March 3 and 4 percent").
_NEXT_DAY = re.compile(
    r"\s*(?:and|or|to|through|-|–)\s*(\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?=\s*(?:[;:)\]]|[.,](?!\d)|$)|\s+(?i:and|or|in|of|at|to|when|as|but|the|this|last|next|from|with|for|on|respectively)\b)"
)
_YEAR_AFTER = re.compile(r"\s*,\s*((?:1[6-9]|20)\d\d)\b")
_NEXT_YEAR = re.compile(r"[-–/](\d\d|(?:1[6-9]|20)\d\d)\b(?![-–/.,]\d)")


def second_members(text: str, found: list[Timex]) -> list[Timex]:
    """``found`` with the second member of each pair added after its first."""
    out: list[Timex] = []
    skip = -1
    for i, tx in enumerate(found):
        if tx.start == skip:
            continue
        out.append(tx)
        nxt = found[i + 1].start if i + 1 < len(found) else len(text)
        value = str(tx.value or "")
        if tx.kind != "DATE" or not tx.text[-1:].isdigit():
            continue
        if tx.precision is Precision.DAY and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            m = _NEXT_DAY.match(text, tx.end)
            if m and m.end() <= nxt and int(value[8:]) < int(m.group(1)) <= 31:
                end, after = m.end(1), _YEAR_AFTER.match(text, m.end(1))
                if after:  # "July 3 and 4, 1998": the year is both days'
                    value, end, skip = after.group(1) + value[4:], after.end(), after.start(1)
                    out[-1] = replace(tx, value=value)
                day = f"{value[:8]}{int(m.group(1)):02d}"
                out.append(Timex(m.start(1), end, text[m.start(1) : end], day, tx.precision, "DATE"))
        elif tx.precision is Precision.YEAR and re.fullmatch(r"\d{4}", value) and tx.text.endswith(value):
            m = _NEXT_YEAR.match(text, tx.end)
            if m and m.end() <= nxt:
                tail = m.group(1)
                year = int(value[:2] + tail) if len(tail) == 2 else int(tail)
                if int(value) < year <= int(value) + 20:
                    out.append(Timex(m.start(1), m.end(1), tail, f"{year:04d}", tx.precision, "DATE"))
    return out
