"""WARC files (plain or gzip, which warcio reads member by member), streamed record by record:
each HTML response is one report, and a record cut short is a ``truncated`` rejection."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from tidings.errors import Reason
from tidings.records import RawDocument, Rejection
from tidings.sources.meta import merged
from tidings.sources.streams import Limited, ReadFailure


def read_warc(
    stream: BinaryIO, source: str, defaults: dict[str, str], max_bytes: int, size: int | None = None
) -> Iterator[RawDocument | Rejection]:
    """Yield the HTML responses (or the rejections of records that could not be read); an archive
    that gives neither is a rejection too, so that no input vanishes without a word."""
    given = 0
    counted = _Counted()
    for item in _responses(stream, source, defaults, max_bytes, size, counted):
        given += 1
        yield item
    if not given:
        if counted.records:
            why = f"no HTML response among its {counted.records} records"
            yield Rejection(source, source, Reason.NO_TEXT, why)
        else:
            yield Rejection(source, source, Reason.EMPTY, "no WARC records")


class _Counted:
    records = 0


def _responses(
    stream: BinaryIO,
    source: str,
    defaults: dict[str, str],
    max_bytes: int,
    size: int | None,
    counted: _Counted,
) -> Iterator[RawDocument | Rejection]:
    """Yield the HTML responses. ``size`` (the file's length, when known) lets a gzip archive whose
    last member was cut off be told from one that ended cleanly: warcio stops quietly there.
    A response body is read up to ``max_bytes`` (also when its HTTP content encoding inflates it),
    and every other record is skipped in blocks, never held whole."""
    n = 0
    at = f"{source}#1"  # the record being read, named in a rejection when reading breaks off
    records = ArchiveIterator(stream)
    try:
        for n, record in enumerate(records, 1):
            counted.records = n
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            at = ref = f"{source}#{n}:{uri}" if uri else f"{source}#{n}"
            if isinstance(stream, Limited):
                stream.lines(False)  # the body has a length: any bytes may fill it
            yield from _record(record, n, ref, source, uri, defaults, max_bytes)
            if isinstance(stream, Limited):
                stream.lines(True)  # headers again: no line may run on without end
            if getattr(record.raw_stream, "limit", 0) > 0:
                return
            at = f"{source}#{n + 1}"
    except ReadFailure as exc:
        yield Rejection(source, at, exc.reason, exc.detail)
        return
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, gzip.BadGzipFile, ValueError) as exc:
        if n == 0 and isinstance(exc, ArchiveLoadFailed):
            yield Rejection(source, at, Reason.BAD_RECORD, f"not a WARC archive: {exc}")
        else:
            yield Rejection(source, at, Reason.TRUNCATED, f"archive breaks off in record {n + 1}: {exc}")
        return
    except Exception as exc:
        # (a record cut inside its header has no URI, and warcio calls None.startswith): the
        # archive is damaged from here on; what came before stands.
        why = f"record {n + 1} is damaged ({type(exc).__name__}: {exc})"
        yield Rejection(source, at, Reason.TRUNCATED if n else Reason.BAD_RECORD, why)
        return
    offset = getattr(records, "offset", None)
    if size is not None and isinstance(offset, int) and offset < size:
        yield Rejection(
            source,
            f"{source}#{n + 1}",
            Reason.TRUNCATED,
            f"archive breaks off after record {n}: {size - offset} bytes unread",
        )


def _record(
    record: ArcWarcRecord, n: int, ref: str, source: str, uri: str, defaults: dict[str, str], max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    """An HTML response as a document; a record cut short, or too large, as a rejection."""
    http = record.http_headers
    ctype = (http.get_header("Content-Type") or "") if http is not None else ""
    wanted = (
        record.rec_type == "response"
        and "html" in ctype.lower()
        and (http is None or http.get_statuscode() in ("200", "203"))
    )
    length = _length(record.rec_headers.get_header("Content-Length"))
    if wanted and length > max_bytes:
        _skip(record)
        yield Rejection(source, ref, Reason.TOO_LARGE, f"record of {length} bytes, over {max_bytes}")
        return
    body = record.content_stream().read(max_bytes + 1) if wanted else b""
    _skip(record)
    if getattr(record.raw_stream, "limit", 0) > 0:
        yield Rejection(source, ref, Reason.TRUNCATED, f"record {n} stops {record.raw_stream.limit} bytes short")
    elif len(body) > max_bytes:
        yield Rejection(source, ref, Reason.TOO_LARGE, f"record {n} decodes to over {max_bytes} bytes")
    elif wanted:
        yield RawDocument(source, ref, body, merged({"url": uri} if uri else {}, defaults), format="html")


def _length(header: str | None) -> int:
    try:
        return max(0, int(header or 0))
    except ValueError:
        return 0


def _skip(record: ArcWarcRecord) -> None:
    """Read the rest of a record in blocks (warcio would otherwise read it whole)."""
    while record.raw_stream.read(1 << 16):
        pass
