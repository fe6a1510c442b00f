#!/usr/bin/env python3
"""Direct-quote errors on the ``tune`` part of PolNeAR, gold against predicted, for reading.

usage: python benchmarks/quote_errors.py WORK [--all]

WORK is the folder ``quote_figures.py --keep WORK`` wrote (``all.quotes.jsonl`` and the
``{dev,train}.tune.jsonl`` gold parts). Only tune documents are read: the held part is for
measuring. Matching is the outside scorer's (word-overlap F1 >= 0.5, one-to-one, greedy).
Prints, per document: MISS (a gold direct quote with no direct match; the best prediction near
it), SPUR (a predicted direct or partial quote matching no gold direct one), SPK (a matched
direct pair whose speaker does not share a word with the gold source), and a count per kind.
With ``--all``, indirect gold contents are listed as well.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from event_figures import EVAL

sys.path.insert(0, str(EVAL))
import score_quotes as sq  # type: ignore[import-not-found]


def _short(text: str, n: int = 160) -> str:
    text = re.sub(r"\s+", " ", text or "")
    return text if len(text) <= n else text[: n // 2] + " … " + text[-n // 2 :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--all", action="store_true", help="list indirect contents too")
    args = parser.parse_args()
    pred: dict[str, list[dict]] = defaultdict(list)
    for line in (args.work / "all.quotes.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            pred[str(q.get("doc_ref"))].append(q)
    counts: Counter[str] = Counter()
    for part in ("dev.tune.jsonl", "train.tune.jsonl"):
        for line in (args.work / part).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            golds = []
            for a in r["attributions"]:
                content = " ".join(s["text"] for s in a.get("content", []))
                if content:
                    golds.append((content, " ".join(s["text"] for s in a.get("source", []))))
            preds = pred.get(r["id"], [])
            pairs = sorted(
                ((sq.overlap_f1(p.get("text"), g[0]), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)),
                reverse=True,
            )
            used_p: set[int] = set()
            used_g: set[int] = set()
            match: dict[int, int] = {}
            for f, i, j in pairs:
                if f < 0.5:
                    break
                if i in used_p or j in used_g:
                    continue
                used_p.add(i)
                used_g.add(j)
                match[j] = i
            gd = {j for j, g in enumerate(golds) if sq.is_direct(g[0])}
            pdx = {i for i, p in enumerate(preds) if p.get("kind") in ("direct", "partial")}
            lines = []
            for j, (content, source) in enumerate(golds):
                if j not in gd and not args.all:
                    continue
                tag = "" if j in gd else "(ind) "
                i = match.get(j)
                if i is None or (j in gd and i not in pdx):
                    best = max(((sq.overlap_f1(p.get("text"), content), k) for k, p in enumerate(preds)), default=(0.0, -1))
                    near = preds[best[1]] if best[1] >= 0 else None
                    kind = "MISS" if i is None else "KIND"
                    counts[kind] += 1
                    lines.append(f"  {kind} {tag}gold [{_short(source, 40)}] {_short(content)}")
                    if near is not None and best[0] > 0.1:
                        got = "matched-to-other" if best[1] in used_p and best[1] != i else ""
                        lines.append(
                            f"       best {best[0]:.2f} {near.get('kind')} {got} [{_short((near.get('speaker') or {}).get('text') or '', 40)}] {_short(near.get('text'))}"
                        )
                elif source and not sq.speaker_ok(preds[i], source):
                    counts["SPK"] += 1
                    sp = preds[i].get("speaker") or {}
                    lines.append(f"  SPK  {tag}gold [{_short(source, 50)}] pred [{sp.get('text')} | {sp.get('name')}] {_short(content, 100)}")
            inv = {i: j for j, i in match.items()}
            for i in sorted(pdx, key=lambda k: preds[k].get("start") or 0):
                j = inv.get(i)
                if j is None or j not in gd:
                    counts["SPUR"] += 1
                    why = "unmatched" if j is None else "gold-indirect"
                    sp = preds[i].get("speaker") or {}
                    lines.append(f"  SPUR {why} {preds[i].get('kind')} [{_short(sp.get('text') or '', 40)}] {_short(preds[i].get('text'))}")
                    if j is not None:
                        lines.append(f"       gold [{_short(golds[j][1], 40)}] {_short(golds[j][0])}")
            if lines:
                print(f"== {r['id']}")
                print("\n".join(lines))
    print("counts:", dict(counts))


if __name__ == "__main__":
    main()
