"""Helpers of the quote tests: the quotes tidings finds in a text written for a test."""

from __future__ import annotations

from tidings import process_text
from tidings.records import Analysis, Quote


def quotes_in(text: str) -> list[Quote]:
    out = process_text(text, published="2016-05-10")
    assert isinstance(out, Analysis)
    return list(out.quotes)


def quotes_with(quotes: list[Quote], words: str) -> list[Quote]:
    return [q for q in quotes if words in q.text]
