"""Find the inputs and yield one RawDocument per report, streaming: a file, a JSONL line, a WARC record.

Inputs are files, directories (recursive), globs and ``-`` for standard input. A file's kind comes
from its name (``.warc``, ``.jsonl``, ``.html``/``.htm``, anything else is text), looking through a
``.gz`` suffix; gzip data is decompressed as it is read. Metadata comes from the record itself,
then a ``NAME.meta.json`` sidecar, then the batch's defaults (``--published``, ``--outlet``).
"""

from __future__ import annotations

import glob
import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from tidings.clean.decode import decode
from tidings.clean.split import split_reports
from tidings.errors import InputNotFound, Reason
from tidings.records import RawDocument, Rejection
from tidings.sources.jsonl import read_jsonl
from tidings.sources.meta import merged, sidecar
from tidings.sources.streams import ReadFailure, inner_name, is_gzip, limited, open_stream, read_capped
from tidings.sources.warc import read_warc

STDIN = "-"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Files that sit beside reports but are not reports (the seeds' gold file, sidecars, stores).
SKIP_SUFFIXES = {".yaml", ".yml", ".py", ".json", ".duckdb", ".wal", ".tmp", ".lock"}


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path]:
    """Files, directories (recursive, sorted) and globs, each path once, in a stable order.
    ``-`` (standard input) is yielded as ``Path("-")``."""
    seen: set[Path] = set()
    for item in inputs:
        if item == STDIN:
            yield Path(STDIN)
            continue
        path = Path(item)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            candidates = [path]
        else:
            matched = sorted(Path(p) for p in glob.glob(item, recursive=True))
            if not matched:
                raise InputNotFound(f"No file, directory or glob match for {item!r}. Check the path.")
            candidates = [p for m in matched for p in (sorted(m.rglob("*")) if m.is_dir() else [m])]
        for p in candidates:
            if p.is_file() and p.suffix.lower() not in SKIP_SUFFIXES and not p.name.startswith("."):
                resolved = p.resolve()
                if resolved not in seen:
                    seen.add(resolved)
                    yield p


def kind_of(name: str) -> str:
    lower = name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


def _text_reports(source: str, data: bytes, meta: dict[str, str], max_bytes: int) -> Iterator[RawDocument]:
    """One report, or several when a text file holds reports glued one after another."""
    text, _reason, _detail = decode(data, max_bytes)
    parts = split_reports(text) if text is not None else []
    if len(parts) < 2:
        yield RawDocument(source, source, data, meta)
        return
    for k, part in enumerate(parts, 1):
        yield RawDocument(source, f"{source}#{k}", part.encode("utf-8"), meta)


def _open_warc(path: Path, max_bytes: int, max_decompressed: int) -> tuple[BinaryIO, int | None]:
    """The archive decompressed here (not by warcio, so that its size is capped), with no line
    longer than ``max_bytes``; and its size on disk when it is not compressed."""
    if is_gzip(path):
        stream = cast(BinaryIO, gzip.open(path, "rb"))  # noqa: SIM115 (closed by the caller)
        return limited(stream, max_decompressed, str(path), max_bytes, buffered=False), None
    size = path.stat().st_size
    return limited(path.open("rb"), size + 1, str(path), max_bytes, buffered=False), size


def read_file(
    path: Path, defaults: dict[str, str], max_bytes: int, max_decompressed: int = 10_000_000_000
) -> Iterator[RawDocument | Rejection]:
    stdin = str(path) == STDIN
    source = "<stdin>" if stdin else str(path)
    meta = defaults if stdin else merged(sidecar(path), defaults)
    kind = "text" if stdin else kind_of(inner_name(path))
    size: int | None = None
    try:
        if kind == "warc":
            stream, size = _open_warc(path, max_bytes, max_decompressed)
        else:
            stream = open_stream(None if stdin else path, max_decompressed)
    except OSError as exc:
        yield Rejection(source, source, Reason.UNDECODABLE, f"cannot read file: {exc}")
        return
    try:
        if stdin:
            head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
            kind = "jsonl" if head.lstrip().startswith(b"{") else "text"
        # A WARC's size on disk tells a truncated archive; a compressed one's does not (``_open_warc``).
        yield from read_stream(stream, source, kind, meta, max_bytes, size)
    finally:
        if not stdin:
            stream.close()


def read_stream(
    stream: BinaryIO, source: str, kind: str, meta: dict[str, str], max_bytes: int, size: int | None
) -> Iterator[RawDocument | Rejection]:
    """The reports in one open input of a known kind (``jsonl``, ``warc``, ``html`` or ``text``);
    a WARC stream is the file's raw bytes, any other is already decompressed."""
    try:
        if kind == "jsonl":
            yield from read_jsonl(stream, source, meta, max_bytes)
        elif kind == "warc":
            yield from read_warc(stream, source, meta, max_bytes, size)
        else:
            data = read_capped(stream, max_bytes, source)
            if kind == "html":
                yield RawDocument(source, source, data, meta, format="html")
            else:
                yield from _text_reports(source, data, meta, max_bytes)
    except ReadFailure as exc:
        yield Rejection(source, source, exc.reason, exc.detail)
    except OSError as exc:
        yield Rejection(source, source, Reason.UNDECODABLE, f"cannot read: {exc}")
    except Exception as exc:  # one unreadable file must not end the whole run
        yield Rejection(source, source, Reason.STAGE_ERROR, f"{type(exc).__name__}: {exc}", "read")

