"""JSONL dumps (plain or gzip): one report per line, with ``text`` or ``html`` and optional metadata."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from tidings.clean.decode import decode
from tidings.errors import Reason
from tidings.records import RawDocument, Rejection
from tidings.sources.meta import SCALARS, merged, pick
from tidings.sources.streams import ReadFailure, read_line, skip_blank


def _parse(line: bytes, n: int, max_bytes: int) -> tuple[object, str]:
    """The JSON value of a line, or None and why not. A line that is not UTF-8 (a dump written in
    Windows-1252, or mixing the two) is read as the text decoder reads a file."""
    try:
        chars = line.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, _reason, why = decode(line, max_bytes)
        if text is None:
            return None, f"line {n} is not JSON: {why}"
        chars = text
    try:
        return json.loads(chars), ""
    except ValueError as exc:
        return None, f"line {n} is not JSON: {exc}"
    except RecursionError:
        return None, f"line {n} is not JSON that can be read: nested too deeply"


def read_jsonl(
    stream: BinaryIO, source: str, defaults: dict[str, str], max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    """A document or a rejection per non-blank line; a file with none is an ``empty`` rejection."""
    given = 0
    for item in _records(stream, source, defaults, max_bytes):
        given += 1
        yield item
    if not given:
        yield Rejection(source, source, Reason.EMPTY, "no records: not one line that is not blank")


def _records(
    stream: BinaryIO, source: str, defaults: dict[str, str], max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    n = 0
    try:
        while True:
            line, size = read_line(stream, max_bytes)
            if not size:
                break
            n += 1
            ref = f"{source}:{n}"
            if size > max_bytes:
                yield Rejection(source, ref, Reason.TOO_LARGE, f"line {n}: {size} bytes, over the limit of {max_bytes}")
                continue
            if not line.strip():
                n += skip_blank(stream)
                continue
            obj, why = _parse(line, n, max_bytes)
            if why:
                yield Rejection(source, ref, Reason.BAD_RECORD, why)
                continue
            if not isinstance(obj, dict):
                yield Rejection(source, ref, Reason.BAD_RECORD, f"line {n} is not a JSON object")
                continue
            html, text = obj.get("html"), obj.get("text")
            if not isinstance(text, str) and not isinstance(html, str):
                yield Rejection(source, ref, Reason.BAD_RECORD, f"line {n} has neither a string 'text' nor 'html'")
                continue
            given = obj.get("id")
            rid = str(given) if isinstance(given, SCALARS) and not isinstance(given, bool) and given != "" else ref
            meta = merged(pick(obj), defaults)
            if isinstance(text, str):
                # errors="replace": a lone surrogate ("\ud800") is valid JSON but not text.
                yield RawDocument(source, rid, text.encode("utf-8", "replace"), meta)
            else:
                yield RawDocument(source, rid, str(html).encode("utf-8", "replace"), meta, format="html")
    except ReadFailure as exc:
        yield Rejection(source, f"{source}:{n + 1}", exc.reason, f"after line {n}: {exc.detail}")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Rejection(
            source, f"{source}:{n + 1}", Reason.TRUNCATED, f"compressed data ends early after line {n}: {exc}"
        )
