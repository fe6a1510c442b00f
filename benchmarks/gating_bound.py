#!/usr/bin/env python3
"""How much of the parse sentence gating could save: the share of tokens in sentences that hold an
event or a quote, before and with the sentence before each (coreference), and the share a pre-pass
over words could keep (a sentence with a trigger word of the lexicon or the verb dictionary, or a
quotation mark or speech verb, and a word of an actor mention).

usage: python benchmarks/gating_bound.py [CORPUS.jsonl] [--limit N]

CORPUS defaults to ../shared/data/polnear_quotes/train.jsonl (field `text`). The sentences are the
full parse's; a real pre-pass, before the parse, cannot know them, nor which pronouns are mentions,
so its share is above the one printed. Gating saves at most the rest, times the share of the parse
in tidings' CPU time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear_quotes" / "train.jsonl"
QUOTE = re.compile("[\"“”]|``|''")
SPEECH = frozenset({"say", "tell", "add", "state", "announce", "claim", "warn", "insist"})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args()
    if not Path(args.corpus).is_file():
        sys.exit(f"corpus not found: {args.corpus}")

    import tidings.pipeline as pipeline
    from tidings.clean import clean_document
    from tidings.events import load_lexicon
    from tidings.events.verbdict import load_verbdict
    from tidings.nlp import tokens_with
    from tidings.records import Analysis, Document, RawDocument
    from tidings.settings import load_settings

    rows = []
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj.get("text"):
                rows.append(obj)
            if len(rows) >= args.limit:
                break
    raws = [RawDocument(args.corpus, str(r.get("id", n)), r["text"].encode("utf-8")) for n, r in enumerate(rows)]
    docs = [d for d in (clean_document(r, min_words=3) for r in raws) if isinstance(d, Document)]
    parsed: dict[str, Any] = {}
    parse = pipeline.parse

    def keep(texts: Any, *a: Any, **k: Any) -> Any:
        for doc in parse(texts, *a, **k):
            parsed[doc.text] = doc
            yield doc

    pipeline.parse = keep  # type: ignore[assignment]
    results = pipeline.analyze(docs, load_settings(on_error="raise"))
    lex, vd = load_lexicon(), load_verbdict()
    triggers = lex.verb_words | lex.noun_words | vd.verb_words
    total = told = told_before = kept = 0
    for result in results:
        if not isinstance(result, Analysis):
            continue
        doc = parsed[result.document.text]
        spans = [(e.sentence_start, e.sentence_start + len(e.sentence)) for e in result.events if not e.in_title]
        spans += [(q.start, q.end) for q in result.quotes]
        mentions = [(m.start, m.end) for m in result.mentions]
        hits = set(tokens_with(doc, triggers))
        sents = list(doc.sents)
        flags = [any(s < sent.end_char and e > sent.start_char for s, e in spans) for sent in sents]
        for i, sent in enumerate(sents):
            n = len(sent)
            total += n
            told += n * flags[i]
            told_before += n * (flags[i] or (i + 1 < len(flags) and flags[i + 1]))
            spoken = bool(QUOTE.search(sent.text)) or any(t.lemma_ in SPEECH for t in sent)
            trigger = any(t.i in hits for t in sent)
            actor = any(s < sent.end_char and e > sent.start_char for s, e in mentions)
            kept += n * ((trigger or spoken) and actor)
    print(f"{len(results)} reports, {total} tokens in sentences")
    print(f"  in sentences with an event or a quote: {told / total:.1%}")
    print(f"  the same, with the sentence before each: {told_before / total:.1%}")
    print(f"  kept by a word pre-pass (a trigger or speech, and a mention): {kept / total:.1%}")


if __name__ == "__main__":
    main()
