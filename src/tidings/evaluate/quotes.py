"""Quote attribution scored on PolNeAR records (content spans with their sources), side by side
with textacy's direct-quotation extractor on the same article texts.

Matching, as the project's outside scorer states it: a predicted quote matches a gold attribution
when the F1 of their word sets is at least 0.5, one to one, best pairs first. A gold content is
direct when it opens or closes with a quotation mark (after a leading "that"); a direct gold counts
as found only by a quote of kind direct or partial. Speaker: right when the predicted speaker's
words (surface text or resolved name) share a content word with the gold source span.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.nlp import load_model
from tidings.records import Analysis, RawDocument
from tidings.settings import Settings

MATCH_AT = 0.5
MARKS = "\"“”‘’«»'"
# Words too common in source spans to show that two speakers are the same.
SPEAKER_STOP = {
    "the", "a", "an", "of", "he", "she", "they", "it", "his", "her", "their", "said", "says",
    "to", "and", "in", "on", "for", "mr", "mrs", "ms",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Predicted:
    text: str
    kind: str  # direct, partial or indirect
    speaker: str  # surface text and resolved name, space-joined


@dataclass(frozen=True, slots=True)
class Gold:
    content: str
    source: str

    @property
    def direct(self) -> bool:
        body = re.sub(r"^\s*that\s+", "", self.content.strip())
        return bool(body) and (body[0] in MARKS or body[-1] in MARKS or body.rstrip(".,")[-1:] in MARKS)


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", text or "")]


def overlap(a: str, b: str) -> float:
    """F1 of the two texts' word sets."""
    sa, sb = set(_words(a)), set(_words(b))
    common = len(sa & sb)
    if not common:
        return 0.0
    p, r = common / len(sa), common / len(sb)
    return 2 * p * r / (p + r)


def _speaker_right(pred: Predicted, source: str) -> bool:
    gold = {w for w in _words(source) if w not in SPEAKER_STOP} or set(_words(source))
    return bool(gold & set(_words(pred.speaker)))


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / max(self.predicted, 1)
        r = self.tp / max(self.gold, 1)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class QuoteScore:
    articles: int = 0
    parts: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in ("all", "direct", "indirect")})
    speaker_right: int = 0
    speaker_scored: int = 0
    gave_up: int = 0  # articles the system refused (scored as finding nothing)

    def add(self, preds: list[Predicted], golds: list[Gold]) -> None:
        self.articles += 1
        pairs = sorted(
            ((overlap(p.text, g.content), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        matches: list[tuple[int, int]] = []
        for f, i, j in pairs:
            if f < MATCH_AT:
                break
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
                matches.append((i, j))
        direct_gold = {j for j, g in enumerate(golds) if g.direct}
        direct_pred = {i for i, p in enumerate(preds) if p.kind in ("direct", "partial")}
        a, d, ind = self.parts["all"], self.parts["direct"], self.parts["indirect"]
        a.tp += len(matches)
        a.predicted += len(preds)
        a.gold += len(golds)
        d.tp += sum(1 for i, j in matches if j in direct_gold and i in direct_pred)
        d.predicted += len(direct_pred)
        d.gold += len(direct_gold)
        ind.tp += sum(1 for i, j in matches if j not in direct_gold and i not in direct_pred)
        ind.predicted += len(preds) - len(direct_pred)
        ind.gold += len(golds) - len(direct_gold)
        for i, j in matches:
            if golds[j].source:  # an attribution with no source in the text is not scored for speaker
                self.speaker_scored += 1
                self.speaker_right += _speaker_right(preds[i], golds[j].source)

    def line(self, name: str) -> str:
        out = [f"{name}: articles={self.articles}"]
        for key, tally in self.parts.items():
            p, r, f = tally.prf()
            out.append(f"{key}_p={p:.3f} {key}_r={r:.3f} {key}_f1={f:.3f}")
        out.append(f"speaker_acc={self.speaker_right / max(self.speaker_scored, 1):.3f}")
        if self.gave_up:
            out.append(f"articles_refused={self.gave_up}")
        return " ".join(out)


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """PolNeAR records, one per article (the first annotator's when several annotated it)."""
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec["article"] in seen:
                continue
            seen.add(rec["article"])
            out.append(rec)
            if limit is not None and len(out) >= limit:
                break
    return out


def gold_of(rec: dict[str, Any]) -> list[Gold]:
    out = []
    for a in rec.get("attributions", []):
        content = " ".join(s["text"] for s in a.get("content", []))
        if content:
            out.append(Gold(content, " ".join(s["text"] for s in a.get("source", []))))
    return out


def _role_words(role: Any) -> str:
    if role is None:
        return ""
    return " ".join(x for x in (role.text, role.actor.name if role.actor else None) if x)


def tidings_quotes(records: list[dict[str, Any]], settings: Settings) -> Iterable[list[Predicted]]:
    """tidings' quotes for each record, through the whole pipeline (cleaning included)."""
    from tidings.pipeline import process

    raws = [
        RawDocument("polnear", r["id"], r["text"].encode("utf-8"), {"id": r["id"], "published": r["publication_date"]})
        for r in records
    ]
    for result in process(raws, settings):
        if not isinstance(result, Analysis):
            yield []
            continue
        yield [Predicted(q.text, str(q.kind), _role_words(q.speaker)) for q in result.quotes]


def textacy_quotes(records: list[dict[str, Any]], model: str) -> Iterable[list[Predicted] | None]:
    """textacy's direct quotations (``textacy.extract.triples.direct_quotations``) on the same texts."""
    from textacy.extract.triples import direct_quotations

    nlp = load_model(model)
    for doc in nlp.pipe(r["text"] for r in records):
        out: list[Predicted] | None = []
        try:
            for triple in direct_quotations(doc):
                text = triple.content.text.strip(MARKS + " ")
                speaker = " ".join(t.text for t in triple.speaker)
                out.append(Predicted(text, "direct", speaker))  # type: ignore[union-attr]
        except ValueError:
            out = None  # textacy refuses a text with an odd number of quotation marks
        yield out


def evaluate_quotes(
    gold_path: Path, settings: Settings | None = None, limit: int | None = None, with_textacy: bool = True
) -> dict[str, QuoteScore]:
    """Scores for tidings and, when textacy is installed, for textacy's extractor."""
    settings = settings or Settings()
    records = read_gold(gold_path, limit)
    systems: dict[str, Callable[[], Iterable[list[Predicted] | None]]] = {
        "tidings": lambda: tidings_quotes(records, settings)
    }
    if with_textacy and textacy_available():
        systems["textacy"] = lambda: textacy_quotes(records, settings.model)
    scores: dict[str, QuoteScore] = {}
    for name, run in systems.items():
        score = QuoteScore()
        for rec, preds in zip(records, run(), strict=True):
            if preds is None:
                score.gave_up += 1
            score.add(preds or [], gold_of(rec))
        scores[name] = score
    return scores


def textacy_available() -> bool:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return False
    return True
