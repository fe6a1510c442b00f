from __future__ import annotations

import gzip
from datetime import datetime

from conftest import SEED_2021, SEED_2023, need_shared

from tidings.clean import clean_document
from tidings.clean.text import clean_text, line_verdict
from tidings.errors import Reason
from tidings.records import Document, Precision, RawDocument, Rejection


def _raw(data: bytes, **meta: str) -> RawDocument:
    return RawDocument(source="t", ref="t", data=data, meta=meta)


def _paragraphs(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def test_seed_2021_clean_matches_expected(expected: dict) -> None:
    spec = expected[SEED_2021.name]["clean"]
    doc = clean_document(_raw(SEED_2021.read_bytes()))
    assert isinstance(doc, Document)
    assert doc.title == spec["title"]
    assert doc.published == datetime.fromisoformat(spec["published"])
    assert doc.precision is Precision.MINUTE
    assert doc.dateline_place == spec["dateline_place"]
    dropped = {s.text for s in doc.dropped}
    for line in spec["drop_lines"]:
        assert line in dropped
        assert line not in doc.text
    raw_paras = _paragraphs(SEED_2021.read_text(encoding="utf-8"))
    assert {s.text for s in doc.dropped if s.reason != "dateline"} == set(spec["drop_lines"])
    body = [p for p in raw_paras if p not in spec["drop_lines"] and p not in ("October 9, 2021 - 22:34", spec["title"])]
    assert len(body) == 18  # 18 body paragraphs, none lost; the title moved to doc.title
    assert _paragraphs(doc.text) == body


def test_seed_2023_clean_matches_expected(expected: dict) -> None:
    spec = expected[SEED_2023.name]["clean"]
    doc = clean_document(_raw(SEED_2023.read_bytes()))
    assert isinstance(doc, Document)
    assert doc.title == spec["title"]
    assert doc.published is None  # no date in the text: unknown, never today
    assert doc.precision is Precision.UNKNOWN
    for bad in ("Jerusalem Post Store", "document.getElementById"):
        assert bad not in doc.text
    kept = _paragraphs(doc.text)
    raw = _paragraphs(SEED_2023.read_text(encoding="utf-8"))
    assert kept == raw[1:-2]  # every paragraph but the title, the promo and the script line
    assert "\n\n" not in doc.text  # single newlines kept as they came
    assert {s.text[:30] for s in doc.dropped} == {"Jerusalem Post Store", raw[-1][:30]}


def test_debris_lines_and_body_lines() -> None:
    assert line_verdict("Leave a Comment") == "comment-form"
    assert line_verdict("0 + 0 =") == "captcha"
    assert line_verdict("7 x 3 = ") == "captcha"
    assert line_verdict("Jerusalem Post Store") == "store-promo"
    assert line_verdict('var x = document.getElementById("a"); x.style.color = "red";') == "script"
    assert line_verdict("Subscribe to our newsletter") == "subscription"
    assert line_verdict("The minister said the store of grain would last until spring.") is None
    assert line_verdict("Middle East media is watching the meeting closely") is None
    result = clean_text("First paragraph here.\n\nLeave a Comment\n\nSecond paragraph.")
    assert result.text == "First paragraph here.\n\nSecond paragraph."
    assert [d.reason for d in result.dropped] == ["comment-form"]


def test_bad_inputs_are_rejected_with_reasons() -> None:
    english = b"The minister met his counterpart in the capital on Monday and they discussed trade. " * 3
    cases = {
        Reason.EMPTY: b"   \n\n  ",
        Reason.BINARY: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary",
        Reason.UNDECODABLE: b"caf\x81 \x8d\x8f\x90\x9d bad bytes " * 5,
        Reason.TOO_LARGE: english * 1000,
        Reason.NOT_ENGLISH: (
            "Le ministre a rencontré son homologue dans la capitale lundi et ils ont "
            "discuté du commerce, des frontières et de la sécurité régionale pendant "
            "plusieurs heures selon un communiqué publié par le gouvernement."
        ).encode(),
        Reason.NO_TEXT: b"Leave a Comment\n0 + 0 =\n",
    }
    for reason, data in cases.items():
        out = clean_document(_raw(data), max_bytes=100_000)
        assert isinstance(out, Rejection), reason
        assert out.reason == reason, (reason, out)
        assert out.detail
    gz = clean_document(_raw(gzip.compress(english)))
    assert isinstance(gz, Rejection) and gz.reason == Reason.BINARY


def test_given_published_date_is_used_when_text_has_none() -> None:
    need_shared()
    doc = clean_document(_raw(SEED_2023.read_bytes(), published="2023-03-29"))
    assert isinstance(doc, Document)
    assert doc.published == datetime(2023, 3, 29)
    assert doc.precision is Precision.DAY


def test_doc_id_is_a_hash_of_the_cleaned_text() -> None:
    a = clean_document(_raw(b"Iran and Russia held talks in Moscow on Tuesday.\nLeave a Comment"))
    b = clean_document(_raw(b"Iran and Russia held talks in Moscow on Tuesday."))
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.doc_id == b.doc_id


def test_date_lines_and_their_precision() -> None:
    from tidings.clean.meta import DATE_LINE, parse_date

    cases = {
        "October 9, 2021 - 22:34": ("2021-10-09T22:34:00", Precision.MINUTE),
        "Published: 12 March 2022 10:15 GMT": ("2022-03-12T10:15:00", Precision.MINUTE),
        "Updated Nov 18, 2019 at 9:24 pm ET": ("2019-11-18T21:24:00", Precision.MINUTE),
        "2021-10-09": ("2021-10-09T00:00:00", Precision.DAY),
        "October 2021": ("2021-10-01T00:00:00", Precision.MONTH),
    }
    for line, (value, precision) in cases.items():
        assert DATE_LINE.match(line), line
        parsed, got = parse_date(line)
        assert parsed is not None and parsed.isoformat() == value and got is precision, line
    assert not DATE_LINE.match("May 2021 was the hottest month on record.")


def test_a_saved_page_loses_teaser_lines_inside_its_body() -> None:
    """trafilatura keeps some furniture inside the body it finds; the crawl-text line rules drop it
    from a page too, and the audit trail keeps each line with its reason."""
    body = "".join(
        f"<p>{s}</p>"
        for s in (
            "The foreign minister of Norway arrived in Helsinki on Tuesday for two days of talks on fishing rights.",
            "SEE MORE: Fishing crews stage a protest in the harbour of Bergen",
            "He met his Finnish counterpart and the two signed an agreement on quotas for the northern waters.",
            "Trawler owners vow to fight the new quota rules in court next year\u00a0[VIDEO]",
            "Officials said the talks would continue in Oslo in the spring, when a second round is planned.",
        )
    )
    html = f"<html><head><title>Talks</title></head><body><article>{body}</article></body></html>"
    doc = clean_document(RawDocument(source="t", ref="t", data=html.encode(), format="html"))
    assert isinstance(doc, Document)
    assert "SEE MORE" not in doc.text and "[VIDEO]" not in doc.text
    assert "signed an agreement on quotas" in doc.text and "a second round is planned" in doc.text
    assert {s.reason for s in doc.dropped} == {"related-links"}
    assert len(doc.dropped) == 2


def test_a_sentence_that_starts_like_a_tag_line_is_prose() -> None:
    assert line_verdict("Topics include allegations that Chinese hackers attacked American firms.") is None
    assert line_verdict("Topics: Iran, Russia, sanctions") == "tags"
    assert line_verdict("Filed under Politics") == "tags"
