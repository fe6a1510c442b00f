"""A dyad series as a picture: ``FILE.png`` through matplotlib (no browser needed), ``FILE.html``
through plotly (one self-contained page, plotly's script inlined: it opens offline).

Top panel: distinct events (clusters) per period by PLOVER type, A→B above the line and B→A below
it; bottom panel: the cooperation–conflict index (-1 conflict … +1 cooperation).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.link.dyad import DyadSeries

# Colours of the PLOVER types: cooperation in blues and greens, verbal conflict in oranges,
# material conflict in reds (by the type's QuadClass in PLOVER), others grey.
_COLOURS = {
    "AGREE": "#1f77b4",
    "CONSULT": "#4c9be8",
    "SUPPORT": "#17becf",
    "COOPERATE": "#2ca02c",
    "AID": "#98df8a",
    "RETREAT": "#9edae5",
    "CONCEDE": "#aec7e8",
    "REQUEST": "#bcbd22",
    "ACCUSE": "#ff7f0e",
    "REJECT": "#ffbb78",
    "THREATEN": "#e377c2",
    "PROTEST": "#c5b0d5",
    "SANCTION": "#9467bd",
    "MOBILIZE": "#8c564b",
    "COERCE": "#d62728",
    "ASSAULT": "#7f0000",
}


def _colour(kind: str) -> str:
    return _COLOURS.get(kind, "#7f7f7f")


def _width(series: DyadSeries) -> timedelta:
    return {"day": timedelta(days=0.8), "week": timedelta(days=5.5)}.get(series.by, timedelta(days=24))


def _title(series: DyadSeries) -> str:
    n = sum(p.events for p in series.periods)
    title = f"{series.a} – {series.b}: {n} distinct events by {series.by}"
    if series.undated:
        title += f", {series.undated} undated"
    if series.coarse:
        title += f" ({series.coarse} dated too coarsely for one {series.by}: not shown)"
    return title


def write_plot(series: DyadSeries, path: str) -> None:
    """Draw the series to ``path``: .png or .html."""
    suffix = Path(path).suffix.lower()
    if suffix == ".png":
        _png(series, path)
    elif suffix in (".html", ".htm"):
        _html(series, path)
    else:
        raise TidingsError(f"--plot {path!r}: give a FILE.png (a picture) or a FILE.html (an interactive page).")


def _png(series: DyadSeries, path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    undated = any(series.undated_counts.values())
    fig = plt.figure(figsize=(11.5 if undated else 11, 6.5), layout="constrained")
    grid = fig.add_gridspec(2, 2 if undated else 1, height_ratios=[3, 1.4], width_ratios=[9, 1] if undated else [1])
    bars = fig.add_subplot(grid[0, 0])
    line = fig.add_subplot(grid[1, 0], sharex=bars)
    num: Any = mdates.date2num  # dates as matplotlib's day numbers
    width = _width(series).total_seconds() / 86400
    starts = [float(num(p.start)) for p in series.periods]
    shown: set[str] = set()
    for sign, attr in ((1, "a_to_b"), (-1, "b_to_a")):
        base = [0.0] * len(series.periods)
        for kind in series.types:
            heights = [sign * getattr(p, attr).get(kind, 0) for p in series.periods]
            if not any(heights):
                continue
            label = kind if kind not in shown else None
            shown.add(kind)
            bars.bar(starts, heights, width=width, bottom=base, color=_colour(kind), label=label, align="edge",
                     edgecolor="white", linewidth=0.5)
            base = [b + h for b, h in zip(base, heights, strict=True)]
    bars.axhline(0, color="black", linewidth=0.8)
    top = max(
        [sum(p.a_to_b.values()) for p in series.periods]
        + [sum(p.b_to_a.values()) for p in series.periods]
        + [sum(v.values()) for v in series.undated_counts.values()]
        + [1]
    )
    bars.set_ylim(-top - 0.5, top + 0.5)
    if undated:
        side = fig.add_subplot(grid[0, 1], sharey=bars)
        for sign, attr in ((1, "a_to_b"), (-1, "b_to_a")):
            level = 0.0
            for kind in series.types:
                n = series.undated_counts[attr].get(kind, 0)
                if n:
                    label = kind if kind not in shown else None
                    shown.add(kind)
                    side.bar([0], [sign * n], bottom=[level], width=0.6, color=_colour(kind), label=label,
                             edgecolor="white", linewidth=0.5)
                    level += sign * n
        side.axhline(0, color="black", linewidth=0.8)
        side.set_xticks([0], ["undated"])
        side.set_xlim(-0.6, 0.6)
        side.tick_params(axis="y", labelleft=False)
        side.grid(axis="y", alpha=0.3)
    bars.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    bars.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{abs(int(v))}"))
    bars.set_ylabel("distinct events")
    bars.text(0.005, 0.97, f"{series.a} → {series.b}", transform=bars.transAxes, va="top", fontsize=10, weight="bold")
    bars.text(0.005, 0.03, f"{series.b} → {series.a}", transform=bars.transAxes, va="bottom", fontsize=10, weight="bold")
    if shown:
        handles = [h for ax in fig.axes for h in ax.get_legend_handles_labels()[0]]
        labels = [lab for ax in fig.axes for lab in ax.get_legend_handles_labels()[1]]
        fig.legend(handles, labels, title="PLOVER type", loc="outside right upper", frameon=False)
    bars.set_title(_title(series), fontsize=12)
    bars.grid(axis="y", alpha=0.3)
    bars.tick_params(axis="x", labelbottom=False)

    centres = [start + width / 2 for start in starts]
    values = [p.index for p in series.periods]
    pts = [(c, v) for c, v in zip(centres, values, strict=True) if v is not None]
    if pts:
        line.plot([c for c, _ in pts], [v for _, v in pts], marker="o", color="#333333", linewidth=1.5)
        for c, v in pts:
            line.annotate(f"{v:+.2f}", (c, v), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
    line.axhline(0, color="black", linewidth=0.8)
    line.axhspan(0, 1, color="#2ca02c", alpha=0.06)
    line.axhspan(-1, 0, color="#d62728", alpha=0.06)
    line.set_ylim(-1.05, 1.05)
    line.set_ylabel("index\n(−1 conflict … +1 coop.)")
    line.grid(axis="y", alpha=0.3)
    if series.periods:
        pad = {"day": 2.0, "week": 10.0}.get(series.by, 40.0)
        line.set_xlim(min(starts) - pad, max(starts) + width + pad)
    else:
        line.text(0.5, 0.5, "no dated events", transform=line.transAxes, ha="center")
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)  # type: ignore[no-untyped-call]
    line.xaxis.set_major_locator(locator)
    line.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    caption = _caption(series)
    if caption:
        fig.text(0.01, 0.005, caption, fontsize=8.5, va="bottom", ha="left", wrap=True, color="#333333")
        fig.get_layout_engine().set(rect=(0, 0.07, 1, 0.93))  # type: ignore[union-attr, call-arg]
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _caption(series: DyadSeries) -> str:
    """The most widely reported event of the series, with its evidence."""
    tops = [c for p in series.periods for c in p.top_clusters]
    if not tops:
        return ""
    top = max(tops, key=lambda c: (c.num_sources, c.date or ""))
    sentence = top.sentence if len(top.sentence) <= 170 else top.sentence[:167].rstrip() + "…"
    sources = f"{top.num_sources} source{'s' if top.num_sources != 1 else ''}"
    lead = "Most reported" if top.num_sources > 1 else "For example"
    return f"{lead}: {top.date} {top.type} {top.source}→{top.target} ({sources}): “{sentence}”"


def _html(series: DyadSeries, path: str) -> None:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.7, 0.3], vertical_spacing=0.06)
    starts = [p.start.isoformat() for p in series.periods]
    for sign, attr, src, tgt in ((1, "a_to_b", series.a, series.b), (-1, "b_to_a", series.b, series.a)):
        for kind in series.types:
            counts = [getattr(p, attr).get(kind, 0) for p in series.periods]
            if not any(counts):
                continue
            hover = [_hover(p, kind, src) for p in series.periods]
            fig.add_trace(
                go.Bar(
                    x=starts,
                    y=[sign * n for n in counts],
                    name=f"{kind} {src}→{tgt}",
                    legendgroup=kind,
                    marker_color=_colour(kind),
                    hovertext=hover,
                    hoverinfo="text",
                ),
                row=1,
                col=1,
            )
    fig.add_trace(
        go.Scatter(
            x=starts,
            y=[p.index for p in series.periods],
            mode="lines+markers",
            name="cooperation–conflict index",
            line={"color": "#333333"},
        ),
        row=2,
        col=1,
    )
    fig.update_layout(barmode="relative", title=_title(series), template="plotly_white")
    fig.update_yaxes(title_text=f"events ({series.a}→{series.b} up, {series.b}→{series.a} down)", row=1, col=1)
    fig.update_yaxes(title_text="index", range=[-1.05, 1.05], row=2, col=1)
    fig.write_html(path, include_plotlyjs=True, full_html=True)


def _hover(period: Any, kind: str, src: str) -> str:
    lines = [f"{period.start} – {period.end}: {kind}"]
    for c in period.top_clusters:
        if c.type == kind and c.source == src:
            lines.append(f"{c.date} ({c.num_sources} sources): {c.sentence[:160]}")
    return "<br>".join(lines)

