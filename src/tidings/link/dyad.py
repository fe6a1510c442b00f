"""Dyad series: what two countries did to each other over time, counted in distinct events.

Each event cluster (one act, however many reports told it) counts once, in the period (day, ISO
week or month) its date falls in; an act dated by its report alone counts on the report's day,
as GDELT dates it. A cluster whose date is less precise than the period (a month on a daily
series, a year on a monthly one) cannot be placed in one period: it is counted in ``coarse``
(a week on a monthly series is the month of its Thursday, as ISO 8601 gives weeks to years);
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
    # A week on a monthly series counts in the month of its Thursday, as ISO 8601 gives a week to
    # the year of its Thursday ("this week" in a report of Wednesday 29 March 2023 is March's).
    week = "WHEN date_precision = 'week' THEN date_lo + 3 " if by == "month" else ""
    day = f"CASE WHEN date_precision = 'report' THEN date_hi {week}ELSE date_lo END"
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
    fits = "(date_precision = 'report' OR date_hi <= p_end" + (" OR date_precision = 'week')" if by == "month" else ")")
    # One statement over the dyad's clusters alone (each keeps its evidence, store/006): the counts
    # of each kind as lists, in one row.
    row = store.con.execute(
        f"""WITH c AS MATERIALIZED (
            SELECT cluster_id, type, source_country, target_country, date, date_precision, date_lo, date_hi,
                   goldstein, num_sources, num_articles, num_mentions, evidence_sentence, evidence_doc_id,
                   evidence_doc_ref, {start} AS p_start, {end} AS p_end
            FROM clusters WHERE {" AND ".join(where)}
        ), placed AS MATERIALIZED (SELECT * FROM c WHERE date_lo IS NOT NULL AND {fits}),
        ranked AS (
            SELECT *, row_number() OVER (PARTITION BY p_start
                ORDER BY num_sources DESC, num_articles DESC, num_mentions DESC, date_lo, cluster_id) AS rk
            FROM placed
        )
        SELECT
            (SELECT count(*) FROM c WHERE date_lo IS NULL),
            (SELECT list((source_country, type, n) ORDER BY source_country, type) FROM
                (SELECT source_country, type, count(*) AS n FROM c WHERE date_lo IS NULL GROUP BY ALL)),
            (SELECT count(*) FROM c WHERE date_lo IS NOT NULL AND NOT {fits}),
            (SELECT list((p_start, p_end, source_country, type, n)) FROM
                (SELECT p_start, p_end, source_country, type, count(*) AS n FROM placed GROUP BY ALL)),
            (SELECT list((p_start, idx, n)) FROM
                (SELECT p_start, avg(goldstein) / 10 AS idx, count(*) AS n FROM placed GROUP BY p_start)),
            (SELECT list((p_start, cluster_id, type, source_country, target_country, date, num_sources,
                          evidence_sentence, evidence_doc_id, evidence_doc_ref) ORDER BY p_start, rk)
                FROM ranked WHERE rk <= {TOP}),
            (SELECT list(type ORDER BY n DESC, type) FROM (SELECT type, count(*) AS n FROM c GROUP BY type))""",
        params,
    ).fetchone()
    assert row is not None
    undated_rows, undated_types, coarse_n, count_rows, index_rows, top_rows, type_list = row
    undated = int(undated_rows)
    coarse = int(coarse_n)
    undated_counts: dict[str, dict[str, int]] = {"a_to_b": {}, "b_to_a": {}}
    for sc, typ, n in _tuples(undated_types):
        undated_counts["a_to_b" if sc == a else "b_to_a"][typ] = int(n)
    counts: dict[date, dict[str, dict[str, int]]] = {}
    ends: dict[date, date] = {}
    for p_start, p_end, sc, typ, n in _tuples(count_rows):
        ends[p_start] = p_end
        direction = "a_to_b" if sc == a else "b_to_a"
        counts.setdefault(p_start, {"a_to_b": {}, "b_to_a": {}})[direction][typ] = int(n)
    index = {p: idx for p, idx, _ in _tuples(index_rows)}
    totals = {p: n for p, _, n in _tuples(index_rows)}
    top: dict[date, list[TopCluster]] = {}
    for p_start, cid, typ, sc, tc, day, sources, sentence, doc_id, doc_ref in _tuples(top_rows):
        top.setdefault(p_start, []).append(
            TopCluster(
                cluster_id=cid,
                type=typ,
                source=sc,
                target=tc,
                date=day,
                num_sources=int(sources),
                sentence=sentence,
                doc_id=doc_id,
                doc_ref=doc_ref,
            )
        )
    types = list(type_list or [])
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


def _tuples(rows: list[Any] | None) -> list[tuple[Any, ...]]:
    """A list of DuckDB row values (tuples, or dicts with their fields in order) as tuples; NULL (no
    rows) as none."""
    return [tuple(r.values()) if isinstance(r, dict) else tuple(r) for r in rows or []]
