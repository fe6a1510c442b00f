"""Expressions whose value depends on the others of the same text: a step from the last date
given ("the following year"), the day the text is telling of ("the same day"), the day of a
clock time's sentence."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from tidings.records import Precision, Timex

_SEQUENCE = re.compile(r"(?i)(?:the\s+)?(following|previous|preceding)\s+(year|month)$")
# "the same period last year", "the same month of 2008": the period last told of, in another year.
_SAME = re.compile(
    r"(?i)the\s+same\s+(?:period|quarter|month|week|day|time)\s+(?:of\s+|in\s+)?"
    r"(?:(?P<ago>last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+previous\s+year|the\s+year\s+before)|(?P<year>\d{4}))$"
)
# "the next day", "the following morning", "the day before": a step from that day.
_DAY_STEP = re.compile(
    r"(?i)the\s+(?:(next|following|previous|preceding)\s+(?:day|morning|afternoon|evening|night)|day\s+(before|after))$"
)
# "in the morning", "morning trading": a part of the day the text is telling of.
_BARE_PART = re.compile(r"(?i)(?:(?:in|during)\s+)?(?:the\s+)?(?:early\s+|late\s+)?(?:morning|afternoon|evening)$")
# "a year earlier", "two days earlier": before the date the sentence gave.
_EARLIER = re.compile(r"(?i)(?:an?|one|two|three|four|five|six|\d+)\s+(year|month|week|day)s?\s+earlier$")
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "the day", "the same day", "the end of the day": the day the text is telling of.
_THE_DAY = re.compile(r"(?i)(?:the\s+(?:start|end|beginning|middle|rest)\s+of\s+)?the\s+(?:same\s+)?day$")


def told_in_sequence(text: str, found: list[Timex], dateline: str | None = None) -> list[Timex]:
    """ "In 1995 … and the following year", "the previous month": a step from the last date the
    text gave, not from the report's date (and not a stretch of time). "The day", "the same day"
    is the last day the text named ("Oct. 12, the day before the plunge"; "shares fell on Monday
    … to end the day"), or the day of the text's own dateline; the report's day only when the
    text named none; "the next day", "the following morning", "the day before" step from that
    day, and "in the morning" is a part of it. "A year earlier" after a date of its sentence is a
    year before that date ("in 2008, up from 453 a year earlier"). "The same period last year" is the period last told of, a year before.
    """
    out: list[Timex] = []
    last: Timex | None = None
    last_day = dateline
    for tx in found:
        if last_day and _THE_DAY.match(tx.text.strip()):
            tx = replace(tx, value=last_day)
        same = _SAME.match(tx.text.strip())
        if same and last is not None and last.value and re.match(r"\d{4}-(?:\d\d|Q\d|W\d\d)", str(last.value)):
            year = int(same["year"]) if same["year"] else int(str(last.value)[:4]) - 1
            tx = replace(tx, value=f"{year:04d}{str(last.value)[4:]}", precision=last.precision)
        if last_day and tx.value and _BARE_PART.match(tx.text.strip()):
            tx = replace(tx, value=last_day + str(tx.value)[10:])
        earlier = _EARLIER.match(tx.text.strip())
        if earlier and last is not None and last.value and _same_sentence(text, last.start, tx.start):
            tx = _step_back(tx, earlier, str(last.value))
        day_step = _DAY_STEP.match(tx.text.strip())
        if day_step and last_day and tx.value and not tx.text.lower().endswith(("yesterday", "tomorrow")):
            back = (day_step.group(1) or day_step.group(2) or "").lower() in ("previous", "preceding", "before")
            day = (date.fromisoformat(last_day) + timedelta(days=-1 if back else 1)).isoformat()
            tx = replace(tx, value=day + str(tx.value)[10:])
        m = _SEQUENCE.match(tx.text.strip())
        if m and last is not None and last.value:
            step = 1 if m.group(1).lower() == "following" else -1
            value = _step(str(last.value), m.group(2).lower(), step)
            if value is not None:
                precision = Precision.YEAR if m.group(2).lower() == "year" else Precision.MONTH
                tx = replace(tx, value=value, precision=precision, kind="DATE")
        if tx.kind == "DATE" and tx.value and tx.value[:4].isdigit():
            last = tx
            if tx.precision is Precision.DAY and len(tx.value) == 10:
                last_day = tx.value
        out.append(tx)
    return out


# A sentence's end: a full stop after a lower-case word (not "Aug. 3", "Mr. Smith", "U.S. troops").
_SENTENCE_END = re.compile(r"[a-z0-9%)\"”]{2}\s?[.!?]\s+[A-Z\"“`']")


def _same_sentence(text: str, a: int, b: int) -> bool:
    between = text[a:b]
    return "\n" not in between and not _SENTENCE_END.search(between)


def _step_back(tx: Timex, m: re.Match[str], last: str) -> Timex:
    """``tx`` ("N units earlier") as N units before ``last``, at the granularity of ``last`` when
    it is as fine as the unit (a year before 2008 is 2007; a year before 2008-03 is 2007-03)."""
    word = tx.text.strip().split()[0].lower()
    n = int(word) if word.isdigit() else _COUNTS.get(word, 1)
    unit = m.group(1).lower()
    try:
        if unit == "year" and re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?|-Q\d)?", last):
            return replace(tx, value=f"{int(last[:4]) - n:04d}{last[4:]}")
        if unit == "month" and re.fullmatch(r"\d{4}-\d\d", last):
            stepped = _step(last, "month", -n)
            return replace(tx, value=stepped) if stepped else tx
        if unit in ("day", "week") and re.fullmatch(r"\d{4}-\d\d-\d\d", last):
            d = date.fromisoformat(last) - timedelta(days=n * (7 if unit == "week" else 1))
            if unit == "day":
                return replace(tx, value=d.isoformat(), precision=Precision.DAY)
            iso = d.isocalendar()
            return replace(tx, value=f"{iso.year:04d}-W{iso.week:02d}", precision=Precision.WEEK)
    except ValueError:
        return tx
    return tx


def _step(value: str, unit: str, step: int) -> str | None:
    try:
        if unit == "year":
            return f"{int(value[:4]) + step:04d}"
        if unit == "month" and len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
            month = int(value[:4]) * 12 + int(value[5:7]) - 1 + step
            return f"{month // 12:04d}-{month % 12 + 1:02d}"
    except ValueError:
        return None
    return None


def _sentence(text: str, at: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    return left, min(ends) if ends else len(text)


def times_on_their_days(text: str, found: list[Timex], anchor: date | None) -> list[Timex]:
    """A clock time with no day of its own is on the day its sentence names ("the first test
    flight Tuesday … at 18:00 UTC", "at 16:15 UTC, June 1st"), not on the report's day."""
    if anchor is None:
        return found
    out = []
    for tx in found:
        if tx.kind == "TIME" and tx.value and tx.value.startswith(anchor.isoformat()):
            lo, hi = _sentence(text, tx.start)
            days = [
                d for d in found if d.kind == "DATE" and d.precision is Precision.DAY and d.value and lo < d.start < hi
            ]
            if days:
                day = min(days, key=lambda d: abs(d.start - tx.start))
                tx = replace(tx, value=str(day.value)[:10] + tx.value[10:])
        out.append(tx)
    return out


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_BARE_WEEKDAY = re.compile(r"(?i)(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day)$")
_WOULD = re.compile(r"(?i)\b(?:would|was to|were to|was going to|were going to)\b")


def future_in_the_past(text: str, found: list[Timex], anchor: date | None) -> list[Timex]:
    """ "Officials said Monday that the talks would resume Tuesday": a weekday told as the future
    of a past day of the same sentence ("would") is the first such day after that day, not the
    coming one after the report."""
    if anchor is None:
        return found
    out: list[Timex] = []
    for i, tx in enumerate(found):
        m = _BARE_WEEKDAY.match(tx.text.strip())
        if m and tx.value and len(tx.value) == 10 and tx.value > anchor.isoformat():
            lo, _ = _sentence(text, tx.start)
            said = [
                d
                for d in found[:i]
                if d.start > lo
                and d.precision is Precision.DAY
                and d.value
                and len(d.value) >= 10
                and d.value[:10] < anchor.isoformat()
            ]
            if said and _WOULD.search(text, said[-1].end, tx.start):
                then = date.fromisoformat(str(said[-1].value)[:10])
                target = _WEEKDAYS.index(m.group(1)[:3].lower())
                day = then + timedelta(days=(target - then.weekday()) % 7 or 7)
                tx = replace(tx, value=day.isoformat())
        out.append(tx)
    return out


_PART_OF = re.compile(r"(?i)\bthe\s+(morning|afternoon|evening|night)\s+of\s+$")


def parts_of_named_days(text: str, found: list[Timex], parts: dict[str, str]) -> list[Timex]:
    """ "the morning of Aug. 7", "the night of Tuesday": that part of the day named."""
    out: list[Timex] = []
    for tx in found:
        m = _PART_OF.search(text, max(0, tx.start - 30), tx.start)
        if m and tx.kind == "DATE" and tx.precision is Precision.DAY and tx.value and len(tx.value) == 10:
            part = parts[m.group(1).lower()]
            tx = replace(tx, start=m.start(), text=text[m.start() : tx.end], value=f"{tx.value}T{part}", kind="TIME")
        out.append(tx)
    return out
