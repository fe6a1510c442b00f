"""Quotations and indirect speech, their speakers, and the outlets that relayed them.

1. ``marks``: the spans inside quotation marks.
2. ``cues``: the attribution cues of each sentence (a data lexicon) with their speakers.
3. ``attribute``: the speaker and relay chain of each quotation.
4. ``content``: the content of indirect speech ("X said that …", "according to X, …"), in two
   parts when the attribution interrupts it ("Acts of protest, Mr. Obama said, are acts of …").
5. ``transcript``: the speaker labels of a printed transcript ("PENCE: Well, look, …").

A quotation broken by its attribution ("“…,” he said. “…”") or running on over paragraphs is
one quote with several ``parts`` (but a part with a cue of its own, "… he said. But he added,
“…”", is another quote); so is what one cue attributes on both sides
of it ("“We are troubled,” they wrote, that the police “may have …”"), and a partial quotation
with its lead that runs on past the attribution into the next quotation ("Both parties “saw …,”
said X. “In that sense, …”"). A quotation inside the content of indirect speech ("Clinton
called Trump's plan “a disaster for workers”") is one quote, the whole attributed content, of
kind ``partial``; an indirect content with no quotation marks is of kind ``indirect``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any

from tidings.actors.resolve import ResolvedDoc
from tidings.nlp import doc_text, tokens_overlapping
from tidings.quotes.attribute import Attribution, Attributor, chain_up, is_outlet
from tidings.quotes.content import content_bounds, content_lead
from tidings.quotes.cues import Cue, load_cues
from tidings.quotes.headline import first_line_quotes, headline_quotes
from tidings.quotes.marks import MIN_WORDS, QuoteSpan, find_quote_spans, names_a_programme
from tidings.quotes.transcript import transcript_label
from tidings.records import Event, Quote, QuoteKind

__all__ = [
    "QuoteSpan",
    "extract_quotes",
    "find_quote_spans",
    "first_line_quotes",
    "headline_quotes",
    "link_events",
    "load_cues",
]

# A content this much covered by one quotation is that quotation's attribution, not indirect speech.
DIRECT_COVER = 0.6
# Between two parts of one quotation there is only the attribution: this many words at most.
MAX_BREAK_WORDS = 30
_MARKS = "\"'`“”‘’«»„"


@dataclass
class _Draft:
    parts: list[tuple[int, int]]
    kind: QuoteKind
    who: Attribution
    spans: list[QuoteSpan] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _kind(text: str, span: QuoteSpan) -> QuoteKind:
    inner = text[span.start : span.end].strip()
    before = text[max(0, span.open_mark - 40) : span.open_mark].rstrip()
    embedded = bool(before) and before[-1].isalnum() and not before.endswith(("that", "said", "says"))
    if inner[:1].islower() or (embedded and len(inner.split()) < 8):
        return QuoteKind.PARTIAL
    return QuoteKind.DIRECT


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _covered(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _indirect(attributor: Attributor, spans: list[QuoteSpan], text: str) -> tuple[list[_Draft], set[int]]:
    """Indirect speech, and the quotation spans it takes in (as partial quotes of its content)."""
    drafts: list[_Draft] = []
    absorbed: set[int] = set()
    by_sentence: dict[int, list[Cue]] = {}
    for cue in attributor.cues.values():
        by_sentence.setdefault(cue.token.sent.start, []).append(cue)
    for cue in sorted(attributor.cues.values(), key=lambda c: c.token.i):
        if cue.speaker is None and cue.kind not in ("according", "noun"):
            continue
        bounds = content_bounds(cue, attributor.names_actor)
        if bounds is None or _question_put(attributor, bounds[0]):
            continue
        bounds = _run_on(bounds, spans, text, cue.token.sent.end_char)
        inside = [n for n, s in enumerate(spans) if _covered(bounds, (s.open_mark, s.close_end)) > 0]
        for n in inside:
            # The opening mark hangs off the cue in the parse ('said "budget reforms" and …'): take it in.
            # A quotation ending in its own punctuation ("“That makes me smart,” when …") is a
            # direct quotation the parse has run on from, not a phrase of the content.
            phrase = text[spans[n].start : spans[n].end].rstrip()[-1:] not in ",.;:?!"
            if phrase and spans[n].open_mark < bounds[0] and not text[spans[n].open_mark + 1 : bounds[0]].strip():
                bounds = (spans[n].open_mark, bounds[1])
            # The closing mark after the sentence's full stop lies outside the parse's clause: take it in.
            tail = text[bounds[1] : spans[n].close_end]
            if spans[n].open_mark >= bounds[0] and len(tail) <= 3 and not tail.strip(" .,;:!?" + _MARKS):
                bounds = (bounds[0], max(bounds[1], spans[n].close_end))
        length = bounds[1] - bounds[0]
        if any(_covered(bounds, (spans[n].start, spans[n].end)) >= DIRECT_COVER * length and _worded(spans[n], text) for n in inside):
            continue  # the attribution of a direct quotation (a single quoted word is no quotation of its own)
        if any(spans[n].open_mark < bounds[0] or spans[n].close_end > bounds[1] + 1 for n in inside):
            continue  # a quotation straddling the content's edge: the parse has cut it badly
        if cue.kind == "attitude" and not any(_nearest_cue(attributor, spans[n]) == cue.token.i for n in inside):
            # "Germany wants …": an attitude, not anybody's words. Where someone said it ("he said
            # Germany wants …", "Germany wants …, a minister said"), the verb of saying is the cue.
            continue
        absorbed.update(inside)
        bounds = _cut_after_quote(bounds, [spans[n] for n in inside], attributor)
        quoted = [n for n in inside if not _a_title(attributor, spans[n])]
        kind = QuoteKind.PARTIAL if quoted and _quoted_edge(text[bounds[0] : bounds[1]]) else QuoteKind.INDIRECT
        others = by_sentence.get(cue.token.sent.start, [])
        parts = [bounds]
        lead = content_lead(cue, attributor.names_actor)
        if lead is not None and lead[1] <= bounds[0] and not any(_covered(lead, (s.open_mark, s.close_end)) for s in spans):
            parts.insert(0, lead)  # "Acts of protest, Mr. Obama said, are acts of …": both stretches
        drafts.append(_Draft(parts, kind, attributor.attribution(cue, others)))
    return _prune_nested(drafts), absorbed


def _worded(span: QuoteSpan, text: str) -> bool:
    """Has the quotation words enough to be a quotation of its own (``MIN_WORDS``)?"""
    return len(text[span.start : span.end].split()) >= MIN_WORDS


def _question_put(attributor: Attributor, at: int) -> bool:
    """Does the content at ``at`` open with the participle of a verb of asking ("Asked if it
    had appeared he was encouraging violence, Trump replied, …", "Pressed on the deal, …")? That
    is the question put to the speaker, not the speaker's words."""
    toks = tokens_overlapping(attributor.starts, at, at + 1)
    if not toks:
        return False
    first = attributor.doc[toks[0]]
    return first.tag_ == "VBN" and first.lemma_.lower() in load_cues().questioning


def _nearest_cue(attributor: Attributor, span: QuoteSpan) -> int | None:
    """The token index of the cue nearest above a quotation in the parse, if any."""
    toks = tokens_overlapping(attributor.starts, span.start, span.end)
    if not toks:
        return None
    return next((h.i for h in chain_up(attributor.doc[toks[0]]) if h.i in attributor.cues), None)


_SENTENCE_END = re.compile(r"[.!?][\"'”’]*\s+[A-Z“\"‘']")
# A quotation followed by a byline is the title of a piece: '“…,” by Times' Ben Sisario'.
_BYLINE = re.compile(r"[ \t]*,?[ \t]*by[ \t]+[A-Z]")
_JOINING_GAP = re.compile(r"[ \t\-–—]{0,4}")


def _run_on(bounds: tuple[int, int], spans: list[QuoteSpan], text: str, sentence_end: int) -> tuple[int, int]:
    """A content the parse ends just before a quoted phrase that goes on with it ("focusing on
    “he said this, he tweeted that.”", "welcome the governor - “my new best friend.”") takes
    the phrase in. A capitalised quotation there starts words of its own and is left alone."""
    for s in spans:
        if s.open_mark < bounds[1] or s.close_end > sentence_end + 1:
            continue
        gap = text[bounds[1] : s.open_mark]
        if (_JOINING_GAP.fullmatch(gap) and text[s.start : s.start + 1].islower()) or gap.strip() == ":":
            return bounds[0], s.close_end
        break
    return bounds


def _cut_after_quote(bounds: tuple[int, int], inside: list[QuoteSpan], attributor: Attributor) -> tuple[int, int]:
    """A content that goes on past a quoted phrase followed by a dash, or closed by a comma and
    followed by a prepositional phrase ("his campaign doesn't want “that crap,” in an interview
    with CNN"), ends with the phrase: what follows is the reporter's aside, not the speaker's
    claim; so is the medium it was said in, comma or none ("called the group “abhorrent” in a
    tweet Sunday", "called her a “clown” on his radio show"). A clause or a phrase that goes on
    with the claim ("a convention “surprise,” because he could never vote for …") stays in it,
    as PolNeAR annotates it."""
    text = attributor.text
    for s in inside:
        if s.close_end >= bounds[1] or not s.closed:
            continue
        after = text[s.close_end : bounds[1]].lstrip()
        comma = after[:1] == "," or text[s.start : s.end].rstrip().endswith(",")
        if after[:1] in ("—", "–", "―") or (comma and _aside_follows(attributor, s.close_end, bounds[1])):
            return bounds[0], s.close_end
        if _medium_follows(attributor, s.close_end, bounds[1]):
            return bounds[0], s.close_end
    return bounds


def _medium_follows(attributor: Attributor, at: int, end: int) -> bool:
    """Does a prepositional phrase naming the medium of the words ("in a tweet", "on his radio
    show", "during an interview") follow ``at``?"""
    doc = attributor.doc
    toks = [doc[i] for i in tokens_overlapping(attributor.starts, at, end) if doc[i].idx >= at]
    first = next((t for t in toks if not t.is_punct), None)
    if first is None or first.pos_ != "ADP" or first.lower_ not in ("in", "on", "during"):
        return False
    media = load_cues().media
    return any(c.dep_ == "pobj" and c.lemma_.lower() in media for c in first.children)


def _aside_follows(attributor: Attributor, at: int, end: int) -> bool:
    """Is what follows ``at`` (up to ``end``) an aside: a prepositional phrase ("in an interview
    …") or words holding a cue of their own ("“…,” Trump … said")?"""
    doc = attributor.doc
    toks = [doc[i] for i in tokens_overlapping(attributor.starts, at, end) if doc[i].idx >= at]
    first = next((t for t in toks if not t.is_punct), None)
    if first is None:
        return False
    return (first.pos_ == "ADP" and first.dep_ in ("prep", "agent")) or any(t.i in attributor.cues for t in toks)


def _quoted_edge(content: str) -> bool:
    """Does the content open or close with quoted words ("that “…” remains", "as a “crazy system”")?
    Then the speaker's own words carry it, and it is a partial quotation rather than a paraphrase."""
    body = re.sub(r"^\s*that\s+", "", content.strip()).rstrip(".,;:—–―- ")
    return bool(body) and (body[0] in _MARKS or body[-1] in _MARKS)


def _prune_nested(drafts: list[_Draft]) -> list[_Draft]:
    """Of two contents where one lies inside the other and covers most of it, keep the outer."""
    keep: list[_Draft] = []
    for d in sorted(drafts, key=lambda d: (d.start, -(d.end - d.start))):
        outer = next((k for k in keep if k.start <= d.start and d.end <= k.end), None)
        if outer is not None and (d.end - d.start) >= 0.8 * (outer.end - outer.start):
            continue
        keep.append(d)
    return keep


def _same_speaker(a: Attribution, b: Attribution) -> bool:
    if b.speaker is None or a.speaker is None:
        return True
    if a.cue is not None and b.cue is not None and a.cue.token.i == b.cue.token.i:
        return True
    aa, ba = a.speaker.actor, b.speaker.actor
    return aa is not None and ba is not None and aa.actor_id == ba.actor_id


def _attributed_anew(first: Attribution, second: Attribution, last: QuoteSpan, span: QuoteSpan) -> bool:
    """'“…,” Mr. Obama said. But he added, “…”', '“…” He answered, “…”': the second part has a cue
    of its own, other than the first part's, opening a sentence after the first part closed, or
    after the second part ('“…,” said Kunin. “…,” she said.'). It is a second attribution
    (PolNeAR's tune parts and a further fifth of its train months: 3 such pairs of 4 are two
    attributions, and 2 of 2 of the second kind)."""
    a, b = first.cue, second.cue
    if a is None or b is None or a.token.i == b.token.i:
        return False
    if span.close_end <= b.token.idx and last.close_end <= a.token.idx < span.open_mark:
        return True  # '“…,” said Kunin. “…,” she said.': each part with its own attribution
    if not last.close_end <= b.token.idx < span.open_mark:
        return False
    return b.token.sent.start_char >= last.close_end and not _inner_cue(first, second, last)


def _inner_cue(first: Attribution, second: Attribution, last: QuoteSpan) -> bool:
    """'“…,” said Ann Lee, then a friend of the family, who recalled his temper. “…”': the second
    part's cue hangs inside the first part's attribution, after it; the attribution is one."""
    a, b = first.cue, second.cue
    if a is None or b is None or a.token.i == b.token.i or not last.close_end <= a.token.idx < b.token.idx:
        return False
    if any(c.dep_ == "ccomp" for c in b.token.children):
        return False  # "…, who said he would not vote for him. “…”": the inner cue has words of its own
    t = b.token
    while t.head.i != t.i and t.i != a.token.i:
        if t.dep_ in ("relcl", "acl"):
            return a.token in t.ancestors  # a relative clause inside the first attribution
        t = t.head
    return False


def _joins(attributor: Attributor, prev: _Draft, span: QuoteSpan, who: Attribution, every: list[QuoteSpan]) -> bool:
    """Is ``span`` the next part of ``prev``'s quotation?"""
    text = attributor.text
    last = prev.spans[-1]
    gap = text[last.close_end : span.open_mark]
    if not (_same_speaker(prev.who, who) or _inner_cue(prev.who, who, last)):
        return False
    if any(
        last.close_end <= s.open_mark
        and s.close_end <= span.open_mark
        and len(text[s.start : s.end].split()) >= MIN_WORDS
        and _SENTENCE_END.search(text, last.close_end, s.open_mark)
        for s in every
    ):
        # Words quoted in a sentence of their own between ("“…,” he said. It did “too little,” he
        # added. “…”"); a phrase inside the attribution ("she said, showing off the “Make America
        # Great Again” hat") is no reason to split.
        return False
    if "\n" in gap:
        if prev.kind is QuoteKind.PARTIAL:
            # "… saying Clinton would “abolish the second amendment.”¶“Although …”": a paragraph of
            # quotation goes on with the speaker's words, not with the reporter's paraphrase (a
            # transcript's turn, the label's words, goes on).
            return False
        # A quotation running on over paragraphs: the paragraph before left it open, or this
        # paragraph is nothing but a quotation and so continues the last speaker's words.
        tail, middle, head = gap[: gap.find("\n")], gap[gap.find("\n") : gap.rfind("\n")], gap[gap.rfind("\n") + 1 :]
        if head.strip() or middle.strip() or len(tail.split()) > MAX_BREAK_WORDS:
            return False
        if not last.closed:
            return not tail.strip()
        line_end = text.find("\n", span.close_end)
        rest = text[span.close_end : len(text) if line_end < 0 else line_end]
        # (With no speaker named for either, the run of quotation paragraphs is still one quote.)
        return who.cue is None and not rest.strip(" .,;:!?") and (prev.who.speaker is not None or who.speaker is None)
    if len(gap.split()) > MAX_BREAK_WORDS or prev.kind is not QuoteKind.DIRECT:
        return False
    if gap.rstrip().endswith(":") and _SENTENCE_END.search(gap.rstrip()):
        # "“…,” Trump said in an interview. Later that day, Trump went even further: “…”": a
        # sentence of its own leads in to the second quotation, a new attribution (PolNeAR's
        # tune parts: 3 of 3 such pairs are two).
        return False
    # The attribution between the parts: the first part's ("“…,” he said. “…”"), or the second's
    # when the parse put it in the second part's sentence ("“Would it be negotiable?” Hannity
    # pressed. “Maybe …”").
    cue = next(
        (c for c in (prev.who.cue, who.cue) if c is not None and last.close_end <= c.token.idx < span.open_mark),
        None,
    )
    if _attributed_anew(prev.who, who, last, span):
        return False
    if cue is not None and cue.token.tag_ == "VBG" and who.governs and not prev.who.governs:
        # "“That makes me smart” -- and, when questioned, asserting, “Of course, …”": a participle
        # of saying that governs only the second part is an act of its own, not the first's attribution.
        return False
    # Only the attribution between the parts: "“…,” he said. “…”" / "“…,” she added, “…”".
    # A quoted title inside the attribution ("he said on “Meet the Press.”") ends it as well.
    # "“…,” he said outside. But “…”": a conjunction opening the second part's sentence.
    ends = gap[: _opening_conjunction(attributor, last.close_end, span.open_mark)].rstrip().rstrip(_MARKS)[-1:]
    if cue is None or ends not in ".,:;":
        return False
    return not _second_saying(attributor, cue, last.close_end, span.open_mark)


def _opening_conjunction(attributor: Attributor, lo: int, hi: int) -> int:
    """Where in the gap ``lo``–``hi`` a coordinating conjunction opening a sentence right before
    ``hi`` begins ("… outside. But “…”"), as an offset into the gap; the gap's length otherwise."""
    toks = [attributor.doc[i] for i in tokens_overlapping(attributor.starts, lo, hi)]
    toks = [t for t in toks if t.idx >= lo and t.idx + len(t) <= hi and not t.is_space]
    if len(toks) >= 2 and toks[-1].pos_ == "CCONJ" and toks[-2].text in (".", "!", "?") and toks[-1].text[:1].isupper():
        return int(toks[-1].idx) - lo
    return hi - lo


def _second_saying(attributor: Attributor, cue: Cue, lo: int, hi: int) -> bool:
    """"“…,” he said, adding that … “…”": a second act of saying between two parts, with words of
    its own, starts a second quotation (PolNeAR's train months: 36 of 43 such pairs are two); so
    does "going on to say that …". "referring to the country's official name" (a preposition
    next) and "an early voice in urging …" (a gerund inside a noun phrase) say nothing of their
    own: the parts are one."""
    doc = attributor.doc
    for c in attributor.cues.values():
        t = c.token
        if t.i == cue.token.i or c.kind == "attitude" or not lo <= t.idx < hi:
            continue
        gerund = t.tag_ == "VBG" or (t.dep_ == "xcomp" and t.head.tag_ == "VBG")
        if not gerund or t.dep_ == "pcomp":
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "ADP" and doc[t.i + 1].lower_ != "that":
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].text in (".", ";"):
            continue  # "said Robin Maynard, half joking.": the manner of the first act, no words of its own
        return True
    return False


SHORT_TITLE_WORD = 4


def _titled(words: list[str]) -> bool:
    """Words in title case: every word but the short ones capitalised, two at least (the short
    ones, up to four letters, are the articles, conjunctions and prepositions a title leaves in
    lower case: "This Week with George Stephanopoulos")."""
    words = [w.strip(".,;:!?()'\"“”‘’") for w in words]
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals >= 2 and all(w[:1].isupper() or len(w) <= SHORT_TITLE_WORD or not w[:1].isalpha() for w in words)


def _programme(attributor: Attributor, span: QuoteSpan) -> bool:
    """A title-cased quotation that names an outlet, or a programme on one ("on “Face the
    Nation”", "MSNBC's “Morning Joe”"). PolNeAR, like readers, takes other quoted titles (slogans,
    songs) as words somebody said, so only these are dropped."""
    if names_a_programme(attributor.text, span.open_mark):
        return True
    toks = tokens_overlapping(attributor.starts, span.start, span.end)
    return bool(toks) and is_outlet(attributor.resolved.role_for(attributor.doc[toks[-1]]))


def _names_a_work(attributor: Attributor, span: QuoteSpan) -> bool:
    """Does the title-cased quotation at ``span`` stand in a noun phrase: after "the", a
    possessive, "of" or a noun ("the “Great Game,”", "the co-author of “Going Viral,”", "the
    anthem “A Change Is Gonna Come,”", "his book, “Make Your Kid a Millionaire,”")? Not after
    "a" or "as", where a description is given ("called it a “Total Disaster”")."""
    near = tokens_overlapping(attributor.starts, max(0, span.open_mark - 30), span.open_mark)
    before = [i for i in near if attributor.doc[i].idx + len(attributor.doc[i]) <= span.open_mark]
    if not before:
        return False
    prev = attributor.doc[before[-1]]
    if prev.text == "," and len(before) > 1:
        prev = attributor.doc[before[-2]]
        return bool(prev.pos_ == "NOUN")  # "his book, “…,”": in apposition to a noun
    definite = prev.tag_ == "PRP$" or (prev.pos_ == "DET" and "Def" in prev.morph.get("Definite"))
    return bool(definite or prev.pos_ == "NOUN" or (prev.pos_ == "ADP" and prev.lower_ == "of"))


def _a_title(attributor: Attributor, span: QuoteSpan) -> bool:
    """Is the quotation at ``span`` the title of a work, a programme or a paper standing in a noun
    phrase ("an episode of “Shark Tank.”", "the anthem ''A Change Is Gonna Come,''", "In his
    book, ''Make Your Kid a Millionaire,''")? A paraphrase that holds one quotes nobody's words."""
    words = attributor.text[span.start : span.end].split()
    if not _titled(words):
        return False
    line = attributor.text.rfind("\n", 0, span.open_mark) + 1
    if _titled(attributor.text[line : span.open_mark].split()):
        return False  # a headline in title case ("Obama Says Museum Will Tell of 'Suffering and Delight.'")
    return _programme(attributor, span) or _names_a_work(attributor, span)


def _same_clause(prev: _Draft, who: Attribution, attributor: Attributor) -> bool:
    """Another quoted phrase governed by the same cue as the partial quote before it."""
    return (
        prev.kind is QuoteKind.PARTIAL
        and who.cue is not None
        and prev.who.cue is not None
        and who.cue.token.i == prev.who.cue.token.i
        and who.governs
    )


MAX_ARGUMENT_WORDS = 40


def _argument(attributor: Attributor, cue: Any, span: QuoteSpan) -> tuple[int, int] | None:
    """The cue's argument that holds a partial quotation: "described all young black men as
    “super predators”" is attributed as a whole, the object with what it is called."""
    doc = attributor.doc
    toks = tokens_overlapping(attributor.starts, span.start, span.end)
    if not toks:
        return None
    t = doc[toks[0]]
    while t.head.i != t.i and t.head.i != cue.i:
        t = t.head
    if t.head.i != cue.i or t.i == cue.i or t.dep_ in ("nsubj", "nsubjpass", "punct"):
        return None
    if t.i in attributor.cues:
        return None  # "said … but said “the question is the timing”": the nearer cue's own quotation
    first = t.left_edge.i
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < t.i and c.i > cue.i), None)
    if obj is not None and t.dep_ in ("prep", "oprd", "xcomp", "advcl"):
        first = min(first, obj.left_edge.i)
    if first <= cue.i:
        return None
    while first < t.i and first in attributor.cues and doc[first].tag_ == "VBG":
        first += 1  # "…, mentioning the album is “in the home stretch”": the participle is a cue, not content
    start = doc[first].idx
    if cue.idx < span.open_mark < start:
        start = span.open_mark  # the opening mark hangs off the cue in the parse: '"budget reforms" and …'
    end = max(span.close_end, doc[t.right_edge.i].idx + len(doc[t.right_edge.i]))
    text = attributor.text  # Doc.text is rebuilt from the tokens on every access
    if len(text[start:end].split()) > MAX_ARGUMENT_WORDS:
        return None
    start, end = _cut_after_quote((start, end), [span], attributor)
    while end > start and (text[end - 1].isspace() or text[end - 1] in "—–―-,;:"):
        end -= 1  # a dash or comma the parse hangs on the argument's end
    return _strip(text, start, end)


def _host_lead(attributor: Attributor, cue: Cue, span: QuoteSpan) -> tuple[int, int] | None:
    """'Both parties “saw Burma as …,” said Victor Cha': a partial quotation whose attribution
    follows it is attributed with the clause it ends, from the clause's first word."""
    if cue.token.idx < span.close_end:
        return None
    bounds = content_bounds(cue, attributor.names_actor)
    if bounds is None or not bounds[0] < span.open_mark <= span.end <= bounds[1] + 1:
        return None
    if attributor.text[bounds[1] : span.close_end].strip(" .,;:!?" + _MARKS):
        return None  # the clause goes on past the quotation: not the clause it ends
    return bounds[0], max(bounds[1], span.close_end)


def _direct(
    attributor: Attributor, every: list[QuoteSpan], keep: list[int], absorbed: set[int], text: str
) -> list[_Draft]:
    drafts: list[_Draft] = []
    for n in keep:
        span = every[n]
        if n in absorbed:
            continue
        who = attributor.for_quote(span)
        kind = _kind(text, span)
        prev = drafts[-1] if drafts else None
        label = transcript_label(text, span.start)
        if label is not None:
            # "WALLACE: Let's start with …": a transcript's turn, its speaker the label. Its words
            # are the speaker's, but the mark opens before the label, not around them: like PolNeAR
            # (and its scorer), tidings counts a turn as speech without quotation marks.
            who = Attribution(attributor.named(label.name), (), None)
            drafts.append(_Draft([_strip(text, label.body, span.end)], QuoteKind.INDIRECT, who, [span]))
            continue
        if prev is not None and _joins(attributor, prev, span, who, every):
            prev.parts.append(_strip(text, span.start, span.end))
            prev.spans.append(span)
            if prev.who.speaker is None:
                prev.who = who
            continue
        if prev is not None and who.speaker is None and prev.who.speaker is not None:
            between = text[prev.spans[-1].close_end : span.open_mark]
            # A quotation with no attribution of its own continues the last one's speaker: the
            # next quotation in the same paragraph, or a paragraph that is nothing but a quotation.
            if "\n" not in between or not between.strip():
                who = prev.who
        words = text[span.start : span.end].split()
        titled = _titled(words)
        if titled and _programme(attributor, span):
            continue  # a programme or a paper ("on CNN's “State of the Union”"), not anybody's words
        if titled and who.cue is None and len(words) <= 6 and text[span.end - 1 : span.end] not in ".!?":
            continue  # a short title-cased name no cue attributes ("Broad City"), not anybody's words
        if titled and not who.governs and text[span.end - 1 : span.end] not in ".!?":
            continue  # a title near a cue that does not govern it ("the book “Hacked World Order,” he said")
        if titled and text[span.end - 1 : span.end] not in ".!?" and _names_a_work(attributor, span):
            continue  # a title in a noun phrase ("the co-author of “Going Viral,”", "his book, “…,”")
        if _BYLINE.match(text, span.close_end):
            continue  # the title of a piece with its byline ("“The Living Room to close,” by Ben Sisario")
        if kind is QuoteKind.PARTIAL and (who.cue is None or (not who.governs and (len(words) <= 3 or titled))):
            continue  # scare quotes and titles ("Face the Nation"): quoted words nobody is said to have said
        part = _strip(text, span.start, span.end)
        if kind is QuoteKind.PARTIAL and who.cue is not None and who.governs:
            arg = _argument(attributor, who.cue.token, span) or _host_lead(attributor, who.cue, span)
            if arg is not None:
                part = arg
                kind = QuoteKind.PARTIAL if _quoted_edge(text[arg[0] : arg[1]]) else QuoteKind.INDIRECT
        if kind is QuoteKind.PARTIAL and prev is not None and _same_clause(prev, who, attributor):
            # "called Trump a “pathological liar” who is “utterly amoral”": one attribution, one quote.
            cue_idx = who.cue.token.idx if who.cue is not None else -1
            if prev.end <= cue_idx < part[0]:
                # "Oz is “smart as hell,” Mosko wrote …, and “full of s---.”": the attribution between is no part.
                prev.parts.append(part)
            else:
                prev.parts = [(prev.start, part[1])]
            prev.spans.append(span)
            continue
        drafts.append(_Draft([part], kind, who, [span]))
    return drafts


def _leads_into(first: _Draft, second: _Draft, text: str) -> bool:
    """Is ``second`` (a direct quotation) the words that go on from ``first`` (a content ending in a
    partial quotation) past ``first``'s attribution: 'The summit accomplished “too little,” he
    added. “Without changing …”'? PolNeAR annotates the two as one content (11 of 12 such pairs
    in the tune part of its train and dev months)."""
    cue = first.who.cue
    if first.kind is not QuoteKind.PARTIAL or second.kind is not QuoteKind.DIRECT or cue is None or not second.spans:
        return False
    opening = second.spans[0].open_mark
    if text[first.end - 1 : first.end] not in _MARKS or not first.end <= cue.token.idx < opening:
        return False
    gap = text[first.end : opening]
    if "\n" in gap or len(gap.split()) > MAX_BREAK_WORDS or gap.rstrip()[-1:] not in ".:":
        return False
    own = second.who.cue
    # The second quotation has no attribution of its own after its opening mark, nor another in the gap.
    return own is None or own.token.i == cue.token.i or own.token.idx < first.start


def _one_cue(first: _Draft, second: _Draft, attributor: Attributor) -> bool:
    """Are the two contents one attribution's, its cue between them: '“We are gravely
    concerned,” the members wrote in a letter, that the department “may have …”', 'Donations are
    vetted, Strother said, but “we don't ask …”'? A cue has one content, in however many parts."""
    a, b = first.who.cue, second.who.cue
    if a is None or b is None or a.token.i != b.token.i or not first.end <= a.token.idx < second.start:
        return False
    if a.kind == "according":
        return False  # "…, in the words of an adviser, “…”": ``content_lead`` takes a lead set off by commas
    if first.kind is QuoteKind.PARTIAL or first.kind is second.kind:
        # Two paraphrases: the content's own lead (``content_lead``) already joins them; two
        # quotations: ``_joins`` does. A quoted phrase before its cue the cue does not govern
        # ("the victims “do need …” and he does believe …") is no lead of the cue's content.
        return False
    gap = attributor.text[first.end : second.start]
    if "\n" in gap or len(gap.split()) > MAX_BREAK_WORDS:
        return False
    # "“…,” Kiedis said, mentioning the album is “in the home stretch.”": a participle of saying
    # opening the second content is a second act (the parse can hang it inside that content).
    return not _second_saying(attributor, a, first.end, second.end)


def _join_partial_leads(drafts: list[_Draft], attributor: Attributor) -> list[_Draft]:
    """Drafts that are parts of one attribution's content, made one quote."""
    text = attributor.text
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and (_leads_into(prev, d, text) or _one_cue(prev, d, attributor)):
            if prev.kind is not d.kind:
                prev.kind = QuoteKind.PARTIAL
            prev.parts.extend(d.parts)
            prev.spans.extend(d.spans)
            continue
        out.append(d)
    return out


# A tail this long past a partial content's closing mark is no phrase of the content any more.
MAX_TAIL_WORDS = 25
_TAIL_STOPS = {";", "—", "–", "―", "--", ":"}


def _tail_start(attributor: Attributor, close: int, sentence_end: int) -> Any | None:
    """The first token after a partial content's closing mark when it goes on with the claim: a
    prepositional phrase right after the mark ("called the remarks “a true wake-up call” to his
    coalition"), a clause of condition, time or cause ("warned of an “atrocity” if Britain
    remained"), or "and"/"but" before a noun phrase or a "that" clause ("“provocative” and a
    “grave threat” to regional stability"). A comma inside the mark leaves a prepositional phrase
    out: "“that crap,” in an interview with CNN" is the reporter's aside (``_cut_after_quote``)."""
    doc = attributor.doc
    toks = [doc[i] for i in tokens_overlapping(attributor.starts, close, sentence_end) if doc[i].idx >= close]
    toks = [t for t in toks if not t.is_space]
    if len(toks) < 2 or toks[0].idx - close > 1:
        return None
    first, second = toks[0], toks[1]
    comma = attributor.text[close - 2 : close - 1] == ","
    if first.pos_ == "ADP" and first.dep_ == "prep" and not comma:
        if first.lower_ in ("according", "by", "as") or _medium_follows(attributor, close, sentence_end):
            return None
        return first
    if first.pos_ == "SCONJ" and first.dep_ == "mark" and first.lower_ != "as":
        return first
    if first.tag_ == "WRB" and first.dep_ == "advmod" and first.head.i > first.i:
        return first  # "“…,” when it comes to …"
    if first.lower_ in ("and", "but") and (second.pos_ in ("DET", "NUM", "SCONJ") or second.lower_ == "that"):
        return first
    return None


def _tail_after_quote(d: _Draft, attributor: Attributor) -> _Draft:
    """A partial content the parse ends at its closing mark, taken on over what goes on with
    the claim up to the sentence's end (``_tail_start``). PolNeAR's contents run on so (11 of 16
    such tails in the tune part); a tail that holds a cue ("“…,” though she noted …", "“…,”
    according to Mr. Rhodes") or stops at a dash or a semicolon is left out."""
    text = attributor.text
    end = d.end
    if d.kind is not QuoteKind.PARTIAL or d.who.cue is None or text[end - 1 : end] not in _MARKS:
        return d
    at = tokens_overlapping(attributor.starts, end - 1, end)
    if not at:
        return d
    sent = attributor.doc[at[0]].sent
    line_end = text.find("\n", end)
    sentence_end = min(sent.end_char, len(text) if line_end < 0 else line_end)
    first = _tail_start(attributor, end, sentence_end)
    if first is None:
        return d
    last = None
    for t in attributor.doc[first.i : sent.end]:
        if t.idx >= sentence_end or t.text in _TAIL_STOPS:
            break
        if t.i in attributor.cues:
            return d
        if not t.is_punct or text[t.idx] in _MARKS:
            last = t
    if last is None:
        return d
    new_end = last.idx + len(last)
    tail = text[end:new_end]
    if len(tail.split()) > MAX_TAIL_WORDS:
        return d
    parts = [*d.parts[:-1], (d.parts[-1][0], new_end)]
    body = " ".join(text[a:b] for a, b in parts)
    kind = QuoteKind.PARTIAL if _quoted_edge(body) else QuoteKind.INDIRECT
    return _Draft(parts, kind, d.who, d.spans)


_TRAILING_CONJUNCTION = re.compile(r"[\s,;:—–―-]+(?:and|but|or|nor|because)$", re.IGNORECASE)


def _clause_end(text: str, start: int, end: int) -> tuple[int, int]:
    """A content ends at its clause, never on a conjunction the parse hangs on it ('her “the
    champion working families need” and', '…, because')."""
    found = _TRAILING_CONJUNCTION.search(text, start, end)
    return (start, found.start()) if found is not None and found.start() > start else (start, end)


def extract_quotes(resolved: ResolvedDoc) -> list[Quote]:
    text = doc_text(resolved.doc)
    every = find_quote_spans(text, min_words=1)
    attributor = Attributor(resolved, every, text)
    indirect, absorbed = _indirect(attributor, every, text)
    spans = [n for n, s in enumerate(every) if len(text[s.start : s.end].split()) >= MIN_WORDS]
    drafts = sorted(_direct(attributor, every, spans, absorbed, text) + indirect, key=lambda d: d.start)
    drafts = [_tail_after_quote(d, attributor) for d in _join_partial_leads(drafts, attributor)]
    for d in drafts:
        if d.who.speaker is None and d.kind is not QuoteKind.INDIRECT:
            d.who = attributor.speaker_before(d.spans[0].open_mark if d.spans else d.start) or d.who
    out: list[Quote] = []
    for d in drafts:
        if d.kind is not QuoteKind.DIRECT:
            d.parts[-1] = _clause_end(text, *d.parts[-1])
        start, end = d.start, d.end
        body = " ".join(re.sub(r"\s+", " ", text[a:b]) for a, b in d.parts)
        qid = hashlib.sha1(f"{resolved.doc_id}|{start}|{end}".encode()).hexdigest()[:16]
        relays = d.who.relays
        out.append(
            Quote(
                qid,
                resolved.doc_id,
                start,
                end,
                body,
                d.kind,
                d.who.speaker,
                relays[0] if relays else None,
                d.who.cue.token.text if d.who.cue is not None else None,
                relays,
                tuple(d.parts),
            )
        )
    return out


def link_events(quotes: list[Quote], events: list[Event], resolved: ResolvedDoc) -> list[Quote]:
    """Each quote with the ids of the events coded from the sentences it spans."""
    out = []
    for q in quotes:
        if q.in_title:
            out.append(q)  # the events are coded from the text, not the headline
            continue
        first = resolved.doc.char_span(q.start, q.start + 1, alignment_mode="expand")
        last = resolved.doc.char_span(max(q.start, q.end - 1), q.end, alignment_mode="expand")
        lo = first.sent.start_char if first is not None else q.start
        hi = last.sent.end_char if last is not None else q.end
        ids = tuple(e.event_id for e in events if lo <= e.sentence_start < hi)
        out.append(_with_events(q, ids))
    return out


def _with_events(q: Quote, ids: tuple[str, ...]) -> Quote:
    return replace(q, event_ids=ids) if ids else q
