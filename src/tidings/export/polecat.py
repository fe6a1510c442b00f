"""Events as POLECAT-style JSON: one record per event with the fields of a PLOVER record (event type,
mode, contexts, quad code, source and target actor with country and sector, location, the event's
text and its story), plus tidings' cluster and evidence. A JSON array, written as it is read."""

from __future__ import annotations

import json
from typing import Any

from tidings.export.select import Filters, select_events
from tidings.store import Store

CODER = "tidings"


def _actor(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row[f"{prefix}_text"] is None and row[f"{prefix}_actor"] is None:
        return None
    return {
        "actor_name": row[f"{prefix}_name"],
        "actor_country": row[f"{prefix}_country"],
        "actor_sector": row[f"{prefix}_sector"],
        "actor_id": row[f"{prefix}_actor"],
        "actor_text": row[f"{prefix}_text"],
    }


def polecat_record(row: dict[str, Any], version: str) -> dict[str, Any]:
    """An exported event row as a POLECAT-style record."""
    location = None
    if row["place_name"]:
        location = {
            "placename": row["place_name"],
            "country": row["place_country"],
            "lat": row["place_lat"],
            "lon": row["place_lon"],
        }
    cluster = None
    if row["cluster_id"] is not None:
        cluster = {k: row[k] for k in ("cluster_id", "num_mentions", "num_sources", "num_articles")}
    return {
        "event_id": row["event_id"],
        "event_date": row["date"],
        "date_precision": row["date_precision"],
        "event_type": row["type"],
        "event_mode": row["mode"],
        "contexts": list(row["contexts"] or []),
        "quad_code": row["quad_class"],
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "location": location,
        "event_text": row["sentence"],
        "trigger": row["trigger"],
        "modality": row["modality"],
        "negated": row["negated"],
        "confidence": row["confidence"],
        "story": {
            "story_id": row["doc_id"],
            "ref": row["doc_ref"],
            "publication": row["outlet"],
            "story_date": None if row["published"] is None else row["published"].isoformat(),
            "headline": row["title"],
            "url": row["url"],
            "language": "en",
        },
        "cluster": cluster,
        "coder": CODER,
        "version": version,
    }


def write_polecat(store: Store, out: str, filters: Filters) -> int:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("tidings")
    except PackageNotFoundError:  # run from a source tree that is not installed
        ours = "unknown"
    n = select_events(store, filters)
    cur = store.con.execute("SELECT * FROM ex_events")
    names = [c[0] for c in cur.description]
    first = True
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("[")
        while batch := cur.fetchmany(10_000):
            for values in batch:
                record = polecat_record(dict(zip(names, values, strict=True)), ours)
                fh.write(("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False, default=str))
                first = False
        fh.write("\n]\n")
    return n
