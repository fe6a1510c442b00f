"""What the server is told at start: the store, the ingestion token, CORS origins and the limits."""

from __future__ import annotations

from dataclasses import dataclass

# Pages: the default and the most rows one answer gives (the HTTP contract with the dashboard).
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
# The farthest a page may start: past the end of any store the server is meant for, and within
# DuckDB's 64-bit integers whatever is added to it.
MAX_OFFSET = 1_000_000_000
# A request body (only POST /documents has one): a few reports of the size `tidings run` accepts.
MAX_BODY = 4_000_000
# Reports in one POST /documents.
MAX_POSTED = 100
# The longest text a query parameter may carry.
MAX_PARAM = 200


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class ApiConfig:
    db: str = "tidings.duckdb"
    # Bearer token that turns ingestion (POST /documents) on; None: ingestion is off (403).
    token: str | None = None
    # Origins allowed to read the API from another site's pages; empty: no CORS headers at all.
    cors_origins: tuple[str, ...] = ()
    max_body: int = MAX_BODY
    # Host headers answered: the loopback names by default, so that a web page whose name was made
    # to point at 127.0.0.1 (DNS rebinding) cannot read the API; ("*",) answers any.
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES
    # How often (seconds) the server looks whether the store file changed, to copy it anew.
    check_every: float = 0.5
