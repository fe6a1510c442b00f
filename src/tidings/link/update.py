"""Bring a store's links up to date: families for the reports not signed yet, then clusters for the
events not clustered yet; one transaction, so a run killed midway leaves the links as they were and
the next update finishes them."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from tidings.errors import StoreError
from tidings.link.clusters import link_clusters
from tidings.link.families import link_families


@dataclass(frozen=True, slots=True)
class LinkCounts:
    documents: int  # reports signed and put into families
    events: int  # events (re)clustered


def update_links(
    con: duckdb.DuckDBPyConnection, everything: bool = False, doc_ids: list[str] | None = None
) -> LinkCounts:
    """Link what is not linked yet: the reports ``doc_ids`` (those a batch stored) when given, else
    whatever in the store is not linked (``everything``: recluster every event; families stay)."""
    try:
        con.execute("BEGIN")
        families = link_families(con, doc_ids)
        events = link_clusters(con, everything=everything, doc_ids=doc_ids, merged=families.merged)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"Linking reports and events failed and was rolled back: {exc}") from exc
    return LinkCounts(families.signed, events)
