"""From a matched expression to its TIMEX3 type, value and precision, given the report's date.

Relative expressions need the report's date (the anchor); without it their value is None:
unknown stays unknown, never today. Weekdays take the most recent such day, or the next one when
the words before them speak of the future ("will meet on Monday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tidings.records import Precision
from tidings.timex.lexicon import TimexLexicon

DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"


# The end of a sentence: a full stop, question or exclamation mark, maybe closing a quotation.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")


@dataclass(frozen=True, slots=True)
class Value:
    kind: str
    value: str | None
    precision: Precision


# Words of a clause that tells of the past: auxiliaries, a regular past ("announced"), common
# irregular pasts. A participle after a determiner ("the reduced dividend", "its planned
# merger") is an adjective, and "-eed" words ("need", "proceed") are no pasts.
_PAST = re.compile(
    r"\b(?:was|were|had|did|since|ago|earlier|last|said|told|took|came|went|made|gave|met|held|won|"
    r"lost|rose|fell|sold|bought|left|saw|found|got|began|spoke|wrote|broke|shot|struck|fled|fought|led|"
    r"sent|brought|(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)"
    r"(?![a-z]*eed\b)[a-z]{3,}ed)\b",
    re.I,
)
DROP = None  # a match that is not a temporal expression after all
# A present progressive ("are meeting", "is holding"): with a weekday and no word of the past, a
# plan for the coming days.
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|'re)\s+(?:\w+\s+)?[a-z]{2,}ing\b", re.I)
# A month the clause's past event happened within ("closed in December", "during November").
_WITHIN_MONTH = re.compile(r"\b(?:in|during|since|throughout)\s+(?:(?:early|late|mid-?)\s*)?$", re.I)
# A fraction of a unit in the next smaller one: (letter, time unit?) → (how many, letter, time unit?).
_SMALLER = {
    ("Y", False): (12, "M", False),
    ("W", False): (7, "D", False),
    ("D", False): (24, "H", True),
    ("H", True): (60, "M", True),
    ("M", True): (60, "S", True),
}
# A deadline: "until 9 a.m. Tuesday", "by Friday".
_DEADLINE = re.compile(r"\b(?:until|till|by|no later than)\s*$", re.I)
# Dashes that close a clause: "--", and AP's " _ ".
_DASH = re.compile(r"\s(?:_|--)\s")


def week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def shift_month(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


# A capitalised word right before a year, not at a sentence's start.
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)\s+$")
# A quarter named by its ordinal ("the third quarter", "fiscal first-quarter").
_NAMED_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter", re.I)
_QUARTER_ENDED = re.compile(r"\s*ended\s+([A-Z][a-z]{2,8})\.?\s+\d")
# The periods a results report tells of: the last one named before "the 1988 period" is the one.
# ("a year earlier" compares; it names no period).
_PERIOD = re.compile(r"\bquarter|\b(?:months|half)\b|(?<!\ba\s)\byear\b(?![\s-]+(?:ago|earlier))", re.I)
# How far back (characters) the quarter a report is telling of may have been named.
_FOCUS_REACH = 800
# Money and share figures: a sentence that gives them is reporting results.
_FIGURES = re.compile(r"\$\s?\d|\bcents?\b|\d\s?%|\bmillion\b|\bbillion\b")


class Valuer:
    """Values for one text and its anchor date."""

    def __init__(self, lex: TimexLexicon, text: str, anchor: date | None):
        self.lex = lex
        self.text = text
        self.anchor = anchor
        self._future = re.compile(
            r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lex.future_markers) + r")\b", re.I
        )

    # -- helpers ------------------------------------------------------------------------------
    def _future_context(self, start: int) -> bool:
        """Does the clause before ``start`` speak of the future?"""
        return bool(self._future.search(self._clause_before(start)))

    def _sentence_start(self, start: int) -> int:
        """Where the sentence holding ``start`` begins: after a full stop, a question or exclamation
        mark, with any closing quotation mark after it ('… the gap." In late January, …')."""
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, max(0, start - 300), start)]
        return ends[-1] if ends else 0

    def _clause_before(self, start: int) -> str:
        left = max(
            self._sentence_start(start),
            self.text.rfind(". ", 0, start),
            self.text.rfind("\n", 0, start),
            self.text.rfind(", ", 0, max(0, start - 2)),
            self.text.rfind(";", 0, start),
            *(m.end() for m in _DASH.finditer(self.text, max(0, start - 80), start)),
            start - 80,
            0,
        )
        return self.text[left:start]

    def _weekday_ahead(self, start: int, end: int | None) -> bool:
        """Does a weekday at ``start`` name the coming such day? Its clause speaks of the future
        ("will meet Monday", "is to meet on Monday", "are scheduled to meet Monday"), or of the
        present in the progressive ("are meeting Monday") with no word of the past; or it is a
        deadline ("has until 9 a.m. Tuesday", "by Friday") and the sentence does not go on in the
        past; or nothing before it tells a tense and the first tense after it is the future ("On
        Monday, the two will meet"). A possessive ("Monday's attack") is a day already named: it looks no further
        than the words before it."""
        before = self._clause_before(start)
        if self._future.search(before):
            return True
        if end is None or self.text.startswith(("'s", "’s", " 's", " ’s"), end) or _PAST.search(before):
            return False
        if _PROGRESSIVE.search(before):
            return True
        stops = [e for e in (self.text.find(". ", end), self.text.find("\n", end)) if e >= 0]
        after = self.text[end : min([*stops, end + 120])]
        future, past = self._future.search(after), _PAST.search(after)
        if _DEADLINE.search(before):  # ahead, unless the sentence goes on in the past ("By Monday, it was calm")
            return past is None or (future is not None and future.start() <= past.start())
        return future is not None and (past is None or future.start() <= past.start())

    def _past_context(self, start: int) -> bool:
        """Does the clause before ``start`` tell of the past ("was", "had", "since", "ended")?"""
        left = max(self._sentence_start(start), self.text.rfind("\n", 0, start), start - 80, 0)
        return bool(_PAST.search(self.text[left:start]))

    def _past_after(self, start: int) -> bool:
        """Does the rest of the sentence tell of the past ("In January, a gunman shot …"), with no
        word of the future in it?"""
        ends = [e for e in (self.text.find(". ", start), self.text.find("\n", start)) if e >= 0]
        right = self.text[start : min([*ends, start + 120])]
        return bool(_PAST.search(right)) and not self._future.search(right)

    def _told_of_past(self, start: int) -> bool:
        return self._past_context(start) and not self._future_context(start)

    def _about_quarters(self, start: int) -> bool:
        """Is the sentence around ``start`` about a quarter's results: it names the quarter, or it
        gives figures ("$2.1 million", "18 cents a share") in a report that named the quarter in
        the sentences before?"""
        left = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start), 0)
        right = self.text.find(". ", start)
        sentence = self.text[left : right if right > 0 else len(self.text)].lower()
        if "quarter" in sentence:
            return True
        figures = bool(_FIGURES.search(sentence))
        return figures and "quarter" in self.text[max(0, left - 600) : max(left, 0)].lower()

    def _infinitive(self, start: int) -> bool:
        """Does an infinitive stand between the clause's last past verb and ``start`` ("agreed to
        acquire the bank in January")? The month is then its own time, not the past verb's."""
        left = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start), start - 80, 0)
        before = self.text[left:start]
        pasts = list(_PAST.finditer(before))
        return (
            bool(pasts) and re.search(r"\bto\s+(?!the\b|a\b|an\b|\$|\d)[a-z]+", before[pasts[-1].end() :]) is not None
        )

    def _done_before(self, start: int) -> bool:
        """Is the last verb before ``start`` in its clause a past one, with no infinitive after it
        ("the plant closed in", not "decided to admit them in", "to be published in")?"""
        before = self._clause_before(start)
        pasts = list(_PAST.finditer(before))
        if not pasts:
            return False
        last = pasts[-1]
        return not re.search(r"\bto\s+(?:be\s+)?$", before[: last.start()]) and not re.search(
            r"\bto\s+[a-z]+", before[last.end() :]
        )

    def _year_for_month(self, month: int, start: int) -> int:
        """The year of a month named without one: the nearest occurrence to the report's date,
        unless the clause's tense points the other way. A past clause takes last year's month
        when this year's is more than two months ahead ("was rescued on Nov. 25" in January); a
        month only a little ahead is a date set in the past for the near future ("extended the
        offer to Nov. 6" in late October), unless the clause tells of something done within that
        month ("the plant closed in December", told in October: last December). A future clause
        takes the next occurrence."""
        assert self.anchor is not None
        a = self.anchor
        ahead = month - a.month
        if ahead == 0:
            return a.year
        future = self._future_context(start)
        past = not future and (self._past_context(start) or self._past_after(start)) and not self._infinitive(start)
        if ahead > 0:  # this year's month is still to come
            if future:
                return a.year
            if past:
                within = _WITHIN_MONTH.search(self.text, max(0, start - 20), start) is not None and self._done_before(
                    start
                )
                return a.year - 1 if ahead > 2 or within else a.year
            return a.year if ahead <= 6 else a.year - 1
        if future:  # this year's month is gone
            return a.year + 1
        return a.year if past or -ahead <= 6 else a.year + 1

    def _weekday_date(self, name: str, mod: str, start: int, end: int | None = None) -> date | None:
        """The date of a weekday: the most recent such day, or the coming one when ``mod`` or the
        clause's tense points ahead (``end``, where the weekday ends, lets the words after it
        tell the tense when none before it does)."""
        if self.anchor is None:
            return None
        target = [w[:3] for w in self.lex.weekdays].index(name[:3].lower())
        mod = mod.lower()
        forward = mod in ("next", "coming") or (mod not in ("last", "this past") and self._weekday_ahead(start, end))
        if forward:
            delta = (target - self.anchor.weekday()) % 7
            if mod == "next" and delta == 0:
                delta = 7
            return self.anchor + timedelta(days=delta)
        back = (self.anchor.weekday() - target) % 7  # the most recent such day, the report's own day included
        if mod in ("last", "this past") and back == 0:
            back = 7
        return self.anchor - timedelta(days=back)

    def _day(self, year: int, mon: str, day: str) -> Value | None:
        try:
            d = date(year, self.lex.month(mon), int(re.sub(r"\D", "", day)))
        except ValueError:
            return DROP
        return Value(DATE, d.isoformat(), Precision.DAY)

    def _count(self, n: str) -> float | None:
        if n.lower() in self.lex.vague_numbers:
            return None
        return self.lex.number(re.sub(r"\s+", " ", n))

    def _duration_of(self, n: float | None, unit_word: str) -> Value:
        word = unit_word.lower()
        word = "century" if word == "centuries" else word.rstrip("s") if word not in ("hours",) else "hour"
        unit = self.lex.units.get(word) or self.lex.units.get(word.rstrip("s"))
        if unit is None:
            return Value(DURATION, None, Precision.UNKNOWN)
        prefix = "PT" if unit.time else "P"
        if n is None:
            return Value(DURATION, f"{prefix}X{unit.letter}", Precision.UNKNOWN)
        amount = n * unit.times
        letter = unit.letter
        smaller = _SMALLER.get((letter, unit.time))
        if n == 0.5 and amount != int(amount) and smaller and amount * smaller[0] == int(amount * smaller[0]):
            # "half an hour": PT30M, "half a day": PT12H (but "two and a half years": P2.5Y)
            amount, letter, prefix = amount * smaller[0], smaller[1], "PT" if smaller[2] else "P"
        text = str(int(amount)) if amount == int(amount) else f"{amount:g}"
        return Value(DURATION, f"{prefix}{text}{letter}", Precision.UNKNOWN)

    # -- rules --------------------------------------------------------------------------------
    def value(self, rule: str, m: re.Match[str]) -> Value | None:
        return getattr(self, "_" + rule)(m)  # type: ignore[no-any-return]

    def _full_date(self, m: re.Match[str]) -> Value | None:
        return self._day(int(m["year"]), m["mon"], m["day"])

    _dmy = _full_date

    def _iso(self, m: re.Match[str]) -> Value | None:
        try:
            return Value(DATE, date(int(m["year"]), int(m["m"]), int(m["d"])).isoformat(), Precision.DAY)
        except ValueError:
            return DROP

    def _slash(self, m: re.Match[str]) -> Value | None:
        year = int(m["year"])
        if year < 100:
            year += 2000 if year < 50 else 1900  # "7/8/07"
        try:
            return Value(DATE, date(year, int(m["m"]), int(m["d"])).isoformat(), Precision.DAY)
        except ValueError:
            return DROP

    def _day_ref(self, m: re.Match[str]) -> Value:
        """ "the day", "the same day", "the end of the day": the report's own day."""
        if self.anchor is None:
            return Value(DATE, None, Precision.DAY)
        return Value(DATE, self.anchor.isoformat(), Precision.DAY)

    def _day_step(self, m: re.Match[str]) -> Value:
        """ "the next day", "the day before": a day from the day the text is telling of (the
        discourse pass steps from it); here, from the report's day."""
        if self.anchor is None:
            return Value(DATE, None, Precision.DAY)
        back = (m["w"] or m["dir"] or "").lower() in ("previous", "preceding", "before")
        d = self.anchor + timedelta(days=(-1 if back else 1) * (2 if m["deictic"] else 1))
        part = (m["part"] or "day").lower()
        if part != "day":
            return Value(TIME, f"{d.isoformat()}T{self.lex.parts_of_day[part]}", Precision.DAY)
        return Value(DATE, d.isoformat(), Precision.DAY)

    def _unit_edge(self, m: re.Match[str]) -> Value:
        """ "the beginning of the year", "the end of last month": the unit it names."""
        if self.anchor is None:
            return Value(DATE, None, Precision.UNKNOWN)
        step = {"last": -1, "next": 1}.get(m["mod"].lower(), 0)
        unit = m["unit"].lower()
        if unit == "year":
            return Value(DATE, f"{self.anchor.year + step:04d}", Precision.YEAR)
        if unit == "month":
            d = shift_month(self.anchor, step)
            return Value(DATE, f"{d.year:04d}-{d.month:02d}", Precision.MONTH)
        return Value(DATE, week(self.anchor + timedelta(weeks=step)), Precision.WEEK)

    def _weekend(self, m: re.Match[str]) -> Value:
        if self.anchor is None:
            return Value(DATE, None, Precision.WEEK)
        return Value(DATE, week(self.anchor) + "-WE", Precision.WEEK)

    def _month_day(self, m: re.Match[str]) -> Value | None:
        if m["mon"] == "May" and not m.group(0)[3:].strip()[:1].isdigit():
            return DROP
        if self.anchor is None:
            return Value(DATE, None, Precision.DAY)
        return self._day(self._year_for_month(self.lex.month(m["mon"]), m.start()), m["mon"], m["day"])

    _day_month = _month_day

    def _month_year(self, m: re.Match[str]) -> Value:
        if m["year"]:
            year = int(m["year"])
        elif self.anchor is not None:
            year = self.anchor.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)  # "July last year"
        else:
            return Value(DATE, None, Precision.MONTH)
        return Value(DATE, f"{year:04d}-{self.lex.month(m['mon']):02d}", Precision.MONTH)

    def _month(self, m: re.Match[str]) -> Value | None:
        mod = (m["mod"] or "").lower()
        name = m["mon"]
        if len(name.rstrip(".")) < 3 or (name.endswith(".") is False and len(name) == 3 and name not in ("May",)):
            return DROP  # "Jan" alone is more often a name than a month
        before = self.text[max(0, m.start() - 12) : m.start()].lower()
        if (
            name in ("May", "March")
            and not mod
            and not re.search(r"\b(?:in|since|until|by|from|through|during|of|early|late|the)\s*$", before)
        ):
            return DROP  # the verbs "may" and "march" when capitalised at a sentence's start
        if self.anchor is None:
            return Value(DATE, None, Precision.MONTH)
        month = self.lex.month(name)
        year = self._year_for_month(month, m.start())
        if mod in ("last", "this past") and month >= self.anchor.month:
            year = self.anchor.year - 1
        elif mod == "next" and month <= self.anchor.month:
            year = self.anchor.year + 1
        elif mod in ("this", "earlier this", "later this"):
            year = self.anchor.year
        return Value(DATE, f"{year:04d}-{month:02d}", Precision.MONTH)

    def _decade(self, m: re.Match[str]) -> Value:
        if m["c"]:
            return Value(DATE, f"{m['c']}{m['d']}", Precision.YEAR)
        return Value(DATE, f"19{m['d2']}", Precision.YEAR)

    def _century(self, m: re.Match[str]) -> Value:
        return Value(DATE, f"{int(m['n']) - 1:02d}", Precision.YEAR)

    def _season(self, m: re.Match[str]) -> Value | None:
        mod = (m["mod"] or "").lower()
        season = self.lex.seasons[m["season"].lower()]
        if m["season"].lower() == "fall" and not mod and not m["year"]:
            return DROP  # the verb
        if not m["year"] and re.match(r"\s+of\s+(?!\d)", m.string[m.end() :]):
            return DROP  # "the fall of Assad's government", "the spring of hope": no season
        if not mod and not m["year"] and not m["season"][0].isupper():
            return DROP
        if m["year"]:
            return Value(DATE, f"{m['year']}-{season}", Precision.MONTH)
        if self.anchor is None:
            return Value(DATE, None, Precision.MONTH)
        year = self.anchor.year + {"last": -1, "past": -1, "next": 1}.get(mod, 0)
        return Value(DATE, f"{year:04d}-{season}", Precision.MONTH)

    def _quarter(self, m: re.Match[str]) -> Value | None:
        word = m["ord"].lower()
        if m["year"] or m["year0"]:
            year: int | None = int(m["year"] or m["year0"])
        elif self.anchor is not None:
            year = self.anchor.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
        else:
            year = None
        if word in self.lex.ordinals:
            q = self.lex.ordinals[word]
            a = self.anchor
            named = m["year"] or m["year0"] or m["rel"]
            if (
                not named
                and a is not None
                and q > quarter_of(a)
                and (self._told_of_past(m.start()) or self._past_after(m.end()))
            ):
                year = a.year - 1  # "the fourth quarter" told of in January: last year's
        elif word in ("final",):
            q = 4
        elif self.anchor is not None and word in ("last", "latest", "previous", "past"):
            q = quarter_of(self.anchor) - 1 or 4
            year = self.anchor.year - (1 if q == 4 else 0)
        elif self.anchor is not None and word == "current":
            q = quarter_of(self.anchor)
        else:
            return Value(DATE, None, Precision.MONTH)
        return Value(DATE, f"{year:04d}-Q{q}" if year else None, Precision.MONTH)

    def _year_ago(self, m: re.Match[str]) -> Value:
        """ "year-earlier profit", "the year-ago quarter": the same stretch a year before."""
        a = self.anchor
        if a is None:
            return Value(DATE, None, Precision.YEAR)
        if m["what"] or self._about_quarters(m.start()):
            q = quarter_of(a) - 1 or 4
            return Value(DATE, f"{a.year - 1 - (1 if q == 4 else 0):04d}-Q{q}", Precision.MONTH)
        return Value(DATE, f"{a.year - 1:04d}", Precision.YEAR)

    def _quarter_in_focus(self, start: int) -> tuple[int, int] | None:
        """The quarter a results report is telling of at ``start``: the last one it named ("the
        fiscal first quarter"), else the latest quarter ended before the report."""
        a = self.anchor
        if a is None:
            return None
        ended = _QUARTER_ENDED.match(self.text, start)
        if ended:  # "the quarter ended Sept. 30"
            month = self.lex.month(ended.group(1))
            return (a.year if month <= a.month else a.year - 1), (month - 1) // 3 + 1
        named = list(_NAMED_QUARTER.finditer(self.text, max(0, start - _FOCUS_REACH), start))
        if named:
            q = self.lex.ordinals[named[-1].group(1).lower()]
            return (a.year if q <= quarter_of(a) else a.year - 1), q
        q = quarter_of(a) - 1 or 4
        return a.year - (1 if q == 4 else 0), q

    def _the_quarter(self, m: re.Match[str]) -> Value:
        """ "the quarter" in a company's report: the quarter it is telling of."""
        focus = self._quarter_in_focus(m.start())
        if focus is None:
            return Value(DATE, None, Precision.MONTH)
        return Value(DATE, f"{focus[0]:04d}-Q{focus[1]}", Precision.MONTH)

    def _same_period(self, m: re.Match[str]) -> Value | None:
        """ "the same period last year": a year before the period the text is telling of (the
        discourse pass finds that period; here, the quarter of a results report, else the year)."""
        a = self.anchor
        if m["year"]:
            year: int | None = int(m["year"])
        else:
            year = a.year - 1 if a is not None else None
        if year is None:
            return Value(DATE, None, Precision.UNKNOWN)
        if m["what"].lower() == "quarter" or self._about_quarters(m.start()):
            focus = self._quarter_in_focus(m.start())
            if focus is not None:
                return Value(DATE, f"{focus[0] - 1 if not m['year'] else year:04d}-Q{focus[1]}", Precision.MONTH)
        return Value(DATE, f"{year:04d}", Precision.YEAR)

    def _year_period(self, m: re.Match[str]) -> Value | None:
        """ "the 1988 quarter", "the 1988 period" (in a results report): the quarter the report is
        telling of, in that year. A period outside a results report is the year."""
        if m["what"].lower() == "period":
            periods = list(_PERIOD.finditer(self.text, max(0, m.start() - _FOCUS_REACH), m.start()))
            if not periods or not periods[-1].group(0).lower().endswith("quarter"):
                return DROP  # "the nine months … the 1988 period": the year says it
        focus = self._quarter_in_focus(m.start())
        q = focus[1] if focus else quarter_of(date(int(m["year"]), 12, 1))
        return Value(DATE, f"{m['year']}-Q{q}", Precision.MONTH)

    def _clock(self, m: re.Match[str], hour: int) -> Value:
        minutes = m["min"] if "min" in m.re.groupindex and m["min"] else "00"
        zone = "Z" if "zone" in m.re.groupindex and (m["zone"] or "") in ("UTC", "Z") else ""
        # "10:35 a.m. (0735 GMT) Friday": the day after a converted time is the time's day too
        groups = m.groupdict()
        wd = groups.get("wd") or groups.get("wd2")
        on = self._weekday_date(wd, "", m.start(), m.end()) if wd else self.anchor
        if "mon" in m.re.groupindex and m["mon"] and self.anchor is not None:
            day = self._day(self._year_for_month(self.lex.month(m["mon"]), m.start()), m["mon"], m["day"])
            on = date.fromisoformat(day.value) if day is not None and day.value else on
        if on is None:
            return Value(TIME, None, Precision.MINUTE)
        return Value(TIME, f"{on.isoformat()}T{hour:02d}:{minutes}{zone}", Precision.MINUTE)

    def _time(self, m: re.Match[str]) -> Value:
        hour = int(m["h"]) % 12
        if m["ampm"].lower().startswith("p"):
            hour += 12
        return self._clock(m, hour)

    def _time24(self, m: re.Match[str]) -> Value | None:
        if not m["zone"] and not m["wd"]:
            return DROP  # "3:15" alone is as often a score or a ratio
        return self._clock(m, int(m["h"]))

    def _noon(self, m: re.Match[str]) -> Value:
        word = m["w"].lower()
        on = self._weekday_date(m["wd"], "", m.start()) if m["wd"] else self.anchor
        if on is None:
            return Value(TIME, None, Precision.MINUTE)
        return Value(TIME, f"{on.isoformat()}T{'24' if word == 'midnight' else '12:00'}", Precision.MINUTE)

    def _weekday(self, m: re.Match[str]) -> Value:
        day = self._weekday_date(m["wd"], m["mod"] or "", m.start(), m.end("wd"))
        if day is None:
            return Value(DATE, None, Precision.DAY)
        if m["part"]:
            return Value(TIME, f"{day.isoformat()}T{self.lex.parts_of_day[m['part'].lower()]}", Precision.DAY)
        return Value(DATE, day.isoformat(), Precision.DAY)

    def _deictic(self, m: re.Match[str]) -> Value:
        word = m["w"].lower()
        if self.anchor is None:
            return Value(DATE, None, Precision.DAY)
        d = self.anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
        part = m["part"].lower() if m["part"] else ("tonight" if word == "tonight" else None)
        if part:
            return Value(TIME, f"{d.isoformat()}T{self.lex.parts_of_day[part]}", Precision.DAY)
        return Value(DATE, d.isoformat(), Precision.DAY)

    def _clock_part(self, m: re.Match[str]) -> Value:
        hour = int(m["h"]) % 12 + (12 if m["part"].lower() != "morning" else 0)
        return self._clock(m, hour)

    def _bare_part(self, m: re.Match[str]) -> Value:
        """ "in the morning", "in morning trading": that part of the day the text is telling of
        (the discourse pass finds the day; here, the report's)."""
        if self.anchor is None:
            return Value(TIME, None, Precision.DAY)
        return Value(TIME, f"{self.anchor.isoformat()}T{self.lex.parts_of_day[m['part'].lower()]}", Precision.DAY)

    def _this_part(self, m: re.Match[str]) -> Value:
        if self.anchor is None:
            return Value(TIME, None, Precision.DAY)
        offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(m["mod"].lower(), 0)
        part = m["part"].lower()
        if m["mod"].lower() == "last" and part != "night":
            offset = -1
        d = self.anchor + timedelta(days=offset)
        return Value(TIME, f"{d.isoformat()}T{self.lex.parts_of_day[part]}", Precision.DAY)

    def _ago(self, m: re.Match[str]) -> Value | None:
        n = self._count(m["n"])
        if self.anchor is None:
            return Value(DATE, None, Precision.UNKNOWN)
        if n is None:
            return Value(DATE, "PAST_REF", Precision.UNKNOWN)
        unit = m["unit"].lower().rstrip("s")
        k = int(n)
        a = self.anchor
        if unit == "day":
            return Value(DATE, (a - timedelta(days=k)).isoformat(), Precision.DAY)
        if unit == "week":
            return Value(DATE, week(a - timedelta(weeks=k)), Precision.WEEK)
        if unit == "month":
            d = shift_month(a, -k)
            return Value(DATE, f"{d.year:04d}-{d.month:02d}", Precision.MONTH)
        if unit == "year":
            if k == 1 and self._about_quarters(m.start()):
                # "profit rose from a year ago" in a quarterly report: that quarter, a year before
                q = quarter_of(a) - 1 or 4
                return Value(DATE, f"{a.year - 1 - (1 if q == 4 else 0):04d}-Q{q}", Precision.MONTH)
            return Value(DATE, f"{a.year - k:04d}", Precision.YEAR)
        if unit in ("decade", "centurie", "century"):
            return Value(DATE, f"{a.year - k * (10 if unit == 'decade' else 100):04d}", Precision.YEAR)
        return Value(DATE, "PAST_REF", Precision.UNKNOWN)

    def _rel_unit(self, m: re.Match[str]) -> Value:
        mod = m["mod"].lower()
        unit = m["unit"].lower()
        last_word = mod.split()[-1]
        if (m["the"] and last_word in ("past", "last", "next", "coming", "previous", "following")) or unit in (
            "decade",
            "century",
        ):
            return self._duration_of(1, unit)  # "the past year", "the next decade": a stretch of time
        if self.anchor is None:
            return Value(DATE, None, Precision.UNKNOWN)
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(last_word, 0)
        a = self.anchor
        if unit == "year":
            return Value(DATE, f"{a.year + step:04d}", Precision.YEAR)
        if unit == "month":
            d = shift_month(a, step)
            return Value(DATE, f"{d.year:04d}-{d.month:02d}", Precision.MONTH)
        if unit == "quarter":
            q = quarter_of(a) + step
            year = a.year + (q - 1) // 4
            return Value(DATE, f"{year:04d}-Q{(q - 1) % 4 + 1}", Precision.MONTH)
        w = week(a + timedelta(weeks=step))
        return Value(DATE, w + ("-WE" if unit == "weekend" else ""), Precision.WEEK)

    def _running(self, m: re.Match[str]) -> Value | None:
        """ "for a second consecutive day", "a fourth week in a row": the day (week, …) of the
        report, the latest of a run. Without "consecutive" or "in a row" it is no time of its own
        ("the second day of talks")."""
        if not (m["run"] or m["row"]):
            return DROP
        a = self.anchor
        unit = m["unit"].lower()
        if a is None:
            return Value(DATE, None, Precision.DAY)
        if unit in ("day", "session"):
            return Value(DATE, a.isoformat(), Precision.DAY)
        if unit == "week":
            return Value(DATE, week(a), Precision.WEEK)
        if unit == "month":
            return Value(DATE, f"{a.year:04d}-{a.month:02d}", Precision.MONTH)
        return Value(DATE, f"{a.year:04d}", Precision.YEAR)

    def _duration(self, m: re.Match[str]) -> Value | None:
        n = self._count(m["n"])
        if n is not None and n >= 1000:
            return DROP  # "the 1988 second quarter": a year, not a count
        if m["unit"].lower() == "second" and m["n"].lower() in ("a", "an", "one"):
            return DROP  # "a second day": the ordinal
        after = self.text[m.end() : m.end() + 4].lower()
        fraction = "-quarters" in m.group(0).lower() and after.startswith(" of")
        if fraction or after.startswith(" old") or m.group(0).lower().endswith(" old"):
            return DROP  # "37 years old" is an age, "three-quarters of" a share
        before = self.text[max(0, m.start() - 12) : m.start()].lower().rstrip()
        if m["n"].lower() in ("a", "an") and re.search(r"(?:\d|million|billion|percent|%|cents?|hours?)$", before):
            return DROP  # "$2 million a year", "24 hours a day": a rate
        return self._duration_of(n + 0.5 if n is not None and m["half"] else n, m["unit"])

    def _vague_duration(self, m: re.Match[str]) -> Value | None:
        pre = (m["pre"] or "").lower()
        words = re.sub(r"\s+", " ", m.group(0).lower())
        if words in self.lex.references or re.sub(r"^(?:in|over|for|within) ", "", words) in self.lex.references:
            return DROP  # "the coming weeks", "recent days": the lexicon's reference value
        if not pre and not m["n"]:
            return DROP  # a bare "days" is rarely an expression of its own
        if pre == "the" and not m["n"]:
            return DROP
        return self._duration_of(None, m["unit"])

    def _year(self, m: re.Match[str]) -> Value | None:
        before = self.text[max(0, m.start() - 30) : m.start()]
        name = _NAME_BEFORE.search(before)
        if name and name.group(1).lower() not in self.lex.name_words_before_year:
            return DROP  # part of a name: "the Russell 2000 index", "Orion 1980", "Windows 2000"
        return Value(DATE, m["year"], Precision.YEAR)

    def _spoken_year(self, m: re.Match[str]) -> Value | None:
        """ "nineteen ninety-one" → 1991, "the nineteen eighties" → 198, "two thousand and one" → 2001."""
        n = self.lex.number
        if m.group(0).lower().startswith("two"):
            before = self.text[max(0, m.start() - 8) : m.start()].lower()
            if m["unit2"] is None and not re.search(r"\b(?:in|since|by|until)\s+$", before):
                return DROP  # "two thousand people": a number
            rest = n(m["unit2"]) if m["unit2"] else 0
            return Value(DATE, f"{2000 + int(rest or 0):04d}", Precision.YEAR)
        if m["decade"]:
            return Value(DATE, f"19{int(n(m['decade'][:-3] + 'y') or 0) // 10}", Precision.YEAR)
        if m["tens"]:
            year = 1900 + int(n(m["tens"]) or 0) + int(n(m["unit"]) or 0 if m["unit"] else 0)
        elif m["teen"]:
            year = 1900 + int(n(m["teen"]) or 0)
        else:
            year = 1900 + int(n(m["ounit"]) or 0)
        return Value(DATE, f"{year:04d}", Precision.YEAR)

    def _reference(self, m: re.Match[str]) -> Value:
        return Value(DATE, self.lex.references[re.sub(r"\s+", " ", m["w"].lower())], Precision.UNKNOWN)

    def _set(self, m: re.Match[str]) -> Value:
        return Value(SET, self.lex.sets[re.sub(r"\s+", " ", m["w"].lower())], Precision.UNKNOWN)
