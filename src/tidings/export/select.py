"""What every export reads: the filtered events, each with its report and its cluster, as one flat
relation (a temporary table in the store's connection)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tidings.store import Store
from tidings.store.filters import event_filters

# The exported event columns, in order (Parquet, CSV): the events table's, the report's, the cluster's.
EVENT_COLUMNS = [
    "event_id",
    "doc_id",
    "doc_ref",
    "outlet",
    "published",
    "url",
    "title",
    "type",
    "mode",
    "contexts",
    "cameo",
    "goldstein",
    "quad_class",
    "source_text",
    "source_actor",
    "source_name",
    "source_country",
    "source_sector",
    "target_text",
    "target_actor",
    "target_name",
    "target_country",
    "target_sector",
    "date",
    "date_precision",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "negated",
    "modality",
    "confidence",
    "rule",
    "sentence",
    "sentence_start",
    "trigger",
    "trigger_start",
    "in_title",
    "cluster_id",
    "num_mentions",
    "num_sources",
    "num_articles",
    "event_month",
]

# The month an event falls in (the Parquet partition): YYYY-MM for an event dated to the day, the
# report's day, the week (its Monday's month) or the month; 'none' for a year or no date.
EVENT_MONTH = """
CASE
    WHEN e.date_precision IN ('minute', 'day', 'report', 'month') AND try_cast(left(e.date, 7) || '-01' AS DATE) IS NOT NULL
        THEN left(e.date, 7)
    WHEN e.date_precision = 'week' AND try_cast(left(e.date, 4) AS INTEGER) IS NOT NULL
        AND try_cast(substr(e.date, 7, 2) AS INTEGER) IS NOT NULL
        THEN strftime(make_date(CAST(left(e.date, 4) AS INTEGER), 1, 4)
             - CAST(isodow(make_date(CAST(left(e.date, 4) AS INTEGER), 1, 4)) - 1 AS INTEGER)
             + 7 * (CAST(substr(e.date, 7, 2) AS INTEGER) - 1), '%Y-%m')
    ELSE 'none'
END"""

# Where a report came from, as a URL when it has one (a crawl's record), else its path or id.
URL = "CASE WHEN d.ref LIKE '%://%' THEN d.ref ELSE d.source END"


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of ``tidings events``, for every export."""

    actor: str | None = None
    type_: str | None = None
    since: date | None = None
    until: date | None = None
    source: str | None = None
    target: str | None = None
    min_confidence: float | None = None
    include_all: bool = False

    def events_where(self) -> tuple[list[str], list[Any]]:
        return event_filters(
            actor=self.actor,
            type_=self.type_,
            since=self.since,
            until=self.until,
            source=self.source,
            target=self.target,
            min_confidence=self.min_confidence,
            include_all=self.include_all,
        )


def select_events(store: Store, filters: Filters, table: str = "ex_events") -> int:
    """Make the temporary table ``table`` of the filtered events; returns its row count."""
    store._ensure_links()
    where, params = filters.events_where()
    store.con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {table} AS
        SELECT e.event_id, e.doc_id, d.ref AS doc_ref, d.outlet, d.published, {URL} AS url, d.title,
               e.type, e.mode, e.contexts, e.cameo, e.goldstein, e.quad_class,
               e.source_text, e.source_actor, e.source_name, e.source_country, e.source_sector,
               e.target_text, e.target_actor, e.target_name, e.target_country, e.target_sector,
               e.date, e.date_precision, e.place_name, e.place_country, e.place_lat, e.place_lon,
               e.negated, e.modality, e.confidence, e.rule, e.sentence, e.sentence_start, e.trigger,
               e.trigger_start, coalesce(e.in_title, false) AS in_title,
               m.cluster_id, c.num_mentions, c.num_sources, c.num_articles,
               {EVENT_MONTH} AS event_month
        FROM events e JOIN documents d USING (doc_id)
             LEFT JOIN cluster_members m USING (event_id) LEFT JOIN clusters c ON c.cluster_id = m.cluster_id
        WHERE {" AND ".join(where)}
        ORDER BY d.ref, e.trigger_start, e.event_id""",
        params,
    )
    row = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0
