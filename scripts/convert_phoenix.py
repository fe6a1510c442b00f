#!/usr/bin/env python3
"""Convert PETRARCH2's Phoenix actor and agent dictionaries into tidings' bundled actor tables.

usage: python scripts/convert_phoenix.py [--dicts DIR] [--out DIR] [--model NAME]

Reads Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt,
Phoenix.agents.txt and LICENSE.txt from DIR (default ../shared/data/petrarch2_dictionaries, i.e.
openeventdata/petrarch2 petrarch2/data/dictionaries/ at commit 676801cd9cb2924bbbad09f86d15c9323e7097bf)
and writes OUT (default src/tidings/actors/data/phoenix/): actors.csv, agents.csv and NOTICE.txt.
Which names are kept is decided by tidings.actors.phoenix (see its docstring); the English word list
it needs is the WordNet lemma index of the spaCy model (default tidings' model), so the output is the
same for the same dictionaries and model.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from importlib import resources
from pathlib import Path

import yaml

from tidings.actors.petrarch import parse_actors, parse_agents
from tidings.actors.phoenix import agents_csv, rows, to_csv

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DICTS = ROOT.parent / "shared" / "data" / "petrarch2_dictionaries"
DEFAULT_OUT = ROOT / "src" / "tidings" / "actors" / "data" / "phoenix"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
REPO = "openeventdata/petrarch2"
FOLDER = "petrarch2/data/dictionaries/"
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"

HEADER = (
    f"# Converted from PETRARCH2's Phoenix dictionaries ({REPO}, {FOLDER}, commit {COMMIT})\n"
    "# by scripts/convert_phoenix.py. MIT License, Copyright (c) 2014 Open Event Data: see NOTICE.txt\n"
    "# beside this file for the copyright and permission notice. Do not edit: regenerate with the script.\n"
)


def notice(license_text: str) -> str:
    return (
        "tidings' Phoenix actor tables (actors.csv, agents.csv in this folder)\n"
        "====================================================================\n\n"
        "These tables are converted from the Phoenix actor and agent dictionaries of PETRARCH2:\n\n"
        f"  repository: https://github.com/{REPO}\n"
        f"  folder:     {FOLDER}\n"
        f"  commit:     {COMMIT}\n"
        f"  files:      {', '.join(ACTOR_FILES)}, {AGENT_FILE}\n\n"
        "They are loaded by tidings.actors.kb.load_kb below every curated table of tidings: where a\n"
        "Phoenix entry and a curated entry name the same thing or share a name, the curated entry wins.\n\n"
        "To regenerate them (the files here are the script's output, byte for byte):\n\n"
        "  python scripts/convert_phoenix.py --dicts DIR\n\n"
        "where DIR holds the four files above and LICENSE.txt from that commit.\n\n"
        "The dictionaries are distributed under the MIT License; its copyright and permission notice\n"
        "follows as the project gives it (LICENSE.txt).\n\n"
        "--------------------------------------------------------------------------------\n"
        + license_text.rstrip()
        + "\n"
    )


def common_words(model: str, pos: tuple[str, ...] | None = None) -> frozenset[str]:
    """Lower-case English words: the WordNet lemma index the model's lemmatizer ships (of the parts
    of speech given, else of all)."""
    import spacy
    from spacy.strings import get_string_id

    table = spacy.load(model).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    keys = None if pos is None else {get_string_id(p) for p in pos}  # the table is keyed by string hashes
    return frozenset(w for p in table if keys is None or p in keys for w in table[p])


def curated_acronyms() -> frozenset[str]:
    """Words tidings' own tables write in capitals (US, UN, EU): kept in capitals in converted names."""
    data = resources.files("tidings.actors") / "data"
    names: list[str] = []
    text = (data / "countries.csv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        names += (row.get("aliases") or "").split(";")
    for name in ("organisations.yaml", "groups.yaml"):
        for row in yaml.safe_load((data / name).read_text(encoding="utf-8")) or []:
            names += [str(a) for a in row.get("aliases") or []]
    return frozenset(
        w for n in names for w in n.split() if w.isupper() and 2 <= len(w.replace(".", "")) <= 5 and w.isalpha()
    )


def convert(dicts: Path, model: str) -> dict[str, str]:
    """File name → text for everything the script writes."""
    import pycountry

    agents = parse_agents((dicts / AGENT_FILE).read_text(encoding="utf-8", errors="replace"))
    sectors = frozenset(agents.values()) | {"ELI"}  # ELI (elites) is a code of the actor files only
    entries = [
        e for name in ACTOR_FILES for e in parse_actors((dicts / name).read_text(encoding="utf-8", errors="replace"))
    ]
    table = rows(
        entries,
        states=frozenset(c.alpha_3 for c in pycountry.countries),
        sectors=sectors,
        common=common_words(model),
        other_pos=common_words(model, ("verb", "adj", "adv")),
        acronyms=curated_acronyms(),
    )
    return {
        "actors.csv": to_csv(HEADER, table),
        "agents.csv": agents_csv(HEADER, agents),
        "NOTICE.txt": notice((dicts / "LICENSE.txt").read_text(encoding="utf-8")),
    }


def main() -> None:
    from tidings.nlp import DEFAULT_MODEL

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dicts", type=Path, default=DEFAULT_DICTS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()
    missing = [n for n in (*ACTOR_FILES, AGENT_FILE, "LICENSE.txt") if not (args.dicts / n).is_file()]
    if missing:
        sys.exit(f"{args.dicts}: missing {', '.join(missing)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in convert(args.dicts, args.model).items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name} ({text.count(chr(10))} lines)", file=sys.stderr)


if __name__ == "__main__":
    main()
