"""Speaker labels of a transcript: a paragraph opening with a name in capitals and a colon.

Reports that print an interview give each turn as a paragraph headed by its speaker's surname
("WALLACE: Let's start with …", "PENCE: Well, look, …"), often inside one quotation mark per
paragraph. The label is the speaker of that paragraph's quotation, not part of its words, and a
new label starts a new quotation. A capitalised word before a colon is a label only in a
dialogue (two speakers' labels or more head paragraphs of the text) or when the report names
that person elsewhere ("Chris Wallace", "Gov. Pence"), so that the headings of a report
("UPDATE:", "CORRECTION:") are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t\u00a0]+(?=\S)")
_HEAD = re.compile(r"^[ \t\"'“‘`]*" + _LABEL.pattern, re.M)


@dataclass(frozen=True, slots=True)
class Label:
    name: str  # as printed ("WALLACE")
    start: int  # where it begins
    body: int  # where the words after it begin


def transcript_label(text: str, at: int) -> Label | None:
    """The speaker label at ``at`` (the first character inside a quotation), if it heads its
    paragraph and the report names that person elsewhere."""
    line_start = text.rfind("\n", 0, at) + 1
    if text[line_start:at].strip(" \t\"'“‘`"):
        return None  # not at the paragraph's start
    m = _LABEL.match(text, at)
    if m is None:
        return None
    surname = m.group(1).split()[-1].title()
    if len(surname) < 3:
        return None
    dialogue = len({h.group(1) for h in _HEAD.finditer(text)}) >= 2
    if not dialogue and not re.search(rf"\b[A-Z][a-z]+\.? {re.escape(surname)}\b", text):
        return None
    return Label(m.group(1), at, m.end())
