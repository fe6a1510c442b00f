"""Who said a quotation, and who relayed it.

The attribution of a quotation is looked for in the sentences it touches, outside any quotation:
a verb of saying that governs the quotation wins over one that does not, and over a verb of
believing ("said Iran expects Russia “…”" is the sayer's quotation). When nothing there names a
speaker, the paragraph around it is asked: a lead-in ending with a colon ("Cruz said:"), a dash
signature ("― Ariana Huichapa"), or the previous paragraph's quotation that this one continues.

Relays: a cue whose subject is an outlet, next to one whose subject is not, makes the outlet the
relay ("…,” Amir Abdollahian said, Al Jazeera reported."); so do "told Reuters", "in an
interview with CNN", "Mehr quoted X as saying" and "according to Tass" when another speaker is
named. The chain is kept in order from the speaker outwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from tidings.actors.resolve import ResolvedDoc, person_pronouns
from tidings.actors.words import coref_words
from tidings.nlp import doc_text, token_starts, tokens_overlapping, tokens_with
from tidings.quotes.cues import Cue, cue_words, find_cue, load_cues, subject
from tidings.quotes.marks import QuoteSpan
from tidings.records import Role

# How strongly a cue binds a quotation, by kind and by whether it governs the quotation.
_RANK = {
    ("relay-object", True): 0,
    ("relay-object", False): 0,
    ("speech", True): 1,
    ("according", True): 1,
    ("according", False): 1,
    ("relay", True): 1,
    ("belief", True): 2,
    ("attitude", True): 2,
    ("naming", True): 2,
    ("evidence", True): 2,
    ("speech", False): 3,
    ("relay", False): 3,
}
POSSESSIVES = {"his", "her", "its", "their"}
# A name and its appositive between a closing mark and the cue: at most this many tokens.
MAX_APPOSITIVE = 14
# A quotation naming no speaker takes one from at most this many sentences before it.
MAX_SENTENCES_BACK = 2
_DASH_SIGNATURE = re.compile(r"^\s*[―—–]+\s*(\S.*)$")


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Role | None
    relays: tuple[Role, ...]
    cue: Cue | None
    governs: bool = False  # the cue's clause contains the quotation (not merely the same sentence)


def chain_up(token: Any) -> list[Any]:
    out = []
    t = token
    while t.head.i != t.i:
        t = t.head
        out.append(t)
    return out


def is_outlet(role: Role | None) -> bool:
    return role is not None and role.actor is not None and role.actor.sector == "MED"


class Attributor:
    """Cue finding and speaker look-up for one resolved document, with its quotation spans."""

    def __init__(self, resolved: ResolvedDoc, spans: list[QuoteSpan], text: str | None = None):
        self.resolved = resolved
        self.doc = resolved.doc
        self.text = text if text is not None else doc_text(self.doc)
        self.sents = list(self.doc.sents)  # computed once: each doc.sents walk visits every token
        self.starts = token_starts(self.doc)
        self.inside: set[int] = set()
        for s in spans:
            self.inside.update(tokens_overlapping(self.starts, s.open_mark, max(s.close_end, s.end + 1)))
        self.cues: dict[int, Cue] = {}
        quoted = frozenset(self.inside)
        for i in tokens_with(self.doc, cue_words()):
            if i in self.inside:
                continue
            t = self.doc[i]
            cue = find_cue(t, quoted)
            if cue is None:
                continue
            if cue.speaker is None or cue.speaker.i in self.inside:
                found = (
                    self._name_before(t) or self._appositive_before(t) or self._name_after(t) or self._participle_of(t)
                )
                cue = replace(cue, speaker=found)
            self.cues[t.i] = cue

    def _name_before(self, cue: Any) -> Any | None:
        """'“…,” Tulsa police Chief Chuck Jordan said': the name between a closing mark and its cue,
        for when the parse gives the cue no subject of its own."""
        i = cue.i - 1
        if i < 0 or self.doc[i].pos_ not in ("PROPN", "NOUN"):
            return None
        j = i
        while j > 0 and self.doc[j - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "VERB") and j - 1 not in self.inside:
            j -= 1
        return self.doc[i] if j > 0 and (j - 1) in self.inside else None

    def _name_after(self, cue: Any) -> Any | None:
        """'“…,” added another New Hampshire Democrat.': the cue right after the closing mark, its
        speaker after it, which the parse can take for the cue's object."""
        if cue.i == 0 or cue.i - 1 not in self.inside:
            return None
        found = next(
            (
                c
                for c in cue.children
                if c.i > cue.i and c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ in ("PROPN", "NOUN")
            ),
            None,
        )
        return found if found is not None else self._name_run_after(cue)

    def _name_run_after(self, cue: Any) -> Any | None:
        """'“The risk,” said Edward Leamer, an economist …, “is that …”': a name right after the
        cue, set off by a comma, which the parse can make the subject of the quotation's own verb."""
        last = None
        for t in self.doc[cue.i + 1 : cue.i + 1 + MAX_APPOSITIVE]:
            if t.i in self.inside:
                return None
            if t.pos_ == "PROPN":
                last = t
                continue
            break
        else:
            return None
        nxt = self.doc[last.i + 1] if last is not None and last.i + 1 < len(self.doc) else None
        return last if nxt is not None and nxt.text in (",", ".") else None

    def _participle_of(self, cue: Any) -> Any | None:
        """'Band member Flea shared the news, writing “…”', 'Mr. Trump hardly clarified the matter,
        asserting, “…”': a participle set off by a comma after its clause, which the parse hangs
        on the quotation (as its subject), says what the subject of the clause's verb says."""
        if cue.tag_ != "VBG" or cue.i == 0 or self.doc[cue.i - 1].text != ",":
            return None
        verbs = [
            t
            for t in cue.sent
            if t.i < cue.i - 1 and t.i not in self.inside and t.pos_ in ("VERB", "AUX") and _finite(t)
        ]
        for verb in reversed(verbs):
            found = subject(verb, frozenset(self.inside))
            if found is not None and found.i not in self.inside:
                return found
        return None

    def _appositive_before(self, cue: Any) -> Any | None:
        """'“…,” Flynn, a top Trump surrogate, said', '“…,” a detective, speaking on condition of
        anonymity, said': the name or description opening the stretch between a closing mark and
        its cue, past an appositive or a participle's aside (no finite verb in the stretch)."""
        j = cue.i - 1
        while j > 0 and j not in self.inside and cue.i - j <= MAX_APPOSITIVE and not _finite(self.doc[j]):
            j -= 1
        if j not in self.inside:
            return None
        first = self.doc[j + 1]
        while first.i < cue.i and (first.is_punct or first.pos_ in ("DET", "ADJ")):
            first = self.doc[first.i + 1]
        if first.pos_ not in ("PROPN", "NOUN") and first.lower_ not in person_pronouns():
            return None
        last = first
        while last.i + 1 < cue.i and self.doc[last.i + 1].pos_ in ("PROPN", "NOUN") and last.pos_ != "PRON":
            last = self.doc[last.i + 1]
        return last

    # -- roles -------------------------------------------------------------------------------
    def role(self, token: Any | None) -> Role | None:
        if token is None:
            return None
        found = self._single_role(token)
        joined = _joined(token)
        if found is None or joined is None:
            return found
        # "She and her aides said", "Senators Bob Corker and Lindsey Graham said": all of them
        # speak; the role's text names them all, its actor is the first one's.
        return Role(f"{found.text}{self.text[token.idx + len(token) : joined]}", found.actor)

    def _single_role(self, token: Any) -> Role:
        if token.lower_ in person_pronouns():
            # The person a pronoun points back at, passing over names inside quotations.
            people = [
                m
                for m in self.resolved.mentions
                if m.end <= token.idx and m.actor.kind == "person" and not self._quoted(m.start)
            ]
            if people:
                return Role(token.text, people[-1].actor)
        role = self.resolved.role_for(token)
        if role is not None and not (role.text.lower() in POSSESSIVES and token.lower_ not in POSSESSIVES):
            return role  # but "his ex-wife" is not the man "his" points at
        left = token.left_edge.i
        while left < token.i and self.doc[left].is_punct:
            left += 1
        return Role(self.doc[left : token.i + 1].text, None)

    def named(self, label: str) -> Role:
        """The person a transcript's label names ("PENCE"): the last one mentioned by that
        surname, or the label alone."""
        surname = label.split()[-1].lower()
        people = [
            m.actor
            for m in self.resolved.mentions
            if m.actor.kind == "person" and m.actor.name.split()[-1:] == [surname.title()]
        ]
        return Role(label, people[-1] if people else None)

    def names_actor(self, token: Any) -> bool:
        """Does the phrase headed by ``token`` name an actor (a person, a state, an office), not
        merely mention one in a modifier ("North Korea's missile launch")?"""
        if self.resolved.mention_at(token) is not None or self.resolved.antecedent(token) is not None:
            return True
        # "Turkey's ambassador": a role word of the actor lexicon, its actor in a modifier.
        return token.lemma_.lower() in self.resolved.kb.agents and self.resolved.role_for(token) is not None

    def _quoted(self, offset: int) -> bool:
        toks = tokens_overlapping(self.starts, offset, offset + 1)
        return bool(toks) and toks[0] in self.inside

    def attribution(self, cue: Cue, others: list[Cue]) -> Attribution:
        """The speaker and relay chain of ``cue``, with the other cues of the same attribution."""
        speaker = self.role(cue.speaker)
        if speaker is not None and cue.relative is not None:
            # "Donald Trump, who said …": the pronoun is the report's phrase for the speaker.
            speaker = Role(f"{speaker.text}, {cue.relative.text}", speaker.actor)
        relays: list[Role] = []
        if cue.kind == "relay" and cue.relay is not None:
            # "Mehr quoted X as saying": the object spoke, the subject relayed.
            quoted_by = self.role(cue.relay)
            if quoted_by is not None:
                relays.append(quoted_by)
        elif cue.relay is not None:
            medium = self.role(cue.relay)
            if medium is not None and (is_outlet(medium) or (medium.actor is None and _is_medium(cue.relay))):
                relays.append(medium)
        for other in others:
            if other.token.i == cue.token.i:
                continue
            other_role = self.role(other.speaker)
            if other_role is None or other_role.actor is None:
                continue
            if speaker is not None and is_outlet(speaker) and not is_outlet(other_role) and other.kind != "according":
                # "…,” X said, Al Jazeera reported": the outlet relays what another speaker said.
                relays.insert(0, speaker)
                speaker, cue = other_role, other
            elif is_outlet(other_role) and not any(r.text == other_role.text for r in relays):
                relays.append(other_role)
        if speaker is not None:
            relays = [r for r in relays if r.text != speaker.text]
        return Attribution(speaker, tuple(relays), cue)

    # -- direct quotations -------------------------------------------------------------------
    def region(self, span: QuoteSpan) -> list[Any]:
        """Tokens outside any quote in the sentences the quote touches, plus a short trailing one."""
        sents = [s for s in self.sents if s.end_char > span.open_mark and s.start_char <= span.end]
        if not sents:
            return []
        after = sents[-1].end
        if after < len(self.doc):
            nxt = self.doc[after].sent
            between = self.text[span.close_end : nxt.start_char]
            # A quotation closed by a comma ("“…,” Flynn, a top Trump surrogate, said …") goes on
            # with its attribution, however long the parse's next sentence is.
            # (Past the closing marks of a quotation inside it: "… to help,’” Rep. Jim McDermott said.")
            inner = self.text[span.start : span.end].rstrip().rstrip("'’\"”").rstrip()
            leads_on = inner.endswith(",")
            # Only a question or an exclamation ends the parse's sentence inside the quotation with
            # its attribution after it; past a full stop, a sentence opening with a cue ('“…
            # state.” She noted a planned rally …') is a new statement, not this one's attribution.
            cut = inner[-1:] in ("?", "!")
            if (len(nxt) <= 10 or leads_on or (cut and self._opens_with_cue(nxt))) and len(between) <= 3 and "\n" not in between:
                sents.append(nxt)
        # The parser sometimes runs a sentence over a paragraph break: the quotation's paragraph bounds it.
        lo = self.text.rfind("\n", 0, span.open_mark) + 1
        hi = self.text.find("\n", span.close_end)
        hi = len(self.text) if hi < 0 else hi
        return [t for s in sents for t in s if t.i not in self.inside and lo <= t.idx < hi]

    def _opens_with_cue(self, sent: Any) -> bool:
        """Does ``sent`` open with an attribution, its verb of saying the sentence's own verb
        ("“Who do they think they are?” Trump said of Apple in February, when …", "“…!”
        McDonough wrote in an email to …")? The parser ends a sentence at a question or
        exclamation mark inside the quotation, and the attribution after it, however long,
        is the quotation's."""
        for t in sent[:MAX_APPOSITIVE]:
            if t.i in self.inside:
                return False
            cue = self.cues.get(t.i)
            if cue is not None and t.dep_ == "ROOT" and cue.kind in ("speech", "relay") and cue.speaker is not None:
                return not any(c.dep_ == "ccomp" for c in t.children)
        return False

    def for_quote(self, span: QuoteSpan) -> Attribution:
        region = self.region(span)
        heads: set[int] = set()
        for i in tokens_overlapping(self.starts, span.start, span.end):
            heads.update(h.i for h in chain_up(self.doc[i]))
        ranked: list[tuple[int, int, int, Cue]] = []
        for t in region:
            cue = self.cues.get(t.i)
            if cue is None or cue.speaker is None:
                continue
            if cue.kind == "attitude" and t.i not in heads:
                continue  # "Germany wants …" near a quotation it does not govern says nothing of it
            kind = "relay-object" if cue.kind == "relay" and cue.relay is not None else cue.kind
            rank = _RANK.get((kind, t.i in heads), 4)
            dist = min(abs(t.idx - span.end), abs(t.idx - span.open_mark))
            depth = -len(chain_up(t)) if rank == 1 else 0
            ranked.append((rank, depth, dist, cue))
        if ranked:
            ranked.sort(key=lambda r: r[:3])
            found = self.attribution(ranked[0][3], [r[3] for r in ranked[1:]])
            return replace(found, governs=ranked[0][0] <= 2)
        return self._from_paragraph(span)

    def _from_paragraph(self, span: QuoteSpan) -> Attribution:
        line_start = self.text.rfind("\n", 0, span.open_mark) + 1
        line_end = self.text.find("\n", span.close_end)
        line_end = len(self.text) if line_end < 0 else line_end
        # "― Ariana Huichapa, 21, student": a dash signature after the quotation.
        sig = _DASH_SIGNATURE.match(self.text[span.close_end : line_end])
        sig_from = span.close_end
        if sig is None and self.text[span.close_end : line_end].strip() == "":
            # The signature on the line after the quotation.
            nxt_end = self.text.find("\n", line_end + 1)
            nxt_end = len(self.text) if nxt_end < 0 else nxt_end
            sig = _DASH_SIGNATURE.match(self.text[line_end:nxt_end])
            sig_from, line_end = line_end, nxt_end
        if sig:
            at = sig_from + sig.start(1)
            toks = tokens_overlapping(self.starts, at, at + 1)
            if toks:
                tok = self.doc[toks[0]]
                head = tok
                while head.head.i != head.i and head.head.i > head.i and head.head.idx < line_end:
                    head = head.head
                name = self.text[at:line_end].split(",")[0].strip()
                role = self.resolved.role_for(head) or Role(name, None)
                return Attribution(role, (), None)
        said = self._said_before(span)
        if said is not None:
            return said
        # "Cruz said:" closing the text before the quotation, in this paragraph or the one before.
        before = self.text[max(0, line_start - 400) : span.open_mark].rstrip()
        if before.endswith(":"):
            colon = max(0, line_start - 400) + len(before) - 1
            for sent in self.sents:
                if sent.start_char <= colon < sent.end_char:
                    cues = [self.cues[t.i] for t in sent if t.i in self.cues and self.cues[t.i].speaker is not None]
                    if cues:
                        return self.attribution(cues[-1], cues[:-1])
                    lead = self._lead_in(sent, colon)
                    if lead is not None:
                        return Attribution(lead, (), None)
        return Attribution(None, (), None)

    def _lead_in(self, sent: Any, colon: int) -> Role | None:
        """The speaker of a lead-in with no verb of saying, closed by a colon before a quotation:
        the subject of its verb ("Sanders made the following comment:", "Clinton's response was:",
        "Hoff's letter makes a libertarian-style case:"), or else the person it names, the one
        nearest the colon ("Reid: '…'", "A lesson from Loretta Lynch: '…'", "More from Jones:",
        "The timing doesn't surprise pollster Daron Shaw:", "Continued Stone:"). Nothing in it
        but the colon ties the words to anyone, and these are whom PolNeAR names."""
        toks = [t for t in sent if t.idx < colon]
        if not toks:
            return None
        root = sent.root
        if root.idx >= colon:
            # The parse ran the lead-in on into the quotation: its highest verb before the colon.
            verbs = [t for t in toks if t.pos_ in ("VERB", "AUX")]
            root = min(verbs, key=lambda t: len(chain_up(t))) if verbs else root
        if root.idx < colon and root.pos_ in ("VERB", "AUX"):
            subj = subject(root, frozenset(self.inside))
            if subj is not None and subj.idx < colon:
                # Someone, or someone's words ("Clinton's response"); not "The stakes are high:".
                owner = next((c for c in subj.children if c.dep_ == "poss"), None)
                if owner is not None and owner.pos_ in ("PROPN", "NOUN"):
                    return self.role(subj)
                if subj.pos_ == "PROPN" or self.names_actor(subj) or subj.lower_ in person_pronouns():
                    return self.role(subj)
        lo, hi = toks[0].idx, colon
        named = [m for m in self.resolved.mentions if lo <= m.start and m.end <= hi and m.actor.kind == "person"]
        if named:
            return Role(named[-1].text, named[-1].actor)
        if root.idx < colon and root.pos_ == "PROPN":
            return self.role(root)
        return None

    def speaker_before(self, at: int) -> Attribution | None:
        """The speaker of a quotation that names none, from the sentence before it, in its
        paragraph or the one before: the person that sentence's verb of saying names, else the
        person who is its subject ('Schoen elaborated in an editorial … . “A Sanders win …”',
        'Sanders … identified young voters' exhaustion … . “The younger people are …”'). A reader
        takes the quotation as that person's words; nothing further back is asked."""
        line_start = self.text.rfind("\n", 0, at) + 1
        para_start = self.text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start > 0 else 0
        while para_start > 0 and not self.text[para_start:line_start].strip():
            para_start = self.text.rfind("\n", 0, para_start - 1) + 1
        before = [s for s in self.sents if para_start <= s.start_char < at]
        for sent in reversed(before[-MAX_SENTENCES_BACK:]):
            toks = [t for t in sent if t.idx < at and t.i not in self.inside]
            cues = [
                c
                for c in (self.cues.get(t.i) for t in toks)
                if c is not None and c.speaker is not None and c.kind in ("speech", "according")
                and c.speaker.i not in self.inside
            ]
            if cues:
                found = self.attribution(cues[-1], cues[:-1])
                return replace(found, cue=None) if self._a_person(cues[-1].speaker) else None
            root = sent.root
            if root.idx < at and root.i not in self.inside and root.pos_ in ("VERB", "AUX"):
                subj = subject(root, frozenset(self.inside))
                if subj is not None and subj.idx < at and self._a_person(subj):
                    role = self.role(subj)
                    return Attribution(role, (), None) if role is not None else None
            if any(t.i in self.inside for t in sent if t.idx < at):
                return None  # another quotation lies between
        return None

    def _a_person(self, token: Any) -> bool:
        """Does ``token`` name a person: a pronoun of one, a person of the actor base, or a name?"""
        if token.lower_ in person_pronouns():
            return True
        role = self.resolved.role_for(token)
        if role is not None and role.actor is not None:
            return role.actor.kind == "person"
        if token.pos_ == "NOUN" and token.lemma_.lower() in coref_words().person_nouns:
            return True  # "The mayor agreed with the council.": a person by title, whoever the base says
        return bool(token.ent_type_ == "PERSON")

    def _said_before(self, span: QuoteSpan) -> Attribution | None:
        """'Dianne Bystrom agreed. “Mainstream Republicans are running out of time …”': a
        quotation opening the sentence after one whose verb of saying takes no words of its own
        ("agreed", "explained", "added") is that verb's content, in the same paragraph."""
        line_start = self.text.rfind("\n", 0, span.open_mark) + 1
        before = [s for s in self.sents if line_start <= s.start_char and s.end_char <= span.open_mark]
        if not before or self.text[before[-1].end_char : span.open_mark].strip():
            return None
        sent = before[-1]
        root = sent.root
        cue = self.cues.get(root.i)
        if cue is None or cue.speaker is None or cue.kind not in ("speech", "belief"):
            return None
        if any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "oprd") for c in root.children):
            return None  # the verb has words or an object of its own ("agreed with Smith")
        if any(t.i in self.inside for t in sent):
            return None
        return self.attribution(cue, [])

def _joined(token: Any) -> int | None:
    """Where a speaker joined by "and" to others ends ("She and her aides"), or None."""
    conj = [c for c in token.children if c.dep_ == "conj" and c.i > token.i and c.pos_ in ("PROPN", "NOUN", "PRON")]
    if not conj or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in token.children):
        return None
    last = conj[-1]
    while True:  # "Clinton, Sanders and Warren": each conjunct hangs off the one before
        more = [c for c in last.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
        if not more:
            break
        last = more[-1]
    end = last.right_edge
    return int(end.idx + len(end))


def _finite(token: Any) -> bool:
    """A verb that makes a clause of its own (not a participle: "speaking on condition of anonymity")."""
    return token.pos_ in ("VERB", "AUX") and token.tag_ not in ("VBG", "VBN")


def _is_medium(token: Any) -> bool:
    return token.lemma_.lower() in load_cues().media
