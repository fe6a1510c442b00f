"""The close of ``tidings demo``: what was read and found, in a few lines, and where to go next."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.text import Text


def events_by_type(events: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Event types, most frequent first (ties by name)."""
    counts = Counter(str(e["type"]) for e in events)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def top_dyads(events: list[dict[str, Any]], n: int = 5) -> list[tuple[tuple[str, str], int]]:
    """Pairs of countries with most events between them, either way round (``IRN–RUS``)."""
    counts: Counter[tuple[str, str]] = Counter()
    for e in events:
        a = (e.get("source") or {}).get("country")
        b = (e.get("target") or {}).get("country")
        if a and b and a != b:
            counts[(min(a, b), max(a, b))] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def summary_panel(
    documents: int, rejected: int, events: list[dict[str, Any]], quotes: list[dict[str, Any]], db: str | None
) -> Panel:
    """A panel a newcomer can read: reports, events by type, top dyads, quotes, next commands."""
    lines: list[Text] = []
    lines.append(
        Text.assemble(
            ("Reports read: ", "bold"), f"{documents} stored", f", {rejected} turned away" if rejected else ""
        )
    )
    types = " · ".join(f"{t} {n}" for t, n in events_by_type(events))
    lines.append(Text.assemble((f"Events ({len(events)}): ", "bold"), types or "none"))
    dyads = top_dyads(events)
    lines.append(
        Text.assemble(
            ("Top dyads (events either way): ", "bold"), " · ".join(f"{a}–{b} {n}" for (a, b), n in dyads) or "none between two countries"
        )
    )
    speakers = {(q.get("speaker") or {}).get("name") for q in quotes} - {None}
    lines.append(Text.assemble((f"Quotes ({len(quotes)}): ", "bold"), f"from {len(speakers)} named speakers"))
    store = db or "demo.duckdb"
    a, b = dyads[0][0] if dyads else ("IRN", "RUS")
    steps = []
    if db is None:
        steps.append((f"tidings demo --db {store}", "run the demo into a store that is kept"))
    steps += [
        (f"tidings events --db {store} --evidence", "every event with the sentence it came from"),
        (f"tidings serve --db {store}", "a dashboard in the browser: timelines, network, quotes"),
        (
            f"tidings report {a} {b} --db {store} --out {a.lower()}-{b.lower()}.html",
            "one HTML file on a dyad to hand to a colleague",
        ),
    ]
    lines.append(Text("Where to go next:", style="bold"))
    for cmd, what in steps:
        lines.append(Text.assemble("  ", (cmd, "cyan"), "\n      ", (what, "dim")))
    return Panel(Group(*lines), title="What the demo found", title_align="left", expand=False)
