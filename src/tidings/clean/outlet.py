"""Which outlet published a report: from its URL's domain, or from the outlet's name in page debris
("Jerusalem Post Store", "© 2023 Reuters"). Both look the name up in the actors' outlet table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from tidings.actors.kb import load_kb
from tidings.records import Span

# Debris that carries the site's own name: "<Outlet> Store", "© 2023 <Outlet>", "<Outlet> Premium".
_SIGNATURES = (
    re.compile(r"^(?P<name>.{2,40}?)\s+(?:store|shop|premium|newsletters?|app)$", re.IGNORECASE),
    re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*)*(?P<name>[^.,|]{2,40})", re.IGNORECASE),
)


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    domains = load_kb().outlet_domains
    parts = host.split(".")
    for k in range(len(parts) - 1):  # news.example.co.uk → example.co.uk → co.uk
        entity_id = domains.get(".".join(parts[k:]))
        if entity_id:
            return load_kb().entities[entity_id].name
    return None


def outlet_from_debris(dropped: Iterable[Span]) -> str | None:
    kb = load_kb()
    for span in dropped:
        for pattern in _SIGNATURES:
            m = pattern.match(span.text.strip())
            if not m:
                continue
            name = m.group("name").strip()
            for candidate in (name, re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)):
                outlets = [a.entity for a in kb.find(candidate) if a.entity.kind == "outlet"]
                if outlets:
                    return outlets[0].name
    return None
