"""Hostile input: every kind of bad input a crawl or a user hands over gets a rejection with the
right reason, the good reports of the same batch are all stored, and memory stays bounded.

Every input is written here, in the test's own directory: magic bytes and junk for binaries,
generated bombs and giant lines; no third-party file ships with the tests.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import SHARED, need_shared
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.clean import clean_document
from tidings.clean.language import word_count
from tidings.errors import Reason
from tidings.records import Document, RawDocument, Rejection
from tidings.settings import Settings
from tidings.sources import read_inputs

MB = 1 << 20
BIG = 200 * MB  # the 200 MB single line
LIMIT = 2_000_000  # the default --max-bytes
DECOMPRESSED = 16 * MB  # --max-decompressed for the run: the bombs inflate to far more

BODY = [
    "The foreign ministers of {a} and {b} met in Geneva on Tuesday to discuss trade, energy and security.",
    "Officials from both governments said the talks covered a new transport corridor and the war in Syria.",
    "The two sides agreed to meet again in the spring, when a larger delegation is expected to travel there.",
    "Neither ministry gave details of the agreement, and a joint statement is due to be published next week.",
]


def good_report(a: str, b: str, title: str | None = None) -> str:
    """A short English report, distinct by its parties (so that each has its own content hash)."""
    head = [title or f"{a} and {b} hold talks in Geneva", ""]
    return "\n".join(head + [p.format(a=a, b=b) + "\n" for p in BODY])


def good_page(a: str, b: str, charset: str = "utf-8") -> str:
    paras = "".join(f"<p>{p.format(a=a, b=b)}</p>" for p in BODY)
    return (
        f'<html><head><meta charset="{charset}"><title>{a} and {b} hold talks</title></head><body>'
        f"<nav><a href='/'>Home</a></nav><article><h1>{a} and {b} hold talks</h1>{paras}</article></body></html>"
    )


def warc_record(writer: WARCWriter, url: str, payload: bytes, encoding: str | None = None) -> None:
    fields = [("Content-Type", "text/html; charset=utf-8")] + ([("Content-Encoding", encoding)] if encoding else [])
    headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
    writer.write_record(rec)


def write_big_line(path: Path, head: bytes = b"", tail: bytes = b"") -> None:
    """A single line of ``BIG`` bytes, written in blocks (never held in memory)."""
    block = (b"The minister said the talks went well and will continue. " * 20_000)[:MB]
    with path.open("wb") as fh:
        fh.write(head)
        for _ in range(BIG // MB):
            fh.write(block)
        fh.write(tail)


def write_gzip_bomb(path: Path, first: bytes, filler: bytes, size: int) -> None:
    """``first`` then ``size`` bytes of ``filler`` in one gzip stream: a few hundred kB on disk."""
    block = filler * (MB // len(filler))
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(first)
        for _ in range(size // MB):
            fh.write(block)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str | None]]:
    """The hostile inputs beside good ones: {file or ref: reason}, {good ref: a phrase its stored text holds}."""
    root = tmp_path_factory.mktemp("hostile")
    d = root / "in"
    d.mkdir()
    reasons: dict[str, str] = {}
    goods: dict[str, str | None] = {}

    # Good reports, one per input kind, beside the bad ones.
    (d / "good.txt").write_text(good_report("Norway", "Chile"))
    goods["good.txt"] = "Norway and Chile"
    (d / "good.html").write_text(good_page("Peru", "Kenya"))
    goods["good.html"] = "Peru and Kenya"

    # Empty or whitespace only.
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\t\n   \r\n")
    reasons |= {"empty.txt": "empty", "blank.txt": "empty"}

    # Binary formats: their magic bytes and junk, whatever the file is called.
    junk = bytes(range(256)) * 8
    for name, magic in (
        ("report.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("archive.html", b"PK\x03\x04\x14\x00\x00\x00\x08\x00"),
        ("program.txt", b"\x7fELF\x02\x01\x01\x00"),
    ):
        (d / name).write_bytes(magic + junk)
        reasons[name] = "binary"

    # Encodings. A report in UTF-16 without a byte-order mark, one in Latin-1 in a page that says
    # it is UTF-8, and one that mixes UTF-8 and Windows-1252 lines are read right and stored.
    (d / "wide.txt").write_bytes(good_report("Ghana", "Japan").encode("utf-16-le"))
    goods["wide.txt"] = "Ghana and Japan"
    (d / "latin1.html").write_bytes(
        good_page("Brazil", "Egypt").replace("<p>Officials", "<p>At a café near the lake, officials").encode("latin-1")
    )
    goods["latin1.html"] = "At a café near the lake"
    mixed = good_report("Mexico", "Nepal").replace("Officials", "At the Café Léman, officials")
    first, rest = mixed.split("\n", 1)
    (d / "mixed.txt").write_bytes(first.encode("utf-8") + b"\n" + rest.encode("cp1252"))
    goods["mixed.txt"] = "At the Café Léman"
    # The 19 bytes stored as mojibake ("■· bad АБ encoding"), and stray high bytes alone.
    (d / "bytes19.txt").write_bytes(b"\xfe\xfa bad \x80\x81 encoding\n")
    (d / "stray.txt").write_bytes(b"\xfe\xa7 bad \xc0\xc1 encoding\n")
    (d / "noise.txt").write_bytes(bytes((i * 97 + 13) % 128 + 128 for i in range(3000)))
    reasons |= {"bytes19.txt": "undecodable", "stray.txt": "undecodable", "noise.txt": "undecodable"}

    # A 200 MB single line, as a text file and as a JSONL line followed by a good one.
    write_big_line(d / "line.txt")
    reasons["line.txt"] = "too-large"
    write_big_line(
        d / "line.jsonl",
        head=b'{"id": "big", "text": "',
        tail=b'"}\n' + json.dumps({"id": "after-big", "text": good_report("Spain", "Oman")}).encode() + b"\n",
    )
    reasons["line.jsonl:1"] = "too-large"
    goods["after-big"] = "Spain and Oman"

    # Deeply nested HTML.
    deep = "<div>" * 100_000 + "<p>" + BODY[0].format(a="Fiji", b="Laos") + "</p>" + "</div>" * 100_000
    (d / "deep.html").write_text(f"<html><body>{deep}</body></html>")
    reasons["deep.html"] = "no-article-text"

    # Gzip bombs: a JSONL dump that inflates to 256 MB of line breaks after one good line, a WARC
    # whose second member inflates to 256 MB of zeros, and a WARC record whose HTTP body does.
    write_gzip_bomb(
        d / "bomb.jsonl.gz",
        json.dumps({"id": "before-bomb", "text": good_report("Cuba", "Iraq")}).encode() + b"\n",
        b"\n",
        256 * MB,
    )
    goods["before-bomb"] = "Cuba and Iraq"
    reasons["bomb.jsonl.gz:N"] = "too-large"  # N: the line reading stopped at
    with (d / "bomb.warc.gz").open("wb") as fh:
        warc_record(WARCWriter(fh, gzip=True), "https://a.example/warc-before-bomb", good_page("Chad", "Mali").encode())
    with (d / "bomb.warc.gz").open("ab") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9) as gz:
        zeros = bytes(MB)
        for _ in range(256):
            gz.write(zeros)
    goods["a.example/warc-before-bomb"] = "Chad and Mali"
    reasons["bomb.warc.gz#2"] = "too-large"
    with (d / "payload.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        warc_record(writer, "https://b.example/inflated", gzip.compress(b"<p>talks</p>" * (20 * MB // 12)), "gzip")
        warc_record(writer, "https://b.example/after", good_page("Iran", "Cyprus").encode())
    reasons["payload.warc.gz#1:https://b.example/inflated"] = "too-large"
    goods["b.example/after"] = "Iran and Cyprus"

    # A WARC whose image record has 3 MB without a line break (not a bomb: its length is given),
    # before a page: the page is stored.
    with (d / "image.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        blank = io.BytesIO(b"\x89PNG" + bytes(3 * MB))
        writer.write_record(
            writer.create_warc_record("https://d.example/i.png", "response", payload=blank, http_headers=headers)
        )
        warc_record(writer, "https://d.example/page", good_page("Laos", "Fiji").encode())
    goods["d.example/page"] = "Laos and Fiji"

    # A truncated .warc.gz: the record before the cut is kept, the rest is rejected.
    with (d / "cut.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        warc_record(writer, "https://c.example/whole", good_page("Peru", "Qatar").encode())
        warc_record(writer, "https://c.example/cut", good_page("Togo", "Yemen").encode())
    data = (d / "cut.warc.gz").read_bytes()
    (d / "cut.warc.gz").write_bytes(data[: len(data) - 200])
    goods["c.example/whole"] = "Peru and Qatar"
    reasons["cut.warc.gz#2:https://c.example/cut"] = "truncated"

    # JSONL lines that are not JSON, lack `text`, have the wrong types; good lines between them.
    lines = [
        "{not json",
        json.dumps({"id": "no-text", "title": "A title and nothing else"}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps({"id": "list", "text": ["Iran", "attacked"]}),
        json.dumps({"id": "nulls", "text": None, "html": {"p": "x"}}),
        json.dumps(["a", "list", "not", "an", "object"]),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": {"odd": "id"}, "title": ["not", "a", "string"], "text": good_report("Chile", "India")}),
        json.dumps({"id": "good-line", "text": good_report("Sudan", "Italy"), "published": 20210101}),
    ]
    (d / "records.jsonl").write_text("\n".join(lines) + "\n")
    reasons |= {f"records.jsonl:{n}": "bad-record" for n in range(1, 8)}
    goods["records.jsonl:8"] = "Chile and India"
    goods["good-line"] = "Sudan and Italy"
    # A dump in Windows-1252 although JSON is UTF-8: read, not lost.
    (d / "latin.jsonl").write_bytes(
        json.dumps(
            {"id": "latin-line", "text": good_report("Angola", "Bhutan") + "\nSaid the café owner.\n"},
            ensure_ascii=False,
        ).encode("cp1252")
        + b"\n"
    )
    goods["latin-line"] = "Said the café owner."

    # Only debris; a page with no article text (the 41 bytes, stored as "menu" before).
    (d / "debris.txt").write_text("Leave a Comment\n\nSubscribe now\n\nShare this article\n\n0 + 0 =\n")
    page41 = b"<html><body><nav>menu</nav></body></html>"
    assert len(page41) == 41
    (d / "menu.html").write_bytes(page41)
    reasons |= {"debris.txt": "no-article-text", "menu.html": "no-article-text"}

    # Too short to code.
    (d / "short.txt").write_text("Iran protests.\n")
    reasons["short.txt"] = "too-short"
    return d, reasons, goods


def _key(rejection: dict[str, str]) -> str:
    """A rejection's key in ``reasons``: the file's name, or its record's ref after the directory."""
    name = Path(rejection["source"]).name
    ref = rejection["ref"]
    key = name if ref == rejection["source"] else ref[len(str(Path(rejection["source"]).parent)) + 1 :]
    return re.sub(r"^bomb\.jsonl\.gz:\d+$", "bomb.jsonl.gz:N", key)


def test_readers_and_cleaner_give_each_hostile_input_its_reason(
    corpus: tuple[Path, dict[str, str], dict[str, str | None]],
) -> None:
    """Without the model: the readers and the cleaner alone give every reason (fast, and the
    place a regression shows first)."""
    d, reasons, goods = corpus
    got: dict[str, str] = {}
    stored: dict[str, str] = {}
    for item in read_inputs([str(d)], max_decompressed=DECOMPRESSED):
        result = item if isinstance(item, Rejection) else clean_document(item, min_words=3)
        if isinstance(result, Rejection):
            key = _key({"source": result.source, "ref": result.ref})
            got[key] = str(result.reason)
            assert result.detail, key
        else:
            assert isinstance(result, Document)
            stored[result.ref] = result.text
    assert got == reasons
    for ref, phrase in goods.items():
        hits = [text for r, text in stored.items() if r == ref or r.endswith("/" + ref)]
        assert len(hits) == 1, (ref, sorted(stored))
        assert phrase is None or phrase in hits[0], (ref, hits[0][:300])
    assert len(stored) == len(goods)


@pytest.mark.model
def test_run_stores_every_good_report_and_rejects_each_hostile_input(
    corpus: tuple[Path, dict[str, str], dict[str, str | None]], tmp_path: Path
) -> None:
    d, reasons, goods = corpus
    db = tmp_path / "h.duckdb"
    run = subprocess.run(
        [sys.executable, "-m", "tidings.cli", "run", str(d), "--db", str(db), "--max-decompressed", str(DECOMPRESSED)],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        rejected = con.execute("SELECT source, ref, reason, detail FROM rejections").fetchall()
        refs = [r[0] for r in con.execute("SELECT ref FROM doc_refs").fetchall()]
        texts = dict(con.execute("SELECT ref, text FROM documents").fetchall())
    got = {_key({"source": s, "ref": r}): reason for s, r, reason, _detail in rejected}
    assert got == reasons
    assert all(detail for *_rest, detail in rejected)
    assert len(refs) == len(goods) == len(texts), sorted(refs)
    for ref, phrase in goods.items():
        hit = [r for r in refs if r == ref or r.endswith("/" + ref)]
        assert len(hit) == 1, (ref, refs)
        assert phrase is None or phrase in texts[hit[0]]
    assert f"documents stored: {len(goods)}" in run.stderr


_PEAK = """
import resource, sys
from tidings.clean import clean_document
from tidings.records import RawDocument
from tidings.sources import read_inputs
for item in read_inputs(sys.argv[1:], max_decompressed={limit}):
    if isinstance(item, RawDocument):
        clean_document(item, min_words=3)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kb(*paths: Path) -> int:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    out = subprocess.run(
        [sys.executable, "-c", _PEAK.format(limit=DECOMPRESSED), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        env=env,
    )
    return int(out.stdout.split()[-1])


def test_memory_stays_bounded_on_giant_lines_and_bombs(
    corpus: tuple[Path, dict[str, str], dict[str, str | None]],
) -> None:
    """Reading the 200 MB lines and the bombs peaks within a fixed few tens of MB of reading
    one small report, far below the inputs' size: nothing is read whole."""
    d, _reasons, _goods = corpus
    base = _peak_kb(d / "good.txt")
    hostile = _peak_kb(*(d / n for n in ("line.txt", "line.jsonl", "bomb.jsonl.gz", "bomb.warc.gz", "payload.warc.gz")))
    # Measured: about 16 MB above the baseline; a 200 MB line read whole would add over 200 MB.
    assert (hostile - base) * 1024 < 25 * LIMIT, (base, hostile)


def test_the_minimum_length_is_a_setting_and_words_count_letters() -> None:
    raw = RawDocument("s", "s", b"Iran attacked Iraq.")
    assert isinstance(clean_document(raw, min_words=3), Document)
    short = clean_document(raw, min_words=4)
    assert isinstance(short, Rejection) and short.reason == Reason.TOO_SHORT and "3 words" in short.detail
    numbers = clean_document(RawDocument("n", "n", b"2021 - 10 - 09 12:00"), min_words=1)
    assert isinstance(numbers, Rejection) and numbers.reason == Reason.TOO_SHORT


def test_no_shared_record_is_too_short() -> None:
    """The minimum turns away no real report: the one-sentence PLOVER, PETRARCH2 and validation
    records and the news gold all have at least ``min_words`` words."""
    need_shared()
    sets = (
        "plover_gsr_cameo/records.jsonl",
        "petr2_gsr_validation/records.jsonl",
        "petrarch2_unit_tests/records.jsonl",
        "news_events_gold/documents.jsonl",
    )
    texts = [json.loads(x)["text"] for s in sets for x in (SHARED / "data" / s).read_text().splitlines() if x.strip()]
    assert len(texts) > 250
    assert min(word_count(t) for t in texts) >= Settings().min_words


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-8", b"\xef\xbb\xbf"),
    ],
)
def test_unicode_encodings_with_or_without_a_byte_order_mark_read_the_same(encoding: str, bom: bytes) -> None:
    text = good_report("Ghana", "Japan").replace("Officials", "Officials at the café")
    doc = clean_document(RawDocument("u", "u", bom + text.encode(encoding)), min_words=3)
    assert isinstance(doc, Document) and "Officials at the café" in doc.text
    assert doc.doc_id == clean_document(RawDocument("u", "u", text.encode()), min_words=3).doc_id  # type: ignore[union-attr]


def test_a_latin1_report_with_a_stray_symbol_is_read_but_symbols_among_words_are_not() -> None:
    text = good_report("Chile", "Peru") + "\nPrices rose 5° in the café, to £3.\n"
    doc = clean_document(RawDocument("l", "l", text.encode("latin-1")), min_words=3)
    assert isinstance(doc, Document) and "5° in the café, to £3" in doc.text
    garbled = good_report("Chile", "Peru").encode("latin-1") + b"\n\xa4\xa6 \xbe\xbf\xfe \xd7\xf7\xac \xaf\xb8\n"
    bad = clean_document(RawDocument("g", "g", garbled), min_words=3)
    assert isinstance(bad, Rejection) and bad.reason == Reason.UNDECODABLE and "mojibake" in bad.detail
