"""Exports: GDELT 2.0 TSV, Parquet by event month, CSV, JSONL, POLECAT-style JSON (hand-built store)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from linking import Ev, report, store_of

from tidings.export.gdelt import EXTENDED, gdelt_columns, write_gdelt
from tidings.export.polecat import write_polecat
from tidings.export.select import EVENT_COLUMNS, Filters
from tidings.export.tabular import write_csv, write_jsonl, write_parquet
from tidings.store import Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    reports = [
        report("https://tass.example/a", [Ev()], published="2021-10-06T09:00:00", outlet="Tass"),
        report("mehr.txt", [Ev(sentence="Iran's minister held talks with Lavrov.")], published="2021-10-07",
               outlet="Mehr"),
        report("aj.txt", [Ev(date="2021-10-07", precision="report", place=None)], published="2021-10-07",
               outlet="Al Jazeera"),
        report("b.txt", [Ev(type="ACCUSE", source="RUS GOV", target="IRN", date="2021-W45", precision="week",
                            place="Russia"),
                         Ev(type="ASSAULT", date=None, precision="unknown", place=None),
                         Ev(type="AGREE", date="2021", precision="year", place=None),
                         Ev(type="AID", modality="hypothetical")], published="2021-11-12", outlet="Tass"),
    ]
    return store_of(str(tmp_path / "x.duckdb"), *reports)


def test_gdelt_tsv_loads_with_gdelts_61_column_header(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    n = write_gdelt(store, str(out), Filters())
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 4  # one row per event cluster: the meeting once, not three times
    assert all(len(line.split("\t")) == 61 for line in lines)
    columns = gdelt_columns()
    assert len(columns) == 61 and columns[0] == "GLOBALEVENTID" and columns[-1] == "SOURCEURL"
    df = pd.read_csv(out, sep="\t", header=None, names=columns)
    assert df.shape == (4, 61)
    meeting = df[df["EventCode"] == 40].iloc[0]
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == (3, 3, 3)
    assert (meeting["SQLDATE"], meeting["MonthYear"], meeting["Year"]) == (20211006, 202110, 2021)
    assert meeting["Actor1Code"] == "IRNGOV" and meeting["Actor2CountryCode"] == "RUS"
    assert (meeting["EventRootCode"], meeting["QuadClass"], meeting["GoldsteinScale"]) == (4, 1, 1.0)
    assert meeting["SOURCEURL"] == "https://tass.example/a"  # the first report to tell it
    assert meeting["DATEADDED"] == 20211006090000
    assert meeting["ActionGeo_FullName"].startswith("Moscow") and meeting["ActionGeo_Lat"] == pytest.approx(55.76)
    week = df[df["Actor1CountryCode"] == "RUS"].iloc[0]
    assert pd.isna(week["SQLDATE"]) and week["Year"] == 2021  # a week-dated act fills no day
    year = df[df["Actor1CountryCode"] == "IRN"]
    assert year["SQLDATE"].isna().sum() == 2  # the year-dated AGREE and the undated ASSAULT


def test_gdelt_extended_adds_tidings_columns_after_the_61(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    write_gdelt(store, str(out), Filters(type_="CONSULT"), extended=True)
    df = pd.read_csv(out, sep="\t", header=None, names=gdelt_columns() + EXTENDED)
    assert df.shape == (1, 61 + len(EXTENDED))
    assert df.iloc[0]["plover_type"] == "CONSULT" and df.iloc[0]["evidence_sentence"].startswith("Iran")


def test_parquet_reads_back_equal_in_duckdb_and_pandas(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    n = write_parquet(store, str(out), Filters())
    written = store.con.execute("SELECT * FROM ex_events ORDER BY event_id").fetchall()
    assert n == len(written) == 6
    assert sorted(p.name for p in out.iterdir()) == ["event_month=2021-10", "event_month=2021-11", "event_month=none"]
    with duckdb.connect() as con:
        glob = str(out / "**" / "*.parquet")
        back = con.execute(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM read_parquet('{glob}', hive_partitioning = true) ORDER BY event_id"
        ).fetchall()
    assert back == written
    df = pd.read_parquet(out).sort_values("event_id").reset_index(drop=True)
    assert list(df["event_id"]) == [r[0] for r in written]
    assert [str(m) for m in df["event_month"]] == [r[-1] for r in written]
    expected = pd.DataFrame(written, columns=EVENT_COLUMNS)
    for column in ("type", "source_country", "date", "date_precision", "sentence", "cluster_id", "num_sources"):
        assert df[column].tolist() == expected[column].tolist(), column
    assert [list(x) for x in df["contexts"]] == [list(x) for x in expected["contexts"]]
    assert df["confidence"].tolist() == pytest.approx(expected["confidence"].tolist())


def test_csv_jsonl_and_polecat(store: Store, tmp_path: Path) -> None:
    assert write_csv(store, str(tmp_path / "e.csv"), Filters(type_="CONSULT")) == 3
    with open(tmp_path / "e.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == EVENT_COLUMNS and {r["num_sources"] for r in rows} == {"3"}
    assert write_jsonl(store, str(tmp_path / "e.jsonl"), Filters(include_all=True)) == 7
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    hypothetical = next(r for r in records if r["modality"] == "hypothetical")
    assert hypothetical["cluster"] is None  # what did not happen is in no cluster
    consult = next(r for r in records if r["type"] == "CONSULT")
    assert consult["cluster"]["num_sources"] == 3 and consult["source"]["country"] == "IRN"
    assert write_polecat(store, str(tmp_path / "e.json"), Filters(source="RUS")) == 1
    (event,) = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert event["event_type"] == "ACCUSE" and event["date_precision"] == "week"
    assert event["source"]["actor_country"] == "RUS" and event["target"]["actor_country"] == "IRN"
    assert event["story"]["publication"] == "Tass" and event["location"]["placename"] == "Russia"
    assert {"event_id", "event_date", "event_mode", "contexts", "quad_code", "event_text"} <= set(event)
