"""Title, dateline date and dateline place from the head of a report's text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import dateparser

from tidings.records import Precision

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_TIME = r"(?:\s*[-–—|,@]?\s*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?"
# A line that is nothing but a date (and maybe a time): "October 9, 2021 - 22:34", "9 October 2021", "2021-10-09".
_PREFIX = r"(?:(?:first |last )?(?:published|updated|posted)(?: on)?\s*:?\s+)?"
DATE_LINE = re.compile(
    rf"^\s*{_PREFIX}(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}})?"
    rf"|{_MONTH}\s+\d{{4}})"
    rf"{_TIME}\s*$",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(rf"^\s*{_PREFIX}{_MONTH}\s+\d{{4}}\s*$", re.IGNORECASE)
_PREFIX_RE = re.compile(rf"^\s*{_PREFIX}", re.IGNORECASE)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
# "TEHRAN –", "MOSCOW (Reuters) -", "WASHINGTON, D.C. —" at the start of the first body paragraph.
# Wire forms too: "NAIROBI, Kenya (AP) _", "MOSCOW (AP)_ Presidents …", "BUDAPEST, March 12 (Xinhua) --"
# alone on the first line, "INDEPENDENCE, MO. (AP)--".
DATELINE_PLACE = re.compile(
    r"^\s*([A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:\s+\d{1,2})?)?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[–—-]{1,2}|(?<=\))_|\s_)(?:\s+|$)"
)
# A place in title case is a dateline only with the agency's parenthesis before the dash:
# "Washington (CNN) —", "Moscow, March 3 (Reuters) -".
TITLED_DATELINE_PLACE = re.compile(
    r"^\s*([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?"
    r"\s*\([A-Z][^)]{0,39}\)\s*[–—-]{1,2}(?:\s+|$)"
)

# "WASHINGTON, August 13 (Xinhua) --": a wire's dateline that gives the day of its news, with no year.
WIRE_DAY = re.compile(
    rf"^\s*[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){{0,3}},\s*(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}})\s*"
    r"(?:\([^)]{1,40}\))?\s*(?:[–—_-]{1,2}|$)"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# How many days a wire's dateline day may lie before the date the report is filed under.
_WIRE_DAY_LAG = 3


@dataclass(frozen=True, slots=True)
class Head:
    title: str | None
    published: datetime | None
    precision: Precision
    dateline_place: str | None
    date_line: str | None


def parse_date(text: str) -> tuple[datetime | None, Precision]:
    """A literal date string → (datetime, precision). Relative words are not resolved here."""
    cleaned = _PREFIX_RE.sub("", text).strip(" -–—|")
    cleaned = re.sub(r"\s+at\s+(?=\d)", " ", cleaned)
    value = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False},
    )
    if value is None:
        return None, Precision.UNKNOWN
    if _MONTH_ONLY.match(text):
        return value, Precision.MONTH
    return value, (Precision.MINUTE if _HAS_TIME.search(text) else Precision.DAY)


_BYLINE = re.compile(r"^(by\b|@|•|posted\b|updated\b|published\b|\d+ min(ute)? read)", re.IGNORECASE)


def _pick_title(head: Sequence[str], page: Sequence[str]) -> str | None:
    """The headline among the lines before the body: the nearest one that looks like a headline,
    preferring a line the page repeats (a crawl keeps both the <title> and the <h1>)."""
    candidates = [
        ln
        for ln in reversed(head[-8:])
        if 3 <= len(ln.split()) <= 30 and len(ln) <= 200 and not DATE_LINE.match(ln) and not _BYLINE.match(ln)
    ]
    repeated = [ln for ln in candidates if sum(1 for p in page if p == ln) >= 2]
    if repeated:
        return repeated[0]
    return candidates[0] if candidates else None


def read_head(head: Sequence[str], body: str, page: Sequence[str] = ()) -> Head:
    """Title, dateline date and dateline place from the lines before the body and the body's start."""
    title = _pick_title(head, page or head)
    published: datetime | None = None
    precision = Precision.UNKNOWN
    date_line: str | None = None
    body_lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    for line in [*head[-8:], *body_lines[:3]]:
        if DATE_LINE.match(line):
            published, precision = parse_date(line)
            if published is not None:
                date_line = line
                break
    place: str | None = None
    for line in body_lines[:2]:
        if line == date_line:
            continue
        m = DATELINE_PLACE.match(line) or TITLED_DATELINE_PLACE.match(line)
        if m and len(m.group(1)) >= 3:
            place = m.group(1).strip().rstrip(",")
        break
    return Head(title, published, precision, place, date_line)


def wire_day(lines: Sequence[str], filed: datetime) -> datetime | None:
    """The day of the news by the report's own dateline ("WASHINGTON, August 13 (Xinhua) --" in a
    report filed on 14 August): the dateline's month and day in the year that puts them on, or
    up to a few days before, the date the report is filed under. None when no dateline gives a
    day, or when it lies further from that date (then the two do not speak of the same report)."""
    for line in lines:
        m = WIRE_DAY.match(line)
        if m is None:
            continue
        number = _MONTHS.index(m["mon"][:3].lower()) + 1
        for year in (filed.year, filed.year - 1):
            try:
                day = datetime(year, number, int(m["day"]))
            except ValueError:
                continue
            if 0 <= (filed.date() - day.date()).days <= _WIRE_DAY_LAG:
                return day
        return None
    return None
