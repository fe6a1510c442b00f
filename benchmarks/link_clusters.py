#!/usr/bin/env python3
"""Speed of event clustering: synthetic events clustered into a store that already holds clusters.

usage: python benchmarks/link_clusters.py [--existing 200000] [--new 1000000] [--db PATH]

Makes ``--existing`` synthetic events (with their reports) and clusters them, then adds ``--new``
more and clusters those into the store, incrementally, as ``tidings run`` does after a batch.
The events are made in DuckDB (random types, dyads among 40 countries, sectors, places, dates over
three years with a realistic mix of precisions). Prints the seconds each step takes and the
events per second; also the time to sign reports for the families (MinHash), per report.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time

from tidings.link.clusters import link_clusters
from tidings.link.families import signature
from tidings.store import Store

TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE"]
COUNTRIES = ["USA", "CHN", "RUS", "IRN", "ISR", "PSE", "UKR", "TUR", "SAU", "IND", "PAK", "AFG", "IRQ", "SYR",
             "LBN", "EGY", "FRA", "DEU", "GBR", "JPN", "KOR", "PRK", "AZE", "ARM", "NGA", "ETH", "SDN", "YEM",
             "QAT", "ARE", "BRA", "MEX", "VEN", "COL", "IGO", "NGO", "POL", "ITA", "ESP", "CAN"]
CITIES = [("Moscow", "RUS", 55.76, 37.62), ("Beijing", "CHN", 39.9, 116.41), ("Tehran", "IRN", 35.69, 51.39),
          ("Kyiv", "UKR", 50.45, 30.52), ("Washington", "USA", 38.9, -77.04), ("Gaza", "PSE", 31.5, 34.47),
          ("Ankara", "TUR", 39.93, 32.86), ("Riyadh", "SAU", 24.69, 46.72), ("New Delhi", "IND", 28.61, 77.21),
          ("Paris", "FRA", 48.86, 2.35)]


def _list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def make_events(store: Store, n: int, start: int, seed: int) -> None:
    """``n`` synthetic events numbered from ``start``, four to a report, with their reports."""
    con = store.con
    con.execute(f"SELECT setseed({(seed % 1000) / 1000})")
    cities = "[" + ", ".join(f"{{'n': '{c}', 'c': '{k}', 'lat': {a}, 'lon': {o}}}" for c, k, a, o in CITIES) + "]"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE syn AS
        SELECT i, {_list(TYPES)}[1 + CAST(floor(random() * {len(TYPES)}) AS INTEGER)] AS type,
               {_list(COUNTRIES)}[1 + CAST(floor(random() * {len(COUNTRIES)}) AS INTEGER)] AS sc,
               {_list(COUNTRIES)}[1 + CAST(floor(random() * {len(COUNTRIES)}) AS INTEGER)] AS tc,
               ['GOV', 'MIL', NULL, NULL][1 + CAST(floor(random() * 4) AS INTEGER)] AS ss,
               ['GOV', 'MIL', NULL, NULL][1 + CAST(floor(random() * 4) AS INTEGER)] AS ts,
               DATE '2021-01-01' + CAST(floor(random() * 1095) AS INTEGER) AS d,
               random() AS p, random() AS q,
               {cities}[1 + CAST(floor(random() * {len(CITIES) * 2}) AS INTEGER)] AS place
        FROM range({start}, {start + n}) t(i)"""
    )
    con.execute("BEGIN")
    con.execute(
        """INSERT INTO documents (doc_id, ref, source, title, published, date_precision, dateline_place, outlet,
                                  language, text, dropped)
        SELECT 'doc' || (i // 4), 'syn/' || (i // 4), 'syn/' || (i // 4), NULL, any_value(d) + 1, 'day', NULL,
               'outlet' || ((i // 4) % 300), 'en', 'synthetic report ' || (i // 4), '[]'
        FROM syn GROUP BY i // 4 ON CONFLICT DO NOTHING"""
    )
    con.execute(
        """INSERT INTO events
        SELECT 'ev' || i, 'doc' || (i // 4), type, NULL, [], '040', 1.0, 1,
               sc, sc, sc, sc, ss, tc, tc, tc, tc, ts,
               CASE WHEN p < 0.60 THEN strftime(d, '%Y-%m-%d')
                    WHEN p < 0.85 THEN strftime(d, '%Y-%m-%d')
                    WHEN p < 0.90 THEN strftime(d, '%G-W%V')
                    WHEN p < 0.95 THEN strftime(d, '%Y-%m')
                    WHEN p < 0.97 THEN strftime(d, '%Y') END,
               CASE WHEN p < 0.60 THEN 'day' WHEN p < 0.85 THEN 'report' WHEN p < 0.90 THEN 'week'
                    WHEN p < 0.95 THEN 'month' WHEN p < 0.97 THEN 'year' ELSE 'unknown' END,
               place.n, place.c, place.lat, place.lon,
               q < 0.03, CASE WHEN q < 0.9 THEN 'asserted' ELSE 'reported' END, 0.8, 'synthetic',
               'A synthetic sentence.', 0, 'met', 0, false
        FROM syn"""
    )
    con.execute("COMMIT")


def _cpu() -> float:
    """CPU seconds of this process, every DuckDB thread included (on a shared machine the wall time
    also counts the time other processes held the cores)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--existing", type=int, default=200_000, help="events already clustered in the store")
    ap.add_argument("--new", type=int, default=1_000_000, help="events to cluster into it")
    ap.add_argument("--db", help="store file to use (default: a temporary one)")
    ap.add_argument("--sign", type=int, default=1000, help="reports to sign with MinHash, for the per-report time")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    path = args.db or os.path.join(tmp, "bench.duckdb")
    with Store(path) as store:
        t = time.perf_counter()
        make_events(store, args.existing, 0, 1)
        made = time.perf_counter() - t
        t = time.perf_counter()
        store.con.execute("BEGIN")
        first = link_clusters(store.con)
        store.con.execute("COMMIT")
        existing_s = time.perf_counter() - t
        make_events(store, args.new, args.existing, 2)
        t, cpu = time.perf_counter(), _cpu()
        store.con.execute("BEGIN")
        clustered = link_clusters(store.con)
        store.con.execute("COMMIT")
        new_s, new_cpu = time.perf_counter() - t, _cpu() - cpu
        row = store.con.execute("SELECT count(*), sum(num_mentions), max(num_mentions) FROM clusters").fetchone()
        assert row is not None
    print(f"synthetic events made: {args.existing + args.new} in {made:.1f} s (existing part)")
    print(f"existing store: {first} events clustered in {existing_s:.2f} s")
    print(
        f"new events: {args.new} added; {clustered} events (re)clustered into the store in {new_s:.2f} s "
        f"({clustered / new_s:,.0f} events/s); CPU time {new_cpu:.2f} s on {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(f"clusters: {row[0]} holding {row[1]} events (largest: {row[2]} mentions)")
    rng = random.Random(7)
    words = [f"w{i}" for i in range(5000)]
    texts = [" ".join(rng.choice(words) for _ in range(400)) for _ in range(args.sign)]
    t = time.perf_counter()
    for text in texts:
        signature(text)
    per = (time.perf_counter() - t) / max(1, len(texts))
    print(f"families: MinHash signature of a 400-word report: {per * 1000:.2f} ms")


if __name__ == "__main__":
    main()
