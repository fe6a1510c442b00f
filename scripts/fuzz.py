"""A fuzz run bounded in time: the text cleaner and the WARC reader (and the other readers and
the time finder) under hypothesis, round after round with fresh random seeds, until each
target's time is up. Prints, per target, the examples tried and the failures found (each with
the input hypothesis shrank it to); exits 1 when any target failed.

    python scripts/fuzz.py --seconds 60                  # 60 s for each target
    python scripts/fuzz.py --seconds 10 --targets cleaner,warc

The targets and strategies live in ``tests/fuzzing.py`` (the property tests use them too). A
crash found here is fixed and its input kept as an ``@example`` in ``tests/test_fuzz.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

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
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st


@dataclass
class Outcome:
    target: str
    examples: int = 0
    rounds: int = 0
    failures: list[str] = field(default_factory=list)


def _targets() -> dict[str, tuple[Callable[..., None], tuple[Any, ...]]]:
    return {
        "cleaner": (check_cleaner, (lines_text(),)),
        "warc": (check_reader, (warc_bytes(), st.just(".warc"))),
        "readers": (check_reader, (st.binary(max_size=2000), st.sampled_from(READER_SUFFIXES))),
        "timex": (check_timex, (time_text(), anchors())),
    }


def fuzz(name: str, seconds: float, per_round: int = 200) -> Outcome:
    """Run target ``name`` in rounds of ``per_round`` examples until ``seconds`` have passed."""
    check, strategies = _targets()[name]
    outcome = Outcome(name)
    counter = [0]

    def counted(args: tuple[Any, ...]) -> None:
        counter[0] += 1
        check(*args)

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        test = settings(max_examples=per_round, deadline=None, database=None, suppress_health_check=list(HealthCheck))(
            given(st.tuples(*strategies))(counted)
        )
        test = seed(outcome.rounds * 7919 + int(time.time()))(test)
        outcome.rounds += 1
        try:
            test()
        except Exception as exc:
            outcome.failures.append("".join(traceback.format_exception_only(type(exc), exc)).strip())
            break
    outcome.examples = counter[0]
    return outcome


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="time for each target")
    ap.add_argument("--targets", default="cleaner,warc,readers,timex")
    args = ap.parse_args(argv)
    failed = False
    for name in args.targets.split(","):
        outcome = fuzz(name, args.seconds)
        print(f"{name}: {outcome.examples} examples in {outcome.rounds} rounds, failures: {len(outcome.failures)}")
        for failure in outcome.failures:
            print("  " + failure.replace("\n", "\n  "))
        failed |= bool(outcome.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
