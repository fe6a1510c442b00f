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

It then prints what a pre-pass can know before the parse: the share of tokens in sentences with a
trigger, cue word or quotation mark (read off the parse's lemmas, so a lower bound for a pre-pass
that must guess them), with a word that can be a mention (a capitalised word after the first, a
pronoun, a role word of the base), and with the sentence before each; the CPU of each component of
the model on the same texts; and, from these, the most that gating the tok2vec, tagger and parser
of the other sentences could take off the ratio to a bare parse. And for the entity recogniser, the
share of tokens more than 4 tokens away from a capitalised word or a digit (its window reaches 4
tokens each side): the most it could skip, were every entity capitalised or a number.
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
    _before_the_parse(list(parsed.values()), triggers)


def _before_the_parse(docs: list[Any], triggers: frozenset[str]) -> None:
    """What a pre-pass knows without the parse, and what gating could save at most."""
    import time

    import numpy

    from tidings.actors import load_kb
    from tidings.nlp import load_model, tokens_with
    from tidings.quotes.cues import load_cues

    cues = load_cues()
    cue_words = frozenset().union(
        *(getattr(cues, f) for f in ("speech", "belief", "attitude", "evidence", "relay", "naming", "nouns"))
    )
    pronouns = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "them", "him", "us"})
    mention_words = frozenset({w.split()[-1] for w in load_kb().agents}) | pronouns
    total = told = told_mention = told_before = far = 0
    for doc in docs:
        said = set(tokens_with(doc, triggers)) | set(tokens_with(doc, cue_words))
        mentions = set(tokens_with(doc, mention_words))
        flags = []
        for sent in doc.sents:
            word = any(t.i in said for t in sent) or bool(QUOTE.search(sent.text))
            named = any(t.i in mentions or (t.i > sent.start and t.text[:1].isupper()) for t in sent)
            flags.append((len(sent), word, word and named))
        for i, (n, word, both) in enumerate(flags):
            total += n
            told += n * word
            told_mention += n * both
            told_before += n * (both or (i + 1 < len(flags) and flags[i + 1][2]))
        marked = numpy.array([t.text[:1].isupper() or any(c.isdigit() for c in t.text) for t in doc], dtype=int)
        far += int((numpy.convolve(marked, numpy.ones(9, dtype=int), "same") == 0).sum())
    print("a pre-pass before the parse (lemmas read off the parse: a lower bound):")
    print(f"  sentences with a trigger, cue word or quotation mark: {told / total:.1%}")
    print(f"  the same, with a word that can be a mention: {told_mention / total:.1%}")
    print(f"  the same, with the sentence before each: {told_before / total:.1%}")
    print(
        f"  tokens more than 4 away from a capital or a digit (all the entity recogniser could skip): {far / total:.1%}"
    )
    nlp = load_model()
    texts = [d.text for d in docs]
    cpu: dict[str, float] = {}
    at = time.process_time()
    made = [nlp.make_doc(t) for t in texts]
    cpu["tokenizer"] = time.process_time() - at
    for name, proc in nlp.pipeline:
        at = time.process_time()
        made = list(proc.pipe(made, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in made]
        cpu[name] = time.process_time() - at
    whole = sum(cpu.values())
    print("CPU of a bare parse by component: " + ", ".join(f"{k} {v / whole:.0%}" for k, v in cpu.items()))
    gated = sum(cpu.get(k, 0.0) for k in ("tok2vec", "tagger", "parser")) / whole
    print(
        f"  gating tok2vec, tagger and parser in the other sentences takes at most "
        f"{(1 - told_before / total) * gated:.3f} off the ratio to a bare parse"
    )


if __name__ == "__main__":
    main()
