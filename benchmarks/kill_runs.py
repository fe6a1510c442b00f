"""Crash safety: kill ``tidings run`` with SIGKILL at random points, rerun it, and compare the final
store with an uninterrupted run's: the same documents, refs, events, quotes, mentions, actors and
rejections, no duplicate, nothing lost, no half-written batch.

    python benchmarks/kill_runs.py --kills 20            # the hand-coded news reports of ../shared

Each kill starts from an empty store, kills the run (its whole process group) at a random moment:
after a random number of committed batches (read from its progress lines), a random time into
the next; then reruns the same command to the end. Prints one line per
kill (when it struck, how many documents the store held then, whether the final store is the
reference's) and a summary. ``tests/test_crash.py`` runs a few kills of the same harness.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "news_events_gold" / "documents.jsonl"
# Columns that say when a row was written, not what it holds: they differ between any two runs.
CLOCK_COLUMNS = {"stored_at", "rejected_at", "applied_at"}


def build_corpus(dest: Path, limit: int, gold: Path = GOLD) -> list[str]:
    """The first ``limit`` gold reports as a JSONL dump, and beside them inputs that are rejected
    (so that rejections are compared too): an empty file, a too-short report, a bad JSONL line."""
    dest.mkdir(parents=True, exist_ok=True)
    lines = gold.read_text(encoding="utf-8").splitlines()[:limit]
    (dest / "reports.jsonl").write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    (dest / "empty.txt").write_text("", encoding="utf-8")
    (dest / "short.txt").write_text("Talks ended.\n", encoding="utf-8")
    return [str(dest)]


def command(inputs: list[str], db: Path, batch_size: int, extra: tuple[str, ...] = ()) -> list[str]:
    """``extra``: more options of ``tidings run``, e.g. ("--engine", "ray", "--parquet", DIR)."""
    return [
        sys.executable, "-m", "tidings.cli", "run", *inputs, "--db", str(db), "--batch-size", str(batch_size), *extra
    ]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def run_to_end(inputs: list[str], db: Path, batch_size: int, extra: tuple[str, ...] = ()) -> tuple[float, int]:
    """Run uninterrupted: the seconds it took and the batches it committed (its progress lines)."""
    start = time.monotonic()
    done = subprocess.run(
        command(inputs, db, batch_size, extra), check=True, env=_env(), capture_output=True, text=True, timeout=1800
    )
    return time.monotonic() - start, sum(line.startswith("coding:") for line in done.stderr.splitlines())


def run_and_kill(
    inputs: list[str], db: Path, batch_size: int, batches: int, delay: float, extra: tuple[str, ...] = ()
) -> bool:
    """Start a run and SIGKILL it (and any workers) ``delay`` seconds after it has committed
    ``batches`` batches (it prints a progress line after each commit): the kill falls in the
    batch after, at a random moment of its reading, coding or writing. False if it ended first."""
    proc = subprocess.Popen(
        command(inputs, db, batch_size, extra),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stderr is not None
    seen = 0
    while seen < batches:
        line = proc.stderr.readline()
        if not line:
            break
        seen += line.startswith("coding:")
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return True
    finally:
        proc.stderr.close()


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the clock columns."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        for table in sorted(tables):
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in CLOCK_COLUMNS]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(tuple(json.dumps(v, default=str) for v in row) for row in rows)
    return out


def parquet_snapshot(directory: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows of a Parquet dataset as the read verbs see them, sorted, without the clock columns."""
    from tidings.store.parquet import open_parquet

    out: dict[str, list[tuple[Any, ...]]] = {}
    with open_parquet(str(directory)) as store:
        for table in sorted(r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()):
            cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in CLOCK_COLUMNS]
            rows = store.con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(tuple(json.dumps(v, default=str) for v in row) for row in rows)
    return out


def stored(db: Path) -> int:
    """Documents in the store (0 when the kill came before it was made)."""
    if not db.exists():
        return 0
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])  # type: ignore[index]
    except duckdb.Error:
        return 0


def differences(got: dict[str, list[tuple[Any, ...]]], want: dict[str, list[tuple[Any, ...]]]) -> list[str]:
    """What differs, table by table: rows missing and rows extra (a duplicate is an extra row)."""
    out = []
    for table in sorted(set(got) | set(want)):
        a, b = got.get(table, []), want.get(table, [])
        if a != b:
            missing = len([r for r in b if r not in a])
            extra = len(a) - len(b) + missing
            out.append(f"{table}: {len(a)} rows, want {len(b)} ({missing} missing, {extra} extra)")
    return out


def kill_trial(
    inputs: list[str], db: Path, batch_size: int, kills: list[tuple[int, float]], extra: tuple[str, ...] = ()
) -> list[tuple[bool, int]]:
    """Into ``db``, a run killed at each (batches committed, delay) of ``kills`` in turn (each run
    resuming the last), then a rerun to the end; for each kill, whether it struck a running run
    and how many documents the store held just after."""
    out = []
    for batches, delay in kills:
        killed = run_and_kill(inputs, db, batch_size, batches, delay, extra)
        out.append((killed, stored(db)))
    run_to_end(inputs, db, batch_size, extra)
    return out


def plan(rng: random.Random, batches: int, seconds: float) -> tuple[int, float]:
    """Where a kill falls: after a random number of committed batches (none: while the model
    loads or the first batch runs), a random moment into the next batch's time."""
    done = rng.randrange(batches)
    per_batch = seconds / (batches + 1)
    return done, rng.uniform(0, (2 if done == 0 else 1) * per_batch)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--limit", type=int, default=19, help="gold reports in the corpus")
    ap.add_argument("--batch-size", type=int, default=3)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--gold", type=Path, default=GOLD, help="the news_events_gold documents.jsonl")
    args = ap.parse_args()
    if not args.gold.is_file():
        print(f"{args.gold} is missing: the kill test needs ../shared", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="tidings-kill-") as tmp:
        work = Path(tmp)
        inputs = build_corpus(work / "in", args.limit, args.gold)
        reference = work / "reference.duckdb"
        seconds, batches = run_to_end(inputs, reference, args.batch_size)
        want = snapshot(reference)
        print(
            f"reference: {seconds:.1f} s, {batches} batches, "
            + ", ".join(f"{t}={len(rows)}" for t, rows in want.items() if t != "schema_migrations")
        )
        same = hits = 0
        for k in range(1, args.kills + 1):
            done, delay = plan(rng, batches, seconds)
            db = work / f"killed-{k}.duckdb"
            [(killed, at_kill)] = kill_trial(inputs, db, args.batch_size, [(done, delay)])
            diff = differences(snapshot(db), want)
            same += not diff
            hits += killed
            state = "identical" if not diff else "DIFFERS: " + "; ".join(diff)
            when = f"{delay:.1f} s after batch {done}" if done else f"{delay:.1f} s after the start"
            print(
                f"kill {k:2d}: {when} ({'killed' if killed else 'had ended'}, {at_kill} documents stored then): {state}"
            )
            for leftover in (db, db.with_name(db.name + ".wal")):
                leftover.unlink(missing_ok=True)
        print(
            f"kills: {args.kills}, struck mid-run: {hits}, "
            f"final store identical to the uninterrupted run: {same}/{args.kills}"
        )
    return 0 if same == args.kills else 1


if __name__ == "__main__":
    sys.exit(main())
