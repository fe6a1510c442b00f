"""The patterns of English temporal expressions, built from the lexicon.

Each rule is a name and a compiled pattern; ``values.py`` turns a match of a rule into a TIMEX3
value. Spaces are optional around commas and periods, because corpora of tokenised text write
"February 17 , 2005". Month and weekday names must be capitalised ("may" and "march" are verbs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tidings.timex.lexicon import TimexLexicon, load_timex_lexicon


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _ci(words: str) -> str:
    """A case-insensitive group inside a case-sensitive pattern."""
    return f"(?i:{words})"


def _build(lex: TimexLexicon) -> list[Rule]:
    mon = (
        r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|Aug(?:ust|\.)?"
        r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
    )
    wd = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    year = r"(?:1[6-9]\d\d|20\d\d)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    comma = r"\s*,?\s*"
    plain = [w for w in lex.numbers if " " not in w and w not in ("a", "an")]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    num = (
        rf"(?:\d+(?:[.,]\d+)?|(?:{tens})-(?:one|two|three|four|five|six|seven|eight|nine)|{_alt(plain)}"
        rf"|a\s+couple\s+of|a\s+dozen|a\s+hundred|half\s+an?|an?)(?:\s+and\s+a\s+half)?"
    )
    unit = rf"(?:{_alt([u for u in lex.units if u != 'weekend'])})"
    units = rf"(?:{unit}s?|centuries)"
    vague = _alt(lex.vague_numbers)
    hedge = r"(?:(?:more\s+than|less\s+than|nearly|almost|about|around|roughly|approximately|over|at\s+least|up\s+to|some|just)\s+)"
    season = _alt(list(lex.seasons))
    part = _alt([p for p in lex.parts_of_day if p != "tonight"])
    ordinal = _alt([*lex.ordinals, "final", "last", "latest", "current", "previous", "past"])
    refs = _alt(list(lex.references))
    sets = _alt(list(lex.sets))
    tz = r"(?i:a\.m\.|p\.m\.|am|pm|a\.\s?m\.|p\.\s?m\.)(?![A-Za-z])"
    zone = r"(?:\s*\(?\s*(?P<zone>UTC|GMT|EDT|EST|CDT|CST|PDT|PST|BST|CET|Z)\b(?:\s*[+-]\s*\d+\s*\))?)?"
    teens = _alt([w for w, v in lex.numbers.items() if 10 <= v < 20 and " " not in w])
    tens_of = _alt([w for w, v in lex.numbers.items() if 20 <= v < 100 and v % 10 == 0])
    digit = _alt([w for w, v in lex.numbers.items() if 1 <= v < 10 and len(w) > 2])
    decades = _alt([w[:-1] + "ies" for w, v in lex.numbers.items() if 20 <= v < 100 and v % 10 == 0])
    # years and decades as spoken in broadcast transcripts: "nineteen ninety-one", "the nineteen
    # eighties", "nineteen oh five", "two thousand and one"
    spoken = (
        rf"\b(?i:(?:the\s+)?nineteen[\s-]+(?:(?P<decade>{decades})|(?P<tens>{tens_of})(?:[\s-]+(?P<unit>{digit}))?"
        rf"|(?P<teen>{teens})|(?:oh|o)[\s-]+(?P<ounit>{digit}))|two\s+thousand(?:\s+and)?(?:\s+(?P<unit2>{teens}|{digit}))?)"
        r"\b(?![\s-]+(?i:years?|percent|people|men|women|dollars))"
    )
    running = r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[2-9](?:nd|rd|th)|1\d(?:th)"
    rules = [
        ("full_date", rf"(?:{wd}{comma})?(?P<mon>{mon})\s*(?P<day>{day}){comma}(?P<year>{year})\b"),
        ("dmy", rf"(?:{wd}{comma})?(?P<day>{day})\s+(?:of\s+)?(?P<mon>{mon}){comma}(?P<year>{year})\b"),
        ("iso", rf"\b(?P<year>{year})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("slash", rf"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<year>{year}|\d\d)\b"),
        ("month_day", rf"(?:{wd}{comma})?(?P<mon>{mon})\s*(?P<day>{day})\b(?!\s*,?\s*\d)(?!\s*-\s*(?!\d\d?\b)\d)"),
        ("day_month", rf"\b(?P<day>{day})\s+(?P<mon>{mon})\b(?!\s*,?\s*\d)"),
        (
            "month_year",
            rf"(?:{_ci('early|late|mid-?|the end of|the beginning of|the start of')}\s*)?(?P<mon>{mon})\s+(?:of\s+)?(?:(?P<year>{year})\b|(?P<rel>{_ci('last|this|next')})\s+{_ci('year')}\b)",
        ),
        (
            "month",
            rf"(?:(?P<mod>{_ci('last|next|this|early|late|mid-?|earlier this|later this|this past')})\s*)?(?P<mon>{mon})\b",
        ),
        (
            "decade",
            rf"(?<![A-Za-z0-9])(?:{_ci('the')}\s+)?(?:{_ci('early|late|mid-?')}\s*)?(?:(?P<c>1[6-9]|20)(?P<d>\d)0|'?(?P<d2>\d)0)'?s\b",
        ),
        ("century", rf"(?:{_ci('the')}\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)\s+{_ci('century')}"),
        (
            "season",
            rf"(?<![A-Za-z])(?:{_ci('(?P<mod>last|this|next|early|late|the|past)')}\s+)?(?P<season>{_ci(season)})(?:\s+(?:of\s+)?(?P<year>{year}))?\b",
        ),
        (
            "quarter",
            rf"(?:{_ci('the')}\s+)?(?:(?P<year0>{year})\s+)?(?P<ord>{_ci(ordinal)})[\s-]+{_ci('quarter')}\b(?:\s+{_ci('of')}\s+(?:(?P<year>{year})|(?P<rel>{_ci('this|last|next')})\s+{_ci('year')}))?",
        ),
        (
            "time",
            rf"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?[ ]?(?P<ampm>{tz}){zone}(?:(?=\s*\([^()\n]{{1,24}}\){comma}(?:{_ci('on')}\s+)?(?P<wd2>{wd})))?(?:{comma}(?:{_ci('on')}\s+)?(?:(?P<wd>{wd})|(?P<mon>{mon})\s*(?P<day>{day})\b))?",
        ),
        ("time24", rf"\b(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d){zone}(?:{comma}(?:{_ci('on')}\s+)?(?P<wd>{wd}))?"),
        (
            "day_ref",
            rf"\b(?:{_ci('the')}\s+(?P<edge>{_ci('start|end|beginning|middle|rest')})\s+{_ci('of')}\s+)?{_ci('the')}\s+(?:{_ci('same')}\s+)?{_ci('day')}\b",
        ),
        (
            # "the next day", "the following morning", "the day before" (with no event after it);
            # "the day after tomorrow"
            "day_step",
            rf"\b{_ci('the')}\s+(?:(?P<w>{_ci('next|following|previous|preceding')})\s+(?P<part>{_ci('day|morning|afternoon|evening|night')})|{_ci('day')}\s+(?P<dir>{_ci('before|after')})(?:\s+(?P<deictic>{_ci('yesterday|tomorrow')}))?(?!\s+(?:{_ci('the|a|an|his|her|their|its|he|she|they|it|we|i|that|this')}\b|[A-Z0-9]|\w+ed\b)))\b",
        ),
        (
            "unit_edge",
            rf"\b{_ci('the')}\s+(?P<edge>{_ci('start|end|beginning|middle')})\s+{_ci('of')}\s+(?P<mod>{_ci('the|this|last|next')})\s+(?P<unit>{_ci('year|month|week')})\b",
        ),
        ("weekend", rf"\b(?P<mod>{_ci('the|this')})\s+{_ci('weekend')}\b"),
        (
            "year_ago",
            rf"\b(?:{_ci('the')}\s+)?{_ci('year-(?:earlier|ago)')}(?:\s+(?P<what>{_ci('quarter|period')}))?\b",
        ),
        ("the_quarter", rf"\b{_ci('the')}\s+{_ci('quarter')}\b"),
        # "the same period last year", "the same quarter a year earlier", "the same month of 2008"
        (
            "same_period",
            rf"\b{_ci('the')}\s+{_ci('same')}\s+(?P<what>{_ci('period|quarter|month|week|day|time')})\s+(?:{_ci('of|in')}\s+)?(?:(?P<ago>{_ci('last year|a year (?:ago|earlier|before)|the previous year|the year before')})|(?P<year>{year}))\b",
        ),
        # "the 1988 quarter", "the 1989 period": that year's quarter in a results report
        (
            "year_period",
            rf"\b{_ci('the')}\s+(?P<year>{year})\s+(?:{_ci('fiscal')}\s+)?(?P<what>{_ci('quarter|period')})\b",
        ),
        ("noon", rf"(?P<w>{_ci('noon|midnight|midday')})(?:{comma}(?:{_ci('on')}\s+)?(?P<wd>{wd}))?"),
        (
            "weekday",
            rf"(?:(?P<mod>{_ci('last|next|this|coming|on|this past|early|late')})\s+)?(?P<wd>{wd})(?:\s+(?P<part>{_ci(part)}))?\b",
        ),
        (
            "deictic",
            rf"\b(?P<w>{_ci('today|yesterday|tomorrow|tonight')})(?:\s+(?P<part>{_ci(part)}))?\b",
        ),
        ("this_part", rf"\b(?P<mod>{_ci('this|last|yesterday|tomorrow')})\s+(?P<part>{_ci(part)})\b"),
        # "4 in the morning"; "in the morning", "in morning trading": the day the text tells of (not
        # "good morning", "the Evening Standard")
        (
            "clock_part",
            rf"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?(?:\s+(?i:o'clock))?\s+{_ci('in the')}\s+(?P<part>{_ci('morning|afternoon|evening')})\b",
        ),
        (
            "bare_part",
            rf"(?<!{_ci('good')}\s)\b(?:{_ci('in|during')}\s+)?(?:{_ci('the')}\s+)?(?:{_ci('early|late')}\s+)?(?P<part>{_ci('morning|afternoon|evening')})(?!\s+(?:{_ci('of|news|star|paper|papers|show|edition|prayers?|line')}\b|[A-Z]))\b",
        ),
        (
            "ago",
            rf"\b(?:{_ci(hedge)})?(?P<n>{_ci(num)}|{_ci(vague)})\s+(?P<unit>{_ci(units)})\s+{_ci('ago|earlier')}\b",
        ),
        (
            "rel_unit",
            rf"\b(?P<the>{_ci('the')}\s+)?(?P<mod>{_ci('earlier this|later this|early this|late this|early next|late next|early last|late last|last|this|next|past|coming|previous|following|current')})\s+(?P<unit>{_ci('week|weekend|month|year|quarter|decade|century')})\b",
        ),
        (
            "running",
            rf"\b(?:{_ci('a|the')}\s+)?(?P<ord>{_ci(running)})\s+(?:(?P<run>{_ci('consecutive|straight|successive')})\s+)?(?P<unit>{_ci('day|week|month|year|session')})(?:\s+(?P<row>{_ci('in a row|running')}))?\b",
        ),
        (
            "duration",
            rf"\b(?:{_ci('the')}\s+)?(?:(?P<mod>{_ci('past|last|next|first|coming|previous|following|final|recent')})\s+)?{_ci(hedge)}?(?P<n>{_ci(num)})(?:[\s-]+|-)(?:{_ci('more|further|additional|trading|business|working|calendar')}\s+)?(?P<unit>{_ci(units)})(?P<half>\s+{_ci('and a half')})?(?:\s+{_ci('old|long')})?\b(?!-old)",
        ),
        (
            "vague_duration",
            rf"\b(?:(?P<pre>{_ci('the past|the last|the next|the coming|recent|over the|in recent|for|within|in just|in|the')})\s+)?(?:(?P<n>{_ci(vague)})\s+)?(?P<unit>{_ci('seconds|minutes|hours|days|weeks|months|years|decades|centuries')})\b",
        ),
        (
            "year",
            rf"(?<![$\d,.])(?<![$€£]\s)(?:{_ci('early|late|mid-|the end of|fiscal')}\s*)?(?P<year>{year})\b(?!\s*(?:%|percent|GMT|UTC|hrs\b|hours\b|-(?!(?:\d\d|{year})\b)\d|\d)|[.,]\d)",
        ),
        ("spoken_year", spoken),
        ("reference", rf"\b(?P<w>{_ci(refs)})\b"),
        ("set", rf"\b(?P<w>{_ci(sets)})\b"),
    ]
    return [Rule(name, re.compile(p)) for name, p in rules]


@lru_cache(maxsize=1)
def rules() -> list[Rule]:
    return _build(load_timex_lexicon())


@lru_cache(maxsize=1)
def anchors() -> re.Pattern[str]:
    """Words at least one of which every expression contains: the rules need only be tried near
    them, which spares a scan of every rule over long stretches of text that hold no time word."""
    lex = load_timex_lexicon()
    words = [
        *lex.units,
        "centuries",
        *lex.weekdays,
        *lex.seasons,
        *lex.parts_of_day,
        *lex.sets,
        *lex.references,
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "noon",
        "midnight",
        "midday",
        "nineteen",
        "thousand",
        "ago",
        "earlier",
    ]
    months = [m[:3] for m in lex.months]
    return re.compile(rf"\d|(?i:\b(?:{_alt(months + words)}))")
