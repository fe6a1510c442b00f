"""Read verbs over the store: ``tidings events``, ``tidings quotes``, ``tidings rejections``."""

from __future__ import annotations

from typing import Annotated

import typer

from tidings.cli.event_lines import console_for_stdout, print_events
from tidings.cli.link import SINCE, SOURCE, TARGET, UNTIL, iso_day
from tidings.cli.options import DB, FORMAT
from tidings.cli.output import Format, write_rows
from tidings.cli.quote_lines import print_quotes
from tidings.store import open_store

EVENT_COLUMNS = [
    "doc_ref",
    "type",
    "source_text",
    "source_country",
    "source_sector",
    "target_text",
    "target_country",
    "date",
    "place_name",
    "modality",
    "negated",
    "confidence",
    "trigger",
]
QUOTE_COLUMNS = ["doc_ref", "kind", "speaker_name", "speaker_text", "relay_name", "text"]


def events_cmd(
    actor: Annotated[
        str | None, typer.Option(help="ISO 3166 alpha-3 country (or actor id), as source or target.")
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")] = None,
    since: Annotated[str | None, SINCE] = None,
    until: Annotated[str | None, UNTIL] = None,
    source: Annotated[str | None, SOURCE] = None,
    target: Annotated[str | None, TARGET] = None,
    asserted: Annotated[bool, typer.Option(help="Only asserted events (not reported ones), non-negated.")] = False,
    all_: Annotated[
        bool,
        typer.Option(
            "--all", help="Also hypothetical, intended and negated events, labelled by `modality` and `negated`."
        ),
    ] = False,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Only events at least this likely to be right: confidence is calibrated on hand-coded gold, "
            "so of the events at 0.5 or more about half or more are right (scripts/fit_calibration.py).",
        ),
    ] = None,
    evidence: Annotated[
        bool, typer.Option(help="In the table, show each event's sentence below it, the trigger marked.")
    ] = False,
    db: str = DB,
    fmt: Format = FORMAT,
) -> None:
    """List coded events, one line each: by default those the report tells as fact (asserted or reported), not negated."""
    with open_store(db) as store:
        rows = store.events(
            actor=actor,
            type_=type_,
            since=iso_day(since),
            until=iso_day(until),
            source=source,
            target=target,
            asserted_only=asserted,
            include_all=all_,
            min_confidence=min_confidence,
        )
    if fmt is Format.TABLE:
        print_events(rows, evidence=evidence)
    else:
        write_rows(rows, fmt, EVENT_COLUMNS)


def quotes_cmd(
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name or text.")] = None,
    relay: Annotated[str | None, typer.Option(help="Part of the name of an outlet or person that relayed it.")] = None,
    contains: Annotated[str | None, typer.Option(help="Text the quotation contains (case-insensitive).")] = None,
    db: str = DB,
    fmt: Format = FORMAT,
) -> None:
    """List quotations and indirect speech with their speakers and relays."""
    with open_store(db) as store:
        rows = store.quotes(speaker=speaker, relay=relay, contains=contains)
    if fmt is Format.TABLE:
        print_quotes(rows, console_for_stdout())
    else:
        write_rows(rows, fmt, QUOTE_COLUMNS)


def rejections_cmd(db: str = DB, fmt: Format = FORMAT) -> None:
    """List the documents turned away, with the reason."""
    with open_store(db) as store:
        rows = store.rejections()
    write_rows(rows, fmt, ["ref", "reason", "stage", "detail"])
