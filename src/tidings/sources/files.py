"""Find input files and yield one RawDocument per report (a JSONL line is one report)."""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from tidings.errors import InputNotFound, Reason
from tidings.records import RawDocument, Rejection

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# Files that sit beside reports but are not reports (the seeds' gold file, sidecars).
SKIP_SUFFIXES = {".yaml", ".yml", ".py", ".json", ".duckdb", ".wal", ".tmp"}


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path]:
    """Files, directories (recursive, sorted) and globs, each path once, in a stable order."""
    seen: set[Path] = set()
    for item in inputs:
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


def _read_jsonl(path: Path) -> Iterator[RawDocument | Rejection]:
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            ref = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield Rejection(str(path), ref, Reason.BAD_RECORD, f"line {n} is not JSON: {exc}")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield Rejection(str(path), ref, Reason.BAD_RECORD, f"line {n} has no string field 'text'")
                continue
            meta = {k: str(obj[k]) for k in ("title", "published", "outlet", "url") if obj.get(k)}
            rid = str(obj["id"]) if obj.get("id") is not None else ref
            yield RawDocument(source=str(path), ref=rid, data=obj["text"].encode("utf-8"), meta=meta)


def read_inputs(inputs: Iterable[str]) -> Iterator[RawDocument | Rejection]:
    """Stream raw documents (or rejections for unreadable records) from every input, one at a time."""
    for path in expand_inputs(inputs):
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path)
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Rejection(str(path), str(path), Reason.UNDECODABLE, f"cannot read file: {exc}")
            continue
        yield RawDocument(source=str(path), ref=str(path), data=data)
