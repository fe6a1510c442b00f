"""Actor resolution scored on PLOVER gold records: for every gold source and target actor (its text
and CAMEO-style code), does tidings find a mention over that text with the same country, and
the same sector where the gold code gives one (``IRNGOV`` → IRN, GOV)?"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tidings.actors.resolve import resolve
from tidings.nlp import load_model


@dataclass(frozen=True, slots=True)
class ActorScore:
    actors: int
    found: int
    country: int
    with_sector: int
    sector: int

    def line(self) -> str:
        return (
            f"gold_actors={self.actors} mention_found={self.found / max(self.actors, 1):.3f} "
            f"country_agreement={self.country / max(self.actors, 1):.3f} "
            f"sector_agreement={self.sector / max(self.with_sector, 1):.3f} (of {self.with_sector} coded with a sector)"
        )


def _gold_actors(rec: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for key in ("source", "target"):
        for a in rec.get(key) or []:
            if isinstance(a, dict) and a.get("actorText") and a.get("code"):
                out.append((str(a["actorText"]), str(a["code"]).upper()))
    return out


def _locate(text: str, actor_text: str) -> tuple[int, int]:
    """Where the gold actor text lies. Coders mark a gap with ".." or "..." ("Bosnian Serbs ...
    forces"): the span then runs from the first piece to the last."""
    pieces = [p.strip() for p in re.split(r"\.{2,}", actor_text) if p.strip()]
    if not pieces:
        return (-1, -1)
    first = text.find(pieces[0])
    if first < 0:
        return (-1, -1)
    last = text.find(pieces[-1], first)
    return (first, last + len(pieces[-1])) if last >= 0 else (first, first + len(pieces[0]))


def evaluate_actors(gold_path: Path) -> ActorScore:
    records = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    nlp = load_model()
    actors = found = country = with_sector = sector = 0
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        on = date.fromisoformat(rec["date"]) if rec.get("date") else None
        res = resolve(doc, rec["id"], on)
        text = rec["text"]
        for actor_text, code in _gold_actors(rec):
            actors += 1
            span = _locate(text, actor_text)
            hits = [m for m in res.mentions if m.start < span[1] and span[0] < m.end]
            # The mention over the phrase's syntactic head first ("NATO-member Norway" is Norway,
            # "the Red Cross operating in Iraq" the Red Cross), then the one ending the phrase.
            head = doc.char_span(*span, alignment_mode="expand") if span[0] >= 0 else None
            if head is not None:
                root = head.root.idx
                hits.sort(key=lambda m: (not (m.start <= root < m.end), m.end < span[1]))
            gold_sector = code[3:6] if len(code) >= 6 else None
            if gold_sector:
                with_sector += 1
            if not hits:
                continue
            found += 1
            m = hits[0]
            # CAMEO codes an international, non-governmental or transnational armed body by its kind (IGO, NGO, IMG) in place
            # of a country; tidings gives such bodies no country and that kind as their sector.
            given = m.actor.country or (m.actor.sector if m.actor.sector in ("IGO", "NGO", "IMG") else "")
            if given == code[:3]:
                country += 1
            if gold_sector and m.actor.sector == gold_sector:
                sector += 1
    return ActorScore(actors, found, country, with_sector, sector)
