"""Ingest: every input kind a news user has, and one rejection with the right reason per bad input."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.clean import clean_document
from tidings.clean.split import split_reports
from tidings.records import Document, RawDocument, Rejection
from tidings.sources import read_inputs

PARAS = [
    "Iran's foreign minister met his Russian counterpart in Moscow on Wednesday to discuss trade and security.",
    "The two ministers talked about the nuclear deal, the war in Syria and a new transport corridor, officials said.",
    "Russia has no reason to doubt that Tehran wants to return to the talks in Vienna, its envoy wrote on Tuesday.",
    "Both sides agreed to meet again in the spring, when a larger delegation is expected to travel to Tehran.",
]


def report(title: str, date: str | None = None, n: int = 4) -> str:
    """A short report; its own first sentence makes each body (and so its content hash) distinct."""
    head = [title, ""] + ([date, ""] if date else [])
    own = f"Our correspondent filed this report, {title.lower()}, after the meeting ended late in the evening."
    return "\n".join(head + [p + "\n" for p in [own, *PARAS[:n]]])


def page(title: str) -> str:
    own = f"Our correspondent filed this report, {title.lower()}, after the meeting ended late in the evening."
    body = "".join(f"<p>{p}</p>" for p in [own, *PARAS])
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a><a href='/w'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright 2021 Example News</footer></body></html>"
    )


def warc(path: Path, pages: list[tuple[str, str]]) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            writer.write_record(rec)


def build_corpus(root: Path) -> tuple[dict[str, str], set[str]]:
    """Write one file of every good kind and one of every bad kind; return {ref part: reason}, good refs."""
    good = root / "good"
    good.mkdir(parents=True)
    (good / "plain.txt").write_text(report("Iran and Russia hold talks", "October 9, 2021 - 22:34"))
    (good / "page.html").write_text(page("Iran and Russia hold talks in Moscow"))
    (good / "dump.jsonl").write_text(
        json.dumps({"id": "j1", "text": report("Talks resume", n=3), "published": "2021-10-06"})
        + "\n"
        + json.dumps({"id": "j2", "html": page("Ministers meet"), "url": "https://www.reuters.com/world/x"})
        + "\n"
    )
    with gzip.open(good / "more.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": report("Gzip dump", n=2)}) + "\n")
    (good / "zipped.txt.gz").write_bytes(gzip.compress(report("A gzip text", "March 3, 2022").encode()))
    warc(good / "crawl.warc.gz", [("https://tass.com/politics/1", page("Lavrov receives Iranian minister"))])
    (good / "glued.txt").write_text(
        report("First glued report", "October 9, 2021") + "\n" + report("Second glued report", "October 10, 2021")
    )
    (good / "sidecar.txt").write_text(report("A report with a sidecar"))
    (good / "sidecar.txt.meta.json").write_text(json.dumps({"published": "2020-01-05", "outlet": "Mehr"}))

    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (bad / "photo.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")
    # Text followed by bytes that fit no character set (a file broken in transfer).
    (bad / "garbled.txt").write_bytes(
        ("The minister said " * 20).encode() + bytes((i * 97 + 13) % 128 + 128 for i in range(3000))
    )
    (bad / "huge.txt").write_text(report("Too long") * 3000)
    (bad / "french.txt").write_text(
        "Le ministre iranien des Affaires étrangères est arrivé mercredi à Moscou pour des entretiens "
        "avec son homologue russe sur le programme nucléaire, la Syrie et les échanges commerciaux. " * 3
    )
    (bad / "debris.txt").write_text("Leave a Comment\n\n0 + 0 =\n\nJerusalem Post Store\n\nSubscribe now\n")
    warc(bad / "cut.warc", [("https://a.example/1", page("Cut one")), ("https://a.example/2", page("Cut two"))])
    data = (bad / "cut.warc").read_bytes()
    (bad / "cut.warc").write_bytes(data[: len(data) - 200])
    (bad / "broken.txt.gz").write_bytes(gzip.compress(report("Cut gzip").encode())[:-40])
    (bad / "lines.jsonl").write_text('{"id": "b1", "title": "no text field"}\n')
    reasons = {
        "empty.txt": "empty",
        "scan.txt": "binary",
        "photo.html": "binary",
        "garbled.txt": "undecodable",
        "huge.txt": "too-large",
        "french.txt": "not-english",
        "debris.txt": "no-article-text",
        "cut.warc": "truncated",
        "broken.txt.gz": "truncated",
        "lines.jsonl": "bad-record",
    }
    goods = {
        "plain.txt",
        "page.html",
        "j1",
        "j2",
        "g1",
        "zipped.txt.gz",
        "tass.com/politics/1",
        "glued.txt#1",
        "glued.txt#2",
        "sidecar.txt",
        "cut.warc#1",  # the record before the cut is whole and is kept
    }
    return reasons, goods


def tidings(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        input=stdin,
    )


@pytest.mark.model
def test_bad_input_corpus_one_rejection_each_and_every_good_file_stored(tmp_path: Path) -> None:
    reasons, goods = build_corpus(tmp_path / "in")
    db = tmp_path / "c.duckdb"
    run = tidings("run", str(tmp_path / "in"), "--db", str(db), "--max-bytes", "200000")
    assert run.returncode == 0, run.stderr
    assert f"documents stored: {len(goods)}" in run.stderr, run.stderr
    assert f"rejected: {len(reasons)} (" in run.stderr, run.stderr
    rejections = [
        json.loads(x) for x in tidings("rejections", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    ]
    by_file = {Path(r["source"]).name: r["reason"] for r in rejections}
    assert by_file == reasons
    assert all(r["detail"] for r in rejections)  # every rejection says why
    with duckdb.connect(str(db), read_only=True) as con:
        refs = [r[0] for r in con.execute("SELECT ref FROM doc_refs").fetchall()]
    assert len(refs) == len(goods)
    for want in goods:
        assert any(r.endswith(want) or want in r for r in refs), (want, refs)


def test_sidecar_and_batch_defaults(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(report("Sidecar report"))
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"published": "2020-01-05", "outlet": "Mehr"}))
    (tmp_path / "b.txt").write_text(report("Bare report"))
    raws = [r for r in read_inputs([str(tmp_path)], {"published": "2019-05-05", "outlet": "Tass"})]
    assert all(isinstance(r, RawDocument) for r in raws)
    docs = {Path(r.source).name: clean_document(r) for r in raws if isinstance(r, RawDocument)}
    a, b = docs["a.txt"], docs["b.txt"]
    assert isinstance(a, Document) and isinstance(b, Document)
    assert (a.published and a.published.date().isoformat(), a.outlet) == ("2020-01-05", "Mehr")
    assert (b.published and b.published.date().isoformat(), b.outlet) == ("2019-05-05", "Tass")


def test_text_date_beats_batch_default_and_no_date_stays_unknown(tmp_path: Path) -> None:
    (tmp_path / "dated.txt").write_text(report("Dated", "October 9, 2021 - 22:34"))
    (tmp_path / "undated.txt").write_text(report("Undated"))
    docs = {}
    for raw in read_inputs([str(tmp_path)], {"published": "2019-05-05"}):
        assert isinstance(raw, RawDocument)
        docs[Path(raw.source).name] = clean_document(raw)
    assert docs["dated.txt"].published.isoformat() == "2021-10-09T22:34:00"  # type: ignore[union-attr]
    assert docs["undated.txt"].published.isoformat() == "2019-05-05T00:00:00"  # type: ignore[union-attr]
    bare = clean_document(RawDocument("x", "x", report("Undated").encode()))
    assert isinstance(bare, Document) and bare.published is None  # never today's date


def test_html_page_outlet_from_url_and_title() -> None:
    raw = RawDocument("p", "p", page("Lavrov meets Amir-Abdollahian").encode(), {"url": "https://tass.com/x"}, "html")
    doc = clean_document(raw)
    assert isinstance(doc, Document)
    assert doc.title == "Lavrov meets Amir-Abdollahian"
    assert doc.outlet == "TASS"
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert all(p in doc.text for p in PARAS)


def test_outlet_from_a_signature_in_the_debris() -> None:
    text = report("Iran discusses talks") + "\nJerusalem Post Store\n"
    doc = clean_document(RawDocument("s", "s", text.encode()))
    assert isinstance(doc, Document) and doc.outlet == "The Jerusalem Post"


def test_glued_reports_split_and_single_reports_do_not() -> None:
    one = report("First report", "October 9, 2021")
    two = report("Second report", "October 10, 2021 - 10:00")
    assert len(split_reports(one + "\n" + two)) == 2
    assert split_reports(one) == [one]
    # A page listing teasers under headlines and dates does not start like a report: never cut up.
    listing = "Menu\nHome\n" + "\n".join(f"Teaser {i}\nOctober {i}, 2021\nShort teaser text." for i in range(1, 5))
    assert len(split_reports(listing)) == 1


def test_stdin_text_and_jsonl(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run = tidings("run", "-", "--db", str(db), "--published", "2021-10-06", stdin=report("From stdin"))
    assert run.returncode == 0 and "documents stored: 1" in run.stderr, run.stderr
    lines = json.dumps({"id": "s1", "text": report("Line one")}) + "\n" + json.dumps({"id": "s2", "text": "x"}) + "\n"
    out = tidings("clean", "-", "--format", "jsonl", stdin=lines)
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [r["ref"] for r in rows] == ["s1", "s2"]


def test_clean_command_writes_one_file_per_input(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(report("Talks in Moscow end", "October 9, 2021") + "\nLeave a Comment\n")
    (tmp_path / "in" / "two.html").write_text(page("Two"))
    out = tidings("clean", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["one.txt", "two.txt"]
    one = (tmp_path / "out" / "one.txt").read_text()
    assert "Leave a Comment" not in one and PARAS[0] in one and "October 9, 2021" not in one
    js = tidings("clean", str(tmp_path / "in" / "one.txt"), "--format", "jsonl")
    row = json.loads(js.stdout)
    assert row["title"] == "Talks in Moscow end" and row["published"] == "2021-10-09T00:00:00"
    assert {"text": "Leave a Comment", "reason": "comment-form"} in row["dropped"]


def test_a_truncated_gzip_warc_keeps_the_whole_records(tmp_path: Path) -> None:
    path = tmp_path / "c.warc.gz"
    warc(path, [("https://a.example/1", page("One")), ("https://a.example/2", page("Two"))])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 150])
    got = list(read_inputs([str(path)]))
    assert [type(x).__name__ for x in got] == ["RawDocument", "Rejection"]
    assert isinstance(got[1], Rejection) and got[1].reason == "truncated"
