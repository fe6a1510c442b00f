from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import SEED_2021, SEED_2023, SHARED

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


def _kinds(text: str, anchor: date | None) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.kind, t.value) for t in find_timexes(text, anchor)}


def test_timex3_values_of_every_kind() -> None:
    anchor = date(1998, 8, 8)  # a Saturday
    v = _kinds(
        "The talks lasted three days and the war went on for several years. Profit in the third quarter "
        "rose, and the past five years were hard. Trade grew in the 1990s and in the 20th century. "
        "The blast came at 10:35 a.m. and troops left at noon Friday. Prices are now higher, they were "
        "lower recently, and officials meet weekly. He left two weeks ago; the vote is due in the summer "
        "of 1999.",
        anchor,
    )
    assert v["three days"] == ("DURATION", "P3D")
    assert v["several years"] == ("DURATION", "PXY")
    assert v["the third quarter"] == ("DATE", "1998-Q3")
    assert v["the past five years"] == ("DURATION", "P5Y")
    assert v["the 1990s"] == ("DATE", "199")
    assert v["the 20th century"] == ("DATE", "19")
    assert v["10:35 a.m."] == ("TIME", "1998-08-08T10:35")
    assert v["noon Friday"] == ("TIME", "1998-08-07T12:00")
    assert v["now"] == ("DATE", "PRESENT_REF") and v["recently"] == ("DATE", "PAST_REF")
    assert v["weekly"] == ("SET", "P1W")
    assert v["two weeks ago"] == ("DATE", "1998-W30")
    assert v["the summer of 1999"] == ("DATE", "1999-SU")


def test_tense_picks_the_weekday_and_the_year_of_a_month() -> None:
    anchor = date(1998, 8, 8)  # a Saturday
    past = _values("The embassy was bombed on Friday.", anchor)
    future = _values("The ministers will meet on Monday.", anchor)
    assert past["Friday"] == "1998-08-07" and future["Monday"] == "1998-08-10"
    # A month still to come, told of in the past tense, is last year's; otherwise this year's.
    assert _values("Prices had risen since November.", anchor)["November"] == "1997-11"
    assert _values("The summit is scheduled for November.", anchor)["November"] == "1998-11"


def test_a_weekday_in_a_future_clause_is_the_coming_one() -> None:
    friday = date(1998, 2, 13)
    coming, gone = "1998-02-16", "1998-02-09"
    ahead = [
        "Iran and Russia will meet Monday.",
        "Iran and Russia are to meet on Monday.",
        "The envoy is to meet the king on Monday.",
        "Iran plans to send a delegation to Moscow Monday.",
        "The two sides are scheduled to meet Monday.",
        "The minister is expected in Tehran Monday.",
        "The leaders are meeting Monday in Geneva.",
        "On Monday, the two ministers will meet in Geneva.",  # no tense before it: the one after
        "The minister said Thursday he will travel to Tehran on Monday.",
    ]
    behind = [
        "Iran and Russia met Monday.",
        "Police are questioning two men arrested Monday.",  # the nearest verb is past
        "On Monday, police said, a bomb exploded.",
        "Police are investigating Monday's bombing, which parliament will discuss.",  # a possessive
        "The leaders meet Monday in Geneva.",  # no tense word at all: the last such day
    ]
    assert [_values(s, friday)["Monday"] for s in ahead] == [coming] * len(ahead)
    assert [_values(s, friday)["Monday"] for s in behind] == [gone] * len(behind)
    assert _values("The ministers will meet Friday.", friday)["Friday"] == "1998-02-13"  # the report's day


def test_weeks_and_months_count_from_the_report_date() -> None:
    sunday, monday = date(1998, 10, 25), date(1998, 10, 26)  # ISO week 43 ends on the Sunday
    text = "Last week the FBI joined the inquiry; this week it met, and next week it will report."
    weeks = ("Last week", "this week", "next week")
    assert [_values(text, sunday)[w] for w in weeks] == ["1998-W42", "1998-W43", "1998-W44"]
    assert [_values(text, monday)[w] for w in weeks] == ["1998-W43", "1998-W44", "1998-W45"]
    # Week 1 of 2000 starts on 3 January: "last week" on 6 January is 1999's week 52.
    assert _values("Prices fell last week.", date(2000, 1, 6))["last week"] == "1999-W52"
    assert _values("Prices fell last month.", date(2000, 1, 6))["last month"] == "1999-12"
    assert _values("Prices fell last month.", sunday)["last month"] == "1998-09"


def test_a_month_without_a_year_is_the_nearest_unless_the_tense_says_otherwise() -> None:
    jan = date(2000, 1, 15)
    assert _values("The boy was rescued on Nov. 25 by fishermen.", jan)["Nov. 25"] == "1999-11-25"
    assert _values("The dividend is payable Feb. 2 to holders.", jan)["Feb. 2"] == "2000-02-02"
    # Past tense, but only a little ahead: a date set for the near future.
    assert _values("The company extended its offer to Feb. 6.", jan)["Feb. 6"] == "2000-02-06"
    # No tense before the month: the rest of the sentence tells it.
    assert _values("In August, a gunman shot two guards.", date(2013, 3, 22))["August"] == "2012-08"


def test_times_runs_sequences_and_quarters() -> None:
    anchor = date(2009, 12, 16)
    found = _values("The jet made its first flight Tuesday in Everett at 18:00 UTC.", anchor)
    assert found["18:00 UTC"] == "2009-12-15T18:00Z"
    assert _values("Stocks fell for a second consecutive day.", anchor)["a second consecutive day"] == "2009-12-16"
    found = _values("In April 1995 she was promoted, and the following year she retired.", anchor)
    assert found["the following year"] == "1996"
    report = "Profit rose in the third quarter.\nNet income was $2.1 million, up from $1.5 million a year ago."
    assert _values(report, date(1989, 11, 2))["a year ago"] == "1988-Q3"


def test_lookalikes_are_not_expressions() -> None:
    anchor = date(1998, 8, 8)
    # A year inside a name is no year of the calendar; after a month or "In" it is.
    assert "2000" not in _values("The Russell 2000 index of smaller companies fell.", anchor)
    assert _values("In 2000 the index fell.", anchor)["2000"] == "2000"
    text = (
        "Officials said 12 Americans died. His 6-year-old son may march in May 1999 with A380s. A second plane landed."
    )
    assert _values(text, anchor) == {"May 1999": "1999-05"}


def test_a_dateline_line_is_the_creation_time_not_an_expression() -> None:
    text = (
        "Boeing unveils long-range 777\nFebruary 17 , 2005\nBoeing said on February 15 , 2005 it would fly in March ."
    )
    found = _values(text, date(2005, 2, 17))
    assert found == {"February 15 , 2005": "2005-02-15", "March": "2005-03"}


def test_timex_command_reads_jsonl_with_dates(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Iran said on Tuesday it will talk next week.", "published": "2021-10-09"})
        + "\n"
        + json.dumps({"id": "b", "text": "It happened last year."})
        + "\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "tidings.cli", "timex", str(src), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [(r["id"], r["text"], r["value"], r["precision"]) for r in rows] == [
        ("a", "Tuesday", "2021-10-05", "day"),
        ("a", "next week", "2021-W41", "week"),
        ("b", "last year", None, "unknown"),  # no date given: unknown, not guessed
    ]
    first = json.loads(src.read_text(encoding="utf-8").splitlines()[0])["text"]
    assert [first[r["start"] : r["end"]] for r in rows[:2]] == ["Tuesday", "next week"]


@pytest.mark.parametrize("name", ["tempeval3_timeml", "meantime_wikinews"])
def test_timex_gold_scores(name: str) -> None:
    path = SHARED / "data" / name / "documents.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing: the TIMEX3 data sets come with ../shared")
    from tidings.evaluate.timex import evaluate_timex

    scores = evaluate_timex(path)
    scored = scores[next(k for k in scores if k.startswith("annotated"))] if len(scores) > 1 else scores["all text"]
    assert scored.gold > 100
    p, r = scored.value_hits / scored.predicted, scored.value_hits / scored.gold
    assert 2 * p * r / (p + r) > 0.75


def test_the_day_is_the_last_day_the_text_named() -> None:
    anchor = date(2009, 2, 24)  # filed the day after
    v = _values("Shares fell sharply on Monday, and the index ended the day at its lowest level.", anchor)
    assert v["Monday"] == "2009-02-23"
    assert v["the day"] == "2009-02-23"
    v = _values("The order was placed on Oct. 12, the day before the crash.", date(1989, 10, 30))
    assert v["the day"] == "1989-10-12"
    # no day named: the report's own day; a dateline line at the top is the text's day
    assert _values("Traders sold all through the day.", anchor)["the day"] == "2009-02-24"
    text = "Markets slide\nOctober 10 , 2008\nAfter a fall at the start of the day , stocks recovered ."
    assert _values(text, date(2008, 10, 20))["the start of the day"] == "2008-10-10"


def test_years_spoken_in_a_transcript() -> None:
    v = _values(
        "In nineteen ninety-one he was convicted; the ruling was thrown out in nineteen ninety-six. "
        "Prices had doubled since the nineteen eighties, and again in two thousand and one. "
        "Some two thousand people marched.",
        date(1998, 1, 15),
    )
    assert v["nineteen ninety-one"] == "1991"
    assert v["nineteen ninety-six"] == "1996"
    assert v["the nineteen eighties"] == "198"
    assert v["two thousand and one"] == "2001"
    assert "two thousand" not in v


def test_the_second_member_of_a_pair_of_dates() -> None:
    v = find_timexes(
        "The summit will be held on April 24 and 25. He joined the expedition of 1957-58 and served "
        "through 1989-1990. Turnout was 3 percent on March 3 and 4 percent later.",
        date(1999, 2, 10),
    )
    pairs = [(t.text, t.value) for t in v]
    assert ("April 24", "1999-04-24") in pairs and ("25", "1999-04-25") in pairs
    assert ("1957", "1957") in pairs and ("58", "1958") in pairs
    assert ("1989", "1989") in pairs and ("1990", "1990") in pairs
    assert not any(t == "4" for t, _ in pairs)  # "4 percent" is no day


def test_a_time_converted_in_brackets_takes_the_day_after_them() -> None:
    found = find_timexes(
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building. "
        "A second one followed at 3:30 p.m. (2030 GMT).",
        date(1998, 8, 8),
    )
    v = {t.text: t.value for t in found}
    assert v["10:35 a.m."] == "1998-08-07T10:35"
    assert v["Friday"] == "1998-08-07"
    assert v["3:30 p.m."] == "1998-08-08T15:30"
    assert not any(t.text.startswith(("0735", "2030")) for t in found)  # a clock in GMT is no year


def test_a_participle_after_a_determiner_tells_no_past() -> None:
    anchor = date(1989, 11, 2)
    assert _values("The reduced dividend is payable Jan. 2 to holders.", anchor)["Jan. 2"] == "1990-01-02"
    assert _values("The dividend was reduced on Jan. 2 after losses.", anchor)["Jan. 2"] == "1989-01-02"
    assert _values("We need to proceed in January with the plan.", anchor)["January"] == "1990-01"


def test_the_quarter_a_results_report_tells_of() -> None:
    anchor = date(1989, 10, 26)
    text = (
        "Acme said net income for its fiscal first quarter rose 12%. Acme shipped 9,000 machines in the "
        "quarter. In the 1988 quarter, it earned $20 million. For the nine months, net was $306 million, "
        "against a loss in the 1988 period."
    )
    v = find_timexes(text, anchor)
    got = [(t.text, t.value) for t in v]
    assert ("the quarter", "1989-Q1") in got
    assert ("the 1988 quarter", "1988-Q1") in got
    assert ("1988", "1988") in got  # the nine months' period: the year
    v2 = _values("Delta posted net income of $133 million for the quarter ended Sept. 30.", anchor)
    assert v2["the quarter"] == "1989-Q3"
    v3 = _values("Sales rose 5% to $2 billion in the quarter.", anchor)
    assert v3["the quarter"] == "1989-Q3"  # none named: the latest quarter ended


def test_counted_units_with_a_word_between_and_sets_with_each() -> None:
    v = _values(
        "The navy may use the base for at least 20 more years. Eight trading days after the crash, "
        "a fixed share of revenue each month went to the banks, and the board meets every other week. "
        "The March accession will make them members.",
        date(1999, 2, 10),
    )
    assert v["at least 20 more years"] == "P20Y"
    assert v["Eight trading days"] == "P8D"
    assert v["each month"] == "P1M"
    assert v["every other week"] == "P2W"
    assert v["March"] == "1999-03"
    assert "May" not in _values("May the talks succeed, he said.", date(1999, 2, 10))


def test_a_deadline_weekday_is_the_coming_one() -> None:
    anchor = date(2000, 4, 3)  # a Monday
    assert _values("The INS has given the relatives until 9 a.m. Tuesday to sign.", anchor)["9 a.m. Tuesday"] == (
        "2000-04-04T09:00"
    )
    assert _values("They must leave the country by Friday.", anchor)["Friday"] == "2000-04-07"
    assert _values("He stayed until Friday and then left.", anchor)["Friday"] == "2000-03-31"


def test_tokenised_text_money_and_possessives() -> None:
    anchor = date(2000, 4, 5)  # a Wednesday
    v = _values("It cost $ 2000 in 1999 .", anchor)
    assert v == {"1999": "1999"}
    assert _values("Monday 's attack will be remembered .", anchor)["Monday"] == "2000-04-03"


def test_the_same_period_a_year_before() -> None:
    anchor = date(2010, 3, 3)
    v = _values("Ford said its sales rose 43 % in February compared to the same period last year .", anchor)
    assert v["the same period last year"] == "2009-02"
    v = _values("Profit in the third quarter rose 8% from the same quarter a year earlier.", anchor)
    assert v["the third quarter"] == "2009-Q3"  # a quarter still ahead, told in the past: last year's
    assert v["the same quarter a year earlier"] == "2008-Q3"
    assert _values("Sales were flat against the same period last year.", anchor)["the same period last year"] == "2009"


def test_the_lexicons_references_win_over_vague_durations() -> None:
    v = _values(
        "In the coming weeks the government will decide; in recent days rebels attacked, and fought for several days.",
        date(1998, 8, 14),
    )
    assert v["the coming weeks"] == "FUTURE_REF"
    assert v["recent days"] == "PAST_REF"
    assert v["several days"] == "PXD"


def test_a_weekday_in_the_future_of_a_past_day() -> None:
    anchor = date(1998, 8, 14)  # a Friday
    v = _values("Officials said Monday that the talks would resume Tuesday.", anchor)
    assert v["Monday"] == "1998-08-10"
    assert v["Tuesday"] == "1998-08-11"  # the Tuesday after that Monday, already past
    v = _values("On Thursday he said he would go on Monday.", anchor)
    assert v["Monday"] == "1998-08-17"  # the Monday after Thursday is still to come
    assert _values("He said Monday he will go on Tuesday.", anchor)["Tuesday"] == "1998-08-18"


def test_a_month_within_a_past_event_or_after_an_infinitive() -> None:
    anchor = date(1989, 10, 30)
    v = _values("The plant closed in December and will reopen in March.", anchor)
    assert v["December"] == "1988-12"  # done within last December
    assert v["March"] == "1990-03"
    assert _values("The company extended the offer to Nov. 6.", anchor)["Nov. 6"] == "1989-11-06"
    assert _values("NATO has decided to admit Poland in early December.", anchor)["early December"] == "1989-12"
    v = _values("It announced an agreement to acquire the bank in January.", date(1989, 11, 2))
    assert v["January"] == "1990-01"  # the acquisition's own time, ahead
    assert _values("He was elected in January.", date(1989, 11, 2))["January"] == "1989-01"


def test_a_day_stepped_from_the_day_told_of() -> None:
    anchor = date(1998, 8, 14)
    v = find_timexes("He arrived on Aug. 3 and left the following day. He came back the next morning.", anchor)
    got = [(t.text, t.value) for t in v]
    assert ("the following day", "1998-08-04") in got
    assert ("the next morning", "1998-08-05TMO") in got
    v2 = _values("Talks began on Aug. 3. The day before, rebels had attacked.", anchor)
    assert v2["The day before"] == "1998-08-02"
    # with an event after it, "the day before" is that event's eve: only "the day" is a time here
    assert "the day before" not in _values("He left on Aug. 3, the day before the vote.", anchor)
    assert _values("The talks will resume the next day.", anchor)["the next day"] == "1998-08-15"


def test_a_part_of_a_named_day() -> None:
    found = find_timexes(
        "The bombs went off on the morning of Aug. 7, a week after the night of July 31.", date(1998, 8, 14)
    )
    got = {(t.text, t.value, t.kind) for t in found}
    assert ("the morning of Aug. 7", "1998-08-07TMO", "TIME") in got
    assert ("the night of July 31", "1998-07-31TNI", "TIME") in got


def test_halves_of_units() -> None:
    v = _values(
        "It was the first time in half a century. He waited half an hour, then a year and a half, "
        "then two and a half years.",
        date(1998, 8, 14),
    )
    assert v["half a century"] == "P50Y"
    assert v["half an hour"] == "PT30M"
    assert v["a year and a half"] == "P1.5Y"
    assert v["two and a half years"] == "P2.5Y"


def test_a_part_of_the_day_told_of() -> None:
    anchor = date(2010, 3, 3)
    v = _values("Ford stock rose on Tuesday to a high in morning trading , before falling late in the day .", anchor)
    assert v["morning"] == "2010-03-02TMO"  # Tuesday's morning, not the report's
    assert _values("Crowds gathered in the evening.", anchor)["the evening"] == "2010-03-03TEV"
    assert _values("The plane leaves at 4 in the afternoon.", anchor)["4 in the afternoon"] == "2010-03-03T16:00"
    assert _values("The Morning Star said so; he watched the evening news.", anchor) == {}
    assert _values('The Evening Standard said so. "Good morning," he said.', anchor) == {}


def test_a_deadline_told_in_the_past_is_behind() -> None:
    anchor = date(1998, 8, 14)  # a Friday
    assert _values("By Monday morning, the city was calm.", anchor)["Monday morning"] == "1998-08-10TMO"
    assert _values("By Monday, the rebels must withdraw.", anchor)["Monday"] == "1998-08-17"


def test_earlier_steps_back_from_the_date_of_its_sentence() -> None:
    anchor = date(2009, 3, 13)
    assert (
        _values("Airbus delivered 483 aircraft in 2008 , up from 453 a year earlier .", anchor)["a year earlier"]
        == "2007"
    )
    v = _values("He said on Aug. 3 that the plan, announced two weeks earlier, would fail.", anchor)
    assert v["two weeks earlier"] == "2008-W29"
    # no date in its sentence: from the report's date
    assert _values("Sales rose. Profit was $4 million a year earlier.", anchor)["a year earlier"] == "2008"


def test_a_year_ago_in_a_results_reports_first_sentence() -> None:
    v = _values("Profit in the quarter rose to $5 million from $4 million a year ago.", date(1989, 10, 30))
    assert v["a year ago"] == "1988-Q3"


def test_pairs_of_days_end_their_phrase_and_share_a_year() -> None:
    found = find_timexes(
        "Talks ran May 3-5 in Geneva and July 3 and 4, 1998. On Jan. 5 and 12 people died.", date(1999, 2, 10)
    )
    got = [(t.text, t.value) for t in found]
    assert ("May 3", "1999-05-03") in got and ("5", "1999-05-05") in got
    assert ("July 3", "1998-07-03") in got and ("4, 1998", "1998-07-04") in got
    assert ("Jan. 5", "1999-01-05") in got and not any(t == "12" for t, _ in got)


def test_the_day_after_tomorrow() -> None:
    v = _values(
        "He arrived on Aug. 3. They meet the day after tomorrow, as agreed the day before yesterday.", date(1998, 8, 14)
    )
    assert v["the day after tomorrow"] == "1998-08-16"  # from the report's day, whatever day was told of
    assert v["the day before yesterday"] == "1998-08-12"


def test_the_fall_of_a_government_is_no_season() -> None:
    from datetime import date

    from tidings.timex import find_timexes

    values = [
        t.value
        for t in find_timexes("After the fall of the government, they met in the fall of 2024.", date(2025, 3, 14))
    ]
    assert values == ["2024-FA"]


def test_a_month_reads_the_tense_of_its_own_sentence_after_a_quotation() -> None:
    from datetime import date

    from tidings.timex import find_timexes

    text = 'He said: "ECOWAS will have to look within." In late January, Mali withdrew from ECOWAS.'
    assert [t.value for t in find_timexes(text, date(2025, 3, 12)) if "January" in t.text] == ["2025-01"]
