"""Inputs named by URL (``s3://bucket/crawl/``, ``gs://…``, ``file:///data/…``), listed and opened
through pyarrow's filesystems, so that an engine reads an object store as it reads a directory.

A URL names a file or a prefix (read recursively, sorted, like a directory). Credentials and
regions come from the filesystem's usual configuration (for S3: the AWS environment variables or
``~/.aws``). The readers are the local ones: only the opening differs.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from tidings.errors import InputNotFound, Reason
from tidings.records import RawDocument, Rejection
from tidings.sources.files import SKIP_SUFFIXES, kind_of, read_stream
from tidings.sources.meta import merged, pick
from tidings.sources.streams import inner_name


def is_url(item: str) -> bool:
    return "://" in item


def _filesystem(url: str) -> tuple[Any, str]:
    import pyarrow.fs as pafs

    try:
        found: tuple[Any, str] = pafs.FileSystem.from_uri(url)
        return found
    except (ValueError, OSError) as exc:
        raise InputNotFound(
            f"Cannot open {url!r}: {exc}. Check the URL and the filesystem's credentials (for S3, AWS_* variables)."
        ) from exc


def _wanted(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    suffix = "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""
    return bool(base) and not base.startswith(".") and suffix not in SKIP_SUFFIXES


def expand_url(url: str) -> Iterator[str]:
    """The files a URL names: itself, or every file under it (recursive, sorted)."""
    import pyarrow.fs as pafs

    fs, path = _filesystem(url)
    scheme = url.split("://", 1)[0]
    info = fs.get_file_info(path)
    if info.type == pafs.FileType.File:
        yield url
        return
    if info.type != pafs.FileType.Directory:
        raise InputNotFound(f"Nothing at {url!r}. Check the URL.")
    found = fs.get_file_info(pafs.FileSelector(path, recursive=True))
    for entry in sorted((e for e in found if e.is_file), key=lambda e: e.path):
        if _wanted(entry.path):
            yield f"{scheme}://{entry.path}"


def _sidecar(fs: Any, path: str) -> dict[str, str]:
    import json

    try:
        with fs.open_input_stream(path + ".meta.json") as fh:
            return pick(json.loads(fh.read()))
    except (OSError, ValueError):
        return {}


def read_url(url: str, defaults: dict[str, str], max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """The reports in the file at ``url``: the same readers as for a local file."""
    fs, path = _filesystem(url)
    kind = kind_of(inner_name(PurePosixPath(path)))
    meta = merged(_sidecar(fs, path), defaults)
    try:
        size = int(fs.get_file_info(path).size or 0) or None
        raw = io.BufferedReader(fs.open_input_file(path))
    except OSError as exc:
        yield Rejection(url, url, Reason.UNDECODABLE, f"cannot read file: {exc}")
        return
    stream: BinaryIO = raw
    if kind != "warc" and raw.peek(2)[:2] == b"\x1f\x8b":
        stream = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
    try:
        yield from read_stream(stream, url, kind, meta, max_bytes, size)
    finally:
        stream.close()
