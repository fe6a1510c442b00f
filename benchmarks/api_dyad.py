#!/usr/bin/env python3
"""The API's dyad query over a large synthetic store: median latency of GET /dyads/{a}/{b}.

usage: python benchmarks/api_dyad.py [--events 1000000] [--db FILE] [--repeat 20] [--keep]

Builds (or reuses, with --db FILE that exists) a synthetic DuckDB store of about --events events in
clusters of 1 to 4 reports' events, one document per ten events, 40 countries with a skewed share of
events (some dyads are dense, most sparse), PLOVER types with their Goldstein scores, dates over ten
years. Then starts `tidings serve` on 127.0.0.1 at a free port over it and asks for the series of
the densest dyads (by month, week and day; the whole range, and one year), --repeat times each,
printing the median and p90 latency over HTTP and, for comparison, of `dyad_series` called in
process. The target (issue 14): median under 200 ms at 1M events. A store built before each
cluster kept its evidence (migration 006) is migrated when it is opened; the time it takes is printed.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
COUNTRIES = [
    "IRN", "RUS", "USA", "CHN", "ISR", "UKR", "TUR", "SAU", "IND", "PAK", "GBR", "FRA", "DEU", "JPN",
    "KOR", "PRK", "SYR", "IRQ", "AFG", "EGY", "ARM", "AZE", "BRA", "MEX", "NGA", "ETH", "ZAF", "IDN",
    "PHL", "VNM", "ITA", "ESP", "POL", "BLR", "GEO", "KAZ", "QAT", "ARE", "LBN", "YEM",
]  # fmt: skip
# (type, CAMEO root, Goldstein, QuadClass): one code per PLOVER type, enough for counts and the index.
TYPES = [
    ("CONSULT", "040", 1.0, 1), ("AGREE", "057", 8.0, 1), ("SUPPORT", "051", 3.4, 1),
    ("COOPERATE", "060", 6.0, 2), ("AID", "070", 7.0, 2), ("REQUEST", "020", -0.1, 1),
    ("ACCUSE", "112", -2.0, 3), ("REJECT", "120", -4.0, 3), ("THREATEN", "130", -4.4, 3),
    ("PROTEST", "140", -6.5, 3), ("SANCTION", "163", -8.0, 3), ("MOBILIZE", "150", -7.2, 4),
    ("COERCE", "170", -7.0, 4), ("ASSAULT", "180", -9.0, 4), ("RETREAT", "080", 5.0, 2),
]  # fmt: skip


def build(db: str, events: int) -> None:
    """The synthetic store: clusters first, then each cluster's events, their documents and members."""
    from tidings.link.clusters import store_evidence
    from tidings.store import Store

    n_clusters = int(events / 1.9) + 1  # 1 to 4 events a cluster, 1.93 on average; cut at ``events``
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    types = "[" + ", ".join(f"'{t}'" for t, *_ in TYPES) + "]"
    cameo = "[" + ", ".join(f"'{c}'" for _, c, _, _ in TYPES) + "]"
    gold = "[" + ", ".join(str(g) for _, _, g, _ in TYPES) + "]"
    quad = "[" + ", ".join(str(q) for *_, q in TYPES) + "]"
    started = time.perf_counter()
    with Store(db) as store:
        con = store.con
        con.execute("SELECT setseed(0.42)")
        con.execute(
            f"""CREATE TEMP TABLE syn AS
            SELECT i, 'c' || lpad(CAST(i AS VARCHAR), 9, '0') AS cluster_id,
                   CAST(1 + floor(40 * pow(random(), 2)) AS INTEGER) AS s,
                   CAST(1 + floor(40 * pow(random(), 2)) AS INTEGER) AS t0,
                   CAST(1 + floor(15 * random()) AS INTEGER) AS ty,
                   DATE '2015-01-01' + CAST(floor(3650 * random()) AS INTEGER) AS day,
                   CAST(1 + floor(4 * pow(random(), 2)) AS INTEGER) AS members
            FROM range({n_clusters}) r(i)"""
        )
        # a target different from the source
        con.execute("UPDATE syn SET t0 = CASE WHEN t0 = s THEN (s % 40) + 1 ELSE t0 END")
        con.execute(
            """CREATE TEMP TABLE syn_e AS
            SELECT syn.*, k, 'e' || lpad(CAST(i AS VARCHAR), 9, '0') || '-' || CAST(k AS VARCHAR) AS event_id
            FROM syn, range(members) m(k)"""
        )
        con.execute(
            f"""CREATE TEMP TABLE syn_n AS SELECT * FROM (
                SELECT *, row_number() OVER (ORDER BY i, k) - 1 AS n FROM syn_e) WHERE n < {events}"""
        )
        # the clusters that kept events, with as many members as they kept
        con.execute(
            "CREATE TEMP TABLE syn_k AS SELECT syn.* REPLACE (kept AS members) FROM syn "
            "JOIN (SELECT i, count(*) AS kept FROM syn_n GROUP BY i) USING (i)"
        )
        con.execute(
            """INSERT INTO documents BY NAME
            SELECT 'd' || lpad(CAST(n // 10 AS VARCHAR), 19, '0') AS doc_id, 'synthetic/' || CAST(n // 10 AS VARCHAR)
                   AS ref, 'synthetic' AS source, 'A synthetic report' AS title, min(day) AS published,
                   'day' AS date_precision, 'Outlet ' || CAST((n // 10) % 50 AS VARCHAR) AS outlet, 'en' AS language,
                   'A synthetic report of ten events.' AS text, '[]' AS dropped
            FROM syn_n GROUP BY n // 10"""
        )
        con.execute(
            f"""INSERT INTO events BY NAME
            SELECT event_id, 'd' || lpad(CAST(n // 10 AS VARCHAR), 19, '0') AS doc_id, {types}[ty] AS type,
                   [] AS contexts, {cameo}[ty] AS cameo, {gold}[ty] AS goldstein, {quad}[ty] AS quad_class,
                   {countries}[s] AS source_text, {countries}[s] AS source_actor, {countries}[s] AS source_name,
                   {countries}[s] AS source_country, 'GOV' AS source_sector,
                   {countries}[t0] AS target_text, {countries}[t0] AS target_actor, {countries}[t0] AS target_name,
                   {countries}[t0] AS target_country, 'GOV' AS target_sector,
                   strftime(day, '%Y-%m-%d') AS date, 'day' AS date_precision, false AS negated,
                   'asserted' AS modality, 0.7 AS confidence, 'synthetic' AS rule,
                   'A synthetic sentence.' AS sentence, 0 AS sentence_start, 'synthetic' AS trigger,
                   2 AS trigger_start
            FROM syn_n"""
        )
        con.execute(
            f"""INSERT INTO clusters BY NAME
            SELECT cluster_id, {types}[ty] AS type, {countries}[s] AS source_country, 'GOV' AS source_sector,
                   {countries}[s] AS source_name, {countries}[t0] AS target_country, 'GOV' AS target_sector,
                   {countries}[t0] AS target_name, strftime(day, '%Y-%m-%d') AS date, 'day' AS date_precision,
                   day AS date_lo, day AS date_hi, {gold}[ty] AS goldstein, {cameo}[ty] AS cameo,
                   {quad}[ty] AS quad_class, members AS num_mentions, members AS num_sources,
                   members AS num_articles, CAST(day AS TIMESTAMP) AS first_seen, CAST(day AS TIMESTAMP) AS last_seen
            FROM syn_k"""
        )
        con.execute("INSERT INTO cluster_members BY NAME SELECT event_id, cluster_id FROM syn_n")
        store_evidence(con)  # what linking writes with each cluster
        con.execute("DROP TABLE syn_k")
        con.execute("DROP TABLE syn_n")
        con.execute("DROP TABLE syn_e")
        con.execute("DROP TABLE syn")
        con.execute("CHECKPOINT")
        counts = store.counts()
        clusters = int(con.execute("SELECT count(*) FROM clusters").fetchone()[0])  # type: ignore[index]
    print(
        f"built {db}: {counts['events']} events, {clusters} clusters, {counts['documents']} documents "
        f"in {time.perf_counter() - started:.1f} s ({os.path.getsize(db) / 1e6:.0f} MB)"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _dense_dyads(db: str, n: int) -> list[tuple[str, str, int]]:
    import duckdb

    con = duckdb.connect(db, read_only=True)
    try:
        rows = con.execute(
            "SELECT least(source_country, target_country), greatest(source_country, target_country), count(*) "
            "FROM events GROUP BY ALL ORDER BY 3 DESC LIMIT ?",
            [n],
        ).fetchall()
    finally:
        con.close()
    return [(a, b, int(c)) for a, b, c in rows]


def _stats(ms: list[float]) -> str:
    ordered = sorted(ms)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return f"median {statistics.median(ms):.1f} ms  p90 {p90:.1f} ms  (n={len(ms)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", help="The synthetic store (built here when the file does not exist).")
    parser.add_argument("--repeat", type=int, default=20, help="Requests per query shape.")
    parser.add_argument("--keep", action="store_true", help="Keep the store built in a temporary folder.")
    args = parser.parse_args()
    tmp = "" if args.db else tempfile.mkdtemp(prefix="tidings-dyad-bench-")
    db = args.db or os.path.join(tmp, "synthetic.duckdb")
    if not os.path.exists(db):
        build(db, args.events)
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (figures are wall-clock)")
    dyads = _dense_dyads(db, 3)
    print("densest dyads: " + ", ".join(f"{a}-{b} ({n} events)" for a, b, n in dyads))
    queries = []
    for a, b, _ in dyads:
        for by in ("month", "week", "day"):
            queries.append((f"/dyads/{a}/{b}", {"by": by}))
        queries.append((f"/dyads/{a}/{b}", {"by": "week", "since": "2020-01-01", "until": "2020-12-31"}))

    # In process: the query function itself, on a read-only-by-convention connection.
    from tidings.link.dyad import dyad_series
    from tidings.store import Store

    inproc: list[float] = []
    cpu: list[float] = []
    t0 = time.perf_counter()
    with Store(db) as store:
        print(f"store opened (and migrated if it was older) in {time.perf_counter() - t0:.1f} s")
        for path, params in queries:
            _, _, a, b = path.split("/")
            for _ in range(max(3, args.repeat // 4)):
                t0, c0 = time.perf_counter(), time.process_time()
                dyad_series(store, a, b, by=params["by"], since=None, until=None)
                inproc.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
    print(f"dyad_series in process: {_stats(inproc)}; CPU time (all threads) {_stats(cpu)}")

    port = _free_port()
    base = f"http://{HOST}:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    server = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli", "serve", "--host", HOST, "--port", str(port), "--db", db], env=env
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(base + "/network", timeout=60).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("tidings serve did not start")
            time.sleep(0.5)
        per_shape: dict[str, list[float]] = {}
        every: list[float] = []
        cached: list[float] = []
        with httpx.Client(base_url=base, timeout=60) as client:
            for path, params in queries:
                for i in range(args.repeat):
                    # a parameter the API ignores makes each question new to the server's answer cache
                    t0 = time.perf_counter()
                    r = client.get(path, params={**params, "bench": str(i)})
                    elapsed = (time.perf_counter() - t0) * 1000
                    assert r.status_code == 200, (path, params, r.status_code, r.text[:200])
                    assert "x-tidings-cache" not in r.headers
                    every.append(elapsed)
                    key = params["by"] + (" one year" if "since" in params else "")
                    per_shape.setdefault(key, []).append(elapsed)
                t0 = time.perf_counter()
                r = client.get(path, params={**params, "bench": "0"})
                assert r.headers.get("x-tidings-cache") == "hit"
                cached.append((time.perf_counter() - t0) * 1000)
        for key, ms in per_shape.items():
            print(f"GET /dyads by {key}: {_stats(ms)}")
        print(f"GET /dyads over HTTP, not cached, all shapes: {_stats(every)}  target: median < 200 ms")
        print(f"GET /dyads over HTTP, the same question again (answer cache): {_stats(cached)}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep and not args.db:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
        elif not args.db:
            print(f"kept {db}")


if __name__ == "__main__":
    main()
