"""Reading the store's links: event clusters and report families (written by ``tidings.link``).

A DuckDB store holds them as ``tidings run`` writes each batch; a Parquet dataset (read-only)
has them computed in memory the first time they are asked for.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from tidings.store.filters import page_sql

CLUSTER_FIELDS = [
    "cluster_id",
    "type",
    "source",
    "target",
    "date",
    "date_precision",
    "place",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_seen",
    "last_seen",
    "event_ids",
    "doc_ids",
]
FAMILY_FIELDS = ["family_id", "canonical_doc_id", "doc_ids"]
MEMBER_FIELDS = [
    "event_id",
    "doc_id",
    "doc_ref",
    "outlet",
    "sentence",
    "sentence_start",
    "trigger",
    "trigger_start",
    "date",
]


def _party(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row.get(f"{prefix}_country") is None and row.get(f"{prefix}_name") is None:
        return None
    return {
        "country": row.get(f"{prefix}_country"),
        "sector": row.get(f"{prefix}_sector"),
        "name": row.get(f"{prefix}_name"),
    }


def cluster_json(row: dict[str, Any]) -> dict[str, Any]:
    """A clusters row (with its event_ids and doc_ids) in the fixed JSON shape."""
    place = None
    if row.get("place_name") or row.get("place_country"):
        place = {
            "name": row.get("place_name"),
            "country": row.get("place_country"),
            "lat": row.get("place_lat"),
            "lon": row.get("place_lon"),
        }
    out = {k: row.get(k) for k in CLUSTER_FIELDS}
    out.update(
        source=_party(row, "source"),
        target=_party(row, "target"),
        place=place,
        event_ids=list(row.get("event_ids") or []),
        doc_ids=list(row.get("doc_ids") or []),
    )
    return out


def cluster_filters(
    actor: str | None = None,
    type_: str | None = None,
    since: date | None = None,
    until: date | None = None,
    source: str | None = None,
    target: str | None = None,
) -> tuple[list[str], list[Any]]:
    """WHERE conditions over the clusters table ``c``: dates by the days the cluster's date allows
    (``since``: it may fall on or after; ``until``: on or before)."""
    where: list[str] = ["1=1"]
    params: list[Any] = []
    if actor:
        where.append("(c.source_country = ? OR c.target_country = ?)")
        params += [actor.upper(), actor.upper()]
    if source:
        where.append("c.source_country = ?")
        params.append(source.upper())
    if target:
        where.append("c.target_country = ?")
        params.append(target.upper())
    if type_:
        where.append("c.type = ?")
        params.append(type_.upper())
    if since:
        where.append("c.date_hi >= ?")
        params.append(since)
    if until:
        where.append("c.date_lo <= ?")
        params.append(until)
    return where, params


class LinkReads:
    """Read methods of the store for clusters and families (mixed into ``Store``)."""

    path: str
    con: duckdb.DuckDBPyConnection
    _linked: bool = False
    _unlinked: list[str] | None = None  # reports stored since the last link (None: not known)

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:  # provided by Store
        raise NotImplementedError

    def _ensure_links(self) -> None:
        """A Parquet dataset has no link tables on disk: compute them in memory once."""
        if self._linked or not Path(self.path).is_dir():
            return
        from tidings.link.update import update_links

        update_links(self.con)
        self._linked = True

    def rows_added(self) -> None:
        """Rows were added other than by ``write_batch`` (a merge): the next link looks through the
        whole store for what is not linked."""
        self._unlinked = None

    def link(self, everything: bool = False) -> tuple[int, int]:
        """Bring families and clusters up to date; returns (reports signed, events clustered). The
        first link of a session looks for whatever is not linked in the store (a run killed
        before it linked its last batch); later ones link the reports stored since."""
        from tidings.link.update import update_links

        ids, self._unlinked = self._unlinked, None  # unknown until this link is committed
        counts = update_links(self.con, everything=everything, doc_ids=None if everything else ids)
        self._unlinked = []
        return counts.documents, counts.events

    def clusters(
        self,
        actor: str | None = None,
        type_: str | None = None,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        target: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Event clusters, by date (undated last), each with its events and reports."""
        self._ensure_links()
        where, params = cluster_filters(actor, type_, since, until, source, target)
        sql = f"""
            WITH c AS (SELECT * FROM clusters c WHERE {" AND ".join(where)}
                       ORDER BY c.date_lo NULLS LAST, c.cluster_id {page_sql(limit, offset)})
            SELECT c.*, list(m.event_id ORDER BY m.event_id) AS event_ids,
                   list(DISTINCT e.doc_id ORDER BY e.doc_id) AS doc_ids
            FROM c JOIN cluster_members m USING (cluster_id) JOIN events e USING (event_id)
            GROUP BY ALL ORDER BY c.date_lo NULLS LAST, c.cluster_id
        """
        return [cluster_json(r) for r in self._rows(sql, params)]

    def count_clusters(self, **filters: Any) -> int:
        """How many clusters the filters of ``clusters`` keep (for paging)."""
        self._ensure_links()
        where, params = cluster_filters(**filters)
        row = self.con.execute(f"SELECT count(*) FROM clusters c WHERE {' AND '.join(where)}", params).fetchone()
        return int(row[0]) if row else 0

    def cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """One cluster (by id or unique id prefix) with its members and their evidence."""
        self._ensure_links()
        ids = self.con.execute(
            "SELECT cluster_id FROM clusters WHERE cluster_id LIKE ? LIMIT 2", [cluster_id + "%"]
        ).fetchall()
        if len(ids) != 1:
            return None
        cid = ids[0][0]
        rows = self._rows(
            """SELECT c.*, list(m.event_id ORDER BY m.event_id) AS event_ids,
                      list(DISTINCT e.doc_id ORDER BY e.doc_id) AS doc_ids
               FROM clusters c JOIN cluster_members m USING (cluster_id) JOIN events e USING (event_id)
               WHERE c.cluster_id = ? GROUP BY ALL""",
            [cid],
        )
        if not rows:
            return None
        out = cluster_json(rows[0])
        out["members"] = self._rows(
            """SELECT e.event_id, e.doc_id, d.ref AS doc_ref, d.outlet, e.sentence, e.sentence_start, e.trigger,
                       e.trigger_start, e.date
                FROM cluster_members m JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
                WHERE m.cluster_id = ?
                ORDER BY coalesce(d.published, d.stored_at), d.ref, e.sentence_start, e.event_id""",
            [cid],
        )
        out["members"] = [{k: r[k] for k in MEMBER_FIELDS} for r in out["members"]]
        return out

    def families(
        self,
        limit: int | None = None,
        offset: int = 0,
        where_events: tuple[list[str], list[Any]] | None = None,
    ) -> list[dict[str, Any]]:
        """Report families of two or more reports (the earliest first, canonical), newest id order.
        ``where_events`` (from ``store.filters.event_filters``) keeps the families one of whose
        reports has a matching event."""
        self._ensure_links()
        cond = ""
        params: list[Any] = []
        if where_events is not None:
            where, params = where_events
            cond = (
                "AND f.family_id IN (SELECT df.family_id FROM doc_families df JOIN events e USING (doc_id) "
                f"WHERE {' AND '.join(where)})"
            )
        rows = self._rows(
            f"""SELECT f.family_id, f.canonical_doc_id,
                       list(df.doc_id ORDER BY d.published NULLS LAST, d.stored_at, df.doc_id) AS doc_ids
                FROM families f JOIN doc_families df USING (family_id) JOIN documents d ON d.doc_id = df.doc_id
                WHERE f.size > 1 {cond}
                GROUP BY ALL ORDER BY f.family_id {page_sql(limit, offset)}""",
            params,
        )
        return [{"family_id": r["family_id"], "canonical_doc_id": r["canonical_doc_id"], "doc_ids": list(r["doc_ids"])}
                for r in rows]
