"""Main text and metadata from a saved HTML page: trafilatura, with htmldate for a missing date."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import htmldate
import trafilatura

# trafilatura and htmldate log every page they find hard at WARNING; a batch of thousands of
# pages would bury the run's own messages, so their loggers only speak on errors.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str  # the article body, one paragraph per line
    title: str | None
    date: str | None  # ISO date as found on the page (trafilatura, then htmldate)
    author: str | None
    sitename: str | None
    url: str | None


def extract_html(html: str, url: str | None = None) -> HtmlPage:
    """The article body and its metadata; ``text`` is empty when the page holds no article."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
    )
    if doc is None:
        return HtmlPage("", None, None, None, None, url)
    text = (getattr(doc, "text", None) or "").strip()
    date = getattr(doc, "date", None)
    if not date:
        try:
            date = htmldate.find_date(html, url=url, extensive_search=False, original_date=True)
        except (ValueError, TypeError):  # htmldate gives up on pages it cannot parse
            date = None
    return HtmlPage(
        text=text,
        title=getattr(doc, "title", None) or None,
        date=date or None,
        author=getattr(doc, "author", None) or None,
        sitename=getattr(doc, "sitename", None) or None,
        url=url or getattr(doc, "url", None) or None,
    )
