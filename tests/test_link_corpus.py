"""Clusters from reports coded by the pipeline: one meeting told by three outlets in their own words,
the same pair's next meeting, and the seeds' two visits to Moscow."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, need_shared

from tidings.records import Analysis, RawDocument
from tidings.store import Store

pytestmark = pytest.mark.model

# (ref, published, outlet, headline and text): the same meeting (Wednesday 6 October 2021), told by
# three outlets over two days; then the ministers' next meeting, five weeks later.
MEETING = [
    ("tass", "2021-10-06", "Tass", "Lavrov hosts Iranian counterpart\nIranian Foreign Minister Hossein "
     "Amir-Abdollahian met Russian Foreign Minister Sergei Lavrov in Moscow on Wednesday. The two ministers "
     "discussed the nuclear deal and security in the Caucasus."),
    ("mehr", "2021-10-07", "Mehr", "Amir-Abdollahian, Lavrov confer in Moscow\nIran's foreign minister held "
     "talks with his Russian counterpart Sergei Lavrov in Moscow on Wednesday, the foreign ministry in Tehran "
     "said. Trade and the transport corridor were on the agenda."),
    ("aljazeera", "2021-10-07", "Al Jazeera", "Tehran looks to Moscow\nIranian diplomat Hossein "
     "Amir-Abdollahian conferred with Sergei Lavrov in Moscow, with both men promising closer ties between "
     "the two countries."),
]
NEXT = ("tass-nov", "2021-11-10", "Tass", "Iran and Russia discuss Afghanistan\nIranian Foreign Minister "
        "Hossein Amir-Abdollahian met Russian Foreign Minister Sergei Lavrov in Moscow on Tuesday to discuss "
        "Afghanistan.")


def _store(path: Path, reports: list[tuple[str, str, str, str]]) -> Store:
    from tidings import load_settings, process

    raws = [RawDocument(source=r, ref=r, data=t.encode(), meta={"published": p, "outlet": o}) for r, p, o, t in reports]
    results = list(process(raws, load_settings()))
    assert all(isinstance(r, Analysis) for r in results)
    store = Store(str(path))
    store.write_batch(results)
    store.link()
    return store


def test_one_meeting_from_three_outlets_is_one_cluster_and_the_next_meeting_another(tmp_path: Path) -> None:
    with _store(tmp_path / "m.duckdb", [*MEETING, NEXT]) as store:
        clusters = store.clusters(type_="CONSULT", source="IRN", target="RUS")
        assert [(c["date"], c["num_sources"], c["num_articles"]) for c in clusters] == [
            ("2021-10-06", 3, 3),
            ("2021-11-09", 1, 1),
        ]
        first = store.cluster(clusters[0]["cluster_id"])
        assert first is not None
        assert {m["outlet"] for m in first["members"]} == {"Tass", "Mehr", "Al Jazeera"}
        assert any("conferred" in m["sentence"] for m in first["members"])  # dated by its report alone


def test_the_seeds_two_visits_stay_apart(tmp_path: Path) -> None:
    need_shared()
    from tidings.runner import run
    from tidings.settings import load_settings

    with Store(str(tmp_path / "s.duckdb")) as store:
        run([str(SEEDS)], store, load_settings(), workers=1)
        consults = store.clusters(type_="CONSULT", source="IRN", target="RUS")
        by_doc: dict[str, set[str]] = {}
        for c in consults:
            for d in c["doc_ids"]:
                by_doc.setdefault(d, set()).add(c["cluster_id"])
        assert len(by_doc) == 2  # both reports tell an IRN–RUS meeting ...
        a, b = by_doc.values()
        assert not a & b  # ... and no cluster holds both: 2021 is not 2023
        assert all(len(c["doc_ids"]) == 1 for c in consults)
        assert store.families() == []
