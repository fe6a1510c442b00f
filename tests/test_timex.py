from __future__ import annotations

from datetime import date

from conftest import SEED_2021, SEED_2023

from tidings.records import Precision
from tidings.timex import find_timexes


def _values(text: str, anchor: date | None) -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(text, anchor)}


def test_seed_dates_resolve_against_the_dateline(expected: dict) -> None:
    text = SEED_2021.read_text(encoding="utf-8")
    found = _values(text, date(2021, 10, 9))
    for expr, value in expected[SEED_2021.name]["dates"].items():
        key = expr.removeprefix("on ")
        assert found[key] == value, expr


def test_relative_dates_stay_unknown_without_a_report_date(expected: dict) -> None:
    text = SEED_2023.read_text(encoding="utf-8")
    found = _values(text, None)
    assert found["this week"] is None
    assert _values(text, date(2023, 3, 29))["this week"] == "2023-W13"


def test_relative_forms() -> None:
    anchor = date(2021, 10, 9)  # a Saturday
    v = _values(
        "He left last month, returns next Monday, came three days ago and in 2018 and in "
        "January; earlier this year and later this week.",
        anchor,
    )
    assert v["last month"] == "2021-09"
    assert v["next Monday"] == "2021-10-11"
    assert v["three days ago"] == "2021-10-06"
    assert v["2018"] == "2018"
    assert v["January"] == "2021-01"
    assert v["earlier this year"] == "2021"
    assert v["later this week"] == "2021-W40"
    precisions = {t.text: t.precision for t in find_timexes("last year on Friday", anchor)}
    assert precisions == {"last year": Precision.YEAR, "Friday": Precision.DAY}
