"""The store: a DuckDB file, written one transaction per batch, idempotent by content hash."""

from tidings.store.duckdb import BatchCounts, Store, open_store

__all__ = ["BatchCounts", "Store", "open_store"]
