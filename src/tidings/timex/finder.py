"""Finding the expressions of a text: every rule of ``grammar`` is matched near the time words;
where matches overlap the longest wins ("the past five years" over "five years"); ``values``
gives each its value; then the passes over the whole list (``pairs``, ``discourse``) settle the
values that depend on the others ("April 24 and 25", "the following year", "the same day")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tidings.records import Timex
from tidings.timex.discourse import (
    future_in_the_past,
    parts_of_named_days,
    times_on_their_days,
    told_in_sequence,
)
from tidings.timex.grammar import anchors, rules
from tidings.timex.lexicon import load_timex_lexicon
from tidings.timex.pairs import second_members
from tidings.timex.values import Valuer

# No expression reaches further than this many characters from its time word.
_REACH = 60
_LEADING_PREPOSITION = re.compile(r"(?:[Oo]n|[Ii]n|[Ff]or|[Ww]ithin|[Oo]ver)\s+")
# A line that is only a date (and punctuation) near the top is the report's dateline.
_DATELINE_REST = re.compile(r"^[\s,.\-–—|:]*$")


def _is_dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return (
        text.count("\n", 0, line_start) <= 4
        and bool(_DATELINE_REST.match(text[line_start:start]))
        and bool(_DATELINE_REST.match(text[end:line_end]))
    )


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around the time words, merged where they touch: the only places an
    expression can be. Each runs from the start of the line's clause before the word to the end
    of the clause after it, within a bound no expression exceeds."""
    out: list[tuple[int, int]] = []
    for hit in anchors().finditer(text):
        lo = max(0, hit.start() - _REACH, text.rfind("\n", 0, hit.start()) + 1)
        hi = min(len(text), hit.end() + _REACH)
        nl = text.find("\n", hit.end())
        if 0 <= nl < hi:
            hi = nl
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def find_timexes(text: str, anchor: date | None) -> list[Timex]:
    """Every temporal expression in ``text``, in order, with its TIMEX3 type, value and precision."""
    valuer = Valuer(load_timex_lexicon(), text, anchor)
    matches: list[tuple[int, int, int, str, re.Match[str]]] = []
    seen: set[tuple[int, int, int]] = set()
    for lo, hi in _windows(text):
        for order, rule in enumerate(rules()):
            for m in rule.pattern.finditer(text, lo, hi):
                key = (order, m.start(), m.end())
                if m.end() > m.start() and key not in seen:
                    seen.add(key)
                    matches.append((m.start(), m.end(), order, rule.name, m))
    matches.sort(key=lambda x: (-(x[1] - x[0]), x[2], x[0]))
    taken: list[tuple[int, int]] = []
    found: list[Timex] = []
    dateline: str | None = None
    for start, end, _, name, m in matches:
        if any(s < end and start < e for s, e in taken):
            continue
        value = valuer.value(name, m)
        if value is None:
            continue
        taken.append((start, end))
        if name in ("full_date", "dmy", "iso") and _is_dateline(text, start, end):
            dateline = dateline or value.value
            continue
        lead = _LEADING_PREPOSITION.match(text, start, end)
        if lead:  # "on Tuesday" → "Tuesday": the preposition is not part of the expression
            start = lead.end()
        found.append(Timex(start, end, text[start:end], value.value, value.precision, value.kind))
    found.sort(key=lambda t: t.start)
    found = told_in_sequence(text, second_members(text, found), dateline)
    found = parts_of_named_days(text, future_in_the_past(text, found, anchor), valuer.lex.parts_of_day)
    return [_before_year_one(t) for t in times_on_their_days(text, found, anchor)]


def _before_year_one(t: Timex) -> Timex:
    """A year counted back past year 1 ("two years ago" in a text dated in year 1) has no TIMEX3
    value: unknown, as an unresolved expression is."""
    return replace(t, value=None) if t.value is not None and t.value.startswith("-") else t
