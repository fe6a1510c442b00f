"""`tidings report`: one self-contained HTML file on a dyad, built from the seeds and the examples."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, SEEDS, need_shared

from tidings.report.figures import timeline_figure
from tidings.report.gather import ReportData, gather
from tidings.report.render import render

pytestmark = pytest.mark.model

TALKS = "Amir Abdollahian made the remarks before his <mark>talks</mark> with Russian Foreign Minister Sergei Lavrov"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_shared()
    from tidings.runner import run
    from tidings.settings import load_settings
    from tidings.store import open_store

    path = tmp_path_factory.mktemp("report") / "r.duckdb"
    with open_store(str(path)) as store:
        # the 2023 seed carries no date: one is given, as a crawl's metadata would
        run([str(SEEDS), str(EXAMPLES)], store, load_settings(), workers=1, defaults={"published": "2023-03-29"})
    return path


def report_data(db: Path, **kw: Any) -> ReportData:
    from tidings.store import open_store

    with open_store(str(db)) as store:
        return gather(store, "irn", "rus", **kw)


def test_the_dyad_report_holds_timeline_clusters_evidence_and_quotes(db: Path) -> None:
    data = report_data(db)
    months = [p["start"][:7] for p in data.series["periods"]]
    assert "2021-10" in months and "2023-03" in months
    html = render(data)
    assert "<h1>Iran (IRN) – Russia (RUS)</h1>" in html
    # the evidence of the 2021 talks, the trigger marked
    assert TALKS in html
    # the month table: 2021-10 holds the two CONSULT events from Iran to Russia (and may hold
    # Iran's word that it will return to the negotiating table, a `may` event of the seed)
    row = re.search(r"<tr><td>2021-10</td><td>([^<]*)</td>", html)
    assert row and "CONSULT 2" in row.group(1).split(", ")
    assert set(row.group(1).split(", ")) <= {"CONSULT 2", "AGREE 1"}
    # quotes of either side only, each with its speaker
    assert data.quotes and all((q["speaker"] or {}).get("country") in ("IRN", "RUS") for q in data.quotes)
    assert "Mikhail Ulyanov" in html and "The return to the negotiating table is a matter of time" in html
    # the network around the dyad: every edge touches IRN or RUS
    assert data.network["edges"] and all({e["source"], e["target"]} & {"IRN", "RUS"} for e in data.network["edges"])


def test_the_report_is_self_contained_and_prints(db: Path) -> None:
    html = render(report_data(db))
    assert "plotly.js v" in html and "Plotly.newPlot" in html  # plotly inlined from the installed package
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", html)  # nothing fetched
    assert "@media print" in html and "@page" in html
    assert html.count("<script") == html.count("</script>")


def test_since_and_until_cut_the_report(db: Path) -> None:
    later = report_data(db, since=date(2022, 1, 1))
    assert [p["start"][:7] for p in later.series["periods"]] == ["2023-03"]
    assert TALKS not in render(later)
    earlier = report_data(db, until=date(2021, 12, 31))
    assert [p["start"][:7] for p in earlier.series["periods"]] == ["2021-10"]
    assert all(c.date is None or c.date < "2022" for c in earlier.clusters)


def test_timeline_figure_stacks_types_by_month(db: Path) -> None:
    data = report_data(db)
    fig = timeline_figure(data.series)
    bars = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in fig["data"] if t["type"] == "bar"}
    october = next(p for p in data.series["periods"] if p["start"] == "2021-10-01")
    consults = sum(october["counts"][side].get("CONSULT", 0) for side in ("a_to_b", "b_to_a"))
    assert consults >= 2 and bars["CONSULT"]["2021-10-01"] == consults  # the talks, and the arrival for them
    index = next(t for t in fig["data"] if t["name"] == "index")
    assert all(-1 <= y <= 1 for y in index["y"] if y is not None)
    assert fig["layout"]["barmode"] == "stack"


def test_report_command_writes_the_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "irn-rus.html"
    done = subprocess.run(
        [sys.executable, "-m", "tidings.cli", "report", "IRN", "RUS", "--db", str(db), "--out", str(out),
         "--since", "2021-01-01"],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "IRN–RUS" in done.stderr and TALKS in out.read_text(encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "tidings.cli", "report", "IRN", "RUS", "--db", str(db), "--out", str(out),
         "--since", "last year"],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert bad.returncode != 0 and "ISO" in bad.stderr
