"""Event clusters as a GDELT 2.0 event table: tab-separated, no header, GDELT's 61 columns in
GDELT's order (``data/gdelt_events.txt``), one row per distinct event (cluster), so that
NumMentions, NumSources and NumArticles count the reports that told it, as GDELT's do.

What tidings does not know stays empty (AvgTone, the actors' own places, ADM codes, feature ids;
the date columns a date less precise than the day cannot fill). Country codes are ISO 3166
alpha-3 everywhere (GDELT's geography columns use FIPS 10-4). ``extended`` adds tidings' columns
after the 61 (``EXTENDED``). docs/exports.md shows a row.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.export.select import Filters
from tidings.store import Store
from tidings.store.links import cluster_filters

EXTENDED = [
    "tidings_cluster_id",
    "plover_type",
    "date",
    "date_precision",
    "Actor1Sector",
    "Actor2Sector",
    "evidence_sentence",
    "doc_id",
]

# GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (a region).
_GEO_TYPE = {("country", False): 1, ("region", True): 2, ("city", True): 3, ("city", False): 4, ("region", False): 5}


@lru_cache(maxsize=1)
def gdelt_columns() -> list[str]:
    """GDELT 2.0's 61 event-table column names, in order."""
    text = (resources.files("tidings.export") / "data" / "gdelt_events.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _clean(value: Any) -> str:
    """A field as GDELT writes one: no tab, no line break, no double quote (readers that honour
    quoting would join fields), empty for unknown."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    return " ".join(str(value).replace('"', "'").split())


def _event_id(cluster_id: str) -> int:
    """A cluster's id as GDELT's integer id (its first 15 hex digits: 60 bits)."""
    return int(cluster_id[:15], 16)


def _dates(lo: date | None, hi: date | None, precision: str) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year, FractionDate: each filled only when the date is that precise."""
    if lo is None or hi is None:
        return "", "", "", ""
    day = lo == hi or precision in ("day", "report")
    d = hi if precision == "report" and lo != hi else lo
    sqldate = d.strftime("%Y%m%d") if day else ""
    month = d.strftime("%Y%m") if (lo.year, lo.month) == (hi.year, hi.month) else ""
    year = str(d.year) if lo.year == hi.year else ""
    fraction = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
    return sqldate, month, year, fraction


def _actor(code: str | None, sector: str | None, name: str | None) -> list[str]:
    """Actor{n}Code … Actor{n}Type3Code (10 columns)."""
    if code is None and name is None:
        return [""] * 10
    cameo = (code or "") + (sector or "" if sector != code else "")
    return [cameo, (name or "").upper(), code or "", "", "", "", "", sector or "", "", ""]


def _geo(row: dict[str, Any]) -> list[str]:
    """ActionGeo_Type … ActionGeo_FeatureID (8 columns)."""
    if not row["place_name"]:
        return [""] * 8
    country = row["place_country"]
    feature = row.get("place_feature") or ("city" if row["place_lat"] is not None else "country")
    kind = _GEO_TYPE.get((feature, country == "USA"), _GEO_TYPE.get((feature, False), ""))
    full = row["place_name"] if feature == "country" else f"{row['place_name']}, {row['country_name'] or country}"
    return [str(kind), full, country or "", "", "", _clean(row["place_lat"]), _clean(row["place_lon"]), ""]


def _stamp(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y%m%d%H%M%S")


def write_gdelt(store: Store, out: str, filters: Filters, extended: bool = False) -> int:
    """Write the clusters the filters keep; returns the number of rows."""
    store._ensure_links()
    where, params = cluster_filters(
        filters.actor, filters.type_, filters.since, filters.until, filters.source, filters.target
    )
    cur = store.con.execute(
        f"""WITH c AS (SELECT * FROM clusters c WHERE {" AND ".join(where)}),
        first AS (
            SELECT m.cluster_id,
                   arg_min(CASE WHEN d.ref LIKE '%://%' THEN d.ref ELSE d.source END,
                           (coalesce(d.published, d.stored_at), d.ref, e.sentence_start)) AS url,
                   arg_min(e.sentence, (coalesce(d.published, d.stored_at), d.ref, e.sentence_start)) AS sentence,
                   arg_min(e.doc_id, (coalesce(d.published, d.stored_at), d.ref, e.sentence_start)) AS doc_id,
                   bool_or(coalesce(e.in_title, false) OR e.sentence_start = 0) AS is_root
            FROM cluster_members m JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
            WHERE m.cluster_id IN (SELECT cluster_id FROM c)
            GROUP BY m.cluster_id
        )
        SELECT c.*, f.url, f.sentence, f.doc_id, f.is_root, a.name AS country_name
        FROM c JOIN first f USING (cluster_id)
        LEFT JOIN (SELECT country, any_value(name) AS name FROM actors WHERE kind = 'state' GROUP BY country) a
            ON a.country = c.place_country
        ORDER BY c.date_lo NULLS LAST, c.cluster_id""",
        params,
    )
    names = [col[0] for col in cur.description]
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n", escapechar=None)
        while batch := cur.fetchmany(10_000):
            for values in batch:
                writer.writerow(_row(dict(zip(names, values, strict=True)), extended))
                n += 1
    return n


def _row(r: dict[str, Any], extended: bool) -> list[str]:
    cameo = r["cameo"] or ""
    fields = [
        str(_event_id(r["cluster_id"])),
        *_dates(r["date_lo"], r["date_hi"], r["date_precision"]),
        *_actor(r["source_country"], r["source_sector"], r["source_name"]),
        *_actor(r["target_country"], r["target_sector"], r["target_name"]),
        "1" if r["is_root"] else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        "" if r["quad_class"] is None else str(r["quad_class"]),
        "" if r["goldstein"] is None else f"{r['goldstein']:.1f}",
        str(r["num_mentions"]),
        str(r["num_sources"]),
        str(r["num_articles"]),
        "",  # AvgTone: tidings scores no tone
        *[""] * 8,  # Actor1Geo_*: tidings places the act, not its actors
        *[""] * 8,  # Actor2Geo_*
        *_geo(r),
        _stamp(r["first_seen"]),
        r["url"] or "",
    ]
    if extended:
        fields += [
            r["cluster_id"],
            r["type"],
            r["date"],
            r["date_precision"],
            r["source_sector"],
            r["target_sector"],
            r["sentence"],
            r["doc_id"],
        ]
    return [_clean(f) for f in fields]
