"""Quotes in wire reports: ``…'' marks, datelines, attitude verbs, and contents that end at the clause."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SHARED

from tidings import process_text
from tidings.cli.demo import examples_dir
from tidings.quotes import find_quote_spans
from tidings.records import Analysis, Quote, QuoteKind

NEWS_GOLD = SHARED / "data" / "news_events_gold" / "documents.jsonl"


def _quotes(text: str, published: str = "1998-08-18") -> list[Quote]:
    out = process_text(text, published=published)
    assert isinstance(out, Analysis)
    return list(out.quotes)


def _name(q: Quote) -> str | None:
    if q.speaker is None:
        return None
    return q.speaker.actor.name if q.speaker.actor is not None else q.speaker.text


def test_wire_marks_open_with_backquotes_and_close_with_apostrophes() -> None:
    text = (
        "``Together, we promise to bring them to justice,'' she told workers.\n"
        "Police said they had made ``extraordinary discoveries,'' without details.\n"
        "``He told me `no way,''' she said. ``We will go on.''\n"
        "Baker said Jordan `` is seeking some guidance'' on the embargo.\n"
        "The candidates' plans don't add up, the voters' guide says."
    )
    assert [text[s.start : s.end] for s in find_quote_spans(text, min_words=1)] == [
        "Together, we promise to bring them to justice,",
        "extraordinary discoveries,",
        "He told me `no way,'",
        "We will go on.",
        " is seeking some guidance",
    ]
    # A curly opening mark typed where the closing one belongs still closes ("“It's unusual,“ said …").
    text = "“It's unusual,“ said Larry Noble. “It's a hard thing to do.”"
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["It's unusual,", "It's a hard thing to do."]


WIRE_REPORT = """NAIROBI, Kenya (AP) _

U.S. Secretary of State Madeleine Albright paid tribute Tuesday to the victims of the embassy bombing.

``Together, we promise to bring to justice the murderers of our friends,'' she told American and Kenyan workers at the embassy.

``We are not going to be intimidated,'' said Kenyan Foreign Minister Bonaya Godana. ``The embassy will reopen within weeks.''

President Daniel arap Moi said: ``Kenya will not bow to terror.''

Police said they had made ``extraordinary discoveries,'' but gave no details.
"""


@pytest.mark.model
def test_a_wire_report_with_backquote_marks_gives_direct_quotes_with_their_speakers() -> None:
    quotes = _quotes(WIRE_REPORT)
    direct = {q.text.split()[0]: q for q in quotes if q.kind is QuoteKind.DIRECT}
    assert set(direct) == {"Together,", "We", "Kenya"}
    assert _name(direct["Together,"]) == "Madeleine Albright"
    assert _name(direct["We"]) == "Bonaya Godana" and len(direct["We"].parts) == 2
    assert _name(direct["Kenya"]) == "Daniel arap Moi"
    (partial,) = [q for q in quotes if q.kind is QuoteKind.PARTIAL]
    assert "extraordinary discoveries" in partial.text and partial.speaker is not None
    # The words inside the marks are nobody's indirect speech ("we promise …" is not a quote of "we").
    assert not any(q.kind is QuoteKind.INDIRECT and q.cue == "promise" for q in quotes)


@pytest.mark.model
def test_wire_quotations_in_the_shared_ap_and_nyt_reports_are_direct() -> None:
    """The ``…'' quotations of the news gold reports (AP, NYT): most are read as the speaker's words."""
    if not NEWS_GOLD.is_file():
        pytest.skip(f"{NEWS_GOLD} is missing: the news gold comes with ../shared")
    marked = found = 0
    for line in NEWS_GOLD.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if "``" not in rec["text"]:
            continue
        out = process_text(rec["text"], published=rec.get("published"))
        assert isinstance(out, Analysis)
        spans = [s for s in re.findall(r"``(.*?)''", out.document.text, flags=re.S) if len(s.split()) >= 4]
        quoted = [q.text for q in out.quotes if q.kind in (QuoteKind.DIRECT, QuoteKind.PARTIAL)]
        marked += len(spans)
        found += sum(1 for s in spans if any(s.strip()[:20] in t for t in quoted))
    assert marked >= 20
    assert found >= 0.8 * marked, (found, marked)


@pytest.mark.model
@pytest.mark.parametrize(
    "dateline",
    [
        "TEHRAN –",
        "MOSCOW (Reuters) -",
        "NAIROBI, Kenya (AP) _",
        "BUDAPEST, March 12 (Xinhua) --",
        "GENEVA —",
        "KYIV, Ukraine —",
        "WASHINGTON, D.C. —",
        "Washington (CNN) —",
        "Moscow, March 3 (Reuters) -",
    ],
)
def test_a_dateline_is_never_part_of_a_quote(dateline: str) -> None:
    text = f"Talks resume\n\n{dateline} The two governments will resume talks on the border next week, the foreign ministry said on Thursday."
    (q,) = _quotes(text, "2022-03-12")
    assert q.text == "The two governments will resume talks on the border next week"
    assert _name(q) is not None and "ministry" in (q.speaker.text if q.speaker else "")


@pytest.mark.model
def test_the_demo_reports_show_no_dateline_inside_a_quote() -> None:
    for path in sorted(examples_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        line = re.search(r"^([A-Z][A-Z'. ]+(?:,[^\n–—]{1,30})?(?:\([^)]{1,30}\))?\s*[–—_-]{1,2})\s", text, flags=re.M)
        if line is None:
            continue
        for q in _quotes(text, "2024-01-01"):
            assert line.group(1) not in q.text, (path.name, q.text)
            assert not q.text.startswith(line.group(1).split()[0].rstrip(",")), (path.name, q.text)


@pytest.mark.model
def test_verbs_of_attitude_are_not_cues_unless_their_clause_reports_speech() -> None:
    assert _quotes("Germany wants the European Union to impose new sanctions on Russia.") == []
    assert _quotes("The minister decided to expel two diplomats after the spying case came to light.") == []
    assert _quotes("Officials hope the talks will end the dispute before the summit in June.") == []
    # Reported: the content of a verb of saying.
    (q,) = _quotes("Chancellor Olaf Scholz said he wants the European Union to impose new sanctions on Russia.")
    assert q.cue == "said" and q.text.startswith("he wants")
    # Holding a quotation: the speaker's own words.
    (q,) = _quotes("Donald Trump wants “a big, beautiful wall” on the southern border.")
    assert q.kind is QuoteKind.PARTIAL and q.cue == "wants" and _name(q) == "Donald Trump"
    # A quotation another cue governs does not make the attitude anybody's words.
    text = (
        "Britain is seeking to finalize a deal on the Chagos Islands after U.S. President Donald Trump "
        "said last month that he was “inclined” to support the deal."
    )
    assert not any(q.cue == "seeking" for q in _quotes(text, "2025-03-12"))


@pytest.mark.model
def test_a_content_ends_at_its_clause() -> None:
    # The speaker's own act coordinated with the cue is not what the speaker said.
    text = (
        "Armenian Prime Minister Nikol Pashinyan phoned Russian President Vladimir Putin and asked Moscow for support."
    )
    assert not any("phoned" in q.text for q in _quotes(text, "2022-09-13"))
    # An act on someone ("recalled the ambassador") is not words; a statement's object still is.
    assert _quotes("Turkish President Recep Tayyip Erdogan recalled Turkey's ambassador for consultations.") == []
    (q,) = _quotes("The Security Council condemned North Korea's latest ballistic missile launch on Monday.")
    assert q.text == "North Korea's latest ballistic missile launch"
    # A quotation's content holds neither its cue nor the attribution between two quoted phrases.
    text = 'Mayor Jennifer Roberts said Friday that she thinks the video should be released but said "the question is the timing."'
    (q,) = [q for q in _quotes(text, "2016-09-23") if "timing" in q.text]
    assert q.text == "the question is the timing." and q.kind is QuoteKind.PARTIAL
    text = "Oz is “smart as hell,” Steve Mosko wrote in an email to Rich Eisen, and “full of nonsense.”"
    (q,) = _quotes(text, "2016-09-23")
    assert "Mosko" not in q.text and len(q.parts) == 2 and _name(q) == "Steve Mosko"
    # No content ends on a conjunction.
    text = "Officials said the bomb was carried by road and the components were brought by sea and, police said, assembled in Nairobi."
    for q in _quotes(text):
        assert not re.search(r"\b(and|or|but)$", q.text), q.text


@pytest.mark.model
@pytest.mark.parametrize(
    ("dateline", "place"),
    [("KYIV, Ukraine —", "KYIV"), ("Washington (CNN) —", "Washington"), ("Moscow, March 3 (Reuters) -", "Moscow")],
)
def test_a_dateline_is_no_part_of_an_event_s_sentence(dateline: str, place: str) -> None:
    text = f"Talks resume\n\n{dateline} Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday."
    out = process_text(text, published="2023-03-22")
    assert isinstance(out, Analysis)
    assert out.document.dateline_place == place
    (meeting,) = [e for e in out.events if e.type == "CONSULT"]
    assert meeting.sentence.startswith("Russian President Vladimir Putin met")


@pytest.mark.model
def test_a_name_and_a_dash_opening_a_paragraph_is_no_dateline() -> None:
    text = (
        "Talks resume\n\nNATO Secretary General Jens Stoltenberg — a Norwegian — said the alliance "
        "would send more troops to its eastern flank."
    )
    out = process_text(text, published="2023-03-22")
    assert isinstance(out, Analysis)
    assert out.document.dateline_place is None
    (q,) = out.quotes
    assert q.text == "the alliance would send more troops to its eastern flank"
    assert q.speaker is not None and q.speaker.text.endswith("Stoltenberg")


@pytest.mark.model
def test_continue_takes_up_words_but_what_one_continues_to_do_is_no_speech() -> None:
    assert _quotes("Sanders continued to push for a single-payer health care system, a dream for many Democrats.") == []
    (q,) = _quotes("The economy will recover next year, the minister continued.")
    assert q.cue == "continued" and q.text == "The economy will recover next year"
    (q,) = _quotes("“We will win,” he continued. “The voters are with us.”")
    assert q.kind is QuoteKind.DIRECT and q.cue == "continued" and len(q.parts) == 2


@pytest.mark.model
def test_what_a_statement_says_its_publisher_says() -> None:
    (q,) = _quotes("The Kremlin issued a statement saying the talks would resume next week.", "2022-03-12")
    assert q.cue == "saying" and q.text == "the talks would resume next week" and _name(q) is not None
    assert "Kremlin" in (q.speaker.text if q.speaker else "")
    (q,) = _quotes("The ministry released a statement that said the sanctions would fail.", "2022-03-12")
    assert q.speaker is not None and q.speaker.text == "The ministry"
    # The words are the inner cue's, not the object of "posted".
    (q,) = _quotes("The foreign ministry posted a tweet saying “the sanctions will fail.”", "2022-03-12")
    assert q.cue == "saying" and q.text == "“the sanctions will fail.”" and q.kind is QuoteKind.PARTIAL
