"""plotly figures (as plain JSON-able dicts) for the report: the dyad timeline with its index,
and the actor network around the dyad."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from tidings.report.palette import type_colours, type_order

DAY_MS = 86_400_000
PERIOD_DAYS = {"day": 1, "week": 7, "month": 30}
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}


def period_totals(series: dict[str, Any]) -> dict[str, list[int]]:
    """Events of each type per period, both directions together, in the order of the periods."""
    periods = series["periods"]
    types = {t for p in periods for d in p["counts"].values() for t in d}
    return {
        t: [p["counts"]["a_to_b"].get(t, 0) + p["counts"]["b_to_a"].get(t, 0) for p in periods]
        for t in type_order()
        if t in types
    } | {t: [] for t in sorted(types - set(type_order()))}


def timeline_figure(series: dict[str, Any]) -> dict[str, Any]:
    """Stacked bars of events by type per period, the cooperation–conflict index as a line above."""
    periods = series["periods"]
    x = [p["start"] for p in periods]
    width = PERIOD_DAYS.get(series.get("by", "month"), 30) * DAY_MS * 0.8
    colours = type_colours()
    data: list[dict[str, Any]] = []
    for t, ys in period_totals(series).items():
        data.append(
            {
                "type": "bar",
                "name": t,
                "x": x,
                "y": ys,
                "width": [width] * len(x),
                "marker": {"color": colours.get(t, "#888")},
                "hovertemplate": f"{t}: %{{y}} in the period from %{{x|%Y-%m-%d}}<extra></extra>",
            }
        )
    data.append(
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": "index",
            "x": x,
            "y": [p["index"] for p in periods],
            "yaxis": "y2",
            "line": {"color": "#222", "width": 1.5, "dash": "dot"},
            "marker": {"size": 8, "color": "#222"},
            "hovertemplate": "index %{y:.2f}<extra></extra>",
        }
    )
    span = _date_range(x)
    return {
        "data": data,
        "layout": {
            "barmode": "stack",
            "font": FONT,
            "margin": {"l": 80, "r": 20, "t": 10, "b": 40},
            "height": 360,
            "legend": {"orientation": "h", "y": -0.12, "traceorder": "normal"},
            "xaxis": {"type": "date", "range": span, "title": {"text": ""}},
            "yaxis": {
                "title": {"text": "events"},
                "domain": [0, 0.66],
                "range": [0, max(1, _max_stack(periods)) * 1.12],
                "dtick": 1 if _max_stack(periods) < 8 else None,
            },
            "yaxis2": {
                "domain": [0.74, 1],
                "anchor": "x",
                "range": [-1.15, 1.15],
                "tickvals": [-1, 0, 1],
                "ticktext": ["−1 conflict", "0", "+1 coop."],
                "zeroline": True,
                "zerolinecolor": "#999",
                "showgrid": False,
            },
            "plot_bgcolor": "#fff",
            "paper_bgcolor": "#fff",
        },
    }


def _max_stack(periods: list[dict[str, Any]]) -> int:
    return max((p["events"] for p in periods), default=0)


def _date_range(x: list[str]) -> list[str] | None:
    """A month of margin either side of the periods, so the first and last bars are whole."""
    if not x:
        return None
    first, last = date.fromisoformat(min(x)), date.fromisoformat(max(x))
    lo = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    hi = date(last.year + (last.month >= 11), (last.month + 1) % 12 + 1, 1)
    return [lo.isoformat(), hi.isoformat()]


def network_layout(nodes: list[str], a: str, b: str) -> dict[str, tuple[float, float]]:
    """``a`` left and ``b`` right of the centre, every other actor on a circle around them."""
    pos = {a: (-0.35, 0.0), b: (0.35, 0.0)}
    others = [n for n in nodes if n not in pos]
    for k, n in enumerate(others):
        angle = math.pi / 2 + 2 * math.pi * k / max(len(others), 1)
        pos[n] = (math.cos(angle), math.sin(angle))
    return pos


def index_colour(index: float | None) -> str:
    """Red for conflict, grey for neutral, green for cooperation."""
    if index is None:
        return "#999"
    v = max(-1.0, min(1.0, index))
    if v < 0:
        return f"rgb({150 + int(-v * 100)},{int(110 * (1 + v))},{int(110 * (1 + v))})"
    return f"rgb({int(110 * (1 - v))},{130 + int(v * 70)},{int(110 * (1 - v))})"


def network_figure(net: dict[str, Any], a: str, b: str, names: dict[str, str] | None = None) -> dict[str, Any]:
    """Nodes sized by their events, an edge per direction, wider for more events, coloured by its index."""
    names = names or {}
    ids = [n["id"] for n in net["nodes"]]
    if a not in ids:
        ids.insert(0, a)
    if b not in ids:
        ids.insert(1, b)
    pos = network_layout(ids, a, b)
    data: list[dict[str, Any]] = []
    for e in net["edges"]:
        (x0, y0), (x1, y1) = pos[e["source"]], pos[e["target"]]
        # a direction drawn a little to one side, so that A→B and B→A are both seen
        dx, dy = y1 - y0, x0 - x1
        norm = math.hypot(dx, dy) or 1.0
        off = 0.025
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [x0 + dx / norm * off, x1 + dx / norm * off],
                "y": [y0 + dy / norm * off, y1 + dy / norm * off],
                "line": {"width": 1 + 2.5 * math.log2(1 + e["events"]), "color": index_colour(e.get("index"))},
                "hoverinfo": "text",
                "text": f"{e['source']} → {e['target']}: {e['events']} events, index {e.get('index')}",
                "showlegend": False,
            }
        )
    events = {n["id"]: n["events"] for n in net["nodes"]}
    data.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "x": [pos[i][0] for i in ids],
            "y": [pos[i][1] for i in ids],
            "text": ids,
            "textposition": "middle center",
            "textfont": {"color": "#fff", "size": 12},
            "hovertext": [f"{names.get(i, i)}: {events.get(i, 0)} events" for i in ids],
            "hoverinfo": "text",
            "marker": {
                "size": [22 + 6 * math.sqrt(events.get(i, 0)) for i in ids],
                "color": ["#1f3b57" if i in (a, b) else "#5d7a94" for i in ids],
                "line": {"color": "#fff", "width": 1},
            },
            "showlegend": False,
        }
    )
    hidden = {"visible": False, "range": [-1.3, 1.3]}
    return {
        "data": data,
        "layout": {
            "font": FONT,
            "height": 420,
            "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
            "xaxis": hidden,
            "yaxis": {**hidden, "scaleanchor": "x"},
            "plot_bgcolor": "#fff",
            "paper_bgcolor": "#fff",
        },
    }
