"""Fuzz targets and hypothesis strategies, shared by ``tests/test_fuzz.py`` (a small budget in the
test suite) and ``scripts/fuzz.py`` (a run bounded in time).

Each target states a property and raises AssertionError (or the crash itself) when it fails:
- ``check_cleaner``: the cleaner never raises and every line it keeps is a line of its input;
- ``check_reader``: the readers and the cleaner never raise on any bytes in a file of any kind,
  and every input gives at least one result (a document or a rejection with a known reason);
- ``check_timex``: the time finder never raises and every value is TIMEX3-shaped.
"""

from __future__ import annotations

import gzip
import io
import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.clean import clean_document
from tidings.clean.text import clean_text
from tidings.errors import Reason
from tidings.records import Document, RawDocument, Rejection
from tidings.sources import read_inputs
from tidings.timex import find_timexes

# Lines of the kinds a crawl gives: prose, headlines, datelines, debris, markup, odd characters.
SAMPLE_LINES = [
    "Iran's foreign minister met his Russian counterpart in Moscow on Wednesday to discuss trade.",
    "The two sides agreed to meet again in the spring, officials said on Tuesday.",
    "“We will not accept this,” the minister told reporters, according to Tass.",
    "MOSCOW (Reuters) - Russia and Iran signed an agreement on Friday.",
    "October 9, 2021 - 22:34",
    "Iran looking for a return to talks",
    "Leave a Comment",
    "Subscribe now",
    "Share this article",
    "0 + 0 =",
    "Copyright 2021 Example News. All rights reserved.",
    "Menu",
    "Home | World | Politics",
    "<div><p>markup left in the text</p></div>",
    "Read more: https://example.com/a?b=c",
    "",
    "   ",
    "\u200b\ufeff\xa0",
    "NEW YORK, Aug. 13 (Xinhua) --",
    "By JOHN SMITH, Associated Press",
]

TIME_FRAGMENTS = [
    "on Monday",
    "last year",
    "next month",
    "two weeks ago",
    "the 1990s",
    "the following day",
    "October 9, 2021",
    "Feb. 30",
    "31/31/2021",
    "9999 years later",
    "in 0000",
    "year 10000",
    "the same day",
    "a year earlier",
    "April 24 and 25",
    "this week",
    "the past five years",
    "at 14:30",
    "on 2021-13-45",
    "in the spring of 1812",
    "every Tuesday",
    "for three decades",
    "99999999999999999999 days",
    "the 21st century",
    "Q3 2021",
    "mid-2020",
    "late last night",
]

_TIMEX3 = re.compile(
    r"""(?x)
    (?:PRESENT|PAST|FUTURE)_REF
    | P(?=[\dX.T]) (?:(?:\d+(?:\.\d+)?|X+)(?:Y|M|W|D|Q|H|DE|CE|ML|L|E))* (?:T(?:(?:\d+(?:\.\d+)?|X+)(?:H|M|S))+)?
    | (?:\d{2,4}|X{2,4})
      (?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))? | -W(?:\d{2}|XX)(?:-(?:WE|\d))? | -Q[1-4X] | -(?:SP|SU|FA|WI) | -H[12X])?
      (?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT))?
    | T(?:\d{2}(?::\d{2})?|MO|AF|EV|NI)
    """
)


def lines_text() -> st.SearchStrategy[str]:
    """Crawl-like text: sample lines, arbitrary lines and arbitrary characters, mixed."""
    line = st.one_of(st.sampled_from(SAMPLE_LINES), st.text(max_size=120))
    sep = st.sampled_from(["\n", "\r\n", "\n\n", "\r"])
    return st.tuples(st.lists(line, max_size=30), sep).map(lambda t: t[1].join(t[0]))


def time_text() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(TIME_FRAGMENTS), st.text(max_size=15), st.integers().map(str))
    return st.lists(piece, max_size=12).map(" ".join)


def anchors() -> st.SearchStrategy[date | None]:
    return st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def _html() -> st.SearchStrategy[bytes]:
    body = st.lists(st.one_of(st.sampled_from(SAMPLE_LINES), st.text(max_size=60)), max_size=8)
    return body.map(
        lambda ps: ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in ps) + "</article></body></html>").encode(
            "utf-8", "replace"
        )
    )


@st.composite
def warc_bytes(draw: st.DrawFn) -> bytes:
    """A WARC archive (gzip or not) of a few records of any kind, then damaged: cut short, bytes
    flipped, junk put in."""
    out = io.BytesIO()
    compressed = draw(st.booleans())
    writer = WARCWriter(out, gzip=compressed)
    for _ in range(draw(st.integers(0, 4))):
        payload = draw(st.one_of(_html(), st.binary(max_size=200)))
        ctype = draw(st.sampled_from(["text/html; charset=utf-8", "text/html", "image/png", "application/json", ""]))
        status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "203 Non-Authoritative"]))
        kind = draw(st.sampled_from(["response", "response", "request", "resource", "metadata"]))
        encoding = draw(st.sampled_from([None, None, "gzip", "deflate", "br"]))
        if encoding == "gzip" and draw(st.booleans()):
            payload = gzip.compress(payload)
        fields = [("Content-Type", ctype)] + ([("Content-Encoding", encoding)] if encoding else [])
        http = StatusAndHeaders(status, fields, protocol="HTTP/1.1") if kind in ("response", "request") else None
        url = draw(st.sampled_from(["https://a.example/1", "https://b.example/x?y=1", "", "not a url"]))
        rec = writer.create_warc_record(
            url or "https://c.example/", kind, payload=io.BytesIO(payload), http_headers=http
        )
        writer.write_record(rec)
    data = bytearray(out.getvalue())
    # Every draw is made whatever the archive's length (its record ids and dates differ from run
    # to run): a position is a share of the length.
    for _ in range(draw(st.integers(0, 3))):
        share = draw(st.floats(0, 1, exclude_max=True))
        action = draw(st.sampled_from(["cut", "flip", "insert"]))
        flip = draw(st.integers(1, 255))
        junk = draw(st.binary(min_size=1, max_size=40))
        at = int(share * len(data))
        if action == "cut":
            del data[at:]
        elif action == "flip" and data:
            data[at] ^= flip
        elif action == "insert":
            data[at:at] = junk
    return bytes(data)


def check_cleaner(text: str) -> None:
    """Never raises; every kept line (title and dateline lines aside) is a line of the input."""
    lines = {ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")}
    lines |= {ln.strip("\u200b\u200c\u200d\ufeff\xa0 \t").strip() for ln in lines}
    result = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    for line in [*result.text.split("\n"), *result.head]:
        assert not line.strip() or line.strip() in lines, line
    doc = clean_document(RawDocument("f", "f", text.encode("utf-8", "replace")), min_words=3)
    if isinstance(doc, Document):
        for line in doc.text.split("\n"):
            assert not line.strip() or line.strip() in lines, line
    else:
        assert doc.reason in set(Reason)


READER_SUFFIXES = (".txt", ".html", ".jsonl", ".warc", ".txt.gz", ".jsonl.gz", ".warc.gz")


def check_reader(data: bytes, suffix: str) -> None:
    """Never raises; every input gives at least one result; every document cleans or is rejected."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        results = []
        for item in read_inputs([str(path)], max_bytes=100_000, max_decompressed=1_000_000):
            if isinstance(item, RawDocument):
                results.append(clean_document(item, max_bytes=100_000, min_words=3))
            else:
                results.append(item)
    assert results, "no result at all: the input vanished"
    for result in results:
        assert isinstance(result, Document | Rejection)
        if isinstance(result, Rejection):
            assert result.reason in set(Reason) and result.detail


def check_timex(text: str, anchor: date | None) -> None:
    """Never raises; offsets point at the text; every value is TIMEX3-shaped."""
    for t in find_timexes(text, anchor):
        assert text[t.start : t.end] == t.text
        assert t.value is None or _TIMEX3.fullmatch(t.value), (t.text, t.value)
        assert t.kind in ("DATE", "TIME", "DURATION", "SET")
