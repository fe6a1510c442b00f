"""Every input a run is given, local or remote, as one ordered list of files and one stream of reports."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from tidings.records import RawDocument, Rejection
from tidings.sources.files import STDIN, expand_inputs, read_file
from tidings.sources.remote import expand_url, is_url, read_url


def input_files(inputs: Iterable[str]) -> Iterator[str]:
    """Each file to read, once, in a stable order: local paths (directories and globs expanded),
    URLs (prefixes listed) and ``-`` for standard input."""
    seen: set[str] = set()
    for item in inputs:
        names = expand_url(item) if is_url(item) else (str(p) for p in expand_inputs([item]))
        for name in names:
            key = name if name == STDIN or is_url(name) else str(Path(name).resolve())
            if key not in seen:
                seen.add(key)
                yield name


def read_input(
    name: str, defaults: dict[str, str], max_bytes: int, max_decompressed: int = 10_000_000_000
) -> Iterator[RawDocument | Rejection]:
    """The reports in one file named by ``input_files``."""
    if is_url(name):
        return read_url(name, defaults, max_bytes)
    return read_file(Path(name), defaults, max_bytes, max_decompressed)


def read_inputs(
    inputs: Iterable[str],
    defaults: dict[str, str] | None = None,
    max_bytes: int = 2_000_000,
    max_decompressed: int = 10_000_000_000,
) -> Iterator[RawDocument | Rejection]:
    """Stream raw documents (or rejections for unreadable records) from every input, one at a time."""
    for name in input_files(inputs):
        yield from read_input(name, defaults or {}, max_bytes, max_decompressed)


__all__ = ["STDIN", "input_files", "read_input", "read_inputs"]
