"""The terminal face of quotations: who said it, who relayed it, then the words, wrapped under them."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

INDENT = 4  # the words stand under their speaker, this far in


def who_said(quote: dict[str, Any]) -> Text:
    """``Hossein Amir-Abdollahian (IRN GOV) via Mehr, direct``."""
    speaker = quote.get("speaker") or {}
    name = speaker.get("name") or speaker.get("text") or "unknown speaker"
    codes = " ".join(c for c in (speaker.get("country"), speaker.get("sector")) if c)
    out = Text(name, style="bold")
    if codes:
        out.append(f" ({codes})")
    relay = quote.get("relay") or {}
    relayed_by = relay.get("name") or relay.get("text")
    if relayed_by:
        out.append(" via ").append(str(relayed_by), style="bold")
    if quote.get("kind"):
        out.append(f", {quote['kind']}", style="dim")
    return out


def print_quotes(quotes: list[dict[str, Any]], console: Console, limit: int | None = None) -> None:
    """Each quotation as a line naming speaker and relay, and its words indented below."""
    if not quotes:
        console.print("no quotes", style="dim")
        return
    for q in quotes[:limit]:
        console.print(who_said(q))
        for line in Text(f"“{q.get('text') or ''}”").wrap(console, max(20, console.width - INDENT)):
            line.rstrip()
            console.print(Text(" " * INDENT).append(line), soft_wrap=True)
    if limit is not None and len(quotes) > limit:
        console.print(f"… and {len(quotes) - limit} more: tidings quotes lists them all", style="dim")
