"""tidings: political event data from raw news reports.

>>> from tidings import process_text
>>> analysis = process_text("Iran's foreign minister met Sergei Lavrov in Moscow on Wednesday.",
...                         published="2021-10-09")
"""

from __future__ import annotations

from tidings.pipeline import process
from tidings.records import Analysis, RawDocument, Rejection
from tidings.settings import Settings, load_settings
from tidings.store import open_store

__version__ = "0.1.0"


def process_text(
    text: str, published: str | None = None, ref: str = "<text>", settings: Settings | None = None
) -> Analysis | Rejection:
    """Code one report given as a string."""
    meta = {"published": published} if published else {}
    raw = RawDocument(source=ref, ref=ref, data=text.encode("utf-8"), meta=meta)
    return next(process([raw], settings or load_settings()))


__all__ = ["Analysis", "Rejection", "Settings", "load_settings", "open_store", "process", "process_text"]
