"""Near-duplicate report families: MinHash over word shingles, incremental, earliest canonical."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import SEED_2021, SEED_2023, need_shared
from linking import report, store_of

from tidings.link.families import LSH_WEIGHTS, NUM_PERM, SCHEME, SEED, THRESHOLD, bands, shingles, signature, similarity
from tidings.records import RawDocument

WIRE = (
    "Iran's foreign minister arrived in Moscow on Tuesday for talks with his Russian counterpart on the "
    "nuclear deal, trade across the Caspian Sea and the transport corridor to India. Officials in Tehran "
    "said the two sides would also discuss the war in Afghanistan and the security of their borders. The "
    "minister told reporters at the airport that relations were at their best in decades and that both "
    "countries wanted to expand them quickly, whatever the sanctions of the West."
)


def test_shingles_and_signatures_are_stable() -> None:
    assert set(shingles("One two three four five")) == set(shingles("one TWO three four five"))
    assert len(shingles("One two three four five")) == 2
    assert shingles("Short text") == [b"short text"]
    assert (signature(WIRE) == signature(WIRE)).all()
    assert similarity(signature(WIRE), signature(WIRE + " It was his first visit.")) >= THRESHOLD
    other = "Azerbaijan and Turkey began joint military drills near the Iranian border on Wednesday, officials said."
    assert similarity(signature(WIRE), signature(other)) < 0.2


def test_signatures_and_bands_are_datasketchs() -> None:
    """The signature computed here is datasketch's MinHash (affine32, the same seed and number of
    permutations), value for value, and the bands are the ones its LSH chooses: stores signed
    before keep matching the reports signed now."""
    datasketch = pytest.importorskip("datasketch")
    texts = [WIRE, WIRE[:200], "Short text", "", "Ça va, très bien — 1 2 3 4 5 6", WIRE.upper() + " " + WIRE[::-1]]
    for text in texts:
        mh = datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
        mh.update_batch(shingles(text))
        ours = signature(text)
        assert ours.dtype == np.uint32
        assert ours.tolist() == np.asarray(mh.hashvalues, dtype=np.uint32).tolist()
    lsh = datasketch.MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    assert bands() == (lsh.b, lsh.r)


def test_reprints_form_one_family_and_the_earliest_is_canonical(tmp_path: Path) -> None:
    edited = WIRE.replace("on Tuesday", "on Tuesday, October 5,") + " It was his first visit to Russia as minister."
    original = report("wire", [], published="2021-10-05T08:00:00", outlet="IRNA", text=WIRE)
    reprint = report("reprint", [], published="2021-10-05T10:00:00", outlet="Mehr", text=edited)
    own = report("own", [], published="2021-10-04T10:00:00", outlet="Tass",
                 text="Sergei Lavrov will receive the Iranian minister in Moscow this week, the ministry said today.")
    # the reprint arrives first, the original in a later batch: it still becomes the canonical one
    with store_of(str(tmp_path / "f.duckdb"), batches=[[reprint, own], [original]]) as store:
        (family,) = store.families()
        assert family["canonical_doc_id"] == original.document.doc_id
        assert family["doc_ids"] == [original.document.doc_id, reprint.document.doc_id]
        rows = store.con.execute("SELECT count(*) FROM doc_families").fetchone()
        assert rows is not None and rows[0] == 3  # every report belongs to a family, alone or not


def test_a_report_that_bridges_two_families_merges_them(tmp_path: Path) -> None:
    x = WIRE
    y = (
        "Iran and Russia signed an agreement on Wednesday to build a railway line from Rasht to Astara, "
        "completing the corridor from St Petersburg to Mumbai. The deal was signed in Moscow by the two "
        "transport ministers in front of the presidents, who spoke by video link from their capitals while "
        "officials of both countries praised what they called a turning point for the trade of the region."
    )
    z = (
        "Azerbaijan and Turkey held joint military drills near the Iranian border on Friday, days after Baku "
        "closed a road used by Iranian trucks to reach Armenia. Tehran protested and moved troops north, and "
        "its army said the manoeuvres of its own were a warning to those who planned to change the borders of "
        "the Caucasus, a charge that officials in Baku rejected the same evening in a statement."
    )
    a = report("a", [], published="2021-10-05", text=x + " " + y)
    b = report("b", [], published="2021-10-06", text=y + " " + z)
    both = report("both", [], published="2021-10-07", text=x + " " + y + " " + z)
    with store_of(str(tmp_path / "f.duckdb"), batches=[[a, b], [both]]) as store:
        # a and b share a third of their shingles: two families; the report that holds both texts
        # is near each of them, and brings them into one family, the earliest report canonical
        (family,) = store.families()
        assert family["doc_ids"] == [a.document.doc_id, b.document.doc_id, both.document.doc_id]
        assert family["canonical_doc_id"] == a.document.doc_id
    with store_of(str(tmp_path / "g.duckdb"), batches=[[a, b]]) as store:
        assert store.families() == []


@pytest.mark.model
def test_two_edited_copies_of_a_seed_are_one_family(tmp_path: Path) -> None:
    need_shared()
    from tidings import load_settings, process

    text = SEED_2021.read_text(encoding="utf-8")
    headline, _, body = text.partition("\n")
    copy = "Tehran seeks a big jump in its ties with Moscow\n" + body.replace(
        "\n\n", "\n\nThe visit was announced by the foreign ministry in Tehran on Monday.\n\n", 1
    )
    assert copy != text and headline not in copy
    raws = [
        RawDocument(source=str(SEED_2021), ref="seed", data=text.encode("utf-8")),
        RawDocument(source="copy.txt", ref="copy", data=copy.encode("utf-8"), meta={"outlet": "Mehr"}),
        RawDocument(source=str(SEED_2023), ref="other", data=SEED_2023.read_bytes()),
    ]
    results = list(process(raws, load_settings()))
    with store_of(str(tmp_path / "s.duckdb"), *results) as store:  # type: ignore[arg-type]
        (family,) = store.families()
        refs = {store.document(d)["ref"] for d in family["doc_ids"]}  # type: ignore[index]
        assert refs == {"seed", "copy"}
