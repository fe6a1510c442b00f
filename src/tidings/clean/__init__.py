"""Raw bytes → Document: decode, drop crawl debris, read title, dateline and date (pure functions)."""

from tidings.clean.document import clean_document

__all__ = ["clean_document"]
