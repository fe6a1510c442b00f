"""JSONL dumps (plain or gzip): one report per line, with ``text`` or ``html`` and optional metadata."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from tidings.errors import Reason
from tidings.records import RawDocument, Rejection
from tidings.sources.meta import merged, pick


def read_jsonl(
    stream: BinaryIO, source: str, defaults: dict[str, str], max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    n = 0
    try:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            ref = f"{source}:{n}"
            if len(line) > max_bytes:
                yield Rejection(source, ref, Reason.TOO_LARGE, f"line {n}: over the limit of {max_bytes} bytes")
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield Rejection(source, ref, Reason.BAD_RECORD, f"line {n} is not JSON: {exc}")
                continue
            if not isinstance(obj, dict):
                yield Rejection(source, ref, Reason.BAD_RECORD, f"line {n} is not a JSON object")
                continue
            html, text = obj.get("html"), obj.get("text")
            if not isinstance(text, str) and not isinstance(html, str):
                yield Rejection(source, ref, Reason.BAD_RECORD, f"line {n} has neither a string 'text' nor 'html'")
                continue
            rid = str(obj["id"]) if obj.get("id") not in (None, "") else ref
            meta = merged(pick(obj), defaults)
            if isinstance(text, str):
                yield RawDocument(source, rid, text.encode("utf-8"), meta)
            else:
                yield RawDocument(source, rid, str(html).encode("utf-8"), meta, format="html")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Rejection(
            source, f"{source}:{n + 1}", Reason.TRUNCATED, f"compressed data ends early after line {n}: {exc}"
        )
