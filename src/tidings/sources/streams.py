"""Open an input as a byte stream: plain or gzip, a file or standard input, with a size cap."""

from __future__ import annotations

import gzip
import sys
import zlib
from pathlib import Path, PurePath
from typing import BinaryIO

from tidings.errors import Reason


class ReadFailure(Exception):
    """The bytes could not be read whole: carries the rejection reason and detail."""

    def __init__(self, reason: Reason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def inner_name(path: PurePath) -> str:
    """The name that says what a file holds: ``a.jsonl.gz`` → ``a.jsonl``."""
    return path.name[:-3] if path.name.lower().endswith(".gz") else path.name


def open_stream(path: Path | None) -> BinaryIO:
    """A binary stream over the file (decompressed when gzip) or standard input for None."""
    if path is None:
        return sys.stdin.buffer
    if is_gzip(path):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_capped(stream: BinaryIO, max_bytes: int, what: str) -> bytes:
    """Read a whole document, refusing more than ``max_bytes`` and naming a truncated gzip stream."""
    try:
        data = stream.read(max_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ReadFailure(Reason.TRUNCATED, f"{what}: compressed data ends early or is corrupt ({exc})") from exc
    if len(data) > max_bytes:
        raise ReadFailure(Reason.TOO_LARGE, f"{what}: over the limit of {max_bytes} bytes (raise --max-bytes)")
    return data
