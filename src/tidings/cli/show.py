"""``tidings show DOC_ID``: a report's cleaned text with its events and quotes and their evidence."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel

from tidings.cli.options import DB
from tidings.store import open_store


def show_cmd(
    doc_id: Annotated[str, typer.Argument(help="A document id (or its prefix) or input ref.")], db: str = DB
) -> None:
    """Show one stored report, its events and quotes."""
    console = Console()
    with open_store(db) as store:
        doc = store.document(doc_id)
        if doc is None:
            console.print(f"[T006] No single document matches {doc_id!r}. List ids with: tidings events --format csv")
            raise typer.Exit(1)
        events = store.events(doc_id=doc["doc_id"])
        mentions = store.mentions(doc["doc_id"])
        quotes = store.quotes(doc_id=doc["doc_id"])
    head = f"{doc['title'] or '(no title)'}\n{doc['ref']} · published {doc['published'] or 'unknown'}"
    console.print(Panel(doc["text"], title=head, title_align="left"))
    dropped = json.loads(doc["dropped"])
    if dropped:
        console.print("[bold]Dropped lines[/bold]")
        for d in dropped:
            console.print(f"  [{d['reason']}] {d['text'][:100]}")
    console.print(f"[bold]Actors ({len(chains := _chains(mentions))}): every mention, and how it was linked[/bold]")
    for (name, country, _), links in chains.items():
        console.print(f"  {name} ({country or 'no country'}): " + "; ".join(links), highlight=False)
    console.print(f"[bold]Events ({len(events)})[/bold]")
    for e in events:
        src = (e["source"] or {}).get("name") or "?"
        tgt = (e["target"] or {}).get("name") or "-"
        place = (e["place"] or {}).get("name") or "-"
        console.print(
            f"  {e['type']:<9} {src} → {tgt}  date {e['date']} ({e['date_precision']}) place {place}"
            f"  [{e['modality']}, {e['confidence']}, {e['rule']}]"
        )
        console.print(f"      trigger «{e['trigger']}» in: {e['sentence']}", highlight=False)
    console.print(f"[bold]Quotes ({len(quotes)})[/bold]")
    for q in quotes:
        sp = q["speaker"] or {}
        relay = q["relay"] or {}
        via = f" via {relay.get('name') or relay.get('text')}" if relay else ""
        console.print(
            f"  {q['kind']:<8} {sp.get('name') or sp.get('text') or '?'}{via}: “{q['text']}”", highlight=False
        )


def _chains(mentions: list[dict[str, Any]]) -> dict[tuple[str, str | None, str], list[str]]:
    """Mentions grouped by the actor they resolved to (a coreference chain), in text order."""
    out: dict[tuple[str, str | None, str], list[str]] = {}
    for m in mentions:
        key = (m["name"] or m["actor_id"], m["country"], m["actor_id"])
        out.setdefault(key, []).append(f"«{m['text']}» {m['how']}")
    return out
