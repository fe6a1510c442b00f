"""The actor network of a period: countries (and CAMEO's IGO/NGO/IMG codes) as nodes, a directed
edge from source to target weighted by the distinct events between them (event clusters: one act
however many reports told it, as the dyad series counts them), with the cooperation-conflict index
of the dyad series: the clusters' mean Goldstein score / 10, from -1 (conflict) to +1."""

from __future__ import annotations

from datetime import date
from typing import Any

from tidings.store import Store

# The most edges one answer gives (the heaviest): a readable network, and a bounded answer.
MAX_EDGES = 500


def network(store: Store, since: date | None, until: date | None, min_events: int = 1) -> dict[str, Any]:
    where = ["source_country IS NOT NULL", "target_country IS NOT NULL", "source_country <> target_country"]
    params: list[Any] = []
    if since is not None:  # as the dyad series and /clusters read a cluster's date: the days it allows
        where.append("date_hi >= ?")
        params.append(since)
    if until is not None:
        where.append("date_lo <= ?")
        params.append(until)
    params += [min_events, MAX_EDGES]
    rows = store.con.execute(
        "SELECT source_country, target_country, count(*) AS n, avg(goldstein) / 10 AS idx FROM clusters WHERE "
        + " AND ".join(where)
        + " GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY n DESC, 1, 2 LIMIT ?",
        params,
    ).fetchall()
    edges = [
        {"source": s, "target": t, "events": int(n), "index": None if idx is None else round(float(idx), 4)}
        for s, t, n, idx in rows
    ]
    totals: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            totals[end] = totals.get(end, 0) + e["events"]
    nodes = [{"id": k, "events": v} for k, v in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}
