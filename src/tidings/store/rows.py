"""Stored rows → the fixed JSON shape of events and quotes (field names are a public contract)."""

from __future__ import annotations

import json
from typing import Any

EVENT_FIELDS = [
    "event_id",
    "doc_id",
    "doc_ref",
    "type",
    "mode",
    "contexts",
    "cameo",
    "goldstein",
    "quad_class",
    "source",
    "target",
    "date",
    "date_precision",
    "place",
    "negated",
    "modality",
    "confidence",
    "rule",
    "sentence",
    "trigger",
    "in_title",
]
QUOTE_FIELDS = [
    "quote_id",
    "doc_id",
    "doc_ref",
    "text",
    "kind",
    "speaker",
    "relay",
    "relays",
    "cue",
    "start",
    "end",
    "parts",
    "event_ids",
    "in_title",
]


def _actor(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row.get(f"{prefix}_text") is None and row.get(f"{prefix}_actor") is None:
        return None
    return {
        "text": row.get(f"{prefix}_text"),
        "actor_id": row.get(f"{prefix}_actor"),
        "name": row.get(f"{prefix}_name"),
        "country": row.get(f"{prefix}_country"),
        "sector": row.get(f"{prefix}_sector"),
    }


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    place = None
    if row.get("place_name"):
        place = {
            "name": row["place_name"],
            "country": row["place_country"],
            "lat": row["place_lat"],
            "lon": row["place_lon"],
        }
    out = {k: row.get(k) for k in EVENT_FIELDS}
    out.update(
        contexts=list(row.get("contexts") or []),
        source=_actor(row, "source"),
        target=_actor(row, "target"),
        place=place,
        in_title=bool(row.get("in_title")),
    )
    return out


def quote_json(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row.get(k) for k in QUOTE_FIELDS}
    out.update(
        speaker=_actor(row, "speaker"),
        relay=_actor(row, "relay"),
        start=row["start_char"],
        end=row["end_char"],
        relays=_json_list(row.get("relays")),
        parts=_json_list(row.get("parts")),
        event_ids=_json_list(row.get("event_ids")),
        in_title=bool(row.get("in_title")),
    )
    return out


def _json_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(json.loads(value)) if isinstance(value, str) else list(value)


def flat(obj: dict[str, Any]) -> dict[str, Any]:
    """A nested JSON row flattened for tables and CSV: source.country → source_country."""
    out: dict[str, Any] = {}
    for k, v in obj.items():
        if isinstance(v, dict):
            for kk, vv in v.items():
                out[f"{k}_{kk}"] = vv
        elif isinstance(v, list):
            out[k] = ";".join(map(str, v))
        else:
            out[k] = v
    return out
