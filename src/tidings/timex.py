"""Temporal expressions, resolved against the report's own date.

Values follow TIMEX3: ``2021-10-06`` (day), ``2021-W40`` (week), ``2021-10`` (month), ``2020`` (year),
``PRESENT_REF``. A relative expression in a report with no date stays unresolved (value None):
unknown is a value, never today's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tidings.records import Precision, Timex

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_UNIT = r"(?:week|month|year)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b")),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MON}),?\s+(?P<year>(?:19|20)\d\d)\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("md", re.compile(rf"\b(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d)")),
    ("my", re.compile(rf"\b(?P<mon>{_MON})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")),
    (
        "rel_unit",
        re.compile(rf"\b(?P<mod>(?:earlier|later)\s+this|last|next|this|past|coming)\s+(?P<unit>{_UNIT})\b", re.I),
    ),
    (
        "ago",
        re.compile(
            rf"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|{_UNIT})s?\s+ago\b", re.I
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?P<mod>last|next|this|on|coming)\s+)?(?P<wd>{_WD})\b")),
    ("deictic", re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight|now|currently|nowadays)\b", re.I)),
    ("in_month", re.compile(rf"\b(?:in|since|until|by|from|early|late|mid-?)\s+(?P<mon>{_MON})(?!\s+\d)\b")),
    ("year", re.compile(r"\b(?:in|since|until|by|from|of|during|before|after)\s+(?P<year>(?:19|20)\d\d)\b(?!-\d)")),
]
_NUM = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(key))


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _shift_month(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def resolve_match(kind: str, m: re.Match[str], anchor: date | None) -> tuple[str | None, Precision]:
    """The TIMEX3 value and precision of one matched expression, given the report date."""
    g = m.groupdict()
    if kind in ("mdy", "dmy"):
        try:
            return date(int(g["year"]), _month(g["mon"]), int(g["day"])).isoformat(), Precision.DAY
        except ValueError:
            return None, Precision.UNKNOWN
    if kind == "iso":
        try:
            return date(int(g["year"]), int(g["m"]), int(g["d"])).isoformat(), Precision.DAY
        except ValueError:
            return None, Precision.UNKNOWN
    if kind == "my":
        return f"{int(g['year']):04d}-{_month(g['mon']):02d}", Precision.MONTH
    if kind == "year":
        return g["year"], Precision.YEAR
    if anchor is None:
        return None, Precision.UNKNOWN
    if kind == "md":
        try:
            return date(anchor.year, _month(g["mon"]), int(g["day"])).isoformat(), Precision.DAY
        except ValueError:
            return None, Precision.UNKNOWN
    if kind == "in_month":
        return f"{anchor.year:04d}-{_month(g['mon']):02d}", Precision.MONTH
    if kind == "weekday":
        target = WEEKDAYS.index(g["wd"].lower())
        mod = (g.get("mod") or "").lower()
        if mod in ("next", "coming"):
            delta = (target - anchor.weekday()) % 7 or 7
            return (anchor + timedelta(days=delta)).isoformat(), Precision.DAY
        back = (anchor.weekday() - target) % 7  # the most recent such day, the report's own day included
        if mod == "last" and back == 0:
            back = 7
        return (anchor - timedelta(days=back)).isoformat(), Precision.DAY
    if kind == "deictic":
        w = g["w"].lower()
        if w in ("now", "currently", "nowadays"):
            return "PRESENT_REF", Precision.DAY
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
        return (anchor + timedelta(days=offset)).isoformat(), Precision.DAY
    if kind == "rel_unit":
        mod = g["mod"].lower().split()[0]
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(mod, 0)
        unit = g["unit"].lower()
        if unit == "year":
            return str(anchor.year + step), Precision.YEAR
        if unit == "month":
            d = _shift_month(anchor, step)
            return f"{d.year:04d}-{d.month:02d}", Precision.MONTH
        return _week(anchor + timedelta(weeks=step)), Precision.WEEK
    if kind == "ago":
        n = _NUM.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        if unit == "day":
            return (anchor - timedelta(days=n)).isoformat(), Precision.DAY
        if unit == "week":
            return _week(anchor - timedelta(weeks=n)), Precision.WEEK
        if unit == "month":
            d = _shift_month(anchor, -n)
            return f"{d.year:04d}-{d.month:02d}", Precision.MONTH
        return str(anchor.year - n), Precision.YEAR
    return None, Precision.UNKNOWN


def find_timexes(text: str, anchor: date | None) -> list[Timex]:
    """Every temporal expression in ``text``, earliest first, overlapping matches resolved longest-first."""
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:  # ordered from most to least specific
        for m in pattern.finditer(text):
            start, end = m.span()
            # The span is the expression itself, without a leading preposition ("in 2018" → "2018").
            if kind == "year":
                start = m.start("year")
            elif kind == "in_month" and m.group(0).split()[0].lower() in ("in", "since", "until", "by", "from"):
                start = m.start("mon")
            elif kind == "weekday" and m.group("mod") == "on":
                start = m.start("wd")
            if any(s < end and start < e for s, e in taken):
                continue
            value, precision = resolve_match(kind, m, anchor)
            taken.append((start, end))
            found.append(Timex(start, end, text[start:end], value, precision))
    return sorted(found, key=lambda t: t.start)
