"""Dyad series: counts of distinct events by type and direction, the index, the top clusters, plots."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from linking import Ev, report, store_of
from typer.testing import CliRunner

from tidings.cli.app import app
from tidings.link.dyad import dyad_series
from tidings.link.plot import write_plot
from tidings.store import Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    reports = [
        # one meeting told by two outlets: one event in the series, not two
        report("tass", [Ev(date="2021-10-06")], published="2021-10-06", outlet="Tass"),
        report("mehr", [Ev(date="2021-10-06", sentence="Amir-Abdollahian and Lavrov held talks in Moscow.")],
               published="2021-10-07", outlet="Mehr"),
        report("accuse", [Ev(type="ACCUSE", source="RUS GOV", target="IRN GOV", date="2021-10-20")],
               published="2021-10-21"),
        report("agree", [Ev(type="AGREE", date="2021-11-03")], published="2021-11-04"),
        report("aid", [Ev(type="AID", source="IRN", target="RUS", date="2021-11-20", place=None)],
               published="2021-11-21"),
        report("told", [Ev(type="REQUEST", source="RUS", target="IRN", date="2021-11-25", precision="report",
                           place=None)], published="2021-11-25"),
        report("month", [Ev(type="ASSAULT", date="2021-12", precision="month", place=None)], published="2022-01-02"),
        report("undated", [Ev(type="AID", date=None, precision="unknown", place=None)], published=None),
        report("other", [Ev(target="TUR GOV", date="2021-10-06")]),
    ]
    return store_of(str(tmp_path / "d.duckdb"), *reports)


def test_monthly_series_counts_each_event_once_in_each_direction(store: Store) -> None:
    series = dyad_series(store, "irn", "rus", by="month")
    data = series.to_dict()
    assert (data["a"], data["b"], data["by"]) == ("IRN", "RUS", "month")
    oct_, nov, dec = data["periods"]
    assert (oct_["start"], oct_["end"]) == ("2021-10-01", "2021-10-31")
    assert oct_["counts"] == {"a_to_b": {"CONSULT": 1}, "b_to_a": {"ACCUSE": 1}}
    assert oct_["events"] == 2
    assert oct_["index"] == pytest.approx((1.0 - 2.0) / 2 / 10)  # mean Goldstein of CONSULT and ACCUSE, / 10
    assert nov["counts"] == {"a_to_b": {"AGREE": 1, "AID": 1}, "b_to_a": {"REQUEST": 1}}
    assert nov["index"] == pytest.approx((3.0 + 7.0 + 0.0) / 3 / 10, abs=1e-4)  # rounded to 4 places
    assert dec["counts"]["a_to_b"] == {"ASSAULT": 1} and dec["index"] == pytest.approx(-0.9)
    top = oct_["top_clusters"][0]
    assert (top["type"], top["num_sources"], top["source"], top["target"]) == ("CONSULT", 2, "IRN", "RUS")
    assert top["sentence"] and top["doc_ref"] in ("tass", "mehr")
    assert set(top) == {"cluster_id", "type", "source", "target", "date", "num_sources", "sentence", "doc_id",
                        "doc_ref"}
    assert (data["coarse"], data["undated"]) == (0, 1)
    assert data["undated_counts"] == {"a_to_b": {"AID": 1}, "b_to_a": {}}


def test_a_daily_series_leaves_out_what_is_dated_too_coarsely(store: Store) -> None:
    series = dyad_series(store, "IRN", "RUS", by="day", since=date(2021, 10, 1), until=date(2021, 11, 30))
    # the act told without a date counts on its report's day
    assert [p.start.isoformat() for p in series.periods] == [
        "2021-10-06", "2021-10-20", "2021-11-03", "2021-11-20", "2021-11-25"]
    assert series.periods[0].end == series.periods[0].start
    weekly = dyad_series(store, "IRN", "RUS", by="week")
    assert weekly.periods[0].start == date(2021, 10, 4) and weekly.periods[0].end == date(2021, 10, 10)
    assert weekly.coarse == 1  # the month-dated ASSAULT fits no single week
    with pytest.raises(ValueError):
        dyad_series(store, "IRN", "RUS", by="year")


def test_a_week_across_two_months_counts_in_the_month_of_its_thursday(tmp_path: Path) -> None:
    # "this week" in a report of Wednesday 2023-03-29: Monday 27 March to Sunday 2 April.
    weekly = store_of(
        str(tmp_path / "w.duckdb"),
        report("week", [Ev(date="2023-W13", precision="week", place=None)], published="2023-03-29"),
        report("late", [Ev(type="AID", date="2023-W22", precision="week", place=None)], published="2023-06-01"),
    )
    months = dyad_series(weekly, "IRN", "RUS", by="month")
    # Week 22 of 2023 runs from 29 May to 4 June: its Thursday, 1 June, makes it June's.
    assert [(p.start.isoformat(), p.events) for p in months.periods] == [("2023-03-01", 1), ("2023-06-01", 1)]
    assert months.coarse == 0
    assert dyad_series(weekly, "IRN", "RUS", by="day").coarse == 2  # no single day


def test_plots_are_written(store: Store, tmp_path: Path) -> None:
    series = dyad_series(store, "IRN", "RUS")
    png, html = tmp_path / "d.png", tmp_path / "d.html"
    write_plot(series, str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    write_plot(series, str(html))
    page = html.read_text(encoding="utf-8")
    assert "Plotly.newPlot" in page and "CONSULT IRN" in page
    assert 'src="http' not in page  # plotly's script is in the page: it opens offline


def test_cli_dyad_formats(store: Store, tmp_path: Path) -> None:
    db = store.path
    store.close()
    runner = CliRunner()
    result = runner.invoke(app, ["dyad", "IRN", "RUS", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [p["events"] for p in json.loads(result.stdout)["periods"]] == [2, 3, 1]
    result = runner.invoke(app, ["dyad", "IRN", "RUS", "--db", db, "--format", "csv", "--by", "month"])
    lines = result.stdout.splitlines()
    assert lines[0] == "start,end,source,target,type,events,index" and len(lines) == 1 + 6
    result = runner.invoke(app, ["dyad", "IRN", "RUS", "--db", db, "--plot", str(tmp_path / "p.png")])
    assert result.exit_code == 0 and (tmp_path / "p.png").exists()
    assert "CONSULT" in result.stdout
