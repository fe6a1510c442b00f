"""Event clusters: the same act told by many reports, merged into one record that keeps them all.

The rule (docs/clusters.md tells it with examples) is computed in DuckDB SQL over the whole
affected part of the store at once, never event by event:

1. Only events told as fact are clustered (modality ``asserted`` or ``reported``, not negated).
2. Events are candidates for one cluster when they have the same type and the same source and
   target country (an absent actor is a value of its own).
3. Dates: each event's date allows a span of days: its day (``day``, ``minute``), the report's day
   or the day before (``report``: an act told without a date of its own), its ISO week, month or
   year. An event dated to the day anchors a cluster on that day. A less precise event joins the
   day-anchored cluster whose day its span allows when there is exactly one such day; with none
   (or more than one: it cannot tell which) it is clustered with events of its own precision:
   report-dated events of the same or the next day, week-, month- or year-dated ones of the same
   period. An undated event is clustered only with events of the same report family (reprints).
4. Sectors and places: within a date anchor, events whose source sector, target sector, place
   country and place (a city, a point with coordinates) agree wherever both have one are
   compatible. Each event goes to the most specific description it is compatible with, when that
   is the only one; an event compatible with two different descriptions (two cities, two
   sectors) stays apart from both.

The cluster id is a hash of what defines the cluster (type, countries, anchor, description), so
recomputing a part of the store gives the same ids. Incremental: a cluster keeps its anchor, and
each distinct span of days (by type and dyad) the anchor it gives (``link_spans``); a new batch
recomputes the anchors of its types' and dyads' spans, then reclusters only the groups (type,
dyad, anchor) that its events fall in, that a changed anchor leaves or joins, or whose family was
merged, from their members alone.
"""

from __future__ import annotations

import duckdb

from tidings.records import SHOWN_MODALITIES

_SHOWN = ", ".join(f"'{m}'" for m in sorted(SHOWN_MODALITIES))

# How precise each kind of date is, most precise first (a cluster takes its best member's date).
PRECISION_RANK = "CASE prec WHEN 'minute' THEN 0 WHEN 'day' THEN 1 WHEN 'report' THEN 2 WHEN 'week' THEN 3 " \
    "WHEN 'month' THEN 4 WHEN 'year' THEN 5 ELSE 6 END"

# The events to cluster, with their span of days [lo, hi]. ``{scope}`` narrows them to keys.
_EVENTS = f"""
CREATE OR REPLACE TEMP TABLE lk_ev AS
WITH base AS (
    SELECT e.event_id, e.doc_id, e.type, coalesce(e.source_country, '') AS sc, e.source_sector AS ss,
           coalesce(e.target_country, '') AS tc, e.target_sector AS ts, e.date, e.date_precision AS prec,
           e.place_country AS pc, CASE WHEN e.place_lat IS NOT NULL THEN lower(e.place_name) END AS pn,
           coalesce(f.family_id, e.doc_id) AS fam,
           try_cast(left(e.date, 10) AS DATE) AS d,
           try_cast(left(e.date, 4) AS INTEGER) AS y,
           e.goldstein, e.confidence, coalesce(d.published, d.stored_at) AS seen,
           coalesce(d.outlet, CASE WHEN d.source LIKE '%://%'
               THEN split_part(split_part(d.source, '://', 2), '/', 1) END, e.doc_id) AS outlet_key
    FROM events e JOIN documents d ON d.doc_id = e.doc_id LEFT JOIN doc_families f ON f.doc_id = e.doc_id
    WHERE e.modality IN ({_SHOWN}) AND NOT e.negated {{scope}}
), spans AS (
    SELECT *,
        CASE
            WHEN prec IN ('minute', 'day') THEN d
            WHEN prec = 'report' THEN d - 1
            WHEN prec = 'week' AND y IS NOT NULL THEN
                make_date(y, 1, 4) - CAST(isodow(make_date(y, 1, 4)) - 1 AS INTEGER)
                + 7 * (try_cast(substr(date, 7, 2) AS INTEGER) - 1)
            WHEN prec = 'month' THEN try_cast(left(date, 7) || '-01' AS DATE)
            WHEN prec = 'year' AND y IS NOT NULL THEN make_date(y, 1, 1)
        END AS lo
    FROM base
)
SELECT event_id, doc_id, type, sc, ss, tc, ts, date, prec, pc, pn, fam, goldstein, confidence, seen, outlet_key,
    lo, d,
    CASE
        WHEN prec IN ('minute', 'day', 'report') THEN d
        WHEN prec = 'week' THEN lo + 6
        WHEN prec = 'month' THEN CAST(last_day(lo) AS DATE)
        WHEN prec = 'year' THEN make_date(y, 12, 31)
    END AS hi,
    prec IN ('minute', 'day') AND d IS NOT NULL AS fine
FROM spans
"""

# Each dated event's date anchor: D<day>, R<day> (a pair of report days), W/M/Y<first day>. It
# depends on the event's type, dyad, precision and span of days alone, given the other spans of
# its type and dyad; so it is computed for the distinct spans (``link_spans``) of the keys in
# ``lk_keys``, not for every event. An undated event's anchor is U<family> (``_MEMBERS``).
_ANCHORS = """
CREATE OR REPLACE TEMP TABLE lk_span_anch AS
WITH sp AS (
    SELECT s.type, s.sc, s.tc, s.prec, s.lo, s.hi, s.anchor AS old, s.prec IN ('minute', 'day') AS fine
    FROM link_spans s SEMI JOIN lk_keys k ON k.type = s.type AND k.sc = s.sc AND k.tc = s.tc
), days AS (
    SELECT DISTINCT type, sc, tc, lo AS a FROM sp WHERE fine
), attach AS (
    SELECT e.type, e.sc, e.tc, e.prec, e.lo, e.hi, count(DISTINCT a.a) AS n, min(a.a) AS a
    FROM sp e JOIN days a ON a.type = e.type AND a.sc = e.sc AND a.tc = e.tc AND a.a BETWEEN e.lo AND e.hi
    WHERE NOT e.fine
    GROUP BY ALL
), ev AS (
    SELECT e.*, CASE WHEN e.fine THEN e.lo WHEN t.n = 1 THEN t.a END AS day
    FROM sp e LEFT JOIN attach t USING (type, sc, tc, prec, lo, hi)
), report_days AS (
    SELECT DISTINCT type, sc, tc, hi AS d FROM ev WHERE day IS NULL AND prec = 'report' AND hi IS NOT NULL
), runs AS (
    SELECT *, CASE WHEN d - lag(d) OVER (PARTITION BY type, sc, tc ORDER BY d) > 1 THEN 1 ELSE 0 END AS gap
    FROM report_days
), runs2 AS (
    SELECT *, sum(gap) OVER (PARTITION BY type, sc, tc ORDER BY d ROWS UNBOUNDED PRECEDING) AS run FROM runs
), runs3 AS (
    SELECT *, min(d) OVER (PARTITION BY type, sc, tc, run) AS s FROM runs2
), pairs AS (
    SELECT type, sc, tc, d, s + CAST(2 * ((d - s) // 2) AS INTEGER) AS start FROM runs3
)
SELECT ev.type, ev.sc, ev.tc, ev.prec, ev.lo, ev.hi, ev.old,
    CASE
        WHEN ev.day IS NOT NULL THEN 'D' || strftime(ev.day, '%Y-%m-%d')
        WHEN ev.prec = 'report' THEN 'R' || strftime(p.start, '%Y-%m-%d')
        ELSE upper(left(ev.prec, 1)) || strftime(ev.lo, '%Y-%m-%d')
    END AS anchor
FROM ev LEFT JOIN pairs p ON ev.prec = 'report' AND ev.day IS NULL
    AND p.type = ev.type AND p.sc = ev.sc AND p.tc = ev.tc AND p.d = ev.hi
"""

# The members to recluster (``lk_members``: event ids) with their anchors.
_MEMBERS = """
CREATE OR REPLACE TEMP TABLE lk_anch AS
SELECT e.*, coalesce(s.anchor, 'U' || e.fam) AS anchor
FROM lk_ev e LEFT JOIN link_spans s ON e.lo IS NOT NULL AND s.type = e.type AND s.sc = e.sc AND s.tc = e.tc
    AND s.prec = e.prec AND s.lo = e.lo AND s.hi = e.hi
"""

# Within a (key, anchor) group, each event's description (sectors, place) goes to the most specific
# compatible description when that is the only one.
_CLASSES = """
CREATE OR REPLACE TEMP TABLE lk_assign AS
WITH tup AS (
    SELECT DISTINCT type, sc, tc, anchor, ss, ts, pc, pn FROM lk_anch
), covers AS (  -- u covers t: agrees wherever t has a value, and says more
    SELECT t.type, t.sc, t.tc, t.anchor, t.ss, t.ts, t.pc, t.pn,
           u.ss AS uss, u.ts AS uts, u.pc AS upc, u.pn AS upn
    FROM tup t JOIN tup u ON t.type = u.type AND t.sc = u.sc AND t.tc = u.tc AND t.anchor = u.anchor
        AND (t.ss IS NULL OR t.ss = u.ss) AND (t.ts IS NULL OR t.ts = u.ts)
        AND (t.pc IS NULL OR t.pc = u.pc) AND (t.pn IS NULL OR t.pn = u.pn)
        AND NOT (t.ss IS NOT DISTINCT FROM u.ss AND t.ts IS NOT DISTINCT FROM u.ts
                 AND t.pc IS NOT DISTINCT FROM u.pc AND t.pn IS NOT DISTINCT FROM u.pn)
), maximal AS (
    SELECT * FROM tup t WHERE NOT EXISTS (
        SELECT 1 FROM covers c WHERE c.type = t.type AND c.sc = t.sc AND c.tc = t.tc AND c.anchor = t.anchor
            AND c.ss IS NOT DISTINCT FROM t.ss AND c.ts IS NOT DISTINCT FROM t.ts
            AND c.pc IS NOT DISTINCT FROM t.pc AND c.pn IS NOT DISTINCT FROM t.pn)
), choice AS (  -- the maximal descriptions covering each non-maximal one
    SELECT c.type, c.sc, c.tc, c.anchor, c.ss, c.ts, c.pc, c.pn, count(*) AS n,
           any_value(c.uss) AS uss, any_value(c.uts) AS uts, any_value(c.upc) AS upc, any_value(c.upn) AS upn
    FROM covers c SEMI JOIN maximal m ON m.type = c.type AND m.sc = c.sc AND m.tc = c.tc AND m.anchor = c.anchor
        AND m.ss IS NOT DISTINCT FROM c.uss AND m.ts IS NOT DISTINCT FROM c.uts
        AND m.pc IS NOT DISTINCT FROM c.upc AND m.pn IS NOT DISTINCT FROM c.upn
    GROUP BY ALL
), classed AS (
    SELECT a.event_id, a.doc_id, a.type, a.sc, a.tc, a.anchor, a.prec, a.date, a.lo, a.hi,
        a.goldstein, a.confidence, a.seen, a.outlet_key, a.pn,
        CASE WHEN ch.n = 1 THEN ch.uss ELSE a.ss END AS css,
        CASE WHEN ch.n = 1 THEN ch.uts ELSE a.ts END AS cts,
        CASE WHEN ch.n = 1 THEN ch.upc ELSE a.pc END AS cpc,
        CASE WHEN ch.n = 1 THEN ch.upn ELSE a.pn END AS cpn
    FROM lk_anch a LEFT JOIN choice ch ON ch.type = a.type AND ch.sc = a.sc AND ch.tc = a.tc AND ch.anchor = a.anchor
        AND ch.ss IS NOT DISTINCT FROM a.ss AND ch.ts IS NOT DISTINCT FROM a.ts
        AND ch.pc IS NOT DISTINCT FROM a.pc AND ch.pn IS NOT DISTINCT FROM a.pn
)
SELECT *, left(md5(concat_ws('|', type, sc, tc, anchor, coalesce(css, ''), coalesce(cts, ''),
                             coalesce(cpc, ''), coalesce(cpn, ''))), 16) AS cluster_id
FROM classed
"""

# A cluster's evidence (the sentence a series or a report shows for it) is its most confident
# member's sentence, the earliest report's on a tie, then the smallest event id: one member, so that
# sentence, report and ref go together. Ordered by this key, smallest first (``arg_min``).
EVIDENCE_KEY = "(-{e}confidence, epoch({seen}), {e}event_id)"

# Each stored cluster's evidence, computed from its members (the store/006 migration's backfill).
EVIDENCE_UPDATE = f"""
UPDATE clusters c SET evidence_sentence = v.sentence, evidence_doc_id = v.doc_id, evidence_doc_ref = vd.ref
FROM (
    SELECT m.cluster_id,
           arg_min(m.event_id, {EVIDENCE_KEY.format(e="e.", seen="coalesce(d.published, d.stored_at)")}) AS event_id
    FROM cluster_members m JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
    GROUP BY m.cluster_id
) p JOIN events v USING (event_id) JOIN documents vd ON vd.doc_id = v.doc_id
WHERE c.cluster_id = p.cluster_id
"""

# One row per cluster, from its members (events joined with their reports). The cluster's date is
# its most precise member's; its names, codes and place are those of one member (the most precise,
# with the cluster's place if any has it), chosen by a string key so that the choice is the same
# on every run.
_AGGREGATE = f"""
INSERT INTO clusters
WITH m AS (
    SELECT *, {PRECISION_RANK} AS rank,
           CASE WHEN cpn IS NULL OR pn = cpn THEN 0 ELSE 1 END AS off_place
    FROM lk_assign
), agg AS (
    SELECT cluster_id, any_value(type) AS type, any_value(sc) AS sc, any_value(tc) AS tc,
           any_value(css) AS css, any_value(cts) AS cts, any_value(cpc) AS cpc,
           min(rank) AS rank,
           split_part(min(rank || '|' || coalesce(date, '') || '|' || prec), '|', 2) AS date,
           split_part(min(rank || '|' || coalesce(date, '') || '|' || prec), '|', 3) AS prec,
           split_part(min(off_place || '|' || rank || '|' || event_id), '|', 3) AS rep,
           max(lo) AS lo, min(hi) AS hi, avg(goldstein) AS goldstein,
           count(*) AS mentions, min(seen) AS first_seen, max(seen) AS last_seen,
           arg_min(event_id, {EVIDENCE_KEY.format(e="", seen="seen")}) AS evidence,
           any_value(anchor) AS anchor
    FROM m GROUP BY cluster_id
), outlets AS (  -- distinct counts in two steps: far faster than count(DISTINCT) over many groups
    SELECT cluster_id, count(*) AS sources FROM (SELECT DISTINCT cluster_id, outlet_key FROM lk_assign)
    GROUP BY cluster_id
), reports AS (
    SELECT cluster_id, count(*) AS articles FROM (SELECT DISTINCT cluster_id, doc_id FROM lk_assign)
    GROUP BY cluster_id
)
SELECT g.cluster_id, g.type,
    nullif(g.sc, ''), g.css, r.source_name,
    nullif(g.tc, ''), g.cts, r.target_name,
    CASE WHEN g.rank <= 1 THEN left(g.date, 10) ELSE nullif(g.date, '') END,
    CASE WHEN g.rank <= 1 THEN 'day' ELSE g.prec END,
    g.lo, g.hi,
    r.place_name, coalesce(g.cpc, r.place_country), r.place_lat, r.place_lon,
    g.goldstein, r.cameo, r.quad_class,
    g.mentions, o.sources, n.articles, g.first_seen, g.last_seen,
    v.sentence, v.doc_id, vd.ref, g.anchor
FROM agg g JOIN events r ON r.event_id = g.rep JOIN outlets o USING (cluster_id) JOIN reports n USING (cluster_id)
    JOIN events v ON v.event_id = g.evidence JOIN documents vd ON vd.doc_id = v.doc_id
"""


def store_evidence(con: duckdb.DuckDBPyConnection) -> None:
    """Compute every stored cluster's evidence from its members (for clusters written without it)."""
    con.execute(EVIDENCE_UPDATE)


def _new_events_sql(doc_ids: list[str] | None) -> str:
    """The events not clustered yet: of the batch's reports (``?`` = their ids), or of the store."""
    where = f"e.modality IN ({_SHOWN}) AND NOT e.negated"
    if doc_ids is None:
        return f"SELECT e.event_id FROM events e ANTI JOIN cluster_members USING (event_id) WHERE {where}"
    return (
        f"SELECT e.event_id FROM events e WHERE list_contains(?, e.doc_id) AND {where} "
        "AND e.event_id NOT IN (SELECT event_id FROM cluster_members)"
    )


def _drop(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("lk_new", "lk_ev", "lk_anch", "lk_assign", "lk_keys", "lk_span_anch", "lk_groups", "lk_members"):
        con.execute(f"DROP TABLE IF EXISTS {table}")


def link_clusters(
    con: duckdb.DuckDBPyConnection,
    everything: bool = False,
    doc_ids: list[str] | None = None,
    merged: dict[str, str] | None = None,
) -> int:
    """Cluster the events not clustered yet (of ``doc_ids`` when given: the reports a batch stored),
    reclustering only the groups (type, dyad, date anchor) they touch, or whose anchor they change;
    or, with ``everything``, the whole store. ``merged``: report families merged away -> kept (their
    undated events change anchor). Runs inside the caller's transaction; returns the number of
    events (re)clustered. A store linked before anchors were kept is reclustered whole."""
    if not everything and doc_ids is None:  # a first link: is the store from before anchors were kept?
        row = con.execute("SELECT (SELECT count(*) FROM clusters WHERE anchor IS NULL) > 0").fetchone()
        everything = bool(row and row[0])
    if everything:
        for table in ("cluster_members", "clusters", "link_spans"):
            con.execute(f"DELETE FROM {table}")
        con.execute(
            "CREATE OR REPLACE TEMP TABLE lk_new AS "
            f"SELECT event_id FROM events e WHERE e.modality IN ({_SHOWN}) AND NOT e.negated"
        )
    else:
        new_sql = _new_events_sql(doc_ids)
        con.execute(f"CREATE OR REPLACE TEMP TABLE lk_new AS {new_sql}", [] if doc_ids is None else [doc_ids])
    renamed = sorted({"U" + f for pair in (merged or {}).items() for f in pair})
    row = con.execute("SELECT count(*) FROM lk_new").fetchone()
    if not (row and row[0]) and not renamed:
        _drop(con)
        return 0
    # The new events' rows and spans; their keys' spans get their anchors anew.
    con.execute(_EVENTS.format(scope="AND e.event_id IN (SELECT event_id FROM lk_new)"))
    con.execute(
        """INSERT INTO link_spans (type, sc, tc, prec, lo, hi)
        SELECT DISTINCT n.type, n.sc, n.tc, n.prec, n.lo, n.hi FROM lk_ev n
        WHERE n.lo IS NOT NULL AND NOT EXISTS (SELECT 1 FROM link_spans s WHERE s.type = n.type AND s.sc = n.sc
            AND s.tc = n.tc AND s.prec = n.prec AND s.lo = n.lo AND s.hi = n.hi)"""
    )
    con.execute("CREATE OR REPLACE TEMP TABLE lk_keys AS SELECT DISTINCT type, sc, tc FROM lk_ev")
    con.execute(_ANCHORS)
    # The groups to recluster: the new events', the old and new groups of every span whose anchor
    # changed, and the undated groups of merged families.
    con.execute(
        """CREATE OR REPLACE TEMP TABLE lk_groups AS
        SELECT type, sc, tc, old AS anchor FROM lk_span_anch WHERE old IS DISTINCT FROM anchor AND old IS NOT NULL
        UNION SELECT type, sc, tc, anchor FROM lk_span_anch WHERE old IS DISTINCT FROM anchor
        UNION SELECT n.type, n.sc, n.tc, coalesce(a.anchor, 'U' || n.fam) FROM lk_ev n LEFT JOIN lk_span_anch a
            ON n.lo IS NOT NULL AND a.type = n.type AND a.sc = n.sc AND a.tc = n.tc AND a.prec = n.prec
            AND a.lo = n.lo AND a.hi = n.hi
        UNION SELECT type, coalesce(source_country, ''), coalesce(target_country, ''), anchor FROM clusters
            WHERE list_contains(?, anchor)""",
        [renamed],
    )
    con.execute(
        """UPDATE link_spans s SET anchor = a.anchor FROM lk_span_anch a
        WHERE a.old IS DISTINCT FROM a.anchor AND s.type = a.type AND s.sc = a.sc AND s.tc = a.tc
            AND s.prec = a.prec AND s.lo = a.lo AND s.hi = a.hi"""
    )
    stale = (
        "SELECT c.cluster_id FROM clusters c SEMI JOIN lk_groups g ON g.type = c.type "
        "AND g.sc = coalesce(c.source_country, '') AND g.tc = coalesce(c.target_country, '') AND g.anchor = c.anchor"
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE lk_members AS
        SELECT event_id FROM cluster_members WHERE cluster_id IN ({stale}) UNION SELECT event_id FROM lk_new"""
    )
    con.execute(_EVENTS.format(scope="AND e.event_id IN (SELECT event_id FROM lk_members)"))
    con.execute(_MEMBERS)
    con.execute(_CLASSES)
    con.execute(f"DELETE FROM cluster_members WHERE cluster_id IN ({stale})")
    con.execute(f"DELETE FROM clusters WHERE cluster_id IN ({stale})")
    con.execute("INSERT INTO cluster_members SELECT event_id, cluster_id FROM lk_assign")
    con.execute(_AGGREGATE)
    n = con.execute("SELECT count(*) FROM lk_assign").fetchone()
    _drop(con)
    return int(n[0]) if n else 0
