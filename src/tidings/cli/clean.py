"""``tidings clean INPUT... --out DIR``: ingest and cleaning only, for corpus builders.

Each report's cleaned body goes to ``DIR/<input stem>.txt`` (a record of a JSONL or WARC file is
named by its id or position); with ``--format jsonl`` the text, metadata and dropped lines go to
standard output instead. Rejections are listed on standard error, by reason.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from tidings.clean import clean_document
from tidings.cli.options import OUTLET, PUBLISHED, batch_defaults
from tidings.records import Document, Rejection
from tidings.settings import load_settings
from tidings.sources import read_inputs


def output_stem(doc: Document) -> str:
    """``page.html`` → ``page``; ``dump.jsonl`` record ``a1`` → ``a1``; glued part ``f.txt#2`` → ``f-2``."""
    if doc.ref == doc.source:
        name = Path(doc.source).name
        for suffix in (".gz", ".html", ".htm", ".xhtml", ".txt", ".md", ".text"):
            if name.lower().endswith(suffix):
                name = name[: -len(suffix)]
        return name or "stdin"
    if doc.ref.startswith(doc.source + "#"):
        return f"{output_stem(Document(doc.doc_id, doc.source, doc.source, ''))}-{doc.ref[len(doc.source) + 1 :]}"
    return re.sub(r"[^\w.-]+", "_", doc.ref).strip("_")[:120] or doc.doc_id


def as_json(doc: Document) -> dict[str, object]:
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "ref": doc.ref,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "precision": str(doc.precision),
        "dateline_place": doc.dateline_place,
        "outlet": doc.outlet,
        "language": doc.language,
        "text": doc.text,
        "dropped": [{"text": s.text, "reason": s.reason} for s in doc.dropped],
    }


def clean_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Directory for the cleaned <stem>.txt files.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="txt (files in --out) or jsonl (to stdout).")] = "txt",
    published: str | None = PUBLISHED,
    outlet: str | None = OUTLET,
    max_bytes: Annotated[int | None, typer.Option(help="Reject documents larger than this.")] = None,
    english_only: Annotated[
        bool, typer.Option("--english-only", help="Reject reports not in English, as `tidings run` does.")
    ] = False,
) -> None:
    """Clean reports without coding them: the body text, its metadata and the lines dropped."""
    if fmt not in ("txt", "jsonl"):
        raise typer.BadParameter("use txt or jsonl", param_hint="--format")
    if fmt == "txt" and out is None:
        raise typer.BadParameter("give --out DIR for the cleaned files, or --format jsonl for stdout")
    settings = load_settings(max_bytes=max_bytes)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    written = 0
    rejected: Counter[str] = Counter()
    for raw in read_inputs(inputs, batch_defaults(published, outlet), settings.max_bytes, settings.max_decompressed):
        result = raw if isinstance(raw, Rejection) else clean_document(raw, settings.max_bytes, english_only)
        if isinstance(result, Rejection):
            rejected[str(result.reason)] += 1
            print(f"rejected {result.ref}: {result.reason}: {result.detail}", file=sys.stderr)
            continue
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(as_json(result), ensure_ascii=False) + "\n")
        else:
            assert out is not None
            (out / f"{output_stem(result)}.txt").write_text(result.text + "\n", encoding="utf-8")
        written += 1
    reasons = ", ".join(f"{k}: {v}" for k, v in sorted(rejected.items()))
    print(f"cleaned: {written}", file=sys.stderr)
    print(f"rejected: {sum(rejected.values())}" + (f" ({reasons})" if reasons else ""), file=sys.stderr)
    if written == 0:
        raise typer.Exit(1)
