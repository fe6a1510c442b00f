"""Linking batch by batch (each batch reclusters only the groups it touches) gives the same
families and clusters as linking the whole corpus at once, whatever order the reports come in."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from linking import Ev, report, store_of
from test_link_families import WIRE

from tidings.records import Analysis
from tidings.store import Store

RAIL = (
    "Iran and Russia signed an agreement on Wednesday to build a railway line from Rasht to Astara, "
    "completing the corridor from St Petersburg to Mumbai. The deal was signed in Moscow by the two "
    "transport ministers in front of the presidents, who spoke by video link from their capitals while "
    "officials of both countries praised what they called a turning point for the trade of the region."
)
DRILLS = (
    "Azerbaijan and Turkey held joint military drills near the Iranian border on Friday, days after Baku "
    "closed a road used by Iranian trucks to reach Armenia. Tehran protested and moved troops north, and "
    "its army said the manoeuvres of its own were a warning to those who planned to change the borders of "
    "the Caucasus, a charge that officials in Baku rejected the same evening in a statement."
)
UNDATED = Ev(type="AID", date=None, precision="unknown", place=None)


def _corpus() -> list[Analysis]:
    """Reports whose links depend on one another: report-dated days that chain and pair, a day that
    later anchors (then makes ambiguous) less precise dates, places and sectors that fit or clash,
    undated events in families that a later report merges, an act told twice in one report."""
    out = [
        report(f"rep-{d}", [Ev(date=f"2021-10-{d:02d}", precision="report")], published=f"2021-10-{d:02d}")
        for d in (5, 7, 6, 9, 10)
    ]
    out += [
        report(f"nov-{d}", [Ev(date=f"2021-11-{d:02d}", precision="report", place=None)], published=f"2021-11-{d:02d}")
        for d in (1, 3, 4, 2)
    ]
    out += [
        report("day-6", [Ev(date="2021-10-06")], published="2021-10-07", outlet="Mehr"),
        report("month", [Ev(date="2021-10", precision="month", source="IRN")], published="2021-10-30"),
        report("day-20", [Ev(date="2021-10-20", place=None)], published="2021-10-21"),
        report("day-20-mil", [Ev(date="2021-10-20", source="IRN MIL", place=None)], published="2021-10-21"),
        report("week", [Ev(date="2021-W41", precision="week")], published="2021-10-18"),
        report("week-2", [Ev(date="2021-W42", precision="week")], published="2021-10-25"),
        report("year", [Ev(date="2021", precision="year", place=None)], published="2021-12-30"),
        report("sochi", [Ev(type="AGREE", place="Sochi")]),
        report("russia", [Ev(type="AGREE", place="Russia")]),
        report("nowhere", [Ev(type="AGREE", place=None)], outlet="IRNA"),
        report("moscow", [Ev(type="AGREE", place="Moscow")], outlet="RIA"),
        report("twice", [Ev(), Ev(sentence="They met again, in Moscow, on Wednesday.")], outlet="Tass"),
        report("plan", [Ev(modality="intended")]),
        report("wire-rail", [UNDATED], published=None, text=WIRE + " " + RAIL),
        report("rail-drills", [UNDATED], published=None, text=RAIL + " " + DRILLS),
        report("all-three", [UNDATED], published=None, text=WIRE + " " + RAIL + " " + DRILLS),
        report("drills", [UNDATED], published=None, text=DRILLS),
        report("alone", [UNDATED], published=None, text="Iran sent wheat to Russia, a minister said on the radio."),
    ]
    return out


def _links(store: Store) -> dict[str, Any]:
    """Each cluster as its members' refs with its counts and date; each family as its refs."""
    ref = {r[0]: r[1] for r in store.con.execute("SELECT doc_id, ref FROM documents").fetchall()}
    clusters = []
    for c in store.clusters():
        full = store.cluster(c["cluster_id"])
        assert full is not None
        clusters.append((sorted(m["doc_ref"] for m in full["members"]), c["type"], c["date"], c["date_precision"],
                         c["num_mentions"], c["num_sources"], c["num_articles"]))  # fmt: skip
    families = sorted(sorted(ref[d] for d in f["doc_ids"]) for f in store.families())
    return {"clusters": sorted(clusters), "families": families}


def test_batches_in_any_order_give_the_links_of_one_pass(tmp_path: Path) -> None:
    corpus = _corpus()
    with store_of(str(tmp_path / "once.duckdb"), *corpus) as store:
        once = _links(store)
    assert ["all-three", "rail-drills", "wire-rail"] in once["families"]  # a bridge merged two families
    # the report days of November pair up (1-2, 3-4) though the 2nd, which joins them, comes last
    assert (["nov-1", "nov-2"], "CONSULT", "2021-11-01", "report", 2, 1, 2) in once["clusters"]
    assert (["nov-3", "nov-4"], "CONSULT", "2021-11-03", "report", 2, 1, 2) in once["clusters"]
    # the 6th anchors the report-dated events whose two days hold it; the month holds the 20th too
    assert (["day-6", "rep-6", "rep-7", "twice", "twice"], "CONSULT", "2021-10-06", "day", 5, 2, 4) in once["clusters"]
    assert (["month"], "CONSULT", "2021-10", "month", 1, 1, 1) in once["clusters"]
    orders = [corpus, corpus[::-1], *(random.Random(seed).sample(corpus, len(corpus)) for seed in range(3))]
    for i, order in enumerate(orders):
        size = 1 + i % 3  # one, two or three reports a batch
        batches = [order[j : j + size] for j in range(0, len(order), size)]
        with store_of(str(tmp_path / f"batches-{i}.duckdb"), batches=batches) as store:
            assert _links(store) == once, f"order {i}"
            ids = sorted(c["cluster_id"] for c in store.clusters())
            store.link(everything=True)  # the same store reclustered whole: the same clusters, ids and all
            assert sorted(c["cluster_id"] for c in store.clusters()) == ids
            assert _links(store) == once
