"""The terminal face of events: one line per event that fits an 80–120 column terminal.

``date  place  source (country sector) → TYPE → target  «trigger»  confidence``, with ``--evidence``
a second line holding the sentence with the trigger marked. Names are cut (with an ellipsis) before
codes are: each cell puts its codes first.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console, JustifyMethod
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from tidings.evidence import trigger_spans

# QuadClass → colour: verbal / material cooperation, verbal / material conflict.
QUAD_STYLE = {1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}
# What has not happened, said in a word beside the type (`tidings events --all`).
MODALITY_TAGS = {"hypothetical": "if", "intended": "plan"}
INDENT = 4  # the evidence sentence stands under its event, this far in
LEGEND = "~date: the report's date · conf: chance that type and countries are right"


def console_for_stdout() -> Console:
    """A console on stdout: the terminal's width; 120 columns when piped (unless $COLUMNS says)."""
    if sys.stdout.isatty() or "COLUMNS" in os.environ:
        return Console(highlight=False)
    return Console(width=120, highlight=False)


def actor_cell(actor: dict[str, Any] | None) -> Text:
    """``IRN GOV Hossein Amir-Abdollahian``: codes first (bold), then the name."""
    if not actor:
        return Text("–", style="dim")
    codes = " ".join(c for c in (actor.get("country"), actor.get("sector")) if c) or "?"
    name = actor.get("name") or actor.get("text") or ""
    if name in (actor.get("country"), codes):
        name = ""
    cell = Text(codes, style="bold")
    if name:
        cell.append(" " + name)
    return cell


def type_cell(event: dict[str, Any]) -> Text:
    """``→ CONSULT →`` coloured by QuadClass; what did not happen says so: ``(not)`` when negated,
    ``(if)`` when hypothetical, ``(plan)`` when intended."""
    cell = Text("→ ")
    cell.append(str(event.get("type")), style=QUAD_STYLE.get(event.get("quad_class") or 0, ""))
    if event.get("negated"):
        cell.append(" (not)", style="italic")
    elif event.get("modality") in MODALITY_TAGS:
        cell.append(f" ({MODALITY_TAGS[event['modality']]})", style="italic")
    cell.append(" →")
    return cell


def date_cell(event: dict[str, Any]) -> Text:
    """The event's date; ``~`` before a date that is only the report's, ``–`` when unknown."""
    value = event.get("date")
    if not value:
        return Text("–", style="dim")
    if event.get("date_precision") == "report":
        return Text("~" + str(value), style="dim")
    return Text(str(value))


def evidence_text(sentence: str, trigger: str, plain: bool) -> Text:
    """The sentence with the trigger marked: reverse video in a terminal, «» when plain."""
    out = Text()
    pos = 0
    for start, end in trigger_spans(sentence, trigger):
        out.append(sentence[pos:start])
        if plain:
            out.append("«" + sentence[start:end] + "»")
        else:
            out.append(sentence[start:end], style="bold reverse")
        pos = end
    out.append(sentence[pos:])
    return out


COLUMNS = ("date", "place", "source", "type", "target", "trigger", "conf")
# The columns that give way when the line is too long, and how narrow they may get.
FLEX_MIN = {"place": 6, "source": 11, "target": 11, "trigger": 9}
# How strongly a column holds its width: the actors' names give way last.
FLEX_WEIGHT = {"place": 1.0, "source": 2.5, "target": 2.5, "trigger": 1.0}


def gap_for(width: int) -> int:
    """Blanks between columns: two where there is room, one in a narrow terminal."""
    return 2 if width >= 100 else 1


def column_widths(cells: list[dict[str, Text]], width: int) -> dict[str, int]:
    """Widths that fit ``width``: each column as wide as its widest cell (and its header), the
    widest of the flexible ones (for its weight) narrowed first, one column at a time, down to its minimum."""
    widths = {c: max([len(c)] + [r[c].cell_len for r in cells]) for c in COLUMNS}
    budget = width - gap_for(width) * (len(COLUMNS) - 1)
    while sum(widths.values()) > budget:
        shrinkable = [c for c in FLEX_MIN if widths[c] > FLEX_MIN[c]]
        if not shrinkable:  # still too wide (a narrow terminal): the type's tag gives way last
            widths["type"] = max(len("type"), widths["type"] - (sum(widths.values()) - budget))
            break
        widest = max(shrinkable, key=lambda c: (widths[c] - FLEX_MIN[c]) / FLEX_WEIGHT[c])
        widths[widest] -= 1
    return widths


def event_cells(e: dict[str, Any]) -> dict[str, Text]:
    conf = e.get("confidence")
    return {
        "date": date_cell(e),
        "place": Text((e.get("place") or {}).get("name") or ""),
        "source": actor_cell(e.get("source")),
        "type": type_cell(e),
        "target": actor_cell(e.get("target")),
        "trigger": Text(str(e.get("trigger") or ""), style="italic"),
        "conf": Text("" if conf is None else f"{conf:.2f}"),
    }


def events_table(events: list[dict[str, Any]], width: int) -> Table:
    """One row per event, every cell on one line (names cut with … to fit ``width``)."""
    cells = [event_cells(e) for e in events]
    widths = column_widths(cells, width)
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, padding=(0, gap_for(width), 0, 0))
    for c in COLUMNS:
        justify: JustifyMethod = "right" if c == "conf" else "left"
        table.add_column(c, width=widths[c], no_wrap=True, overflow="ellipsis", justify=justify)
    for row in cells:
        table.add_row(*(row[c] for c in COLUMNS))
    return table


def print_events(events: list[dict[str, Any]], console: Console | None = None, evidence: bool = False) -> None:
    """Print events one line each to ``console`` (stdout by default); with ``evidence``, each
    followed by its sentence, indented and wrapped to the width, the trigger marked."""
    console = console or console_for_stdout()
    if not events:
        console.print("no events", style="dim")
        return
    table = events_table(events, console.width)
    if not evidence:
        console.print(table)
        console.print(LEGEND, style="dim")
        return
    plain = console.no_color or not console.is_terminal
    lines = console.render_lines(table, console.options, pad=False)
    console.print(_line(lines[0]))
    for row, e in zip(lines[1:], events, strict=True):
        console.print(_line(row))
        if e.get("sentence"):
            sentence = evidence_text(e["sentence"], e.get("trigger") or "", plain)
            for line in sentence.wrap(console, max(20, console.width - INDENT)):
                line.rstrip()
                console.print(Text(" " * INDENT).append(line), soft_wrap=True)
    console.print(LEGEND, style="dim")


def _line(segments: list[Segment]) -> Text:
    """A rendered line of segments back into styled text, trailing blanks cut."""
    text = Text()
    for seg in segments:
        text.append(seg.text, style=seg.style)
    text.rstrip()
    return text
