"""Quotation marks → the spans inside them, paragraph by paragraph.

Double marks of every kind count: curly “…”, straight "…", guillemets «…», „…“, the doubled
apostrophe ''…'' that some papers' archives use, and the wire's ``…'' (AP, NYT and the TimeBank
texts open with two backquotes and close with two apostrophes; a quotation inside one is `…' or
'…'). Mixed pairs as crawled text has them (“…") close each other. Single marks (‘…’ and '…')
count only where no double quotation is open and only when they close within their paragraph,
because the same character is also the apostrophe. A curly quotation inside a curly one (“… even
when “your team” needs …”) is part of it: the outer one closes at its own mark.

A quotation left open at its paragraph's end is closed there, so that a lost closing mark never
swallows the rest of the report. A quotation running over several paragraphs (each one opening
with a mark and the last one closing it) is therefore read as one span per paragraph;
``extract_quotes`` joins them back into one quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "“«„"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
APOSTROPHE = "'"
# The wire's opening marks: ``…'' for a quotation, `…' for one inside it. They only ever open.
WIRE_OPEN, WIRE_SINGLE = "``", "`"
MIN_WORDS = 2
# A single-quoted stretch longer than this is more likely two apostrophes than a quotation.
MAX_SINGLE_WORDS = 60
_BEFORE_OPENER = "([{—–-:;,/"
# Every character ``_mark_at`` reads as a mark: the scan jumps from one to the next.
_ANY_MARK = re.compile(
    "[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT + OPEN_SINGLE + CLOSE_SINGLE + APOSTROPHE + WIRE_SINGLE) + "]"
)
_ELLIPSIS_AFTER = re.compile(r"[ \t]?(?:…|\.\.\.)[ \t]?\w")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int  # offset of the opening mark
    close_end: int  # one past the closing mark (== end when the paragraph closed it)
    single: bool = False

    @property
    def closed(self) -> bool:
        return self.close_end > self.end


def _mark_at(text: str, i: int) -> tuple[str, int] | None:
    """The kind and width of a quotation mark at ``i``: ("double"|"single"|"straight"|"apos", width)."""
    ch = text[i]
    if ch.isalnum() or ch.isspace():
        return None  # most characters: no mark
    if ch == WIRE_SINGLE:
        return ("double", 2) if text.startswith(WIRE_OPEN, i) else ("single", 1)
    if ch == APOSTROPHE and text.startswith("''", i):
        if text.startswith(APOSTROPHE * 3, i):
            return "apos", 1  # three apostrophes: an inner quotation's close, then the outer one's
        return "straight", 2
    if ch in OPEN_DOUBLE or ch in CLOSE_DOUBLE:
        return "double", 1
    if ch == STRAIGHT:
        return "straight", 1
    if ch in OPEN_SINGLE or ch in CLOSE_SINGLE:
        return "single", 1
    if ch == APOSTROPHE:
        return "apos", 1
    return None


def _opens_only(text: str, i: int) -> bool:
    return text[i] in OPEN_DOUBLE or text[i] in OPEN_SINGLE or text[i] == WIRE_SINGLE


def _can_open(text: str, i: int, width: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if text.startswith(WIRE_OPEN, i):
        return True  # unmistakable, even spaced off its first word ("Jordan `` is seeking …''")
    if _opens_only(text, i):
        # "As Politico reported, “ … if the primary were held …”": spaced off an ellipsis that
        # opens the quoted words, it still opens.
        return not nxt.isspace() or _ELLIPSIS_AFTER.match(text, i + width) is not None
    return (prev.isspace() or prev in _BEFORE_OPENER or prev in OPEN_DOUBLE) and not nxt.isspace()


def _can_close(text: str, i: int, width: int) -> bool:
    if text[i] in CLOSE_DOUBLE:
        return True
    prev = text[i - 1] if i else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return not prev.isspace() and not nxt.isalnum()


class _Scanner:
    """One paragraph's worth of state: an open double quotation, and an open single one."""

    def __init__(self, text: str):
        self.text = text
        self.spans: list[QuoteSpan] = []
        self.double: tuple[int, int] | None = None  # (mark offset, width)
        self.single: int | None = None
        self.nested = 0  # curly quotations open inside the open double one

    def close_double(self, at: int, width: int) -> None:
        assert self.double is not None
        mark, w = self.double
        self.spans.append(QuoteSpan(mark + w, at, mark, at + width))
        self.double = None

    def step(self, i: int) -> int:
        found = _mark_at(self.text, i)
        if found is None:
            return 1
        kind, width = found
        if kind in ("double", "straight"):
            self._double_mark(i, width)
        elif self.double is None:
            self._single_mark(i)
        return width

    def _double_mark(self, i: int, width: int) -> None:
        ch = self.text[i]
        wire = ch == WIRE_SINGLE  # the wire's ``, which only ever opens
        if self.double is None:
            # A closing mark where only an opening one makes sense (”Mr. Trump … at a paragraph's
            # start) is a typing slip: it opens.
            slip = ch in CLOSE_DOUBLE and (i == 0 or self.text[i - 1] in " \n") and self.text[i + 1 : i + 2].isalnum()
            if (ch not in CLOSE_DOUBLE or slip) and _can_open(self.text, i, width):
                self.double = (i, width)
                self.single = None  # a double mark inside a single quotation: the single one was an apostrophe
        elif ch in OPEN_DOUBLE and _nests(self.text, i):
            self.nested += 1  # “… “your team” needs to be held accountable. …”: a quotation inside
        elif self.nested and ch in CLOSE_DOUBLE:
            self.nested -= 1
        elif wire or (ch in OPEN_DOUBLE and not _can_close(self.text, i, width)):
            # A new opening before any close: the first quotation ended unmarked.
            self.close_double(i, 0)
            self.double = (i, width)
        elif _can_close(self.text, i, width) or ch in CLOSE_DOUBLE or not _can_open(self.text, i, width):
            # A straight mark that cannot open closes, even spaced off ("'outreach,' \" he said").
            self.close_double(i, width)

    def _single_mark(self, i: int) -> None:
        if self.single is None:
            if _can_open(self.text, i, 1) and self.text[i] not in CLOSE_SINGLE:
                self.single = i
        elif _can_close(self.text, i, 1) and not _opens_only(self.text, i):
            inner = self.text[self.single + 1 : i]
            if len(inner.split()) <= MAX_SINGLE_WORDS:
                self.spans.append(QuoteSpan(self.single + 1, i, self.single, i + 1, single=True))
            self.single = None

    def end_paragraph(self, at: int) -> None:
        if self.double is not None:
            mark, w = self.double
            self.spans.append(QuoteSpan(mark + w, at, mark, at))
        self.double = None
        self.single = None  # an unclosed single mark was an apostrophe
        self.nested = 0


def _nests(text: str, i: int) -> bool:
    """Does the curly opening mark at ``i``, inside an open quotation, open a quotation inside it?
    So it does when the next two curly marks of the paragraph both close: the inner quotation's,
    then the outer one's ("“… even when “your team” needs to be held accountable.”")."""
    end = text.find("\n", i)
    marks = [c for c in text[i + 1 : len(text) if end < 0 else end] if c in OPEN_DOUBLE or c in CLOSE_DOUBLE]
    return len(marks) >= 2 and marks[0] in CLOSE_DOUBLE and marks[1] in CLOSE_DOUBLE


_PROGRAMME_BEFORE = re.compile(r"(?:\bon|\b(\w+)['’]s)\s*$")
_CONTRACTED = {"it", "that", "he", "she", "what", "there", "here", "who", "where", "let"}


def names_a_programme(text: str, open_mark: int) -> bool:
    """Is the quotation opening at ``open_mark`` the title of a programme or publication, by the
    words before it: "on “Face the Nation”", "MSNBC's “Morning Joe”" (but not "It's “…”")?"""
    m = _PROGRAMME_BEFORE.search(text[max(0, open_mark - 24) : open_mark])
    return m is not None and (m.group(1) is None or m.group(1).lower() not in _CONTRACTED)


def _opens_curly_first(line: str) -> bool:
    """Is the first curly mark of the line an opening one? Then a straight mark opening the line
    sets off an excerpt with its own quotations inside; when it is a closing one ('"Never
    underestimate Trump,” Reid said. “…"'), the straight and curly marks are mixed pairs."""
    first = next((c for c in line if c in OPEN_DOUBLE or c in CLOSE_DOUBLE), None)
    return first is not None and first in OPEN_DOUBLE


def find_quote_spans(text: str, min_words: int = MIN_WORDS) -> list[QuoteSpan]:
    """Spans inside quotation marks, paragraph-aware (a paragraph is a line).

    One-word quotations ("called them “deplorables”") are left out unless ``min_words`` is 1:
    alone they are scare quotes far more often than someone's words."""
    scanner = _Scanner(text)
    # Curly marks for the quotations, and a lone straight mark opening a paragraph: the straight
    # mark sets off an excerpt of another publication (a block quotation, each paragraph opened and
    # the last one closed), inside which the curly marks are the quotations.
    curly = sum(text.count(c) for c in OPEN_DOUBLE + CLOSE_DOUBLE) >= 2
    pos = 0
    for line in text.split("\n"):
        i, end = pos, pos + len(line)
        lone = line.count(STRAIGHT) == 1 or (line.count(STRAIGHT) == 2 and line.rstrip().endswith(STRAIGHT))
        if curly and line.lstrip().startswith(STRAIGHT) and lone and _opens_curly_first(line):
            i += len(line) - len(line.lstrip()) + 1
        while (mark := _ANY_MARK.search(text, i, end)) is not None:
            i = mark.start()
            i += scanner.step(i)
        scanner.end_paragraph(end)
        pos = end + 1
    return [s for s in scanner.spans if len(text[s.start : s.end].split()) >= min_words]
