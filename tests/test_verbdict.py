"""The CAMEO verb dictionary: its conversion from PETRARCH's format, and pattern matching on parses."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from tidings import process_text
from tidings.events.verbdict import build, load_verbdict

ROOT = Path(__file__).resolve().parents[1]
DICTS = ROOT.parent / "shared" / "data" / "petrarch2_dictionaries"


def _converter() -> Any:
    spec = importlib.util.spec_from_file_location("convert_cameo_verbs", ROOT / "scripts" / "convert_cameo_verbs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SMALL = """\
# a small dictionary in PETRARCH's format, written for this test
####### SYNONYM SETS #######

&MILITARY_
+TROOP
+SOLDIER
+ARMORED_VEHICLE

####### VERB PATTERNS #######

--- RETREAT [080] ---
WITHDRAW {WITHDRAWS WITHDREW WITHDRAWN}
+PULL_OUT [0872]
- * &MILITARY (FROM +)                   [0874]  # WITHDRAW
- $ * (FROM TALKS)                       [---]   # WITHDRAW
- * RECOGNITION (FROM) +                 [:054]  # target-side only: skipped
- WILL NOT * (TOWARDS +)                 [042:043]

--- DENOUNCE [111] ---
DENOUNCE
- * {PUBLIC STATEMENT}                   [010]
"""


def test_converter_reads_sets_verbs_and_patterns() -> None:
    conv = _converter()
    text, d = conv.convert([("small.txt", SMALL)])
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert ["S", "military", "troop soldier armored_vehicle"] in rows
    assert ["B", "retreat", "080", "CONCEDE"] in rows
    assert ["V", "withdraw", "", "retreat", "080", "CONCEDE"] in rows
    assert ["V", "pull", "out", "retreat", "0872", "RETREAT"] in rows  # a multi-word verb with its own code
    # The verb a pattern was found with (its comment) is kept: "withdrew", not "pulled out".
    assert ["P", "retreat", "", "&military from +", "0874", "RETREAT", "withdraw"] in rows
    assert ["P", "retreat", "$", "from talks", "---", "", "withdraw"] in rows  # codes nothing
    # The source's code of a pair; no verb named: every verb of the block.
    assert ["P", "retreat", "will not", "towards +", "042", "CONSULT", ""] in rows
    assert ["P", "denounce", "", "public statement", "010", "", ""] in rows  # a statement: no PLOVER type
    assert not any(r[0] == "P" and "recognition" in r[3] for r in rows)
    assert d.skipped == {"pattern coding the target's act only ([:code])": 1}


def test_small_dictionary_matches_the_most_specific_pattern(nlp: Any) -> None:
    text, _ = _converter().convert([("small.txt", SMALL)])
    vd = build(text, {"bare": "none", "function_words": ["from", "will"]})
    doc = nlp("Russia withdrew its troops from Syria.")
    match = vd.match(doc[1])
    assert match is not None
    assert (match.cameo, match.plover, match.target.text) == ("0874", "RETREAT", "Syria")
    # A bare verb codes nothing when the policy asks for a pattern; "---" blocks the default.
    assert vd.match(nlp("Russia withdrew.")[1]) is None
    assert vd.match(nlp("Russia withdrew from the talks.")[1]) is None
    assert build(text, {"bare": "all"}).match(nlp("Russia withdrew.")[1]) is not None
    # The pattern was found with "withdraw": "pulled out" has only its own code.
    pulled = vd.match(nlp("Russia pulled out its troops from Syria.")[1])
    assert pulled is not None and pulled.cameo == "0872"
    everywhere = build(text, {"bare": "none", "found_with": False}).match(
        nlp("Russia pulled out its troops from Syria.")[1]
    )
    assert everywhere is not None and everywhere.cameo == "0874"


@pytest.mark.skipif(not DICTS.is_dir(), reason="needs ../shared/data/petrarch2_dictionaries")
def test_shipped_file_is_the_converters_output() -> None:
    conv = _converter()
    texts = [(p.name, p.read_text(encoding="latin-1")) for p in conv.DEFAULT_INPUTS]
    rendered, _ = conv.convert(texts)
    shipped = ROOT / "src" / "tidings" / "events" / "data" / "cameo_verbs" / "verbs.tsv"
    assert shipped.read_text(encoding="utf-8") == rendered


def test_verbs_of_saying_are_no_candidates() -> None:
    words = load_verbdict().verb_words
    assert {"say", "tell", "insist", "add", "note", "state"}.isdisjoint(words)
    assert {"abandon", "accelerate", "halt"} <= words


def _dictionary_events(text: str) -> list[Any]:
    out = process_text(text, published="2021-10-09")
    return [e for e in out.events if e.rule.startswith("cameo.")]


def _one(text: str) -> tuple[str, str, str | None, str | None]:
    events = _dictionary_events(text)
    assert len(events) == 1, events
    e = events[0]
    return e.cameo, e.type, e.source.actor.country if e.source else None, e.target.actor.country if e.target else None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sanction: halting flights (CAMEO 160), not in the curated lexicon
        ("Britain halted flights to Iran.", ("160", "SANCTION", "GBR", "IRN")),
        # withdrawal: abandoning outposts (0874), the target marked by the pattern's "+"
        ("Israel abandoned its outposts in Lebanon.", ("0874", "RETREAT", "ISR", "LBN")),
        # mobilisation: accelerating a deployment (154)
        ("Ukraine accelerated the deployment of troops to the Russian border.", ("154", "MOBILIZE", "UKR", "RUS")),
        # aid delivery: humanitarian aid to a country (073)
        ("Turkey transported humanitarian aid to Syria.", ("073", "AID", "TUR", "SYR")),
    ],
)
def test_dictionary_codes_what_the_lexicon_does_not(text: str, expected: tuple[str, str, str, str]) -> None:
    assert _one(text) == expected


@pytest.mark.model
def test_lexicon_stays_on_top_and_saying_is_no_event() -> None:
    # The lexicon codes "imposed sanctions"; the dictionary adds nothing of its own there.
    assert _dictionary_events("The United States imposed new sanctions on Iran.") == []
    assert _dictionary_events("The minister said the talks in Geneva were going well.") == []


@pytest.mark.model
def test_dictionary_events_follow_the_negation_rule() -> None:
    events = _dictionary_events("Britain did not halt flights to Iran.")
    assert events and all(e.negated for e in events)


_MATCH_IN_A_CHILD = """
from tidings.events.verbdict import load_verbdict
from tidings.nlp import parse

doc = next(parse(["Trump says it is very sad that Obama didn't attend Saturday's service in Washington."]))
match = load_verbdict().match(next(t for t in doc if t.text == "attend"))
print(None if match is None else (match.pattern.block, match.pattern.before, match.pattern.after, match.cameo))
"""


@pytest.mark.model
def test_the_pattern_chosen_does_not_depend_on_the_process_string_hashing() -> None:
    """Two patterns of 'attend' rank alike here (a refusal to go, and a statement that codes
    nothing): the one tried first wins, and the order tried must not follow a set's order, which
    changes with each process's string hashing."""
    import os
    import subprocess

    answers = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        done = subprocess.run([sys.executable, "-c", _MATCH_IN_A_CHILD], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        answers.add(done.stdout.strip())
    assert len(answers) == 1
    assert "'125'" in answers.pop()  # CAMEO 125, rejecting a proposal to meet: "didn't attend"
