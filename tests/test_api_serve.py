"""Serving while ingesting, for real: ``tidings serve`` on 127.0.0.1 (a free port) answers all along
while ``tidings run`` writes into the same store, and then serves the new reports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest
from api_store import copy_of_store

from tidings.api.snapshot import Snapshot

pytestmark = pytest.mark.model

NEW_REPORTS = {
    "posted_a.txt": "Turkey condemned Armenia on Monday over the border clashes, the foreign ministry in Ankara said.",
    "posted_b.txt": "Japan and India signed a defence agreement in Tokyo on Tuesday, the two governments said.",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env() -> dict[str, str]:
    src = str(Path(__file__).resolve().parents[1] / "src")
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _wait_until_up(base: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read() if server.stderr else "the server ended"
        try:
            if httpx.get(base + "/events", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("tidings serve did not answer within 60 s")


def test_run_writes_while_serve_serves(tmp_path: Path) -> None:
    db = copy_of_store(tmp_path)
    inputs = tmp_path / "new"
    inputs.mkdir()
    for name, text in NEW_REPORTS.items():
        (inputs / name).write_text(text + "\n", encoding="utf-8")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli", "serve", "--port", str(port), "--db", db],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    statuses: list[int] = []
    stop = threading.Event()

    def keep_reading() -> None:  # the server is read all through the run, so it tries to copy meanwhile
        with httpx.Client(base_url=base, timeout=10) as c:
            while not stop.is_set():
                statuses.append(c.get("/events", params={"limit": 5}).status_code)
                time.sleep(0.05)

    try:
        _wait_until_up(base, server)
        before = httpx.get(base + "/events", params={"limit": 1}).json()["total"]
        for name in NEW_REPORTS:
            assert httpx.get(f"{base}/documents/{inputs / name}").status_code == 404
        reader = threading.Thread(target=keep_reading)
        reader.start()
        try:
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "tidings.cli",
                    "run",
                    str(inputs),
                    "--db",
                    db,
                    "--workers",
                    "1",
                    "--published",
                    "2022-03-07",
                ],
                env=_env(),
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
        finally:
            stop.set()
            reader.join()
        assert run.returncode == 0, run.stderr
        assert "documents stored: 2" in run.stderr
        assert statuses and set(statuses) == {200}, "the server answered every read during the run"
        deadline = time.monotonic() + 20
        found = 0
        while time.monotonic() < deadline and found < len(NEW_REPORTS):
            found = sum(httpx.get(f"{base}/documents/{inputs / name}").status_code == 200 for name in NEW_REPORTS)
            time.sleep(0.3)
        assert found == len(NEW_REPORTS), "the new reports are served after the run"
        after = httpx.get(base + "/events", params={"limit": 1}).json()["total"]
        assert after > before
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_snapshot_serves_the_old_copy_while_a_writer_holds_the_store(tmp_path: Path) -> None:
    db = copy_of_store(tmp_path)
    snapshot = Snapshot(db, check_every=0)
    try:
        with snapshot.store() as s:
            docs = s.counts()["documents"]
        writer = duckdb.connect(db)
        writer.execute("DELETE FROM events")  # a change the copy must not show while it is locked
        assert snapshot.refresh() is False
        with snapshot.store() as s:
            assert s.counts()["documents"] == docs and s.counts()["events"] > 0
        writer.close()
        assert snapshot.refresh() is True
        with snapshot.store() as s:
            assert s.counts()["events"] == 0 and s.counts()["documents"] == docs
    finally:
        snapshot.close()


def test_a_parquet_dataset_is_served_and_grows(tmp_path: Path) -> None:
    from api_store import app_for
    from conftest import EXAMPLES
    from fastapi.testclient import TestClient

    from tidings.runner import run
    from tidings.settings import load_settings
    from tidings.store import open_store
    from tidings.store.parquet import ParquetWriter

    files = sorted(EXAMPLES.glob("*.txt"))
    out = tmp_path / "dataset"
    with ParquetWriter(str(out)) as writer:
        run([str(f) for f in files[:3]], writer, load_settings(), workers=1)
    with TestClient(app_for(str(out))) as c:  # type: ignore[arg-type]
        first = c.get("/events", params={"limit": 1000}).json()
        with open_store(str(out)) as store:
            assert first["total"] == len(store.events()) > 0
            assert c.get("/clusters").json()["total"] == len(store.clusters()) > 0
        with ParquetWriter(str(out)) as writer:  # a later run adds files: its events are served at once
            run([str(f) for f in files[3:6]], writer, load_settings(), workers=1)
        with open_store(str(out)) as store:
            grown = len(store.events())
        assert grown > first["total"]
        assert c.get("/events", params={"limit": 1000}).json()["total"] == grown
