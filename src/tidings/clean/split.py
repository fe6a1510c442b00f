"""Split a text file that holds several reports glued one after another.

A report starts with a headline and then a date line ("Iran looking for ... talks" / "October 9,
2021 - 22:34"); when that pair starts again further down, with prose between, a new report begins.
Only the date line counts as evidence: a headline alone is indistinguishable from a subhead.
"""

from __future__ import annotations

import itertools

from tidings.clean.meta import DATE_LINE

_MIN_PROSE_WORDS = 50  # a report, not a teaser under a headline and a date


def _is_headline(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and not line.rstrip().endswith((".", ",", ";", ":"))


def split_reports(text: str) -> list[str]:
    """The reports in ``text``, in order; a single-element list when it holds one."""
    lines = text.split("\n")
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    starts: list[int] = []
    for k, i in enumerate(nonblank):
        if k == 0 or not DATE_LINE.match(lines[i]):
            continue
        title = nonblank[k - 1]
        if _is_headline(lines[title].strip()):
            starts.append(title)
    # The file must itself begin as a report does (headline, then a date line), so that a crawled
    # page listing teasers under headlines and dates is never cut up.
    if not nonblank or not starts or starts[0] != nonblank[0]:
        return [text]
    starts = starts[1:]
    if not starts:
        return [text]
    bounds = [0, *starts, len(lines)]
    parts = ["\n".join(lines[a:b]).strip() for a, b in itertools.pairwise(bounds)]
    # Each piece must carry a report's worth of prose; otherwise the "date lines" were something else
    # (a timeline, a list of events) and the file is one report.
    if all(sum(len(ln.split()) for ln in p.split("\n") if len(ln.split()) >= 10) >= _MIN_PROSE_WORDS for p in parts):
        return parts
    return [text]
