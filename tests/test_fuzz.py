"""Property tests (hypothesis): the cleaner, the readers, the time finder, the resolver and the
event extractor never raise on arbitrary input, and keep their promises. Budgets are small and
fixed (``max_examples``, no deadline); ``scripts/fuzz.py`` runs the same targets for longer.
Inputs that once crashed are kept as ``@example``s."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from fuzzing import (
    READER_SUFFIXES,
    anchors,
    check_cleaner,
    check_reader,
    check_timex,
    lines_text,
    time_text,
    warc_bytes,
)
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tidings.pipeline import analyze
from tidings.records import Document
from tidings.settings import Settings
from tidings.timex import find_timexes

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)


@FAST
@given(lines_text())
def test_cleaner_keeps_only_lines_of_its_input(text: str) -> None:
    check_cleaner(text)


@FAST
@given(time_text(), anchors())
# Found by scripts/fuzz.py: a year before 1000 was written with fewer than four digits ("9").
@example("last year", date(10, 1, 1))
@example("the week before", date(1, 1, 8))
@example("the same day last year", date(10, 1, 1))
@example("two years ago", date(1, 1, 1))
def test_timex_never_raises_and_values_are_timex3(text: str, anchor: date | None) -> None:
    check_timex(text, anchor)


def test_years_before_1000_have_four_digits() -> None:
    [last] = find_timexes("It happened last year.", date(10, 6, 1))
    assert last.value == "0009"


def test_fuzz_script_runs_the_cleaner_and_the_warc_reader_in_its_time() -> None:
    script = Path(__file__).resolve().parents[1] / "scripts" / "fuzz.py"
    out = subprocess.run(
        [sys.executable, str(script), "--seconds", "4", "--targets", "cleaner,warc"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr[-2000:]
    lines = dict(line.split(": ", 1) for line in out.stdout.splitlines() if ": " in line and not line.startswith(" "))
    assert set(lines) == {"cleaner", "warc"}
    for summary in lines.values():
        examples = int(summary.split()[0])
        assert examples > 0 and summary.endswith("failures: 0"), summary


@FAST
@given(st.binary(max_size=600), st.sampled_from(READER_SUFFIXES))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, suffix: str) -> None:
    check_reader(data, suffix)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(warc_bytes())
# Found by this test: a record cut inside its header (no URI) made warcio raise AttributeError.
@example(b"WARC/1.0\r\nWARC-Type: response")
@example(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/")
def test_warc_reader_never_raises_on_damaged_archives(data: bytes) -> None:
    check_reader(data, ".warc")


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(lines_text(), anchors())
def test_resolver_and_extractor_never_raise_on_arbitrary_text(text: str, anchor: date | None) -> None:
    """The stages after cleaning, fed text the cleaner would never let through."""
    if not text.strip():
        return
    published = None if anchor is None else __import__("datetime").datetime(anchor.year, anchor.month, anchor.day)
    doc = Document("fuzz", "fuzz", "fuzz", text, title=text[:80] or None, published=published)
    [result] = analyze([doc], Settings(on_error="raise"))
    assert result.document is doc  # type: ignore[union-attr]
