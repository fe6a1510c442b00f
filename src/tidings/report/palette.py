"""Colours of event types, by QuadClass: blues for verbal cooperation, greens for material
cooperation, ambers for verbal conflict, reds for material conflict (the order of plover.yaml)."""

from __future__ import annotations

from functools import lru_cache

from tidings.ontology.tables import load_ontology

SHADES = {
    1: ["#1f4e79", "#2e75b6", "#5b9bd5", "#9dc3e6"],
    2: ["#375623", "#548235", "#70ad47", "#a9d18e"],
    3: ["#7f6000", "#bf8f00", "#ffc000", "#ffd966"],
    4: ["#7b1d1d", "#b02a2a", "#d9534f", "#e88b87", "#f2b8b5"],
}


@lru_cache(maxsize=1)
def type_colours() -> dict[str, str]:
    """Every PLOVER type → a colour; types of one QuadClass take that class's shades in turn."""
    ont = load_ontology()
    used: dict[int, int] = {}
    out: dict[str, str] = {}
    for name, entry in ont.plover.items():
        root = ont.roots.get(str(entry["cameo"]))
        quad = root.quad_class if root else 1
        shades = SHADES[quad]
        out[name] = shades[used.get(quad, 0) % len(shades)]
        used[quad] = used.get(quad, 0) + 1
    return out


def type_order() -> list[str]:
    """PLOVER types from the most cooperative to the most hostile."""
    return list(type_colours())
