"""The actor network of a period: countries (and CAMEO's IGO/NGO/IMG codes) as nodes, an edge from
source to target weighted by the events between them, with the mean Goldstein score scaled to
-1 (conflict) … +1 (cooperation) as its index."""

from __future__ import annotations

from datetime import date
from typing import Any

from tidings.records import SHOWN_MODALITIES
from tidings.store import Store

# The most edges one answer gives (the heaviest): a readable network, and a bounded answer.
MAX_EDGES = 500


def network(store: Store, since: date | None, until: date | None, min_events: int = 1) -> dict[str, Any]:
    shown = sorted(SHOWN_MODALITIES)
    where = [
        "source_country IS NOT NULL",
        "target_country IS NOT NULL",
        "source_country <> target_country",
        "NOT negated",
        f"modality IN ({', '.join('?' for _ in shown)})",
    ]
    params: list[Any] = list(shown)
    if since is not None:
        where.append("date >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("date <= ?")
        params.append(until.isoformat() + "\uffff")  # a day's events, whatever follows the date
    params += [min_events, MAX_EDGES]
    rows = store.con.execute(
        "SELECT source_country, target_country, count(*) AS n, avg(goldstein) / 10 AS idx FROM events WHERE "
        + " AND ".join(where)
        + " GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY n DESC, 1, 2 LIMIT ?",
        params,
    ).fetchall()
    edges = [
        {"source": s, "target": t, "events": int(n), "index": None if idx is None else round(float(idx), 3)}
        for s, t, n, idx in rows
    ]
    totals: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            totals[end] = totals.get(end, 0) + e["events"]
    nodes = [{"id": k, "events": v} for k, v in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}
