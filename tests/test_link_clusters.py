"""The clustering rule (docs/clusters.md), one condition per test, on hand-built events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from linking import Ev, groups, report, store_of


def _db(tmp_path: Path) -> str:
    return str(tmp_path / "c.duckdb")


def test_same_act_in_three_reports_is_one_cluster_with_its_counts(tmp_path: Path) -> None:
    a = report("a", [Ev()], published="2021-10-06", outlet="Tass")
    b = report("b", [Ev()], published="2021-10-07", outlet="Mehr")
    c = report("c", [Ev(), Ev(sentence="They met again, in Moscow, on Wednesday.")], published="2021-10-07",
               outlet="Tass")
    with store_of(_db(tmp_path), a, b, c) as store:
        (cluster,) = store.clusters()
        assert (cluster["num_mentions"], cluster["num_articles"], cluster["num_sources"]) == (4, 3, 2)
        assert cluster["type"] == "CONSULT" and cluster["date"] == "2021-10-06"
        assert cluster["source"]["country"] == "IRN" and cluster["target"] == {
            "country": "RUS", "sector": "GOV", "name": "RUS"}
        assert cluster["place"]["name"] == "Moscow"
        assert str(cluster["first_seen"]).startswith("2021-10-06") and str(cluster["last_seen"]).startswith("2021-10-07")
        assert len(cluster["event_ids"]) == 4 and len(cluster["doc_ids"]) == 3
        full = store.cluster(cluster["cluster_id"][:6])
        assert full is not None and full["members"][0]["doc_ref"] == "a"
        assert {m["outlet"] for m in full["members"]} == {"Tass", "Mehr"}
        assert all(m["sentence"] for m in full["members"])


def test_type_must_match(tmp_path: Path) -> None:
    with store_of(_db(tmp_path), report("a", [Ev()]), report("b", [Ev(type="AGREE")])) as store:
        assert groups(store) == [["a"], ["b"]]


def test_source_and_target_countries_must_match_in_their_roles(tmp_path: Path) -> None:
    reports = [
        report("a", [Ev()]),
        report("b", [Ev(target="TUR GOV")]),
        report("c", [Ev(source="RUS GOV", target="IRN GOV")]),  # the other direction
        report("d", [Ev(target=None)]),  # no target is not any target
    ]
    with store_of(_db(tmp_path), *reports) as store:
        assert groups(store) == [["a"], ["b"], ["c"], ["d"]]


def test_sectors_must_match_where_both_have_one(tmp_path: Path) -> None:
    reports = [
        report("a", [Ev(source="IRN GOV")]),
        report("b", [Ev(source="IRN")]),  # no sector: joins the one description it fits
        report("c", [Ev(source="IRN MIL")], published="2021-10-08"),
        report("d", [Ev(source="IRN MIL", date="2021-10-07")]),
    ]
    with store_of(_db(tmp_path), *reports[:2]) as store:
        assert groups(store) == [["a", "b"]]
    with store_of(str(tmp_path / "c2.duckdb"), *reports) as store:
        # with GOV and MIL both on that day, the event without a sector cannot tell which it is
        assert groups(store) == [["a"], ["b"], ["c"], ["d"]]


def test_dates_the_same_day_or_within_the_less_precise_date(tmp_path: Path) -> None:
    reports = [
        report("day", [Ev(date="2021-10-06")]),
        report("next-day", [Ev(date="2021-10-07")], published="2021-10-08"),
        report("report", [Ev(date="2021-10-09", precision="report")], published="2021-10-09"),
        report("month", [Ev(date="2021-11", precision="month")], published="2021-11-20"),
        report("day-nov", [Ev(date="2021-11-16")], published="2021-11-20"),
    ]
    with store_of(_db(tmp_path), *reports) as store:
        # different days are different events; a report-dated event (the report's day or the day
        # before) with no dated event then is its own; a month-dated one joins the only day in it
        assert groups(store) == [["day"], ["day-nov", "month"], ["next-day"], ["report"]]
        month = next(c for c in store.clusters() if len(c["doc_ids"]) == 2)
        assert (month["date"], month["date_precision"]) == ("2021-11-16", "day")


def test_a_report_dated_event_joins_the_day_before_its_report(tmp_path: Path) -> None:
    reports = [
        report("day", [Ev(date="2021-10-06")], published="2021-10-06"),
        report("told-next-day", [Ev(date="2021-10-07", precision="report")], published="2021-10-07"),
        report("told-later", [Ev(date="2021-10-09", precision="report")], published="2021-10-09"),
    ]
    with store_of(_db(tmp_path), *reports) as store:
        assert groups(store) == [["day", "told-next-day"], ["told-later"]]


def test_an_imprecise_date_between_two_days_stays_apart(tmp_path: Path) -> None:
    reports = [
        report("oct-6", [Ev(date="2021-10-06")]),
        report("oct-20", [Ev(date="2021-10-20")], published="2021-10-21"),
        report("october", [Ev(date="2021-10", precision="month")], published="2021-10-30"),
    ]
    with store_of(_db(tmp_path), *reports) as store:
        assert groups(store) == [["oct-20"], ["oct-6"], ["october"]]


def test_report_dated_events_of_consecutive_days_pair_up(tmp_path: Path) -> None:
    reports = [
        report(f"r{d}", [Ev(date=f"2021-10-{d:02d}", precision="report")], published=f"2021-10-{d:02d}")
        for d in (5, 6, 7, 8, 9)
    ]
    with store_of(_db(tmp_path), *reports) as store:
        # spans [d-1, d] chain day after day; they are cut in pairs that share a day, never a chain
        assert groups(store) == [["r5", "r6"], ["r7", "r8"], ["r9"]]


def test_undated_events_cluster_only_within_a_report_family(tmp_path: Path) -> None:
    text = "Iran has supplied Russia with drones for its war, officials in Kyiv and Washington say. " * 5
    reports = [
        report("copy-1", [Ev(type="AID", date=None, precision="unknown", place=None)], published=None, text=text),
        report("copy-2", [Ev(type="AID", date=None, precision="unknown", place=None)], published=None,
               text=text + " The Kremlin denies it."),
        report("other", [Ev(type="AID", date=None, precision="unknown", place=None)], published=None),
    ]
    with store_of(_db(tmp_path), *reports) as store:
        assert groups(store) == [["copy-1", "copy-2"], ["other"]]


def test_places_must_be_compatible(tmp_path: Path) -> None:
    reports = [
        report("moscow", [Ev(place="Moscow")]),
        report("vienna", [Ev(place="Vienna")]),
        report("sochi", [Ev(place="Sochi", type="AGREE")]),
        report("russia", [Ev(place="Russia", type="AGREE")]),
        report("nowhere", [Ev(place=None, type="AGREE")]),
    ]
    with store_of(_db(tmp_path), *reports) as store:
        # Moscow is not Vienna; a country fits a city in it, and no place fits any
        assert groups(store) == [["moscow"], ["nowhere", "russia", "sochi"], ["vienna"]]


def test_only_acts_told_as_fact_are_clustered(tmp_path: Path) -> None:
    reports = [
        report("fact", [Ev()]),
        report("plan", [Ev(modality="intended")]),
        report("denied", [Ev(negated=True)]),
    ]
    with store_of(_db(tmp_path), *reports) as store:
        assert groups(store) == [["fact"]]


def test_incremental_batches_give_what_one_pass_gives(tmp_path: Path) -> None:
    reports = [
        report("a", [Ev(date="2021-10-06")]),
        report("b", [Ev(date="2021-10-07", precision="report")], published="2021-10-07"),
        report("c", [Ev(date="2021-10", precision="month", source="IRN")], published="2021-10-30"),
        report("d", [Ev(date="2021-10-20", type="AGREE")], published="2021-10-21"),
        report("e", [Ev(date="2021-10-20")], published="2021-10-21"),  # makes c ambiguous
    ]
    with store_of(str(tmp_path / "one.duckdb"), *reports) as store:
        once = groups(store)
        ids_once = sorted(c["cluster_id"] for c in store.clusters())
    with store_of(str(tmp_path / "many.duckdb"), batches=[[r] for r in reports]) as store:
        assert groups(store) == once
        assert sorted(c["cluster_id"] for c in store.clusters()) == ids_once
    assert once == [["a", "b"], ["c"], ["d"], ["e"]]


def test_filters_and_paging(tmp_path: Path) -> None:
    reports = [
        report("a", [Ev(date="2021-10-06")]),
        report("b", [Ev(date="2021-11-06", type="ACCUSE", source="RUS GOV", target="IRN GOV")], published="2021-11-07"),
    ]
    with store_of(_db(tmp_path), *reports) as store:
        assert [c["type"] for c in store.clusters(source="RUS")] == ["ACCUSE"]
        assert [c["type"] for c in store.clusters(target="RUS")] == ["CONSULT"]
        assert [c["type"] for c in store.clusters(since=date(2021, 11, 1))] == ["ACCUSE"]
        assert [c["type"] for c in store.clusters(until=date(2021, 10, 31))] == ["CONSULT"]
        assert [c["type"] for c in store.clusters(limit=1, offset=1)] == ["ACCUSE"]
        assert store.count_clusters(actor="IRN") == 2
