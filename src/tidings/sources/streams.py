"""Open an input as a byte stream: plain or gzip, a file or standard input, with size caps.

Memory stays bounded whatever the input: a document is read up to ``max_bytes``, a line up to
``max_bytes`` (the rest of a longer one is skipped in blocks, never held), and a gzip stream gives
at most ``max_decompressed`` bytes before reading stops (a decompression bomb).
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from pathlib import Path, PurePath
from typing import BinaryIO, cast

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


class Limited(io.RawIOBase):
    """A raw stream over ``inner`` that stops with a ``too-large`` ReadFailure once it has given more
    than ``limit`` bytes, or (with ``max_line``) a stretch of more than ``max_line`` bytes without
    a line break, which no WARC header or news text has (a bomb of zeros has nothing else)."""

    def __init__(self, inner: BinaryIO, limit: int, what: str, max_line: int = 0) -> None:
        self.inner, self.limit, self.what, self.max_line = inner, limit, what, max_line
        self.total = 0
        self.run = 0  # bytes since the last line break
        self.checking = True

    def readable(self) -> bool:
        return True

    def lines(self, on: bool) -> None:
        """Turn the line cap on (where a reader reads lines) or off (inside a record's body of
        known length, where a long stretch without a line break is an image, not a bomb)."""
        self.checking = on
        self.run = 0

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            # read1: one read of the stream below, so a gzip file gives one member at most.
            data = self.inner.read1(len(buffer)) if hasattr(self.inner, "read1") else self.inner.read(len(buffer))
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            # Not an EOFError any more: warcio takes that for the archive's clean end.
            raise ReadFailure(
                Reason.TRUNCATED, f"{self.what}: compressed data ends early or is corrupt ({exc})"
            ) from exc
        n = len(data)
        self.total += n
        if self.total > self.limit:
            raise ReadFailure(
                Reason.TOO_LARGE,
                f"{self.what}: decompresses to over {self.limit} bytes (max_decompressed); reading stopped there",
            )
        if self.max_line and self.checking:
            nl = data.rfind(b"\n")
            self.run = self.run + n if nl < 0 else n - nl - 1
            if self.run > self.max_line:
                raise ReadFailure(
                    Reason.TOO_LARGE, f"{self.what}: over {self.max_line} bytes without a line break; reading stopped"
                )
        buffer[:n] = data
        return n

    def close(self) -> None:
        self.inner.close()
        super().close()


def limited(inner: BinaryIO, limit: int, what: str, max_line: int = 0, buffered: bool = True) -> BinaryIO:
    """``inner`` read through the caps of ``Limited``; buffered, ``readline`` and ``peek`` work.
    Unbuffered, a read returns what one read of ``inner`` gave: a gzip stream gives one member
    at most, so the records before a corrupt member are all read before its error is raised."""
    raw = Limited(inner, limit, what, max_line)
    return cast(BinaryIO, io.BufferedReader(raw, 1 << 16) if buffered else raw)


def open_stream(path: Path | None, max_decompressed: int = 10_000_000_000) -> BinaryIO:
    """A binary stream over the file (decompressed when gzip, up to ``max_decompressed`` bytes)
    or standard input for None."""
    if path is None:
        return sys.stdin.buffer
    if is_gzip(path):
        return limited(cast(BinaryIO, gzip.open(path, "rb")), max_decompressed, str(path))
    return path.open("rb")


def skip_blank(stream: BinaryIO) -> int:
    """Skip the blank lines at the stream's position in blocks (a dump of nothing but line breaks
    is read at the speed of the disk, not a line at a time); return how many line breaks."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return 0
    breaks = 0
    while True:
        buffered = peek(1 << 16)
        if not buffered:
            return breaks
        rest = buffered.lstrip(b" \t\r\n")
        blank = buffered[: len(buffered) - len(rest)]
        blank = blank[: blank.rfind(b"\n") + 1]  # up to the last whole blank line
        if not blank:
            return breaks
        stream.read(len(blank))
        breaks += blank.count(b"\n")


def read_line(stream: BinaryIO, max_bytes: int) -> tuple[bytes, int]:
    """The next line and its length. A line over ``max_bytes`` is read no further than that: the
    rest is skipped in blocks, and the line comes back empty with its full length."""
    line = stream.readline(max_bytes + 1)
    if len(line) <= max_bytes or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    while block := stream.readline(1 << 20):
        size += len(block)
        if block.endswith(b"\n"):
            break
    return b"", size


def read_capped(stream: BinaryIO, max_bytes: int, what: str) -> bytes:
    """Read a whole document, refusing more than ``max_bytes`` and naming a truncated gzip stream."""
    try:
        data = stream.read(max_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ReadFailure(Reason.TRUNCATED, f"{what}: compressed data ends early or is corrupt ({exc})") from exc
    if len(data) > max_bytes:
        raise ReadFailure(Reason.TOO_LARGE, f"{what}: over the limit of {max_bytes} bytes (raise --max-bytes)")
    return data
