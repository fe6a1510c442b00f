"""Dyad series: what two countries did to each other over time, counted in distinct events.

Each event cluster (one act, however many reports told it) counts once, in the period (day, ISO
week or month) its date falls in; an act dated by its report alone counts on the report's day,
as GDELT dates it. A cluster whose date is less precise than the period (a month on a daily
series, a year on a monthly one) cannot be placed in one period: it is counted in ``coarse``;
an undated one in ``undated`` (with its types in ``undated_counts``).

The cooperation–conflict index of a period is the mean Goldstein score of its clusters, divided
by 10 (Goldstein runs from -10, the most hostile act, to +10, the most cooperative):

    index = (1 / (10 · n)) · Σ_c g_c

over the n clusters c of the period that have a Goldstein score g_c (a cluster's score is the mean
of its events' scores). It runs from -1 (all conflict at its worst) to +1; 0 is neutral or
balanced. Both directions count (docs/dyad.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tidings.store import Store

PERIODS = ("day", "week", "month")
TOP = 3  # clusters shown per period, most sources first


@dataclass(frozen=True, slots=True)
class TopCluster:
    cluster_id: str
    type: str
    source: str | None
    target: str | None
    date: str | None
    num_sources: int
    sentence: str
    doc_id: str
    doc_ref: str

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    start: date
    end: date
    a_to_b: dict[str, int]
    b_to_a: dict[str, int]
    index: float | None
    events: int
    top_clusters: tuple[TopCluster, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "counts": {"a_to_b": dict(self.a_to_b), "b_to_a": dict(self.b_to_a)},
            "index": self.index,
            "events": self.events,
            "top_clusters": [c.to_dict() for c in self.top_clusters],
        }


@dataclass(frozen=True, slots=True)
class DyadSeries:
    a: str
    b: str
    by: str
    periods: tuple[DyadPeriod, ...] = ()
    coarse: int = 0  # clusters dated less precisely than one period
    undated: int = 0
    types: tuple[str, ...] = field(default=())  # every type in the series, most frequent first
    undated_counts: dict[str, dict[str, int]] = field(default_factory=lambda: {"a_to_b": {}, "b_to_a": {}})

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "by": self.by,
            "periods": [p.to_dict() for p in self.periods],
            "coarse": self.coarse,
            "undated": self.undated,
            "undated_counts": {k: dict(v) for k, v in self.undated_counts.items()},
        }


def _period_sql(by: str) -> tuple[str, str]:
    day = "CASE WHEN date_precision = 'report' THEN date_hi ELSE date_lo END"
    start = f"CAST(date_trunc('{by}', {day}) AS DATE)"
    end = f"CAST({start} + INTERVAL 1 {by} - INTERVAL 1 day AS DATE)"
    return start, end


def dyad_series(
    store: Store,
    a: str,
    b: str,
    by: str = "month",
    since: date | None = None,
    until: date | None = None,
) -> DyadSeries:
    """The series of ``a`` and ``b`` (country codes) by ``by`` (day, week or month)."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    a, b = a.upper(), b.upper()
    store._ensure_links()
    start, end = _period_sql(by)
    where = ["((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))"]
    params: list[Any] = [a, b, b, a]
    if since:
        where.append("(date_hi IS NULL OR date_hi >= ?)")
        params.append(since)
    if until:
        where.append("(date_lo IS NULL OR date_lo <= ?)")
        params.append(until)
    con = store.con
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE dy_c AS
        SELECT *, {start} AS p_start, {end} AS p_end FROM clusters WHERE {" AND ".join(where)}"""
    ,
        params,
    )
    undated = _count(store, "SELECT count(*) FROM dy_c WHERE date_lo IS NULL")
    undated_counts: dict[str, dict[str, int]] = {"a_to_b": {}, "b_to_a": {}}
    for sc, typ, n in con.execute(
        "SELECT source_country, type, count(*) FROM dy_c WHERE date_lo IS NULL GROUP BY ALL ORDER BY ALL"
    ).fetchall():
        undated_counts["a_to_b" if sc == a else "b_to_a"][typ] = int(n)
    fits = "(date_precision = 'report' OR date_hi <= p_end)"
    coarse = _count(store, f"SELECT count(*) FROM dy_c WHERE date_lo IS NOT NULL AND NOT {fits}")
    placed = f"date_lo IS NOT NULL AND {fits}"
    counts: dict[date, dict[str, dict[str, int]]] = {}
    ends: dict[date, date] = {}
    for p_start, p_end, sc, typ, n in con.execute(
        f"SELECT p_start, p_end, source_country, type, count(*) FROM dy_c WHERE {placed} GROUP BY ALL"
    ).fetchall():
        ends[p_start] = p_end
        direction = "a_to_b" if sc == a else "b_to_a"
        counts.setdefault(p_start, {"a_to_b": {}, "b_to_a": {}})[direction][typ] = int(n)
    index = dict(
        con.execute(f"SELECT p_start, avg(goldstein) / 10 FROM dy_c WHERE {placed} GROUP BY p_start").fetchall()
    )
    totals = dict(con.execute(f"SELECT p_start, count(*) FROM dy_c WHERE {placed} GROUP BY p_start").fetchall())
    top: dict[date, list[TopCluster]] = {}
    for row in store._rows(
        f"""WITH ranked AS (
            SELECT *, row_number() OVER (PARTITION BY p_start
                ORDER BY num_sources DESC, num_articles DESC, num_mentions DESC, date_lo, cluster_id) AS rk
            FROM dy_c WHERE {placed}
        ), evidence AS (
            SELECT m.cluster_id,
                   arg_max(e.sentence, (e.confidence, -epoch(coalesce(d.published, d.stored_at)))) AS sentence,
                   arg_max(e.doc_id, (e.confidence, -epoch(coalesce(d.published, d.stored_at)))) AS doc_id,
                   arg_max(d.ref, (e.confidence, -epoch(coalesce(d.published, d.stored_at)))) AS doc_ref
            FROM cluster_members m JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
            WHERE m.cluster_id IN (SELECT cluster_id FROM ranked WHERE rk <= {TOP})
            GROUP BY m.cluster_id
        )
        SELECT r.p_start, r.cluster_id, r.type, r.source_country, r.target_country, r.date, r.num_sources,
               v.sentence, v.doc_id, v.doc_ref
        FROM ranked r JOIN evidence v USING (cluster_id) WHERE r.rk <= {TOP} ORDER BY r.p_start, r.rk""",
        [],
    ):
        top.setdefault(row["p_start"], []).append(
            TopCluster(
                cluster_id=row["cluster_id"],
                type=row["type"],
                source=row["source_country"],
                target=row["target_country"],
                date=row["date"],
                num_sources=int(row["num_sources"]),
                sentence=row["sentence"],
                doc_id=row["doc_id"],
                doc_ref=row["doc_ref"],
            )
        )
    types = [
        r[0]
        for r in con.execute("SELECT type FROM dy_c GROUP BY type ORDER BY count(*) DESC, type").fetchall()
    ]
    con.execute("DROP TABLE IF EXISTS dy_c")
    periods = tuple(
        DyadPeriod(
            start=s,
            end=ends[s],
            a_to_b=counts[s]["a_to_b"],
            b_to_a=counts[s]["b_to_a"],
            index=None if index.get(s) is None else round(float(index[s]), 4),
            events=int(totals[s]),
            top_clusters=tuple(top.get(s, [])),
        )
        for s in sorted(counts)
    )
    return DyadSeries(
        a=a,
        b=b,
        by=by,
        periods=periods,
        coarse=coarse,
        undated=undated,
        types=tuple(types),
        undated_counts=undated_counts,
    )


def _count(store: Store, sql: str) -> int:
    row = store.con.execute(sql).fetchone()
    return int(row[0]) if row else 0
