"""What a cue attributes: the content span of indirect speech, read off the dependency parse.

- "X said (that) CLAUSE", "X told Y CLAUSE": the clausal complement.
- "CLAUSE, X said.": the clause the cue hangs off, up to the cue's own phrase.
- "X wants / plans / urged Y to DO": the object and the infinitive.
- "X called Y Z": the object and its predicate; "X called for Y": the prepositional object.
- "X accused Y of Z", "X blamed Y for Z": the object and what it is charged with.
- "According to X, CLAUSE": the sentence without the "according to" phrase.
- "A report found that CLAUSE": as for speech.

A content ends at its clause: never on a conjunction ("… made of and"), never with a dateline
("TEHRAN – …"), and never as a verb phrase of the speaker's own act: in "X phoned Y and asked
Z" the cue shares its subject with "phoned", whose clause is X's deed, not X's words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tidings.nlp import dateline_end
from tidings.quotes.cues import Cue, cue_lemma, load_cues, phrase_cue, said_clause

MIN_CONTENT_WORDS = 3
MIN_NAMED_WORDS = 2
_QUOTE_MARKS = {'"', "“", "”", "‘", "’", "''", "``", "'", "`"}
_EDGE_PUNCT = set(",;:—–―-()[]")
# An attribution interrupting its content ("…, Mr. Obama said, …") is set off by these, and is
# this many tokens long at most.
_SETS_OFF = {",", "—", "–", "―", "-", "--"}
MAX_INTERRUPTION = 16


def _loose_edge(token: Any, punct: set[str]) -> bool:
    """Punctuation, space or a coordinating conjunction at a content's edge ("… made of and")."""
    return (token.is_punct and token.text in punct) or token.is_space or token.dep_ == "cc" or token.pos_ == "CCONJ"


def _after_dateline(tokens: list[Any]) -> list[Any]:
    """The tokens after a dateline opening them ("BUDAPEST, March 12 (Xinhua) -- …")."""
    first = tokens[0]
    if first.i and "\n" not in first.doc[first.i - 1].text_with_ws:
        return tokens  # not at a paragraph's start
    dash = dateline_end(first.doc, first.i)
    return tokens if dash is None else [t for t in tokens if t.i > dash]


def _bounds(tokens: list[Any], min_words: int = MIN_CONTENT_WORDS) -> tuple[int, int] | None:
    """Character bounds of a contiguous run of tokens, trimmed of edge punctuation and conjunctions."""
    if tokens:
        tokens = _after_dateline(tokens)
    while tokens and _loose_edge(tokens[0], _EDGE_PUNCT):
        tokens = tokens[1:]
    while tokens and _loose_edge(tokens[-1], _EDGE_PUNCT | {"."}):
        tokens = tokens[:-1]
    if sum(1 for t in tokens if not t.is_punct) < min_words:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _subtree(token: Any) -> list[Any]:
    doc = token.doc
    return list(doc[token.left_edge.i : token.right_edge.i + 1])


def _span(doc: Any, first: int, last: int) -> list[Any]:
    return list(doc[first : last + 1])


def _complement(cue: Any, names_actor: Callable[[Any], bool]) -> list[Any] | None:
    kids = list(cue.children)
    for c in kids:
        if c.dep_ == "ccomp":
            return _subtree(c)
    for c in kids:
        if c.dep_ == "oprd":
            obj = next((o for o in kids if o.dep_ == "dobj" and o.i < c.i), None)
            return _span(cue.doc, (obj or c).left_edge.i, c.right_edge.i)
    for c in kids:
        if c.dep_ == "prep" and c.lower_ == "as":
            # "described X as “Y”", "called X as Y": the object and what it is said to be.
            obj = next((o for o in kids if o.dep_ == "dobj" and o.i < c.i), None)
            if obj is not None:
                return _span(cue.doc, obj.left_edge.i, c.right_edge.i)
    for c in kids:
        if c.dep_ == "prep" and c.lower_ == "to" and c.i == cue.i + 1 and load_cues().kind(cue_lemma(cue) or "") == "naming":
            # "referring to the attacks on the capital", "referred to Clinton as “the devil”": what
            # the words were about, with what it is called.
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                named = next((g for g in [*kids, *pobj.children] if g.dep_ == "prep" and g.lower_ == "as" and g.i > pobj.i), None)
                return _span(cue.doc, pobj.left_edge.i, (named or pobj).right_edge.i)
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in ("of", "for") and cue_lemma(cue) in load_cues().charging:
            # "accused the FDIC of trying to cover up …", "blamed Bush for the housing bust": the
            # object with what it is charged with.
            obj = next((o for o in kids if o.dep_ == "dobj" and o.i < c.i), None)
            if obj is not None:
                return _span(cue.doc, obj.left_edge.i, c.right_edge.i)
    for c in kids:
        if c.dep_ == "xcomp":
            obj = next((o for o in kids if o.dep_ == "dobj" and o.i < c.i), None)
            return _span(cue.doc, (obj or c).left_edge.i, c.right_edge.i)
    for c in kids:
        if c.dep_ == "dobj" and cue.dep_ not in ("amod", "compound") and len(list(c.subtree)) >= 4:
            if cue.lemma_.lower() in load_cues().addressing:
                return None  # "told a North Carolina rally": whom the words were for
            if names_actor(c):
                return None  # "recalled Turkey's ambassador", "thanked the crowd": an act on someone, not words
            if any(g.dep_ in ("acl", "relcl") and cue_lemma(g) is not None for g in c.children):
                return None  # "posted a tweet saying …": the words are the inner cue's content
            # "condemned Friday's test as …", "touting their own record": the statement's object.
            return _subtree(c)
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == cue.i + 1:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return _subtree(pobj)
    for c in kids:
        if c.dep_ == "prep" and c.lower_ == "about" and (load_cues().kind(cue_lemma(cue) or "") == "speech" or phrase_cue(cue)):
            # "was asked about the deal she made with …", "joked about his hair": what the words were about.
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return _subtree(obj)
    return None


def _host_clause(cue: Any) -> list[Any] | None:
    """'CLAUSE, he said.': the cue is a parenthetical on the clause it follows or interrupts."""
    if cue.dep_ not in ("parataxis", "advcl", "conj") or cue.head.i == cue.i:
        return None
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children)
    if cue.dep_ == "conj" and not own_subject:
        return None  # "phoned Putin and asked …": the speaker's own act before the cue
    own = {t.i for t in _subtree(cue)}
    host = cue.head
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and cue.i < host.i:
        # "If this argument fails, Mr. Castañeda argues, there are …": the parse hangs the words
        # before the attribution on the cue; they are the host clause's, up to the comma.
        first = subject.left_edge.i
        if first - 1 > cue.left_edge.i and cue.doc[first - 1].text in _SETS_OFF:
            own = {i for i in own if i >= first - 1}
    if len(own) > 8:
        return None
    tokens = [t for t in _subtree(host) if t.i not in own]
    # Only the stretch before the parenthetical when it comes after the clause's verb.
    before = [t for t in tokens if t.i < cue.left_edge.i]
    return before if before and host.i < cue.i else tokens


def _according(cue: Any) -> list[Any] | None:
    prep = cue  # "according" heads "to X"
    own = {t.i for t in _subtree(prep)}
    sent = cue.sent
    tokens = [t for t in sent if t.i not in own]
    return tokens or None


def _no_actor(token: Any) -> bool:
    return False


def _content_runs(cue: Cue, names_actor: Callable[[Any], bool]) -> list[list[Any]] | None:
    """The contiguous runs of tokens of what ``cue`` attributes, in text order."""
    tok = cue.token
    if cue.kind == "noun":
        clause = said_clause(tok)
        tokens = _subtree(clause) if clause is not None else None
    elif cue.kind == "according":
        tokens = _according(tok)
    elif cue_lemma(tok) in load_cues().resuming:
        # "…, he continued.", not "continued to push for …": only the words it takes up before it.
        fronted = next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
        tokens = _subtree(fronted) if fronted is not None else _host_clause(tok)
    else:
        tokens = _complement(tok, names_actor) or _host_clause(tok)
    if not tokens:
        return None
    # A contiguous run: the parse's subtrees are contiguous, the host clause minus the cue may not be.
    speaker = cue.speaker
    if speaker is not None:
        # The speaker's phrase is not content, unless the cue sits inside it ("a comment that
        # described X as Y": the speaker's subtree holds the relative clause with the content).
        owned = {tok.i} if speaker.left_edge.i <= tok.i <= speaker.right_edge.i else {t.i for t in _subtree(speaker)}
        owned.add(tok.i)
        tokens = [t for t in tokens if t.i not in owned]
    runs: list[list[Any]] = []
    for t in tokens:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs or None


def content_bounds(cue: Cue, names_actor: Callable[[Any], bool] = _no_actor) -> tuple[int, int] | None:
    """Character bounds of what ``cue`` attributes, or None when the parse gives no content."""
    runs = _content_runs(cue, names_actor)
    if runs is None:
        return None
    run = max(runs, key=len)
    if cue.kind == "naming" and any(t.text in _QUOTE_MARKS for t in run):
        # "called inversions “unpatriotic,”", "called her “weak”": what one calls a thing, in the
        # speaker's own word, is a content of two words.
        return _bounds(run, MIN_NAMED_WORDS)
    return _bounds(run)


def content_lead(cue: Cue, names_actor: Callable[[Any], bool] = _no_actor) -> tuple[int, int] | None:
    """The words of the content before an attribution that interrupts it: in "Acts of protest,
    Mr. Obama said, are acts of patriotism" (or "The economy, according to X, is growing") the
    content is both stretches, as PolNeAR annotates it; ``content_bounds`` gives the second.
    Only a stretch that ends right before the attribution's own phrase, set off by a comma or a
    dash, with the cue between it and the rest."""
    runs = _content_runs(cue, names_actor)
    if runs is None:
        return None
    if len(runs) == 1:
        return _fronted_lead(cue, runs[0])
    best = max(runs, key=len)
    at = runs.index(best)
    if at == 0:
        return None
    lead = runs[at - 1]
    doc = cue.token.doc
    between = doc[lead[-1].i + 1 : best[0].i]
    if not lead[-1].i < cue.token.i < best[0].i or len(between) > MAX_INTERRUPTION:
        return None
    opener = lead[-1] if lead[-1].text in _SETS_OFF else doc[lead[-1].i + 1]
    if opener.text not in _SETS_OFF or any(t.text in ".!?;" or "\n" in t.text_with_ws for t in between):
        return None
    return _trimmed(lead)


def _fronted_lead(cue: Cue, content: list[Any]) -> tuple[int, int] | None:
    """"The talks, the minister said on Monday, will resume …": the parse hangs the words before
    the attribution on the cue and gives its complement as the content. They are its first part
    when the attribution is set off by commas on both sides and opens no sentence of its own."""
    tok, speaker = cue.token, cue.speaker
    if speaker is None or not speaker.i < tok.i < content[0].i:
        return None
    doc, first = tok.doc, speaker.left_edge.i
    start = tok.sent.start
    if first - start < 2 or doc[first - 1].text not in _SETS_OFF or doc[content[0].i - 1].text not in _SETS_OFF:
        return None
    if content[0].i - first > MAX_INTERRUPTION or content[0].lower_ == "that":
        return None
    lead = list(doc[start : first - 1])
    speech = load_cues().speech
    if any(t.pos_ == "VERB" and t.lemma_.lower() in speech for t in lead):
        return None  # "He said X, the minister said, Y": the first words have a sayer of their own
    return _trimmed(lead)


def _trimmed(lead: list[Any]) -> tuple[int, int] | None:
    tokens = _after_dateline(lead)
    while tokens and _loose_edge(tokens[0], _EDGE_PUNCT):
        tokens = tokens[1:]
    while tokens and _loose_edge(tokens[-1], _EDGE_PUNCT):
        tokens = tokens[:-1]
    if not tokens or not any(t.is_alpha for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
